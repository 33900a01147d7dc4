"""English help texts of the commands and their options, used under `--lang en` / GOVOPEN_LANG=en.

The Chinese texts stay where they are declared (the command modules); this table holds their English
versions, keyed by command name and the parameter's long option (or argument name). A key without a
command ("--workspace") applies to every command that has that option; "" is the app itself.
`english_help` swaps them in on the built click command tree before it runs.
"""

from __future__ import annotations

from typing import Any

COMMANDS: dict[str, str] = {
    "": "Standards compiler for grassroots government-affairs openness (基层政务公开): checks the standard "
        "sources and builds the standard texts (DOCX), the disclosure catalog site and the responsibility list.",
    "check": "Check the standard sources: format, references and completeness. Exit code: 0 no problems, "
             "1 problems at the --fail-on level or above, 2 usage or environment error.",
    "build": "Build the outputs: the provincial standard texts, the catalog site, the catalog spreadsheet and "
             "the responsibility list, and each pilot county's local catalog.",
    "schema": "Write the JSON Schemas of the source files (for completion and validation in editors' YAML "
              "language servers); titles and descriptions in the --lang language.",
    "init": "Create a pilot county's profile standards/counties/<code>.yaml, pre-filled with the provincial "
            "generic subjects and channels. Never overwrites an existing file.",
    "status": "Standard-making progress: due, done and overdue per group and per responsible unit; can write "
              "the quarterly progress report.",
    "import": "Import a catalog spreadsheet in the national catalog layout, write it as YAML and check the "
              "result. Exit code: 0 no errors, 1 errors in the sheet or the written result, 2 usage error.",
    "export": "Export the disclosure catalog (fixed column order, column names in the README) as "
              "catalog-<province|county code>.<format>.",
    "diff": "Compare two versions item by item: items added and removed, and changes element by element; "
            "as a terminal table, JSON or a DOCX revision table (修订对照表).",
    "serve": "Preview the catalog site on 127.0.0.1, rebuilt whenever a source file or template changes.",
    "evaluate": "Evaluate counties against their catalogs from the publication ledger: item statuses, indicator "
                "scores and the evidence of lost points. Exit code: 0 ok, 1 errors (e.g. ledger dates outside the "
                "working-day calendar), 2 usage or environment error.",
}

PARAMS: dict[str, str] = {
    "--workspace": "Workspace directory (with govopen.yaml and standards/); default: the current directory "
                   "or the built-in standards",
    "--lang": "Message language: zh (Chinese, the default) or en",
    "--version": "Show the version and exit",
    "check --format": "Output format: text, json, github, sarif",
    "check --fail-on": "Problems at this level or above make the exit code 1",
    "check --report": "Also print the completeness report per domain (items, items with all six elements, "
                      "laws cited, channels)",
    "build --out": "Output directory (default: the workspace's build/, relative to the current directory)",
    "build --county": "Build only these counties, by administrative division code; repeatable",
    "build --format": "Build only these outputs: docx, html, xlsx, responsibility; repeatable",
    "build --all": "Write a DOCX for every standard of the system (including those without text yet)",
    "build --jobs": "Number of parallel processes",
    "schema --out": "Output directory",
    "init --county": "The county's administrative division code (6 digits), e.g. 330105",
    "init --name": "The county's name; may be left out for the seven pilot counties",
    "init --city": "The city it belongs to; taken from the division code when left out",
    "evaluate --county": "County division code; without it every county of the workspace is evaluated",
    "evaluate --period": "Evaluation period: 2018, 2018Q1, 2018H1 or 2018-01-01..2018-06-30",
    "evaluate --format": "text (terminal tables) or json (the JSON contract in the README)",
    "evaluate --out": "Output folder of the evaluation report (DOCX) and score sheet (XLSX)",
    "evaluate --sample": "Spot-check checklist: number of items drawn, stratified by domain (needs -o)",
    "evaluate --seed": "Random seed of the spot-check checklist (the same seed gives the same checklist)",
    "status --as-of": "Reporting date YYYY-MM-DD (default: today, and the date used is printed)",
    "status --unit": "Only one responsible unit: its Annex 1 name or today's name",
    "status --format": "text (terminal tables), json, or the quarterly report as xlsx or docx (needs --out)",
    "status --out": "Output file of the quarterly report",
    "status --by": "The reporting body that signs the quarterly report (default: the --unit unit, else 省质监局; "
                   "both by their name on the reporting date)",
    "import path": "Catalog sheet: .xlsx, .csv (UTF-8 or GB18030) or the .json written by govopen export",
    "import --standard": "Import into this domain standard (e.g. zdbc-03), replacing its items",
    "import --county": "Import as this county's own added items (administrative division code)",
    "import --domain": "The domain of the sheet's items (e.g. zdbc or 征地补偿), for their codes",
    "import --sheet": "Read only these worksheets; repeatable; default: every sheet with a catalog header",
    "import --dry-run": "Only check and preview the YAML; write nothing",
    "import --format": "Output format: text or json",
    "export --county": "Export this county's local catalog (administrative division code); default: the "
                       "provincial catalog",
    "export --format": "Export only these formats: xlsx, csv, json; repeatable; default: all",
    "export --out": "Output directory",
    "diff old": "The old version: a workspace directory or, with --git, a git revision such as HEAD~1 or v1.0",
    "diff new": "The new version: a workspace directory or git revision; with --git, left out means the "
                "working files",
    "diff --git": "OLD and NEW are git revisions (taken with git archive; the work tree is not touched)",
    "diff --domain": "Compare only this domain (e.g. zdbc or 征地补偿)",
    "diff --format": "Terminal output: table or json",
    "diff --docx": "Also write the DOCX revision table to this file",
    "diff --json": "Also write the JSON to this file",
    "serve --out": "Output directory (default: the workspace's build/, relative to the current directory)",
    "serve --county": "Preview this county's local catalog (administrative division code)",
    "serve --port": "Port (served on 127.0.0.1 only; 0 picks a free port)",
}


def param_key(param: Any) -> str:
    """A parameter's key: its first long option, or its name for an argument."""
    longs = [opt for opt in getattr(param, "opts", []) if opt.startswith("--")]
    return longs[0] if longs and param.param_type_name == "option" else str(param.name)


def lookup(command: str, param: Any) -> str | None:
    key = param_key(param)
    return PARAMS.get(f"{command} {key}" if command else key) or PARAMS.get(key)


def english_help(root: Any) -> None:
    """Replace the help texts of `root` (the app's click group) and of its commands with English ones."""
    commands: list[tuple[str, Any]] = [("", root), *getattr(root, "commands", {}).items()]
    for name, command in commands:
        if name in COMMANDS:
            command.help = COMMANDS[name]
            command.short_help = None
        for param in command.params:
            text = lookup(name, param)
            if text is not None:
                param.help = text
