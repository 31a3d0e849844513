"""Sorts the wrong values of a TempEval-3 evaluation by what a rule could do about them.

    python tests/python/value_audit.py GOLD_DIR SYSTEM_DIR [--list]

SYSTEM_DIR is what ``chronoweave annotate --timeml GOLD_DIR -o SYSTEM_DIR`` wrote. Timexes are paired as
``chronoweave eval`` pairs them, and every pair whose values differ falls in one class:

* ``gold contradicts its DCT``: a weekday alone ("Tuesday", "on Friday night") whose gold day is another weekday or
  lies more than a week from the document's creation time, so no reading of the text against that date gives it;
* ``gold splits its convention``: the gold writes this phrase (its words, with digits, weekdays and small counts
  made alike) in more than one shape, for example ``1998-W08`` and ``1998-WXX`` for "last week", our value has the
  shape the gold gives the phrase most often, and this gold value has another one; writing it the other way would
  lose more values than it gains;
* ``other``: the rest, among them readings we get wrong and gold values no reading of the text gives.

It prints the count of each class, the value F1, how many more right values would reach a given F1, and the value
F1 if every ``other`` error were mended. ``--list`` prints the ``other`` errors.
"""

from __future__ import annotations

import argparse
import datetime
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chronoweave.evaluation import TimexAnnotation, evaluate_dirs, read_timeml_timexes

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LONE_WEEKDAY = re.compile(r"^(?:on )?(" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?$")
SMALL_COUNTS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few|some)\b")
CLASSES = ("gold contradicts its DCT", "gold splits its convention", "other")


def phrase_class(text: str) -> str:
    """The phrase with its digits, weekday names and small counts made alike: "last Friday" ~ "last Monday"."""
    phrase = " ".join(text.lower().split())
    phrase = re.sub("|".join(WEEKDAYS), "WD", phrase)
    phrase = SMALL_COUNTS.sub("N", phrase)
    return re.sub(r"\d", "9", phrase)


def shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def creation_date(path: Path) -> datetime.date | None:
    for element in ET.parse(path).getroot().iter():
        if element.tag.rsplit("}", 1)[-1] == "TIMEX3" and element.get("functionInDocument") == "CREATION_TIME":
            found = re.match(r"\d{4}-\d\d-\d\d", element.get("value", ""))
            return datetime.date.fromisoformat(found.group(0)) if found else None
    return None


def contradicts_creation_date(gold: TimexAnnotation, created: datetime.date | None) -> bool:
    weekday = LONE_WEEKDAY.match(" ".join(gold.text.lower().split()))
    day = re.match(r"\d{4}-\d\d-\d\d", gold.value)
    if not weekday or not day or created is None:
        return False
    date = datetime.date.fromisoformat(day.group(0))
    return WEEKDAYS[date.weekday()] != weekday.group(1) or abs((date - created).days) > 7


@dataclass
class Audit:
    system: int = 0
    gold: int = 0
    right_values: int = 0
    # class -> (file, gold, system) for each wrong value
    errors: dict[str, list[tuple[str, TimexAnnotation, TimexAnnotation]]] = field(
        default_factory=lambda: {name: [] for name in CLASSES}
    )

    def value_f1(self, right_values: int | None = None) -> float:
        right = self.right_values if right_values is None else right_values
        return 2 * right / (self.system + self.gold) if self.system + self.gold else 1.0


def audit(gold_dir: Path, system_dir: Path) -> Audit:
    """Raises what ``evaluate_dirs`` raises: FileNotFoundError, ValueError, TimemlError."""
    scores = evaluate_dirs(gold_dir, system_dir)
    result = Audit(system=scores.system, gold=scores.gold, right_values=scores.value_matches)
    gold_shapes: dict[str, Counter[str]] = {}
    wrong: list[tuple[str, datetime.date | None, TimexAnnotation, TimexAnnotation]] = []
    for file in scores.files:
        path = gold_dir / file.name
        for timex in read_timeml_timexes(path).timexes:
            gold_shapes.setdefault(phrase_class(timex.text), Counter())[shape(timex.value)] += 1
        created = creation_date(path)
        wrong.extend((file.name, created, g, s) for g, s in file.wrong_value)
    for name, created, g, s in wrong:
        shapes = gold_shapes[phrase_class(g.text)]
        usual = shapes.most_common(1)[0][0]
        if contradicts_creation_date(g, created):
            kind = CLASSES[0]
        elif len(shapes) > 1 and shape(s.value) == usual != shape(g.value):
            kind = CLASSES[1]
        else:
            kind = CLASSES[2]
        result.errors[kind].append((name, g, s))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("system", type=Path)
    parser.add_argument("--target", type=float, default=0.85, help="the value F1 to reach (default 0.85)")
    parser.add_argument("--list", action="store_true", help="print the errors of class 'other'")
    args = parser.parse_args()
    try:
        result = audit(args.gold, args.system)
    except (OSError, ValueError) as e:
        parser.error(str(e))
    print(f"value F1 {100 * result.value_f1():.2f}: {result.right_values} right values, "
          f"{result.system} system and {result.gold} gold timexes")
    for name in CLASSES:
        print(f"{len(result.errors[name]):5d}  {name}")
    needed = args.target * (result.system + result.gold) / 2 - result.right_values
    print(f"right values needed for {100 * args.target:.0f}: {max(0, round(needed + 0.4999))} more")
    mended = result.right_values + len(result.errors["other"])
    print(f"value F1 with every 'other' error mended: {100 * result.value_f1(mended):.2f}")
    if args.list:
        for name, g, s in result.errors["other"]:
            print(f"{name}\t{g.text!r}\tgold {g.value}\tours {s.value}")


if __name__ == "__main__":
    main()
