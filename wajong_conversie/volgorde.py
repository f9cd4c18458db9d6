"""Writing the pieces of a cohort run in file order, from the worker threads that made them.

Each piece has a turn (its number in the file). A worker that has made its piece's rows of
resultaten.csv and resultaten.parquet waits for its turn, writes them and passes the turn on;
a piece that writes nothing (a read error, a worker that failed) passes its turn as soon as it
ends. The writing is done by the workers rather than by the thread that hands out the pieces:
while that thread wrote a piece (the Parquet encoding: ~1,4 s of a million rows), the worker
that had made it waited for new work, and each worker stood idle for a fifth of the run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class Volgorde:
    """Turns for writing, in the order 0, 1, 2, … . ``schrijf(tekst, tabel)`` writes one
    piece (on the worker whose turn it is, one at a time)."""

    def __init__(self, schrijf: Callable[[Any, Any], None]) -> None:
        self._schrijf = schrijf
        self._beurt = threading.Condition()
        self._volgende = 0  # the piece whose turn it is
        self._klaar: set[int] = set()  # later pieces that have ended without writing
        self._gestopt = False

    def schrijf(self, stuk: int, tekst: Any, tabel: Any) -> None:
        """Wait for piece ``stuk``'s turn, write its output and pass the turn on. After
        :meth:`stop`, writes nothing (the run is failing: its folder is thrown away)."""
        with self._beurt:
            self._beurt.wait_for(lambda: self._volgende == stuk or self._gestopt)
            gestopt = self._gestopt
        # written outside the lock: a worker that ends its piece meanwhile is not held up
        # (only the piece whose turn it is writes, so the writes never overlap)
        try:
            if not gestopt:
                self._schrijf(tekst, tabel)
        finally:
            self.voorbij(stuk)

    def voorbij(self, stuk: int) -> None:
        """Piece ``stuk`` has ended (written or not): its turn passes when it comes. Safe to
        call again after :meth:`schrijf`."""
        with self._beurt:
            self._voorbij(stuk)

    def stop(self) -> None:
        """The run is failing: nobody waits for a turn any more, nothing more is written."""
        with self._beurt:
            self._gestopt = True
            self._beurt.notify_all()

    def _voorbij(self, stuk: int) -> None:
        if stuk < self._volgende:  # already passed
            return
        self._klaar.add(stuk)
        while self._volgende in self._klaar:
            self._klaar.discard(self._volgende)
            self._volgende += 1
        self._beurt.notify_all()
