"""The ``resdiff`` command. The only module that prints.

Every :class:`resdiff.ResdiffError` becomes one line on stderr and exit code 2; so do the
argument errors of argparse. Nothing the user can get wrong ends in a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff import __version__
from resdiff.errors import InputError, Message, ResdiffError
from resdiff.i18n import UI_LANGUAGES, default_ui, translations
from resdiff.options import DEFAULT_OPTIONS

if TYPE_CHECKING:
    from resdiff.model import Comparison, Resolution
    from resdiff.series import Series

EXIT_ERROR = 2

#: The interface language of the running command (``--ui``, else the locale): set by :func:`main`.
_UI = ["en"]


def _(message: str) -> str:
    """The CLI's own message in the interface language (``resdiff: error: …`` → ``resdiff：错误：…``)."""
    return translations(_UI[0]).gettext(message)

#: What ``resdiff diff`` and ``resdiff brief`` write.
DIFF_FORMATS = ("text", "json", "html", "docx", "xlsx", "csv")
BRIEF_FORMATS = ("text", "markdown", "html", "docx")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"resdiff: error: {message}\n")


def _said(message: str | ResdiffError) -> str:
    """A message of the library's (an error, a retry) in the interface language: a
    :class:`resdiff.errors.Message` is translated, a plain text is shown as it is."""
    if isinstance(message, (Message, ResdiffError)):
        return message.translated(translations(_UI[0]).gettext)
    return message


def _safe(text: object) -> str:
    """Control characters (ESC, OSC, BEL) from a text or a file name, shown escaped."""
    from resdiff.render.ansi import safe

    return safe(text)


def _note(message: str) -> None:
    """A warning of resdiff's own (not the parser's) on stderr, in the interface language, control
    characters escaped."""
    from resdiff.render.warnings import note_message

    print(_("resdiff: warning: {message}").format(message=_safe(note_message(message, _UI[0]))), file=sys.stderr)


def _colour(choice: str, stream: object) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _to_terminal(args: argparse.Namespace) -> bool:
    """Colour for output that goes to a terminal, never into a file."""
    return _colour(args.color, sys.stdout) and not (args.output and args.output != "-")


def _progress(enabled: bool) -> Callable[[int, int, str], None] | None:
    """A one-line progress bar on stderr for long runs, when stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, label: str) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {_safe(label)[:40]:<40}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _write(content: str | bytes, output: str | None) -> None:
    if output and output != "-":
        path = Path(output)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        except OSError as exc:
            raise InputError(_("cannot write {output}: {reason}").format(output=output, reason=exc.strerror)) from exc
        print(_("wrote {output}").format(output=_safe(output)), file=sys.stderr)
    elif isinstance(content, bytes):
        if sys.stdout.isatty():
            raise InputError(_("a Word or Excel file is not for the terminal: give -o FILE (or -o - to pipe it)"))
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    else:
        try:
            sys.stdout.write(content)
        except UnicodeEncodeError:
            # A redirect on a system whose console encoding has no Chinese: the bytes are UTF-8.
            sys.stdout.flush()
            sys.stdout.buffer.write(content.encode("utf-8"))
        sys.stdout.flush()


#: The output formats by file ending. Which of them a command writes is its ``allowed`` list.
EXTENSIONS = {".txt": "text", ".md": "markdown", ".json": "json", ".html": "html", ".htm": "html",
              ".docx": "docx", ".xlsx": "xlsx", ".csv": "csv"}


def _format_for(output: str | None, given: str | None, default: str = "text", *,
                allowed: Sequence[str] = ("text", "json"), command: str = "resdiff") -> str:
    """The output format: from ``-o``'s file ending, checked against ``--format`` and against what
    the command writes. A file ending it does not write is an error, never a mislabelled file."""
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    if not suffix:
        return given or default
    fmt = EXTENSIONS.get(suffix)
    if fmt == "markdown" and "markdown" not in allowed:
        fmt = "text"  # a text summary is valid Markdown enough to keep under .md
    if fmt is None or fmt not in allowed:
        endings = ", ".join(sorted({e for e, f in EXTENSIONS.items() if f in allowed and e != ".htm"}))
        raise InputError(_("cannot write {output}: {command} writes {endings}").format(
            output=output, command=command, endings=endings))
    if given and given != fmt and not (given == "text" and fmt == "markdown" and "markdown" not in allowed):
        raise InputError(_("--format {given} does not match {output} ({fmt})").format(given=given, output=output,
                                                                                      fmt=fmt))
    return fmt


# -- subcommands ---------------------------------------------------------------------------

def _warn(resolution: Resolution, name: str, strict: bool) -> bool:
    """Print the parser's warnings on stderr; with ``strict``, any warning is an error (True)."""
    from resdiff.render.warnings import warning_message

    for warning in resolution.warnings:
        where = f"{name}: {warning.unit}" if warning.unit else name
        message = warning_message(warning, _UI[0])
        print(_safe(_("resdiff: warning: {where}: {message} [{code}]").format(
            where=where, message=message, code=warning.code)), file=sys.stderr)
    if strict and resolution.warnings:
        n = len(resolution.warnings)
        said = (_("{name}: {n} warning and --strict") if n == 1 else _("{name}: {n} warnings and --strict"))
        print(_safe(_("resdiff: error: {message}").format(message=said.format(name=name, n=n))),
              file=sys.stderr)
        return True
    return False


