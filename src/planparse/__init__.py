"""planparse: parse and compare Chinese government implementation plans of 国办发〔2023〕27号.

The public API is deliberately small and lazy: importing planparse loads no parsing library.

    >>> import planparse
    >>> plan = planparse.extract("samples/hongqiao.txt")
    >>> plan.tasks[0].deadline.date
"""
__version__ = "0.1.0"

__all__ = ["extract", "compare", "PlanparseError", "__version__"]


def extract(path, **kwargs):
    """Read a plan (.txt .docx .pdf .html .xlsx .doc) and return a :class:`planparse.model.Plan`."""
    from .pipeline import extract as _extract
    return _extract(path, **kwargs)


def compare(plans, reference=None, **kwargs):
    """Align plans (paths or Plan objects) with the national plan or another plan."""
    from .align.compare import compare as _compare
    return _compare(plans, reference=reference, **kwargs)


def __getattr__(name):
    if name == "PlanparseError":
        from .errors import PlanparseError
        return PlanparseError
    raise AttributeError(name)
