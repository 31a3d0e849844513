"""The TempEval-3 timex scorer on small hand-made gold/system pairs whose scores are worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronoweave.errors import TimemlError
from chronoweave.evaluation import (
    Scores,
    TimexAnnotation,
    evaluate_dirs,
    evaluate_files,
    format_table,
    read_timeml_timexes,
    score_timexes,
)


def tml(body: str, dct: str = "2025-05-17") -> str:
    """A TimeML file in the TempEval-3 layout around the given content of <TEXT>."""
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>doc</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>{body}</TEXT>\n</TimeML>\n"
    )


def timex(tid: str, type_: str, value: str, text: str) -> str:
    return f'<TIMEX3 tid="{tid}" type="{type_}" value="{value}">{text}</TIMEX3>'


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8"))
    return path


@pytest.fixture()
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    gold, system = tmp_path / "gold", tmp_path / "system"
    gold.mkdir()
    system.mkdir()
    return gold, system


def test_two_exact_and_one_overlapping_match(dirs: tuple[Path, Path]) -> None:
    gold, system = dirs
    write(gold, "a.tml", tml(
        "The talks began on " + timex("t1", "DATE", "2025-05-12", "Monday, May 12")
        + ", ended " + timex("t2", "TIME", "2025-05-16TEV", "Friday evening")
        + " and resume " + timex("t3", "DATE", "2025-W21", "next week") + ".\n"
    ))
    write(system, "a.tml", tml(
        "The talks began on " + timex("t1", "DATE", "2025-05-12", "Monday, May 12")
        + ", ended " + timex("t2", "TIME", "2025-05-16", "Friday") + " evening"
        + " and resume " + timex("t3", "DATE", "2025-W21", "next week") + ".\n"
    ))
    scores = evaluate_dirs(gold, system)
    # 3 gold, 3 system; 2 identical extents and "Friday" inside "Friday evening".
    assert (scores.gold, scores.system, scores.strict_matches, scores.relaxed_matches) == (3, 3, 2, 3)
    # strict: P = R = 2/3, F1 = 2/3; relaxed: 3/3 everywhere.
    assert scores.strict_precision == pytest.approx(2 / 3)
    assert scores.strict_recall == pytest.approx(2 / 3)
    assert scores.strict_f1 == pytest.approx(2 / 3)
    assert scores.relaxed_precision == scores.relaxed_recall == scores.relaxed_f1 == pytest.approx(1.0)
    # All three types agree: type F1 = 1.0 x 3/3. "2025-05-16" != "2025-05-16TEV": value F1 = 1.0 x 2/3.
    assert (scores.type_matches, scores.value_matches) == (3, 2)
    assert scores.type_f1 == pytest.approx(1.0)
    assert scores.value_accuracy == pytest.approx(2 / 3)
    assert scores.value_f1 == pytest.approx(2 / 3)

    (detail,) = scores.files
    assert detail.name == "a.tml"
    assert not detail.missed and not detail.spurious and not detail.system_missing
    ((g, s),) = detail.partial
    assert (g.text, s.text) == ("Friday evening", "Friday")
    assert detail.wrong_value == detail.partial
    assert not detail.wrong_type


def test_extra_system_timexes_and_a_missing_system_file(dirs: tuple[Path, Path]) -> None:
    gold, system = dirs
    write(gold, "a.tml", tml(
        "It rained on " + timex("t1", "DATE", "2025-05-01", "May 1") + " and "
        + timex("t2", "DATE", "2025-05-02", "May 2") + ".\n"
    ))
    write(system, "a.tml", tml(
        timex("t1", "DATE", "X", "It") + " " + timex("t2", "DATE", "Y", "rained") + " on "
        + timex("t3", "DURATION", "2025-05-01", "May 1") + " and "
        + timex("t4", "DATE", "2025-05-02", "May 2") + ".\n"
    ))
    write(gold, "sub/b.tml", tml("We met in " + timex("t1", "DATE", "2025-06", "June") + ".\n"))
    # Not scored: a system file without gold, and what is not a visible .tml/.xml file in the gold folder.
    write(system, "c.tml", tml("Nothing.\n"))
    write(gold, ".hidden.tml", "not xml at all")
    write(gold, "README.md", "notes")

    scores = evaluate_dirs(gold, system)
    # gold: 2 + 1 = 3; system: 4 (2 spurious); matches: "May 1" and "May 2", both identical extents.
    assert (scores.gold, scores.system, scores.strict_matches, scores.relaxed_matches) == (3, 4, 2, 2)
    # P = 2/4, R = 2/3, F1 = 2PR/(P+R) = (2/3)/(7/6) = 4/7, strict and relaxed alike.
    assert scores.strict_precision == scores.relaxed_precision == pytest.approx(0.5)
    assert scores.strict_recall == scores.relaxed_recall == pytest.approx(2 / 3)
    assert scores.strict_f1 == scores.relaxed_f1 == pytest.approx(4 / 7)
    # "May 1" has the wrong type: type accuracy 1/2, type F1 = 4/7 x 1/2 = 2/7; both values right: 4/7.
    assert (scores.type_matches, scores.value_matches) == (1, 2)
    assert scores.type_f1 == pytest.approx(2 / 7)
    assert scores.value_f1 == pytest.approx(4 / 7)

    assert [f.name for f in scores.files] == ["a.tml", "sub/b.tml"]
    a, b = scores.files
    assert [t.text for t in a.spurious] == ["It", "rained"]
    assert [(g.type, s.type) for g, s in a.wrong_type] == [("DATE", "DURATION")]
    assert a.relaxed_f1 == pytest.approx(2 / 3)  # per file: P = 2/4, R = 2/2
    assert b.system_missing and b.system == 0 and [t.text for t in b.missed] == ["June"]
    assert b.relaxed_f1 == 0.0
    assert scores.missing_system_files == ("sub/b.tml",)
    assert scores.unpaired_system_files == ("c.tml",)


def test_offsets_ignore_other_tags_entities_line_ends_and_the_dct(dirs: tuple[Path, Path]) -> None:
    gold, system = dirs
    gold_file = write(gold, "a.tml", tml(
        '\nAT&amp;T <EVENT eid="e1" class="REPORTING">reported</EVENT> on '
        + timex("t1", "DATE", "2025-05-16", "May 16")
        + ' and <TIMEX3 tid="t2" type="DATE" value="2025-05-19" temporalFunction="true"/>'
        + timex("t3", "DURATION", "P1W", "a <SIGNAL sid='s1'>whole</SIGNAL> week") + ".\n"
    ))
    # The same text written differently: no EVENT, a character reference, CR LF line ends.
    write(system, "a.tml", tml(
        "\r\nAT&#38;T reported on " + timex("t7", "DATE", "2025-05-16", "May 16")
        + " and a whole " + timex("t8", "DURATION", "P1W", "week") + ".\r\n"
    ))
    parsed = read_timeml_timexes(gold_file)
    assert parsed.text == "\nAT&T reported on May 16 and a whole week.\n"
    # The DCT and the TIMEX3 without text are left out; offsets are characters of the stripped text.
    assert parsed.timexes == (
        TimexAnnotation(18, 24, "May 16", "t1", "DATE", "2025-05-16"),
        TimexAnnotation(29, 41, "a whole week", "t3", "DURATION", "P1W"),
    )
    scores = evaluate_dirs(gold, system)
    # 2 gold, 2 system: "May 16" identical, "week" inside "a whole week": strict 1/2, relaxed 2/2.
    assert (scores.strict_matches, scores.relaxed_matches) == (1, 2)
    assert scores.strict_f1 == pytest.approx(0.5)
    assert scores.relaxed_f1 == scores.type_f1 == scores.value_f1 == pytest.approx(1.0)


def test_each_timex_takes_part_in_one_match_only() -> None:
    gold = [TimexAnnotation(0, 15, "Tuesday evening", type="TIME", value="2025-05-13TEV")]
    system = [
        TimexAnnotation(8, 15, "evening", type="TIME", value="2025-05-13TEV"),
        TimexAnnotation(0, 7, "Tuesday", type="DATE", value="2025-05-13"),
    ]
    result = score_timexes("x", gold, system)
    # Both overlap the gold timex by 7 characters: the earlier one, "Tuesday", is its match; "evening" is spurious.
    assert (result.gold, result.system, result.strict_matches, result.relaxed_matches) == (1, 2, 0, 1)
    assert [s.text for _, s in result.partial] == ["Tuesday"]
    assert [s.text for s in result.spurious] == ["evening"]
    scores = Scores.from_files([result])
    # relaxed P = 1/2, R = 1/1, F1 = 2/3; type and value both wrong: 0; strict 0.
    assert scores.relaxed_f1 == pytest.approx(2 / 3)
    assert scores.strict_f1 == scores.type_f1 == scores.value_f1 == 0.0

    # A larger overlap wins over an earlier one; identical extents are paired before overlaps.
    gold2 = [TimexAnnotation(0, 10, "0123456789"), TimexAnnotation(20, 25, "abcde")]
    system2 = [TimexAnnotation(0, 2, "01"), TimexAnnotation(4, 12, "456789xx"), TimexAnnotation(20, 25, "abcde")]
    result2 = score_timexes("y", gold2, system2)
    assert (result2.strict_matches, result2.relaxed_matches) == (1, 2)
    assert [s.text for _, s in result2.partial] == ["456789xx"]


def test_no_timexes_anywhere_scores_one_as_the_official_scorer_does(dirs: tuple[Path, Path]) -> None:
    gold, system = dirs
    write(gold, "a.tml", tml("Nothing here.\n"))
    write(system, "a.tml", tml("Nothing here.\n"))
    scores = evaluate_dirs(gold, system)
    assert (scores.gold, scores.system) == (0, 0)
    assert scores.strict_f1 == scores.relaxed_f1 == scores.type_f1 == scores.value_f1 == 1.0
    assert scores.strict_precision == scores.relaxed_recall == 0.0


def test_malformed_files_raise_value_errors_naming_file_and_line(dirs: tuple[Path, Path]) -> None:
    gold, system = dirs
    write(gold, "a.tml", tml("On " + timex("t1", "DATE", "2025-05-16", "May 16") + ".\n"))
    bad = write(system, "a.tml", tml("On <EVENT>May 16</TIMEX3>.\n"))
    with pytest.raises(TimemlError) as info:
        evaluate_dirs(gold, system)
    assert isinstance(info.value, ValueError)
    assert str(bad) in str(info.value) and "line 5" in str(info.value)
    assert (info.value.line, info.value.column) == (5, 25)  # expat points at the name in "</TIMEX3>"

    write(system, "a.tml", tml("On May 16 &nbsp;.\n"))
    with pytest.raises(ValueError, match="line 5"):
        evaluate_files(gold / "a.tml", system / "a.tml")

    write(system, "a.tml", tml("On May 17.\n"))
    with pytest.raises(ValueError, match="differs from the gold file"):
        evaluate_dirs(gold, system)

    write(system, "a.tml", '<?xml version="1.0" ?>\n<TimeML><DOCID>doc</DOCID></TimeML>\n')
    with pytest.raises(ValueError, match="no <TEXT> element"):
        evaluate_dirs(gold, system)

    empty = gold.parent / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match="no TimeML files"):
        evaluate_dirs(empty, system)
    with pytest.raises(FileNotFoundError):
        evaluate_dirs(gold, gold.parent / "absent")


def test_deep_nesting_is_read_without_recursion(tmp_path: Path) -> None:
    depth = 20000
    body = "<a>" * depth + timex("t1", "DATE", "2025", "2025") + "</a>" * depth
    parsed = read_timeml_timexes(write(tmp_path, "deep.tml", tml(body)))
    assert parsed.timexes == (TimexAnnotation(0, 4, "2025", "t1", "DATE", "2025"),)


def test_to_dict_and_format_table(dirs: tuple[Path, Path]) -> None:
    gold, system = dirs
    write(gold, "a.tml", tml(
        timex("t1", "DATE", "2025-05-12", "Monday") + " and " + timex("t2", "DATE", "2025-05-13", "Tuesday")
        + " and " + timex("t3", "DATE", "2025-05-14", "Wednesday") + "\n"
    ))
    write(system, "a.tml", tml(
        timex("t1", "DATE", "2025-05-12", "Monday") + " and " + timex("t2", "DATE", "2025-05-13", "Tuesday")
        + " and Wednesday\n"
    ))
    scores = evaluate_dirs(gold, system)
    # P = 2/2, R = 2/3, F1 = (4/3)/(5/3) = 0.8 for strict, relaxed, type and value.
    data = scores.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["files"] == 1 and data["gold"] == 3 and data["system"] == 2
    assert data["strict"] == {"matches": 2, "precision": 1.0, "recall": pytest.approx(2 / 3), "f1": pytest.approx(0.8)}
    assert data["value"]["f1"] == pytest.approx(0.8)
    assert data["per_file"][0]["missed"][0]["text"] == "Wednesday"
    table = format_table(scores)
    assert "Strict match" in table and "Relaxed match" in table and "Attribute F1" in table
    assert "80.00  100.00   66.67" in table
    assert "gold timexes: 3" in table
