"""Word-level edit scripts: diff-match-patch run over jieba words, never half a word.

diff-match-patch works on characters. Each distinct word is given one code point of its own,
the encoded strings are diffed, and the result is mapped back: an edit can only ever start or
end at a word boundary.
"""

from __future__ import annotations

from collections.abc import Sequence

from diff_match_patch import diff_match_patch

from resdiff.model import DiffOp, DiffOpName
from resdiff.patterns import PUNCT_WIDTH

_OPS: dict[int, DiffOpName] = {0: "equal", 1: "insert", -1: "delete"}

# Code points for words start in a private-use plane, far from anything a text contains;
# only encoded strings are ever diffed, so no real character can be mistaken for a word.
_BASE = 0xF0000


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # exact and deterministic: the texts are short
    return dmp


_DMP = _engine()


def diff_words(old: Sequence[str], new: Sequence[str]) -> tuple[DiffOp, ...]:
    """The edit script turning the words ``old`` into the words ``new``, adjacent edits grouped.

    The width of punctuation is no difference (``,`` and ``，``): such words are equal, and an
    equal stretch is given as the new text prints it."""
    codes: dict[str, str] = {}
    by_word: dict[str, str] = {}  # the same, by the word as written (most words have no punctuation)

    def encode(words: Sequence[str]) -> str:
        out = []
        for word in words:
            code = by_word.get(word)
            if code is None:
                key = word.translate(PUNCT_WIDTH)
                code = codes.get(key)
                if code is None:
                    code = codes[key] = chr(_BASE + len(codes))
                by_word[word] = code
            out.append(code)
        return "".join(out)

    a, b = encode(old), encode(new)
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    ops: list[DiffOp] = []
    i = j = 0  # where the chunk starts in the old and the new words
    for op, chunk in diffs:
        n = len(chunk)
        if op == -1:
            text = "".join(old[i:i + n])
            i += n
        else:
            text = "".join(new[j:j + n])
            j += n
            i += n if op == 0 else 0
        if not text:
            continue
        name = _OPS[op]
        if ops and ops[-1].op == name:
            ops[-1] = DiffOp(name, ops[-1].text + text)
        else:
            ops.append(DiffOp(name, text))
    # Deletions before insertions within one edit, as a reader expects (`old` → `new`).
    ordered: list[DiffOp] = []
    for op in ops:
        if op.op == "delete" and ordered and ordered[-1].op == "insert":
            ordered.insert(len(ordered) - 1, op)
        else:
            ordered.append(op)
    return tuple(ordered)
