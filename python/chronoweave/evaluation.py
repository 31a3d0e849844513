"""TempEval-3 scoring of temporal expressions (TIMEX3), in pure Python.

The metrics are those of the official TempEval-3 scorer (``TE3-evaluation.py``, whose timex part is
``evaluate_entities.py``, run after ``TimeML-Normalizer`` has given overlapping gold and system TIMEX3s the same id):

* gold and system files are paired by their path relative to the gold and system folders;
* the TIMEX3s compared are those inside ``<TEXT>``, without the document creation time
  (``functionInDocument="CREATION_TIME"``); offsets are characters of the text of ``<TEXT>`` with every tag removed
  and entities decoded, so gold and system files may carry different tags (EVENT, SIGNAL, ...) but must have the
  same text;
* a gold and a system timex are a *relaxed* match when their extents overlap, a *strict* match when the extents are
  identical; every timex takes part in one match at most;
* precision = matches / system timexes, recall = matches / gold timexes (0 when there are none),
  F1 = 2PR / (P + R) (0 when P + R = 0);
* the attribute scores are ``relaxed F1 x accuracy`` where the accuracy of ``type`` (or ``value``) is the share of
  relaxed matches whose attribute strings are equal;
* counts are summed over all files before the scores are taken (micro averages); with no gold and no system timex
  at all, every F1 and attribute score is 1 while precision and recall stay 0, as in the official scorer.

Matching: the official scorer leaves the pairing to TimeML-Normalizer; here identical extents are paired first, then
each remaining gold timex (in text order) takes the unmatched overlapping system timex with the largest overlap
(the earliest on ties). Differences from the official scripts: a missing system file counts as a file without
timexes (the official one stops), TIMEX3s whose extent is empty or only white space are left out of every count,
and a TIMEX3 may contain other tags.

Malformed files raise :class:`chronoweave.errors.TimemlError` (a ``ValueError``) naming the file and, for XML
errors, the line and column.
"""

from __future__ import annotations

import errno
import os
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from .errors import TimemlError

PathLike = Union[str, "os.PathLike[str]"]  # a str or a pathlib.Path

__all__ = [
    "FileScores",
    "Scores",
    "TimemlText",
    "TimexAnnotation",
    "evaluate_dirs",
    "evaluate_files",
    "format_table",
    "read_timeml_timexes",
    "score_timexes",
]


@dataclass(frozen=True)
class TimexAnnotation:
    """One TIMEX3: [begin, end) are character offsets into the tag-stripped text of ``<TEXT>``."""

    begin: int
    end: int
    text: str
    tid: str = ""
    type: str = ""
    value: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "begin": self.begin,
            "end": self.end,
            "text": self.text,
            "tid": self.tid,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class TimemlText:
    """The text of a TimeML file's ``<TEXT>`` (tags removed, entities decoded) and its TIMEX3s."""

    text: str
    timexes: tuple[TimexAnnotation, ...]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


@dataclass(frozen=True, kw_only=True)
class _Tally:
    """Match counts, and the TempEval-3 metrics derived from them."""

    gold: int
    system: int
    strict_matches: int
    relaxed_matches: int
    type_matches: int
    value_matches: int

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict_matches, self.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict_matches, self.gold)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed_matches, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed_matches, self.gold)

    @property
    def _nothing_to_score(self) -> bool:
        # The official scorer's convention: nothing to find and nothing found is a perfect score.
        return self.gold == 0 and self.system == 0

    @property
    def strict_f1(self) -> float:
        return 1.0 if self._nothing_to_score else _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_f1(self) -> float:
        return 1.0 if self._nothing_to_score else _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_matches, self.relaxed_matches)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_matches, self.relaxed_matches)

    @property
    def type_f1(self) -> float:
        return 1.0 if self._nothing_to_score else self.type_accuracy * self.relaxed_f1

    @property
    def value_f1(self) -> float:
        return 1.0 if self._nothing_to_score else self.value_accuracy * self.relaxed_f1

    def _metrics_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "system": self.system,
            "strict": {"matches": self.strict_matches, "precision": self.strict_precision,
                       "recall": self.strict_recall, "f1": self.strict_f1},
            "relaxed": {"matches": self.relaxed_matches, "precision": self.relaxed_precision,
                        "recall": self.relaxed_recall, "f1": self.relaxed_f1},
            "type": {"matches": self.type_matches, "accuracy": self.type_accuracy, "f1": self.type_f1},
            "value": {"matches": self.value_matches, "accuracy": self.value_accuracy, "f1": self.value_f1},
        }


