"""Time the default cohort command against a plain read-and-write floor, on 100 000 and
1 000 000 rows.

    python benchmarks/cohort.py [--aantallen 100000 1000000] [--map /tmp/wajong-bench] [--xlsx]

For each size it generates a synthetic cohort (``voorbeeldcohort``), then runs, each as its
own process so time and peak memory are its own:
- the floor: Python's ``csv`` module reading every row of the file and writing it back;
- the default route, exactly as a user runs it: ``wajong-conversie cohort IN --uit OUT`` (the
  default scenario; resultaten.csv, resultaten.parquet, afgewezen.csv, werklijst.csv,
  samenvatting.json, rapport.html and overzicht.xlsx), interpreter start included.
Each is run ``--rondes`` times (5), each time into an output that does not exist yet, floor
and tool one after the other in each round: the machine's speed changes from minute to
minute, and a run on two cores feels that more than the single-threaded floor, so each
round's ratio compares runs that met the same machine. It prints the median time, rows per
second and the highest peak memory (the child's maximum resident set, from
``resource.getrusage``), each round's ratio to the floor and their median, and the load
average, since other work on the machine slows a run.
The package's bytecode is compiled first, as a regular install has it: with an editable
install and PYTHONDONTWRITEBYTECODE set, every start would compile ~50 modules (~45 ms).
Targets (issue 10): at most 2× the floor at 100 000 rows; at most 1.0× the floor and
500 MB at 1 000 000 rows.

With ``--xlsx`` it also times the same cohort read from an .xlsx file (100 000 rows at most).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

COMMANDO = Path(sys.executable).parent / "wajong-conversie"


def vloer(invoer: Path, uit: Path) -> None:
    with (
        invoer.open(encoding="utf-8", newline="") as f,
        uit.open("w", encoding="utf-8", newline="") as g,
    ):
        w = csv.writer(g)
        for rij in csv.reader(f):
            w.writerow(rij)


def enkel(taak: str, invoer: str, uit: str) -> None:
    """Child process: run one task as a grandchild, print its time and peak memory as JSON."""
    if taak == "vloer":
        opdracht = [sys.executable, __file__, "--vloer", invoer, uit]
    else:
        opdracht = [str(COMMANDO), "cohort", invoer, "--uit", uit]
    start = time.perf_counter()
    subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL)
    duur = time.perf_counter() - start
    piek = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB → MiB
    print(json.dumps({"tijd": duur, "piek_mb": piek}))


def meet(taak: str, invoer: Path, uit: Path) -> dict:
    # each run writes where nothing is yet, as a first run does: otherwise the previous run's
    # files (~730 MB at a million rows, the floor's 230 MB), freshly written and still being
    # flushed to disk, are freed inside the timed run
    if uit.is_dir():
        shutil.rmtree(uit)
    uit.unlink(missing_ok=True)
    r = subprocess.run(
        [sys.executable, __file__, "--enkel", taak, str(invoer), str(uit)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(r.stdout.strip().splitlines()[-1])


def mediaan(metingen) -> dict:
    """The median time of the runs, with the highest peak memory of any of them."""
    alle = sorted(metingen, key=lambda m: m["tijd"])
    return {"tijd": alle[len(alle) // 2]["tijd"], "piek_mb": max(m["piek_mb"] for m in alle)}


def regel(wat: str, m: dict, n: int, v: dict | None = None) -> str:
    tekst = (
        f"  {wat:<44} {m['tijd']:6.2f} s  {n / m['tijd']:>10,.0f} rijen/s  "
        f"piek {m['piek_mb']:5.0f} MB"
    )
    if v is not None:
        tekst += f"  = {m['tijd'] / v['tijd']:.2f} × de vloer"
    return tekst.replace(",", ".")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aantallen", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--map", default="/tmp/wajong-bench")
    ap.add_argument("--xlsx", action="store_true", help="meet ook .xlsx-invoer")
    ap.add_argument("--rondes", type=int, default=5)
    ap.add_argument("--enkel", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--vloer", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.vloer:
        vloer(Path(args.vloer[0]), Path(args.vloer[1]))
        return
    if args.enkel:
        enkel(*args.enkel)
        return
    import compileall

    import wajong_conversie
    from wajong_conversie import voorbeeldcohort

    compileall.compile_dir(Path(wajong_conversie.__file__).parent, quiet=1)
    map_ = Path(args.map)
    map_.mkdir(parents=True, exist_ok=True)
    for n in args.aantallen:
        invoer = map_ / f"cohort_{n}.csv"
        start = time.perf_counter()
        voorbeeldcohort.schrijf_csv(invoer, voorbeeldcohort.genereer(n, 2026))
        maak = time.perf_counter() - start
        # floor and tool alternate, so that each pair of runs meets the same machine (its
        # speed changes from minute to minute); the ratio is the median of the rounds' ratios
        vloeren, cohorten = [], []
        for _ in range(args.rondes):
            vloeren.append(meet("vloer", invoer, map_ / f"vloer_{n}.csv"))
            cohorten.append(meet("cohort", invoer, map_ / f"uit_{n}"))
        v, c = mediaan(vloeren), mediaan(cohorten)
        verhoudingen = sorted(x["tijd"] / y["tijd"] for x, y in zip(cohorten, vloeren, strict=True))
        grootte = invoer.stat().st_size / 2**20
        print(
            f"{n:>9_} rijen ({grootte:.0f} MB, gemaakt in {maak:.1f} s; mediaan van "
            f"{args.rondes} runs, om en om; belasting {os.getloadavg()[0]:.2f})".replace("_", ".")
        )
        print(regel("vloer (csv-module lezen+schrijven)", v, n))
        print(regel("wajong-conversie cohort IN --uit UIT", c, n))
        print(
            f"  per ronde {' / '.join(f'{x:.2f}' for x in verhoudingen)} × de vloer; "
            f"mediaan = {verhoudingen[len(verhoudingen) // 2]:.2f} × de vloer"
        )
        if args.xlsx and n <= 100_000:
            xlsx = map_ / f"cohort_{n}.xlsx"
            _naar_xlsx(invoer, xlsx)
            x = meet("cohort", xlsx, map_ / f"uit_{n}_xlsx")
            print(regel("idem, invoer als .xlsx", x, n, v))


def _naar_xlsx(csv_pad: Path, xlsx_pad: Path) -> None:
    import xlsxwriter

    boek = xlsxwriter.Workbook(str(xlsx_pad), {"constant_memory": True})
    blad = boek.add_worksheet()
    with csv_pad.open(encoding="utf-8", newline="") as f:
        for i, rij in enumerate(csv.reader(f)):
            for j, waarde in enumerate(rij):
                blad.write_string(i, j, waarde)
    boek.close()


if __name__ == "__main__":
    main()
