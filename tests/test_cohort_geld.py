"""The cohort's money against independent numbers (issue 15).

A small cohort (peildata in 2024, 2025 and 2026, both halves of the year; with and without a
garantiebedrag; duurzaam geen arbeidsvermogen with the exception; Wajong 2015; youth; one
worker who reaches the AOW age on the path) is computed by the cohort run and, row by row, by
the independent reference (tests/referentie.py). This test sums the reference itself and
compares every total of samenvatting.json: per month, per year, and the budget per year.

The annual rules are written out here (RULES §3.5, §5, §7):
- the benefit per year is 12 × the month **plus 8 % holiday pay**, paid in May (Wajong art.
  2:53): 12 × 1,08 × month, summed exactly and rounded once to cents;
- wage, LKS, vergoeding, compensation and employer cost per year are 12 × the month;
- the government's cost is benefit + LKS + vergoeding + compensation; its **balance** (saldo)
  is what it pays minus what it receives in tax: kosten_overheid − belastingontvangsten. A
  positive change in the balance means the conversion costs the government money.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest
from referentie import (
    PERIODES,
    leeftijd_jaren,
    periode,
    plus_jaren,
    r,
    referentie_pad,
    wml_klasse,
)

from wajong_conversie.cohort import voer_uit
from wajong_conversie.scenario import Scenario

VAKANTIEBIJSLAG_UITKERING = D("0.08")  # Wajong art. 2:53: 8 % of the benefit, paid in May
JAREN = 4

# (scenario, the reference's arguments: garantiebedrag, werkgever, afbouw_jaren, compensatie_jaren)
SCENARIOS = [
    (Scenario(naam="behouden"), ("behouden", "geen", None, None)),
    (
        Scenario(naam="inkomensgarantie", garantiebedrag="inkomensgarantie"),
        ("inkomensgarantie", "geen", None, None),
    ),
    (
        Scenario(
            naam="vervallen_compensatie",
            garantiebedrag="vervallen",
            werkgever="compensatie",
            compensatie_jaren=2,
        ),
        ("vervallen", "compensatie", None, 2),
    ),
    (
        Scenario(
            naam="afbouw_functieloon",
            garantiebedrag="afbouw",
            afbouw_jaren=3,
            werkgever="lks_op_functieloon",
        ),
        ("afbouw", "lks_op_functieloon", 3, None),
    ),
]

PEILDATA = [dt.date(2024, 3, 1), dt.date(2024, 9, 1), dt.date(2025, 3, 1), dt.date(2025, 9, 1)]
PEILDATA += [dt.date(2026, 3, 1), dt.date(2026, 9, 15)]


def _wml_uur(peildatum: dt.date, geboortedatum: dt.date) -> D:
    return periode(peildatum)[1][wml_klasse(leeftijd_jaren(geboortedatum, peildatum))]


def _geval(peildatum: dt.date, **velden) -> dict:
    geval = {
        "peildatum": peildatum,
        "geboortedatum": dt.date(1990, 5, 17),
        "regime": "wajong2010",
        "arbeidsvermogen": True,
        "uren_per_week": D("24"),
        "voltijd_uren_per_week": D("38"),
        "functieloon_per_uur": None,  # the WML for the age, unless given
        "loonwaarde": D("0.50"),
        "garantiebedrag_per_maand": D("0"),
        "overige_inkomsten_per_maand": D("0"),
        "werkgeverslasten_percentage": D("0.235"),
        **velden,
    }
    if geval["functieloon_per_uur"] is None:
        geval["functieloon_per_uur"] = _wml_uur(peildatum, geval["geboortedatum"])
    return geval


def cohort_gevallen() -> list[dict]:
    gevallen = []
    for p in PEILDATA:
        gevallen += [
            _geval(p),  # RULES §9 A on this date
            _geval(p, garantiebedrag_per_maand=D("1600.00")),  # §9 B: the GB binds
            _geval(p, functieloon_per_uur=D("18.00"), uren_per_week=D("36"), loonwaarde=D("0.60")),
            _geval(p, uren_per_week=D("32"), loonwaarde=D("0.25")),  # the LKS cap binds
            _geval(  # DGA with the exception, with a GB
                p,
                regime="owajong",
                arbeidsvermogen=False,
                loondispensatie_uitzondering=True,
                garantiebedrag_per_maand=D("1200.00"),
            ),
            _geval(
                p,
                regime="wajong2015",
                arbeidsvermogen=False,
                loondispensatie_uitzondering=True,
                loonwaarde=D("0.30"),
            ),
            _geval(  # 20 years old at the youth WML, other income
                p,
                geboortedatum=plus_jaren(p, -20) - dt.timedelta(days=40),
                uren_per_week=D("20"),
                overige_inkomsten_per_maand=D("247.73"),
            ),
            _geval(p, geboortedatum=plus_jaren(p, -18), loonwaarde=D("0.40")),  # 18 today
        ]
    # on the edges of the breakdowns (hours 16 / 32, loonwaarde 45 %, ages 21 / 30 / 40 / 50)
    p = dt.date(2026, 3, 1)
    gevallen += [
        _geval(p, uren_per_week=D("16"), loonwaarde=D("0.45")),
        _geval(p, uren_per_week=D("32"), functieloon_per_uur=D("16.00")),
        *(_geval(p, geboortedatum=plus_jaren(p, -jaren)) for jaren in (21, 30, 40, 50)),
    ]
    # reaches the AOW age (67 = 804 months) after year 0 of the path
    gevallen.append(_geval(dt.date(2025, 3, 1), geboortedatum=dt.date(1958, 10, 1)))
    rnd = random.Random(15)
    for _ in range(12):
        p = rnd.choice([vanaf for vanaf, _, _ in PERIODES] + PEILDATA)
        geboortedatum = plus_jaren(p, -rnd.randint(18, 66)) - dt.timedelta(rnd.randint(0, 364))
        wml = int(_wml_uur(p, geboortedatum) * 100)
        gevallen.append(
            _geval(
                p,
                geboortedatum=geboortedatum,
                regime=rnd.choice(["owajong", "wajong2010"]),
                uren_per_week=D(rnd.randint(32, 160)) / 4,
                functieloon_per_uur=D(rnd.randint(wml, 3000)) / 100,
                loonwaarde=D(rnd.randint(5, 75)) / 100,
                garantiebedrag_per_maand=D(rnd.choice([0, rnd.randint(50000, 200000)])) / 100,
                overige_inkomsten_per_maand=D(rnd.choice([0, 0, rnd.randint(0, 90000)])) / 100,
            )
        )
    return gevallen


def schrijf_cohort(pad: Path, gevallen: list[dict]) -> Path:
    velden = ["id", *gevallen[0], "loondispensatie_uitzondering", "werkgever_id"]
    velden = list(dict.fromkeys(velden))
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=velden, lineterminator="\n")
        w.writeheader()
        for i, g in enumerate(gevallen):
            rij = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in g.items()}
            w.writerow({**rij, "id": f"G{i:03d}", "werkgever_id": f"E{i % 7}"})
    return pad


# Function scope on purpose: a mutation tester (make mutatie) links each test to the code it
# runs; a cohort run shared by a module fixture would count for the first test only.
@pytest.fixture
def gevallen() -> list[dict]:
    return cohort_gevallen()


@pytest.fixture
def samenvatting(gevallen, tmp_path_factory) -> dict:
    map_ = tmp_path_factory.mktemp("cohortgeld")
    invoer = schrijf_cohort(map_ / "cohort.csv", gevallen)
    s = voer_uit(
        invoer, map_ / "uit", [sc for sc, _ in SCENARIOS], jaren=JAREN, rapport=False, xlsx=False
    )
    assert s["aantal_afgewezen"] == 0 and s["aantal_berekend"] == len(gevallen)
    return s


@pytest.fixture
def paden(gevallen) -> dict[str, list[list[dict | None]]]:
    """Per scenario, per person: the reference path (year 0 = the plain calculation)."""
    return {
        sc.naam: [referentie_pad(g, gb, wg, JAREN, afbouw, comp) for g in gevallen]
        for sc, (gb, wg, afbouw, comp) in SCENARIOS
    }


def _bedrag(tekst: str) -> D:
    return D(tekst)


MAAND = {  # summary key → the reference's key (both situations)
    "bruto_inkomen_werknemers": "bruto_inkomen_maand",
    "netto_inkomen_werknemers": "netto_maand",
    "wajong_uitkering": "wajong_uitkering_maand",
    "loonkostensubsidie": "loonkostensubsidie_maand",
    "werkgeverslastenvergoeding": "werkgeverslastenvergoeding_maand",
    "compensatie_werkgevers": "compensatie_werkgever_maand",
    "kosten_werkgevers": "werkgever_kosten_maand",
    "kosten_overheid": "overheid_kosten_maand",
}


def verwacht_per_jaar(rijen: list[dict]) -> dict[str, D]:
    """Annual totals of one situation from the reference's monthly figures (rules above)."""

    def som(sleutel):
        return sum((x[sleutel] for x in rijen), D(0))

    uitkering = r(sum((12 * (1 + VAKANTIEBIJSLAG_UITKERING) * x["wajong_uitkering_maand"]
                       for x in rijen), D(0)))  # fmt: skip
    lks, verg = 12 * som("loonkostensubsidie_maand"), 12 * som("werkgeverslastenvergoeding_maand")
    comp = 12 * som("compensatie_werkgever_maand")
    kosten_overheid = uitkering + lks + verg + comp
    belasting = sum((r(x["belasting_jaar_exact"]) for x in rijen), D(0))
    return {
        "bruto_inkomen_werknemers": 12 * som("loon_incl_vakantiebijslag_maand") + uitkering,
        "netto_inkomen_werknemers": som("netto_jaar"),
        "wajong_uitkering": uitkering,
        "loonkostensubsidie": lks,
        "werkgeverslastenvergoeding": verg,
        "compensatie_werkgevers": comp,
        "kosten_werkgevers": 12 * som("werkgever_kosten_maand"),
        "kosten_overheid": kosten_overheid,
        "belastingontvangsten": belasting,
        "saldo_overheid": kosten_overheid - belasting,  # pays minus receives
    }


