"""Time the calculation engine alone on generated cases (no file I/O).

    python benchmarks/engine.py [--aantal 1000000] [--herhalingen 3] [--huishouden]

Generates valid cases directly as columns (seeded), then times ``rekenkern.bereken``: both
situations, net income, flags and classes. Prints the best and median time, rows per second
and the CPU time (steadier on a busy machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

import numpy as np

from wajong_conversie import parameters
from wajong_conversie.model import GEEN_KIND, Invoer, datumgetal
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario


def genereer(n: int, seed: int = 2026, huishouden: bool = False) -> Invoer:
    rng = np.random.default_rng(seed)
    peildatum = np.full(n, np.datetime64("2026-03-01"))
    leeftijd_dagen = rng.integers(21 * 366, 66 * 365, n)
    wml = parameters.voor_datum(dt.date(2026, 3, 1)).wml_uur_21
    regime = rng.choice(np.array([0, 1], dtype=np.int8), n, p=[0.3, 0.7])
    heeft_gb = rng.random(n) < 0.25
    extra = {}
    if huishouden:  # issue 11: every row with a household, a third with a partner, pension,
        # 60 % with a rent (huurtoeslag)
        partner = rng.random(n) < 0.33
        extra = dict(
            huishouden=np.ones(n, dtype=bool),
            toeslagpartner=partner,
            partner_inkomen=np.where(partner, rng.integers(0, 3_000_000, n), 0),
            vermogen=rng.integers(0, 20_000_000, n),
            huur=np.where(rng.random(n) < 0.6, rng.integers(40_000, 110_000, n), 0),
            pensioen_werknemer=np.where(rng.random(n) < 0.6, 75_000, 0),
            pensioen_franchise=np.full(n, 1_728_300, dtype=np.int64),
            # children (issue 11): a third of the rows has 1 to 4, born in the last 20 years
            # (so some are 18 or older), as JJJJMMDD with GEEN_KIND in the empty places
            kinderen=np.where(
                np.arange(4) < (rng.integers(1, 5, (n, 1)) * (rng.random((n, 1)) < 0.33)),
                datumgetal(peildatum[:, None] - rng.integers(0, 20 * 365, (n, 4))),
                GEEN_KIND,
            ).astype(np.int32),
        )
    return Invoer(
        peildatum=peildatum,
        geboortedatum=peildatum - leeftijd_dagen.astype("timedelta64[D]"),
        regime=regime,
        arbeidsvermogen=np.ones(n, dtype=bool),
        uren=rng.integers(8, 41, n) * 100,
        voltijd=np.full(n, 3800, dtype=np.int64),
        functieloon=wml + rng.integers(0, 800, n),
        loonwaarde=rng.integers(20, 76, n) * 10_000,
        garantiebedrag=np.where(heeft_gb, rng.integers(80_000, 170_000, n), 0),
        overige=np.where(rng.random(n) < 0.1, rng.integers(0, 50_000, n), 0),
        werkgeverslasten=np.full(n, 235_000, dtype=np.int64),
        uitzondering=np.zeros(n, dtype=bool),
        loonbasis=np.zeros(n, dtype=np.int8),
        **extra,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aantal", type=int, default=1_000_000)
    ap.add_argument("--herhalingen", type=int, default=3)
    ap.add_argument(
        "--huishouden", action="store_true", help="met pensioen, zorgtoeslag en huurtoeslag"
    )
    args = ap.parse_args()
    invoer = genereer(args.aantal, huishouden=args.huishouden)
    scenario = Scenario(garantiebedrag="inkomensgarantie")
    bereken(genereer(10), scenario)  # warm-up: parameters and imports
    tijden, cpu = [], []
    for _ in range(args.herhalingen):
        start, start_cpu = time.perf_counter(), time.process_time()
        r = bereken(invoer, scenario)
        tijden.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    beste = min(tijden)
    wat = (
        ", met huishouden (pensioen, zorgtoeslag, huurtoeslag, kindgebonden budget)"
        if args.huishouden
        else ""
    )
    print(
        f"engine: {args.aantal:_} gevallen, beide situaties, netto, signalen{wat}".replace("_", ".")
    )
    print(
        f"  beste {beste:.3f} s, mediaan {statistics.median(tijden):.3f} s "
        f"({args.aantal / beste:_.0f} gevallen per seconde)".replace("_", ".")
    )
    # CPU time: steadier than the clock on a shared machine
    print(f"  processortijd beste {min(cpu):.3f} s, mediaan {statistics.median(cpu):.3f} s")
    print(
        f"  signalen werknemer_achteruit: {int(r.signalen['werknemer_achteruit'].sum())}, "
        f"werkgever_achteruit: {int(r.signalen['werkgever_achteruit'].sum())}"
    )


if __name__ == "__main__":
    main()
