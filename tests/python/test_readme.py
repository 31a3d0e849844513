"""The README's examples are run, so they never drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_python_examples_run_and_print_what_they_say(capsys: object) -> None:
    blocks = _blocks("python")
    assert blocks
    namespace: dict[str, object] = {}  # one session: later examples use what earlier ones imported
    for code in blocks:
        exec(compile(code, "README.md", "exec"), namespace)
        printed = capsys.readouterr().out.splitlines()  # type: ignore[attr-defined]
        expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
        assert printed == expected


def test_cpp_example_is_the_consumer_program_ctest_builds() -> None:
    (code,) = _blocks("cpp")
    assert code == (ROOT / "tests" / "consumer" / "main.cpp").read_text(encoding="utf-8")


def test_exactly_two_commands_near_the_top() -> None:
    first_block = _blocks("sh")[0]
    commands = [line for line in first_block.splitlines() if line.strip()]
    assert [c.split()[0] for c in commands] == ["./scripts/run-example", "./scripts/run-tests"]