def _cmd_parse(args: argparse.Namespace) -> int:
    from resdiff.api import load
    from resdiff.render.json import render_json
    from resdiff.render.text import render_resolution_text

    resolution = load(args.file, language=args.lang)
    if _warn(resolution, args.file, args.strict):
        return EXIT_ERROR
    fmt = _format_for(args.output, args.format, command="resdiff parse")
    _write(render_json(resolution) if fmt == "json" else render_resolution_text(resolution, ui=_ui(args)),
           args.output)
    return 0


def _ui(args: argparse.Namespace) -> str:
    """The interface language: ``--ui``, else the user's locale."""
    return str(args.ui) if getattr(args, "ui", None) else default_ui()


def _compare_files(args: argparse.Namespace) -> Comparison | None:
    """The two texts of ``diff`` or ``brief`` read (with their other-language versions, if given)
    and compared, their parser's warnings printed; ``None`` when ``--strict`` makes a warning an
    error."""
    from resdiff import limits
    from resdiff.api import compare, load

    old, new = load(args.old, language=args.lang), load(args.new, language=args.lang)
    for resolution, path in ((old, args.old), (new, args.new)):
        # Bounded here too, to name the file as given: compare names a symbol-less text by its
        # file's name alone, and two drafts are often both draft.txt in different folders.
        limits.check_units(((u.id, u.text) for u in resolution.units), str(path))
    failed = _warn(old, args.old, args.strict)
    if _warn(new, args.new, args.strict) or failed:
        return None
    return compare(old, new, old_other=load(args.old_other) if args.old_other else None,
                   new_other=load(args.new_other) if args.new_other else None)


def _check_below(args: argparse.Namespace) -> float:
    """``--check-below``: the confidence under which a change is marked "check" (0 < P ≤ 1)."""
    if args.check_below is None:
        return DEFAULT_OPTIONS.check_threshold
    try:
        value = float(args.check_below)
    except ValueError:
        value = float("nan")
    if not 0 < value <= 1:
        raise InputError(_("--check-below takes a number above 0 and at most 1"))
    return value


def _cmd_diff(args: argparse.Namespace) -> int:
    fmt = _format_for(args.output, args.format, allowed=DIFF_FORMATS, command="resdiff diff")
    check = _check_below(args)
    comparison = _compare_files(args)
    if comparison is None:
        return EXIT_ERROR
    if args.agreed:
        from resdiff.parallel import attach_agreed, load_folder, pair_folder

        comparison = attach_agreed(comparison, pair_folder(load_folder(args.agreed), comparison.new.language))
    for warning in comparison.warnings:
        _note(warning)
    content: str | bytes
    if fmt == "json":
        from resdiff.render.json import render_json

        content = render_json(comparison)
    elif fmt == "html":
        from resdiff.render.html import render_html

        content = render_html(comparison, title=args.title, ui=_ui(args), check_threshold=check)
    elif fmt == "docx":
        from resdiff.render.docx import render_docx

        content = render_docx(comparison, accept_routine=args.accept_routine, title=args.title, ui=_ui(args),
                              check_threshold=check)
    elif fmt == "xlsx":
        from resdiff.render.sheet import render_xlsx

        content = render_xlsx(comparison, title=args.title, ui=_ui(args))
    elif fmt == "csv":
        from resdiff.render.sheet import render_csv

        content = render_csv(comparison, ui=_ui(args))
    else:
        from resdiff.render.text import render_comparison_text

        content = render_comparison_text(comparison, colour=_to_terminal(args), all_changes=args.all,
                                         unchanged=args.unchanged, ui=_ui(args), check_threshold=check)
    _write(content, args.output)
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    fmt = _format_for(args.output, args.format, allowed=BRIEF_FORMATS, command="resdiff brief")
    check = _check_below(args)
    comparison = _compare_files(args)
    if comparison is None:
        return EXIT_ERROR
    for warning in comparison.warnings:
        _note(warning)
    if fmt == "docx":
        from resdiff.render.brief import render_brief_docx

        _write(render_brief_docx(comparison, title=args.title, ui=_ui(args), check_threshold=check), args.output)
    else:
        from resdiff.render.brief import render_brief

        brief = render_brief(comparison, format=fmt, title=args.title, ui=_ui(args),  # type: ignore[arg-type]
                             check_threshold=check)
        # Plain text and Markdown are read on a terminal too: control characters shown escaped.
        _write(_safe(brief) if fmt in ("text", "markdown") else brief, args.output)
    return 0


