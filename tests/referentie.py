"""Independent reference implementation (test oracle) of RULES §2, §3, §4, §5 and §7 for 2026.

Written from the project's rules (RULES.md) and the parameter data files only, without looking
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

Only peildatums in 2026 are supported (the parameters are hard-coded below, copied from
wajong_conversie/parameters/*.toml).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

D = Decimal
CENT = D("0.01")

# --- 2026 parameters, copied from wajong_conversie/parameters/*.toml ------------------------
WML_MAAND_21 = D("2294.40")  # wml.toml wml_maand_21, vanaf 2026-01-01 (also 1 January: LKS)
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
NORMUREN = D("36")  # lks.toml normuren_per_week (Participatiewet art. 10d lid 4)
WERKGEVERSLASTENVERGOEDING = D("0.235")  # lks.toml werkgeverslastenvergoeding
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


def wml_maand(leeftijd: int) -> Decimal:
    """RULES §3.1: WML per month for the age (youth: × youth %, rounded to cents)."""
    k = wml_klasse(leeftijd)
    return WML_MAAND_21 if k == 21 else r(WML_MAAND_21 * JEUGD_PERCENTAGE[k])


def grondslag_per_dag(leeftijd: int) -> Decimal:
    """RULES §3.1: G = WML month / 21.75, rounded."""
    return r(wml_maand(leeftijd) / DAGEN_PER_MAAND)


def maandloon(uurloon: Decimal, uren: Decimal) -> Decimal:
    """RULES §2 point 2: uurloon × uren × 52 / 12, multiplied before dividing, rounded."""
    return r(uurloon * uren * 52 / 12)


def per_dag(maandbedrag: Decimal) -> Decimal:
    return r(maandbedrag / DAGEN_PER_MAAND)


def box1(inkomen: Decimal) -> Decimal:
    belasting = D(0)
    for i, (vanaf, tarief) in enumerate(BOX1_2026):
        tot = BOX1_2026[i + 1][0] if i + 1 < len(BOX1_2026) else None
        if inkomen <= vanaf:
            break
        bovengrens = inkomen if tot is None else min(inkomen, tot)
        belasting += (bovengrens - vanaf) * tarief
    return belasting


def algemene_heffingskorting(inkomen: Decimal) -> Decimal:
    if inkomen <= AHK_AFBOUWPUNT:
        return AHK_MAX
    return max(D(0), AHK_MAX - AHK_AFBOUW * (inkomen - AHK_AFBOUWPUNT))


def arbeidskorting(arbeidsinkomen: Decimal) -> Decimal:
    gekozen = ARBEIDSKORTING_2026[0]
    for schijf in ARBEIDSKORTING_2026:
        if arbeidsinkomen >= schijf[0]:
            gekozen = schijf
    vanaf, basis, tarief = gekozen
    return max(D(0), basis + tarief * (arbeidsinkomen - vanaf))


def netto(inkomen_maand: Decimal, uitkering_maand: Decimal, overige_maand: Decimal) -> dict:
    """RULES §7: annual gross, box 1, credits (capped at the tax), net year and month."""
    arbeidsinkomen = 12 * inkomen_maand
    bruto_jaar = arbeidsinkomen + 12 * (1 + VAKANTIEBIJSLAG) * uitkering_maand + 12 * overige_maand
    belasting = box1(bruto_jaar)
    kortingen = (
        algemene_heffingskorting(bruto_jaar)
        + arbeidskorting(arbeidsinkomen)
        + JONGGEHANDICAPTENKORTING  # always: the worker is entitled to Wajong
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


def referentie(case: dict, garantiebedrag: str = "behouden", werkgever: str = "geen") -> dict:
    """Both situations of one case, amounts as Decimal (cents)."""
    with localcontext(_ctx()):
        return _referentie(case, garantiebedrag, werkgever)


def _referentie(case: dict, garantiebedrag: str, werkgever: str) -> dict:
    peildatum: dt.date = case["peildatum"]
    if peildatum.year != 2026:
        raise ValueError("referentie: alleen peildatums in 2026")
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

    G = grondslag_per_dag(leeftijd)
    Io = per_dag(overige)
    gb_dag = per_dag(gb_maand) if heeft_gb else D(0)

    # --- today: loondispensatie (§3) ---------------------------------------------------------
    # §3.2: LW × functieloon (default), or LW × the WML per hour for the age on the peildatum
    loonbasis = case.get("loondispensatie_loonbasis", "functieloon")
    if loonbasis == "functieloon":
        uurloon_h = r(lw * fl)
    elif loonbasis == "minimumloon":
        uurloon_h = r(lw * WML_UUR_JAN[k])  # Jan–Jun 2026: the hourly WML of 1 January
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
    net_h = netto(inkomen_h, uitkering_h, overige)
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
    }

    # --- proposed: loonkostensubsidie (§4) -----------------------------------------------------
    loon_n = maandloon(fl, uren)
    inkomen_n = r(loon_n * (1 + VAKANTIEBIJSLAG))
    Ia_n = per_dag(inkomen_n)
    I_n = Ia_n + Io
    pct = PERCENTAGE_DGA if dga else PERCENTAGE_AV
    formule_n = max(D(0), pct * (G - I_n))
    if garantiebedrag == "behouden":
        dag_n_exact = max(formule_n, gb_dag)
    elif garantiebedrag == "vervallen":
        dag_n_exact = formule_n
    elif garantiebedrag == "inkomensgarantie":
        # RULES §6: for every converted worker, with or without a GB: gross per day as today
        dag_n_exact = max(formule_n, (I_h + dag_h) - I_n)
    else:
        raise ValueError(f"referentie: garantiebedrag-variant {garantiebedrag!r} niet ondersteund")
    dag_n = r(max(D(0), dag_n_exact))
    uitkering_n = r(dag_n * DAGEN_PER_MAAND)

    # RULES §4: the WML *per month* of 1 January (Pw art. 2; youth: the monthly amount × the
    # age percentage, rounded to cents), hours in proportion to 36 (art. 10d lid 4)
    if werkgever == "geen":
        basis_maand = wml_maand(leeftijd)
    elif werkgever == "lks_op_functieloon":
        basis_maand = fl * NORMUREN * 52 / 12  # exact, not rounded
    else:
        raise ValueError(f"referentie: werkgever-variant {werkgever!r} niet ondersteund")
    factor = min(1 - lw, LKS_PLAFOND)
    lks = r(factor * basis_maand * (1 + VAKANTIEBIJSLAG) * min(uren, voltijd) / NORMUREN)
    vergoeding = r(WERKGEVERSLASTENVERGOEDING * lks)
    loonkosten_n = r(inkomen_n * (1 + wl))
    net_n = netto(inkomen_n, uitkering_n, overige)
    nieuw = {
        "loon_bruto_maand": loon_n,
        "loon_incl_vakantiebijslag_maand": inkomen_n,
        "wajong_uitkering_maand": uitkering_n,
        "bruto_inkomen_maand": inkomen_n + uitkering_n,
        "netto_jaar": net_n["netto_jaar"],
        "netto_maand": net_n["netto_maand"],
        "werkgever_loonkosten_maand": loonkosten_n,
        "werkgever_kosten_maand": loonkosten_n - lks - vergoeding,
        "overheid_kosten_maand": uitkering_n + lks + vergoeding,
        "loonkostensubsidie_maand": lks,
        "werkgeverslastenvergoeding_maand": vergoeding,
        "belasting_jaar_exact": net_n["belasting_jaar_exact"],
        "uitkering_dag": dag_n,
        "I_dag": I_n,
        "G": G,
    }
    return {"huidig": huidig, "nieuw": nieuw}
