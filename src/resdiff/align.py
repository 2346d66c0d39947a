"""Global alignment of two resolutions' paragraphs: pairs, moves, splits and merges.

The alignment works on word sequences (jieba words, punctuation left out, numbers folded so
that a date bump does not lower a score) and proceeds in four steps, each on what the one
before left over:

1. **Order.** The largest-weight set of pairs that keeps its order in both texts, among
   pairs similar enough on their own merit (a weighted longest increasing subsequence: global,
   not greedy). Most of a yearly text is found here.
2. **Moves.** What is left is paired across the order, best pairs first: paragraphs that moved.
3. **Context.** A paragraph rewritten in place, between two aligned neighbours, is paired at a
   lower threshold, as long as it still shares words that are rare in the texts (so that two
   unrelated paragraphs that both speak of 世界首脑会议 stay apart).
4. **Parts.** One old paragraph whose words are found in two or more new neighbours is a
   split; two or more old paragraphs found in one new paragraph are a merge, even when they
   were not adjacent because a third between them was dropped.

Every step sees only indices and word sequences: no reader, renderer or CLI.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter, mul

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from resdiff.lexicon import base_lead
from resdiff.model import Unit
from resdiff.options import Options

Words = Sequence[str]

#: A part of a split or merge has at least this many words: a short phrase is found inside
#: almost any long paragraph, word for word, by chance.
MIN_PART_WORDS = 5

#: Least rare-word overlap (see :meth:`Aligner.content`) of a moved and reworded pair.
MOVED_CONTENT = 0.4

#: Below this score, a pair found across the order of the texts must keep its lead.
SURE_MOVE = 0.65

#: A short neighbour joins a split or merge when this share of its words is found in the whole.
WHOLLY = 0.9

#: Each part of a split or merge adds at least this share of the whole's words that no other part has.
PART_MARGIN = 0.05

#: A part of a split or merge shares at most this share of its found words with the other parts
#: (measured: at most 0.57 in true splits and merges — two paragraphs ending on the same clause —
#: 0.72 for a new paragraph written on the pattern of the old one).
PART_OVERLAP = 0.65

#: A part of a split or merge whose words are mostly found where another part's are is matched
#: again in what the others leave of the whole; it stays a part if it finds this share of its
#: words there (a paragraph written on the pattern of the old one finds few: its words are the
#: updated paragraph's).
REALIGNED = 0.75

#: The chapeau of lettered sub-paragraphs that are all parts of one split joins the split when it
#: keeps the whole's lead or this share of its words is found in the whole (a chapeau is short:
#: ``Calls for close coordination …, in particular:`` keeps little more than a few words).
CHAPEAU_FOUND = 0.3

#: English function words as similarity keys (Snowball stems): found in any paragraph, they are
#: no evidence of where a part of a split or merge came from.
FUNCTION_WORDS = frozenset(("the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "by", "with", "at", "as",
                            "it", "that", "this", "these", "be", "is", "are", "which", "all", "from", "their"))

#: Parts of a split or merge stand at most this many places apart (paragraphs dropped, moved or
#: added between them).
MERGE_REACH = 4

#: For a split or merge, how much more of the whole the parts together must cover than the best
#: part alone (a share of the whole's words).
PART_GAIN = 0.1

#: A pair votes on the order of the texts when its score is within this of the best score
#: of both its paragraphs.
NEAR_BEST = 0.15

#: Candidate partners kept for one old paragraph: the most alike, the nearest in place first. A
#: real text has at most three above the link threshold (in the three evaluation sets); a text of
#: paragraphs all alike (a hostile one, or one built of a single pattern) has hundreds, and
#: aligning every pair of them took seconds and hundreds of MB. The bound only bites there.
MAX_CANDIDATES = 64


#: Owner codes of :meth:`Aligner._parts`: a unit not linked, a unit linked to several units.
_NONE, _SEVERAL = -1, -2

#: Score matrices of at least this many cells are computed on all cores.
PARALLEL_CELLS = 250_000


def word_codes(*texts: Sequence[Words]) -> dict[str, int]:
    """Each word of ``texts`` (lists of word sequences) as a small integer, the most frequent words
    the smallest. A longest common subsequence depends only on which words are equal, so it is
    the same over the codes; rapidfuzz compares codes below 256 through a plain table and other
    symbols (words, which it hashes) through a hash map: over the codes the score matrix of a
    long text takes a quarter to a fifth of the time."""
    counts: Counter[str] = Counter()
    for sequences in texts:
        for words in sequences:
            counts.update(words)
    return {word: code for code, (word, _) in enumerate(counts.most_common())}


def ratio_from_lcs(lcs: np.ndarray, old_lengths: Sequence[int], new_lengths: Sequence[int]) -> np.ndarray:
    """``fuzz.ratio`` of every pair, from their longest common subsequences: the ratio is the
    normalised Indel similarity, and the Indel distance is ``len a + len b − 2·LCS``. The
    arithmetic is rapidfuzz's own, step by step in double precision, so the result is the same
    to the bit as ``cdist(scorer=fuzz.ratio, dtype=float32) / 100`` (tested) at the cost of one
    score matrix instead of two."""
    old_len = np.asarray(old_lengths, dtype=np.float64)[:, None]
    new_len = np.asarray(new_lengths, dtype=np.float64)[None, :]
    out = np.empty(lcs.shape, dtype=np.float32)
    for start in range(0, lcs.shape[0], 256):  # a few rows at a time: the doubles stay small
        rows = slice(start, start + 256)
        total = old_len[rows] + new_len
        # Two empty sequences are alike (distance 0): their LCS is 0, so dividing by 1 gives that.
        score = total - 2.0 * lcs[rows]
        score /= np.maximum(total, 1.0)
        np.subtract(1.0, score, out=score)
        score *= 100.0
        out[rows] = score
    out /= np.float32(100.0)
    return out


@dataclass(frozen=True)
class Link:
    """Old and new unit indices that belong to one change (both sides non-empty)."""

    old: tuple[int, ...]
    new: tuple[int, ...]


def _compatible(a: Unit, b: Unit) -> bool:
    # Headings pair only with headings; a preambular paragraph rarely becomes operative, so
    # that needs a higher score (checked by the caller through _pair_floor).
    return (a.kind == "heading") == (b.kind == "heading")


def _same_lead(a: Unit, b: Unit) -> bool:
    """Both have a lead and it is the same once 又/还 are ignored."""
    return a.lead is not None and b.lead is not None and base_lead(a.lead) == base_lead(b.lead)


def _pair_floor(a: Unit, b: Unit, threshold: float) -> float:
    if a.kind != b.kind:
        return _pair_floor_across(threshold)
    return threshold


def _pair_floor_across(threshold: float) -> float:
    """:func:`_pair_floor` of two units of different kinds."""
    return max(threshold, 0.8)


def weighted_lis(pairs: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The subset of ``(i, j, weight)`` pairs with strictly increasing ``i`` and ``j`` and the
    largest total weight (ties: the earlier pairs), in O(k log k) over the k candidate pairs.

    A Fenwick tree over ``j`` holds, for every prefix of ``j``, the best chain ending there;
    pairs that share an ``i`` are all looked up before any of them is added, so that no chain
    takes two pairs of one old paragraph.
    """
    ordered = sorted(pairs, key=lambda p: (p[0], p[1]))
    if not ordered:
        return []
    size = max(p[1] for p in ordered) + 2
    tree: list[tuple[float, int]] = [(0.0, 1)] * (size + 1)  # (best total, -index); 1: no chain
    best = [0.0] * len(ordered)
    back = [-1] * len(ordered)
    start = 0
    while start < len(ordered):
        stop = start
        while stop < len(ordered) and ordered[stop][0] == ordered[start][0]:
            stop += 1
        for b in range(start, stop):
            _, j, w = ordered[b]
            found, k = (0.0, 1), j  # the best chain over pairs with a smaller j (tree index ≤ j)
            while k > 0:
                if tree[k] > found:
                    found = tree[k]
                k -= k & -k
            best[b] = found[0] + w
            back[b] = -found[1] if found[1] <= 0 else -1
        for b in range(start, stop):
            entry, k = (best[b], -b), ordered[b][1] + 1
            while k <= size:
                if entry > tree[k]:
                    tree[k] = entry
                k += k & -k
        start = stop
    end = max(range(len(ordered)), key=lambda k: (best[k], -k))
    chain = []
    while end != -1:
        chain.append(ordered[end])
        end = back[end]
    return chain[::-1]


