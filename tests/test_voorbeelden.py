"""RULES §9 worked examples, reproduced to the cent.

The expected numbers are the ones of RULES §9, with the arithmetic written out in the comments
(peildatum 2026-03-01: WML 14.71 per hour, 2 294.40 per month; G = 2 294.40 / 21.75 = 105.4897
→ 105.49 per day). Nothing here is copied from the program's output.
"""

from conftest import geval, reken


def stap(uitkomst: dict, situatie: str, naam: str):
    for s in uitkomst["toelichting"][situatie]:
        if s["naam"] == naam:
            return s["waarde"]
    raise KeyError(naam)


VOORBEELD_A = geval(functieloon_per_uur="14.71", uren_per_week="24", loonwaarde="0.50")
VOORBEELD_B = geval(
    functieloon_per_uur="14.71",
    uren_per_week="24",
    loonwaarde="0.50",
    garantiebedrag_per_maand="1600.00",
)
VOORBEELD_C = geval(functieloon_per_uur="18.00", uren_per_week="36", loonwaarde="0.60")
VOORBEELD_D = geval(functieloon_per_uur="14.71", uren_per_week="32", loonwaarde="0.25")


def test_voorbeeld_a_vandaag_met_loondispensatie():
    u = reken(VOORBEELD_A)
    assert stap(u, "huidig", "grondslag_per_dag") == "105.49"
    # 0.5 × 14.71 = 7.355 → 7.36 per hour
    assert stap(u, "huidig", "uurloon_dispensatie") == "7.36"
    # 7.36 × 24 × 52 / 12 = 765.44
    assert u["huidig"]["loon_bruto_maand"] == "765.44"
    # 765.44 × 1.08 = 826.6752 → 826.68; / 21.75 = 38.0083 → 38.01
    assert u["huidig"]["loon_incl_vakantiebijslag_maand"] == "826.68"
    assert stap(u, "huidig", "inkomen_per_dag") == "38.01"
    # max(0.7 × 105.49 − (0.5 − 0.3) × 38.01 / 0.5, 38.01 / 0.5 − 38.01)
    #   = max(73.843 − 15.204, 38.01) = 58.639 → 58.64; × 21.75 = 1 275.42
    assert stap(u, "huidig", "uitkering_per_dag") == "58.64"
    assert u["huidig"]["wajong_uitkering_maand"] == "1275.42"
    # employer: 826.68 × 1.235 = 1 020.9498 → 1 020.95
    assert u["huidig"]["werkgever_kosten_maand"] == "1020.95"
    # gross: 826.68 + 1 275.42
    assert u["huidig"]["bruto_inkomen_maand"] == "2102.10"


def test_voorbeeld_a_met_loonkostensubsidie():
    u = reken(VOORBEELD_A)
    # 14.71 × 24 × 52 / 12 = 1 529.84; × 1.08 = 1 652.2272 → 1 652.23; / 21.75 → 75.96
    assert u["nieuw"]["loon_bruto_maand"] == "1529.84"
    assert u["nieuw"]["loon_incl_vakantiebijslag_maand"] == "1652.23"
    assert stap(u, "nieuw", "inkomen_per_dag") == "75.96"
    # 0.7 × (105.49 − 75.96) = 20.671 → 20.67; × 21.75 = 449.5725 → 449.57
    assert stap(u, "nieuw", "uitkering_per_dag") == "20.67"
    assert u["nieuw"]["wajong_uitkering_maand"] == "449.57"
    # LKS on the WML per month (Pw art. 2, 10d lid 4), hours against 36:
    # 0.5 × 2 294.40 = 1 147.20; × 1.08 = 1 238.976; × 24 / 36 = 825.984 → 825.98
    assert stap(u, "nieuw", "lks_basis_maand") == "2294.40"
    assert u["nieuw"]["loonkostensubsidie_maand"] == "825.98"
    # 0.235 × 825.98 = 194.1053 → 194.11
    assert u["nieuw"]["werkgeverslastenvergoeding_maand"] == "194.11"
    # 1 652.23 × 1.235 = 2 040.504 → 2 040.50; − 825.98 − 194.11 = 1 020.41 (−0.54)
    assert u["nieuw"]["werkgever_kosten_maand"] == "1020.41"
    assert u["verschil"]["werkgever_kosten_maand"] == "-0.54"
    assert u["nieuw"]["bruto_inkomen_maand"] == "2101.80"
    assert u["verschil"]["bruto_inkomen_maand"] == "-0.30"


