"""Renderers: view model → files. They never read YAML and never validate."""