class Aligner:
    """Aligns two lists of units given their word sequences for similarity."""

    def __init__(self, old: Sequence[Unit], new: Sequence[Unit], old_words: Sequence[Words],
                 new_words: Sequence[Words], options: Options, *, base: Aligner | None = None) -> None:
        """``base``: an aligner of the same texts whose old words differ in some paragraphs only
        (a second pass with terminology switches applied); its scores are reused for the rest."""
        self.old, self.new = old, new
        if base is not None:
            # Only the last pass's found shares are read again (by the scored decision): the
            # first pass's go now, not once the second is built (they are two n × m matrices).
            base._contained = None
        self.ow, self.nw = [list(w) for w in old_words], [list(w) for w in new_words]
        self.options = options
        self.sim: np.ndarray
        self.lcs: np.ndarray
        # Paragraphs whose words are the same in both texts, and unique in each, are paired
        # first; the score matrices are computed only between the paragraphs left over (their
        # rows and columns hold 0 elsewhere), so that a yearly text, mostly kept, costs little
        # more than its changed paragraphs.
        self.fixed = _identical(old, new, self.ow, self.nw)
        fixed_new = set(self.fixed.values())
        self.rest_old = [i for i in range(len(old)) if i not in self.fixed]
        self.rest_new = [j for j in range(len(new)) if j not in fixed_new]
        self.sim = np.zeros((len(old), len(new)), dtype=np.float32)
        self.lcs = np.zeros((len(old), len(new)), dtype=np.int32)
        if base is not None and base.nw == self.nw and len(base.ow) == len(self.ow):
            # A score is kept from ``base`` where both paragraphs were scored there (neither was
            # paired as identical) and the old one's words are the same; the rest is scored anew.
            was_old, was_new = set(base.rest_old), set(base.rest_new)
            kept_rows = [i for i in self.rest_old if i in was_old and base.ow[i] == self.ow[i]]
            kept_cols = [j for j in self.rest_new if j in was_new]
            if kept_rows and kept_cols:
                at = np.ix_(kept_rows, kept_cols)
                self.sim[at], self.lcs[at] = _cells(base.sim, kept_rows, kept_cols), _cells(base.lcs, kept_rows, kept_cols)
            kept = set(kept_rows)
            self._score([i for i in self.rest_old if i not in kept])
            new_cols = [j for j in self.rest_new if j not in was_new]
            self._score(kept_rows, new_cols)
        else:
            self._score(self.rest_old)
        for i, j in self.fixed.items():
            self.sim[i, j] = 1.0
            self.lcs[i, j] = len(self.ow[i])
        self._idf: dict[str, float] | None = None
        self._contained: tuple[np.ndarray, np.ndarray] | None = None
        self._old_bags: dict[int, tuple[Counter[str], float]] = {}
        self._new_bags: dict[int, tuple[Counter[str], float]] = {}

    def _score(self, rows: list[int], cols: list[int] | None = None) -> None:
        """Fill the scores of ``rows`` against ``cols`` (the new paragraphs left over)."""
        cols = self.rest_new if cols is None else cols
        if not rows or not cols:
            return
        # Paragraphs that repeat (a chapeau, a recurring clause) are scored once.
        words, row_at = _distinct([self.ow[i] for i in rows])
        others, col_at = _distinct([self.nw[j] for j in cols])
        # Both cores for a large matrix (the same numbers: each cell is computed on its own).
        workers = -1 if len(words) * len(others) >= PARALLEL_CELLS else 1
        codes = word_codes(words, others)
        lcs = process.cdist([[codes[w] for w in seq] for seq in words], [[codes[w] for w in seq] for seq in others],
                            scorer=LCSseq.similarity, processor=None, dtype=np.int32, workers=workers)
        sim = ratio_from_lcs(lcs, [len(w) for w in words], [len(w) for w in others])
        if len(words) < len(rows) or len(others) < len(cols):
            lcs, sim = _cells(lcs, row_at, col_at), _cells(sim, row_at, col_at)
        at = np.ix_(rows, cols)
        self.lcs[at] = lcs
        self.sim[at] = sim

    # -- similarity helpers -------------------------------------------------------------
    def contained(self) -> tuple[np.ndarray, np.ndarray]:
        """``(contained_old, contained_new)``: ``contained_old[i, j]`` is the share of old i's
        words found in new j, in order; ``contained_new[i, j]`` the share of new j's words found in
        old i. Computed once (the split and merge search and the scored decision both read them);
        read-only."""
        if self._contained is None:
            old_len = np.array([max(len(w), 1) for w in self.ow], dtype=np.float32)
            new_len = np.array([max(len(w), 1) for w in self.nw], dtype=np.float32)
            pair = (self.lcs / old_len[:, None], self.lcs / new_len[None, :])
            for matrix in pair:
                matrix.flags.writeable = False
            self._contained = pair
        return self._contained

    def similarity(self, old: Sequence[int], new: Sequence[int]) -> float:
        """Word-sequence similarity of old units joined against new units joined."""
        if len(old) == 1 and len(new) == 1:
            return float(self.sim[old[0], new[0]])
        a = [w for i in old for w in self.ow[i]]
        b = [w for j in new for w in self.nw[j]]
        return float(fuzz.ratio(a, b, processor=None)) / 100.0

    def idf(self) -> dict[str, float]:
        """Every word's inverse document frequency over both texts' units (computed once)."""
        if self._idf is None:
            df: Counter[str] = Counter()
            for words in (*self.ow, *self.nw):
                df.update(set(words))
            n = len(self.ow) + len(self.nw)
            self._idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        return self._idf

    def content(self, i: int, j: int) -> float:
        """How much rare vocabulary two units share: a Dice coefficient weighted by inverse
        document frequency over both texts' units, so 世界首脑会议 counts for little."""
        idf = self.idf()
        a, a_weight = self._bag(self._old_bags, self.ow, i)
        b, b_weight = self._bag(self._new_bags, self.nw, j)
        if len(b) < len(a):
            a, b = b, a
        shared = sum(min(c, b[w]) * idf[w] for w, c in a.items() if w in b)
        total = a_weight + b_weight
        return 2 * shared / total if total else 0.0

    def _bag(self, bags: dict[int, tuple[Counter[str], float]], words: list[list[str]],
             k: int) -> tuple[Counter[str], float]:
        """A unit's words counted, and their total weight (cached: content is asked often)."""
        found = bags.get(k)
        if found is None:
            assert self._idf is not None
            bag = Counter(words[k])
            # The same products added in the same order as ``sum(c * idf[w] for w, c in bag.items())``.
            found = bags[k] = (bag, sum(map(mul, bag.values(), map(self._idf.__getitem__, bag))))
        return found

    # -- the four steps ----------------------------------------------------------------
    def run(self) -> list[Link]:
        threshold = self.options.link_threshold
        # _compatible and _pair_floor over all candidate cells at once (the floor in single
        # precision, as the score it is compared with).
        codes: dict[str, int] = {"heading": 0}
        old_kind = np.array([codes.setdefault(u.kind, len(codes)) for u in self.old], dtype=np.int8)
        new_kind = np.array([codes.setdefault(u.kind, len(codes)) for u in self.new], dtype=np.int8)
        # Only the cells above the threshold are tested (the floor is never below it).
        rows, cols = np.nonzero(self._candidates(threshold))
        old_k, new_k = old_kind[rows], new_kind[cols]
        floor = np.where(old_k != new_k, np.float32(_pair_floor_across(threshold)), np.float32(threshold))
        scores = self.sim[rows, cols]
        keep = ((old_k == 0) == (new_k == 0)) & (scores >= floor)
        rows, cols, scores = rows[keep], cols[keep], scores[keep]
        candidates = list(zip(rows.tolist(), cols.tolist(), scores.tolist()))
        # Only pairs that are (nearly) each other's best partner vote on the order: a paragraph
        # that moved must not lose its partner to a weaker pair that happens to be in order.
        if candidates:
            near = np.float32(NEAR_BEST)
            votes = (scores >= self.sim.max(axis=1)[rows] - near) & (scores >= self.sim.max(axis=0)[cols] - near)
            ordered = [pair for pair, vote in zip(candidates, votes.tolist()) if vote]
        else:
            ordered = []
        pairs = {i: j for i, j, _ in weighted_lis(ordered)}
        self._moves(pairs, candidates)
        self._context(pairs)
        links = [Link((i,), (j,)) for i, j in sorted(pairs.items())]
        return self._parts(links)

    def _candidates(self, threshold: float) -> np.ndarray:
        """Where a pair scores at least ``threshold``, at most :data:`MAX_CANDIDATES` of them an old
        paragraph: beyond, the highest scores, then the nearest to the paragraph's place."""
        mask = self.sim >= threshold
        crowded = np.nonzero(mask.sum(axis=1) > MAX_CANDIDATES)[0]
        if crowded.size:
            scale = len(self.new) / max(len(self.old), 1)
            for i in crowded.tolist():
                found = np.nonzero(mask[i])[0]
                order = np.lexsort((found, np.abs(found - i * scale), -self.sim[i, found]))
                mask[i] = False
                mask[i, found[order[:MAX_CANDIDATES]]] = True
        return mask

    def _moves(self, pairs: dict[int, int], candidates: list[tuple[int, int, float]]) -> None:
        used_new = set(pairs.values())
        # Best first, then by (i, j): the candidates come in (i, j) order and the sort is stable.
        for i, j, score in sorted(candidates, key=itemgetter(2), reverse=True):
            if i in pairs or j in used_new:
                continue
            # Across the order, a pair only a little alike that also changed its lead is more
            # likely two paragraphs written on one pattern (the Forum held, the next one welcomed).
            if score < SURE_MOVE and not _same_lead(self.old[i], self.new[j]):
                continue
            pairs[i] = j
            used_new.add(j)
        # A paragraph moved far and reworded on the way scores below the link threshold (an
        # operative paragraph that becomes preambular once its event has taken place, say); it
        # is still the best partner of its successor and the other way round, keeps its lead,
        # and they share much of their rare wording.
        free_old = [i for i in range(len(self.old)) if i not in pairs]
        free_new = [j for j in range(len(self.new)) if j not in used_new]
        if not free_old or not free_new:
            return
        sub = self.sim[np.ix_(free_old, free_new)]
        for a, i in enumerate(free_old):
            b = int(sub[a].argmax())
            j = free_new[b]
            if (sub[a, b] >= self.options.move_threshold and int(sub[:, b].argmax()) == a
                    and _compatible(self.old[i], self.new[j]) and _same_lead(self.old[i], self.new[j])
                    and self.content(i, j) >= MOVED_CONTENT):
                pairs[i] = j
                used_new.add(j)

    def _context(self, pairs: dict[int, int]) -> None:
        """Pair what is left between two aligned neighbours: a paragraph rewritten in place."""
        anchors = sorted((i, j) for i, j in pairs.items())
        chain = [(i, j) for i, j, _ in weighted_lis([(i, j, 1.0) for i, j in anchors])]
        in_order = [(-1, -1), *chain, (len(self.old), len(self.new))]
        used_new = set(pairs.values())
        for (i0, j0), (i1, j1) in pairwise(in_order):
            olds = [i for i in range(i0 + 1, i1) if i not in pairs]
            news = [j for j in range(j0 + 1, j1) if j not in used_new]
            if not olds or not news:
                continue
            if _renamed_heading(self.old, self.new, olds, news):
                pairs[olds[0]] = news[0]
                used_new.add(news[0])
                continue
            # A paragraph out and a paragraph in at the same place, between aligned neighbours,
            # each the other's best match there, are one paragraph rewritten as long as they
            # still share some rare wording; other pairs in the gap must also be alike in their
            # own right.
            sub = self.sim[np.ix_(olds, news)]
            gap = []
            for a, i in enumerate(olds):
                for b, j in enumerate(news):
                    mutual = sub[a, b] >= sub[a].max() and sub[a, b] >= sub[:, b].max()
                    floor = self.options.in_place_threshold if mutual else self.options.context_threshold
                    if (_compatible(self.old[i], self.new[j])
                            and self.sim[i, j] >= _pair_floor(self.old[i], self.new[j], floor)
                            and self._related(i, j, mutual=bool(mutual), alone=len(olds) == len(news) == 1)):
                        gap.append((i, j, float(self.sim[i, j])))
            for i, j, _ in weighted_lis(gap):
                pairs[i] = j
                used_new.add(j)

    def _related(self, i: int, j: int, *, mutual: bool, alone: bool) -> bool:
        """Whether a low-scoring pair in place is one paragraph rewritten, not two unrelated ones:
        how much rare wording they must share grows with the doubt — when they are not each
        other's best match in the gap, and when the lead changed too, the more so where several
        paragraphs come and go."""
        a, b = self.old[i], self.new[j]
        if a.kind == "heading":
            return True
        need = 0.2 if mutual else 0.25
        if not _same_lead(a, b):
            need += 0.05 if alone else 0.1
        return self.content(i, j) >= need

    def _explain(self, whole: int, parts: list[int], *, old_side: bool) -> list[int]:
        """The parts of a split or merge, or ``[]``: the parts that each add to how much of
        ``whole`` is found in them, which together cover clearly more of it than the best one
        alone and are alike enough joined. Each part is matched on its own, so a clause merged
        into the middle of another paragraph counts as much as one appended at its end."""
        whole_words = self.ow[whole] if old_side else self.nw[whole]
        if not whole_words:
            return []
        found = {k: _found_in(self.nw[k] if old_side else self.ow[k], whole_words) for k in parts}

        def covered(keep: list[int]) -> int:
            return len(set().union(*(found[k] for k in keep)))

        kept = list(parts)
        # The parts of one paragraph cut apart come from different stretches of it; a part whose
        # words are mostly found where another part's are is a paragraph written on the same
        # pattern (next year's "welcomes the host of the next Forum"), not a piece of the whole.
        # English function words (``the``, ``to``, ``all``) are found everywhere and say nothing
        # of where a part came from; they are left out of that measure (no Chinese key is one).
        telling = {k: {p for p in found[k] if whole_words[p] not in FUNCTION_WORDS} for k in parts}
        realigned: set[int] = set()
        while len(kept) >= 2:
            shared = {k: len(telling[k] & set().union(*(telling[m] for m in kept if m != k))) / max(len(telling[k]), 1)
                      for k in kept}
            worst = max(kept, key=lambda k: (shared[k], -len(found[k])))
            if shared[worst] <= PART_OVERLAP:
                break
            if worst not in realigned:
                # Matched in order, a part's words may be found where another part's are only
                # because they come first there (two dates, 于2013年5月30日 and 于2013年11月6日,
                # are one word sequence once numbers are folded): matched again in what the other
                # parts leave of the whole, a piece of it is still found there nearly as well.
                realigned.add(worst)
                taken = set().union(*(found[m] for m in kept if m != worst))
                again = _found_in_rest(self.nw[worst] if old_side else self.ow[worst], whole_words, taken)
                if len(again) >= REALIGNED * len(found[worst]):
                    found[worst] = again
                    telling[worst] = {p for p in again if whole_words[p] not in FUNCTION_WORDS}
                    continue
            kept.remove(worst)
        while len(kept) >= 2:
            # The part whose loss costs least: dropped if it adds almost nothing of its own.
            total = covered(kept)
            weakest = min(kept, key=lambda k: total - covered([m for m in kept if m != k]))
            if total - covered([m for m in kept if m != weakest]) >= PART_MARGIN * len(whole_words):
                break
            kept.remove(weakest)
        if len(kept) < 2:
            return []
        gain = (covered(kept) - max(len(found[k]) for k in kept)) / len(whole_words)
        similarity = self.similarity([whole], kept) if old_side else self.similarity(kept, [whole])
        return kept if gain >= PART_GAIN and similarity >= self.options.context_threshold else []

    def _cluster(self, whole: int, parts: list[int], *, old_side: bool) -> list[int]:
        """The run of candidate parts around the one most like ``whole``: parts stand together,
        a few places apart at most (a merge across a dropped paragraph); a candidate far away is
        a different paragraph that happens to repeat some of the same words."""
        if len(parts) < 2:
            return parts
        runs: list[list[int]] = [[parts[0]]]
        for k in parts[1:]:
            if k - runs[-1][-1] <= MERGE_REACH:
                runs[-1].append(k)
            else:
                runs.append([k])
        best = max(parts, key=lambda k: self.sim[whole, k] if old_side else self.sim[k, whole])
        return next(run for run in runs if best in run)

    def _extend(self, whole: int, parts: list[int], *, old_side: bool, owners: dict[int, Link],
                contained: np.ndarray) -> list[int]:
        """Add the short neighbours of a split's (or merge's) parts that are wholly found in the
        whole: the chapeau ``吁请所有利益攸关方：`` of a paragraph split into sub-paragraphs is too
        short to be a part on its own merit, but it comes from the same paragraph."""
        units = self.new if old_side else self.old
        extended = list(parts)
        for step, edge in ((-1, 0), (1, -1)):
            k = extended[edge] + step
            while 0 <= k < len(units) and units[k].kind != "heading" and contained[whole, k] >= WHOLLY:
                owner = owners.get(k)
                if owner is not None and (owner.old if old_side else owner.new) != (whole,):
                    break
                extended.insert(0 if step < 0 else len(extended), k)
                k += step
        return self._fill(whole, extended, old_side=old_side, owners=owners, contained=contained)

    def _fill(self, whole: int, parts: list[int], *, old_side: bool, owners: dict[int, Link],
              contained: np.ndarray) -> list[int]:
        """Add what stands between a split's (or merge's) parts and comes from the whole too: a
        sub-paragraph too short to be a part on its own merit (``(c) 保护在线隐私；``) wholly found
        in the whole, and the chapeau of lettered sub-paragraphs that are all parts when it keeps the
        whole's lead (``注意到…的工作，包括：`` cut from ``注意到…``) or some of its words."""
        units = self.new if old_side else self.old
        whole_unit = (self.old if old_side else self.new)[whole]

        def free(k: int) -> bool:
            owner = owners.get(k)
            return owner is None or (owner.old if old_side else owner.new) == (whole,)

        filled = list(parts)
        for k in range(parts[0] + 1, parts[-1]):
            if (k not in filled and units[k].kind != "heading" and contained[whole, k] >= WHOLLY
                    and free(k)):
                filled.append(k)
        filled.sort()
        first = units[filled[0]]
        chapeau = filled[0] - 1
        if (first.parent is not None and chapeau >= 0 and units[chapeau].id == first.parent and free(chapeau)
                and all(k in filled for k in range(len(units)) if units[k].parent == first.parent)
                and (_same_lead(units[chapeau], whole_unit) or contained[whole, chapeau] >= CHAPEAU_FOUND)):
            filled.insert(0, chapeau)
        return filled

    def _parts(self, links: list[Link]) -> list[Link]:
        """Find splits (1 → n) and merges (n → 1) among the 1:1 links and the units left over."""
        matched_old = {link.old[0]: link for link in links}
        matched_new = {link.new[0]: link for link in links}
        part = self.options.part_threshold
        result = {id(link): link for link in links}

        contained_old, contained_new = self.contained()
        big_old = np.array([u.kind != "heading" and len(w) >= MIN_PART_WORDS for u, w in zip(self.old, self.ow)])
        big_new = np.array([u.kind != "heading" and len(w) >= MIN_PART_WORDS for u, w in zip(self.new, self.nw)])

        # Who owns each unit, as an array kept in step with ``matched_old``/``matched_new``: the
        # single unit on the other side of its link, :data:`_SEVERAL` when that side has several,
        # :data:`_NONE` when the unit is not linked; so that the free candidates of a whole are
        # picked out at once instead of one dictionary lookup each.
        owner_new = np.full(len(self.new), _NONE, dtype=np.int64)  # new k → its old partner
        owner_old = np.full(len(self.old), _NONE, dtype=np.int64)  # old k → its new partner
        for link in links:
            owner_new[link.new[0]], owner_old[link.old[0]] = link.old[0], link.new[0]

        # The candidate parts of every whole (a part is mostly contained in it and big enough).
        is_part = {True: (contained_new >= part) & big_new[None, :], False: ((contained_old >= part) & big_old[:, None]).T}

        def group(whole: int, old_side: bool) -> list[int]:
            # The parts: units on the other side mostly contained in `whole`, free or paired with it.
            row = contained_new[whole, :] if old_side else contained_old[:, whole]
            big = big_new if old_side else big_old
            owners = matched_new if old_side else matched_old
            units = self.new if old_side else self.old

            def free(k: int) -> bool:
                owner = owners.get(k)
                return owner is None or (owner.old if old_side else owner.new) == (whole,)

            found = np.flatnonzero(is_part[old_side][whole])
            owner = (owner_new if old_side else owner_old)[found]
            parts = found[(owner == _NONE) | (owner == whole)].tolist()
            # A short neighbour of a part, wholly found in the whole, is a part too: the first
            # half of a paragraph cut in two may be only a lead and a few words.
            for k in list(parts):
                for n in (k - 1, k + 1):
                    if (0 <= n < len(units) and n not in parts and not big[n] and units[n].kind != "heading"
                            and row[n] >= WHOLLY and free(n)):
                        parts.append(n)
            return sorted(parts)

        # Only a unit in which two parts may be found can be a split's or merge's whole: two
        # free candidate parts (``group``'s), or one and a short unit wholly found in it (the
        # neighbours ``group`` adds are such units). Most units hold one free part only, their
        # partner, and are not tried. The free candidates are counted for all wholes at once and
        # the counts kept in step with the owner arrays.
        owners_of = {True: owner_new, False: owner_old}
        free_parts = {side: free_counts(is_part[side], owners_of[side]) for side in is_part}
        small_new = np.flatnonzero(~big_new & np.array([u.kind != "heading" for u in self.new], dtype=bool))
        small_old = np.flatnonzero(~big_old & np.array([u.kind != "heading" for u in self.old], dtype=bool))
        wholly_small = {True: (contained_new[:, small_new] >= WHOLLY).sum(axis=1),
                        False: (contained_old[small_old, :] >= WHOLLY).sum(axis=0)}

        def set_owner(side: bool, k: int, owner: int) -> None:
            reown(free_parts[side], is_part[side], owners_of[side], k, owner)

        for old_side, units in ((True, self.old), (False, self.new)):
            # Only a unit in which some part is found can be a whole.
            for whole in np.flatnonzero(is_part[old_side].any(axis=1)).tolist():
                if free_parts[old_side][whole] + wholly_small[old_side][whole] < 2:
                    continue
                if units[whole].kind == "heading":
                    continue
                own = (matched_old if old_side else matched_new).get(whole)
                if own is not None and len(own.old) + len(own.new) > 2:
                    continue
                parts = self._cluster(whole, group(whole, old_side), old_side=old_side)
                if len(parts) < 2:
                    continue
                parts = self._explain(whole, parts, old_side=old_side)
                if not parts:
                    continue
                parts = self._extend(whole, parts, old_side=old_side,
                                     owners=matched_new if old_side else matched_old,
                                     contained=contained_new if old_side else contained_old.T)
                link = Link((whole,), tuple(parts)) if old_side else Link(tuple(parts), (whole,))
                for k in parts:
                    owner = (matched_new if old_side else matched_old).get(k)
                    if owner is not None:
                        result.pop(id(owner), None)
                if own is not None:
                    result.pop(id(own), None)
                result[id(link)] = link
                for i in link.old:
                    matched_old[i] = link
                    set_owner(False, i, link.new[0] if len(link.new) == 1 else _SEVERAL)
                for j in link.new:
                    matched_new[j] = link
                    set_owner(True, j, link.old[0] if len(link.old) == 1 else _SEVERAL)
        return sorted(result.values(), key=lambda link: (link.new[0], link.old[0]))


