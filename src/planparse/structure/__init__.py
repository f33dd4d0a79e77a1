"""Structure: numbering hierarchy of the body and task ledgers (tables)."""
