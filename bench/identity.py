"""A fingerprint of every evaluation comparison: run it before and after a change that must not
change any result, and compare the two outputs.

    python bench/identity.py              # one line per comparison, then the count and a digest
    python bench/identity.py --summary    # the count and the digest only

Every case of every ``tests/evalset*`` folder (except ``tests/evalset-heldout``, whose cases are
never read), in both styles (``clean``, ``extracted``), with and without the UN-terms dictionary:
the SHA-256 of ``compare(...).to_json()``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "evalset"))

from scoring import iter_styles, load_cases  # noqa: E402

import resdiff  # noqa: E402

STYLES = ("clean", "extracted")

#: Never read, so never run here.
UNREAD = "evalset-heldout"


def folders() -> list[Path]:
    return sorted(p for p in (ROOT / "tests").glob("evalset*") if p.is_dir() and p.name != UNREAD)


def fingerprints(roots: list[Path] | None = None) -> Iterator[tuple[str, str]]:
    """``(folder/case/style/dictionary, digest)`` for every comparison of the cases in ``roots``
    (default: :func:`folders`)."""
    for folder in folders() if roots is None else roots:
        for case in load_cases(folder):
            for style, old, new in iter_styles(case, STYLES):
                for un_terms in (True, False):
                    json_text = resdiff.compare(old, new, un_terms=un_terms).to_json()
                    name = f"{folder.name}/{case.name}/{style}/{'terms' if un_terms else 'plain'}"
                    yield name, hashlib.sha256(json_text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="the count and the digest only")
    args = parser.parse_args(argv)
    whole, count = hashlib.sha256(), 0
    for name, digest in fingerprints():
        whole.update(f"{name} {digest}\n".encode())
        count += 1
        if not args.summary:
            print(name, digest)
    print(f"{count} comparisons, digest {whole.hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
