"""Helpers (not fixtures) shared by several test areas, defined once: `from helpers.site import build_site`.

tests/ is on sys.path (pytest puts the root conftest's folder there), so these import from any area without
the sys.path edits a helper module in another area's folder would need.
"""
