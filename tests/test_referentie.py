"""The engine against an independent reference implementation (tests/referentie.py).

(a) The reference itself reproduces every figure of RULES §9 (written out literally here).
(b) Property test: random valid 2026 cases, every amount equal to the cent, all variants.
(c) Batch test: ~200 random cases computed as one batch equal the reference row by row.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referentie import (
    PERIODES,
    SLEUTELS,
    WML_UUR_JAN,
    leeftijd_jaren,
    maandloon,
    periode,
    plus_jaren,
    r,
    referentie,
    referentie_pad,
    wml_klasse,
)

from wajong_conversie.model import Invoer
from wajong_conversie.overgang import pad
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario
from wajong_conversie.uitvoer import als_dict
from wajong_conversie.validatie import lees_en_controleer

GB_VARIANTEN = ("behouden", "vervallen", "inkomensgarantie")
WG_VARIANTEN = ("geen", "lks_op_functieloon")

# --- (a) RULES §9 ----------------------------------------------------------------------------

BASIS_9 = dict(
    peildatum=dt.date(2026, 3, 1),
    geboortedatum=dt.date(1990, 5, 17),
    regime="wajong2010",
    arbeidsvermogen=True,
    uren_per_week=D("24"),
    voltijd_uren_per_week=D("38"),
    functieloon_per_uur=D("14.71"),
    loonwaarde=D("0.50"),
    garantiebedrag_per_maand=D("0"),
    overige_inkomsten_per_maand=D("0"),
    werkgeverslasten_percentage=D("0.235"),
)


def _verschil(x, sleutel):
    return x["nieuw"][sleutel] - x["huidig"][sleutel]


def test_voorbeeld_a():
    x = referentie(BASIS_9)
    h, n = x["huidig"], x["nieuw"]
    assert h["G"] == D("105.49")
    assert h["loon_bruto_maand"] == D("765.44")
    assert h["loon_incl_vakantiebijslag_maand"] == D("826.68")
    assert h["I_dag"] == D("38.01")
    assert h["uitkering_dag"] == D("58.64")
    assert h["wajong_uitkering_maand"] == D("1275.42")
    assert n["loon_bruto_maand"] == D("1529.84")
    assert n["loon_incl_vakantiebijslag_maand"] == D("1652.23")
    assert n["I_dag"] == D("75.96")
    assert n["uitkering_dag"] == D("20.67")
    assert n["wajong_uitkering_maand"] == D("449.57")
    assert n["loonkostensubsidie_maand"] == D("825.98")
    assert n["werkgeverslastenvergoeding_maand"] == D("194.11")
    assert h["werkgever_kosten_maand"] == D("1020.95")
    assert n["werkgever_loonkosten_maand"] == D("2040.50")
    assert n["werkgever_kosten_maand"] == D("1020.41")
    assert _verschil(x, "werkgever_kosten_maand") == D("-0.54")
    assert h["bruto_inkomen_maand"] == D("2102.10")
    assert n["bruto_inkomen_maand"] == D("2101.80")
    assert _verschil(x, "bruto_inkomen_maand") == D("-0.30")
    assert h["netto_jaar"] == D("21857.62")
    assert n["netto_jaar"] == D("23954.03")
    assert _verschil(x, "netto_maand") == D("174.70")


def test_voorbeeld_b():
    geval = {**BASIS_9, "garantiebedrag_per_maand": D("1600.00")}
    x = referentie(geval, garantiebedrag="behouden")
    h = x["huidig"]
    assert h["uitkering_dag"] == D("73.56")  # the GB per day binds
    assert h["wajong_uitkering_maand"] == D("1599.93")
    assert h["bruto_inkomen_maand"] == D("2426.61")
    assert h["netto_jaar"] == D("24500.94")

    # behouden
    n = x["nieuw"]
    assert n["wajong_uitkering_maand"] == D("1599.93")
    assert n["bruto_inkomen_maand"] == D("3252.16")
    assert _verschil(x, "bruto_inkomen_maand") == D("825.55")
    assert round(_verschil(x, "bruto_inkomen_maand") / h["bruto_inkomen_maand"] * 100) == 34
    assert _verschil(x, "netto_maand") == D("692.40")

    # inkomensgarantie
    x = referentie(geval, garantiebedrag="inkomensgarantie")
    assert x["nieuw"]["uitkering_dag"] == D("35.61")
    assert x["nieuw"]["wajong_uitkering_maand"] == D("774.52")
    assert x["nieuw"]["bruto_inkomen_maand"] == D("2426.75")
    assert _verschil(x, "bruto_inkomen_maand") == D("0.14")
    assert _verschil(x, "netto_maand") == D("179.22")

    # vervallen
    x = referentie(geval, garantiebedrag="vervallen")
    assert x["nieuw"]["wajong_uitkering_maand"] == D("449.57")
    assert _verschil(x, "bruto_inkomen_maand") == D("-324.81")
    assert _verschil(x, "netto_maand") == D("-45.58")


def test_voorbeeld_c():
    geval = {
        **BASIS_9,
        "functieloon_per_uur": D("18.00"),
        "uren_per_week": D("36"),
        "loonwaarde": D("0.60"),
    }
    x = referentie(geval)
    h, n = x["huidig"], x["nieuw"]
    assert h["loon_bruto_maand"] == D("1684.80")
    assert h["I_dag"] == D("83.66")
    assert h["uitkering_dag"] == D("55.77")
    assert h["wajong_uitkering_maand"] == D("1213.00")
    assert n["loon_bruto_maand"] == D("2808.00")
    assert n["I_dag"] == D("139.43")
    assert n["wajong_uitkering_maand"] == D("0.00")
    assert n["loonkostensubsidie_maand"] == D("991.18")
    assert n["werkgeverslastenvergoeding_maand"] == D("232.93")
    assert h["werkgever_kosten_maand"] == D("2247.18")
    assert n["werkgever_kosten_maand"] == D("2521.20")
    assert _verschil(x, "werkgever_kosten_maand") == D("274.02")
    assert _verschil(x, "netto_maand") == D("64.65")


def test_voorbeeld_c_loonbasis_minimumloon():
    """Case C, but today's dispensed wage on the WML per hour (RULES §3.2): 0.60 × 14.71."""
    geval = {
        **BASIS_9,
        "functieloon_per_uur": D("18.00"),
        "uren_per_week": D("36"),
        "loonwaarde": D("0.60"),
        "loondispensatie_loonbasis": "minimumloon",
    }
    x = referentie(geval)
    h, n = x["huidig"], x["nieuw"]
    assert h["loon_bruto_maand"] == D("1377.48")  # 8.83 × 36 × 52 / 12
    assert h["I_dag"] == D("68.40")  # 1 487.68 / 21.75 = 68.399
    assert h["uitkering_dag"] == D("45.60")  # W = 114.00 > G: 114.00 − 68.40
    assert h["wajong_uitkering_maand"] == D("991.80")
    assert h["werkgever_kosten_maand"] == D("1837.28")
    assert n["werkgever_kosten_maand"] == D("2521.20")
    assert _verschil(x, "werkgever_kosten_maand") == D("683.92")


