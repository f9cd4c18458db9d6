"""Single rules with hand-worked numbers: youth, the July WML, other income, DGA, hours above
full time, the tax brackets and credits. Arithmetic written out; 2026 parameters unless said."""

import numpy as np
from conftest import geval, reken
from test_voorbeelden import stap

from wajong_conversie import belasting, parameters
from wajong_conversie.spoor import Spoor


def test_jeugd_wml_grondslag_en_subsidie():
    # 20 years old on 2026-03-01. G = round(2 294.40 × 0.80 = 1 835.52) / 21.75 = 84.3917 → 84.39
    u = reken(
        geval(
            geboortedatum="2005-06-01",
            functieloon_per_uur="11.77",
            uren_per_week="20",
            loonwaarde="0.60",
        )
    )
    assert stap(u, "huidig", "wml_maand") == "1835.52"
    assert stap(u, "huidig", "grondslag_per_dag") == "84.39"
    # 0.6 × 11.77 = 7.062 → 7.06; × 20 × 52/12 = 611.8667 → 611.87; × 1.08 = 660.8196 → 660.82
    # Ia = 660.82 / 21.75 = 30.3825 → 30.38
    # max(0.7 × 84.39 − 0.3 × 30.38 / 0.6, 30.38/0.6 − 30.38) = max(43.883, 20.2533) → 43.88
    assert stap(u, "huidig", "uitkering_per_dag") == "43.88"
    assert u["huidig"]["wajong_uitkering_maand"] == "954.39"  # 43.88 × 21.75 = 954.39
    # LKS on the youth WML per month of 1 January (1 835.52, as above), hours against 36:
    # 0.4 × 1 835.52 = 734.208; × 1.08 = 792.94464; × 20 / 36 = 440.5248 → 440.52
    assert stap(u, "nieuw", "lks_basis_maand") == "1835.52"
    assert u["nieuw"]["loonkostensubsidie_maand"] == "440.52"
    assert "jeugd_wml" in u["signalen"]


def test_lks_gebruikt_het_minimumloon_van_1_januari():
    # Peildatum 2025-08-01: G follows the July WML (2 245.80 / 21.75 = 103.2552 → 103.26),
    # the LKS keeps the January WML per month 2 191.80 (art. 10d lid 7):
    # 0.5 × 2 191.80 = 1 095.90; × 1.08 = 1 183.572; × 24 / 36 = 789.048 → 789.05
    u = reken(
        geval(
            peildatum="2025-08-01",
            functieloon_per_uur="14.40",
            uren_per_week="24",
            loonwaarde="0.50",
        )
    )
    assert stap(u, "huidig", "grondslag_per_dag") == "103.26"
    assert stap(u, "nieuw", "lks_basis_maand") == "2191.80"
    assert u["nieuw"]["loonkostensubsidie_maand"] == "789.05"
    assert u["nieuw"]["werkgeverslastenvergoeding_maand"] == "185.43"  # 0.235 × 789.05 = 185.427


def test_overige_inkomsten_art_2_40_lid_4():
    # Case A + 300.00 other income: Io = 300 / 21.75 = 13.7931 → 13.79; I = 38.01 + 13.79 = 51.80
    # term 1: 73.843 − 15.204 − 0.7 × 13.79 = 48.986; term 2: 76.02 + 13.79 − 51.80 = 38.01
    # → 48.99 per day, × 21.75 = 1 065.5325 → 1 065.53
    u = reken(
        geval(
            functieloon_per_uur="14.71",
            uren_per_week="24",
            loonwaarde="0.50",
            overige_inkomsten_per_maand="300.00",
        )
    )
    assert stap(u, "huidig", "overige_per_dag") == "13.79"
    assert u["huidig"]["wajong_uitkering_maand"] == "1065.53"
    # new: 0.7 × (105.49 − (75.96 + 13.79)) = 11.018 → 11.02; × 21.75 = 239.685 → 239.69
    assert u["nieuw"]["wajong_uitkering_maand"] == "239.69"
    # gross income excludes the other income (RULES §7): 826.68 + 1 065.53
    assert u["huidig"]["bruto_inkomen_maand"] == "1892.21"


def test_dga_met_uitzondering_gebruikt_75_procent_zonder_cf():
    # 0.75 × (105.49 − 38.01) = 50.61 → × 21.75 = 1 100.7675 → 1 100.77
    # new: 0.75 × (105.49 − 75.96) = 22.1475 → 22.15 → 481.7625 → 481.76
    u = reken(
        geval(
            regime="owajong",
            arbeidsvermogen=False,
            loondispensatie_uitzondering=True,
            functieloon_per_uur="14.71",
            uren_per_week="24",
            loonwaarde="0.50",
        )
    )
    assert u["huidig"]["wajong_uitkering_maand"] == "1100.77"
    assert u["nieuw"]["wajong_uitkering_maand"] == "481.76"
    namen = [s["naam"] for s in u["toelichting"]["huidig"]]
    assert "uitkering_compensatie_per_dag" not in namen  # CF does not apply to DGA


