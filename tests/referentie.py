"""Independent reference implementation (test oracle) of RULES §2, §3, §4, §5 and §7, 2024–2026.

Written from the rules text (RULES §2–§7 as the project's `docs/regels.md` states them) and the
parameter data files only, without looking
at the package's rule modules. One person at a time, plain ``decimal.Decimal`` arithmetic with
a 50-digit context, and rounding half-up to cents *only* at the points RULES §2 names:

1. dispensed hourly wage ``LW × functieloon`` (or ``LW × WML per hour``, §3.2);
2. every monthly wage (``uurloon × uren × 52 / 12``, multiply before divide) and the monthly
   income incl. holiday pay;
3. G, I (Ia and Io separately) and GB per day (÷ 21.75);
4. the benefit per day (after taking the maximum), and the benefit per month (× 21.75);
5. LKS, werkgeverslastenvergoeding and the employer's wage cost per month;
6. the annual net income (once, at the end) and net per month = annual net / 12.

The compensatiefactor is never rounded: ``0.7·CF·Ia`` is computed as ``(LW − 0.3)·Ia / LW``.

Peildatums from 2024-01-01 to 2026-12-31 are supported (the parameters are hard-coded below,
copied from wajong_conversie/parameters/*.toml, per half year: ``PERIODES``, ``BELASTING``);
later dates only on the path over the years (``referentie_pad``), with the last known values
as the package documents (README, ``--jaren``).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

D = Decimal
CENT = D("0.01")

# --- 2026 parameters, copied from wajong_conversie/parameters/*.toml ------------------------
WML_MAAND_21 = D("2294.40")  # wml.toml wml_maand_21, vanaf 2026-01-01
# WML per hour of 1 January 2026 (wml.toml wml_uur_21 / _20 / _19 / _18, vanaf 2026-01-01);
# the July 2026 values are unverified estimates and not used: this oracle covers Jan–Jun 2026
# for G (the LKS always uses 1 January anyway).
WML_UUR_JAN = {21: D("14.71"), 20: D("11.77"), 19: D("8.83"), 18: D("7.36")}
JEUGD_PERCENTAGE = {20: D("0.80"), 19: D("0.60"), 18: D("0.50")}  # wml.toml jeugd_percentage_*
VAKANTIEBIJSLAG = D("0.08")  # wml.toml vakantiebijslag
DAGEN_PER_MAAND = D("21.75")  # RULES §2 (AIB art. 4:1 lid 2)
PERCENTAGE_AV = D("0.70")  # wajong.toml uitkeringspercentage_arbeidsvermogen
PERCENTAGE_DGA = D("0.75")  # wajong.toml uitkeringspercentage_dga
CF_DREMPEL = D("0.30")  # wajong.toml compensatiefactor_drempel
LKS_PLAFOND = D("0.70")  # lks.toml lks_plafond
WERKGEVERSLASTENVERGOEDING = D("0.235")  # lks.toml werkgeverslastenvergoeding
NORMUREN = D("36")  # lks.toml normuren_per_week (Participatiewet art. 10d lid 4)
AOW_LEEFTIJD_MAANDEN = 804  # leeftijd.toml

# belasting.toml, vanaf 2026-01-01
BOX1_2026 = [(D("0"), D("0.3575")), (D("38883"), D("0.3756")), (D("78426"), D("0.4950"))]
AHK_MAX = D("3115")
AHK_AFBOUWPUNT = D("29736")
AHK_AFBOUW = D("0.06398")
ARBEIDSKORTING_2026 = [  # (vanaf, basis, tarief)
    (D("0"), D("0"), D("0.08324")),
    (D("11965"), D("996"), D("0.31009")),
    (D("25845"), D("5300"), D("0.01950")),
    (D("45592"), D("5685"), D("-0.06510")),
]
JONGGEHANDICAPTENKORTING = D("923")

# --- all peildata: WML per half year (wml.toml) and tax per calendar year (belasting.toml) ----
# (start, WML per month 21+, WML per hour for ages 21+ / 20 / 19 / 18 as published)
_WML = [
    (dt.date(2024, 1, 1), "2069.40", "13.27 10.62 7.96 6.64"),
    (dt.date(2024, 7, 1), "2133.60", "13.68 10.94 8.21 6.84"),
    (dt.date(2025, 1, 1), "2191.80", "14.06 11.25 8.44 7.03"),
    (dt.date(2025, 7, 1), "2245.80", "14.40 11.52 8.64 7.20"),
    (dt.date(2026, 1, 1), "2294.40", "14.71 11.77 8.83 7.36"),
    # status "controleren" in wml.toml (not yet published), used by the package all the same
    (dt.date(2026, 7, 1), "2338.20", "14.99 11.99 8.99 7.50"),
]
PERIODES = [
    (vanaf, D(maand), dict(zip((21, 20, 19, 18), map(D, uur.split()), strict=True)))
    for vanaf, maand, uur in _WML
]
LAATSTE_BEKEND = dt.date(2026, 12, 31)  # geldig_tot in the data files
BELASTING = {  # year: (box 1 brackets, (AHK max, afbouwpunt, afbouw), arbeidskorting, JGK)
    2024: (
        [(D("0"), D("0.3697")), (D("75518"), D("0.4950"))],
        (D("3362"), D("24812"), D("0.06630")),
        [(D("0"), D("0"), D("0.08425")), (D("11490"), D("968"), D("0.31433")),
         (D("24820"), D("5158"), D("0.02471")), (D("39957"), D("5532"), D("-0.06510"))],
        D("898"),
    ),
    2025: (
        [(D("0"), D("0.3582")), (D("38441"), D("0.3748")), (D("76817"), D("0.4950"))],
        (D("3068"), D("28406"), D("0.06337")),
        [(D("0"), D("0"), D("0.08053")), (D("12169"), D("980"), D("0.30030")),
         (D("26288"), D("5220"), D("0.02258")), (D("43071"), D("5599"), D("-0.06510"))],
        D("909"),
    ),
    2026: (BOX1_2026, (AHK_MAX, AHK_AFBOUWPUNT, AHK_AFBOUW), ARBEIDSKORTING_2026,
           JONGGEHANDICAPTENKORTING),
}  # fmt: skip


def periode(datum: dt.date) -> tuple[D, dict[int, D]]:
    """WML per month (21+) and per hour (by age) valid on ``datum``; after the known data the
    last known values (the assumption the path makes)."""
    datum = min(datum, LAATSTE_BEKEND)
    if datum < PERIODES[0][0]:
        raise ValueError("referentie: geen parameters voor deze peildatum")
    return [(maand, uur) for vanaf, maand, uur in PERIODES if vanaf <= datum][-1]


SLEUTELS = (
    "loon_bruto_maand",
    "loon_incl_vakantiebijslag_maand",
    "wajong_uitkering_maand",
    "bruto_inkomen_maand",
    "netto_jaar",
    "netto_maand",
    "werkgever_kosten_maand",
    "overheid_kosten_maand",
    "loonkostensubsidie_maand",
    "werkgeverslastenvergoeding_maand",
    "werkgever_loonkosten_maand",
)
"""Keys of each situation; all compared to the cent with the engine."""


def _ctx() -> Context:
    return Context(prec=50, rounding=ROUND_HALF_UP)


def r(x: Decimal) -> Decimal:
    """Round half-up to whole cents (the only rounding operation of this module)."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def _d(x) -> Decimal:
    return x if isinstance(x, Decimal) else D(str(x))


