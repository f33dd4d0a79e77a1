"""One exception type for everything a user can do wrong; the CLI turns it into one line + exit 2."""


class PlanparseError(Exception):
    """A document could not be processed. `path` names it, `reason` says why in one line."""

    def __init__(self, path, reason):
        self.path = str(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class NotAPlan(PlanparseError):
    """Readable, but without the numbered structure of a plan (a letter, a news item)."""
