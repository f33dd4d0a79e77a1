import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("PLANPARSE_SHARED", ROOT.parent / "shared"))
SLUGS = ["hongqiao", "hebei", "qinzhou", "datong", "beichen"]


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"shared/ with gold annotations not found at {SHARED} (set PLANPARSE_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def scorer(shared):
    """The project's own scorer (shared/eval/score.py), so tests measure what it measures."""
    sys.path.insert(0, str(shared / "eval"))
    import score
    return score


def run_cli(*args, cwd=None, env=None):
    import subprocess
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "planparse", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=e, timeout=300)
