"""chronoweave: dated, ordered event graphs from news text.

>>> import chronoweave as cw
>>> doc = cw.extract("The talks were held on May 16, 2025.")
>>> [(t.text, t.type, t.value) for t in doc.timexes]
[('May 16, 2025', 'DATE', '2025-05-16')]
"""

from __future__ import annotations

from ._core import __version__
from ._extract import extract, extract_many, timex_interval, to_timeml
from ._timeline import timeline
from .errors import (
    ChronoweaveError,
    DocumentTooLargeError,
    DuplicateDocumentIdError,
    InvalidDateError,
    InvalidUtf8Error,
    TimemlError,
)
from .model import (
    Contradiction,
    Document,
    Event,
    Mention,
    Participant,
    Span,
    Timeline,
    TimelineEdge,
    TimelineNode,
    Timex,
    TimexRange,
)

__all__ = [
    "ChronoweaveError",
    "Contradiction",
    "Document",
    "DocumentTooLargeError",
    "DuplicateDocumentIdError",
    "Event",
    "InvalidDateError",
    "InvalidUtf8Error",
    "Mention",
    "Participant",
    "Span",
    "Timeline",
    "TimelineEdge",
    "TimelineNode",
    "Timex",
    "TimexRange",
    "TimemlError",
    "__version__",
    "extract",
    "extract_many",
    "timeline",
    "timex_interval",
    "to_timeml",
]
