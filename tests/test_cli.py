"""End-to-end tests of the console script ``wajong-conversie``.

Every test runs the real installed entry point in a subprocess, exactly as a user would, and
checks the contract of README.md and RULES §9: exact amounts, Dutch formatting, exit code 2
with a Dutch message per field for bad input (never a traceback), and no personal data in any
output.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

PROJECT = Path(__file__).resolve().parents[1]
VOORBEELDEN = PROJECT / "examples"
SCENARIOS = VOORBEELDEN / "scenarios"
SCRIPT = Path(sys.executable).parent / "wajong-conversie"
TIMEOUT = 60  # seconds per subprocess

NBSP = "\u00a0"  # Babel puts a non-breaking space between € and the number
BEDRAG = re.compile(r"^-?\d+\.\d{2}$")

pytestmark = pytest.mark.skipif(
    not SCRIPT.exists(),
    reason=f"console script {SCRIPT} not found; install the package in this venv "
    "(pip install -e .)",
)


# --- helpers ---------------------------------------------------------------------------------


def _omgeving(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "WAJONG_SJABLONEN"}
    env.update(extra)
    return env


def draai(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the console script; stdout/stderr decoded as UTF-8."""
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        cwd=PROJECT,
        env=env if env is not None else _omgeving(),
    )


def bereken_json(geval: Path, scenario: Path | None = None) -> dict[str, Any]:
    """``bereken --json``; asserts success and returns the parsed object."""
    args: list[str | Path] = ["bereken", geval, "--json"]
    if scenario is not None:
        args += ["--scenario", scenario]
    r = draai(*args)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    return json.loads(r.stdout)


def basisgeval() -> dict[str, Any]:
    """RULES §9 case A as a dict (a valid case to mutate)."""
    return json.loads((VOORBEELDEN / "geval_a.json").read_text(encoding="utf-8"))


def schrijf_json(pad: Path, data: Any) -> Path:
    pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return pad


def assert_gebruikersfout(r: subprocess.CompletedProcess, *verwacht: str) -> None:
    """Exit 2, nothing on stdout, every expected fragment on stderr, no traceback."""
    assert r.returncode == 2, (r.returncode, r.stdout[:500], r.stderr)
    assert r.stdout == ""
    assert "Traceback" not in r.stderr, r.stderr
    for stuk in verwacht:
        assert stuk in r.stderr, f"{stuk!r} not in stderr:\n{r.stderr}"


# --- valid cases, text mode ------------------------------------------------------------------


