"""Alignment: the reference (national plan or any plan), similarity, measure and clause
assignment, coverage and findings, and the comparison that ties them together."""
