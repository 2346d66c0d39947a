"""A merge whose part the reading paired elsewhere as moved (issue 10, blind6 147: OP41 + OP42
merged, OP42 read as moved far up to a new preambular paragraph that recalls its last clause):
the decision must weigh the merge, and the new paragraph added, as the other reading.

Every revision here is ILLUSTRATIVE (示意性修订，非正式文本): edits of the corpus text made with
``tests/evalset/revise.py``, not an official text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from resdiff import compare, decide, engine, parse
from resdiff.decide import Item
from resdiff.model import Resolution
from resdiff.options import DEFAULT_OPTIONS

sys.path.insert(0, str(Path(__file__).resolve().parent / "evalset"))
from revise import Revision

#: The two review paragraphs (OP41, OP42) merged and shortened.
MERGED = ("回顾《突尼斯议程》第111段，其中请大会在2015年对世界首脑会议成果的落实情况做一次全面审查，"
          "并回顾大会在其第67/195号决议第11段中重申大会在这一全面审查中所发挥的作用；")
#: A new preambular paragraph that takes up OP42's last clause (the review's modalities decided).
RECALLED = "又回顾大会在其第68/302号决议中决定了全面审查世界首脑会议成果执行情况的模式，"


def _revision(corpus: Resolution) -> tuple[Resolution, list[Item], Item, Item, int]:
    """The revision, a reading of it that pairs OP42 with the new preambular paragraph (moved)
    and OP41 with the merged paragraph, those two pairs, and the new paragraph's index."""
    r = Revision(corpus)
    r.merge(["OP41", "OP42"], MERGED)
    r.add("PP-new", RECALLED, after="PP4", kind="preambular")
    new = parse(r.build()[0])
    old_ids = [u.id for u in corpus.units]
    new_ids = [u.id for u in new.units]
    i41, i42 = old_ids.index("OP41"), old_ids.index("OP42")
    merged = next(k for k, u in enumerate(new.units) if u.text.startswith("回顾《突尼斯议程》第111段"))
    recalled = next(k for k, u in enumerate(new.units) if u.text.startswith("又回顾大会在其第68/302号"))
    assert new_ids[recalled].startswith("PP")
    _, aligner, _, items = engine.reading(corpus, new, DEFAULT_OPTIONS)
    touched = {i41, i42}
    kept = [(o, n) for o, n in items if not (set(o) & touched or merged in n or recalled in n)]
    host: Item = ((i41,), (merged,))
    moved: Item = ((i42,), (recalled,))
    return aligner, [*kept, host, moved], host, moved, recalled  # type: ignore[return-value]


def test_a_part_read_as_moved_elsewhere_is_weighed_as_one_more_part_of_the_merge(corpus: Resolution) -> None:
    aligner, items, host, moved, recalled = _revision(corpus)
    scorer = decide.Scorer(aligner)
    scorer.set_reading(items)
    flags = decide._moved_flags(items, scorer)
    assert flags[moved] and not flags[host]
    merge: Item = ((*host[0], *moved[0]), host[1])
    offered = [alt for alt in decide.candidates(items, scorer, flags=flags)
               if alt.replaces == frozenset([host, moved])]
    assert [sorted(item for item, _ in alt.items) for alt in offered] == [sorted([merge, ((), (recalled,))])]
    # The model finds the merge far likelier than the move it replaces.
    decider = decide.Decider(aligner, decide.load_model())
    decider.scorer.set_reading(items)
    assert decider.probability(merge, False) > 0.5 > decider.probability(moved, True)



def test_the_merge_is_the_other_reading_of_the_move_and_its_neighbour(corpus: Resolution) -> None:
    # The engine reads OP42 moved up to the new preambular paragraph and OP41 reworded into the
    # merged one; whichever reading it keeps, the merge must be offered on both changes, and the
    # move marked to check.
    r = Revision(corpus)
    r.merge(["OP41", "OP42"], MERGED)
    r.add("PP-new", RECALLED, after="PP4", kind="preambular")
    comparison = compare(corpus, parse(r.build()[0]))
    merged = [c for c in comparison.by_type("merged") if set(c.old) == {"OP41", "OP42"}]
    if merged:
        return
    touched = [c for c in comparison.changes if {"OP41", "OP42"} & set(c.old)]
    assert {c.old for c in touched} == {("OP41",), ("OP42",)}
    for change in touched:
        offered = [{(x.type, x.old) for x in alt} for alt in change.alternatives]
        assert any(("merged", ("OP41", "OP42")) in alt for alt in offered)
    move = next(c for c in touched if c.old == ("OP42",))
    assert move.moved and move.below(DEFAULT_OPTIONS.check_threshold)
