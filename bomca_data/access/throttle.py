"""Slowing down password guessing, shared by every session of the server.

Each failed sign-in makes the next attempts wait longer (0.5 s, doubling to 8 s),
counted three ways at once:

- per name and source (the browser's address): guesses at one account from one
  place; another place (the account's owner) is not slowed by them;
- per source: one place trying many names (password spraying);
- globally: past a small budget of failures a minute from anywhere, every attempt
  takes its turn, one a second.

Attempts take turns: a waiting attempt reserves its slot, so parallel guesses are
checked one after another, never together.

Its memory is bounded whatever strangers send: names and sources are kept as fixed-size
digests (never the text), an entry is forgotten once its delay has passed and
FORGET_AFTER has gone by since its last failure, and at most MAX_ENTRIES are kept (the
oldest forgotten first). The sign-in form refuses names over MAX_NAME characters before
anything is stored.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

STEP, MAX_DELAY = 0.5, 8.0
GLOBAL_BUDGET, WINDOW, GLOBAL_DELAY = 20, 60.0, 1.0
MAX_WAIT = 60.0  # beyond this an attempt is refused at once (no thread waits longer)
MAX_NAME = 200  # characters of a user name; a longer one is refused, never stored
FORGET_AFTER = 15 * 60.0  # a name or source with no failure for this long starts afresh
MAX_ENTRIES = 10_000  # keys remembered at most (each about 200 bytes): about 2 MB


def delay(failures: int) -> float:
    return 0.0 if failures <= 0 else min(STEP * 2 ** (failures - 1), MAX_DELAY)


def _digest(text: str) -> bytes:
    """What is remembered of a name or a source: 16 bytes, whatever its length."""
    return hashlib.blake2b(str(text).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Throttle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        # key -> [failures, free at, last failure]; oldest use first
        self._entries: OrderedDict[tuple, list[float]] = OrderedDict()
        self._recent: deque[float] = deque()

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def _keys(name: str, source: str) -> list[tuple]:
        return [("name", _digest(name.casefold()), _digest(source)), ("source", _digest(source))]

    def _forget_old(self, now: float) -> None:
        """Drop entries whose wait is over and whose last failure is FORGET_AFTER old;
        then the oldest, past MAX_ENTRIES."""
        while self._recent and self._recent[0] < now - WINDOW:
            self._recent.popleft()
        stale = [k for k, (_, free_at, last) in self._entries.items()
                 if free_at <= now and last < now - FORGET_AFTER]
        for key in stale:
            del self._entries[key]
        while len(self._entries) > MAX_ENTRIES:
            self._entries.popitem(last=False)

    def _entry(self, key: tuple, now: float) -> list[float]:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = [0, 0.0, now]
        self._entries.move_to_end(key)
        return entry

    def reserve(self, name: str, source: str) -> float | None:
        """Seconds this attempt must wait before its password is checked (its turn is
        taken now); None when the wait would be over MAX_WAIT (refuse at once)."""
        with self._lock:
            now = self.clock()
            self._forget_old(now)
            known = {k: self._entries[k] for k in self._keys(name, source)
                     if k in self._entries}  # a first attempt from nowhere: nothing kept
            if len(self._recent) >= GLOBAL_BUDGET:  # everyone takes turns
                known[("all",)] = self._entry(("all",), now)
            starts = [e[1] + (GLOBAL_DELAY if k == ("all",) else delay(int(e[0])))
                      for k, e in known.items()]
            start = max([now, *starts])
            if start - now > MAX_WAIT:
                return None
            for entry in known.values():
                entry[1] = start
            return start - now

    def failed(self, name: str, source: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent.append(now)
            for k in self._keys(name, source):
                entry = self._entry(k, now)
                entry[0] += 1
                entry[2] = now
            self._forget_old(now)

    def succeeded(self, name: str, source: str) -> None:
        with self._lock:
            self._entries.pop(self._keys(name, source)[0], None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._recent.clear()
