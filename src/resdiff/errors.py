"""The errors resdiff raises: one base class, one subclass per kind of bad input.

The CLI turns every ``ResdiffError`` into a one-line message and exit code 2.
"""

from __future__ import annotations


class ResdiffError(Exception):
    """Base class of every error resdiff raises on bad input or an unreachable source."""


class InputError(ResdiffError):
    """A file that cannot be read as a text: empty, binary, or in an unknown encoding."""


class LanguageError(InputError):
    """Texts in the wrong language for what was asked: an old and a new text in two languages, or
    texts given alongside (``old_other``, ``new_other``) in the comparison's own language."""


class NotAResolutionError(ResdiffError):
    """A readable text that is not a resolution (for example, no operative paragraphs)."""


class DocumentError(ResdiffError):
    """A PDF or Word file that is broken, encrypted, scanned without text, or unsupported."""


class FetchError(ResdiffError):
    """An official text that could not be fetched: no such symbol or language, or no answer."""


class SeriesError(ResdiffError):
    """A folder that does not hold a usable series of resolutions."""


class LimitError(ResdiffError):
    """An input beyond the bounds of :mod:`resdiff.limits`: larger than any resolution."""
