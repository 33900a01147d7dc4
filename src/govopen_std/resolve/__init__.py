"""Provincial base + county overlays → resolved catalogs, every field with its provenance."""
