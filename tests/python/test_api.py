"""The Python API as a whole: every result type pickles and compares, reprs stay readable, everything public has a
docstring, and a typed user script passes mypy --strict."""

from __future__ import annotations

import ast
import copy
import inspect
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import chronoweave as cw
from chronoweave._core import NativeTimeline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def example_sources() -> list[tuple[str, str, str]]:
    index = json.loads((EXAMPLES / "articles" / "index.json").read_text(encoding="utf-8"))
    return [
        ((EXAMPLES / "articles" / a["file"]).read_text(encoding="utf-8"), a["published"], a["file"])
        for a in index["articles"]
    ]


@pytest.fixture(scope="module")
def docs() -> list[cw.Document]:
    return cw.extract_many(example_sources())


@pytest.fixture(scope="module")
def merged(docs: list[cw.Document]) -> cw.Timeline:
    return cw.timeline(docs)


def every_result(docs: list[cw.Document], merged: cw.Timeline) -> list[object]:
    doc = docs[0]
    event = next(e for e in doc.events if e.participants)
    values = [doc, doc.timexes[0], doc.sentences[0], event, event.participants[0], merged]
    values += [merged.nodes[0], merged.nodes[0].mentions[0], merged.edges[0]]
    values += [cw.TimexRange(0, 1), cw.Contradiction(3, "starts after it ends")]
    return values


def test_every_result_type_pickles_to_an_equal_value(docs: list[cw.Document], merged: cw.Timeline) -> None:
    values = every_result(docs, merged)
    assert {type(v).__name__ for v in values} >= {n for n in cw.__all__ if n[0].isupper() and "Error" not in n}
    for value in values:
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            restored = pickle.loads(pickle.dumps(value, protocol))
            assert restored == value and type(restored) is type(value)
        assert copy.deepcopy(value) == value


def test_unpickled_timeline_still_renders(merged: cw.Timeline) -> None:
    restored: cw.Timeline = pickle.loads(pickle.dumps(merged))
    assert restored.to_json() == merged.to_json()
    assert restored.to_dot() == merged.to_dot()
    assert restored.to_html("T") == merged.to_html("T")
    assert restored._repr_html_() == merged._repr_html_()
    assert len(json.loads(restored.to_json())["nodes"]) == len(merged.nodes) > 0


def test_a_corrupt_timeline_pickle_is_an_error_not_a_crash(merged: cw.Timeline) -> None:
    native: NativeTimeline = merged._native
    version, nodes, edges, contradictions = native.__getstate__()
    with pytest.raises(cw.ChronoweaveError, match="version"):
        NativeTimeline.__new__(NativeTimeline).__setstate__((version + 1, nodes, edges, contradictions))
    with pytest.raises(cw.ChronoweaveError, match="unknown relation type 'SOONER'"):
        NativeTimeline.__new__(NativeTimeline).__setstate__(
            (version, nodes, [(0, 1, "SOONER", "", "stated")], contradictions))
    with pytest.raises(cw.ChronoweaveError, match="unknown edge basis 'rumour'"):
        NativeTimeline.__new__(NativeTimeline).__setstate__(
            (version, nodes, [(0, 1, "BEFORE", "", "rumour")], contradictions))
    with pytest.raises(cw.ChronoweaveError, match="this edge is not a tuple of 5 fields"):
        NativeTimeline.__new__(NativeTimeline).__setstate__((version, nodes, [(0, 1, "BEFORE", "")], contradictions))
    with pytest.raises(cw.ChronoweaveError, match="this node is not a tuple of 11 fields"):
        NativeTimeline.__new__(NativeTimeline).__setstate__((version, [("meeting",)], edges, contradictions))


def test_equality_compares_content(docs: list[cw.Document]) -> None:
    again = cw.extract(docs[1].text, docs[1].published, doc_id=docs[1].id)
    assert again == docs[1] and hash(again.timexes) == hash(docs[1].timexes)
    assert cw.extract(docs[1].text, "2025-03-08", doc_id=docs[1].id) != docs[1]
    assert cw.timeline(docs[:2]) == cw.timeline(docs[:2]) != cw.timeline(docs[:3])


def test_reprs_are_short_and_leave_out_defaults(docs: list[cw.Document], merged: cw.Timeline) -> None:
    doc = cw.extract("Valdoria and Karesh met in Brenner yesterday.", "2025-03-04")
    assert repr(doc.timexes[0]) == (
        "Timex(text='yesterday', start=35, end=44, type='DATE', value='2025-03-03', "
        "first_day=datetime.date(2025, 3, 3), last_day=datetime.date(2025, 3, 3), anchor='publication', "
        "rule='date.deictic')"
    )
    assert eval(repr(doc.timexes[0]), {"Timex": cw.Timex, "datetime": __import__("datetime")}) == doc.timexes[0]
    assert repr(cw.Span(2, 5)) == "Span(start=2, end=5)"
    assert repr(docs[0]).startswith("Document(id='01_first_talks.txt', published='2025-03-04', chars=")
    assert repr(merged) == f"Timeline(nodes={len(merged.nodes)}, edges={len(merged.edges)}, contradictions=0)"
    assert "sentence=" not in repr(merged.nodes[0].mentions[0])
    assert all(len(repr(e)) < 1000 for d in docs for e in d.events)