def test_voorbeeld_a_netto_2026():
    u = reken(VOORBEELD_A)
    # Today: gross 12 × 826.68 + 12 × 1.08 × 1 275.42 = 9 920.16 + 16 529.4432 = 26 449.6032
    #   tax 35.75 % = 9 455.7331; credits: AHK 3 115 (below 29 736),
    #   AK 8.324 % × 9 920.16 = 825.7541, JHK 923 → 4 863.7541
    #   net = 26 449.6032 − (9 455.7331 − 4 863.7541) = 21 857.62
    assert u["huidig"]["netto_jaar"] == "21857.62"
    # LKS: gross 19 826.76 + 12 × 1.08 × 449.57 = 25 653.1872; tax 9 171.0144
    #   AK 996 + 31.009 % × (19 826.76 − 11 965) = 3 433.8532; credits 7 471.8532
    #   net = 25 653.1872 − 1 699.1612 = 23 954.03
    assert u["nieuw"]["netto_jaar"] == "23954.03"
    # per month: 21 857.62 / 12 = 1 821.47; 23 954.03 / 12 = 1 996.17 → +174.70
    assert u["verschil"]["netto_maand"] == "174.70"
    assert u["netto_verandering"]["klasse"] == "sterk_omhoog"
    assert [c for c in u["signalen"]] == []


def test_voorbeeld_b_vandaag_bindt_het_garantiebedrag():
    u = reken(VOORBEELD_B)
    # GB per day 1 600 / 21.75 = 73.5632 → 73.56 > 58.64; × 21.75 = 1 599.93
    assert stap(u, "huidig", "garantiebedrag_per_dag") == "73.56"
    assert u["huidig"]["wajong_uitkering_maand"] == "1599.93"
    assert u["huidig"]["garantiebedrag_toegepast"] is True
    assert u["huidig"]["bruto_inkomen_maand"] == "2426.61"  # 826.68 + 1 599.93
    assert u["huidig"]["netto_jaar"] == "24500.94"
    assert "garantiebedrag_bindend" in u["signalen"]


def test_voorbeeld_b_behouden_is_buitenproportioneel():
    u = reken(VOORBEELD_B, garantiebedrag="behouden")
    assert u["nieuw"]["wajong_uitkering_maand"] == "1599.93"
    # 1 652.23 + 1 599.93 = 3 252.16: +825.55, +34 % of 2 426.61
    assert u["nieuw"]["bruto_inkomen_maand"] == "3252.16"
    assert u["verschil"]["bruto_inkomen_maand"] == "825.55"
    assert u["verschil"]["netto_maand"] == "692.40"
    assert "werknemer_buitenproportioneel" in u["signalen"]
    assert "werknemer_achteruit" not in u["signalen"]


def test_voorbeeld_b_inkomensgarantie_houdt_bruto_gelijk():
    u = reken(VOORBEELD_B, garantiebedrag="inkomensgarantie")
    # today per day 38.01 + 73.56 = 111.57; after 75.96 → benefit 35.61; × 21.75 = 774.5175
    assert stap(u, "nieuw", "uitkering_per_dag") == "35.61"
    assert u["nieuw"]["wajong_uitkering_maand"] == "774.52"
    assert u["nieuw"]["bruto_inkomen_maand"] == "2426.75"  # +0.14
    assert u["verschil"]["bruto_inkomen_maand"] == "0.14"
    assert u["verschil"]["netto_maand"] == "179.22"
    assert not {"werknemer_buitenproportioneel", "werknemer_achteruit"} & set(u["signalen"])


def test_voorbeeld_b_vervallen_gaat_achteruit():
    u = reken(VOORBEELD_B, garantiebedrag="vervallen")
    assert u["nieuw"]["wajong_uitkering_maand"] == "449.57"
    assert u["verschil"]["bruto_inkomen_maand"] == "-324.81"  # 2 101.80 − 2 426.61
    assert u["verschil"]["netto_maand"] == "-45.58"
    assert "werknemer_achteruit" in u["signalen"]
    assert u["nieuw"]["garantiebedrag_toegepast"] is False


