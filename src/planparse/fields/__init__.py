"""Field parsers: units, deadlines, quantities, document metadata. Pure functions on strings."""
