"""Rules as data: the TOML/text files beside this module, loaded once and cached.

tomllib is in the standard library (3.11+); on 3.10 the small `tomli` backport is used.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def path(name: str):
    return resources.files(__name__).joinpath(name)


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    with path(name + ".toml").open("rb") as fh:
        return tomllib.load(fh)


def text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")
