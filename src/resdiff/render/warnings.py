"""The parser's warnings in the interface language (issue 12).

A :class:`~resdiff.model.ParseWarning` keeps its ``message`` in English (the JSON contract shows it
so); it is translated only where it is shown. Each message the parser writes has a template here
— the English sentence with its parameters in braces, which is also the catalog's message id — so
that the parameters are read back from the message by the template and put into the translated
sentence. A message no template reads (a parser newer than this table) is shown by its code's
description, translated, and the English message, rather than not at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from resdiff.errors import Message
from resdiff.i18n import _, translations
from resdiff.model import ParseWarning

if TYPE_CHECKING:
    from resdiff.series import Gap

#: The file of a series folder that lists its resolutions (as :data:`resdiff.series.SERIES_FILE`).
SERIES_FILE = "series.toml"

#: Every message of the parser, by code: the English sentence with its parameters in braces.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "numbering-gap": (
        _("operative paragraph {number}. follows paragraph {last}.: the numbering has a gap"),
        _("a line numbered {number}. repeats paragraph {last}. and is read as part of the paragraph before"),
        _("a line numbered {number}. skips ahead of paragraph {last}. and is read as part of the paragraph "
          "before"),
    ),
    "no-final-mark": (
        _("the paragraph ends without its final mark; “{text}” after it is read as a heading"),
        _("the paragraph ends without its final mark (“…{text}”): a heading or the next paragraph may have "
          "been read into it"),
    ),
    "mojibake": (
        _("the text was garbled by a wrong encoding (UTF-8 read as Latin-1 or Windows-1252) and has been "
          "repaired"),
    ),
    "not-chinese": (_("the text is mostly not Chinese: it may not be the Chinese version of the resolution"),),
    "not-english": (_("the text is mostly not English: it may not be the English version of the resolution"),),
    "two-leads": (
        _("a second lead “{lead}” follows “{mark}” inside the paragraph: two paragraphs may be read as one"),
    ),
    "no-lead": (_("the paragraph opens with no known lead: “{text}…”"),),
    "unknown-footnote": (
        _("footnote {n} is referred to but its text is not in the document"),
        _("footnote {n} has a text but no paragraph refers to it"),
    ),
    "long-title": (_("the title is {n} characters long: it may have taken in lines that are not the title"),),
    "stray-digit": (
        _("“{digits}” stands after the last mark of line {line} and no footnote explains it: it is kept in the "
          "text"),
        _("“{digits}” is glued after a mark and no footnote of that number is listed: a footnote reference, or "
          "part of the text?"),
    ),
}

#: What each code means, for a message no template reads.
CODES: dict[str, str] = {
    "numbering-gap": _("the numbering of the paragraphs has a gap or a repeat"),
    "no-final-mark": _("a paragraph ends without its final mark"),
    "mojibake": _("the text was garbled by a wrong encoding"),
    "not-chinese": _("the text is mostly not Chinese"),
    "not-english": _("the text is mostly not English"),
    "two-leads": _("a second lead inside a paragraph"),
    "no-lead": _("a paragraph opens with no known lead"),
    "unknown-footnote": _("a footnote without its text, or a text without its reference"),
    "long-title": _("the title is unusually long"),
    "stray-digit": _("digits that no footnote explains"),
}

RE_FIELD = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=64)
def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    at = 0
    for field in RE_FIELD.finditer(template):
        parts.append(re.escape(template[at:field.start()]))
        parts.append(f"(?P<{field.group(1)}>.+?)")
        at = field.end()
    parts.append(re.escape(template[at:]))
    return re.compile("".join(parts), re.DOTALL)


def read_back(warning: ParseWarning) -> tuple[str, dict[str, str]] | None:
    """The template of ``warning``'s message and its parameters, or ``None`` if no template reads it."""
    return _read(warning.message, TEMPLATES.get(warning.code, ()))


def _read(message: str, templates: Iterable[str]) -> tuple[str, dict[str, str]] | None:
    for template in templates:
        found = _pattern(template).fullmatch(message)
        if found:
            return template, found.groupdict()
    return None


#: The notes of a series and of a search index (:attr:`resdiff.series.Series.warnings`,
#: :attr:`resdiff.search.Index.warnings`), read back like the parser's warnings.
NOTE_TEMPLATES: tuple[str, ...] = (
    _("{symbol} recalls no predecessor: compared with {other}"),
    _("{symbol} is in the folder twice: {file} is not used"),
    _("{file} disappeared while the folder was being indexed"),
    _("skipped {message}"),
)


def note_message(note: str, ui: str = "en") -> str:
    """A series' or an index's note in the interface language ``ui`` (as written if no template reads it)."""
    if ui == "en":
        return note
    if isinstance(note, Message):  # said with its values (a skipped file's own error among them)
        return note.translated(translations(ui).gettext)
    known = _read(note, NOTE_TEMPLATES)
    if known is None:
        return note
    template, values = known
    return translations(ui).gettext(template).format(**values)


def gap_message(gap: Gap, ui: str = "en") -> str:
    """A hole in a series' chain, said in the interface language ``ui``."""
    if ui == "en":
        return str(gap)
    gettext = translations(ui).gettext
    if gap.kind == "predecessor":
        return gettext(_("{symbol}, recalled by {by}, is not in the folder")).format(
            symbol=gap.symbol, by=gap.named_by or gettext(_("a text without a symbol")))
    if gap.kind == "listed":
        return gettext(_("{symbol} (listed in {file}) is not in the folder")).format(
            symbol=gap.symbol, file=SERIES_FILE)
    return gettext(_("no text for {year}")).format(year=gap.year)


def warning_message(warning: ParseWarning, ui: str = "en") -> str:
    """``warning``'s message in the interface language ``ui``."""
    if ui == "en":
        return warning.message
    gettext: Callable[[str], str] = translations(ui).gettext
    known = read_back(warning)
    if known is not None:
        template, values = known
        return gettext(template).format(**values)
    if warning.code in CODES:
        return f"{gettext(CODES[warning.code])}（{warning.message}）"
    return warning.message