def _scenario(samenvatting, naam):
    return next(sc for sc in samenvatting["scenarios"] if sc["scenario"]["naam"] == naam)


@pytest.mark.parametrize("naam", [sc.naam for sc, _ in SCENARIOS])
def test_totalen_per_maand_gelijk_aan_de_som_van_de_referentie(samenvatting, paden, naam):
    totalen = _scenario(samenvatting, naam)["totalen"]["per_maand"]
    jaar0 = [pad[0] for pad in paden[naam]]
    for sleutel, ref_sleutel in MAAND.items():
        for situatie in ("huidig", "nieuw"):
            verwacht = sum((x[situatie][ref_sleutel] for x in jaar0), D(0))
            assert _bedrag(totalen[sleutel][situatie]) == verwacht, (sleutel, situatie)
        verschil = _bedrag(totalen[sleutel]["nieuw"]) - _bedrag(totalen[sleutel]["huidig"])
        assert _bedrag(totalen[sleutel]["verschil"]) == verschil, sleutel


@pytest.mark.parametrize("naam", [sc.naam for sc, _ in SCENARIOS])
def test_totalen_per_jaar_gelijk_aan_de_som_van_de_referentie(samenvatting, paden, naam):
    totalen = _scenario(samenvatting, naam)["totalen"]["per_jaar"]
    jaar0 = [pad[0] for pad in paden[naam]]
    verwacht = {sit: verwacht_per_jaar([x[sit] for x in jaar0]) for sit in ("huidig", "nieuw")}
    for sleutel in verwacht["huidig"]:
        for situatie in ("huidig", "nieuw"):
            gekregen = _bedrag(totalen[sleutel][situatie])
            assert gekregen == verwacht[situatie][sleutel], (sleutel, situatie)
        assert _bedrag(totalen[sleutel]["verschil"]) == (
            verwacht["nieuw"][sleutel] - verwacht["huidig"][sleutel]
        ), sleutel


