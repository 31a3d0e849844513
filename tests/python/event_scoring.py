"""Scores chronoweave's events against hand-annotated expected events: precision, recall and F1 per kind, and how
often the status, dates, participants, place and quantity of the found events are right.

    python tests/python/event_scoring.py [--shared ../shared/articles] [--verbose]

Sets scored: the shared articles (../shared/articles, expected events in tests/data/events/articles_expected.tsv),
the bundled examples (examples/articles, examples_expected.tsv) and the held-out texts (tests/data/events/heldout,
heldout_expected.tsv). An expected event names its file, kind, trigger word and which occurrence of that word it is;
a found event matches it when the kinds agree and the trigger overlaps that occurrence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import chronoweave

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "events"
ATTRIBUTES = ("status", "dates", "participants", "place", "quantity")


@dataclass(frozen=True)
class Expected:
    file: str
    kind: str
    trigger: str
    occurrence: int
    status: str
    first_day: str
    last_day: str
    participants: frozenset[str]
    place: str
    quantity: str


def _field(value: str) -> str:
    return "" if value == "-" else value


def read_expected(path: Path) -> list[Expected]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 10:
            raise ValueError(f"{path}:{number}: expected 10 tab-separated fields, got {len(cells)}")
        file, kind, trigger, occurrence, status, first, last, participants, place, quantity = cells
        names = frozenset(n for n in _field(participants).split(";") if n)
        rows.append(
            Expected(file, kind, trigger, int(occurrence), status, _field(first), _field(last), names,
                     _field(place), _field(quantity))
        )
    return rows


def occurrence_span(text: str, word: str, occurrence: int) -> tuple[int, int]:
    matches = list(re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, flags=re.IGNORECASE))
    if len(matches) < occurrence:
        raise ValueError(f"'{word}' occurs {len(matches)} times, not {occurrence}")
    m = matches[occurrence - 1]
    return m.start(), m.end()


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    matched: int = 0

    def line(self, name: str) -> str:
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.expected if self.expected else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"  {name:<12} {self.found:>5} {self.expected:>5} {self.matched:>5}   P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}"


def score(folder: Path, expected_path: Path, verbose: bool) -> dict[str, Tally]:
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    dates = {a["file"]: a["published"] for a in index["articles"]}
    expected = read_expected(expected_path)
    tallies: dict[str, Tally] = defaultdict(Tally)
    right = {a: 0 for a in ATTRIBUTES}
    for file in sorted(dates):
        text = (folder / file).read_text(encoding="utf-8")
        doc = chronoweave.extract(text, dates[file], doc_id=file)
        gold = [e for e in expected if e.file == file]
        used = set()
        for g in gold:
            tallies[g.kind].expected += 1
        for e in doc.events:
            tallies[e.kind].found += 1
        for g in gold:
            start, end = occurrence_span(text, g.trigger, g.occurrence)
            hit = next(
                (k for k, e in enumerate(doc.events)
                 if k not in used and e.kind == g.kind and e.start < end and start < e.end),
                None,
            )
            if hit is None:
                if verbose:
                    print(f"    missed  {file} {g.kind} '{g.trigger}' #{g.occurrence}")
                continue
            used.add(hit)
            e = doc.events[hit]
            tallies[g.kind].matched += 1
            got = {
                "status": e.status == g.status,
                "dates": (e.first_day.isoformat() if e.first_day else "", e.last_day.isoformat() if e.last_day else "")
                == (g.first_day, g.last_day),
                "participants": frozenset(p.name for p in e.participants) == g.participants,
                "place": e.place == g.place,
                "quantity": e.quantity == g.quantity,
            }
            for a, ok in got.items():
                right[a] += ok
                if verbose and not ok:
                    print(f"    wrong {a:<12} {file} {g.kind} '{g.trigger}' #{g.occurrence}: {_show(e, a)} vs {_want(g, a)}")
        if verbose:
            for k, e in enumerate(doc.events):
                if k not in used:
                    print(f"    extra   {file} {e.kind} '{e.text}' at {e.start} ({e.status})")
    total = Tally()
    for t in tallies.values():
        total.found += t.found
        total.expected += t.expected
        total.matched += t.matched
    print(f"  {'kind':<12} {'found':>5} {'exp.':>5} {'match':>5}")
    for kind in sorted(tallies):
        print(tallies[kind].line(kind))
    print(total.line("all"))
    if total.matched:
        print("  of the matched events, right: " + ", ".join(f"{a} {right[a] / total.matched:.2f}" for a in ATTRIBUTES))
    tallies["all"] = total
    return tallies


def _show(e: chronoweave.Event, attribute: str) -> str:
    return {
        "status": e.status,
        "dates": f"{e.first_day}..{e.last_day}",
        "participants": ";".join(sorted(p.name for p in e.participants)),
        "place": e.place,
        "quantity": e.quantity,
    }[attribute]


def _want(g: Expected, attribute: str) -> str:
    return {
        "status": g.status,
        "dates": f"{g.first_day or None}..{g.last_day or None}",
        "participants": ";".join(sorted(g.participants)),
        "place": g.place,
        "quantity": g.quantity,
    }[attribute]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared" / "articles"), help="the shared articles")
    parser.add_argument("--verbose", action="store_true", help="list missed, extra and wrong events")
    args = parser.parse_args(argv)
    sets = [
        ("shared articles", Path(args.shared), DATA / "articles_expected.tsv"),
        ("examples", ROOT / "examples" / "articles", DATA / "examples_expected.tsv"),
        ("held-out texts", DATA / "heldout", DATA / "heldout_expected.tsv"),
    ]
    for name, folder, expected in sets:
        if not (folder / "index.json").is_file():
            print(f"== {name}: {folder} not found, skipped", file=sys.stderr)
            continue
        print(f"== {name} ({folder})")
        score(folder, expected, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
