"""Catalog spreadsheets in and out: the documented column layout, reading hand-made county sheets
(XLSX, CSV, JSON) into items, writing those items as YAML, and exporting a resolved catalog.

Modules: `columns` (the layout and header aliases), `text` (normalising and splitting cell text),
`grid` (files → cell grids with merged cells filled), `header` (finding and mapping the header rows),
`cells` (one cell → one item value), `laws` (names → registry ids), `rows` (grid rows → item drafts),
`coding` (codes per gen-02), `yaml_out` (deterministic YAML), `importer` and `exporter` (the two
orchestrators the commands call).
"""