def test_tekst_geval_b_standaard():
    """Text mode of RULES §9 case B: Dutch amounts, the windfall flag, 'Waarom?' with sources."""
    r = draai("bereken", VOORBEELDEN / "geval_b.json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    uit = r.stdout
    for stuk in (
        f"€{NBSP}1.599,93",  # benefit today (GB binds)
        f"€{NBSP}2.426,61",  # gross income today
        f"€{NBSP}3.252,16",  # gross income with LKS, GB kept
        f"€{NBSP}825,98",  # LKS: 0.5 × 2 294.40 × 1.08 × 24 / 36 = 825.984
        f"€{NBSP}194,11",  # werkgeverslastenvergoeding: 0.235 × 825.98 = 194.1053
        f"+€{NBSP}825,55",  # gross increase
        "werknemer_buitenproportioneel",
        "garantiebedrag_bindend",
        "Waarom?",
        "Wajong art. 8:8",
        "Peildatum 1 maart 2026",
    ):
        assert stuk in uit, f"{stuk!r} missing from text output"


def test_tekst_verschil_met_harde_spatie():
    """Signed differences use the same non-breaking space as amounts ('+€\u00a0825,55')."""
    r = draai("bereken", VOORBEELDEN / "geval_b.json")
    assert r.returncode == 0, r.stderr
    assert f"+€{NBSP}825,55" in r.stdout
    assert f"+€{NBSP}692,40" in r.stdout
    assert f"-€{NBSP}0,54" in r.stdout  # employer: 1 020.41 − 1 020.95


def test_tekst_onafhankelijk_van_terminal():
    """Text output does not depend on terminal width, TERM, colour or locale variables."""
    geval = VOORBEELDEN / "geval_b.json"
    gewoon = draai("bereken", geval)
    assert gewoon.returncode == 0, gewoon.stderr
    for extra in (
        {"COLUMNS": "20", "LINES": "5", "TERM": "dumb", "NO_COLOR": "1"},
        {"COLUMNS": "300", "TERM": "xterm-256color", "FORCE_COLOR": "1", "CLICOLOR_FORCE": "1"},
        {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        {"LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8", "LANGUAGE": "en"},
    ):
        anders = draai("bereken", geval, env=_omgeving(**extra))
        assert anders.returncode == 0, (extra, anders.stderr)
        assert anders.stdout == gewoon.stdout, f"text output changes with {extra}"
    assert "\x1b[" not in gewoon.stdout  # no ANSI escape codes in piped output


# --- valid cases, JSON mode ------------------------------------------------------------------

SLEUTELS = ("huidig", "nieuw", "verschil", "signalen", "toelichting")


def assert_consistent(uit: dict[str, Any]) -> None:
    """Every amount has two decimals, and verschil == nieuw − huidig exactly."""
    for deel in ("huidig", "nieuw", "verschil"):
        for sleutel, waarde in uit[deel].items():
            if sleutel == "garantiebedrag_toegepast":
                assert isinstance(waarde, bool)
                continue
            if waarde == "niet berekend":  # household amounts without a household (issue 11)
                assert all(uit[d][sleutel] == waarde for d in ("huidig", "nieuw", "verschil"))
                continue
            assert isinstance(waarde, str) and BEDRAG.match(waarde), (deel, sleutel, waarde)
    assert set(uit["verschil"]) == set(uit["huidig"]) - {"garantiebedrag_toegepast"}
    for sleutel, waarde in uit["verschil"].items():
        if waarde == "niet berekend":
            continue
        verwacht = Decimal(uit["nieuw"][sleutel]) - Decimal(uit["huidig"][sleutel])
        assert Decimal(waarde) == verwacht, (sleutel, waarde, verwacht)


def test_json_geval_a():
    """RULES §9 case A to the cent in the JSON output."""
    uit = bereken_json(VOORBEELDEN / "geval_a.json")
    for sleutel in SLEUTELS:
        assert sleutel in uit
    h, n, v = uit["huidig"], uit["nieuw"], uit["verschil"]
    assert h["wajong_uitkering_maand"] == "1275.42"
    assert n["wajong_uitkering_maand"] == "449.57"
    # 0.5 × 2 294.40 × 1.08 × 24 / 36 = 825.984; 0.235 × 825.98 = 194.1053
    assert n["loonkostensubsidie_maand"] == "825.98"
    assert n["werkgeverslastenvergoeding_maand"] == "194.11"
    assert h["werkgever_kosten_maand"] == "1020.95"
    # 2 040.50 − 825.98 − 194.11
    assert n["werkgever_kosten_maand"] == "1020.41"
    assert h["netto_jaar"] == "21857.62"
    assert n["netto_jaar"] == "23954.03"
    assert v["netto_maand"] == "174.70"
    assert h["bruto_inkomen_maand"] == "2102.10"
    assert n["bruto_inkomen_maand"] == "2101.80"
    assert not {
        "werknemer_achteruit",
        "werkgever_achteruit",
        "werknemer_buitenproportioneel",
    } & set(uit["signalen"])
    assert uit["id"] == "voorbeeld-A"
    assert_consistent(uit)


@pytest.mark.parametrize(
    ("scenario", "verwacht", "signaal"),
    [
        pytest.param(
            "behouden",
            {
                ("nieuw", "bruto_inkomen_maand"): "3252.16",
                ("nieuw", "wajong_uitkering_maand"): "1599.93",
                ("verschil", "bruto_inkomen_maand"): "825.55",
                ("verschil", "netto_maand"): "692.40",
            },
            "werknemer_buitenproportioneel",
            id="behouden",
        ),
        pytest.param(
            "inkomensgarantie",
            {
                ("nieuw", "wajong_uitkering_maand"): "774.52",
                ("nieuw", "bruto_inkomen_maand"): "2426.75",
                ("verschil", "bruto_inkomen_maand"): "0.14",
                ("verschil", "netto_maand"): "179.22",
            },
            None,
            id="inkomensgarantie",
        ),
        pytest.param(
            "vervallen",
            {
                ("nieuw", "wajong_uitkering_maand"): "449.57",
                ("verschil", "bruto_inkomen_maand"): "-324.81",
                ("verschil", "netto_maand"): "-45.58",
            },
            "werknemer_achteruit",
            id="vervallen",
        ),
    ],
)
def test_json_geval_b_scenarios(scenario, verwacht, signaal):
    """RULES §9 case B under each garantiebedrag variant, to the cent, with its flag."""
    uit = bereken_json(VOORBEELDEN / "geval_b.json", SCENARIOS / f"{scenario}.toml")
    for sleutel in SLEUTELS:
        assert sleutel in uit
    # today is the same in every variant: the GB binds
    assert uit["huidig"]["wajong_uitkering_maand"] == "1599.93"
    assert uit["huidig"]["bruto_inkomen_maand"] == "2426.61"
    assert uit["huidig"]["netto_jaar"] == "24500.94"
    assert uit["scenario"]["garantiebedrag"] == scenario
    for (deel, sleutel), waarde in verwacht.items():
        assert uit[deel][sleutel] == waarde, (deel, sleutel)
    alarm = {"werknemer_achteruit", "werknemer_buitenproportioneel"}
    if signaal is None:
        assert not alarm & set(uit["signalen"])
    else:
        assert signaal in uit["signalen"]
        assert (alarm - {signaal}).isdisjoint(uit["signalen"])
    assert_consistent(uit)


def test_json_geval_b_standaard_is_behouden():
    """Without --scenario the law as it stands ('behouden') is used."""
    standaard = bereken_json(VOORBEELDEN / "geval_b.json")
    behouden = bereken_json(VOORBEELDEN / "geval_b.json", SCENARIOS / "behouden.toml")
    for deel in ("huidig", "nieuw", "verschil", "signalen"):
        assert standaard[deel] == behouden[deel]


def test_json_geval_c():
    """RULES §9 case C (TOML file, functieloon above WML): the employer pays more."""
    uit = bereken_json(VOORBEELDEN / "geval_c.toml")
    assert uit["huidig"]["werkgever_kosten_maand"] == "2247.18"
    # LKS 0.4 × 2 294.40 × 1.08 × 36 / 36 = 991.1808; 0.235 × 991.18 = 232.9273;
    # 3 745.31 − 991.18 − 232.93 = 2 521.20
    assert uit["nieuw"]["werkgever_kosten_maand"] == "2521.20"
    assert uit["verschil"]["werkgever_kosten_maand"] == "274.02"
    assert uit["nieuw"]["loonkostensubsidie_maand"] == "991.18"
    assert uit["nieuw"]["werkgeverslastenvergoeding_maand"] == "232.93"
    assert uit["huidig"]["wajong_uitkering_maand"] == "1213.00"
    assert uit["nieuw"]["wajong_uitkering_maand"] == "0.00"
    assert uit["verschil"]["netto_maand"] == "64.65"
    assert "werkgever_achteruit" in uit["signalen"]
    assert "functieloon_boven_wml" in uit["signalen"]
    assert_consistent(uit)


def test_json_geval_d():
    """RULES §9 case D (loonwaarde 25 %): the 70 % LKS cap binds, the employer pays more."""
    uit = bereken_json(VOORBEELDEN / "geval_d.toml")
    assert uit["huidig"]["werkgever_kosten_maand"] == "680.62"
    # LKS 0.70 × 2 294.40 × 1.08 × 32 / 36 = 1 541.8368; 0.235 × 1 541.84 = 362.3324;
    # 2 720.67 − 1 541.84 − 362.33 = 816.50
    assert uit["nieuw"]["werkgever_kosten_maand"] == "816.50"
    assert uit["verschil"]["werkgever_kosten_maand"] == "135.88"
    assert uit["nieuw"]["loonkostensubsidie_maand"] == "1541.84"
    assert uit["nieuw"]["werkgeverslastenvergoeding_maand"] == "362.33"
    assert uit["huidig"]["wajong_uitkering_maand"] == "1716.29"
    assert uit["nieuw"]["wajong_uitkering_maand"] == "63.95"
    assert "lks_plafond_bindend" in uit["signalen"]
    assert "werkgever_achteruit" in uit["signalen"]
    assert_consistent(uit)


# --- TOML and JSON case files ----------------------------------------------------------------

GEVAL_B_TOML_TEKST = """\
id = "voorbeeld-B"
peildatum = "2026-03-01"
geboortedatum = "1995-05-05"
regime = "wajong2010"
arbeidsvermogen = true
uren_per_week = 24
voltijd_uren_per_week = 38
functieloon_per_uur = "14.71"
loonwaarde = "0.50"
garantiebedrag_per_maand = "1600.00"
werkgeverslasten_percentage = "0.235"
"""

GEVAL_B_TOML_NATIVE = """\
# native TOML types: dates and floats instead of strings
id = "voorbeeld-B"
peildatum = 2026-03-01
geboortedatum = 1995-05-05
regime = "wajong2010"
arbeidsvermogen = true
uren_per_week = 24
voltijd_uren_per_week = 38.0
functieloon_per_uur = 14.71
loonwaarde = 0.50
garantiebedrag_per_maand = 1600.00
werkgeverslasten_percentage = 0.235
"""


@pytest.mark.parametrize(
    "toml_tekst",
    [
        pytest.param(GEVAL_B_TOML_TEKST, id="strings"),
        pytest.param(GEVAL_B_TOML_NATIVE, id="native-types"),
    ],
)
def test_toml_gelijk_aan_json(tmp_path, toml_tekst):
    """The same case written as JSON and as TOML gives the same computation."""
    als_json = schrijf_json(
        tmp_path / "geval.json", json.loads((VOORBEELDEN / "geval_b.json").read_text("utf-8"))
    )
    als_toml = tmp_path / "geval.toml"
    als_toml.write_text(toml_tekst, encoding="utf-8")
    uit_json = bereken_json(als_json)
    uit_toml = bereken_json(als_toml)
    for deel in ("huidig", "nieuw", "verschil", "signalen", "netto_verandering"):
        assert uit_toml[deel] == uit_json[deel], deel
    assert uit_toml["nieuw"]["bruto_inkomen_maand"] == "3252.16"
    if toml_tekst is GEVAL_B_TOML_TEKST:
        assert uit_toml == uit_json


def test_nederlandse_decimaalkomma(tmp_path):
    """A Dutch decimal comma ('14,71') is read as the same exact amount."""
    data = basisgeval()
    data["functieloon_per_uur"] = "14,71"
    data["loonwaarde"] = "0,5"
    uit = bereken_json(schrijf_json(tmp_path / "geval.json", data))
    assert uit["huidig"]["wajong_uitkering_maand"] == "1275.42"
    assert uit["verschil"]["netto_maand"] == "174.70"


# --- invalid input ---------------------------------------------------------------------------

WEG = object()  # marker: remove the field


def _met(**wijzig: Any) -> dict[str, Any]:
    data = basisgeval()
    for veld, waarde in wijzig.items():
        if waarde is WEG:
            data.pop(veld, None)
        else:
            data[veld] = waarde
    return data


# (file name, content: dict for JSON / str for raw text / None for "do not create", expected)
ONGELDIG = [
    pytest.param(
        "g.json",
        _met(loonwaarde=WEG),
        ["loonwaarde", "ontbreekt", "verplicht"],
        id="ontbrekend-veld",
    ),
    pytest.param(
        "g.json",
        _met(uren_per_week="abc"),
        ["uren_per_week", "'abc' is geen getal"],
        id="geen-getal",
    ),
    pytest.param(
        "g.json",
        _met(loonwaarde="0.8"),
        ["loonwaarde", "kan niet", "ten hoogste 0,75"],
        id="loonwaarde-te-hoog",
    ),
    pytest.param(
        "g.json", _met(loonwaarde=0), ["loonwaarde", "kan niet", "meer dan 0"], id="loonwaarde-nul"
    ),
    pytest.param(
        "g.json",
        _met(garantiebedrag_per_maand="-5.00"),
        ["garantiebedrag_per_maand", "niet negatief"],
        id="garantiebedrag-negatief",
    ),
    pytest.param(
        "g.json",
        _met(
            regime="wajong2015",
            arbeidsvermogen=False,
            loondispensatie_uitzondering=True,
            garantiebedrag_per_maand="100.00",
        ),
        ["garantiebedrag_per_maand", "alleen in de oude Wajong en de Wajong 2010"],
        id="garantiebedrag-wajong2015",
    ),
    pytest.param(
        "g.json",
        _met(regime="wajong2030"),
        ["regime", "onbekend", "owajong, wajong2010, wajong2015"],
        id="onbekend-regime",
    ),
    pytest.param(
        "g.json",
        _met(loondispensatie_loonbasis="cao"),
        [
            "loondispensatie_loonbasis: 'cao' is onbekend; toegestaan: functieloon, minimumloon",
        ],
        id="onbekende-loonbasis",
    ),
    pytest.param(
        "g.toml",
        'peildatum = 2026-03-01\ngeboortedatum = 1995-05-05\nregime = "wajong2010"\n'
        'arbeidsvermogen = true\nuren_per_week = 24\nfunctieloon_per_uur = "14.71"\n'
        'loonwaarde = "0.50"\ngarantiebedrag_per_maand = 0\n'
        'loondispensatie_loonbasis = "wml"\n',
        ["loondispensatie_loonbasis: 'wml' is onbekend; toegestaan: functieloon, minimumloon"],
        id="onbekende-loonbasis-toml",
    ),
    pytest.param(
        "g.json",
        _met(peildatum="2026-13-01"),
        ["peildatum", "geen datum", "JJJJ-MM-DD"],
        id="ongeldige-datum",
    ),
    pytest.param(
        "g.json",
        _met(peildatum="2031-01-01"),
        ["peildatum", "geen parameters bekend"],
        id="peildatum-zonder-parameters",
    ),
    pytest.param(
        "g.json",
        _met(geboortedatum="2010-01-01"),
        ["geboortedatum", "16 jaar", "van 18 jaar"],
        id="jonger-dan-18",
    ),
    pytest.param(
        "g.json",
        _met(functieloon_per_uur="10.00"),
        ["functieloon_per_uur", "minimumloon"],
        id="functieloon-onder-wml",
    ),
    pytest.param(
        "g.json", _met(uren_per_week=0), ["uren_per_week", "kan niet", "meer dan 0"], id="uren-nul"
    ),
    pytest.param(
        "g.json",
        _met(uren_per_week=61),
        ["uren_per_week", "kan niet", "ten hoogste 60"],
        id="uren-61",
    ),
    pytest.param(
        "g.json",
        {**_met(loonwaarde=WEG), "loonwaard": "0.50"},
        ["loonwaard:", "onbekend veld", "spelling"],
        id="onbekend-veld-typfout",
    ),
    pytest.param(
        "g.json",
        _met(arbeidsvermogen=False),
        ["loondispensatie_uitzondering", "alleen bij arbeidsvermogen"],
        id="geen-arbeidsvermogen-zonder-uitzondering",
    ),
    pytest.param(
        "g.json",
        _met(regime="wajong2015"),
        ["arbeidsvermogen", "Wajong 2015", "duurzaam geen arbeidsvermogen"],
        id="wajong2015-met-arbeidsvermogen",
    ),
    pytest.param(
        "g.json", '{"peildatum": "2026-03-01",', ["g.json", "geen geldige JSON"], id="geen-json"
    ),
    pytest.param("g.toml", "peildatum = \n", ["g.toml", "geen geldige TOML"], id="geen-toml"),
    pytest.param(
        "bestaat_niet.json", None, ["bestaat_niet.json", "bestaat niet"], id="bestand-bestaat-niet"
    ),
    pytest.param(
        "g.txt", json.dumps(basisgeval()), ["g.txt", ".json- of .toml-bestand"], id="txt-extensie"
    ),
    pytest.param("g.json", [basisgeval()], ["g.json", "verwacht één object"], id="json-array"),
]


@pytest.mark.parametrize(("bestandsnaam", "inhoud", "verwacht"), ONGELDIG)
def test_ongeldige_invoer(tmp_path, bestandsnaam, inhoud, verwacht):
    """Every kind of bad case gives exit 2, empty stdout and a Dutch message naming the field."""
    pad = tmp_path / bestandsnaam
    if isinstance(inhoud, str):
        pad.write_text(inhoud, encoding="utf-8")
    elif inhoud is not None:
        schrijf_json(pad, inhoud)
    r = draai("bereken", pad)
    assert_gebruikersfout(r, *verwacht)
    r_json = draai("bereken", pad, "--json")
    assert_gebruikersfout(r_json, *verwacht)


@pytest.mark.parametrize(
    ("scenario_tekst", "verwacht"),
    [
        pytest.param(
            'naam = "x"\nonzin = 1\n', ["onbekende sleutel", "onzin"], id="onbekende-sleutel"
        ),
        pytest.param(
            'garantiebedrag = "weg"\n',
            ["garantiebedrag", "'weg' is geen variant"],
            id="onbekende-variant",
        ),
        pytest.param(
            'garantiebedrag = "behouden\n', ["scenario.toml", "geen geldige TOML"], id="geen-toml"
        ),
        pytest.param(
            '[drempels]\nonbekend = "1"\n', ["[drempels]", "onbekend"], id="onbekende-drempel"
        ),
        pytest.param(
            '[lks]\nplafond = "abc"\n', ["lks.plafond", "geen getal"], id="plafond-geen-getal"
        ),
    ],
)
def test_ongeldig_scenario(tmp_path, scenario_tekst, verwacht):
    """A bad scenario file gives exit 2, empty stdout and a Dutch message naming the key."""
    pad = tmp_path / "scenario.toml"
    pad.write_text(scenario_tekst, encoding="utf-8")
    r = draai("bereken", VOORBEELDEN / "geval_b.json", "--scenario", pad, "--json")
    assert_gebruikersfout(r, *verwacht)


def test_scenario_bestaat_niet(tmp_path):
    """A missing scenario file is a user error, not a crash."""
    r = draai("bereken", VOORBEELDEN / "geval_b.json", "--scenario", tmp_path / "weg.toml")
    assert_gebruikersfout(r, "weg.toml", "bestaat niet")


@pytest.mark.parametrize(
    "scenario_tekst",
    [
        pytest.param(
            'garantiebedrag = ["behouden"]\n',
            id="variant-is-lijst",
        ),
        pytest.param(
            "werkgever = { a = 1 }\n",
            id="variant-is-tabel",
        ),
        pytest.param(
            '[lks]\nplafond = "1e999999999"\n',
            id="plafond-enorme-exponent",
        ),
    ],
)
def test_scenario_vreemde_waarden_geen_traceback(tmp_path, scenario_tekst):
    """Odd values in a scenario file are user errors (exit 2), never a traceback."""
    pad = tmp_path / "scenario.toml"
    pad.write_text(scenario_tekst, encoding="utf-8")
    r = draai("bereken", VOORBEELDEN / "geval_b.json", "--scenario", pad)
    assert_gebruikersfout(r)


@pytest.mark.parametrize("wat", ["geval", "scenario"])
def test_map_in_plaats_van_bestand(tmp_path, wat):
    """A directory given instead of a case or scenario file is a user error, not a crash."""
    map_ = tmp_path / "map.json"
    map_.mkdir()
    if wat == "geval":
        r = draai("bereken", map_)
    else:
        r = draai("bereken", VOORBEELDEN / "geval_b.json", "--scenario", map_)
    assert_gebruikersfout(r)


# --- personal data ---------------------------------------------------------------------------

NAAM = "Jan Jansen"
BSN = "123456782"


@pytest.mark.parametrize("json_modus", [False, True], ids=["tekst", "json"])
def test_persoonsgegevens_niet_in_uitvoer(tmp_path, json_modus):
    """naam and bsn are accepted extra fields but never printed (text or JSON)."""
    data = {**basisgeval(), "naam": NAAM, "bsn": BSN}
    pad = schrijf_json(tmp_path / "geval.json", data)
    args = ["bereken", pad] + (["--json"] if json_modus else [])
    r = draai(*args)
    assert r.returncode == 0, r.stderr
    for geheim in (NAAM, "Jansen", BSN):
        assert geheim not in r.stdout
        assert geheim not in r.stderr
    if json_modus:
        uit = json.loads(r.stdout)
        assert uit["huidig"]["wajong_uitkering_maand"] == "1275.42"  # still computed normally
    else:
        assert f"€{NBSP}1.275,42" in r.stdout


@pytest.mark.parametrize(
    "fout",
    [
        pytest.param({"uren_per_week": 0}, id="bereik"),
        pytest.param({"loonwaarde": "abc"}, id="geen-getal"),
        pytest.param({"loonwaard": "0.5"}, id="onbekend-veld"),
        pytest.param({"peildatum": "2031-01-01", "regime": "wajong2015"}, id="meerdere"),
    ],
)
@pytest.mark.parametrize("json_modus", [False, True], ids=["tekst", "json"])
def test_persoonsgegevens_niet_in_foutmelding(tmp_path, fout, json_modus):
    """Also when the case is invalid, the messages never contain naam or bsn."""
    data = {**basisgeval(), "naam": NAAM, "bsn": BSN, **fout}
    pad = schrijf_json(tmp_path / "geval.json", data)
    args = ["bereken", pad] + (["--json"] if json_modus else [])
    r = draai(*args)
    assert_gebruikersfout(r, "Het geval kan niet worden berekend")
    for geheim in (NAAM, "Jansen", BSN):
        assert geheim not in r.stderr
        assert geheim not in r.stdout


def test_persoonsgegevens_in_toml(tmp_path):
    """The same holds for a TOML case file."""
    tekst = GEVAL_B_TOML_TEKST + f'naam = "{NAAM}"\nbsn = "{BSN}"\n'
    pad = tmp_path / "geval.toml"
    pad.write_text(tekst, encoding="utf-8")
    for args in (["bereken", pad], ["bereken", pad, "--json"]):
        r = draai(*args)
        assert r.returncode == 0, r.stderr
        assert NAAM not in r.stdout + r.stderr
        assert BSN not in r.stdout + r.stderr


# --- demo ------------------------------------------------------------------------------------


def test_demo(tmp_path):
    """`demo` runs the example cohort under every example scenario, prints the headline
    numbers and where the report is, and writes all outputs."""
    uit = tmp_path / "demo"
    r = draai("demo", "--voorbeelden", VOORBEELDEN, "--uit", uit)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert str((uit / "rapport.html").resolve()) in r.stdout
    assert "Ingelezen: 2.000 rijen" in r.stdout
    samenvatting = json.loads((uit / "samenvatting.json").read_text(encoding="utf-8"))
    scenarios = list(SCENARIOS.glob("*.toml"))
    assert len(samenvatting["scenarios"]) == len(scenarios)
    assert samenvatting["aantal_ingelezen"] == (
        samenvatting["aantal_berekend"] + samenvatting["aantal_afgewezen"]
    )
    for naam in ("resultaten.csv", "resultaten.parquet", "overzicht.xlsx", "afgewezen.csv"):
        assert (uit / naam).stat().st_size > 0, naam


def test_demo_zonder_voorbeelden(tmp_path):
    """`demo` on an empty folder is a user error with a Dutch message."""
    r = draai("demo", "--voorbeelden", tmp_path, "--uit", tmp_path / "uit")
    assert_gebruikersfout(r, "geen voorbeeldcohort")


def test_onbevestigde_parameter_geeft_waarschuwing(tmp_path):
    """A calculation that uses a value marked 'controleren' (the WML of 1 July 2026) warns on
    stderr and in `waarschuwingen`, and still computes; the LKS keeps the January WML."""
    geval = json.loads((VOORBEELDEN / "geval_a.json").read_text(encoding="utf-8"))
    geval.update(peildatum="2026-08-01", functieloon_per_uur="14.99")
    pad = tmp_path / "augustus.json"
    pad.write_text(json.dumps(geval), encoding="utf-8")
    r = draai("bereken", pad, "--json")
    assert r.returncode == 0, r.stderr
    assert "Let op" in r.stderr and "wml_maand_21" in r.stderr
    uit = json.loads(r.stdout)
    assert any("1 juli 2026" in w for w in uit["waarschuwingen"])
    # 0.5 × 2 294.40 (1 January) × 1.08 × 24 / 36 = 825.984 → 825.98
    assert uit["nieuw"]["loonkostensubsidie_maand"] == "825.98"
    r = draai("bereken", VOORBEELDEN / "geval_a.json", "--json")
    assert json.loads(r.stdout)["waarschuwingen"] == [] and r.stderr == ""


def test_varianten_naast_elkaar_tekst_en_json():
    """`--scenario A --scenario B …` shows the variants side by side for one worker."""
    scenarios = [
        VOORBEELDEN / "scenarios" / f"{n}.toml"
        for n in ("behouden", "inkomensgarantie", "vervallen")
    ]
    args = ["bereken", VOORBEELDEN / "geval_b.json"]
    for s in scenarios:
        args += ["--scenario", s]
    r = draai(*args)
    assert r.returncode == 0, r.stderr
    for naam in ("Garantiebedrag behouden", "Inkomensgarantie", "Garantiebedrag vervalt"):
        assert naam in r.stdout
    # RULES §9 B: net +692.40 / +179.22 / −45.58 per month
    for bedrag in ("+€\u00a0692,40", "+€\u00a0179,22", "-€\u00a045,58"):
        assert bedrag in r.stdout
    r = draai(*args, "--json")
    uit = json.loads(r.stdout)
    assert [v["verschil"]["netto_maand"] for v in uit["varianten"]] == [
        "692.40",
        "179.22",
        "-45.58",
    ]


def test_pad_over_jaren_in_json_en_tekst():
    """`--jaren N` adds the path: per year the keys of `nieuw`, with assumptions named."""
    r = draai(
        "bereken",
        VOORBEELDEN / "geval_b.json",
        "--scenario",
        VOORBEELDEN / "scenarios" / "afbouw.toml",
        "--jaren",
        "5",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    pad = uit["pad"]
    assert len(pad) == 5
    assert set(uit["nieuw"]) <= set(pad[0])
    assert pad[0]["wajong_uitkering_maand"] == "774.52"  # year 0 = RULES §9 B inkomensgarantie
    assert pad[3]["aanvulling_uitkering_maand"] == "0.00"  # afbouw in 3 years: gone in year 3
    assert "aanname" in r.stderr  # 2027 and later use the last known parameters, said aloud
    r = draai("bereken", VOORBEELDEN / "geval_b.json", "--jaren", "3")
    assert "Overgang per jaar" in r.stdout and "1 maart 2028" in r.stdout


def test_verklaring_in_tekst():
    r = draai(
        "bereken",
        VOORBEELDEN / "geval_b.json",
        "--scenario",
        VOORBEELDEN / "scenarios" / "vervallen.toml",
    )
    assert "Waarom verandert het?" in r.stdout
    assert "Arbeidskorting (alleen over loon)" in r.stdout
    assert "-€\u00a0350,47" in r.stdout  # the garantiebedrag part of −45.58


@pytest.mark.parametrize("jaren", ["0", "41", "x"])
def test_ongeldig_aantal_jaren(jaren):
    r = draai("bereken", VOORBEELDEN / "geval_a.json", "--jaren", jaren)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr


def test_alle_fouten_tegelijk():
    """An unreadable field does not hide the range errors of the other fields; checks that
    depend on the unreadable field stay silent."""
    from wajong_conversie.validatie import Invoerfout, lees_en_controleer

    geval = json.loads((VOORBEELDEN / "geval_a.json").read_text(encoding="utf-8"))
    with pytest.raises(Invoerfout) as e:
        lees_en_controleer(
            {**geval, "peildatum": "", "loonwaarde": "0.9", "functieloon_per_uur": "1.00"}
        )
    velden = [f.veld for f in e.value.fouten]
    assert velden == ["peildatum", "loonwaarde"]  # functieloon's check needs the peildatum


def test_veel_onbevestigde_waarden_een_regel_met_het_aantal():
    """More than three unconfirmed values: one line on stderr with the count and where the
    list is, not a wall of warnings; the JSON keeps them all."""
    geval = VOORBEELDEN / "geval_e_huishouden.toml"
    alle = json.loads(draai("bereken", geval, "--json").stdout)["waarschuwingen"]
    assert len(alle) > 3
    r = draai("bereken", geval)
    assert r.returncode == 0
    regels = [r for r in r.stderr.splitlines() if r.startswith("Let op")]
    assert regels == [
        f"Let op: {len(alle)} bedragen of percentages die deze berekening gebruikt, zijn nog "
        "niet bevestigd in de officiële bron; de lijst staat in 'waarschuwingen' in de "
        "uitvoer van bereken --json."
    ]
