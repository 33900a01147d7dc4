"""可考核: the publication ledger (SQLite), the official working-day calendar, scoring a county's catalog against what
it published, spot-check checklists, and the evaluation view the reports and the site render."""
