"""`govopen diff`: two versions of the standards compared item by item (added, removed, changed element
by element), shown as a terminal table, JSON, or a DOCX 修订对照表.

Modules: `model` (the result types), `display` (item values as the catalog prints them), `compare`
(the comparison), `sources` (the two versions: folders, or git revisions extracted with `git archive`),
`report` (terminal and JSON), `docx` (the revision table document).
"""