@dataclass(frozen=True, kw_only=True)
class FileScores(_Tally):
    """The comparison of one gold file with its system file."""

    name: str  # path relative to the gold folder, with '/' separators
    system_missing: bool = False
    missed: tuple[TimexAnnotation, ...] = ()  # gold timexes without a match
    spurious: tuple[TimexAnnotation, ...] = ()  # system timexes without a match
    partial: tuple[tuple[TimexAnnotation, TimexAnnotation], ...] = ()  # (gold, system): overlapping, not identical
    wrong_type: tuple[tuple[TimexAnnotation, TimexAnnotation], ...] = ()  # (gold, system) matches
    wrong_value: tuple[tuple[TimexAnnotation, TimexAnnotation], ...] = ()  # (gold, system) matches

    def to_dict(self) -> dict[str, Any]:
        def pairs(items: tuple[tuple[TimexAnnotation, TimexAnnotation], ...]) -> list[dict[str, Any]]:
            return [{"gold": g.to_dict(), "system": s.to_dict()} for g, s in items]

        return {
            "name": self.name,
            "system_missing": self.system_missing,
            **self._metrics_dict(),
            "missed": [t.to_dict() for t in self.missed],
            "spurious": [t.to_dict() for t in self.spurious],
            "partial": pairs(self.partial),
            "wrong_type": pairs(self.wrong_type),
            "wrong_value": pairs(self.wrong_value),
        }


@dataclass(frozen=True, kw_only=True)
class Scores(_Tally):
    """TempEval-3 timex scores over a set of files (micro averages: counts summed over files)."""

    files: tuple[FileScores, ...] = ()
    unpaired_system_files: tuple[str, ...] = ()  # system files without a gold file (not scored)

    @classmethod
    def from_files(cls, files: Sequence[FileScores], unpaired_system_files: Sequence[str] = ()) -> Scores:
        return cls(
            gold=sum(f.gold for f in files),
            system=sum(f.system for f in files),
            strict_matches=sum(f.strict_matches for f in files),
            relaxed_matches=sum(f.relaxed_matches for f in files),
            type_matches=sum(f.type_matches for f in files),
            value_matches=sum(f.value_matches for f in files),
            files=tuple(files),
            unpaired_system_files=tuple(unpaired_system_files),
        )

    @property
    def missing_system_files(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.files if f.system_missing)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: the scores, the counts, and per-file details."""
        return {
            "files": len(self.files),
            **self._metrics_dict(),
            "missing_system_files": list(self.missing_system_files),
            "unpaired_system_files": list(self.unpaired_system_files),
            "per_file": [f.to_dict() for f in self.files],
        }


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _error(path: Path, reason: str, line: int | None = None, column: int | None = None) -> TimemlError:
    where = f", line {line}, column {column}" if line is not None and column is not None else ""
    error = TimemlError(f"{path}{where}: {reason}")
    error.line, error.column = line, column
    return error


def read_timeml_timexes(path: PathLike) -> TimemlText:
    """Reads a TimeML file: the text of ``<TEXT>`` and the TIMEX3s inside it, the creation time excluded.

    Raises TimemlError (a ValueError) for a file that is not well-formed XML or has no ``<TEXT>``.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise _error(path, f"cannot read the file ({e.strerror})") from None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        line, column = e.position
        reason = str(e).split(":", 1)[0]
        raise _error(path, f"malformed TimeML ({reason})", line, column + 1) from None
    text_element = next((el for el in root.iter() if _local(el.tag) == "TEXT"), None)
    if text_element is None:
        raise _error(path, "no <TEXT> element")

    pieces: list[str] = []
    position = 0
    starts: dict[int, int] = {}
    found: list[tuple[int, int, ET.Element]] = []
    # Depth-first walk with an explicit stack: input cannot drive Python's recursion.
    stack: list[tuple[ET.Element, bool]] = [(text_element, True)]
    while stack:
        element, entering = stack.pop()
        is_timex = element is not text_element and _local(element.tag) == "TIMEX3"
        if entering:
            starts[id(element)] = position
            pieces.append(element.text or "")
            position += len(pieces[-1])
            stack.append((element, False))
            stack.extend((child, True) for child in reversed(list(element)))
        else:
            if is_timex:
                found.append((starts[id(element)], position, element))
            if element is not text_element:
                pieces.append(element.tail or "")
                position += len(pieces[-1])
    text = "".join(pieces)

    timexes = []
    for begin, end, element in sorted(found, key=lambda item: (item[0], -item[1])):
        attributes = element.attrib
        if attributes.get("functionInDocument") == "CREATION_TIME" or not text[begin:end].strip():
            continue
        timexes.append(
            TimexAnnotation(
                begin=begin,
                end=end,
                text=text[begin:end],
                tid=attributes.get("tid", ""),
                type=attributes.get("type", ""),
                value=attributes.get("value", ""),
            )
        )
    return TimemlText(text, tuple(timexes))


