"""The HTML timeline in a real browser: headless Chromium loads the page, and every event must be laid out visibly."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import chronoweave as cw

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Appended to a copy of the page only: the library's output itself carries no script.
PROBE = """<script>
const boxes = [...document.querySelectorAll('article.node')].map(n => {
  const r = n.getBoundingClientRect(), s = getComputedStyle(n);
  return {id: n.id, label: n.querySelector('.label').textContent, date: n.querySelector('.date').textContent,
          x: r.left, y: r.top, width: r.width, height: r.height, visible: s.visibility === 'visible' && s.display !== 'none'};
});
const pre = document.createElement('pre');
pre.id = 'probe';
pre.textContent = JSON.stringify(boxes);
document.body.appendChild(pre);
</script>"""


def _example_timeline() -> cw.Timeline:
    index = {a["file"]: a["published"] for a in json.loads((EXAMPLES / "index.json").read_text())["articles"]}
    return cw.timeline(
        (p.read_text(encoding="utf-8"), index[p.name], p.name) for p in sorted(EXAMPLES.glob("*.txt"))
    )


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/setup --tests installs it)")
def test_html_timeline_renders_every_event_visibly(tmp_path: Path) -> None:
    result = _example_timeline()
    assert len(result.nodes) >= 5
    page = tmp_path / "timeline.html"
    page.write_text(result.to_html("Example story").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    browser = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,4000"]
    dom = subprocess.run([*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "the page did not load or the probe did not run"
    boxes = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    assert [b["id"] for b in boxes] == [f"n{i}" for i in range(1, len(result.nodes) + 1)]
    previous_bottom = 0.0
    for box, node in zip(boxes, result.nodes):
        assert box["visible"] and box["width"] > 200 and box["height"] > 20, box
        assert 0 <= box["x"] < 1280, box
        assert box["y"] >= previous_bottom, "events overlap or are out of order on the axis"
        previous_bottom = box["y"] + box["height"]
        assert node.label in box["label"]
    shot = tmp_path / "timeline.png"
    subprocess.run([*browser, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
