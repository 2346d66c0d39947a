"""The JSON Schemas of resdiff's output formats, as package data, and a validator that uses them."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

#: Schema name (the ``"schema"`` field of a document) → file under this package.
FILES = {
    "resdiff.resolution/1": "resolution-1.json",
    "resdiff.comparison/1": "comparison-1.json",
    "resdiff.lineage/1": "lineage-1.json",
    "resdiff.search-hits/1": "search-hits-1.json",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of the format ``name`` (``resdiff.comparison/1``)."""
    text = resources.files("resdiff.schemas").joinpath(FILES[name]).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate(document: Any, *, schema: str | None = None) -> None:
    """Check ``document`` against the shipped schema of its format; return quietly when it conforms.

    The format is the document's ``"schema"`` field (``resdiff.comparison/1``), or ``schema=`` for a
    document without one (the list of ``resdiff.search-hits/1``). The schemas refer to each other
    (a comparison's ``old`` and ``new`` are resolutions) by file name; those references are resolved
    from the schemas bundled here, never over the network.

    Needs ``jsonschema`` (the ``test`` extra). Raises ``jsonschema.ValidationError`` when the
    document does not conform (its message names the offending value and where it is), and
    ``ValueError`` when its format is missing or unknown.
    """
    import jsonschema
    from referencing import Registry, Resource

    name = schema if schema is not None else document.get("schema") if isinstance(document, dict) else None
    if name not in FILES:
        known = ", ".join(FILES)
        raise ValueError(f"not a resdiff JSON document: its schema is {name!r}, not one of {known}")
    registry: Registry[Any] = Registry().with_resources(
        (f, Resource.from_contents(load_schema(n))) for n, f in FILES.items())
    jsonschema.Draft202012Validator(load_schema(name), registry=registry).validate(document)
