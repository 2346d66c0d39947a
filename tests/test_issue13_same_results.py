"""Issue 13: the faster comparison computes the same things — each shortcut against the plain
computation it replaces (jieba's own ``lcut``, rapidfuzz's own ``fuzz.ratio``, a fresh score
matrix), and the bench's way of raising the paragraph bound."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

import resdiff
from resdiff import align, classify, limits
from resdiff.align import Aligner, ratio_from_lcs
from resdiff.engine import _Texts, similarity_key
from resdiff.errors import LimitError
from resdiff.model import Change, DiffOp, Unit
from resdiff.options import DEFAULT_OPTIONS
from resdiff.segment import Segmenter, WordCache, tokenizer
from tests.conftest import CORPUS, ROOT

DRAFT = ROOT / "examples" / "drafts" / "E-RES-2014-illustrative-draft-zh.txt"

#: Characters that make jieba's blocks: Chinese, Latin letters, digits, the marks its block
#: pattern includes (``.%-_#&+``) and those it does not (punctuation, spaces, line ends).
_ALPHABET = "的是在和联合国因特网互联网治理信息社会首脑会议第号决议年AbZ019.%-_#&+，。；、（）《》 \t\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), min_size=1, max_size=6))
def test_cutting_block_by_block_gives_jiebas_own_words(texts: list[str]) -> None:
    segmenter = Segmenter(cache=WordCache(None))
    for text in texts:  # one segmenter for all: later texts reuse the blocks of earlier ones
        assert segmenter.cut(text) == tuple(tokenizer().lcut(text, HMM=True))


def test_every_paragraph_of_the_official_text_and_the_draft_is_cut_as_jieba_cuts_it() -> None:
    segmenter = Segmenter(cache=WordCache(None))
    paragraphs = [u.text for path in (CORPUS, DRAFT) for u in resdiff.load(path).units]
    for text in paragraphs:
        assert segmenter.cut(text) == tuple(tokenizer().lcut(text, HMM=True)), text
    # The draft rewords some paragraphs of the official text: their common clauses were cut once.
    blocks = sum(1 for text in paragraphs for block in text.split("，") if block)
    assert len(segmenter._blocks) < blocks


def test_words_of_many_texts_are_the_words_of_each() -> None:
    texts = [u.text for u in resdiff.load(CORPUS).units]
    many = Segmenter(cache=WordCache(None))
    assert many.words_many([*texts, *texts[:5]]) == [Segmenter(cache=WordCache(None)).words(t) for t in
                                                     [*texts, *texts[:5]]]
    assert many.words_many(texts[:3]) == [many.words(t) for t in texts[:3]]


_WORDS = st.lists(st.sampled_from(["的", "因特网", "互联网", "#", "治理", "会议", "a", "b"]), max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6), st.lists(_WORDS, min_size=1, max_size=6))
def test_the_ratio_from_the_lcs_matrix_is_fuzz_ratio_to_the_bit(old: list[list[str]], new: list[list[str]]) -> None:
    expected = process.cdist(old, new, scorer=fuzz.ratio, processor=None, dtype=np.float32) / 100.0
    lcs = process.cdist(old, new, scorer=align.LCSseq.similarity, processor=None, dtype=np.int32)
    found = ratio_from_lcs(lcs, [len(w) for w in old], [len(w) for w in new])
    assert found.dtype == expected.dtype
    assert np.array_equal(found, expected)


def test_the_ratio_from_the_lcs_matrix_is_fuzz_ratio_over_many_rows() -> None:
    # More rows than one block of ratio_from_lcs's arithmetic (256): the blocks join up exactly.
    rng = np.random.default_rng(13)
    vocabulary = ["的", "因特网", "互联网", "#", "治理", "会议", "发展", "信息", "社会", "联合国"]
    old = [[vocabulary[k] for k in rng.integers(0, len(vocabulary), rng.integers(0, 30))] for _ in range(600)]
    new = [[vocabulary[k] for k in rng.integers(0, len(vocabulary), rng.integers(0, 30))] for _ in range(40)]
    expected = process.cdist(old, new, scorer=fuzz.ratio, processor=None, dtype=np.float32) / 100.0
    lcs = process.cdist(old, new, scorer=align.LCSseq.similarity, processor=None, dtype=np.int32)
    assert np.array_equal(ratio_from_lcs(lcs, [len(w) for w in old], [len(w) for w in new]), expected)


def test_the_lcs_over_word_codes_is_the_lcs_over_the_words() -> None:
    # 600 words: the most frequent get codes below 256 (rapidfuzz's plain table), the others not
    # (its hash map); long sequences span more than one 64-word block of the bit-parallel LCS.
    rng = np.random.default_rng(10)
    vocabulary = [f"词{k}" for k in range(600)]
    weights = 1.0 / np.arange(1, 601)

    def text() -> list[str]:
        return [vocabulary[k] for k in rng.choice(600, size=rng.integers(0, 150), p=weights / weights.sum())]

    old, new = [text() for _ in range(60)], [text() for _ in range(50)]
    codes = align.word_codes(old, new)
    assert sorted(codes.values()) == list(range(len(codes)))
    assert max(codes.values()) >= 256 and codes[vocabulary[0]] == 0
    plain = process.cdist(old, new, scorer=align.LCSseq.similarity, processor=None, dtype=np.int32)
    coded = process.cdist([[codes[w] for w in s] for s in old], [[codes[w] for w in s] for s in new],
                          scorer=align.LCSseq.similarity, processor=None, dtype=np.int32)
    assert np.array_equal(plain, coded)


def _plain_scores(old: list[list[str]], new: list[list[str]], aligner: Aligner) -> tuple[np.ndarray, np.ndarray]:
    """The score matrices as they were computed before issue 13: two full cdist calls over the
    paragraphs left over, every repeated paragraph scored again."""
    sim = np.zeros((len(old), len(new)), dtype=np.float32)
    lcs = np.zeros((len(old), len(new)), dtype=np.int32)
    rows, cols = aligner.rest_old, aligner.rest_new
    if rows and cols:
        at = np.ix_(rows, cols)
        sim[at] = process.cdist([old[i] for i in rows], [new[j] for j in cols], scorer=fuzz.ratio, processor=None,
                                dtype=np.float32) / 100.0
        lcs[at] = process.cdist([old[i] for i in rows], [new[j] for j in cols], scorer=align.LCSseq.similarity,
                                processor=None, dtype=np.int32)
    for i, j in aligner.fixed.items():
        sim[i, j], lcs[i, j] = 1.0, len(old[i])
    return sim, lcs


@pytest.mark.parametrize("parallel_cells", [align.PARALLEL_CELLS, 1])
def test_the_second_pass_reuses_scores_and_gets_those_of_a_fresh_pass(monkeypatch: pytest.MonkeyPatch,
                                                                        parallel_cells: int) -> None:
    # 2013/9 against the draft: 因特网 → 互联网 in eleven paragraphs makes paragraphs identical in the
    # second pass that were not in the first, so the paragraphs paired first differ between passes.
    monkeypatch.setattr(align, "PARALLEL_CELLS", parallel_cells)
    old, new = resdiff.load(CORPUS), resdiff.load(DRAFT)
    texts = _Texts(old, new, Segmenter(cache=WordCache(None)))
    first = Aligner(old.units, new.units, *texts.keys(), DEFAULT_OPTIONS)
    terms = classify.find_terms([texts.diff(link) for link in first.run()], min_count=DEFAULT_OPTIONS.term_min_count)
    assert [t.old for t in terms] == ["因特网"]
    old_keys, new_keys = texts.keys(terms)
    second = Aligner(old.units, new.units, old_keys, new_keys, DEFAULT_OPTIONS, base=first)
    assert second.fixed != first.fixed
    fresh = Aligner(old.units, new.units, old_keys, new_keys, DEFAULT_OPTIONS)
    assert np.array_equal(second.sim, fresh.sim) and np.array_equal(second.lcs, fresh.lcs)
    sim, lcs = _plain_scores(old_keys, new_keys, fresh)
    assert np.array_equal(fresh.sim, sim) and np.array_equal(fresh.lcs, lcs)


def test_repeated_paragraphs_are_scored_once_with_the_same_scores() -> None:
    def unit(k: int, text: str) -> Unit:
        return Unit(f"OP{k}", "operative", str(k), None, text)

    old_keys = [["a", "b", "c"], ["d", "e"], ["a", "b", "c"], ["x"], ["d", "e"], []]
    new_keys = [["a", "b"], ["d", "e", "f"], ["a", "b"], ["x", "y"], [], ["q"]]
    old = [unit(k, "".join(w) or "。") for k, w in enumerate(old_keys)]
    new = [unit(k, "".join(w) or "。") for k, w in enumerate(new_keys)]
    aligner = Aligner(old, new, old_keys, new_keys, DEFAULT_OPTIONS)
    sim, lcs = _plain_scores(old_keys, new_keys, aligner)
    assert np.array_equal(aligner.sim, sim) and np.array_equal(aligner.lcs, lcs)
    assert aligner.sim[0, 0] == aligner.sim[2, 2] == pytest.approx(0.8)


def test_limits_can_be_raised_for_a_block_and_are_restored() -> None:
    units = [(f"OP{k}", "决定继续审议。") for k in range(limits.MAX_UNITS + 1)]
    with pytest.raises(LimitError, match="paragraphs"):
        limits.check_units(units)
    with limits.raised(MAX_UNITS=limits.MAX_UNITS + 500):
        limits.check_units(units)
    assert limits.MAX_UNITS == 1_000
    with pytest.raises(LimitError):
        limits.check_units(units)


@pytest.mark.parametrize("bounds", [{"MAX_UNITS": 10}, {"MAX_FILE_BYTES": 10**10}, {"MiB": 2**21}, {"NOPE": 1}])
def test_limits_are_only_raised_and_only_those_read_when_a_check_runs(bounds: dict[str, int]) -> None:
    before = limits.MAX_UNITS, limits.MAX_FILE_BYTES, limits.MiB
    with pytest.raises(ValueError), limits.raised(**bounds):
        pass
    assert (limits.MAX_UNITS, limits.MAX_FILE_BYTES, limits.MiB) == before


def test_a_change_given_lists_still_holds_tuples() -> None:
    change = Change(type="reworded", old=["OP1"], new=["OP1"], diff=[DiffOp("equal", "决定")],
                    alternatives=[[Change(type="dropped", old=("OP1",), new=())]])
    assert change.old == ("OP1",) and change.diff == (DiffOp("equal", "决定"),)
    assert isinstance(change.alternatives, tuple) and isinstance(change.alternatives[0], tuple)
    assert change == Change(type="reworded", old=("OP1",), new=("OP1",), diff=(DiffOp("equal", "决定"),),
                            alternatives=((Change(type="dropped", old=("OP1",), new=()),),))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(1, 5), st.sampled_from([np.float32, np.float64]),
       st.booleans(), st.randoms(use_true_random=False))
def test_the_best_and_second_best_of_each_row_are_those_of_a_partition(rows: int, cols: int, levels: int,
                                                                       dtype: type, transposed: bool,
                                                                       rnd: random.Random) -> None:
    """``decide._top2`` strikes out each row's best cell instead of partitioning every row: the
    same columns and values, ties for the best (a few levels only: many ties) included."""
    from resdiff.decide import _top2

    values = np.array([[rnd.randrange(levels) / 3 for _ in range(cols)] for _ in range(rows)],
                      dtype=dtype)
    matrix = values.T if transposed else values
    best, first, second = _top2(matrix)
    # The same read down the columns of the matrix the rows are the columns of, and on a scratch
    # copy (written over).
    for found in (_top2(np.ascontiguousarray(matrix.T), axis=0), _top2(matrix.T.copy(), axis=0, scratch=True),
                  _top2(matrix.astype(np.float64), scratch=True)):
        assert all(np.array_equal(a, b) for a, b in zip(found, (best, first, second)))
    assert (best == matrix.argmax(axis=1)).all()
    assert (first == matrix.max(axis=1).astype(np.float64)).all()
    n = matrix.shape[1]
    plain = np.partition(matrix, n - 2, axis=1)[:, n - 2].astype(np.float64) if n > 1 else np.zeros(matrix.shape[0])
    assert (second == plain).all()


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 8), st.integers(1, 8), st.randoms(use_true_random=False))
def test_free_candidate_counts_are_those_of_a_plain_count_and_follow_new_owners(rows: int, cols: int,
                                                                                rnd: random.Random) -> None:
    """``Aligner._parts`` tries as a whole only a unit with two free candidate parts (or one and a
    short unit wholly found in it): the counts, kept in step as units change owner, are the plain
    count of what ``group`` keeps (no owner, or owned by the whole)."""
    codes = [align._NONE, align._SEVERAL, *range(rows)]
    candidates = np.array([[rnd.random() < 0.5 for _ in range(cols)] for _ in range(rows)], dtype=bool)
    owner = np.array([rnd.choice(codes) for _ in range(cols)], dtype=np.int64)

    def plain() -> list[int]:
        return [sum(1 for k in range(cols) if candidates[w, k] and owner[k] in (align._NONE, w)) for w in range(rows)]

    counts = align.free_counts(candidates, owner)
    assert counts.tolist() == plain()
    for _ in range(5):
        align.reown(counts, candidates, owner, rnd.randrange(cols), rnd.choice(codes))
        assert counts.tolist() == plain()


@pytest.mark.parametrize("switches", [[("因特网", "互联网")], [("的", "之")], [("的", "之"), ("因特网", "互联网")],
                                      [("又", "还")], [("信息", "又")], [("2003", "2005")], [("，", "、")]])
def test_a_switched_key_is_the_key_of_the_switched_words(switches: list[tuple[str, str]]) -> None:
    # The second pass's keys: switched in place in the first pass's keys when both words are
    # words as similarity sees them; an adverb, a number or punctuation takes the plain way.
    old, new = resdiff.load(CORPUS), resdiff.load(DRAFT)
    texts = _Texts(old, new, Segmenter(cache=WordCache(None)))
    terms = [classify.TermSwitch(a, b, 3) for a, b in switches]
    single = dict(switches)
    switched, _ = texts.keys(terms)
    changed = 0
    for unit, words, key, found in zip(old.units, texts.old_words, texts.old_keys, switched):
        if any(a in unit.text for a, _ in switches) and all(a in words for a, _ in switches if a in unit.text):
            assert found == similarity_key([single.get(w, w) for w in words])
            changed += found != key
        elif not any(a in unit.text for a, _ in switches):
            assert found is key
    # Numbers are folded, punctuation left out, a leading 又/还 dropped: their keys stay.
    assert bool(changed) == (switches[0][0] in ("因特网", "的", "信息"))
