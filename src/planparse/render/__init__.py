"""Renderers: a Plan (or a Comparison) to text or bytes. Each returns what it renders; the CLI
decides where it goes (stdout, or an atomic write with -o)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

FORMATS = ("table", "json", "csv", "xlsx", "md")


def write_atomic(path, data: bytes | str):
    """Write the whole output or nothing: a temp file in the same folder, then a rename."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)       # mkstemp makes 0600; an output file is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