@pytest.mark.parametrize("naam", [sc.naam for sc, _ in SCENARIOS])
def test_budget_per_jaar_gelijk_aan_de_som_van_de_referentie(samenvatting, paden, naam):
    budget = _scenario(samenvatting, naam)["budget_per_jaar"]
    assert [b["jaar_na_omzetting"] for b in budget] == list(range(JAREN))
    for k, b in enumerate(budget):
        actief = [pad[k] for pad in paden[naam] if pad[k] is not None]
        assert len(actief) == len(paden[naam]) - (k > 0)  # the AOW row leaves after year 0
        verwacht = {sit: verwacht_per_jaar([x[sit] for x in actief]) for sit in ("huidig", "nieuw")}
        for sleutel in (
            "kosten_overheid",
            "kosten_werkgevers",
            "netto_inkomen_werknemers",
            "belastingontvangsten",
        ):
            for situatie in ("huidig", "nieuw"):
                assert _bedrag(b[sleutel][situatie]) == verwacht[situatie][sleutel], (
                    k,
                    sleutel,
                    situatie,
                )
        saldo = verwacht["nieuw"]["saldo_overheid"] - verwacht["huidig"]["saldo_overheid"]
        assert _bedrag(b["saldo_overheid_verschil"]) == saldo, k
        # the persons convert in different calendar years; from year 1 some years are assumed
        assert b["jaar"] is None
        assert b["aanname"] == (k >= 1)


