"""Standard-making progress against the responsibility list: stages on a date, due/done/overdue, the quarterly report.

`stages` holds the rules (what a planned month requires and when it falls due), `compute` the tallies,
`summary` the report's words and its one structured form, `run` the `govopen status` use case, and
`console`, `writers`, `report_docx`, `report_xlsx` its outputs.
"""
