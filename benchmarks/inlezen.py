"""Time the parse step of a cohort file (per-cell grammar and range checks), nothing else.

    python benchmarks/inlezen.py [--aantal 1000000] [--fouten 50] [--map /tmp/wajong-bench]

The file is generated (``voorbeeldcohort``) and split into its raw string batches first; the
timing covers only ``cohortinvoer.ontleed`` over every batch (best of three, one thread), so
it shows what the grammar of ``getallen`` costs. With ``--fouten`` some rows hold a bad value,
which sends their columns through the regular-expression path.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    from wajong_conversie import cohortinvoer, voorbeeldcohort

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aantal", type=int, default=1_000_000)
    ap.add_argument("--fouten", type=int, default=0)
    ap.add_argument("--map", default="/tmp/wajong-bench")
    args = ap.parse_args()
    map_ = Path(args.map)
    map_.mkdir(parents=True, exist_ok=True)
    invoer = map_ / f"inlezen_{args.aantal}_{args.fouten}.csv"
    if not invoer.exists():
        tabel = voorbeeldcohort.genereer(args.aantal, 2026, fouten=args.fouten)
        voorbeeldcohort.schrijf_csv(invoer, tabel)
    bron = cohortinvoer.open_bestand(invoer)
    batches = [maak() for maak in bron.batches]
    dubbel = bron.dubbele_ids()
    beste = float("inf")  # float ok: seconds
    for _ in range(3):
        start = time.perf_counter()
        goed = fout = 0
        for nummers, posities, batch in batches:
            partij, afwijzingen = cohortinvoer.ontleed(nummers, posities, batch, None, dubbel)
            goed += 0 if partij is None else len(partij.rijen)
            fout += len(afwijzingen)
        beste = min(beste, time.perf_counter() - start)

    def nl(getal: float) -> str:
        return f"{getal:,.0f}".replace(",", ".")

    print(
        f"{nl(args.aantal)} rijen: ontleden {beste:.2f} s (beste van 3), "
        f"{nl(args.aantal / beste)} rijen/s; goed {nl(goed)}, afgewezen {nl(fout)}"
    )


if __name__ == "__main__":
    main()