def test_een_persoon_met_de_hand(tmp_path):
    """RULES §9 A on 2026-03-01, alone: the benefit per year includes the holiday pay, and the
    balance is costs minus tax (written out)."""
    invoer = schrijf_cohort(tmp_path / "c.csv", [_geval(dt.date(2026, 3, 1))])
    s = voer_uit(invoer, tmp_path / "uit", [Scenario()], jaren=2, rapport=False, xlsx=False)
    jaar = s["scenarios"][0]["totalen"]["per_jaar"]
    # today 1 275,42 a month: 12 × 1 275,42 = 15 305,04; + 8 % = 1 224,4032 → 16 529,44
    assert jaar["wajong_uitkering"]["huidig"] == "16529.44"
    # with LKS 449,57 a month: 12 × 449,57 = 5 394,84; + 8 % = 431,5872 → 5 826,43
    assert jaar["wajong_uitkering"]["nieuw"] == "5826.43"
    for situatie in ("huidig", "nieuw"):
        kosten = _bedrag(jaar["kosten_overheid"][situatie])
        belasting = _bedrag(jaar["belastingontvangsten"][situatie])
        assert belasting > 0
        assert _bedrag(jaar["saldo_overheid"][situatie]) == kosten - belasting
    # today the government pays only the benefit (no LKS): cost = 16 529,44
    assert jaar["kosten_overheid"]["huidig"] == "16529.44"
    budget = s["scenarios"][0]["budget_per_jaar"][0]
    assert budget["kosten_overheid"]["huidig"] == "16529.44"
    assert budget["jaar"] == 2026 and budget["aanname"] is False


# --- the other parts of the summary, from the same reference figures -------------------------


def _signalen_volgens_rules(x: dict) -> set[str]:
    """The three warning flags of RULES §7 with the default thresholds, written out."""
    h, n = x["huidig"], x["nieuw"]
    verlies = h["netto_maand"] - n["netto_maand"]
    stijging = n["bruto_inkomen_maand"] - h["bruto_inkomen_maand"]
    meer = n["werkgever_kosten_maand"] - h["werkgever_kosten_maand"]
    uit = set()
    if verlies > D("1.00") and verlies > D("0.001") * h["netto_maand"]:
        uit.add("werknemer_achteruit")
    if stijging > D("0.05") * h["bruto_inkomen_maand"]:
        uit.add("werknemer_buitenproportioneel")
    if meer > D("1.00"):
        uit.add("werkgever_achteruit")
    return uit


def _groep(geval: dict) -> dict[str, str]:
    """The breakdown groups of one person, by the labels' meaning ("tot" excludes the bound)."""
    lw, uren = geval["loonwaarde"], geval["uren_per_week"]
    leeftijd = leeftijd_jaren(geval["geboortedatum"], geval["peildatum"])

    def kies(waarde, grenzen, namen):
        return namen[sum(waarde >= g for g in grenzen)]

    return {
        "loonwaarde": kies(
            lw,
            [D("0.30"), D("0.45"), D("0.60")],
            ["tot 30%", "30% tot 45%", "45% tot 60%", "60% tot en met 75%"],
        ),
        "uren": kies(
            uren,
            [16, 24, 32, 36],
            ["tot 16 uur", "16 tot 24 uur", "24 tot 32 uur", "32 tot 36 uur", "36 uur of meer"],
        ),
        "regime": geval["regime"],
        "leeftijd": kies(
            leeftijd,
            [21, 30, 40, 50],
            [
                "18 tot 21 jaar",
                "21 tot 30 jaar",
                "30 tot 40 jaar",
                "40 tot 50 jaar",
                "50 jaar of ouder",
            ],
        ),
        "garantiebedrag": "met garantiebedrag"
        if geval["garantiebedrag_per_maand"] > 0
        else "zonder garantiebedrag",
    }


