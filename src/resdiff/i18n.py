"""The interface language (issue 12): gettext catalogs for the labels of the terminal summary, the
HTML report and the timeline, in Chinese or English.

The messages are English in the code, marked ``_("…")`` (templates: ``{{ _("…") }}``). Babel
extracts them, and the errors raised in the library (:mod:`resdiff.errors`), with the keywords of
:data:`KEYWORDS` (``babel.cfg``; the command is in ``docs/design.md``) into the catalog
``src/resdiff/locale/zh/LC_MESSAGES/resdiff.po``, translated there, and compiles it
to ``resdiff.mo`` (``pybabel compile -d src/resdiff/locale -D resdiff``), which is shipped as package
data, so that a fresh ``pip install -e .`` speaks Chinese without a build step; a test checks that
the shipped ``.mo`` is the compiled ``.po``.

The texts compared are never translated: only what resdiff itself writes around them.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

#: The interface languages.
UI_LANGUAGES = ("en", "zh")

def _(message: str) -> str:
    """Marks a message for extraction where it is defined apart from where it is translated
    (module-level tables); it returns the message unchanged."""
    return message


#: The languages of the texts, as the interface names them.
LANGUAGE_NAMES = {"zh": _("Chinese"), "en": _("English")}

#: The catalog's domain.
DOMAIN = "resdiff"

#: What marks a message for Babel's extraction: ``_``/``N_`` in the code, ``t``/``ta`` in the
#: templates, and the errors and their :class:`resdiff.errors.Message` (whose first argument is the
#: English template of what the CLI says in the interface language). ``pybabel extract`` takes each
#: as ``-k NAME`` (``docs/design.md``); ``tests/test_i18n.py`` extracts with the same.
KEYWORDS = ("_", "N_", "t", "ta", "Message", "ResdiffError", "InputError", "LanguageError", "NotAResolutionError",
            "DocumentError", "FetchError", "SeriesError", "LimitError")


def default_ui(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` when the user's locale is Chinese (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``,
    the first one set, as gettext reads them), else ``en``."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            first = value.split(":")[0].lower()
            return "zh" if first.startswith("zh") else "en"
    return "en"


@lru_cache(maxsize=4)
def translations(ui: str) -> gettext.NullTranslations:
    """The catalog of ``ui`` (English: the messages as written)."""
    if ui not in UI_LANGUAGES:
        from resdiff.errors import InputError

        raise InputError("unknown interface language {ui!r}: use one of {languages}",
                         ui=ui, languages=', '.join(UI_LANGUAGES))
    if ui == "en":
        return gettext.NullTranslations()
    catalog = resources.files("resdiff").joinpath(f"locale/{ui}/LC_MESSAGES/{DOMAIN}.mo")
    with catalog.open("rb") as handle:
        return gettext.GNUTranslations(handle)
