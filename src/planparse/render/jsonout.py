"""JSON: stable key order, no ASCII escaping, a trailing newline: byte-identical for the same input."""
import json


def dumps(obj) -> str:
    if hasattr(obj, "as_dict"):
        obj = obj.as_dict()
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
