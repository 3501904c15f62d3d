"""Heavy downloads (the Excel workbook and the CSV files of a view) made once per view
and data version for every session, and at most two at a time: an Excel file of
100,000 rows costs about 25 s of processor time, and clicks must not stack up.

The download button runs its callable on a thread of its own and shows a spinner on
itself while the file is made (Streamlit's deferred download): that is the progress
a person sees. A click while the same file is being made waits for that one."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future

PARALLEL = 2  # files made at once; a third click waits for a slot
KEEP_BYTES = 256 * 2**20  # made files kept for the next click, the oldest dropped first


class Builds:
    """Files made once per key, ``parallel`` at a time, the latest kept."""

    def __init__(self, parallel: int = PARALLEL, keep_bytes: int = KEEP_BYTES) -> None:
        self._slots = threading.BoundedSemaphore(parallel)
        self._lock = threading.Lock()
        self._made: OrderedDict[Hashable, bytes] = OrderedDict()
        self._making: dict[Hashable, Future] = {}
        self.keep_bytes = keep_bytes

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._made:
                self._made.move_to_end(key)
                return self._made[key]
            future = self._making.get(key)
            mine = future is None
            if mine:
                future = self._making[key] = Future()
        if mine:
            try:
                with self._slots:
                    data = make()
            except BaseException as exc:
                future.set_exception(exc)
                with self._lock:
                    del self._making[key]
                raise
            with self._lock:
                del self._making[key]
                self._keep(key, data)
            future.set_result(data)
        return future.result()

    def _keep(self, key: Hashable, data: bytes) -> None:
        self._made[key] = data
        while sum(map(len, self._made.values())) > self.keep_bytes and len(self._made) > 1:
            self._made.popitem(last=False)


BUILDS = Builds()  # shared by every session of the server
