"""Time the cohort run against a plain read-and-write floor, on 100 000 and 1 000 000 rows.

    python benchmarks/cohort.py [--aantallen 100000 1000000] [--map /tmp/wajong-bench]

For each size it generates a synthetic cohort (``voorbeeldcohort``), then runs, each in a fresh
process so peak memory is its own:
- the floor: Python's ``csv`` module reading every row of the file and writing it back;
- the cohort run: one scenario, resultaten.csv, afgewezen.csv, samenvatting.json and
  rapport.html, the budget path included (the .xlsx is left out, as the issue says).
It prints time, rows per second, the ratio to the floor and peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import subprocess
import sys
import time
from pathlib import Path


def vloer(invoer: Path, uit: Path) -> None:
    with (
        invoer.open(encoding="utf-8", newline="") as f,
        uit.open("w", encoding="utf-8", newline="") as g,
    ):
        w = csv.writer(g)
        for rij in csv.reader(f):
            w.writerow(rij)


def cohortrun(invoer: Path, uit: Path) -> None:
    from wajong_conversie.cohort import voer_uit
    from wajong_conversie.scenario import Scenario

    voer_uit(invoer, uit, [Scenario()], xlsx=False)


def enkel(taak: str, invoer: str, uit: str) -> None:
    """Child process: run one task, print its time and peak memory as JSON."""
    start = time.perf_counter()
    (vloer if taak == "vloer" else cohortrun)(Path(invoer), Path(uit))
    duur = time.perf_counter() - start
    # VmHWM: this process's own peak (ru_maxrss would carry the parent's over exec)
    with open("/proc/self/status") as f:
        piek = next(int(r.split()[1]) for r in f if r.startswith("VmHWM")) / 1024
    print(json.dumps({"tijd": duur, "piek_mb": piek}))


def meet(taak: str, invoer: Path, uit: Path) -> dict:
    r = subprocess.run(
        [sys.executable, __file__, "--enkel", taak, str(invoer), str(uit)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aantallen", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--map", default="/tmp/wajong-bench")
    ap.add_argument("--enkel", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.enkel:
        enkel(*args.enkel)
        return
    from wajong_conversie import voorbeeldcohort

    map_ = Path(args.map)
    map_.mkdir(parents=True, exist_ok=True)
    for n in args.aantallen:
        invoer = map_ / f"cohort_{n}.csv"
        start = time.perf_counter()
        voorbeeldcohort.schrijf_csv(invoer, voorbeeldcohort.genereer(n, 2026))
        maak = time.perf_counter() - start
        gc.collect()
        v = meet("vloer", invoer, map_ / f"vloer_{n}.csv")
        c = meet("cohort", invoer, map_ / f"uit_{n}")
        grootte = invoer.stat().st_size / 2**20
        print(f"{n:>9_} rijen ({grootte:.0f} MB, gemaakt in {maak:.1f} s)".replace("_", "."))
        print(
            f"  vloer (csv-module lezen+schrijven): {v['tijd']:6.2f} s  "
            f"{n / v['tijd']:>10,.0f} rijen/s  piek {v['piek_mb']:5.0f} MB".replace(",", ".")
        )
        print(
            f"  cohort (alle csv + samenvatting + rapport): {c['tijd']:6.2f} s  "
            f"{n / c['tijd']:>10,.0f} rijen/s  piek {c['piek_mb']:5.0f} MB  "
            f"= {c['tijd'] / v['tijd']:.2f} × de vloer".replace(",", ".")
        )


if __name__ == "__main__":
    main()
