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
    except zipfile.BadZipFile:
        raise PlanparseError(path, "corrupt file (not a valid zip package)") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise PlanparseError(path, f"zip package has too many entries ({len(infos)} > {MAX_ZIP_ENTRIES})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_MB * 1024 * 1024:
        raise PlanparseError(path, f"zip package would unpack to {total // (1024 * 1024)} MB "
                                   f"(> {MAX_UNZIPPED_MB} MB): refused as a possible zip bomb")
    if any(i.flag_bits & 0x1 for i in infos):
        raise PlanparseError(path, "zip package is encrypted")