def test_voorbeeld_c_functieloon_boven_wml():
    u = reken(VOORBEELD_C)
    # 0.6 × 18.00 = 10.80; × 36 × 52 / 12 = 1 684.80; × 1.08 = 1 819.584 → 1 819.58 → I 83.66
    assert u["huidig"]["loon_bruto_maand"] == "1684.80"
    assert stap(u, "huidig", "inkomen_per_dag") == "83.66"
    # W = 83.66 / 0.6 = 139.433 > G: top-up 139.433 − 83.66 = 55.773 → 55.77 → 1 213.00 (1 212.9975)
    assert stap(u, "huidig", "uitkering_per_dag") == "55.77"
    assert u["huidig"]["wajong_uitkering_maand"] == "1213.00"
    # LKS: wage 2 808.00, I = 3 032.64 / 21.75 = 139.43 ≥ G → benefit 0
    assert u["nieuw"]["wajong_uitkering_maand"] == "0.00"
    # 0.4 × 2 294.40 = 917.76; × 1.08 = 991.1808; × 36 / 36 → 991.18
    assert u["nieuw"]["loonkostensubsidie_maand"] == "991.18"
    # 0.235 × 991.18 = 232.9273 → 232.93
    assert u["nieuw"]["werkgeverslastenvergoeding_maand"] == "232.93"
    # 1 819.58 × 1.235 = 2 247.18; 3 032.64 × 1.235 = 3 745.31 − 991.18 − 232.93 = 2 521.20
    assert u["huidig"]["werkgever_kosten_maand"] == "2247.18"
    assert u["nieuw"]["werkgever_kosten_maand"] == "2521.20"
    assert u["verschil"]["werkgever_kosten_maand"] == "274.02"
    assert u["verschil"]["netto_maand"] == "64.65"
    assert {"werkgever_achteruit", "functieloon_boven_wml"} <= set(u["signalen"])
    reden = next(s for s in u["signalen_toelichting"] if s["code"] == "werkgever_achteruit")
    assert any("functieloon" in r for r in reden["redenen"])


def test_voorbeeld_d_plafond_bindt():
    u = reken(VOORBEELD_D)
    # 0.25 × 14.71 = 3.6775 → 3.68; × 32 × 52 / 12 = 510.293 → 510.29
    assert u["huidig"]["loon_bruto_maand"] == "510.29"
    # CF < 0: 0.7 × 105.49 + 0.2 × 25.34 = 78.911 → 78.91; × 21.75 = 1 716.2925 → 1 716.29
    assert stap(u, "huidig", "uitkering_per_dag") == "78.91"
    assert u["huidig"]["wajong_uitkering_maand"] == "1716.29"
    # LKS: wage 2 039.79, I = 2 202.97 / 21.75 = 101.29; 0.7 × 4.20 = 2.94 → 63.945 → 63.95
    assert u["nieuw"]["loon_bruto_maand"] == "2039.79"
    assert u["nieuw"]["wajong_uitkering_maand"] == "63.95"
    # 0.70 × 2 294.40 = 1 606.08; × 1.08 = 1 734.5664; × 32 / 36 = 1 541.8368 → 1 541.84
    assert u["nieuw"]["loonkostensubsidie_maand"] == "1541.84"
    # 0.235 × 1 541.84 = 362.3324 → 362.33
    assert u["nieuw"]["werkgeverslastenvergoeding_maand"] == "362.33"
    # 551.11 × 1.235 = 680.62; 2 202.97 × 1.235 = 2 720.67 − 1 541.84 − 362.33 = 816.50
    assert u["huidig"]["werkgever_kosten_maand"] == "680.62"
    assert u["nieuw"]["werkgever_kosten_maand"] == "816.50"
    assert u["verschil"]["werkgever_kosten_maand"] == "135.88"
    assert {"werkgever_achteruit", "lks_plafond_bindend"} <= set(u["signalen"])


def test_lks_op_functieloon_neutraal_voor_werkgever_c():
    u = reken(VOORBEELD_C, werkgever="lks_op_functieloon")
    # base 18.00 × 36 × 52 / 12 = 2 808.00 per month; 0.4 × 2 808.00 × 1.08 × 36 / 36
    # = 1 213.056 → 1 213.06; 23.5 % = 285.0691 → 285.07
    assert u["nieuw"]["loonkostensubsidie_maand"] == "1213.06"
    assert u["nieuw"]["werkgeverslastenvergoeding_maand"] == "285.07"
    # 3 745.31 − 1 213.06 − 285.07 = 2 247.18 = today
    assert u["verschil"]["werkgever_kosten_maand"] == "0.00"
    assert "werkgever_achteruit" not in u["signalen"]


VOORBEELD_C_MINIMUMLOON = {**VOORBEELD_C, "loondispensatie_loonbasis": "minimumloon"}


