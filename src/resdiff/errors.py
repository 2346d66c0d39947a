"""The errors resdiff raises: one base class, one subclass per kind of bad input.

The CLI turns every ``ResdiffError`` into a one-line message and exit code 2, in the interface
language: an error is raised with its English message as a template and the values it names
(``InputError("{name} is empty", name=name)``); ``str(error)`` is the English sentence, and
:meth:`ResdiffError.translated` says it in another language through a gettext function (the
template is the catalog's msgid; Babel extracts it from the call, ``babel.cfg`` and
``docs/design.md``). This module imports nothing of resdiff.
"""

from __future__ import annotations

from collections.abc import Callable


class Message(str):
    """A sentence with the values it names: the English sentence itself (a ``str``), and in another
    language by :meth:`translated`. A value that is itself a ``Message`` or a ``ResdiffError`` (a
    phrase such as ``the Word file``, an error another one wraps) is translated with it; any other
    value is data (a file name, a symbol, a number) and shown as it is."""

    template: str
    """The English sentence with ``{name}`` where each value goes: the catalog's msgid."""
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        said = super().__new__(cls, template.format(**values) if values else template)
        said.template = template
        said.values = values
        return said

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.values!r})"

    def replaced(self, old: object, new: object) -> Message:
        """This message with the value ``old`` (that very object), also inside a value that is a message,
        now ``new``."""
        return Message(self.template, **{name: new if value is old else value.replaced(old, new)
                                         if isinstance(value, Message) else value
                                         for name, value in self.values.items()})

    def translated(self, gettext: Callable[[str], str]) -> str:
        said = gettext(self.template)
        if not self.values:
            return said
        return said.format(**{name: value.translated(gettext) if isinstance(value, (Message, ResdiffError))
                              else value for name, value in self.values.items()})


def named(error: ResdiffError, name: str) -> ResdiffError | Message:
    """What ``error`` says, naming the file ``name``: the error itself when it names it already,
    else ``name: error`` (``E-RES-2013-9.txt: the text is empty``)."""
    return error if name in str(error) else Message("{file}: {error}", file=name, error=error)


class ResdiffError(Exception):
    """Base class of every error resdiff raises on bad input or an unreachable source: raised with
    an English template and its values, or a :class:`Message`."""

    def __init__(self, message: str | Message = "", /, **values: object) -> None:
        self.message = message if isinstance(message, Message) else Message(message, **values)
        super().__init__(str(self.message))

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message in the language of ``gettext`` (``translations("zh").gettext``)."""
        return self.message.translated(gettext)

    def __reduce__(self) -> tuple[object, ...]:  # pickled with its message, not only the English text
        return (type(self), (self.message,))


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


def install_command(extra: str) -> str:
    """The command that installs resdiff's optional ``extra`` (``docx``, ``pdf``, ``office``) into
    the Python that runs resdiff: ``pip install -e '<checkout>[docx]'`` when resdiff runs from a
    checkout installed in editable mode (pip records it in ``direct_url.json``), else
    ``pip install 'resdiff[docx]'``; run by this interpreter's pip, so that it lands where resdiff is."""
    import json
    import shlex
    import sys
    from importlib import metadata
    from urllib.parse import unquote, urlparse

    target = f"resdiff[{extra}]"
    editable = ""
    try:
        recorded = json.loads(metadata.distribution("resdiff").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        recorded = {}
    url = urlparse(str(recorded.get("url", "")))
    if recorded.get("dir_info", {}).get("editable") and url.scheme == "file":
        target, editable = f"{unquote(url.path)}[{extra}]", "-e "
    return f"{shlex.quote(sys.executable)} -m pip install {editable}{shlex.quote(target)}"