def leeftijd_jaren(geboortedatum: dt.date, peildatum: dt.date) -> int:
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


def leeftijd_maanden(geboortedatum: dt.date, peildatum: dt.date) -> int:
    m = (peildatum.year - geboortedatum.year) * 12 + peildatum.month - geboortedatum.month
    if peildatum.day < geboortedatum.day:
        m -= 1
    return m


def wml_klasse(leeftijd: int) -> int:
    return 21 if leeftijd >= 21 else leeftijd


def wml_maand(leeftijd: int, wml_maand_21: Decimal = WML_MAAND_21) -> Decimal:
    """RULES §3.1: WML per month for the age (youth: × youth %, rounded to cents)."""
    k = wml_klasse(leeftijd)
    return wml_maand_21 if k == 21 else r(wml_maand_21 * JEUGD_PERCENTAGE[k])


def grondslag_per_dag(leeftijd: int, wml_maand_21: Decimal = WML_MAAND_21) -> Decimal:
    """RULES §3.1: G = WML month (× youth %, rounded to cents) / 21.75, rounded."""
    return r(wml_maand(leeftijd, wml_maand_21) / DAGEN_PER_MAAND)


def maandloon(uurloon: Decimal, uren: Decimal) -> Decimal:
    """RULES §2 point 2: uurloon × uren × 52 / 12, multiplied before dividing, rounded."""
    return r(uurloon * uren * 52 / 12)