def _cmd_fetch(args: argparse.Namespace) -> int:
    from resdiff.fetch import fetch

    path = fetch(args.symbol, lang=args.lang, fmt=args.format, into=args.into, base_url=args.base_url,
                 notify=lambda message: print(_("resdiff: {message}").format(message=_safe(_said(message))),
                                              file=sys.stderr))
    print(_safe(path))
    return 0


def _report_series(series: Series) -> None:
    """The holes in a series' chain and what was set aside, on stderr: the output stays clean."""
    from resdiff.render.warnings import gap_message

    if series.gaps:
        shown = _(", ").join(gap_message(gap, _UI[0]) for gap in series.gaps[:5])
        more = " " + _("(+{n} more)").format(n=len(series.gaps) - 5) if len(series.gaps) > 5 else ""
        print(_("resdiff: note: gaps in the series: {gaps}").format(gaps=_safe(shown) + more), file=sys.stderr)
    for warning in series.warnings:
        _note(warning)


def _cmd_lineage(args: argparse.Namespace) -> int:
    from resdiff.series import Series

    series = Series.load(args.folder, progress=_progress(True), skip_unreadable=True)
    lineages = series.lineage(args.unit)
    _report_series(series)
    if _format_for(args.output, args.format, command="resdiff lineage") == "json":
        from resdiff.render.json import dumps as json_text

        data = [lineage.to_dict() for lineage in lineages]
        _write(json_text(data[0] if args.unit and len(data) == 1 else data),
               args.output)
    else:
        from resdiff.render.lineage import render_lineage_text

        _write(render_lineage_text(lineages, colour=_to_terminal(args), ui=_ui(args)), args.output)
    return 0


def _cmd_chain(args: argparse.Namespace) -> int:
    from resdiff.render.timeline import render_timeline
    from resdiff.series import Series

    series = Series.load(args.folder, progress=_progress(True), skip_unreadable=True)
    _report_series(series)
    _write(render_timeline(series, ui=_ui(args)), args.output)
    return 0


def _report_unindexed(folder: str, index: object) -> None:
    """Name on stderr, one line each, the files of the folder that the index skipped, and why."""
    from resdiff.api import load
    from resdiff.series import corpus_files

    records = getattr(index, "_records", None)  # file name → record of every file indexed
    if records is None:  # an index that does not say what it holds
        return
    indexed = set(records)
    for file in corpus_files(folder):
        if file.name in indexed:
            continue
        try:
            load(file)
        except ResdiffError as exc:
            reason = str(exc).replace(f"{file}: ", "")
            _note(f"skipped {file.name}: {reason}")  # (said as ``skipped {message}`` in the interface language)


