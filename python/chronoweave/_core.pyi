# Type stubs of the private native module. Use the chronoweave package instead.
import datetime

from chronoweave.model import DateBasis, Document, EventStatus

__version__: str

def extract(text: str, published: str | None, doc_id: str, events: bool = True) -> Document: ...

class BatchExtraction:
    def __iter__(self) -> BatchExtraction: ...
    def __next__(self) -> Document: ...

def extract_many(items: list[tuple[bytes, str | None, str]], threads: int, events: bool = True) -> BatchExtraction: ...
def timex_interval(value: str) -> tuple[datetime.date, datetime.date] | None: ...
def annotate_timeml(xml: bytes) -> bytes: ...
def to_timeml(utf8: bytes, published: str | None, doc_id: str) -> bytes: ...

_PickledTimeline = tuple[
    int,
    list[tuple[str, str, int | None, int | None, str, list[str], str, str, list[str],
               list[tuple[str, int, int, int, bytes, bytes]], list[str]]],
    list[tuple[int, int, str, str, str]],
    list[tuple[int, str]],
]

class NativeTimeline:
    def __getstate__(self) -> _PickledTimeline: ...
    def __setstate__(self, state: _PickledTimeline) -> None: ...
    def to_json(self) -> str: ...
    def to_dot(self) -> str: ...
    def to_html(self, title: str) -> str: ...
    def select(self, nodes: list[int]) -> NativeTimeline: ...

_MentionTuple = tuple[str, int, int, int, str, str]
_NodeTuple = tuple[
    str,
    str,
    datetime.date | None,
    datetime.date | None,
    DateBasis,
    tuple[str, ...],
    str,
    EventStatus,
    tuple[str, ...],
    list[_MentionTuple],
    tuple[str, ...],
]

def timeline(
    inputs: list[tuple[bytes, str | None, str]],
    threads: int,
) -> tuple[
    tuple[list[_NodeTuple], list[tuple[int, int, str, str, str]], list[tuple[int, str]]],
    NativeTimeline,
]: ...