def per_dag(maandbedrag: Decimal) -> Decimal:
    return r(maandbedrag / DAGEN_PER_MAAND)


def box1(inkomen: Decimal, schijven=BOX1_2026) -> Decimal:
    belasting = D(0)
    for i, (vanaf, tarief) in enumerate(schijven):
        tot = schijven[i + 1][0] if i + 1 < len(schijven) else None
        if inkomen <= vanaf:
            break
        bovengrens = inkomen if tot is None else min(inkomen, tot)
        belasting += (bovengrens - vanaf) * tarief
    return belasting


def algemene_heffingskorting(inkomen: Decimal, ahk=(AHK_MAX, AHK_AFBOUWPUNT, AHK_AFBOUW)):
    maximum, afbouwpunt, afbouw = ahk
    if inkomen <= afbouwpunt:
        return maximum
    return max(D(0), maximum - afbouw * (inkomen - afbouwpunt))


def arbeidskorting(arbeidsinkomen: Decimal, schijven=ARBEIDSKORTING_2026) -> Decimal:
    gekozen = schijven[0]
    for schijf in schijven:
        if arbeidsinkomen >= schijf[0]:
            gekozen = schijf
    vanaf, basis, tarief = gekozen
    return max(D(0), basis + tarief * (arbeidsinkomen - vanaf))


def netto(
    inkomen_maand: Decimal, uitkering_maand: Decimal, overige_maand: Decimal, jaar: int = 2026
) -> dict:
    """RULES §7: annual gross, box 1, credits (capped at the tax), net year and month."""
    schijven, ahk, ak, jgk = BELASTING[min(jaar, 2026)]  # later years: the last known (path)
    arbeidsinkomen = 12 * inkomen_maand
    bruto_jaar = arbeidsinkomen + 12 * (1 + VAKANTIEBIJSLAG) * uitkering_maand + 12 * overige_maand
    belasting = box1(bruto_jaar, schijven)
    kortingen = (
        algemene_heffingskorting(bruto_jaar, ahk)
        + arbeidskorting(arbeidsinkomen, ak)
        + jgk  # always: the worker is entitled to Wajong
    )
    kortingen = min(kortingen, belasting)
    netto_jaar = r(bruto_jaar - (belasting - kortingen))
    return {
        "bruto_jaar": bruto_jaar,
        "belasting_jaar_exact": belasting - kortingen,
        "netto_jaar": netto_jaar,
        "netto_maand": r(netto_jaar / 12),
    }


def _dga(case: dict) -> bool:
    return (not case["arbeidsvermogen"]) or case["regime"] == "wajong2015"


