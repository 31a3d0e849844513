"""chronoweave side by side with other temporal taggers, on the same news documents, in one run.

Run by scripts/bench-peers, with the chronoweave interpreter (.venv); each peer runs in its own process from the
isolated installs under build/peers (python_peer.py in build/peers/venv, chrono_peer.js with node). The documents
are the example articles and TimeBank/AQUAINT from the benchmark corpus, shuffled once with a fixed seed so that
any prefix is a fair sample; every tagger gets them in that order, each with its publication date as reference.

A peer too slow to cover the corpus within --budget seconds is measured on the prefix it processed; the table
gives that subset's size. chronoweave is measured twice, doing what the peers do (temporal expressions, no events):
natively (chronoweave_bench's "timexes" stage on the same documents, replicated) and through the Python API
(chronoweave.extract(..., events=False)). Ratios are given for both, chronoweave / peer.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import chronoweave as cw

HERE = Path(__file__).resolve().parent


def news_documents(corpus: Path, seed: int) -> list[dict]:
    docs = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    news = [d for d in docs if d["id"].startswith("tbaq/") or "/" not in d["id"]]
    random.Random(seed).shuffle(news)
    return news


def measure_chronoweave(docs: list[dict], budget: float, passes: int) -> dict:
    """The peers' protocol (see python_peer.py), applied to chronoweave.extract."""
    start = time.perf_counter()
    cw.extract(docs[0]["text"], docs[0]["published"], events=False)
    first_call = time.perf_counter() - start
    for d in docs[:3]:
        cw.extract(d["text"], d["published"], events=False)
    sizes = [len(d["text"].encode("utf-8")) for d in docs]
    pass_times = []
    found = 0
    while len(pass_times) < passes and sum(pass_times) < budget:
        start = time.perf_counter()
        counts = [len(cw.extract(d["text"], d["published"], events=False).timexes) for d in docs]
        pass_times.append(time.perf_counter() - start)
        found = sum(counts)
    pass_times.sort()
    median = pass_times[len(pass_times) // 2]
    return {"peer": "chronoweave (Python API)", "version": cw.__version__, "first_call_s": first_call,
            "docs": len(docs), "bytes": sum(sizes), "seconds": median, "corpus_docs": len(docs),
            "found_first_pass": found, "first_pass_docs": len(docs),
            "note": f"median of {len(pass_times)}"}


def measure_native(bench: Path, corpus: Path, runs: int) -> dict:
    out = subprocess.run([str(bench), "--corpus-jsonl", str(corpus), "--stage", "timexes", "--runs", str(runs),
                          "--target-mb", "16"], check=True, capture_output=True, text=True).stdout
    row = re.search(r"^timexes\s+([0-9.]+)\s+([0-9.]+)", out, re.MULTILINE)
    copies = re.search(r"x([0-9]+) copies", out)
    if not row or not copies:
        raise RuntimeError(f"unexpected output of {bench}: {out!r}")
    return {"mbps": float(row.group(1)), "docs_per_s": float(row.group(2)), "copies": int(copies.group(1)),
            "runs": runs}


def figure(x: float) -> str:
    """Two decimals, or three significant digits for the slow peers' small figures."""
    return f"{x:.2f}" if x >= 1 else f"{x:.3g}"


def ratio(a: float, b: float) -> str:
    r = a / b
    return f"{r:.1f}x" if r < 10 else f"{r:,.0f}x"


def count_on_prefix(docs: list[dict], n: int) -> int:
    return sum(len(cw.extract(d["text"], d["published"], events=False).timexes) for d in docs[:n])


def run_peer(name: str, command: list[str], timeout: float) -> dict:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"peer": name, "skip": f"no result within {timeout:.0f} s"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"peer": name, "skip": f"failed (exit {done.returncode}): {last[:200]}"}
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="JSON lines from chronoweave_bench --dump-corpus")
    parser.add_argument("--bench", type=Path, required=True, help="the chronoweave_bench executable")
    parser.add_argument("--peers-dir", type=Path, default=Path("build/peers"))
    parser.add_argument("--budget", type=float, default=40.0, help="seconds of measured work per peer at most")
    parser.add_argument("--only", default="", help="comma-separated peer names")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    docs = news_documents(args.corpus, args.seed)
    news = args.peers_dir / "news.jsonl"
    with news.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    total = sum(len(d["text"].encode("utf-8")) for d in docs)
    print(f"documents: {len(docs)} news documents (example articles + TimeBank/AQUAINT), {total / 1e6:.2f} MB, "
          f"shuffled with seed {args.seed}; measured work per peer at most {args.budget:.0f} s")

    native = measure_native(args.bench, news, runs=5)
    ours = measure_chronoweave(docs, budget=args.budget, passes=5)
    venv_python = str(args.peers_dir / "venv" / "bin" / "python")
    peers = {
        "chrono-node": ["node", str(HERE / "chrono_peer.js"), "--corpus", str(news), "--modules",
                        str(args.peers_dir / "node" / "node_modules")],
        "dateparser": [venv_python, str(HERE / "python_peer.py"), "dateparser", "--corpus", str(news)],
        "ctparse": [venv_python, str(HERE / "python_peer.py"), "ctparse", "--corpus", str(news)],
        "duckling": [str(args.peers_dir / "duckling-venv" / "bin" / "python"), str(HERE / "python_peer.py"), "duckling",
                     "--corpus", str(news)],
        "heideltime": [venv_python, str(HERE / "python_peer.py"), "heideltime", "--corpus", str(news),
                       "--warm-up-docs", "1"],
        "sutime": [venv_python, str(HERE / "python_peer.py"), "sutime", "--corpus", str(news),
                   "--sutime-jars", str(args.peers_dir / "sutime-jars")],
    }
    only = {p for p in args.only.split(",") if p}
    results = []
    for name, command in peers.items():
        if only and name not in only:
            continue
        status_file = args.peers_dir / "status" / name
        status = status_file.read_text().strip() if status_file.exists() else "skip: not installed (run scripts/bench-peers)"
        if status.startswith("skip"):
            results.append({"peer": name, "skip": status.removeprefix("skip:").strip()})
            continue
        print(f"== running {name} ({status.removeprefix('ok').strip()})", flush=True)
        result = run_peer(name, command + ["--budget", str(args.budget)], timeout=args.budget * 4 + 600)
        result["peer"] = name
        result.setdefault("version", status.removeprefix("ok").strip())
        results.append(result)

    ours_mbps = ours["bytes"] / 1e6 / ours["seconds"]
    print(f"\n{'tagger':<26} {'MB/s':>9} {'docs/s':>9} {'measured on':>22} {'first call':>11} "
          f"{'found':>7} {'cw found':>9} {'Python/peer':>12} {'C++/peer':>10}")
    print(f"{'chronoweave (C++)':<26} {figure(native['mbps']):>9} {figure(native['docs_per_s']):>9} "
          f"{'all x' + str(native['copies']) + ', median of ' + str(native['runs']):>22}")
    print(f"{'chronoweave (Python API)':<26} {figure(ours_mbps):>9} {figure(len(docs) / ours['seconds']):>9} "
          f"{'all, ' + ours['note']:>22} {ours['first_call_s']:10.3f}s {ours['found_first_pass']:>7} "
          f"{ours['found_first_pass']:>9}")
    for r in results:
        if "skip" in r:
            print(f"{r['peer']:<26} skipped: {r['skip']}")
            continue
        mbps = r["bytes"] / 1e6 / r["seconds"]
        subset = (f"{r['docs']} docs, {r['bytes'] / 1e3:.0f} KB" if r["docs"] < r["corpus_docs"]
                  else f"all x{r['docs'] // r['corpus_docs']}" + ("+" if r["docs"] % r["corpus_docs"] else ""))
        cw_found = count_on_prefix(docs, r["first_pass_docs"])
        label = f"{r['peer']} {r.get('version', '')}".strip()
        print(f"{label:<26} {figure(mbps):>9} {figure(r['docs'] / r['seconds']):>9} {subset:>22} {r['first_call_s']:10.3f}s "
              f"{r['found_first_pass']:>7} {cw_found:>9} {ratio(ours_mbps, mbps):>12} {ratio(native['mbps'], mbps):>10}")
    print("\nfound: expressions the tagger reported on the documents of its first pass; cw found: chronoweave's "
          "timexes on the same documents (for context: the taggers' notions of an expression differ).")
    print("first call: the first document alone, after loading the library (cold start; HeidelTime starts a JVM "
          "per call).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
