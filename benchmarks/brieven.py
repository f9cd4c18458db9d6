"""Letters per second for the example cohort: HTML, and PDF on the default route of
``wajong-conversie brieven`` (Typst, one thread per core).

    python benchmarks/brieven.py [--cohort examples/cohort.csv] [--pdf-aantal N]
                                 [--rondes 2] [--draden 1 2]

HTML: every letter of the cohort (workers and employers), including the calculation.
PDF: every letter of the cohort (or an evenly spaced sample of ``--pdf-aantal``, workers and
employers in the cohort's proportion), written by ``briefbatch.schrijf`` exactly as the
command writes them, with one thread per core (``--draden`` for other counts), ``--rondes``
times. Per run it prints:
- letters per second, wall clock: what a user sees, and it depends on what else the machine
  is doing (the load average is printed with it);
- CPU seconds per letter of the whole route (reading the HTML back, Typst, writing the
  files), which the load hardly changes: on an idle machine with N cores the rate is at most
  N / (CPU s per letter), printed as the ceiling.
Target (issue 12): at least 20 PDF letters per second on this 2-core machine.
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
from wajong_conversie.scenario import uit_dict

DOEL = 20  # PDF letters per second (issue 12)


def _cpu() -> float:
    """CPU seconds of this process (all its threads) and of children that have ended."""
    eigen = resource.getrusage(resource.RUSAGE_SELF)
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum((eigen.ru_utime, eigen.ru_stime, kinderen.ru_utime, kinderen.ru_stime))  # float ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cohort", default="examples/cohort.csv")
    ap.add_argument("--pdf-aantal", type=int, default=0, help="standaard: alle brieven")
    ap.add_argument("--rondes", type=int, default=2)
    ap.add_argument("--draden", type=int, nargs="*", help="standaard: één per kern")
    args = ap.parse_args()
    start = time.perf_counter()
    rijen = briefbatch.lees_rijen(Path(args.cohort))
    # dated 1 december 2026, about a change on 1 januari 2027 (a letter about a change before
    # its own date is refused)
    scenario = uit_dict({"ingangsdatum": dt.date(2027, 1, 1)})
    brieven, niet = briefbatch.maak(rijen, scenario, dt.date(2026, 12, 1))
    duur = time.perf_counter() - start
    print(
        f"HTML: {len(brieven)} brieven in {duur:.2f} s = {len(brieven) / duur:.0f} brieven/s "
        f"(rekenen en opmaken; {len(niet)} rijen zonder brief)"
    )
    stap = max(1, len(brieven) // args.pdf_aantal) if args.pdf_aantal else 1
    deel = brieven[::stap][: args.pdf_aantal or None]
    print(
        f"PDF: {len(deel)} van de {len(brieven)} brieven (elke {stap}e; "
        f"{sum(b.soort == 'werkgever' for b in deel)} aan werkgevers)"
    )
    kernen = os.cpu_count() or 1
    for draden in args.draden or [kernen]:
        for ronde in range(1, args.rondes + 1):
            load = os.getloadavg()[0]
            with tempfile.TemporaryDirectory() as map_:
                cpu = _cpu()
                start = time.perf_counter()
                briefbatch.schrijf(deel, [], Path(map_), "pdf", draden=draden)
                duur = time.perf_counter() - start
                cpu = (_cpu() - cpu) / len(deel)
            plafond = min(draden, kernen) / cpu
            print(
                f"PDF ronde {ronde}, {draden} dra{'den' if draden > 1 else 'ad'}: "
                f"{len(deel) / duur:.1f} brieven/s (wand, load {load:.1f} -> "
                f"{os.getloadavg()[0]:.1f}); {cpu:.3f} CPU-s per brief, dus hooguit "
                f"{plafond:.1f} brieven/s op {min(draden, kernen)} vrije kern(en) "
                f"(doel {DOEL})"
            )


if __name__ == "__main__":
    main()
