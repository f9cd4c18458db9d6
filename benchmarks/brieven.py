"""Letters per second for a cohort of 2 000: HTML, and PDF on all cores.

    python benchmarks/brieven.py [--cohort examples/cohort.csv] [--pdf-aantal 400]

HTML: every letter of the cohort (workers and employers), including the calculation.
PDF: the first ``--pdf-aantal`` of those letters rendered with WeasyPrint in a process pool of
``os.cpu_count()`` workers (and, for comparison, one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from wajong_conversie import briefbatch
from wajong_conversie.scenario import Scenario


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cohort", default="examples/cohort.csv")
    ap.add_argument("--pdf-aantal", type=int, default=400)
    args = ap.parse_args()
    start = time.perf_counter()
    rijen = briefbatch.lees_rijen(Path(args.cohort))
    brieven, niet = briefbatch.maak(rijen, Scenario(), dt.date(2026, 12, 1))
    duur = time.perf_counter() - start
    print(
        f"HTML: {len(brieven)} brieven in {duur:.2f} s = {len(brieven) / duur:.0f} brieven/s "
        f"(rekenen en opmaken; {len(niet)} rijen zonder brief)"
    )
    deel = brieven[: args.pdf_aantal]
    for processen in sorted({1, os.cpu_count() or 1}):
        with tempfile.TemporaryDirectory() as map_:
            start = time.perf_counter()
            briefbatch.schrijf(deel, [], Path(map_), "pdf", processen=processen)
            duur = time.perf_counter() - start
        print(
            f"PDF:  {len(deel)} brieven in {duur:.1f} s = {len(deel) / duur:.1f} brieven/s "
            f"({processen} proces{'sen' if processen > 1 else ''})"
        )


if __name__ == "__main__":
    main()