def _overlap(a: TimexAnnotation, b: TimexAnnotation) -> int:
    return min(a.end, b.end) - max(a.begin, b.begin)


def score_timexes(
    name: str,
    gold: Sequence[TimexAnnotation],
    system: Sequence[TimexAnnotation],
    *,
    system_missing: bool = False,
) -> FileScores:
    """Matches the system timexes of one document against the gold ones and counts the matches."""
    pairs: list[tuple[int, int]] = []
    gold_matched: set[int] = set()
    system_matched: set[int] = set()
    by_extent: dict[tuple[int, int], list[int]] = {}
    for j, s in enumerate(system):
        by_extent.setdefault((s.begin, s.end), []).append(j)
    for i, g in enumerate(gold):
        same = by_extent.get((g.begin, g.end))
        if same:
            j = same.pop(0)
            pairs.append((i, j))
            gold_matched.add(i)
            system_matched.add(j)
    strict = len(pairs)
    for i in sorted((i for i in range(len(gold)) if i not in gold_matched), key=lambda i: (gold[i].begin, gold[i].end)):
        candidates = [j for j, s in enumerate(system) if j not in system_matched and _overlap(gold[i], s) > 0]
        if not candidates:
            continue
        best = max(candidates, key=lambda j: (_overlap(gold[i], system[j]), -system[j].begin, -system[j].end))
        pairs.append((i, best))
        gold_matched.add(i)
        system_matched.add(best)

    matched = [(gold[i], system[j]) for i, j in pairs]
    return FileScores(
        name=name,
        gold=len(gold),
        system=len(system),
        strict_matches=strict,
        relaxed_matches=len(pairs),
        type_matches=sum(g.type == s.type for g, s in matched),
        value_matches=sum(g.value == s.value for g, s in matched),
        system_missing=system_missing,
        missed=tuple(g for i, g in enumerate(gold) if i not in gold_matched),
        spurious=tuple(s for j, s in enumerate(system) if j not in system_matched),
        partial=tuple(sorted(matched[strict:], key=lambda p: (p[0].begin, p[0].end))),
        wrong_type=tuple(p for p in sorted(matched, key=lambda p: (p[0].begin, p[0].end)) if p[0].type != p[1].type),
        wrong_value=tuple(
            p for p in sorted(matched, key=lambda p: (p[0].begin, p[0].end)) if p[0].value != p[1].value
        ),
    )


