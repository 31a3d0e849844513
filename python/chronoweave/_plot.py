"""Timeline.plot(): a static matplotlib figure of the events on a date axis, one lane per kind (the notebook extra)."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from ._html import STATUS_COLORS
from ._optional import require

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .model import Timeline


def plot_timeline(timeline: Timeline, ax: Axes | None) -> Axes:
    plt = require("matplotlib.pyplot", "Timeline.plot()")
    mdates = require("matplotlib.dates", "Timeline.plot()")
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 1 + 0.45 * len({n.kind for n in timeline.nodes})), layout="constrained")
    dated = [n for n in timeline.nodes if n.date_from or n.date_to]
    lanes: dict[str, int] = {}
    for node in dated:  # in time order, so the lanes read top down in the order the kinds first happen
        lanes.setdefault(node.kind, len(lanes))
    one_day = _dt.timedelta(days=1)
    for node in dated:
        color = STATUS_COLORS[node.status]
        y = lanes[node.kind]
        if node.date_from and node.date_to and node.date_from != node.date_to:
            start = mdates.date2num(node.date_from)
            width = mdates.date2num(node.date_to + one_day) - start
            ax.broken_barh([(start, width)], (y - 0.3, 0.6), facecolors=color, alpha=0.35, edgecolors=color)
        else:
            day = node.date_from or node.date_to
            ax.plot([mdates.date2num(day)], [y], "o", color=color, markersize=6)
    ax.set_yticks(range(len(lanes)), list(lanes))
    if lanes:
        ax.set_ylim(len(lanes) - 0.5, -0.5)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="x", alpha=0.3)
    shown = sorted({n.status for n in dated}, key=list(STATUS_COLORS).index)
    if shown:
        handles = [plt.Line2D([], [], marker="o", linestyle="", color=STATUS_COLORS[s], label=s) for s in shown]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    undated = len(timeline.nodes) - len(dated)
    ax.set_title(f"{len(dated)} dated events" + (f" ({undated} undated not shown)" if undated else ""), loc="left")
    return ax
