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
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

STEP, MAX_DELAY = 0.5, 8.0
GLOBAL_BUDGET, WINDOW, GLOBAL_DELAY = 20, 60.0, 1.0
MAX_WAIT = 60.0  # beyond this an attempt is refused at once (no thread waits longer)


def delay(failures: int) -> float:
    return 0.0 if failures <= 0 else min(STEP * 2 ** (failures - 1), MAX_DELAY)


class Throttle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._failures: dict[tuple, int] = {}
        self._free_at: dict[tuple, float] = {}
        self._recent: deque[float] = deque()

    @staticmethod
    def _keys(name: str, source: str) -> list[tuple]:
        return [("name", name.casefold(), source), ("source", source)]

    def reserve(self, name: str, source: str) -> float | None:
        """Seconds this attempt must wait before its password is checked (its turn is
        taken now); None when the wait would be over MAX_WAIT (refuse at once)."""
        with self._lock:
            now = self.clock()
            while self._recent and self._recent[0] < now - WINDOW:
                self._recent.popleft()
            keys = self._keys(name, source)
            steps = {k: delay(self._failures.get(k, 0)) for k in keys}
            if len(self._recent) >= GLOBAL_BUDGET:
                keys.append(("all",))
                steps[("all",)] = GLOBAL_DELAY
            start = max([now, *(self._free_at.get(k, 0.0) + steps[k] for k in keys)])
            if start - now > MAX_WAIT:
                return None
            for k in keys:
                self._free_at[k] = start
            return start - now

    def failed(self, name: str, source: str) -> None:
        with self._lock:
            self._recent.append(self.clock())
            for k in self._keys(name, source):
                self._failures[k] = self._failures.get(k, 0) + 1

    def succeeded(self, name: str, source: str) -> None:
        with self._lock:
            key = ("name", name.casefold(), source)
            self._failures.pop(key, None)
            self._free_at.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._failures.clear()
            self._free_at.clear()
            self._recent.clear()