def test_voorbeeld_d():
    geval = {**BASIS_9, "uren_per_week": D("32"), "loonwaarde": D("0.25")}
    x = referentie(geval)
    h, n = x["huidig"], x["nieuw"]
    assert h["loon_bruto_maand"] == D("510.29")
    assert h["uitkering_dag"] == D("78.91")
    assert h["wajong_uitkering_maand"] == D("1716.29")
    assert n["loon_bruto_maand"] == D("2039.79")
    assert n["uitkering_dag"] == D("2.94")
    assert n["wajong_uitkering_maand"] == D("63.95")
    assert n["loonkostensubsidie_maand"] == D("1541.84")
    assert n["werkgeverslastenvergoeding_maand"] == D("362.33")
    assert h["werkgever_kosten_maand"] == D("680.62")
    assert n["werkgever_kosten_maand"] == D("816.50")
    assert _verschil(x, "werkgever_kosten_maand") == D("135.88")


# --- engine ↔ reference ----------------------------------------------------------------------


def _record(geval: dict) -> dict:
    """The case as an input record (str / date / bool values)."""
    return {k: (v if isinstance(v, dt.date | bool) else str(v)) for k, v in geval.items()}


def _vergelijk(ref: dict, uitkomst: dict, geval: dict, variant: tuple[str, str]) -> None:
    verschillen = []
    for situatie in ("huidig", "nieuw"):
        for sleutel in SLEUTELS:
            verwacht = ref[situatie][sleutel]
            gekregen = D(uitkomst[situatie][sleutel])
            if gekregen != verwacht:
                verschillen.append(
                    f"{situatie}.{sleutel}: engine {gekregen}, referentie {verwacht}"
                )
        # belasting_jaar is not a rounding point of RULES §2: allow one cent either way.
        exact = ref[situatie]["belasting_jaar_exact"]
        if abs(D(uitkomst[situatie]["belasting_jaar"]) - exact) > D("0.01"):
            verschillen.append(
                f"{situatie}.belasting_jaar: engine {uitkomst[situatie]['belasting_jaar']}, "
                f"referentie (exact) {exact}"
            )
    assert not verschillen, f"geval {geval}, variant {variant}:\n" + "\n".join(verschillen)


