from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from chronoweave.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_extract_json(tmp_path: Path, capsys: object) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The exchange was agreed yesterday in Istanbul.", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2025-05-17", "--format", "json"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    data = json.loads(out)
    assert data["id"] == "a.txt"
    assert [(t["text"], t["value"]) for t in data["timexes"]] == [("yesterday", "2025-05-16")]


def test_extract_with_index_and_table(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Talks were held on Monday.", encoding="utf-8")
    (tmp_path / "index.json").write_text(
        json.dumps({"articles": [{"file": "one.txt", "published": "2025-06-03"}]}), encoding="utf-8"
    )
    out = tmp_path / "out.txt"
    code = main(["extract", str(tmp_path / "one.txt"), "--index", str(tmp_path / "index.json"),
                 "--format", "table", "-o", str(out)])
    assert code == 0
    assert "2025-06-02" in out.read_text(encoding="utf-8")


def test_console_script_reports_errors_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 on May 16")
    result = subprocess.run([sys.executable, "-m", "chronoweave", "extract", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "invalid UTF-8 at byte 3" in result.stderr
    assert "Traceback" not in result.stderr
    missing = subprocess.run([sys.executable, "-m", "chronoweave", "extract", str(tmp_path / "nope.txt")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    bad_date = subprocess.run([sys.executable, "-m", "chronoweave", "extract", "-", "--published", "2025-13-01"],
                              input="text", capture_output=True, text=True)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    no_folder = subprocess.run([sys.executable, "-m", "chronoweave", "eval", str(tmp_path), str(tmp_path / "absent")],
                               capture_output=True, text=True)
    assert no_folder.returncode == 2 and f"{tmp_path / 'absent'}: no such folder" in no_folder.stderr


def test_bundled_examples_have_an_index() -> None:
    index = json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))
    assert index["articles"]
    for article in index["articles"]:
        assert (EXAMPLES / article["file"]).is_file()


GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-22" temporalFunction="false" functionInDocument="CREATION_TIME">May 22, 2025</TIMEX3></DCT>
<TEXT>Envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-05-21">yesterday</TIMEX3> &amp; will meet again <TIMEX3 tid="t2" type="DATE" value="2025-06">next month</TIMEX3>.</TEXT>
</TimeML>
"""


def test_annotate_and_eval_round_trip(tmp_path: Path, capsys: object) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d1.tml").write_text(GOLD, encoding="utf-8")
    system = tmp_path / "system"
    assert main(["annotate", "--timeml", str(gold), "-o", str(system)]) == 0
    annotated = (system / "d1.tml").read_text(encoding="utf-8")
    # Everything but our TIMEX3 tags is byte for byte the input, the entity and the EVENT tag included.
    assert '<EVENT eid="e1" class="OCCURRENCE">met</EVENT>' in annotated
    assert "&amp; will meet again" in annotated
    assert 'value="2025-05-21">yesterday</TIMEX3>' in annotated
    assert main(["eval", str(gold), str(system), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert scores["strict"]["f1"] == 1.0
    assert scores["value"]["f1"] == 1.0


def test_annotate_reports_malformed_timeml(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "bad.tml").write_text("<TimeML><TEXT>May 16</TimeML>", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "chronoweave", "annotate", "--timeml", str(source), "-o",
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 2
    assert "bad.tml" in result.stderr and "line 1" in result.stderr


def test_extract_as_timeml(tmp_path: Path, capsys: object) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks on May 16 & <more> yesterday.", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2025-05-22", "--format", "timeml"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert '<TIMEX3 tid="t1" type="DATE" value="2025-05-16">May 16</TIMEX3> &amp; &lt;more&gt;' in out
    assert 'functionInDocument="CREATION_TIME">2025-05-22</TIMEX3>' in out


def test_timeml_output_refuses_control_characters(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"bell\x07 on May 16")
    result = subprocess.run([sys.executable, "-m", "chronoweave", "extract", str(article), "--format", "timeml"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "U+0007 at byte 4" in result.stderr and "Traceback" not in result.stderr


def test_unusable_index_and_unwritable_output_are_clear_errors(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks on May 16.", encoding="utf-8")
    index = tmp_path / "index.json"
    index.write_text('{"articles": [{"file": "a.txt"}]}', encoding="utf-8")
    bad_index = subprocess.run([sys.executable, "-m", "chronoweave", "extract", str(article), "--index", str(index)],
                               capture_output=True, text=True)
    assert bad_index.returncode == 2 and "not an index of articles" in bad_index.stderr
    unwritable = subprocess.run([sys.executable, "-m", "chronoweave", "extract", str(article), "-o",
                                 str(tmp_path / "missing-dir" / "out.json")], capture_output=True, text=True)
    assert unwritable.returncode == 2 and "No such file or directory" in unwritable.stderr
    assert "Traceback" not in bad_index.stderr + unwritable.stderr


def test_extract_without_events(tmp_path: Path, capsys: object) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The envoys met in Geneva on Monday and signed a deal on May 16.", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2025-05-22"]) == 0
    full = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert main(["extract", str(article), "--published", "2025-05-22", "--no-events"]) == 0
    timexes_only = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert full["events"] and timexes_only["events"] == []
    assert timexes_only["timexes"] == full["timexes"]