def public_members(obj: object) -> list[tuple[str, object]]:
    members: list[tuple[str, object]] = []
    for name, member in vars(obj).items():
        if name.startswith("_") and name not in ("__len__", "__init__"):
            continue
        if inspect.isfunction(member) or isinstance(member, property):
            members.append((name, member))
    return members


def test_everything_public_has_a_docstring() -> None:
    missing = []
    for name in cw.__all__:
        obj = getattr(cw, name)
        if name == "__version__":
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            missing += [
                f"{name}.{member_name}"
                for member_name, member in public_members(obj)
                if member_name != "__init__" and not (member.__doc__ or "").strip()
            ]
    assert missing == []


def test_typed_script_passes_mypy_strict_and_a_wrong_one_does_not(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy comes with the test extra: pip install .[test]")
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "import chronoweave as cw\n"
        "doc = cw.extract(42)\n"
        "value: int = doc.timexes[0].value\n"
        "cw.extract_many(['a'], threads='2')\n"
        "cw.timeline([doc]).nodes[0].date_from.year\n",
        encoding="utf-8",
    )
    script = EXAMPLES / "typed_usage.py"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"),
         str(script), str(wrong)],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [e for e in errors if "typed_usage.py" in e] == []
    assert sorted(int(e.split(":")[1]) for e in errors) == [2, 3, 4, 5], result.stdout


def test_typed_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "typed_usage.py")], capture_output=True, text=True, check=True
    )
    assert "01_first_talks.txt: 9 timexes" in result.stdout  # as listed in examples/articles/EXPECTED.md
    assert "rejected: not a calendar date" in result.stdout


def test_missing_notebook_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match=r"Document.timexes_frame\(\) needs pandas.*pip install 'chronoweave\[notebook\]'"):
        cw.extract("On May 16.").timexes_frame()
    with pytest.raises(ImportError, match=r"Timeline.to_networkx\(\) needs networkx"):
        cw.Timeline().to_networkx()
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"Timeline.plot\(\) needs matplotlib.*\(or pip install matplotlib\)$"):
        cw.Timeline().plot()


def test_every_offset_is_a_str_index_in_text_with_emoji_and_cyrillic() -> None:
    # Emoji outside the BMP (one str index, two UTF-16 units, four UTF-8 bytes) and Cyrillic (two bytes) before and
    # between the spans: any byte or UTF-16 offset would land elsewhere.
    text = (
        "🙂🙂 Київ, 16 травня 🕊️: Valdoria and Karesh met in Brenner yesterday 🇺🇦. "
        "Ілсе said on Monday that talks resume on March 24 in Brenner; ✅ Karesh agreed."
    )
    docs = cw.extract_many([(text, "2025-03-04", "u")])
    doc = docs[0]
    assert len(doc.timexes) >= 3 and len(doc.events) >= 2
    for t in doc.timexes:
        assert text[t.start : t.end] == t.text
    for e in doc.events:
        assert text[e.start : e.end] == e.text
        for p in e.participants:
            assert p.mention is None or text[p.mention.start : p.mention.end] in ("Valdoria", "Karesh", "Київ", "Ілсе")
        if e.place_mention:
            assert text[e.place_mention.start : e.place_mention.end] == "Brenner"
    assert any(p.mention and text[p.mention.start : p.mention.end] == "Karesh" for e in doc.events for p in e.participants)
    for mention in (m for node in cw.timeline(docs).nodes for m in node.mentions):
        assert text[mention.start : mention.end] == mention.text



def test_native_module_stub_declares_every_function_and_method() -> None:
    from chronoweave import _core

    stub = ast.parse((ROOT / "python" / "chronoweave" / "_core.pyi").read_text(encoding="utf-8"))
    declared = {node.name for node in stub.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    declared |= {t.id for node in stub.body if isinstance(node, ast.AnnAssign) for t in [node.target] if isinstance(t, ast.Name)}
    assert declared >= {name for name in dir(_core) if not name.startswith("_")} | {"__version__"}
    for node in stub.body:
        if isinstance(node, ast.ClassDef):
            methods = {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
            runtime = {n for n in vars(getattr(_core, node.name)) if not n.startswith("_") or n in methods}
            assert methods == runtime - {"__init__", "__module__", "__doc__", "__dict__", "__weakref__"}, node.name
