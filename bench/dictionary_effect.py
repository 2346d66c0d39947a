"""What resdiff's UN-terms dictionary changes in segmentation and in word diffs.

    python bench/dictionary_effect.py

Segments the official E/RES/2013/9 with jieba's own dictionary and with resdiff's, lists the
terms that the dictionary keeps whole (and how often jieba alone cuts them), and shows word diffs
of typical edits both ways: without the dictionary an edit can land inside a term
(信息和通信技术 → 信息通信技术 becomes "delete 和"), with it the whole term is replaced.
Accuracy with and without the dictionary is in ``bench/evaluate.py`` (system ``resdiff-no-dict``).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import resdiff
from resdiff.options import Options
from resdiff.segment import Segmenter, _dictionary_words
from resdiff.worddiff import diff_words

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "ecosoc-wsis" / "zh" / "E-RES-2013-9.txt"

EDITS = [
    ("信息和通信技术", "信息通信技术"),
    ("多利益攸关方", "多方利益攸关方"),
    ("最不发达国家", "内陆发展中国家"),
    ("满意地注意到", "注意到"),
]


def main() -> int:
    resolution = resdiff.load(CORPUS)
    with_dict, without = Segmenter(Options()), Segmenter(Options(un_terms=False))
    terms = [w for w, _ in _dictionary_words()]
    cut: Counter[str] = Counter()
    found: Counter[str] = Counter()
    tokens_with = tokens_without = 0
    for unit in resolution.units:
        a, b = with_dict.words(unit.text), without.words(unit.text)
        tokens_with += len(a)
        tokens_without += len(b)
        for term in terms:
            n = unit.text.count(term)
            if n:
                found[term] += n
                cut[term] += n - b.count(term)
    print(f"words in E/RES/2013/9: {tokens_with} with the UN-terms dictionary, {tokens_without} without")
    print("terms of the dictionary found in the text, and how often jieba alone cuts them apart:")
    for term, n in found.most_common():
        if cut[term]:
            print(f"  {term:<14} {n:3d} occurrences, {cut[term]:3d} cut apart without the dictionary")
    print("\nword diffs of typical edits (OP = the first paragraph that contains the old wording):")
    for old, new in EDITS:
        unit = next((u for u in resolution.units if old in u.text), None)
        if unit is None:
            continue
        edited = unit.text.replace(old, new, 1)
        for name, seg in (("with", with_dict), ("without", without)):
            ops = [f"{d.op[0]}:{d.text}" for d in diff_words(seg.words(unit.text), seg.words(edited)) if d.op != "equal"]
            print(f"  {unit.id:<7} {old} → {new:<10} {name:>7} dictionary: {'  '.join(ops)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
