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


def test_bundled_examples_have_an_index() -> None:
    index = json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))
    assert index["articles"]
    for article in index["articles"]:
        assert (EXAMPLES / article["file"]).is_file()