def referentie(
    case: dict, garantiebedrag: str = "behouden", werkgever: str = "geen", **stand
) -> dict:
    """Both situations of one case, amounts as Decimal (cents). ``stand``: where the case is
    on the path over the years (see ``referentie_pad``)."""
    with localcontext(_ctx()):
        return _referentie(case, garantiebedrag, werkgever, **stand)


def _referentie(
    case: dict,
    garantiebedrag: str,
    werkgever: str,
    toeslag: tuple[int, int] = (1, 1),  # afbouw: share (n − jaar) / n of the supplement
    compensatie: bool = False,  # werkgever = compensatie: is this a compensation year?
    gb_vervallen_huidig: bool = False,  # art. 8:8 lid 5: lapsed for good (path only)
    gb_vervallen_nieuw: bool = False,
) -> dict:
    peildatum: dt.date = case["peildatum"]
    WML_MAAND_21, wml_uur = periode(peildatum)  # noqa: N806 (the 2026 constant, per date)
    WML_MAAND_JAN = periode(dt.date(peildatum.year, 1, 1))[0]  # noqa: N806
    leeftijd = leeftijd_jaren(case["geboortedatum"], peildatum)
    if leeftijd < 18 or leeftijd_maanden(case["geboortedatum"], peildatum) >= AOW_LEEFTIJD_MAANDEN:
        raise ValueError("referentie: leeftijd buiten 18 tot AOW-leeftijd")
    k = wml_klasse(leeftijd)

    lw = _d(case["loonwaarde"])
    fl = _d(case["functieloon_per_uur"])
    uren = _d(case["uren_per_week"])
    voltijd = _d(case.get("voltijd_uren_per_week", "38"))
    gb_maand = _d(case.get("garantiebedrag_per_maand", "0"))
    overige = _d(case.get("overige_inkomsten_per_maand", "0") or "0")
    wl = _d(case.get("werkgeverslasten_percentage", "0.235"))
    dga = _dga(case)
    heeft_gb = gb_maand > 0 and case["regime"] in ("owajong", "wajong2010")

    G = grondslag_per_dag(leeftijd, WML_MAAND_21)
    Io = per_dag(overige)
    gb_dag = per_dag(gb_maand) if heeft_gb else D(0)
    gb_dag_nieuw = D(0) if gb_vervallen_nieuw else gb_dag
    gb_dag = D(0) if gb_vervallen_huidig else gb_dag

    # --- today: loondispensatie (§3) ---------------------------------------------------------
    # §3.2: LW × functieloon (default), or LW × the WML per hour for the age on the peildatum
    loonbasis = case.get("loondispensatie_loonbasis", "functieloon")
    if loonbasis == "functieloon":
        uurloon_h = r(lw * fl)
    elif loonbasis == "minimumloon":
        uurloon_h = r(lw * wml_uur[k])
    else:
        raise ValueError(f"referentie: loonbasis {loonbasis!r} niet ondersteund")
    loon_h = maandloon(uurloon_h, uren)
    inkomen_h = r(loon_h * (1 + VAKANTIEBIJSLAG))
    Ia_h = per_dag(inkomen_h)
    I_h = Ia_h + Io
    if dga:
        if not case.get("loondispensatie_uitzondering", False):
            raise ValueError("referentie: DGA met loonwaarde zonder uitzondering")
        formule_h = PERCENTAGE_DGA * (G - I_h)  # without CF
    else:
        term1 = PERCENTAGE_AV * G - (lw - CF_DREMPEL) * Ia_h / lw - PERCENTAGE_AV * Io
        term2 = (Ia_h / lw + Io) - I_h
        formule_h = max(term1, term2)
    formule_h = max(D(0), formule_h)
    dag_h = r(max(formule_h, gb_dag))
    uitkering_h = r(dag_h * DAGEN_PER_MAAND)
    loonkosten_h = r(inkomen_h * (1 + wl))
    net_h = netto(inkomen_h, uitkering_h, overige, peildatum.year)
    huidig = {
        "loon_bruto_maand": loon_h,
        "loon_incl_vakantiebijslag_maand": inkomen_h,
        "wajong_uitkering_maand": uitkering_h,
        "bruto_inkomen_maand": inkomen_h + uitkering_h,
        "netto_jaar": net_h["netto_jaar"],
        "netto_maand": net_h["netto_maand"],
        "werkgever_loonkosten_maand": loonkosten_h,
        "werkgever_kosten_maand": loonkosten_h,
        "overheid_kosten_maand": uitkering_h,
        "loonkostensubsidie_maand": D("0.00"),
        "werkgeverslastenvergoeding_maand": D("0.00"),
        "belasting_jaar_exact": net_h["belasting_jaar_exact"],
        "uitkering_dag": dag_h,
        "I_dag": I_h,
        "G": G,
        "formule_dag": r(formule_h),
        "gb_dag": gb_dag,
        "compensatie_werkgever_maand": D("0.00"),
    }

    # --- proposed: loonkostensubsidie (§4) -----------------------------------------------------
    loon_n = maandloon(fl, uren)
    inkomen_n = r(loon_n * (1 + VAKANTIEBIJSLAG))
    Ia_n = per_dag(inkomen_n)
    I_n = Ia_n + Io
    pct = PERCENTAGE_DGA if dga else PERCENTAGE_AV
    formule_n = max(D(0), pct * (G - I_n))
    if garantiebedrag == "behouden":
        dag_n_exact = max(formule_n, gb_dag_nieuw)
    elif garantiebedrag == "vervallen":
        dag_n_exact = formule_n
    elif garantiebedrag == "inkomensgarantie":
        # RULES §6: for every converted worker, with or without a GB: gross per day as today
        dag_n_exact = max(formule_n, (I_h + dag_h) - I_n)
    elif garantiebedrag == "afbouw":
        # the supplement of inkomensgarantie × (n − jaar) / n (RULES §6). RULES §2 point 4 does
        # not say how a fraction of the supplement rounds: this oracle rounds the formula per
        # day and the supplement's share per day, each half-up [keuze, reported in issue 15].
        formule_dag = r(formule_n)
        volledig = max(D(0), (I_h + dag_h) - I_n - formule_dag)
        dag_n_exact = formule_dag + r(volledig * toeslag[0] / toeslag[1])
    else:
        raise ValueError(f"referentie: garantiebedrag-variant {garantiebedrag!r} niet ondersteund")
    dag_n = r(max(D(0), dag_n_exact))
    uitkering_n = r(dag_n * DAGEN_PER_MAAND)

    # RULES §4: the WML *per month* of 1 January (Pw art. 2; youth: the monthly amount × the
    # age percentage, rounded to cents), hours in proportion to 36 (art. 10d lid 4)
    if werkgever in ("geen", "compensatie"):
        basis_maand = wml_maand(leeftijd, WML_MAAND_JAN)
    elif werkgever == "lks_op_functieloon":
        basis_maand = fl * NORMUREN * 52 / 12  # exact, not rounded
    else:
        raise ValueError(f"referentie: werkgever-variant {werkgever!r} niet ondersteund")
    factor = min(1 - lw, LKS_PLAFOND)
    lks = r(factor * basis_maand * (1 + VAKANTIEBIJSLAG) * min(uren, voltijd) / NORMUREN)
    vergoeding = r(WERKGEVERSLASTENVERGOEDING * lks)
    loonkosten_n = r(inkomen_n * (1 + wl))
    net_n = netto(inkomen_n, uitkering_n, overige, peildatum.year)
    # compensatie: the employer's extra cost compared with today, in the compensation years
    comp = max(D(0), loonkosten_n - lks - vergoeding - loonkosten_h) if compensatie else D(0)
    nieuw = {
        "loon_bruto_maand": loon_n,
        "loon_incl_vakantiebijslag_maand": inkomen_n,
        "wajong_uitkering_maand": uitkering_n,
        "bruto_inkomen_maand": inkomen_n + uitkering_n,
        "netto_jaar": net_n["netto_jaar"],
        "netto_maand": net_n["netto_maand"],
        "werkgever_loonkosten_maand": loonkosten_n,
        "werkgever_kosten_maand": loonkosten_n - lks - vergoeding - comp,
        "overheid_kosten_maand": uitkering_n + lks + vergoeding + comp,
        "loonkostensubsidie_maand": lks,
        "werkgeverslastenvergoeding_maand": vergoeding,
        "belasting_jaar_exact": net_n["belasting_jaar_exact"],
        "uitkering_dag": dag_n,
        "I_dag": I_n,
        "G": G,
        "formule_dag": r(formule_n),
        "gb_dag": gb_dag_nieuw,
        "compensatie_werkgever_maand": comp,
    }
    return {"huidig": huidig, "nieuw": nieuw}


def plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    """Same day and month, ``jaren`` later; 29 February becomes 28 February."""
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:
        return datum.replace(year=datum.year + jaren, day=28)


def referentie_pad(
    case: dict,
    garantiebedrag: str = "behouden",
    werkgever: str = "geen",
    jaren: int = 5,
    afbouw_jaren: int | None = None,
    compensatie_jaren: int | None = None,
) -> list[dict | None]:
    """The path over the years (README ``--jaren``; RULES §6, Wajong art. 8:8 lid 5 and 7):
    year k on the peildatum + k years; None once the worker has reached the AOW age.

    - the WML of that date (after the known data: the last known values);
    - the garantiebedrag follows the WML per month by the same percentage (art. 8:8 lid 7) and
      the functieloon the adult WML per hour, never below the worker's own WML (README: a model
      choice), each rounded to cents;
    - a garantiebedrag lapses for good after a year in which the formula per day paid more
      (art. 8:8 lid 5), in each situation separately (after conversion only under behouden);
    - afbouw: the supplement × (n − k) / n; compensatie: only in the first n years.
    """
    with localcontext(_ctx()):
        start: dt.date = case["peildatum"]
        wml_maand_0, wml_uur_0 = periode(start)
        fl, gb = _d(case["functieloon_per_uur"]), _d(case.get("garantiebedrag_per_maand", "0"))
        vervallen_h = vervallen_n = False
        uitkomst: list[dict | None] = []
        for k in range(jaren):
            datum = plus_jaren(start, k)
            if leeftijd_maanden(case["geboortedatum"], datum) >= AOW_LEEFTIJD_MAANDEN:
                uitkomst.append(None)
                continue
            wml_maand_k, wml_uur_k = periode(datum)
            eigen = wml_uur_k[wml_klasse(leeftijd_jaren(case["geboortedatum"], datum))]
            jaarcase = {
                **case,
                "peildatum": datum,
                "functieloon_per_uur": max(r(fl * wml_uur_k[21] / wml_uur_0[21]), eigen),
                "garantiebedrag_per_maand": r(gb * wml_maand_k / wml_maand_0),
            }
            n = afbouw_jaren or 1
            x = _referentie(
                jaarcase,
                garantiebedrag,
                werkgever,
                toeslag=(max(n - k, 0), n) if garantiebedrag == "afbouw" else (1, 1),
                compensatie=werkgever == "compensatie" and k < (compensatie_jaren or 0),
                gb_vervallen_huidig=vervallen_h,
                gb_vervallen_nieuw=vervallen_n,
            )
            uitkomst.append(x)
            if jaarcase["garantiebedrag_per_maand"] > 0:
                h, nw = x["huidig"], x["nieuw"]
                vervallen_h = vervallen_h or h["formule_dag"] > h["gb_dag"]
                if garantiebedrag == "behouden":
                    vervallen_n = vervallen_n or nw["formule_dag"] > nw["gb_dag"]
        return uitkomst