def test_voorbeeld_c_loonbasis_minimumloon():
    """Case C, but today the loonwaarde is applied to the WML per hour (RULES §3.2, Wajong
    art. 2:20 and Besluit loondispensatie Wajong art. 3) instead of the functieloon 18.00."""
    u = reken(VOORBEELD_C_MINIMUMLOON)
    # 0.60 × 14.71 = 8.826 → 8.83 per hour
    assert stap(u, "huidig", "uurloon_dispensatie") == "8.83"
    # 8.83 × 36 × 52 / 12 = 8.83 × 156 = 1 377.48; × 1.08 = 1 487.6784 → 1 487.68
    assert u["huidig"]["loon_bruto_maand"] == "1377.48"
    assert u["huidig"]["loon_incl_vakantiebijslag_maand"] == "1487.68"
    # I = 1 487.68 / 21.75 = 68.3991 → 68.40
    assert stap(u, "huidig", "inkomen_per_dag") == "68.40"
    # W = 68.40 / 0.6 = 114.00 > G = 105.49: term 1 = 0.7 × 105.49 − 0.3 × 68.40 / 0.6 = 39.643,
    # term 2 = 114.00 − 68.40 = 45.60 → 45.60 per day; × 21.75 = 991.80
    assert stap(u, "huidig", "uitkering_per_dag") == "45.60"
    assert u["huidig"]["wajong_uitkering_maand"] == "991.80"
    # gross today 1 487.68 + 991.80 = 2 479.48; with LKS 3 032.64 + 0 (as case C): +553.16
    assert u["huidig"]["bruto_inkomen_maand"] == "2479.48"
    assert u["verschil"]["bruto_inkomen_maand"] == "553.16"
    # employer today 1 487.68 × 1.235 = 1 837.2848 → 1 837.28; with LKS 2 521.20 (case C):
    # +683.92, against +274.02 with the functieloon as basis
    assert u["huidig"]["werkgever_kosten_maand"] == "1837.28"
    assert u["nieuw"]["werkgever_kosten_maand"] == "2521.20"
    assert u["verschil"]["werkgever_kosten_maand"] == "683.92"
    # net today (2026): gross/yr 12 × 1 487.68 + 12 × 1.08 × 991.80 = 17 852.16 + 12 853.728
    #   = 30 705.888; box 1 35.75 % = 10 977.35496
    #   AHK 3 115 − 6.398 % × (30 705.888 − 29 736) = 3 052.94656576
    #   AK 996 + 31.009 % × (17 852.16 − 11 965) = 2 821.54944440; JHK 923
    #   tax 10 977.35496 − 6 797.49601016 = 4 179.85894984; net 26 526.02905 → 26 526.03
    assert u["huidig"]["netto_jaar"] == "26526.03"
    # net with LKS as case C: 36 391.68 − (13 010.0256 − 2 689.1695936 − 5 505.66026 − 923)
    #   = 32 499.4842536 → 32 499.48; per month 2 708.29 − 2 210.50 = +497.79
    assert u["nieuw"]["netto_jaar"] == "32499.48"
    assert u["verschil"]["netto_maand"] == "497.79"
    assert {"werkgever_achteruit", "functieloon_boven_wml"} <= set(u["signalen"])
    # the explanation names the basis that was used
    assert u["toelichting"]["invoer"]["loondispensatie_loonbasis"]["waarde"] == "minimumloon"
    keuze = next(k for k in u["toelichting"]["keuzes"] if k["naam"] == "loondispensatie_loonbasis")
    assert "minimumloon per uur" in keuze["keuze"]
    stap_uurloon = next(s for s in u["toelichting"]["huidig"] if s["naam"] == "uurloon_dispensatie")
    assert stap_uurloon["invoer"]["wml_uur"] == "€\u00a014,71"


def test_loonbasis_functieloon_is_de_standaard():
    # leaving the field out or writing "functieloon" gives exactly case C
    standaard = reken(VOORBEELD_C)
    expliciet = reken({**VOORBEELD_C, "loondispensatie_loonbasis": "functieloon"})
    assert standaard["huidig"] == expliciet["huidig"]
    assert standaard["huidig"]["loon_bruto_maand"] == "1684.80"  # 0.6 × 18.00 = 10.80
    keuze = next(
        k for k in standaard["toelichting"]["keuzes"] if k["naam"] == "loondispensatie_loonbasis"
    )
    assert "op het functieloon" in keuze["keuze"]
