"""Write the English evaluation cases: ``python tests/evalset-en/make_cases_en.py [--check]``.

ILLUSTRATIVE TEXTS ONLY (illustrative, not an official text). The old text of every case is
``tests/fixtures/en/wsis-illustrative-2013.txt``, an English resolution written for resdiff's tests
on the pattern of ECOSOC's yearly WSIS resolution (its frame, numbering and kinds of paragraphs);
it is not the official English text of E/RES/2013/9 or of any resolution, and each new text is an
illustrative revision of it, as ``tests/evalset/`` has for Chinese. The change lists follow from
the edits by the rules of ``tests/evalset/revise.py`` (lineage, moves by the unique longest
order-keeping chain, routine checked against the mechanical rule of ``scoring.py``), then were read
through by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests" / "evalset"))

from revise import Cases, Revision, changes_json, write_case  # noqa: E402

import resdiff  # noqa: E402
from resdiff.model import Resolution  # noqa: E402

OLD = ROOT / "tests" / "fixtures" / "en" / "wsis-illustrative-2013.txt"
LABEL = "illustrative revision, not an official text (示意性修订，非正式文本)"

#: Metadata of the illustrative next-year text (its number and date are made up).
NEXT_YEAR = {"symbol": "E/RES/2014/9", "adopted": "2014-07-18", "meeting": "45th plenary meeting"}

CASES = Cases()
case = CASES.case


def date_bumps(r: Revision) -> Revision:
    """The yearly updates of 2013 → 2014, in English: all routine."""
    r.set_meta(**NEXT_YEAR)
    r.sub("PP3", "2012/5 of 24 July 2012", "2013/9 of 22 July 2013", routine=True,
          note="predecessor 2012/5 → 2013/9")
    r.sub("PP4", "67/195 of 21 December 2012", "68/198 of 20 December 2013", routine=True,
          note="General Assembly resolution number and date")
    r.sub("OP7", "Forum 2013 in Geneva from 13 to 17 May 2013", "Forum 2014 in Geneva from 10 to 13 June 2014",
          routine=True, note="Forum dates")
    r.sub("OP13", "Recognizes further", "Recognizes also", routine=True, note="further → also only")
    r.sub("OP16", "broadband in 2012", "broadband in 2013", routine=True, note="year of the report")
    r.sub("OP24", "seventeenth session", "eighteenth session", routine=True, note="session 17 → 18")
    r.sub("OP30", "Forum 2013", "Forum 2014", routine=True, note="year of the Forum")
    r.footnotes[3] = "E/CN.16/2014/3."
    return r


@case("01-date-bump", tests=["routine"],
      description="Yearly updates only: symbol and date, the predecessor 2012/5 → 2013/9, a General Assembly "
                  "resolution, the Forum's dates, a session seventeenth → eighteenth, further → also.")
def _01(old: Resolution) -> Revision:
    return date_bumps(Revision(old))


@case("02-lead-shifts", tests=["lead_shift"],
      description="Leads only: Calls upon → Urges (stronger), Urges → Encourages, Requests → Invites, "
                  "Notes with satisfaction → Notes, Stresses → Reaffirms (weaker), Notes → Welcomes, "
                  "Taking note → Taking note with appreciation (stronger), Recommends → Decides (different), "
                  "a sub-paragraph lead Notes with appreciation → Welcomes (same rank: different).")
def _02(old: Resolution) -> Revision:
    r = Revision(old)
    r.sub("PP6", "Taking note of", "Taking note with appreciation of", note="stronger")
    r.sub("OP5", "Stresses", "Reaffirms", note="weaker")
    r.sub("OP7", "Notes with satisfaction", "Notes", note="weaker")
    r.sub("OP8", "Calls upon", "Urges", note="stronger")
    r.sub("OP17", "Notes that", "Welcomes that", note="stronger")
    r.sub("OP24", "Requests", "Invites", note="weaker")
    r.sub("OP25", "Urges", "Encourages", note="weaker")
    r.sub("OP28", "Recommends", "Decides", note="different")
    return r


@case("03-added", tests=["added", "renumbering"],
      description="A preambular paragraph close to its neighbour, two operative paragraphs in the middle and "
                  "one at the end; everything after renumbered but unchanged; the old last paragraph trades "
                  "its full stop for a semicolon.")
def _03(old: Resolution) -> Revision:
    r = Revision(old)
    r.add("new-PP", "Recalling also General Assembly resolution 68/198 of 20 December 2013 on information and "
          "communications technologies for development,", kind="preambular", after="PP4", note="added")
    r.add("new-OP-a", "Stresses the need to strengthen the infrastructure and the security of networks in "
          "developing countries, so as to build the trust of users in the information society;",
          after="OP10", note="added")
    r.add("new-OP-b", "Notes the efforts of the Multistakeholder Advisory Group of the Internet Governance Forum "
          "to improve the working methods of the Forum, including intersessional work;", after="OP23",
          note="added")
    r.sub("OP30", "Forum 2013.", "Forum 2013;", note="final mark only")
    r.add("new-OP-c", "Decides to continue its consideration of the question at its substantive session of 2014.",
          after="OP30", note="added at the end")
    return r


@case("04-dropped", tests=["dropped"],
      description="Two preambular, three operative paragraphs and a sub-paragraph dropped; the numbering closes up.")
def _04(old: Resolution) -> Revision:
    r = Revision(old)
    r.drop("PP2", "PP7", "OP6", "OP13", "OP19", "OP26(b)")
    return r


@case("05-moves", tests=["moved"],
      description="PP4 moved up unchanged, OP28 moved into the first section, OP21 moved after OP23 and reworded.")
def _05(old: Resolution) -> Revision:
    r = Revision(old)
    r.move("PP4", after="PP1", note="moved up")
    r.move("OP28", after="OP5", note="moved")
    r.move("OP21", after="OP23", note="moved and reworded")
    r.sub("OP21", "Notes the report", "Notes with interest the report", note="moved; stronger lead")
    return r


@case("06-split", tests=["split"],
      description="OP10 split at its second clause, OP20 split in two with a new lead, OP11 split in three.")
def _06(old: Resolution) -> Revision:
    r = Revision(old)
    op10 = old["OP10"].text
    cut = op10.index(", and stresses")
    r.split("OP10", [op10[:cut] + ";", "Stresses" + op10[cut + len(", and stresses"):]], note="split in two")
    op20 = old["OP20"].text
    cut = op20.index(", and recognizes")
    r.split("OP20", [op20[:cut] + ";", "Recognizes" + op20[cut + len(", and recognizes"):]], note="split in two")
    r.split("OP11", [
        "Recognizes that information and communications technologies bring new opportunities and challenges;",
        "Calls upon all stakeholders to provide adequate resources and capacity-building to developing countries;",
        "Also calls upon all stakeholders to support the transfer of technology to developing countries, "
        "in particular the least developed countries;",
    ], note="split in three")
    return r


@case("07-merge", tests=["merged"],
      description="Adjacent paragraphs merged: OP2 into OP1, OP14 and OP15, PP5 and PP6.")
def _07(old: Resolution) -> Revision:
    r = Revision(old)
    r.merge(["OP1", "OP2"], old["OP1"].text[:-1] + ", and also takes note of the reports that the entities of the "
            "United Nations system have submitted as inputs to the annual report of the Secretary-General;",
            note="merged")
    r.merge(["OP14", "OP15"], old["OP14"].text[:-1] + ", and that the digital divide is changing from a question "
            "of access to one of the quality of access, information and skills;", note="merged")
    r.merge(["PP5", "PP6"], old["PP5"].text[:-1] + " and of the report of the Secretary-General on broadband for "
            "an inclusive digital society,", note="merged")
    return r


@case("08-subparagraphs", tests=["subparagraphs"],
      description="A paragraph added before OP26, its (a) dropped, its (c) reworded, a new (d).")
def _08(old: Resolution) -> Revision:
    r = Revision(old)
    r.add("new-OP", "Invites Member States to share their national experiences of broadband plans;",
          before="OP26", note="added")
    r.drop("OP26(a)")
    r.sub("OP26(c)", "local content in local languages", "local content in local and indigenous languages",
          note="reworded")
    r.add("new-sub", "To strengthen the collection of statistics on access to broadband;", after="OP26(c)",
          sub=True, note="new sub-paragraph")
    return r


@case("09-terminology", tests=["terminology"],
      description="information and communications technologies → information and communication technologies "
                  "in five paragraphs, and one substantive rewording.")
def _09(old: Resolution) -> Revision:
    r = Revision(old)
    for label in ("OP10", "OP14", "OP17", "OP19", "OP28"):
        r.sub(label, "information and communications technologies", "information and communication technologies",
              terminology=True, note="terminology")
    r.sub("OP18", "sustainable support", "long-term financial support", note="substantive")
    return r


@case("10-rewritten-in-place", tests=["reworded"],
      description="Paragraphs rewritten between aligned neighbours, sharing only their topic.")
def _10(old: Resolution) -> Revision:
    r = Revision(old)
    r.reword("OP13", "Recognizes further that mobile networks now carry most of the traffic in developing countries "
             "and that operators and regulators must rethink how those networks serve development;",
             note="rewritten in place")
    r.reword("OP23", "Welcomes the report of the Working Group on Improvements to the Internet Governance Forum "
             "and looks forward to the implementation of its recommendations;", note="rewritten in place")
    r.reword("PP7", "Expressing its appreciation to the secretariat of the United Nations Conference on Trade and "
             "Development for its support to the Commission,", note="rewritten in place")
    return r


@case("11-headings", tests=["headings"],
      description="A heading reworded, one dropped with its section merged into the one before, one added.")
def _11(old: Resolution) -> Revision:
    r = Revision(old)
    r.reword("H1", "Review of the implementation of the outcomes of the World Summit on the Information Society",
             note="heading reworded")
    r.drop("H3")
    r.add("new-H", "Financing for development", kind="heading", before="OP27", note="heading added")
    return r


@case("12-next-year", tests=["routine", "lead_shift", "added", "dropped", "moved", "split", "merged"],
      description="An illustrative 2014 text: the yearly updates of case 01 with lead shifts, added and dropped "
                  "paragraphs, a move, a split and a merge.")
def _12(old: Resolution) -> Revision:
    r = date_bumps(Revision(old))
    r.sub("OP8", "Calls upon", "Urges", note="stronger")
    r.sub("OP25", "Urges", "Strongly urges", note="stronger")
    r.drop("OP6", "OP19")
    r.add("new-OP", "Welcomes the progress made by the Partnership on Measuring ICT for Development in the "
          "collection of indicators on the information society;", after="OP9", note="added")
    r.move("OP28", after="OP4", note="moved")
    op10 = old["OP10"].text
    cut = op10.index(", and stresses")
    r.split("OP10", [op10[:cut] + ";", "Stresses" + op10[cut + len(", and stresses"):]], note="split in two")
    r.merge(["OP14", "OP15"], old["OP14"].text[:-1] + ", and that the digital divide is changing from a question "
            "of access to one of the quality of access, information and skills;", note="merged")
    return r


def write(check: bool = False) -> int:
    old = resdiff.load(OLD)
    differ = 0
    for name, info, make in CASES:
        text, expected = make(old).build()
        folder = HERE / name
        files = {
            "old.txt": old.to_text(),
            "new.txt": text,
            "expected.json": changes_json(expected),
            "case.json": json.dumps({"id": name, "label": LABEL, "illustrative": True, "language": "en",
                                     "old_source": "tests/fixtures/en/wsis-illustrative-2013.txt (illustrative)",
                                     "new_source": "illustrative revision written for this evaluation set "
                                                   "(make_cases_en.py)", **info},
                                    ensure_ascii=False, indent=2) + "\n",
        }
        for filename in write_case(folder, files, check=check):
            print(f"{name}/{filename} differs")
            differ += 1
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    return write(check="--check" in (argv if argv is not None else sys.argv[1:]))


if __name__ == "__main__":
    raise SystemExit(main())
