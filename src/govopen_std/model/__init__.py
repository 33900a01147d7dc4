"""Pydantic v2 models of the source files. No I/O here; loading lives in `govopen_std.load`."""