@pytest.mark.parametrize("naam", [sc.naam for sc, _ in SCENARIOS])
def test_uitsplitsingen_gelijk_aan_de_referentie(samenvatting, paden, gevallen, naam):
    uitsplitsingen = _scenario(samenvatting, naam)["uitsplitsingen"]
    jaar0 = [pad[0] for pad in paden[naam]]
    for dim, groepen in uitsplitsingen.items():
        for g in groepen:
            leden = [x for x, geval in zip(jaar0, gevallen, strict=True)
                     if _groep(geval)[dim] == g["groep"]]  # fmt: skip
            assert g["aantal"] == len(leden), (dim, g["groep"])
            netto = sum(
                (x["nieuw"]["netto_maand"] - x["huidig"]["netto_maand"] for x in leden), D(0)
            )
            gemiddeld = r(netto / len(leden)) if leden else D("0.00")
            assert D(g["netto_verschil_gemiddeld"]) == gemiddeld, (dim, g["groep"])
            overheid = sum(
                (x["nieuw"]["overheid_kosten_maand"] - x["huidig"]["overheid_kosten_maand"]
                 for x in leden), D(0),
            )  # fmt: skip
            assert D(g["overheid_verschil_per_maand"]) == overheid, (dim, g["groep"])
            for code in (
                "werknemer_achteruit",
                "werknemer_buitenproportioneel",
                "werkgever_achteruit",
            ):
                verwacht = sum(code in _signalen_volgens_rules(x) for x in leden)
                assert g[code] == verwacht, (dim, g["groep"], code)
    # the edges are populated, so a boundary moved by one shows
    aantallen = {(d, g["groep"]): g["aantal"] for d, gs in uitsplitsingen.items() for g in gs}
    assert all(aantallen[("uren", u)] for u in ("16 tot 24 uur", "32 tot 36 uur"))


@pytest.mark.parametrize("naam", [sc.naam for sc, _ in SCENARIOS])
def test_signalen_en_werkgevers_gelijk_aan_de_referentie(samenvatting, paden, naam):
    sc = _scenario(samenvatting, naam)
    jaar0 = [pad[0] for pad in paden[naam]]
    for code in ("werknemer_achteruit", "werknemer_buitenproportioneel", "werkgever_achteruit"):
        assert sc["signalen"][code] == sum(code in _signalen_volgens_rules(x) for x in jaar0), code
    # employers: werkgever_id E0 … E6 (row i works for E{i mod 7})
    per_werkgever: dict[str, list] = {}
    for i, x in enumerate(jaar0):
        meer = x["nieuw"]["werkgever_kosten_maand"] - x["huidig"]["werkgever_kosten_maand"]
        per_werkgever.setdefault(f"E{i % 7}", []).append(meer)
    meer_dan_een_euro = {w: sum(v) for w, v in per_werkgever.items() if sum(v) > D("1.00")}
    w = sc["werkgevers"]
    assert w["aantal"] == 7
    assert w["aantal_meer_kosten"] == len(meer_dan_een_euro)
    assert D(w["meer_kosten_per_maand"]) == sum(meer_dan_een_euro.values(), D(0))
    verwacht = sorted(meer_dan_een_euro.items(), key=lambda kv: (-kv[1], kv[0]))
    assert [(x["werkgever_id"], D(x["meerkosten_per_maand"]), x["aantal_werknemers"])
            for x in w["ranglijst"]] == [
        (wid, som, len(per_werkgever[wid])) for wid, som in verwacht
    ]  # fmt: skip


@pytest.mark.parametrize("sc", [sc for sc, _ in SCENARIOS], ids=lambda sc: sc.naam)
def test_samenvatting_hangt_niet_af_van_de_blokken(gevallen, sc):
    """samenvatting.py: the result does not depend on how the file is cut into batches (as
    cohort.py does it: a fresh Telling per batch, merged with ``samen``)."""
    import pyarrow as pa

    from wajong_conversie.model import Invoer
    from wajong_conversie.overgang import pad
    from wajong_conversie.rekenkern import bereken
    from wajong_conversie.samenvatting import Telling, scenario_json
    from wajong_conversie.validatie import lees_en_controleer

    def invoer(deel):
        return Invoer.uit_gevallen(
            [lees_en_controleer({k: str(v) for k, v in g.items()})[0] for g in deel]
        )

    codes = np.array([i % 7 for i in range(len(gevallen))], dtype=np.int64)
    ids = pa.array([f"E{i}" for i in range(7)])

    def tel(t, van, tot):
        inv = invoer(gevallen[van:tot])
        r = bereken(inv, sc)
        t.voeg_toe(r, codes[van:tot], 7, pad(inv, sc, JAREN, r))

    heel = Telling()
    tel(heel, 0, len(gevallen))
    grenzen = [0, 5, 23, len(gevallen)]
    blokken = list(zip(grenzen, grenzen[1:], strict=False))
    for volgorde in (blokken, blokken[::-1]):  # the extremes in the first or the last block
        samengevoegd = Telling()
        for van, tot in volgorde:
            deel = Telling()
            tel(deel, van, tot)
            samengevoegd.samen(deel)
        assert scenario_json(samengevoegd, sc, sc.drempels, ids, ids) == (
            scenario_json(heel, sc, sc.drempels, ids, ids)
        )