def _engine(geval: dict, gb: str, wg: str) -> dict:
    _, invoer = lees_en_controleer(_record(geval))
    return als_dict(bereken(invoer, Scenario(garantiebedrag=gb, werkgever=wg)))


@st.composite
def gevallen_2026(draw):
    peildatum = draw(st.dates(dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    # birth date between 67 years (exclusive) and 18 years before the peildatum
    geboortedatum = draw(
        st.dates(
            dt.date(peildatum.year - 67, peildatum.month, peildatum.day) + dt.timedelta(days=1),
            dt.date(peildatum.year - 18, peildatum.month, peildatum.day),
        )
    )
    leeftijd = leeftijd_jaren(geboortedatum, peildatum)
    wml_uur = WML_UUR_JAN[wml_klasse(leeftijd)]
    min_centen = int(wml_uur * 100)
    functieloon = (
        D(
            draw(
                st.one_of(
                    st.just(min_centen),
                    st.integers(min_centen, min_centen + 300),
                    st.integers(min_centen, 4000),
                )
            )
        )
        / 100
    )
    heeft_gb = draw(st.booleans())
    gb = D(draw(st.integers(0, 229440))) / 100 if heeft_gb else D("0")
    overige = draw(st.one_of(st.just(D("0")), st.integers(0, 150000).map(lambda c: D(c) / 100)))
    voltijd = draw(st.integers(128, 160))  # quarter hours
    # contract hours at most 1,5 × the full-time week (validatie.MAX_UREN_BOVEN_VOLTIJD)
    uren = draw(st.integers(4, min(240, voltijd * 3 // 2)))
    return {
        "peildatum": peildatum,
        "geboortedatum": geboortedatum,
        "regime": draw(st.sampled_from(["owajong", "wajong2010"])),
        "arbeidsvermogen": True,
        "uren_per_week": D(uren) / 4,
        "voltijd_uren_per_week": D(voltijd) / 4,
        "functieloon_per_uur": functieloon,
        "loonwaarde": D(draw(st.integers(1, 75))) / 100,
        "garantiebedrag_per_maand": gb,
        "overige_inkomsten_per_maand": overige,
        "werkgeverslasten_percentage": D(draw(st.integers(30, 70))) * D("0.005"),
        "loondispensatie_loonbasis": draw(st.sampled_from(["functieloon", "minimumloon"])),
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    geval=gevallen_2026(),
    gb=st.sampled_from(GB_VARIANTEN),
    wg=st.sampled_from(WG_VARIANTEN),
)
def test_engine_gelijk_aan_referentie(geval, gb, wg):
    _vergelijk(referentie(geval, gb, wg), _engine(geval, gb, wg), geval, (gb, wg))


# A few hand-picked cases outside the property test's space: DGA with the exception,
# Wajong 2015, youth at the WML, other income, hours above the full-time week.
BIJZONDER = [
    {**BASIS_9, "arbeidsvermogen": False, "loondispensatie_uitzondering": True},
    {
        **BASIS_9,
        "arbeidsvermogen": False,
        "loondispensatie_uitzondering": True,
        "garantiebedrag_per_maand": D("1200.00"),
        "regime": "owajong",
    },
    {
        **BASIS_9,
        "regime": "wajong2015",
        "arbeidsvermogen": False,
        "loondispensatie_uitzondering": True,
        "loonwaarde": D("0.30"),
    },
    {**BASIS_9, "geboortedatum": dt.date(2007, 6, 1), "functieloon_per_uur": D("7.36")},
    {**BASIS_9, "geboortedatum": dt.date(2006, 3, 2), "functieloon_per_uur": D("8.83")},
    {
        **BASIS_9,
        "geboortedatum": dt.date(2005, 6, 1),
        "functieloon_per_uur": D("11.77"),
        "garantiebedrag_per_maand": D("900.00"),
    },
    {**BASIS_9, "overige_inkomsten_per_maand": D("1234.56"), "loonwaarde": D("0.05")},
    {
        **BASIS_9,
        "uren_per_week": D("45.25"),
        "functieloon_per_uur": D("31.17"),
        "loonwaarde": D("0.75"),
    },
    {
        **BASIS_9,
        "geboortedatum": dt.date(2006, 3, 2),
        "functieloon_per_uur": D("12.50"),
        "loondispensatie_loonbasis": "minimumloon",
    },
    {
        **BASIS_9,
        "functieloon_per_uur": D("18.00"),
        "uren_per_week": D("36"),
        "loonwaarde": D("0.60"),
        "garantiebedrag_per_maand": D("1100.00"),
        "loondispensatie_loonbasis": "minimumloon",
    },
]


@pytest.mark.parametrize("gb", GB_VARIANTEN)
@pytest.mark.parametrize("wg", WG_VARIANTEN)
@pytest.mark.parametrize("geval", BIJZONDER, ids=range(len(BIJZONDER)))
def test_bijzondere_gevallen(geval, gb, wg):
    _vergelijk(referentie(geval, gb, wg), _engine(geval, gb, wg), geval, (gb, wg))


# --- (c) one batch equals the single path ----------------------------------------------------


def _willekeurig_geval(rnd: random.Random) -> dict:
    peildatum = dt.date(2026, 1, 1) + dt.timedelta(days=rnd.randint(0, 180))
    leeftijd = rnd.choice([18, 19, 20, 21, 22, 30, 45, 66, rnd.randint(18, 66)])
    geboortedatum = dt.date(peildatum.year - leeftijd, peildatum.month, peildatum.day) - (
        dt.timedelta(days=rnd.randint(0, 364))
    )
    leeftijd = leeftijd_jaren(geboortedatum, peildatum)
    min_centen = int(WML_UUR_JAN[wml_klasse(leeftijd)] * 100)
    geval = {
        "peildatum": peildatum,
        "geboortedatum": geboortedatum,
        "regime": rnd.choice(["owajong", "wajong2010"]),
        "arbeidsvermogen": True,
        "uren_per_week": D(rnd.randint(4, 240)) / 4,
        "voltijd_uren_per_week": D(rnd.randint(128, 160)) / 4,
        "functieloon_per_uur": D(rnd.choice([min_centen, rnd.randint(min_centen, 4000)])) / 100,
        "loonwaarde": D(rnd.randint(1, 75)) / 100,
        "garantiebedrag_per_maand": (
            D(rnd.randint(0, 229440)) / 100 if rnd.random() < 0.5 else D("0")
        ),
        "overige_inkomsten_per_maand": (
            D(rnd.randint(0, 150000)) / 100 if rnd.random() < 0.3 else D("0")
        ),
        "werkgeverslasten_percentage": D(rnd.randint(30, 70)) * D("0.005"),
        "loondispensatie_loonbasis": rnd.choice(["functieloon", "minimumloon"]),
    }
    # contract hours at most 1,5 × the full-time week (validatie.MAX_UREN_BOVEN_VOLTIJD)
    kwartieren = int(geval["voltijd_uren_per_week"] * 4) * 3 // 2
    geval["uren_per_week"] = min(geval["uren_per_week"], D(kwartieren) / 4)
    return geval


@pytest.mark.parametrize("gb", GB_VARIANTEN)
@pytest.mark.parametrize("wg", WG_VARIANTEN)
def test_batch_gelijk_aan_referentie(gb, wg):
    rnd = random.Random(20260301)
    gevallen = [_willekeurig_geval(rnd) for _ in range(200)]
    objecten = [lees_en_controleer(_record(g))[0] for g in gevallen]
    resultaat = bereken(Invoer.uit_gevallen(objecten), Scenario(garantiebedrag=gb, werkgever=wg))
    assert len(resultaat) == len(gevallen)
    for i, geval in enumerate(gevallen):
        _vergelijk(referentie(geval, gb, wg), als_dict(resultaat, i), geval, (gb, wg))


# --- every peildatum, DGA with the exception, and the path over the years --------------------


@st.composite
def gevallen_alle_peildata(draw, van=dt.date(2024, 1, 1), tot=dt.date(2026, 12, 31)):
    """As ``gevallen_2026``, on any peildatum with parameters (both halves of each year), also
    Wajong 2015 and duurzaam geen arbeidsvermogen with ``loondispensatie_uitzondering``."""
    peildatum = draw(st.one_of(st.dates(van, tot), st.sampled_from([p[0] for p in PERIODES])))
    geboortedatum = draw(
        st.dates(
            plus_jaren(peildatum, -67) + dt.timedelta(days=1),
            plus_jaren(peildatum, -18),
        )
    )
    wml_uur = periode(peildatum)[1][wml_klasse(leeftijd_jaren(geboortedatum, peildatum))]
    min_centen = int(wml_uur * 100)
    regime = draw(st.sampled_from(["owajong", "wajong2010", "wajong2015"]))
    dga = regime == "wajong2015" or draw(st.booleans())
    heeft_gb = regime != "wajong2015" and draw(st.booleans())
    geval = {
        "peildatum": peildatum,
        "geboortedatum": geboortedatum,
        "regime": regime,
        "arbeidsvermogen": not dga,
        # at most 1.5 × the full-time week (validatie: MAX_UREN_BOVEN_VOLTIJD)
        "voltijd_uren_per_week": D(voltijd := draw(st.integers(128, 160))) / 4,
        "uren_per_week": D(draw(st.integers(4, min(240, voltijd * 3 // 2)))) / 4,
        "functieloon_per_uur": D(
            draw(st.one_of(st.just(min_centen), st.integers(min_centen, 4000)))
        )
        / 100,
        "loonwaarde": D(draw(st.integers(1, 75))) / 100,
        # at most the WML per month of the peildatum (validatie, RULES §1)
        "garantiebedrag_per_maand": (
            D(draw(st.integers(1, int(periode(peildatum)[0] * 100)))) / 100 if heeft_gb else D(0)
        ),
        "overige_inkomsten_per_maand": draw(
            st.one_of(st.just(D("0")), st.integers(0, 150000).map(lambda c: D(c) / 100))
        ),
        "werkgeverslasten_percentage": D(draw(st.integers(30, 70))) * D("0.005"),
    }
    if dga:
        geval["loondispensatie_uitzondering"] = True
    return geval


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    geval=gevallen_alle_peildata(),
    gb=st.sampled_from(GB_VARIANTEN),
    wg=st.sampled_from(WG_VARIANTEN),
)
def test_engine_gelijk_aan_referentie_op_elke_peildatum(geval, gb, wg):
    _vergelijk(referentie(geval, gb, wg), _engine(geval, gb, wg), geval, (gb, wg))


@pytest.mark.parametrize(
    "peildatum, wml_maand, G_21",
    [
        # G = WML per month / 21.75, rounded (RULES §3.1), worked out by hand:
        (dt.date(2024, 3, 1), "2069.40", "95.14"),  # 2069.40 / 21.75 = 95.1448…
        (dt.date(2024, 9, 1), "2133.60", "98.10"),  # 98.0965…
        (dt.date(2025, 3, 1), "2191.80", "100.77"),  # 100.7724…
        (dt.date(2025, 9, 1), "2245.80", "103.26"),  # 103.2551…
        (dt.date(2026, 3, 1), "2294.40", "105.49"),  # RULES §9
    ],
)
def test_referentie_kiest_de_grondslag_van_de_peildatum(peildatum, wml_maand, G_21):
    assert periode(peildatum)[0] == D(wml_maand)
    x = referentie({**BASIS_9, "peildatum": peildatum, "functieloon_per_uur": D("15.00")})
    assert x["huidig"]["G"] == D(G_21)


PAD_VARIANTEN = [
    # (garantiebedrag, werkgever, afbouw_jaren, compensatie_jaren)
    ("behouden", "geen", None, None),
    ("vervallen", "compensatie", None, 2),
    ("inkomensgarantie", "lks_op_functieloon", None, None),
    ("afbouw", "geen", 3, None),
    ("afbouw", "compensatie", 2, 3),
]


def _pad_engine(geval: dict, variant: tuple, jaren: int) -> list:
    gb, wg, afbouw, compensatie = variant
    scenario = Scenario(
        garantiebedrag=gb, werkgever=wg, afbouw_jaren=afbouw, compensatie_jaren=compensatie
    )
    _, invoer = lees_en_controleer(_record(geval))
    return pad(invoer, scenario, jaren)


def _vergelijk_pad(geval: dict, variant: tuple, jaren: int = 5) -> None:
    gb, wg, afbouw, compensatie = variant
    verwacht = referentie_pad(geval, gb, wg, jaren, afbouw, compensatie)
    gekregen = _pad_engine(geval, variant, jaren)
    assert len(gekregen) == len(verwacht) == jaren
    for k, (jaar, ref) in enumerate(zip(gekregen, verwacht, strict=True)):
        assert bool(jaar.actief[0]) == (ref is not None), (geval, variant, k)
        if ref is None:
            continue
        uitkomst = als_dict(jaar.resultaat, 0)
        _vergelijk(ref, uitkomst, geval, (*variant, f"jaar {k}"))
        for situatie in ("huidig", "nieuw"):
            assert (
                D(uitkomst[situatie]["compensatie_werkgever_maand"])
                == (ref[situatie]["compensatie_werkgever_maand"])
            ), (geval, variant, k)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(geval=gevallen_alle_peildata(), variant=st.sampled_from(PAD_VARIANTEN))
def test_pad_gelijk_aan_referentie(geval, variant):
    _vergelijk_pad(geval, variant)


def test_pad_afbouw_en_compensatie_met_de_hand():
    """RULES §9 B on the path: the supplement steps 100 %, 50 %, 0 (afbouw in 2 years) and the
    employer is compensated in year 0 only. Year 0 is 2026-03-01 (hand figures of §9 B);
    from 2027 the last known parameters (July 2026) are used."""
    geval = {**BASIS_9, "garantiebedrag_per_maand": D("1600.00")}
    ref = referentie_pad(geval, "afbouw", "compensatie", 3, afbouw_jaren=2, compensatie_jaren=1)
    # year 0: the full supplement, as inkomensgarantie in RULES §9 B: 35.61 per day
    assert ref[0]["nieuw"]["uitkering_dag"] == D("35.61")
    # year 2: no supplement left, only the formula: 0.7 × (G − I) with the July 2026 WML
    G = r(D("2338.20") / D("21.75"))  # 107.50…
    fl = max(r(D("14.71") * D("14.99") / D("14.71")), D("14.99"))  # the functieloon follows
    I = r(r(maandloon(fl, D("24")) * D("1.08")) / D("21.75"))
    assert ref[2]["nieuw"]["uitkering_dag"] == r(D("0.7") * (G - I))
    # compensatie only in year 0 (and only when the employer pays more: in §9 A it pays less)
    assert [x["nieuw"]["compensatie_werkgever_maand"] for x in ref] == [D("0.00")] * 3
    _vergelijk_pad(geval, ("afbouw", "compensatie", 2, 1), 3)
