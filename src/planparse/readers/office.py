"""Legacy formats (.doc, .wps, .xls, RTF) through LibreOffice: converted in a temporary folder to
.docx/.xlsx, then read by those readers. Without `soffice` on PATH: a clear error."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import PlanparseError
from . import limits

TIMEOUT = limits._env("PLANPARSE_SOFFICE_TIMEOUT", 120)


def read(path, kind):
    limits.check_size(path)
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise PlanparseError(path, f".{kind} needs LibreOffice (soffice) to convert it; install it "
                                   "or save the file as .docx/.xlsx")
    target = "xlsx" if kind == "xls" else "docx"
    with tempfile.TemporaryDirectory(prefix="planparse-") as tmp:
        src = Path(tmp) / ("in." + ("rtf" if kind == "rtf" else kind))
        shutil.copyfile(path, src)
        try:
            subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", target, "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise PlanparseError(path, f"LibreOffice conversion timed out after {TIMEOUT}s") from None
        except subprocess.CalledProcessError:
            raise PlanparseError(path, f"LibreOffice could not convert this .{kind} file") from None
        out = Path(tmp) / ("in." + target)
        if not out.exists() or out.stat().st_size == 0:
            raise PlanparseError(path, f"LibreOffice could not convert this .{kind} file (corrupt?)")
        if target == "xlsx":
            from . import xlsx
            doc = xlsx.read(out)
        else:
            from . import docx
            doc = docx.read(out)
    doc.path, doc.container = str(path), kind
    return doc
