"""Readers: bytes and files → text in a form the parser reads (see docs/text-format.md)."""
