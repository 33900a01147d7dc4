"""Bytes on disk → plain data with a position index → validated models. The only package that knows YAML."""