def _cmd_search(args: argparse.Namespace) -> int:
    from resdiff.search import Index

    if args.paragraph is None and not (args.query or "").strip():
        raise InputError(_("give the wording to search for, or --paragraph FILE_OR_TEXT"))
    if args.limit < 1:
        raise InputError(_("--limit takes a whole number of 1 or more"))
    with Index.open(args.folder, progress=_progress(True), skip_unreadable=True) as index:
        for warning in index.warnings:
            _note(warning)
        _report_unindexed(args.folder, index)
        if args.paragraph is not None:
            from resdiff.limits import is_regular_file

            source = Path(args.paragraph)
            # A file only if one exists by that name: a paragraph of Chinese text is longer than the
            # system's 255 bytes for a name, and is not an error for that.
            if is_regular_file(source):
                from resdiff.api import read_text

                paragraph = read_text(source)
            else:
                paragraph = args.paragraph
            hits = index.similar(paragraph, limit=args.limit)
        else:
            hits = index.search(args.query, limit=args.limit)
    if _format_for(args.output, args.format, command="resdiff search") == "json":
        from resdiff.render.json import dumps as json_text

        _write(json_text([h.to_dict() for h in hits]), args.output)
    else:
        from resdiff.render.search import render_hits_text

        _write(render_hits_text(hits, colour=_to_terminal(args), ui=_ui(args)), args.output)
    return 0


COLOR_HELP = "colour the terminal output: auto (when it is a terminal and NO_COLOR is not set), always or never"
FOLDER_HELP = ("a folder of resolutions of one series (.txt, .pdf, .docx); files that are not resolutions "
               "are skipped, each named on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="resdiff",
        description="What changed between two years of a UN resolution (Chinese or English texts).",
    )
    parser.add_argument("--version", action="version", version=f"resdiff {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("parse", help="split a resolution into its paragraphs, leads and footnotes")
    p.add_argument("file", help="a text, PDF or Word file")
    p.add_argument("--format", choices=("json", "text"), help="json (resdiff.resolution/1) or text (default)")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--lang", choices=("zh", "en"), help="the text's language (default: told from the text)")
    _add_ui(p)
    p.add_argument("--strict", action="store_true", help="any parser warning is an error (exit 2)")
    p.set_defaults(run=_cmd_parse)

    p = sub.add_parser("diff", help="compare two resolutions paragraph by paragraph")
    _add_texts(p, old_other="the old text in the other language (Chinese for an English diff, or English), shown "
                            "alongside", new_other="the new text in the other language, shown alongside")
    p.add_argument("--format", choices=DIFF_FORMATS,
                   help="text (default), json (resdiff.comparison/1), html (report), docx (Word redline with "
                        "tracked changes), xlsx or csv (one row per change); from -o's extension if not given")
    p.add_argument("-o", "--output", help="write here instead of standard output: .txt .json .html .docx .xlsx .csv")
    p.add_argument("--all", action="store_true",
                   help="text: list the routine and terminology-only changes too (unchanged paragraphs only "
                        "with --unchanged)")
    p.add_argument("--unchanged", action="store_true", help="text: list the unchanged paragraphs too")
    p.add_argument("--accept-routine", action="store_true",
                   help="docx: leave routine updates (dates, sessions, symbols, 又/还) accepted")
    p.add_argument("--title", help="html, docx, xlsx: the title")
    _add_check_below(p)
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help=COLOR_HELP)
    p.add_argument("--agreed", metavar="FOLDER",
                   help="for each added paragraph, the closest agreed language in this folder's texts (both languages)")
    _add_ui(p)
    p.set_defaults(run=_cmd_diff)

    p = sub.add_parser("brief", help="a negotiation brief: the substantive changes, grouped")
    _add_texts(p, old_other="the old text in the other language, shown under each change",
               new_other="the new text in the other language, shown under each change")
    p.add_argument("--format", choices=BRIEF_FORMATS,
                   help="text (default), markdown, html or docx; from -o's extension if not given")
    p.add_argument("-o", "--output", help="write here instead of standard output: .txt .md .html .docx")
    p.add_argument("--title", help="the brief's title")
    _add_check_below(p)
    _add_ui(p, "the brief")
    p.set_defaults(run=_cmd_brief)

    p = sub.add_parser("fetch", help="download an official text from the UN Official Document System")
    p.add_argument("symbol", help="a document symbol, e.g. E/RES/2012/5")
    p.add_argument("--lang", default="zh", help="language code (default zh)")
    p.add_argument("--format", choices=("pdf", "docx"), default="pdf",
                   help="download the PDF (default) or the Word file")
    p.add_argument("--into", help="copy the file into this folder")
    p.add_argument("--base-url", help="the service's base URL (default: $RESDIFF_ODS_URL or the UN's)")
    _add_ui(p, "its errors")
    p.set_defaults(run=_cmd_fetch)

    p = sub.add_parser("lineage", help="each paragraph's history over a folder of resolutions")
    p.add_argument("folder", help=FOLDER_HELP)
    p.add_argument("unit", nargs="?", help="a unit id of the latest text, e.g. OP12 (default: every paragraph)")
    p.add_argument("--format", choices=("json", "text"), help="text (default) or json; from -o's extension if not given")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help=COLOR_HELP)
    _add_ui(p)
    p.set_defaults(run=_cmd_lineage)

    p = sub.add_parser("chain", help="a timeline page of a whole series")
    p.add_argument("folder", help=FOLDER_HELP)
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    _add_ui(p)
    p.set_defaults(run=_cmd_chain)

    p = sub.add_parser("search", help="find agreed language in a folder of resolutions")
    p.add_argument("query", nargs="?", help="the wording to look for")
    p.add_argument("folder", help=FOLDER_HELP)
    p.add_argument("--paragraph", metavar="FILE_OR_TEXT", help="find the closest earlier paragraphs to this one")
    p.add_argument("--limit", type=int, default=20, help="show at most this many hits, best first (default 20)")
    p.add_argument("--format", choices=("json", "text"), help="text (default) or json; from -o's extension if not given")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help=COLOR_HELP)
    _add_ui(p)
    p.set_defaults(run=_cmd_search)
    return parser


