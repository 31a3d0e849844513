"""The chronoweave command line: ``extract``, ``timeline``, ``annotate`` and ``eval``."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO, TypeVar

from . import _core
from ._extract import extract, to_timeml
from ._timeline import timeline
from .errors import ChronoweaveError
from .model import Document, Timeline, TimelineEdge, TimelineNode

T = TypeVar("T")


def read_index(path: Path) -> dict[str, str]:
    """Reads an index.json (``{"articles": [{"file": ..., "published": ...}]}``) into file name -> date."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(a["file"]): str(a["published"]) for a in data["articles"]}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ChronoweaveError(f"{path}: not an index of articles ({e})") from None


class _Input(NamedTuple):
    name: str  # as given on the command line
    doc_id: str
    data: bytes
    published: str | None


def _read_inputs(files: Sequence[str], published: str | None, index: dict[str, str]) -> list[_Input]:
    inputs = []
    for name in files:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            try:
                data = Path(name).read_bytes()
            except OSError as e:
                raise ChronoweaveError(f"cannot read {name}: {e.strerror}") from None
        doc_id = Path(name).name if name != "-" else "stdin"
        inputs.append(_Input(name, doc_id, data, index.get(doc_id, published)))
    return inputs


def _convert(inputs: Sequence[_Input], convert: Callable[[bytes, str | None, str], T]) -> list[T]:
    results = []
    for item in inputs:
        try:
            results.append(convert(item.data, item.published, item.doc_id))
        except ValueError as e:  # our input errors, named after the file they come from
            raise ChronoweaveError(f"{item.name}: {e}") from None
    return results


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """The file at ``path`` (closed afterwards), or standard output when there is none."""
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as out:
        yield out


