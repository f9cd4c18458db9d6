"""Letters per second for the example cohort: HTML, and PDF on all cores.

    python benchmarks/brieven.py [--cohort examples/cohort.csv] [--pdf-aantal 400]

HTML: every letter of the cohort (workers and employers), including the calculation.
PDF: the first ``--pdf-aantal`` of those letters rendered with WeasyPrint in a process pool of
``os.cpu_count()`` workers (and, for comparison, one). Besides letters per second (wall clock,
which depends on what else the machine is doing) it prints the CPU seconds per letter of the
worker processes, which does not: on an idle machine with N cores the rate is at most
N / (CPU s per letter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import tempfile
import time
from pathlib import Path

from wajong_conversie import briefbatch
from wajong_conversie.scenario import Scenario


def _cpu_kinderen() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime  # float ok: seconds of CPU time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cohort", default="examples/cohort.csv")
    ap.add_argument("--pdf-aantal", type=int, default=400)
    ap.add_argument("--processen", type=int, nargs="*", help="standaard: 1 en alle kernen")
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
    print(f"belasting van de machine (load average 1 min): {os.getloadavg()[0]:.1f}")
    for processen in args.processen or sorted({1, os.cpu_count() or 1}):
        with tempfile.TemporaryDirectory() as map_:
            cpu = _cpu_kinderen()
            start = time.perf_counter()
            briefbatch.schrijf(deel, [], Path(map_), "pdf", processen=processen)
            duur = time.perf_counter() - start
            cpu = _cpu_kinderen() - cpu
        print(
            f"PDF:  {len(deel)} brieven in {duur:.1f} s = {len(deel) / duur:.1f} brieven/s "
            f"({processen} proces{'sen' if processen > 1 else ''}); "
            f"{cpu / len(deel):.3f} CPU-s per brief"
        )


if __name__ == "__main__":
    main()