def _add_check_below(p: argparse.ArgumentParser) -> None:
    p.add_argument("--check-below", metavar="P",
                   help="mark \"check\" (and list to check) the changes whose confidence is below P, "
                        f"0 < P ≤ 1 (default {DEFAULT_OPTIONS.check_threshold})")


def _add_ui(p: argparse.ArgumentParser, of: str = "the labels") -> None:
    p.add_argument("--ui", choices=UI_LANGUAGES, help=f"interface language of {of} (default: from the locale)")


def _add_texts(p: argparse.ArgumentParser, *, old_other: str, new_other: str) -> None:
    """The arguments of the two texts that ``diff`` and ``brief`` compare, as :func:`_compare_files`
    reads them: the texts, their language, the other language's versions, ``--strict``."""
    p.add_argument("old", help="last year's text (text, PDF or Word)")
    p.add_argument("new", help="this year's text or draft")
    p.add_argument("--lang", choices=("zh", "en"), help="the texts' language (default: told from each text)")
    p.add_argument("--old-other", metavar="FILE", help=old_other)
    p.add_argument("--new-other", metavar="FILE", help=new_other)
    p.add_argument("--strict", action="store_true", help="any parser warning is an error (exit 2)")


#: The command's numpy products are small (a few hundred rows): BLAS worker threads only cost it.
#: Left running after a product, they spin on the other core while jieba cuts (measured in
#: ``bench/bench_compare.py``: a second thread doubled the CPU time of jieba's cutting). Set before
#: numpy is first imported, unless the user set them; the library itself leaves them alone.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _one_blas_thread() -> None:
    if "numpy" not in sys.modules:
        for name in BLAS_THREADS:
            os.environ.setdefault(name, "1")


#: The arguments that name a file a command reads.
INPUT_ARGUMENTS = ("file", "old", "new", "old_other", "new_other")


def _refuse_writing_over_an_input(args: argparse.Namespace) -> None:
    """``-o`` naming a file the command reads (``resdiff diff old.txt draft.txt -o draft.txt``, a slip
    of the keyboard) would replace the delegate's text with the summary: an error instead."""
    output = getattr(args, "output", None)
    if not output or output == "-" or not os.path.isfile(output):
        return
    for name in INPUT_ARGUMENTS:
        given = getattr(args, name, None)
        if isinstance(given, str) and os.path.isfile(given) and os.path.samefile(given, output):
            raise InputError(_("-o {output} is a file resdiff reads here: it would be written over; "
                               "give another file name").format(output=output))


def main(argv: Sequence[str] | None = None) -> int:
    _one_blas_thread()
    parser = build_parser()
    args = parser.parse_args(argv)
    _UI[0] = _ui(args)
    try:
        _refuse_writing_over_an_input(args)
        return int(args.run(args))
    except ResdiffError as exc:
        print(_("resdiff: error: {message}").format(message=_safe(_said(exc))), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_("resdiff: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (``| head``) has gone: not an error. Keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        # Only what names no file is the output (standard output); anything else says which file.
        if exc.filename:
            message = f"{_safe(exc.filename)}: {_safe(exc.strerror or exc)}"
        else:
            message = _("cannot write the output: {reason}").format(reason=_safe(exc.strerror or exc))
        print(_("resdiff: error: {message}").format(message=message), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