def _write_table(documents: Sequence[Document], out: TextIO) -> None:
    for doc in documents:
        published = doc.published.isoformat() if doc.published else "no publication date"
        out.write(f"== {doc.id} ({published}): {len(doc.timexes)} temporal expressions, {len(doc.events)} events\n")
        for t in doc.timexes:
            value = t.value + (f" [{t.mod}]" if t.mod else "")
            text = " ".join(t.text.split())
            out.write(f"  {t.type:<8} {value:<26} {_days(t.first_day, t.last_day):<22} {text}\n")
        if doc.events:
            out.write("  -- events: kind, status, date, trigger | participants | place | quantity\n")
        for e in doc.events:
            details = [" ".join(e.text.split())]
            if e.participants:
                details.append(", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in e.participants))
            if e.place or e.quantity:
                details.append(f"in {e.place}" if e.place else "")
            if e.quantity:
                details.append(e.quantity)
            days = _days(e.first_day, e.last_day) + (" (published)" if e.time_source == "publication" else "")
            out.write(f"  {e.kind:<10} {e.status:<9} {days:<34} {' | '.join(details)}\n")


def _days(first: object, last: object) -> str:
    if not first or not last:
        return ""
    return str(first) if first == last else f"{first}..{last}"


def _cmd_extract(args: argparse.Namespace) -> int:
    index = read_index(Path(args.index)) if args.index else {}
    inputs = _read_inputs(args.files, args.published, index)
    if args.format == "timeml":
        files = _convert(inputs, lambda data, date, doc_id: to_timeml(data, date, doc_id=doc_id))
    else:
        documents = _convert(inputs, lambda data, date, doc_id: extract(data, date, doc_id=doc_id, events=args.events))
    with _output(args.output) as out:
        if args.format == "timeml":
            out.write("".join(files))
        elif args.format == "json":
            payload = [d.to_dict() for d in documents]
            json.dump(payload[0] if len(payload) == 1 else payload, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            _write_table(documents, out)
    return 0


def _node_dates(node: TimelineNode) -> str:
    if node.date_from and node.date_to:
        if node.date_from == node.date_to:
            return node.date_from.isoformat()
        return f"{node.date_from}..{node.date_to}"
    if node.date_to:
        return f"by {node.date_to}"
    if node.date_from:
        return f"from {node.date_from}"
    return "undated"


def _write_timeline_table(result: Timeline, out: TextIO) -> None:
    sources = sorted({s for n in result.nodes for s in n.sources})
    out.write(f"{len(result.nodes)} events from {len(sources)} articles\n")
    stated: dict[int, list[TimelineEdge]] = {}
    for edge in result.edges:
        if edge.basis == "stated":
            stated.setdefault(edge.from_node, []).append(edge)
    for number, node in enumerate(result.nodes, start=1):
        dates = _node_dates(node) + ("" if node.date_basis != "inferred" else " ~")
        out.write(f"n{number:<3} {dates:<26} {node.status:<9} {node.label}\n")
        out.write(f"     sources: {', '.join(node.sources)}\n")
        for edge in stated.get(number - 1, ()):
            out.write(f"     {edge.type} n{edge.to_node + 1}: {edge.reason}\n")
    for contradiction in result.contradictions:
        out.write(f"contradiction at n{contradiction.node + 1}: {contradiction.explanation}\n")
    out.write("(~ bounds inferred from relations and publication dates, not stated in the text)\n")


def _comma_list(text: str | None) -> list[str] | None:
    return [part.strip() for part in text.split(",")] if text else None


def _cmd_timeline(args: argparse.Namespace) -> int:
    index = read_index(Path(args.index)) if args.index else {}
    inputs = _read_inputs(args.files, args.published, index)
    try:
        result = timeline((item.data, item.published, item.doc_id) for item in inputs)
        if args.status or args.kind:
            result = result.select(status=_comma_list(args.status), kind=_comma_list(args.kind))
    except ValueError as e:
        raise ChronoweaveError(str(e)) from None
    with _output(args.output) as out:
        if args.format == "json":
            out.write(result.to_json(indent=2) + "\n")
        elif args.format == "html":
            out.write(result.to_html(args.title))
        elif args.format == "dot":
            out.write(result.to_dot())
        else:
            _write_timeline_table(result, out)
    return 0


def _cmd_annotate(args: argparse.Namespace) -> int:
    source, target = Path(args.timeml), Path(args.output)
    files = sorted(p for p in source.iterdir() if p.suffix in (".tml", ".xml")) if source.is_dir() else []
    if not files:
        raise ChronoweaveError(f"{source}: no .tml or .xml files")
    target.mkdir(parents=True, exist_ok=True)
    for path in files:
        try:
            annotated = _core.annotate_timeml(path.read_bytes())
        except ValueError as e:
            raise ChronoweaveError(f"{path}: {e}") from None
        (target / path.name).write_bytes(annotated)
    print(f"annotated {len(files)} files into {target}", file=sys.stderr)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate_dirs, format_table

    try:
        scores = evaluate_dirs(Path(args.gold), Path(args.system))
    except ValueError as e:
        raise ChronoweaveError(str(e)) from None
    if args.json:
        print(json.dumps(scores.to_dict(), indent=2))
    else:
        print(format_table(scores))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chronoweave", description="Dated, ordered event graphs from news text.")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("extract", help="find the temporal expressions and events of articles")
    p.add_argument("files", nargs="+", help="UTF-8 text files ('-' for standard input)")
    p.add_argument("--published", help="publication date YYYY-MM-DD of files not in --index")
    p.add_argument("--index", help="index.json giving each file's publication date")
    p.add_argument("--format", choices=["json", "table", "timeml"], default="json")
    p.add_argument(
        "--no-events",
        dest="events",
        action="store_false",
        help="find the temporal expressions only (faster; TimeML output never has events)",
    )
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.set_defaults(run=_cmd_extract)

    p = commands.add_parser("timeline", help="merge the events of many articles into one ordered timeline")
    p.add_argument("files", nargs="+", help="UTF-8 text files ('-' for standard input)")
    p.add_argument("--published", help="publication date YYYY-MM-DD of files not in --index")
    p.add_argument("--index", help="index.json giving each file's publication date")
    p.add_argument("--format", choices=["table", "json", "html", "dot"], default="table")
    p.add_argument("--status", help="keep only nodes with these statuses, comma-separated (e.g. occurred,planned)")
    p.add_argument("--kind", help="keep only nodes of these kinds, comma-separated (e.g. meeting,exchange)")
    p.add_argument("--title", default="chronoweave timeline", help="title of the HTML page")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.set_defaults(run=_cmd_timeline)

    p = commands.add_parser("annotate", help="tag the TimeML files of a folder with chronoweave's TIMEX3s")
    p.add_argument("--timeml", required=True, help="folder of TimeML files (DCT and TEXT; existing TIMEX3s ignored)")
    p.add_argument("-o", "--output", required=True, help="folder to write the annotated files to")
    p.set_defaults(run=_cmd_annotate)

    p = commands.add_parser("eval", help="TempEval-3 timex scores of a system folder against a gold folder")
    p.add_argument("gold", help="folder of gold TimeML files")
    p.add_argument("system", help="folder of system TimeML files with the same names")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(run=_cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ChronoweaveError as e:
        print(f"chronoweave: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # an output file or folder that cannot be written
        print(f"chronoweave: error: {e.filename or ''}: {e.strerror}", file=sys.stderr)
        return 2
