"""Accept or reject every tracked change of a Word file inside LibreOffice, through its UNO API.

Run by the system's Python (``/usr/bin/python3``, which has Debian's ``python3-uno``; the virtual
environment's Python has no ``uno``) against a LibreOffice already listening on a pipe:

    /usr/bin/python3 tests/libreoffice_review.py PIPE REDLINE.docx OUTDIR

For ``accept`` and then ``reject``, each on a fresh load of the file, it prints one JSON line: the
tracked changes LibreOffice read (how many of each type; for ``accept``, how many characters
they cover) before and after ``.uno:AcceptAllTrackedChanges`` or
``.uno:RejectAllTrackedChanges``, the comments it read, and the paragraphs of the body as
LibreOffice then holds them (list label and text). The
result is also saved by LibreOffice as ``OUTDIR/accept.docx`` and ``OUTDIR/reject.docx``.

Debian's ``libreoffice-writer-nogui`` ships no dialog or window layouts (``soffice.cfg/**/ui/*.ui``),
and a document view draws each comment in a window built from ``annotation.ui``: loading a file with
comments into a view (``loadComponentFromURL``) aborts soffice. So the file is loaded without a
view (``XLoadable.load``), its comments are counted and removed (they are not tracked changes and
their removal is not one), and only then is the model shown in a hidden view, which the
dispatcher needs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

DOCX_FILTER = "MS Word 2007 XML"
COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe: str, timeout: float = 60.0) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # NoConnectException while soffice starts
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def enumerate_all(container: object) -> list[object]:
    items = []
    enumeration = container.createEnumeration()
    while enumeration.hasMoreElements():
        items.append(enumeration.nextElement())
    return items


def redline_types(doc: object) -> dict[str, int]:
    counts: dict[str, int] = {}
    for redline in enumerate_all(doc.Redlines):
        counts[redline.RedlineType] = counts.get(redline.RedlineType, 0) + 1
    return counts


def redline_texts(doc: object) -> dict[str, str]:
    """The text each type of tracked change covers, in the document's order. Removing a comment
    whose anchor splits a tracked insertion joins its two parts: their count changes, not this."""
    texts: dict[str, str] = {}
    for redline in enumerate_all(doc.Redlines):
        cursor = redline.RedlineStart.Text.createTextCursorByRange(redline.RedlineStart)
        cursor.gotoRange(redline.RedlineEnd, True)
        texts[redline.RedlineType] = texts.get(redline.RedlineType, "") + cursor.getString()
    return texts


def paragraphs(doc: object) -> list[list[str]]:
    """The body's paragraphs (tables left out), each as its list label (``1.``, ``(a)``, or empty)
    and its text."""
    return [[block.ListLabelString, block.getString()] for block in enumerate_all(doc.Text)
            if block.supportsService("com.sun.star.text.Paragraph")]


def review(ctx: object, source: Path, how: str, target: Path, *, measure: bool) -> dict[str, object]:
    """LibreOffice's accept-all or reject-all (``how``) of ``source``, saved as ``target``. With
    ``measure``, the characters each type of tracked change covers, before and after removing
    the comments (one UNO round trip per change and end: the slow part, done on one load)."""
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = smgr.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    doc.load((prop("URL", uno.systemPathToFileUrl(str(source))), prop("FilterName", DOCX_FILTER)))
    try:
        tracked = redline_types(doc)
        texts = redline_texts(doc) if measure else {}
        comments = [f for f in enumerate_all(doc.TextFields)
                    if f.supportsService("com.sun.star.text.textfield.Annotation")]
        comment_texts = [f.Content for f in comments]
        for field in comments:
            field.dispose()
        measured = {"tracked_text": {k: len(v) for k, v in texts.items()},
                    "tracked_text_unchanged_by_removing_comments": redline_texts(doc) == texts} if measure else {}
        desktop.loadComponentFromURL("private:object", "_blank", 0, (prop("Model", doc), prop("Hidden", True)))
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        dispatcher.executeDispatch(doc.CurrentController.Frame, COMMANDS[how], "", 0, ())
        result = {"how": how, "tracked": tracked, "comments": comment_texts, **measured,
                  "tracked_after": redline_types(doc), "paragraphs": paragraphs(doc)}
        doc.storeToURL(uno.systemPathToFileUrl(str(target)), (prop("FilterName", DOCX_FILTER),))
        return result
    finally:
        doc.close(True)


def main(argv: list[str]) -> int:
    pipe, source, outdir = argv[1], Path(argv[2]).resolve(), Path(argv[3]).resolve()
    ctx = connect(pipe)
    for how in COMMANDS:
        result = review(ctx, source, how, outdir / f"{how}.docx", measure=how == "accept")
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
