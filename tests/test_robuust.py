"""Issue 10, the input side: one rule for a value everywhere, and no crash on hostile input.

Reproducers are small files in ``tests/data/robuust/``. Expected verdicts follow the grammar
written down in ``wajong_conversie/getallen.py`` (worked out by hand below), never the code's
own output pasted back.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wajong_conversie import cli, cohortinvoer, getallen, tekstbestand, validatie
from wajong_conversie import scenario as scenariobron
from wajong_conversie.cohortinvoer import NODIG, ontleed
from wajong_conversie.validatie import Invoerfout, lees_en_controleer
from wajong_conversie.web import maak_app

PROJECT = Path(__file__).resolve().parents[1]
DATA = PROJECT / "tests" / "data" / "robuust"
VOORBEELDEN = PROJECT / "examples"
SCRIPT = Path(sys.executable).parent / "wajong-conversie"

# RULES §9 case A, every field as text (as a cohort row would hold it)
BASIS = {
    "id": "r",
    "peildatum": "2026-03-01",
    "geboortedatum": "1995-05-05",
    "regime": "wajong2010",
    "arbeidsvermogen": "true",
    "uren_per_week": "24",
    "voltijd_uren_per_week": "38",
    "functieloon_per_uur": "14.71",
    "loonwaarde": "0.50",
    "garantiebedrag_per_maand": "0",
    "overige_inkomsten_per_maand": "0",
    "werkgeverslasten_percentage": "0.235",
    "loondispensatie_uitzondering": "false",
}
KOLOM = {  # field → the Invoer column it becomes
    "uren_per_week": "uren",
    "functieloon_per_uur": "functieloon",
    "loonwaarde": "loonwaarde",
    "garantiebedrag_per_maand": "garantiebedrag",
    "geboortedatum": "geboortedatum",
}

# The tricky texts of the issue, with the verdict the grammar gives for an amount field
# (garantiebedrag_per_maand) — by hand: only ASCII digits with at most one separator and at
# most two decimals are numbers; three decimals are ambiguous.
LASTIG = {
    "2.4e1": "geen getal",
    "14.710": "dubbelzinnig",
    ".5": "geen getal",
    "1,600": "dubbelzinnig",
    "1.600": "dubbelzinnig",
    "1e-2": "geen getal",
    "1_6": "geen getal",
    "\u0661\u0666": "geen getal",  # Arabic-Indic 16
    "\uff11\uff16": "geen getal",  # full-width 16
    "2 4": "geen getal",
    "0x18": "geen getal",
    "20260301": None,  # a number, € 20 260 301: too large for the range check
    "2026-W09-7": "geen getal",
}


# --- helpers ---------------------------------------------------------------------------------


def _schrijf_csv(pad: Path, rijen: list[dict[str, str]]) -> Path:
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(BASIS))
        w.writeheader()
        w.writerows(rijen)
    return pad


def _cohort(pad: Path) -> dict[int, tuple[bool, dict, list[str]]]:
    """Row number → (accepted, engine values, reasons) as the cohort reader decides."""
    bron = cohortinvoer.open_bestand(pad)
    uit: dict[int, tuple[bool, dict, list[str]]] = {}
    for maak in bron.batches:
        nummers, posities, batch = maak()
        partij, afwijzingen = ontleed(nummers, posities, batch, None, bron.dubbele_ids())
        if partij is not None:
            for j, rij in enumerate(partij.rijen):
                waarden = {k: getattr(partij.invoer, k)[j] for k in KOLOM.values()}
                uit[int(rij)] = (True, waarden, [])
        for a in afwijzingen:
            uit[a.rij] = (False, {}, a.reden.split(" | "))
    return uit


def _bereken(record: dict[str, str]) -> tuple[bool, dict, list[str]]:
    """The verdict of ``bereken`` (the same reader and checks, in process)."""
    try:
        _, invoer = lees_en_controleer(record)
    except Invoerfout as e:
        return False, {}, [f.melding for f in e.fouten]
    return True, {k: getattr(invoer, k)[0] for k in KOLOM.values()}, []


def _gelijk(a: tuple[bool, dict, list[str]], b: tuple[bool, dict, list[str]]) -> None:
    assert a[0] == b[0], (a, b)
    assert sorted(a[2]) == sorted(b[2])
    for k in KOLOM.values():
        if a[0]:
            assert a[1][k] == b[1][k], (k, a, b)


# --- item 8: acceptance never depends on the other rows --------------------------------------

# texts Arrow's decimal conversion accepts but the grammar does not (and a few it does)
ARROW_RAND = [
    "5.",
    ".5",
    "-.5",
    "+.5",
    "0.",
    "1.5e1",
    "1E2",
    "1e-2",
    "1.600",
    "1.6000",
    "00",
    "+5",
    "-0",
    "0,5",
    "5,",
    ",5",
    "999999999",
    "1000000000",
    "999999999.99",
    "0000000000012",
    "1.5E+1",
    "1,5e1",
    "14,710",
    "-14,71",
]
_CIJFERS = st.text(alphabet="0123456789", min_size=0, max_size=11)
_GETALVORM = st.one_of(
    st.sampled_from(sorted(LASTIG)),
    st.sampled_from(ARROW_RAND),
    st.builds(
        lambda rand, teken, heel, scheiding, deel, exponent: (
            f"{rand}{teken}{heel}{scheiding}{deel}{exponent}{rand}"
        ),
        st.sampled_from(["", " ", "\u00a0", "\t"]),
        st.sampled_from(["", "", "+", "-", "\u2212"]),
        _CIJFERS,
        st.sampled_from(["", "", ".", ",", "_", " ", "..", ".,"]),
        st.text(alphabet="0123456789", min_size=0, max_size=7),
        st.sampled_from(["", "", "", "e1", "e-2", "E+3"]),
    ),
    st.text(alphabet="0123456789.,-+ e\u0661\uff11", max_size=8),
)
_DATUMVORM = st.one_of(
    st.sampled_from(
        [
            "1995-05-05",
            "19950505",
            "1995-W18-5",
            "1995-02-30",
            "0000-01-01",
            "x",
            "+995-05-05",
            "1995-5-05 ",
            "1995-05-5",
            "1995-05-05T00",
            "1995/05/05",
        ]
    ),
    st.dates().map(lambda d: d.isoformat()),
    st.text(alphabet="0123456789-+ /T", min_size=8, max_size=11),
)
_VELD_EN_TEKST = st.one_of(
    st.tuples(
        st.sampled_from(
            ["uren_per_week", "functieloon_per_uur", "loonwaarde", "garantiebedrag_per_maand"]
        ),
        _GETALVORM,
    ),
    st.tuples(st.just("geboortedatum"), _DATUMVORM),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    doel=_VELD_EN_TEKST,
    buren=st.lists(_GETALVORM, min_size=1, max_size=12),
    plek=st.integers(min_value=0, max_value=12),
)
def test_acceptatie_hangt_niet_af_van_andere_rijen(tmp_path_factory, doel, buren, plek):
    """A cell's verdict, value and message are the same alone in a file, among random
    neighbours (some invalid in the same column), and in ``bereken``."""
    veld, tekst = doel
    map_ = tmp_path_factory.mktemp("buren")
    eigen = {**BASIS, "id": "doel", veld: tekst}
    alleen = _cohort(_schrijf_csv(map_ / "alleen.csv", [eigen]))[2]
    rijen = [{**BASIS, "id": f"b{i}", veld: buur} for i, buur in enumerate(buren)]
    plek = min(plek, len(rijen))
    rijen.insert(plek, eigen)
    samen = _cohort(_schrijf_csv(map_ / "samen.csv", rijen))[plek + 2]
    _gelijk(alleen, samen)
    _gelijk(alleen, _bereken(eigen))


def test_acceptatie_ook_bij_een_groot_blok(tmp_path):
    """The old fast path changed per ~4 MB block: 40 000 valid rows with the texts of the
    issue in between still give each text its own verdict."""
    rijen = [{**BASIS, "id": f"g{i}", "garantiebedrag_per_maand": "12,5"} for i in range(40_000)]
    teksten = sorted(LASTIG) + ["1600", "1600,00", "14,71"]
    for i, t in enumerate(teksten):
        rijen[1000 * i + 7] = {**BASIS, "id": f"t{i}", "garantiebedrag_per_maand": t}
    uit = _cohort(_schrijf_csv(tmp_path / "groot.csv", rijen))
    for i, t in enumerate(teksten):
        _gelijk(uit[1000 * i + 9], _bereken({**BASIS, "garantiebedrag_per_maand": t}))
    assert uit[2][0] and uit[2][1]["garantiebedrag"] == 1250  # "12,5" = € 12,50


# --- items 8 and 9: bereken, cohort and the API give the same verdict and message ------------


@pytest.fixture(scope="module")
def api():
    return maak_app({"SECRET_KEY": "test"}).test_client()


def _cli_meldingen(tmp_path: Path, record: dict, capsys) -> tuple[int, str]:
    pad = tmp_path / "geval.json"
    pad.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code = cli.main(["bereken", str(pad), "--json"])
    uit = capsys.readouterr()
    return code, uit.err


@pytest.mark.parametrize("tekst", sorted(LASTIG))
def test_lastige_teksten_overal_hetzelfde(tmp_path, capsys, api, tekst):
    verwacht = LASTIG[tekst]
    record = {**BASIS, "garantiebedrag_per_maand": tekst}
    # bereken
    code, err = _cli_meldingen(tmp_path, record, capsys)
    assert code == 2 and "Traceback" not in err
    regel = next(r for r in err.splitlines() if "garantiebedrag_per_maand:" in r)
    melding = regel.split("garantiebedrag_per_maand: ", 1)[1]
    if verwacht:
        assert verwacht in melding
    else:  # a number, refused by the range check only
        assert "meer dan het minimumloon" in melding
    # cohort
    uit = _cohort(_schrijf_csv(tmp_path / "c.csv", [record]))
    assert uit[2][0] is False and uit[2][2] == [melding]
    # API
    r = api.post("/api/bereken", json=record)
    assert r.status_code == 422
    fouten = r.get_json()["fouten"]
    assert [f["melding"] for f in fouten if f["veld"] == "garantiebedrag_per_maand"] == [melding]


def test_lastige_teksten_in_een_echte_cohortrun_en_het_formulier(tmp_path, capsys):
    """The whole cohort run (afgewezen.csv) and the web form give the message of bereken."""
    import html as htmlmod
    import re

    from wajong_conversie.cohort import voer_uit
    from wajong_conversie.scenario import Scenario

    teksten = sorted(LASTIG)
    rijen = [{**BASIS, "id": f"t{i}", "garantiebedrag_per_maand": t} for i, t in enumerate(teksten)]
    rijen.append({**BASIS, "id": "goed"})  # one computable row (a run without one is item 1)
    voer_uit(_schrijf_csv(tmp_path / "c.csv", rijen), tmp_path / "uit", [Scenario()], xlsx=False)
    with (tmp_path / "uit" / "afgewezen.csv").open(encoding="utf-8", newline="") as f:
        reden = {r["id"]: r["reden"] for r in csv.DictReader(f)}
    client = maak_app({"SECRET_KEY": "test"}).test_client()
    pagina = client.get("/").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)
    for i, t in enumerate(teksten):
        _, _, meldingen = _bereken({**BASIS, "garantiebedrag_per_maand": t})
        assert reden[f"t{i}"] == meldingen[0]
        formulier = {**BASIS, "garantiebedrag_per_maand": t, "arbeidsvermogen": "ja"}
        formulier.pop("loondispensatie_uitzondering")
        r = client.post("/bereken", data={**formulier, "csrf": csrf, "scenario": "vandaag"})
        assert r.status_code == 422
        html = r.get_data(as_text=True)
        fout = html.split('id="fout-garantiebedrag_per_maand"')[1].split("</p>")[0]
        # a number's message is the same in the form (meldingen.FORMULIER has no variant)
        assert meldingen[0][:1].upper() + meldingen[0][1:] in htmlmod.unescape(fout)


def test_dubbelzinnig_bedrag_zegt_hoe_het_moet():
    """Item 9: '1.600' is € 1 600 in Dutch notation, € 1,60 in English: refused, with how
    to write it; a fraction with three decimals is not an amount and stays valid."""
    with pytest.raises(ValueError, match=r"dubbelzinnig.*bijvoorbeeld 1600 of 1600,00"):
        getallen.lees_getal("1.600", getallen.BEDRAG)
    with pytest.raises(ValueError, match=r"bijvoorbeeld 1600 of 1600,00"):
        getallen.lees_getal("1,600", getallen.BEDRAG)
    assert getallen.lees_getal("0.550", getallen.FRACTIE) == Decimal("0.55")
    assert getallen.lees_getal("1600,00", getallen.BEDRAG) == Decimal("1600")
    assert getallen.geschaald("14,71", getallen.BEDRAG) == 1471
    assert getallen.geschaald("-0,5", getallen.UREN) == -50
    # never 0,00 for a tiny exponent: no exponent is a number here
    with pytest.raises(ValueError, match="geen getal"):
        getallen.lees_getal("1e-1000030", getallen.BEDRAG)


@pytest.mark.parametrize(
    ("waarde", "geldig"),
    [
        ("24", True),
        (" +24,5 ", True),
        ("0000000001", True),  # leading zeros do not count towards the 9 digits
        ("999999999", True),
        ("1000000000", False),  # 10^9: too large
        ("24.", False),
        ("2,4,0", False),
        ("2.4,0", False),
        ("\u221224", False),  # a typographic minus
        (24, True),
        (True, False),
        (24.5, True),  # an Excel cell: repr 24.5
        (1e-05, False),  # repr '1e-05': an exponent
        (Decimal("24.50"), True),
        ([24], False),
    ],
)
def test_grammatica_getal(waarde, geldig):
    if geldig:
        getallen.lees_getal(waarde, getallen.UREN)
    else:
        with pytest.raises(ValueError):
            getallen.lees_getal(waarde, getallen.UREN)


@pytest.mark.parametrize(
    ("waarde", "geldig"),
    [
        ("2026-03-01", True),
        (" 2026-03-01 ", True),
        ("20260301", False),
        ("2026-W09-7", False),
        ("2026-3-1", False),
        ("2026-02-30", False),
        ("2026-03-01T00:00", False),
        (20260301, False),
    ],
)
def test_grammatica_datum(waarde, geldig):
    if geldig:
        getallen.lees_datum(waarde)
    else:
        with pytest.raises(ValueError, match="JJJJ-MM-DD"):
            getallen.lees_datum(waarde)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [("A-1", "A-1"), (17, "17"), (" x ", "x"), ({"a": 1}, None), ([1], None), (True, None)],
)
def test_id_tekst_of_heel_getal(waarde, verwacht):
    if verwacht is None:
        with pytest.raises(ValueError, match="tekst of een heel getal"):
            getallen.lees_id(waarde)
    else:
        assert getallen.lees_id(waarde) == verwacht


def test_id_object_geweigerd(capsys):
    code = cli.main(["bereken", str(DATA / "id_object.json")])
    assert code == 2 and "id: verwacht een tekst of een heel getal" in capsys.readouterr().err


# --- TOML numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        ("uren_hex.toml", "'0x24' (regel 7) is geen gewoon getal"),
        ("uren_streepje.toml", "'3_6' (regel 7) is geen gewoon getal"),
        ("uren_exponent.toml", "'3.6e1' is geen getal"),
    ],
)
def test_toml_getallen_volgen_de_grammatica(capsys, bestand, melding):
    code = cli.main(["bereken", str(DATA / bestand)])
    assert code == 2 and melding in capsys.readouterr().err


def test_toml_float_in_decimale_vorm_blijft_geldig(capsys):
    """`uren_per_week = 36.0` (a TOML float, written in decimal form) reads as 36 exactly."""
    code = cli.main(["bereken", str(DATA / "uren_float.toml"), "--json"])
    uit = json.loads(capsys.readouterr().out)
    assert code == 0 and "36" in json.dumps(uit["toelichting"]["invoer"], ensure_ascii=False)


def test_toml_tekens_in_strings_en_commentaar_tellen_niet():
    data = tekstbestand.toml_laden('a = "0x18 en 1_000" # 0o7 en 0b1\nb = 2026-03-01\nc = -5\n')
    assert data["a"] == "0x18 en 1_000" and data["c"] == -5


# --- item 3: huge numbers and deep nesting -------------------------------------------------------


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        ("exponent_groot.json", "'1e1000000' is geen getal"),
        ("exponent_klein.json", "'1e-1000030' is geen getal"),
        ("getal_5000_cijfers.json", "is te groot"),
        ("diep_genest.json", "geen geldige JSON: meer dan 50 lagen"),
        ("diep_genest.toml", "geen geldige TOML: meer dan 50 lagen"),
    ],
)
def test_grote_getallen_en_diepe_nesting_in_bereken(capsys, bestand, melding):
    code = cli.main(["bereken", str(DATA / bestand)])
    err = capsys.readouterr().err
    assert code == 2 and melding in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        ("scenario_diep.toml", "meer dan 50 lagen"),
        ("scenario_exponent.toml", "lks.plafond: '1e1000000' is geen getal"),
        ("scenario_5000_cijfers.toml", "is te groot"),
    ],
)
def test_grote_getallen_en_diepe_nesting_in_scenario(capsys, bestand, melding):
    code = cli.main(
        ["bereken", str(VOORBEELDEN / "geval_a.json"), "--scenario", str(DATA / bestand)]
    )
    assert code == 2 and melding in capsys.readouterr().err


@pytest.mark.parametrize(
    ("body", "status", "melding"),
    [
        ("[" * 1000 + "]" * 1000, 422, "meer dan 50 lagen"),
        ('{"case": ' * 60 + "{}" + "}" * 60, 422, "meer dan 50 lagen"),
        (
            (DATA / "getal_5000_cijfers.json").read_text(encoding="utf-8"),
            422,
            "is te groot",
        ),
        (
            (DATA / "exponent_groot.json").read_text(encoding="utf-8"),
            422,
            "'1e1000000' is geen getal",
        ),
        ('{"uren_per_week": 1e1000000}', 422, "'1e1000000' is geen getal"),
        ('{"uren_per_week": NaN}', 422, "'NaN' is geen getal"),
    ],
)
def test_api_422_en_geen_500(api, body, status, melding):
    r = api.post("/api/bereken", data=body, content_type="application/json")
    assert r.status_code == status
    assert any(melding in f["melding"] for f in r.get_json()["fouten"])


# --- item 4: ingangsdatum within the known parameters -----------------------------------------


@pytest.mark.parametrize("bestand", ["scenario_ingang_vroeg.toml", "scenario_ingang_laat.toml"])
def test_ingangsdatum_buiten_de_parameters(capsys, bestand):
    code = cli.main(
        [
            "bereken",
            str(VOORBEELDEN / "geval_a.json"),
            "--scenario",
            str(DATA / bestand),
            "--jaren",
            "3",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "ingangsdatum:" in err and "1 januari 2024 tot en met" in err


def test_ingangsdatum_grenzen():
    """From the first date with parameters up to 50 years after the last known ones."""
    begin, eind = scenariobron.ingangsdatum_grenzen()
    laatst_bekend = validatie.parameterbron.laad().bekend[1]
    assert begin == validatie.parameterbron.laad().bekend[0]
    assert eind.year == laatst_bekend.year + 50
    scenariobron.uit_dict({"ingangsdatum": eind})  # the bound itself is allowed
    with pytest.raises(scenariobron.ScenarioFout, match="ingangsdatum"):
        scenariobron.uit_dict({"ingangsdatum": "2020-01-01"})


def test_ingangsdatum_in_cohort_met_afbouw(tmp_path):
    """The cohort loads its scenarios through the same check: no GeenParameters later."""
    with pytest.raises(scenariobron.ScenarioFout, match="ingangsdatum"):
        scenariobron.laad(DATA / "scenario_ingang_vroeg.toml")


# --- item 7: what bereken opens ----------------------------------------------------------------


def test_dev_zero_en_fifo_en_te_groot(tmp_path, capsys):
    assert cli.main(["bereken", "/dev/zero"]) == 2
    assert ".json- of .toml-bestand" in capsys.readouterr().err
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    assert cli.main(["bereken", str(fifo)]) == 2  # returns at once, does not wait for a writer
    assert "geen gewoon bestand" in capsys.readouterr().err
    groot = tmp_path / "groot.json"
    groot.write_text('{"id": "' + "x" * (1 << 20) + '"}', encoding="utf-8")
    assert cli.main(["bereken", str(groot)]) == 2
    assert "groter dan 1 MB" in capsys.readouterr().err
    assert cli.main(["bereken", str(tmp_path)]) == 2  # a folder named like nothing
    assert "gebruik een .json- of .toml-bestand" in capsys.readouterr().err
    # the same checks for a scenario file
    geval = str(VOORBEELDEN / "geval_a.json")
    assert cli.main(["bereken", geval, "--scenario", "/dev/zero"]) == 2
    assert "gebruik een .toml-bestand" in capsys.readouterr().err
    os.mkfifo(tmp_path / "scenario.toml")
    assert cli.main(["bereken", geval, "--scenario", str(tmp_path / "scenario.toml")]) == 2
    assert "geen gewoon bestand" in capsys.readouterr().err


# --- item 10: duplicate keys --------------------------------------------------------------------


def test_dubbele_sleutel_geweigerd(capsys, api):
    assert cli.main(["bereken", str(DATA / "dubbele_sleutel.json")]) == 2
    assert "'uren_per_week' staat er meer dan één keer in" in capsys.readouterr().err
    body = (DATA / "dubbele_sleutel.json").read_text(encoding="utf-8")
    r = api.post("/api/bereken", data=body, content_type="application/json")
    assert r.status_code == 422
    assert "meer dan één keer" in r.get_json()["fouten"][0]["melding"]
    r = api.post("/api/bereken", data='{"jaren": 1, "jaren": 2}', content_type="application/json")
    assert r.status_code == 422


# --- item 11: implausible input --------------------------------------------------------------


def test_uren_boven_voltijd(capsys):
    """48 hours in a 20-hour full-time week: at most 1,5 × 20 = 30 hours."""
    assert cli.main(["bereken", str(DATA / "uren_boven_voltijd.json")]) == 2
    err = capsys.readouterr().err
    assert "48 uur per week past niet bij een voltijdweek van 20 uur" in err
    assert "1,5 × de voltijdweek (30 uur)" in err
    # 40 hours with the default 38 stays valid; 57 = 1,5 × 38 is the bound itself
    lees_en_controleer({**BASIS, "uren_per_week": "40"})
    lees_en_controleer({**BASIS, "uren_per_week": "57"})
    with pytest.raises(Invoerfout, match="past niet bij een voltijdweek"):
        lees_en_controleer({**BASIS, "uren_per_week": "57,01"})


def test_uren_boven_voltijd_ook_in_cohort(tmp_path):
    rijen = [
        {**BASIS, "id": "a", "uren_per_week": "48", "voltijd_uren_per_week": "20"},
        {**BASIS, "id": "b", "uren_per_week": "40"},
    ]
    uit = _cohort(_schrijf_csv(tmp_path / "c.csv", rijen))
    assert uit[2][0] is False and "past niet bij een voltijdweek van 20 uur" in uit[2][2][0]
    assert uit[3][0] is True


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        ("scenario_naam_lijst.toml", "naam: verwacht een tekst"),
        ("scenario_naam_tabel.toml", "naam: verwacht een tekst"),
        ("scenario_naam_leeg.toml", "naam: mag niet leeg zijn"),
        ("scenario_drempels_tegenstrijdig.toml", "kleiner zijn dan klasse_sterk_fractie"),
        ("scenario_drempel_negatief.toml", "mag niet negatief zijn"),
    ],
)
def test_onmogelijk_scenario(bestand, melding):
    with pytest.raises(scenariobron.ScenarioFout, match=melding):
        scenariobron.laad(DATA / bestand)


def test_gelijke_drempels_ook_tegenstrijdig():
    with pytest.raises(scenariobron.ScenarioFout, match="klasse_gelijk_fractie"):
        scenariobron.uit_dict(
            {"drempels": {"klasse_gelijk_fractie": "0.05", "klasse_sterk_fractie": "0.05"}}
        )


# --- item 17: every message Dutch ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "verwacht"),
    [
        ([], "dit ontbreekt: OPDRACHT"),
        (["bereken"], "dit ontbreekt: GEVAL"),
        (["bereken", "x.json", "--jaren", "abc"], "--jaren: 'abc' is geen heel getal"),
        (["bereken", "x.json", "--onzin"], "onbekend: --onzin"),
        (["brief", "x.json", "--aan", "baas", "--uit", "b.pdf"], "kies uit 'werknemer'"),
        (["cohort", "x.csv", "--uit", "u", "--peildatum", "20260301"], "is geen datum"),
        (["bereken", "x.json", "--scenario"], "hier hoort één waarde achter"),
    ],
)
def test_argparse_in_het_nederlands(capsys, args, verwacht):
    with pytest.raises(SystemExit) as e:
        cli.main(args)
    err = capsys.readouterr().err
    assert e.value.code == 2 and verwacht in err and err.startswith("gebruik: ")
    for engels in ("usage", "error", "required", "invalid", "expected", "unrecognized"):
        assert engels not in err


def test_hulptekst_in_het_nederlands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["bereken", "--help"])
    uit = capsys.readouterr().out
    assert uit.startswith("gebruik: ") and "opties:" in uit and "toon deze hulp en stop" in uit
    assert "show this help" not in uit and "positional arguments" not in uit


@pytest.mark.parametrize(
    ("bestand", "verwacht"),
    [
        ("engels_json.json", "geen geldige JSON: hier hoort een waarde"),
        ("engels_toml.toml", "geen geldige TOML: ongeldige waarde"),
    ],
)
def test_json_en_toml_fouten_in_het_nederlands(capsys, bestand, verwacht):
    assert cli.main(["bereken", str(DATA / bestand)]) == 2
    err = capsys.readouterr().err
    assert verwacht in err and "(regel 1" in err
    assert "Expecting" not in err and "Invalid" not in err


def test_api_utf8_fout_in_het_nederlands(api):
    r = api.post("/api/bereken", data=b'{"id": "\xff"}', content_type="application/json")
    melding = r.get_json()["fouten"][0]["melding"]
    assert r.status_code == 400 and "geen UTF-8" in melding and "codec" not in melding


# --- item 6 (one case): output ------------------------------------------------------------------


def _brief_geval(tmp_path: Path) -> Path:
    geval = json.loads((VOORBEELDEN / "geval_a.json").read_text(encoding="utf-8"))
    geval.update(naam="A. Voorbeeld", straat="Straat 1", postcode="1234 AB", woonplaats="Ergens")
    pad = tmp_path / "geval.json"
    pad.write_text(json.dumps(geval), encoding="utf-8")
    return pad


def test_brief_in_een_map_die_niet_bestaat(tmp_path, capsys):
    doel = tmp_path / "weg" / "brief.html"
    code = cli.main(
        ["brief", str(_brief_geval(tmp_path)), "--aan", "werknemer", "--uit", str(doel)]
    )
    err = capsys.readouterr().err
    assert code == 2 and f"--uit: de map {doel.parent} bestaat niet" in err
    assert not doel.parent.exists()


def test_brief_wordt_heel_geschreven(tmp_path, capsys):
    uit = tmp_path / "brief.html"
    code = cli.main(
        ["brief", str(_brief_geval(tmp_path)), "--aan", "werknemer", "--uit", str(uit)]
        + ["--datum", "2026-02-02"]  # before the change on the peildatum 1-3-2026
    )
    assert code == 0 and uit.read_text(encoding="utf-8").rstrip().endswith("</html>")
    # no temporary file left behind
    assert {p.name for p in tmp_path.iterdir()} == {"brief.html", "geval.json"}


def test_schrijf_heel_laat_niets_half_achter(tmp_path, monkeypatch):
    """A full disk during the write: the target is absent and no temporary file stays."""

    class Vol:
        def __init__(self, fd, modus):
            self.f = open(fd, modus)

        def __enter__(self):
            return self

        def __exit__(self, *fout):
            self.f.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Vol)
    with pytest.raises(cli.Gebruikersfout, match="de schijf is vol"):
        cli.schrijf_heel(tmp_path / "brief.html", b"<html></html>")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")
def test_uitvoer_gesloten_of_vol():
    """`bereken … | head -1` (the reader closes) and `> /dev/full`: no traceback."""
    p = subprocess.Popen(
        [str(SCRIPT), "bereken", str(VOORBEELDEN / "geval_b.json"), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    p.stdout.close()  # the reader is gone before anything is written
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 141 and "Traceback" not in err and "Exception" not in err
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as vol:
            r = subprocess.run(
                [str(SCRIPT), "bereken", str(VOORBEELDEN / "geval_b.json")],
                stdout=vol,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
        assert r.returncode == 2 and "de schijf is vol" in r.stderr
        assert "Traceback" not in r.stderr and "Exception" not in r.stderr


def test_ctrl_c_geeft_130_en_een_korte_regel(monkeypatch, capsys):
    def onderbroken(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "cmd_bereken", onderbroken)
    code = cli.main(["bereken", str(VOORBEELDEN / "geval_a.json")])
    err = capsys.readouterr().err
    assert code == 130 and "Afgebroken" in err and "KeyboardInterrupt" not in err


# --- the columns -------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", [getallen.BEDRAG, getallen.UREN, getallen.FRACTIE])
def test_beide_wegen_van_de_kolom_geven_hetzelfde(soort):
    """The column check on its own (each text alone: the fast decimal path when it converts)
    and among a bad neighbour (the regex path) agrees with the single-case reader."""
    for tekst in ARROW_RAND + sorted(LASTIG):
        try:
            verwacht = (True, getallen.geschaald(tekst, soort))
        except ValueError:
            verwacht = (False, None)
        for kolom in (pa.array([tekst]), pa.array([tekst, "x_x"])):
            waarde, geldig = cohortinvoer._getal(kolom, soort, np.zeros(len(kolom), bool))
            assert bool(geldig[0]) == verwacht[0], (tekst, soort.naam, len(kolom))
            if verwacht[0]:
                assert int(waarde[0]) == verwacht[1], (tekst, soort.naam)


def test_cohort_getal_kolom_rechtstreeks():
    """The vectorised check on one column: valid texts become exact integers."""
    kolom = pa.array(["14,71", "0014.7", "+5", "1.600", "2.4e1", "", "999999999.99"])
    leeg = np.array([False, False, False, False, False, True, False])
    waarde, geldig = cohortinvoer._getal(kolom, getallen.BEDRAG, leeg)
    assert geldig.tolist() == [True, True, True, False, False, True, True]
    assert waarde[[0, 1, 2, 6]].tolist() == [1471, 1470, 500, 99999999999]
    assert NODIG >= {"uren_per_week", "garantiebedrag_per_maand"}


def test_vorm_uit_de_buffers_ook_voor_een_deel_van_een_kolom():
    """The shape check reads Arrow's buffers: right for a slice (offset) and large strings."""
    deel = pa.array(["xx", "1.5", "-2", "3e1", "", "+.5", "12.345"]).slice(1)
    exponent, plek, lengte, teken = cohortinvoer._vorm(deel)
    assert exponent.tolist() == [False, False, True, False, False, False]
    assert plek.tolist() == [1, -1, -1, -1, 1, 2]
    assert lengte.tolist() == [3, 2, 3, 0, 3, 6]
    assert teken.tolist() == [False, True, False, False, True, False]
    groot = cohortinvoer._vorm(pa.array(["1.5", "-2"], type=pa.large_string()))
    assert groot[1].tolist() == [1, -1] and groot[3].tolist() == [False, True]
