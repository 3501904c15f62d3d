"""How far a worksheet reaches: the furthest row and column its cells name, read from
its XML as a stream (a reader allocates the whole grid up to the furthest cell, so the
guards measure it before any reader sees the file; ``guard.check_contents``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# A cell names its position in an attribute r="B12". The searches below start at the
# literal `r="`, which keeps them at the speed of a plain substring search; row
# elements (r="12") never match, as no letter follows.
_ROW_REF = re.compile(rb'r="[A-Za-z]{1,4}([0-9]{1,9})"')
_LETTERS = re.compile(rb'r="([A-Za-z]{1,4})[0-9]')
_NO_REF = re.compile(rb'<c>|<c (?!r=)..')
_PREFIXED = re.compile(rb'<\w+:worksheet\b')
REPEAT = re.compile(rb'number-(rows|columns)-repeated="([0-9]{1,12})"')
TAIL = 256  # bytes kept from the end of a chunk, so a tag split across two is seen


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def column_letters(n: int) -> str:
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _after(digits: str, alphabet: str) -> list[str]:
    """Regex alternatives for a string of ``digits``' length over ``alphabet`` that
    is greater than ``digits`` (longer ones are added by the caller)."""
    options = []
    for i, d in enumerate(digits):
        higher = alphabet[alphabet.index(d) + 1:]
        if higher:
            rest = len(digits) - i - 1
            options.append(f"{digits[:i]}[{higher[0]}-{higher[-1]}]"
                           f"[{alphabet[0]}-{alphabet[-1]}]{{{rest}}}")
    return options


def row_bound(rows: int) -> int:
    """The furthest row a sheet can reach when no reference is past ``rows`` by its
    first two digits (what ``_beyond`` looks for): at most about 10 % more."""
    digits = str(rows)
    if len(digits) <= 2:
        return rows
    return (int(digits[:2]) + 1) * 10 ** (len(digits) - 2) - 1


@lru_cache(maxsize=512)
def _beyond(rows: int, columns: int) -> re.Pattern:
    """A cell reference past ``row_bound(rows)`` or past column ``columns``. Rows are
    compared by their first two digits only: a search with a branch per digit would
    cost twice as much, on every chunk of every sheet."""
    digits = str(rows)
    head, rest = digits[:2], len(digits) - 2
    later_row = [f"[0-9]{{{len(digits) + 1},9}}",
                 *(f"{option}[0-9]{{{max(rest, 0)}}}" for option in _after(head, "0123456789"))]
    letters = column_letters(columns) if columns else ""
    later_column = [f"[A-Z]{{{len(letters) + 1},4}}", *_after(letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    # lower-case letters are not what programs write, and are read in full (no case
    # folding here: it would make every search ten times slower)
    pattern = (r'r="(?:[a-z]|(?:' + "|".join(later_column) + r')[0-9]|[A-Z]{1,4}(?:'
               + "|".join(later_row) + r')")')
    return re.compile(pattern.encode())


@dataclass
class Extent:
    """The furthest row and column a sheet's cells name."""

    rows: int = 0
    columns: int = 0
    implicit: bool = False  # some cells give no position: count them instead
    chunks: int = 0

    def feed(self, chunk: bytes) -> None:
        """Rows normally come in order and every row has the same columns, so a chunk
        rarely reaches further than the chunks before it: one search says whether it
        does, and only then is every reference in it read. A normal chunk costs two
        substring searches."""
        last = _last(_ROW_REF, chunk, len(chunk) - 4096) or _last(_ROW_REF, chunk, 0)
        if last is not None:
            self.rows = max(self.rows, int(last.group(1)))
        if _beyond(self.rows, self.columns).search(chunk):  # every reference, in C loops
            self.rows = max([self.rows, *map(int, _ROW_REF.findall(chunk))])
            self.columns = max([self.columns,
                                *map(column_number, set(_LETTERS.findall(chunk)))])
        first, self.chunks = self.chunks == 0, self.chunks + 1
        if not self.implicit and (_NO_REF.search(chunk) or (first and _PREFIXED.search(chunk))):
            self.implicit = True


def _last(pattern: re.Pattern, data: bytes, start: int) -> re.Match | None:
    found = None
    for found in pattern.finditer(data, max(0, start)):  # noqa: B007  (the last one)
        pass
    return found


def implicit_extent(chunks: Iterator[bytes], check: Callable[[Extent], None]) -> Extent:
    """Rows and columns counted tag by tag, for sheets whose cells give no position;
    ``check`` sees the extent after every chunk (and may refuse it)."""
    extent = Extent(implicit=True)
    row, in_row, tail = 0, 0, b""
    tag = re.compile(rb'<(?:\w+:)?(row|c)(?=[\s/>])([^>]*)>')
    for chunk in chunks:
        data = tail + chunk
        cut = data.rfind(b"<")
        data, tail = (data[:cut], data[cut:]) if cut > len(data) - TAIL else (data, b"")
        for m in tag.finditer(data):
            attrs = m.group(2)
            if m.group(1) == b"row":
                ref = re.search(rb'r="([0-9]{1,9})"', attrs)
                row = int(ref.group(1)) if ref else row + 1
                in_row = 0
                extent.rows = max(extent.rows, row)
            else:
                ref = re.search(rb'r="([A-Za-z]{1,4})([0-9]{1,9})"', attrs)
                in_row = column_number(ref.group(1)) if ref else in_row + 1
                extent.columns = max(extent.columns, in_row)
                if ref:
                    extent.rows = max(extent.rows, int(ref.group(2)))
        check(extent)
    return extent
