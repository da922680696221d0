"""Plain language: rule-based rewriting, lints, readability metrics and fact preservation."""