def free_counts(candidates: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """Per row ``w`` of the boolean ``candidates`` matrix (wholes × units), how many of its units
    are free for it: owned by no one (``owner[k] == _NONE``) or by ``w`` itself. A unit has one
    owner, so the units a whole owns are counted from the owners, not from a whole × unit test."""
    owned = np.flatnonzero(owner >= 0)
    counts: np.ndarray = candidates[:, owner == _NONE].sum(axis=1)
    counts += np.bincount(owner[owned], weights=candidates[owner[owned], owned],
                          minlength=candidates.shape[0]).astype(np.int64)
    return counts


def reown(counts: np.ndarray, candidates: np.ndarray, owner: np.ndarray, k: int, new_owner: int) -> None:
    """Give unit ``k`` to ``new_owner`` and keep ``counts`` (:func:`free_counts`) in step: only the
    wholes ``k`` is a candidate of change their count."""
    was = owner[k]
    wholes = np.flatnonzero(candidates[:, k])
    counts[wholes] += ((new_owner == _NONE) | (wholes == new_owner)).astype(np.int64) - ((was == _NONE) | (wholes == was))
    owner[k] = new_owner


def _cells(matrix: np.ndarray, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
    """``matrix[np.ix_(rows, cols)]``, the rows taken and then the columns (a third of the time)."""
    return matrix.take(rows, axis=0).take(cols, axis=1)


def _distinct(sequences: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    """The distinct word sequences, in order of first appearance, and where each one given is."""
    first: dict[tuple[str, ...], int] = {}
    at = [first.setdefault(tuple(words), len(first)) for words in sequences]
    if len(first) == len(sequences):
        return sequences, at
    return [list(words) for words in first], at


def _renamed_heading(old: Sequence[Unit], new: Sequence[Unit], olds: list[int], news: list[int]) -> bool:
    """The gap between two aligned neighbours holds one heading on each side and nothing else:
    the section's heading renamed, however few words the names share (前面的道路 → 展望未来)."""
    return len(olds) == len(news) == 1 and old[olds[0]].kind == "heading" and new[news[0]].kind == "heading"


def _identical(old: Sequence[Unit], new: Sequence[Unit], old_words: list[list[str]],
               new_words: list[list[str]]) -> dict[int, int]:
    """Old index → new index of the paragraphs whose words (as similarity sees them) are the same
    in both texts and occur once in each; headings pair only with headings."""
    by_old: dict[tuple[str, ...], list[int]] = {}
    by_new: dict[tuple[str, ...], list[int]] = {}
    for i, words in enumerate(old_words):
        by_old.setdefault(tuple(words), []).append(i)
    for j, words in enumerate(new_words):
        by_new.setdefault(tuple(words), []).append(j)
    pairs = {}
    for key, olds in by_old.items():
        news = by_new.get(key)
        if key and news and len(olds) == len(news) == 1 and _compatible(old[olds[0]], new[news[0]]):
            pairs[olds[0]] = news[0]
    return pairs


def _found_in_rest(part: Sequence[str], whole: Sequence[str], taken: set[int]) -> set[int]:
    """Positions of ``whole`` outside ``taken`` whose words are found, in order, in ``part``."""
    rest = [p for p in range(len(whole)) if p not in taken]
    return {rest[p] for p in _found_in(part, [whole[p] for p in rest])}


def _found_in(part: Sequence[str], whole: Sequence[str]) -> set[int]:
    """Positions of ``whole`` whose words are found, in order, in ``part`` (a longest common
    subsequence)."""
    blocks = LCSseq.editops(part, whole, processor=None).as_matching_blocks()
    return {b.b + n for b in blocks for n in range(b.size)}


def order_preserving(links: Sequence[Link], similarity: Sequence[float]) -> set[int]:
    """Indices of the links in the largest set that keeps its order in both texts; every other
    link is ``moved``. Between sets of the same size the more alike links stay in place, so
    that of a paragraph kept and a weak pair crossing it, the weak pair is the one that moved."""
    chain = weighted_lis([(link.old[0], link.new[0], 1.0 + 1e-3 * s) for link, s in zip(links, similarity)])
    kept = {(i, j) for i, j, _ in chain}
    return {k for k, link in enumerate(links) if (link.old[0], link.new[0]) in kept}
