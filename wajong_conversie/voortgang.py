"""A progress bar on the terminal for long runs (cohort, letters): tqdm, with rate and time
left, in Dutch. Silent when not asked for (the CLI asks only when stderr is a terminal and not
under CI), so pipes, logs and tests see nothing."""

from __future__ import annotations

import sys

BALK = (
    "  {percentage:3.0f}% |{bar}| {n_fmt} van {total_fmt} {unit} "
    "[{elapsed} bezig, nog ongeveer {remaining}, {rate_fmt}]"
)


class Voortgang:
    """``stap(n)`` after each piece of work, ``einde()`` once at the end."""

    def __init__(self, totaal: int, aan: bool, eenheid: str = "rijen"):
        self.totaal, self.aan, self.klaar = totaal, aan, 0
        self._balk = None
        if not aan or totaal <= 0:
            return  # tqdm is not even imported (it costs ~50 ms at start-up)
        from tqdm import tqdm

        bytes_ = eenheid == "bytes"  # a file read in one pass: its bytes, as "104MB van 231MB"
        self._balk = tqdm(
            total=totaal,
            unit="B" if bytes_ else eenheid,
            unit_scale=bytes_,
            bar_format=(
                BALK.replace("{n_fmt} van {total_fmt} {unit} ", "{n_fmt}B van {total_fmt}B ")
                if bytes_
                else BALK
            ),
            file=sys.stderr,
            dynamic_ncols=True,
            mininterval=0.2,
        )

    def stap(self, n: int) -> None:
        self.klaar += n
        if self._balk is not None:
            self._balk.update(n)

    def einde(self) -> None:
        if self._balk is not None:
            self._balk.close()