def evaluate_files(gold_file: PathLike, system_file: PathLike | None, name: str | None = None) -> FileScores:
    """Scores one system file against its gold file; ``system_file=None`` (or a missing file) finds nothing."""
    gold_path = Path(gold_file)
    gold = read_timeml_timexes(gold_path)
    label = name if name is not None else gold_path.name
    if system_file is None or not Path(system_file).is_file():
        return score_timexes(label, gold.timexes, (), system_missing=True)
    system_path = Path(system_file)
    system = read_timeml_timexes(system_path)
    if system.text != gold.text:
        common = os.path.commonprefix([system.text, gold.text])
        line, column = _text_position(system.text, len(common))
        raise _error(
            system_path,
            f"the text of <TEXT> differs from the gold file {gold_path} "
            f"(first at line {line}, column {column} of that text)",
        )
    return score_timexes(label, gold.timexes, system.timexes)


def _timeml_files(folder: Path, suffixes: Sequence[str]) -> list[str]:
    """Relative paths ('/'-separated) of the TimeML files under folder, hidden files and folders left out."""
    wanted = tuple(s.lower() for s in suffixes)
    found = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in names:
            if not name.startswith(".") and name.lower().endswith(wanted):
                found.append(Path(directory, name).relative_to(folder).as_posix())
    return sorted(found)


def evaluate_dirs(
    gold_dir: PathLike, system_dir: PathLike, *, suffixes: Sequence[str] = (".tml", ".xml")
) -> Scores:
    """Scores every TimeML file under ``gold_dir`` against the file with the same relative path under
    ``system_dir``. Files are those ending in one of ``suffixes`` (hidden ones skipped). A missing system file
    counts as a file where nothing was found; system files without a gold file are listed, not scored.

    Raises FileNotFoundError for a folder that does not exist, ValueError when ``gold_dir`` holds no TimeML file,
    and TimemlError (a ValueError) naming the file for a malformed file or a system text that differs from gold.
    """
    gold_root, system_root = Path(gold_dir), Path(system_dir)
    for folder in (gold_root, system_root):
        if not folder.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))
    names = _timeml_files(gold_root, suffixes)
    if not names:
        raise ValueError(f"no TimeML files ({', '.join(suffixes)}) under {gold_root}")
    files = [evaluate_files(gold_root / name, system_root / name, name) for name in names]
    gold_names = set(names)
    unpaired = [name for name in _timeml_files(system_root, suffixes) if name not in gold_names]
    return Scores.from_files(files, unpaired)


def _percent(x: float) -> str:
    return f"{100 * x:.2f}"


def format_table(scores: Scores) -> str:
    """The scores as the official scorer prints them (percentages), followed by the counts."""
    rows = [
        ("", "F1", "P", "R"),
        ("Strict match", _percent(scores.strict_f1), _percent(scores.strict_precision), _percent(scores.strict_recall)),
        (
            "Relaxed match",
            _percent(scores.relaxed_f1),
            _percent(scores.relaxed_precision),
            _percent(scores.relaxed_recall),
        ),
        ("", "Value", "Type", ""),
        ("Attribute F1", _percent(scores.value_f1), _percent(scores.type_f1), ""),
        ("Accuracy", _percent(scores.value_accuracy), _percent(scores.type_accuracy), ""),
    ]
    lines = ["=== Timex Performance ==="]
    lines += [f"{label:<15}{a:>8}{b:>8}{c:>8}".rstrip() for label, a, b, c in rows]
    lines.append(
        f"files: {len(scores.files)}   gold timexes: {scores.gold}   system timexes: {scores.system}   "
        f"strict matches: {scores.strict_matches}   relaxed matches: {scores.relaxed_matches}   "
        f"correct type: {scores.type_matches}   correct value: {scores.value_matches}"
    )
    if scores.missing_system_files:
        lines.append(f"missing system files ({len(scores.missing_system_files)}): "
                     + ", ".join(scores.missing_system_files))
    if scores.unpaired_system_files:
        lines.append(f"system files without gold ({len(scores.unpaired_system_files)}, not scored): "
                     + ", ".join(scores.unpaired_system_files))
    return "\n".join(lines) + "\n"
