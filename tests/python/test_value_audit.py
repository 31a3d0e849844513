"""The value audit on a hand-made gold/system pair whose classes are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_evaluation import timex, tml, write
from value_audit import audit, phrase_class


def test_phrase_classes_make_digits_weekdays_and_small_counts_alike() -> None:
    assert phrase_class("last Friday") == phrase_class("last  monday")
    assert phrase_class("two weeks ago") == phrase_class("three weeks ago") == "N weeks ago"
    assert phrase_class("May 16, 2025") == "may 99, 9999"


def test_each_wrong_value_falls_in_one_class(tmp_path: Path) -> None:
    gold, system = tmp_path / "gold", tmp_path / "system"
    # 2025-05-22 is a Thursday.
    gold_body = (
        f"Envoys met on {timex('t1', 'DATE', '2025-05-13', 'Tuesday')}. "  # a Tuesday nine days back
        f"Prices fell {timex('t2', 'DATE', '2025-W20', 'last week')}, "
        f"rose {timex('t3', 'DATE', '2025-W20', 'last week')} "
        f"and held {timex('t4', 'DATE', '2025-WXX', 'last week')}. "
        f"Talks resume {timex('t5', 'DATE', '2025-05-26', 'May 26')}."
    )
    system_body = (
        f"Envoys met on {timex('t1', 'DATE', '2025-05-20', 'Tuesday')}. "
        f"Prices fell {timex('t2', 'DATE', '2025-W20', 'last week')}, "
        f"rose {timex('t3', 'DATE', '2025-W20', 'last week')} "
        f"and held {timex('t4', 'DATE', '2025-W20', 'last week')}. "
        f"Talks resume {timex('t5', 'DATE', '2024-05-26', 'May 26')}."
    )
    write(gold, "a.tml", tml(gold_body, "2025-05-22"))
    write(system, "a.tml", tml(system_body, "2025-05-22"))
    result = audit(gold, system)
    assert [g.text for _, g, _ in result.errors["gold contradicts its DCT"]] == ["Tuesday"]
    assert [g.value for _, g, _ in result.errors["gold splits its convention"]] == ["2025-WXX"]
    assert [g.text for _, g, _ in result.errors["other"]] == ["May 26"]
    assert (result.system, result.gold, result.right_values) == (5, 5, 2)
    assert result.value_f1() == pytest.approx(0.4)
    assert result.value_f1(3) == pytest.approx(0.6)


def test_a_folder_without_timeml_a_missing_folder_and_a_malformed_file_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no TimeML files"):
        audit(tmp_path, tmp_path)
    with pytest.raises(FileNotFoundError):
        audit(tmp_path / "absent", tmp_path)
    write(tmp_path / "gold", "a.tml", "<TimeML><TEXT>broken")
    with pytest.raises(ValueError, match="malformed TimeML"):
        audit(tmp_path / "gold", tmp_path)
