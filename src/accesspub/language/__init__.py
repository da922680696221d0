"""Language knowledge: per-language data files and the passes that use them."""
