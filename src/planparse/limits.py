"""The time limit per document (the size limits live with the readers: readers/limits.py)."""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager

from .errors import PlanparseError


def default_timeout() -> int:
    try:
        return int(os.environ.get("PLANPARSE_TIMEOUT", "120"))
    except ValueError:
        return 120


class _Expired(BaseException):
    """Raised by the alarm: a BaseException, so that a parser's `except Exception` cannot swallow it."""


@contextmanager
def time_limit(path, seconds=None):
    """Raise PlanparseError when the block runs longer than `seconds` (main thread, Unix only;
    elsewhere no limit is enforced)."""
    seconds = default_timeout() if seconds is None else seconds
    usable = (seconds and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return

    def fire(signum, frame):
        raise _Expired()

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise PlanparseError(path, f"timed out after {seconds}s (limit PLANPARSE_TIMEOUT)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
