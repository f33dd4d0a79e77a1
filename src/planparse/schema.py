"""JSON Schema of the plan output (planparse.plan/1)."""

_DEADLINE = {
    "type": "object",
    "required": ["raw", "kind", "date", "ongoing", "milestones"],
    "properties": {
        "raw": {"type": "string", "description": "the deadline as written"},
        "kind": {"enum": ["date", "ongoing", "per_superior", "none", "unknown"]},
        "date": {"type": ["string", "null"], "format": "date", "description": "last day (ISO)"},
        "ongoing": {"type": "boolean", "description": "长期坚持, or …前完成并长期推进, or recurring"},
        "milestones": {"type": "array", "items": {"type": "string", "format": "date"}},
    },
}
_UNITS = {"type": "array", "items": {"type": "string"}, "description": "one string per unit, as written"}

PLAN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "planparse.plan/1",
    "title": "planparse plan",
    "type": "object",
    "required": ["schema", "meta", "tasks"],
    "properties": {
        "schema": {"const": "planparse.plan/1"},
        "name": {"type": "string"},
        "source": {"type": "object", "properties": {
            "path": {"type": "string"}, "container": {"type": "string"},
            "layout": {"enum": ["ledger", "body", "body+unit-lines", "body+inline-units"]}}},
        "meta": {"type": "object",
                 "required": ["title", "region", "level", "issuer", "issued", "doc_number", "basis",
                              "implements_national_plan"],
                 "properties": {
                     "title": {"type": "string"}, "region": {"type": "string"},
                     "level": {"enum": ["province", "city", "district", "county", None]},
                     "issuer": {"type": "string"},
                     "issued": {"type": ["string", "null"], "format": "date"},
                     "doc_number": {"type": ["string", "null"], "description": "文号"},
                     "basis": {"type": "array", "items": {"type": "string"}, "description": "文号 cited"},
                     "basis_titles": {"type": "array", "items": {"type": "string"}},
                     "implements_national_plan": {"type": "boolean"},
                     "implements_reason": {"type": "string"}}},
        "tasks": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "label", "heading", "text", "measures", "lead_units", "responsible_units",
                         "cooperating_units", "deadline", "inline_deadlines", "source"],
            "properties": {
                "id": {"type": "string", "pattern": "^T\\d{3,}$"},
                "label": {"type": "string"}, "section": {"type": "string"},
                "heading": {"type": "string"}, "heading_label": {"type": "string"},
                "text": {"type": "string"},
                "measures": {"type": "array", "items": {"type": "string"}},
                "lead_units": _UNITS, "responsible_units": _UNITS, "cooperating_units": _UNITS,
                "deadline": _DEADLINE,
                "inline_deadlines": {"type": "array", "items": {"type": "object", "properties": {
                    "raw": {"type": "string"}, "date": {"type": "string", "format": "date"}}}},
                "quantities": {"type": "array", "items": {"type": "object", "properties": {
                    "raw": {"type": "string"}, "value": {"type": "number"}, "unit": {"type": "string"},
                    "bound": {"enum": ["min", "max", None]}}}},
                "source": {"type": "object", "properties": {
                    "part": {"enum": ["ledger", "body"]},
                    **{k: {"type": ["integer", "null"]} for k in ("line", "para", "table", "row", "page")}}},
            }}},
    },
}