def test_lks_uren_begrensd_op_voltijd():
    # 40 h with a 36-hour full-time week: the hours count up to 36, so
    # 0.5 × 2 294.40 × 1.08 × min(40, 36) / 36 = 1 238.976 → 1 238.98
    u = reken(
        geval(
            functieloon_per_uur="14.71",
            uren_per_week="40",
            loonwaarde="0.50",
            voltijd_uren_per_week="36",
        )
    )
    assert u["nieuw"]["loonkostensubsidie_maand"] == "1238.98"
    reden = next(s for s in u["signalen_toelichting"] if s["code"] == "werkgever_achteruit")
    assert any("volledige werkweek" in r for r in reden["redenen"])


def test_lks_naar_evenredigheid_van_36_uur():
    # Art. 10d lid 4: more than 36 hours (up to the full-time week of 38) raises the subsidy
    # in proportion: 0.5 × 2 294.40 × 1.08 × 38 / 36 = 1 238.976 × 38 / 36 = 1 307.808 → 1 307.81
    u = reken(geval(functieloon_per_uur="14.71", uren_per_week="38", loonwaarde="0.50"))
    assert u["nieuw"]["loonkostensubsidie_maand"] == "1307.81"
    # the 36 hours are a dated parameter with its source, listed in the explanation
    normuren = next(w for w in u["toelichting"]["parameters"] if w["naam"] == "normuren_per_week")
    assert normuren["waarde"] == "36" and "10d lid 4" in normuren["bron"]
    stap_lks = next(s for s in u["toelichting"]["nieuw"] if s["naam"] == "loonkostensubsidie_maand")
    assert "art. 10d lid 4" in stap_lks["bron"] and "art. 2" in stap_lks["bron"]
    assert stap_lks["invoer"]["normuren_per_week"] == "36"


def test_hoog_inkomen_drie_schijven_en_afbouw_kortingen():
    # LKS side: 40.00 × 40 × 52/12 = 6 933.33; × 1.08 = 7 487.9964 → 7 488.00; year 89 856.00
    # tax 38 883 × 35.75 % + 39 543 × 37.56 % + 11 430 × 49.50 % = 34 410.8733
    # AHK 3 115 − 6.398 % × 60 120 < 0 → 0; AK 5 685 − 6.51 % × 44 264 = 2 803.4136; JHK 923
    # net = 89 856 − (34 410.8733 − 3 726.4136) = 59 171.5403 → 59 171.54; / 12 = 4 930.96
    u = reken(
        geval(
            functieloon_per_uur="40.00",
            uren_per_week="40",
            voltijd_uren_per_week="40",
            loonwaarde="0.75",
        )
    )
    assert u["nieuw"]["wajong_uitkering_maand"] == "0.00"
    assert u["nieuw"]["netto_jaar"] == "59171.54"
    assert u["nieuw"]["netto_maand"] == "4930.96"
    assert stap(u, "nieuw", "algemene_heffingskorting_jaar") == "0.00"
    assert stap(u, "nieuw", "arbeidskorting_jaar") == "2803.41"


def test_heffingskortingen_niet_hoger_dan_de_belasting():
    # Only a benefit of 500.00 a month: gross 12 × 1.08 × 500 = 6 480; tax 35.75 % = 2 316.60;
    # credits 3 115 + 0 + 923 = 4 038 > tax → tax 0, net = gross.
    p = parameters.voor_datum(np.datetime64("2026-03-01").astype(object))
    s = Spoor()
    s["inkomen_maand"] = np.array([0], dtype=np.int64)
    s["uitkering_maand"] = np.array([50000], dtype=np.int64)
    belasting.netto(s, np.array([0], dtype=np.int64), p)
    assert s["box1_jaar"][0] == 231660
    assert s["heffingskortingen_jaar"][0] == 231660
    assert s["belasting_jaar"][0] == 0
    assert s["netto_jaar"][0] == 648000
    assert s["netto_maand"][0] == 54000


def test_belasting_2025_andere_tarieven():
    # Same monthly figures under 2025 rules: benefit 1 000.00, no wage.
    # gross 12 960; tax 35.82 % = 4 642.272; AHK 3 068 (below 28 406); JHK 909
    # tax after credits 665.272; net 12 294.728 → 12 294.73
    p = parameters.voor_datum(np.datetime64("2025-03-01").astype(object))
    s = Spoor()
    s["inkomen_maand"] = np.array([0], dtype=np.int64)
    s["uitkering_maand"] = np.array([100000], dtype=np.int64)
    belasting.netto(s, np.array([0], dtype=np.int64), p)
    assert s["netto_jaar"][0] == 1229473
