"""Resource limits every reader applies before trusting a file (sizes, zip bombs, pages).

Defaults are generous for real plans; each can be changed with an environment variable."""
from __future__ import annotations

import os
import zipfile

from ..errors import PlanparseError


def _env(name, default):
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


MAX_FILE_MB = _env("PLANPARSE_MAX_FILE_MB", 100)
MAX_UNZIPPED_MB = _env("PLANPARSE_MAX_UNZIPPED_MB", 300)
MAX_ZIP_ENTRIES = _env("PLANPARSE_MAX_ZIP_ENTRIES", 5000)
MAX_PAGES = _env("PLANPARSE_MAX_PAGES", 500)
MAX_RATIO = _env("PLANPARSE_MAX_ZIP_RATIO", 200)
MAX_CELLS = _env("PLANPARSE_MAX_CELLS", 200_000)


def check_size(path):
    size = os.path.getsize(path)
    if size > MAX_FILE_MB * 1024 * 1024:
        raise PlanparseError(path, f"file too large ({size // (1024 * 1024)} MB > {MAX_FILE_MB} MB)")


def check_zip(path):
    """A .docx/.xlsx is a zip: refuse broken ones and zip bombs before any parser opens it."""
    check_size(path)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        raise PlanparseError(path, "corrupt file (not a valid zip package)") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise PlanparseError(path, f"zip package has too many entries ({len(infos)} > {MAX_ZIP_ENTRIES})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_MB * 1024 * 1024:
        raise PlanparseError(path, f"zip package would unpack to {total // (1024 * 1024)} MB "
                                   f"(> {MAX_UNZIPPED_MB} MB): refused as a possible zip bomb")
    if any(i.flag_bits & 0x1 for i in infos):
        raise PlanparseError(path, "zip package is encrypted")
    # Office XML never declares a DTD: one that does is an entity bomb or an XXE attempt
    with zipfile.ZipFile(path) as z:
        for i in infos:
            if not i.filename.lower().endswith((".xml", ".rels", ".vml")):
                continue
            if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 10 * 1024 * 1024:
                raise PlanparseError(path, f"zip entry {i.filename} is compressed {i.file_size // i.compress_size}:1: "
                                           "refused as a possible zip bomb")
            try:
                with z.open(i) as fh:
                    head = fh.read(4096)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
                raise PlanparseError(path, f"corrupt file (zip entry {i.filename} unreadable)") from None
            except Exception:
                raise PlanparseError(path, f"corrupt file (zip entry {i.filename} unreadable)") from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise PlanparseError(path, f"XML part {i.filename} declares a DTD or entities: refused "
                                           "(entity expansion / external entity attack)")
