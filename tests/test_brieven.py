"""Letters: the person's own amounts in Dutch, the right paragraphs per outcome, safe with any
input, readable (B1), and the same HTML as PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html.parser import HTMLParser

import jinja2
import pytest
from conftest import geval

from wajong_conversie import briefbatch, brieven, sjablonen
from wajong_conversie.scenario import Scenario, uit_dict

NBSP = "\u00a0"
# the letters' date: before the change on the peildatum of the RULES §9 cases (1 maart 2026)
DATUM = dt.date(2026, 2, 2)
ADRES = {
    "id": "W001",
    "naam": "Anna de Vries",
    "straat": "Lindelaan 4",
    "postcode": "3521 BB",
    "woonplaats": "Utrecht",
    "bsn": "123456782",
    "werkgever_id": "E9",
    "werkgever_naam": "Groen & Co",
    "werkgever_straat": "Industrieweg 10",
    "werkgever_postcode": "3542 AD",
    "werkgever_plaats": "Utrecht",
}
# RULES §9 cases with an address
A = {**geval(functieloon_per_uur="14.71", uren_per_week="24", loonwaarde="0.50"), **ADRES}
B = {**A, "garantiebedrag_per_maand": "1600.00"}
C = {**geval(functieloon_per_uur="18.00", uren_per_week="36", loonwaarde="0.60"), **ADRES}
D = {**geval(functieloon_per_uur="14.71", uren_per_week="32", loonwaarde="0.25"), **ADRES}

VARIANTEN = {
    "behouden": Scenario(),
    "vervallen": Scenario(garantiebedrag="vervallen"),
    "inkomensgarantie": Scenario(garantiebedrag="inkomensgarantie"),
    "afbouw": Scenario(garantiebedrag="afbouw", afbouw_jaren=3),
    "lks_op_functieloon": Scenario(werkgever="lks_op_functieloon"),
    "compensatie": Scenario(werkgever="compensatie", compensatie_jaren=2),
    "beschikking": uit_dict(
        {"brief": {"beschikking": True, "grondslag": "artikel 2:40 van de Wajong"}}
    ),
}


class Tekst(HTMLParser):
    """Visible text of <main>, with paragraphs and list items apart and tables left out."""

    def __init__(self):
        super().__init__()
        self.delen: list[str] = []
        self.in_main = self.in_tabel = 0

    def handle_starttag(self, tag, attrs):
        self.in_main += tag == "main"
        self.in_tabel += tag == "table"
        if tag in ("p", "li", "h1", "h2", "dd", "dt"):
            self.delen.append("\n")

    def handle_endtag(self, tag):
        self.in_main -= tag == "main"
        self.in_tabel -= tag == "table"

    def handle_data(self, data):
        if self.in_main and not self.in_tabel:
            self.delen.append(data)


def zichtbaar(html: str) -> str:
    t = Tekst()
    t.feed(html)
    return re.sub(r"[ \t\u00a0]+", " ", "".join(t.delen))


def brief(record, aan="werknemer", scenario=None) -> str:
    return brieven.brief_voor_geval(record, scenario or Scenario(), aan, DATUM)


def pdf_tekst(html: str) -> str:
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(brieven.naar_pdf(html)))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in lezer.pages)).replace(NBSP, " ")


# --- own amounts and the right paragraphs -----------------------------------------------------


def test_werknemer_b_vervallen_gaat_omlaag_pdf():
    """RULES §9 B without garantiebedrag: net −45,58, gross −324,81 (in the PDF text)."""
    tekst = pdf_tekst(brief(B, scenario=VARIANTEN["vervallen"]))
    for stuk in (
        "€ 1.599,93",
        "€ 449,57",
        "\u2212€ 324,81",  # a real minus sign
        "\u2212€ 45,58",
        "€ 2.041,75",
        "€ 1.996,17",
        "Uw netto inkomen gaat dan omlaag met € 45,58 per maand. "
        "Dat komt doordat uw garantiebedrag stopt",
        "Uw garantiebedrag stopt op 1 maart 2026",
        "Wat verandert er?",
        "Wat betekent dit voor u?",
        "Waarom verandert uw netto inkomen?",
        "Wat moet u doen?",
        "Hebt u vragen?",
        "2 februari 2026",
        "1 maart 2026",
        "Deze brief is geen besluit",
        "*****6782",
    ):
        assert stuk in tekst, stuk
    assert "123456782" not in tekst  # the BSN is never printed in full
    assert not re.search(r"\{\{|\}\}|\{%|%\}", tekst)


def test_werknemer_b_behouden_stijgt_sterk_door_garantiebedrag():
    tekst = zichtbaar(brief(B, scenario=VARIANTEN["behouden"]))
    assert "Uw netto inkomen gaat dan veel omhoog: € 692,40 per maand" in tekst
    assert "Uw garantiebedrag blijft" in tekst
    assert "én uw garantiebedrag houdt" in tekst
    # the arbeidskorting is not one of the three largest causes here: no "Daarom …" about it
    assert "Daarom houdt u netto meer over" not in tekst


def test_werknemer_b_inkomensgarantie_en_afbouw():
    ig = zichtbaar(brief(B, scenario=VARIANTEN["inkomensgarantie"]))
    assert "persoonlijke toeslag" in ig and "even hoog als nu" in ig
    assert "Uw netto inkomen gaat dan omhoog met € 179,22 per maand" in ig
    af = zichtbaar(brief(B, scenario=VARIANTEN["afbouw"]))
    assert "Na 3 jaar is hij weg" in af


def test_werknemer_a_inkomensgarantie_zonder_garantiebedrag():
    # RULES §6: case A has no garantiebedrag but would lose 0.02 gross per day (96.65 → 96.63);
    # the supplement makes the benefit 20.69 per day = 450.01 per month (449.57 + 0.44).
    ig = zichtbaar(brief(A, scenario=VARIANTEN["inkomensgarantie"]))
    assert "garantiebedrag van" not in ig
    assert "Daarom krijgt u een persoonlijke toeslag" in ig
    assert "minstens even hoog als nu" in ig
    af = zichtbaar(brief(A, scenario=VARIANTEN["afbouw"]))
    assert "persoonlijke toeslag" in af and "Na 3 jaar is hij weg" in af
    # under behouden there is no supplement, so no such sentence
    assert "persoonlijke toeslag" not in zichtbaar(brief(A))


def test_werknemer_a_stijgt_door_arbeidskorting():
    html = brief(A)
    tekst = zichtbaar(html)
    assert "Uw netto inkomen gaat dan omhoog met € 174,70 per maand" in tekst
    assert "arbeidskorting" in tekst and "Over een uitkering krijgt u die korting niet" in tekst
    assert "garantiebedrag van" not in tekst  # no garantiebedrag paragraph without one
    assert f"€{NBSP}1.275,42" in html and f"+€{NBSP}174,70" in html and "\u2212€" in html


def test_loonbasis_minimumloon_in_beide_brieven():
    # RULES §9 C on the WML (test_voorbeelden): employer +683.92 instead of +274.02
    c_wml = {**C, "loondispensatie_loonbasis": "minimumloon"}
    werknemer = zichtbaar(brief(c_wml))
    zin = "Uw lagere loon van nu is berekend op het minimumloon, niet op het loon voor uw functie."
    assert zin in werknemer
    werkgever = zichtbaar(brief(c_wml, "werkgever"))
    assert "Voor deze werknemer is het lagere loon van nu berekend op het minimumloon" in werkgever
    assert "U gaat dan € 683,92 per maand meer betalen voor deze werknemer" in werkgever
    # with the default basis neither letter says it
    assert "berekend op het minimumloon" not in zichtbaar(brief(C))
    assert "berekend op het minimumloon" not in zichtbaar(brief(C, "werkgever"))


def test_werkgever_c_betaalt_meer_met_reden():
    tekst = zichtbaar(brief(C, "werkgever"))
    # 2 521.20 − 2 247.18 (LKS 0.4 × 2 294.40 × 1.08 = 991.18, vergoeding 232.93)
    assert "U gaat dan € 274,02 per maand meer betalen voor deze werknemer" in tekst
    assert "het loon voor de functie hoger dan het minimumloon" in tekst
    assert "Geachte directie van Groen & Co," in tekst


def test_werkgever_compensatie_en_lks_op_functieloon():
    comp = zichtbaar(brief(C, "werkgever", VARIANTEN["compensatie"]))
    assert "krijgt u dat verschil 2 jaar vergoed" in comp
    assert "Die vergoeding is € 274,02 per maand" in comp and "Na 2 jaar stopt zij" in comp
    functie = zichtbaar(brief(C, "werkgever", VARIANTEN["lks_op_functieloon"]))
    assert "over het loon voor de functie" in functie
    assert "Uw kosten blijven dan ongeveer gelijk. Het verschil is € 0,00 per maand." in functie


def test_werkgever_d_plafond():
    tekst = pdf_tekst(brief(D, "werkgever"))
    # 816.50 − 680.62 (LKS 0.70 × 2 294.40 × 1.08 × 32 / 36 = 1 541.84, vergoeding 362.33)
    assert "€ 135,88" in tekst and "70%" in tekst


def test_beschikking_met_bezwaarclausule():
    tekst = zichtbaar(brief(B, scenario=VARIANTEN["beschikking"]))
    assert "Dit is een besluit" in tekst and "artikel 2:40 van de Wajong" in tekst
    assert "binnen 6 weken" in tekst and "artikel 6:7" in tekst
    assert "geen besluit" not in tekst
    assert "geen besluit" in zichtbaar(brief(B))


@pytest.mark.parametrize("variant", sorted(VARIANTEN))
@pytest.mark.parametrize("aan", ["werknemer", "werkgever"])
@pytest.mark.parametrize("record", [A, B, C, D], ids="ABCD")
def test_elke_variant_rendert_zonder_sjabloonresten(variant, aan, record):
    html = brief(record, aan, VARIANTEN[variant])
    assert not re.search(r"\{\{|\}\}|\{%|%\}|\{#", html)
    assert '<html lang="nl">' in html and "<h1>" in html and "<th scope=" in html
    assert "Hebt u vragen?" in html


# --- readability (B1) --------------------------------------------------------------------------

AMBTELIJK = (
    "middels",
    "onderhavig",
    "ingevolge",
    "teneinde",
    "derhalve",
    "dientengevolge",
    "alsmede",
    "voornoemd",
    "desalniettemin",
    "terzake",
    "inzake",
    "omtrent",
    "ten behoeve van",
    "doch",
    "aangaande",
    "hieromtrent",
)


def zinnen(tekst: str) -> list[list[str]]:
    uit = []
    for zin in re.split(r"(?<=[.!?:])\s+|\n+", tekst):
        woorden = re.findall(r"[\w€'’-]+", zin)
        if woorden:
            uit.append(woorden)
    return uit


@pytest.mark.parametrize("variant", sorted(VARIANTEN))
@pytest.mark.parametrize("aan", ["werknemer", "werkgever"])
def test_leesbaarheid_korte_zinnen_en_geen_ambtelijke_woorden(variant, aan):
    for record in (A, B, C, D):
        tekst = zichtbaar(brief(record, aan, VARIANTEN[variant]))
        z = zinnen(tekst)
        gemiddeld = sum(len(w) for w in z) / len(z)
        assert gemiddeld <= 15, (variant, aan, round(gemiddeld, 1))
        assert max(len(w) for w in z) <= 30, max(z, key=len)
        klein = tekst.lower()
        gevonden = [w for w in AMBTELIJK if re.search(rf"\b{w}\b", klein)]
        assert not gevonden, gevonden


# --- safety ------------------------------------------------------------------------------------


def test_naam_met_html_en_bijzondere_tekens_blijft_tekst():
    record = {**B, "naam": "<script>alert(1)</script>", "werkgever_naam": "Ömer & Zoë B.V."}
    html = brief(record)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    wg = brief(record, "werkgever")
    assert "Ömer &amp; Zoë B.V." in wg
    tekst = pdf_tekst(html)
    assert "<script>alert(1)</script>" in tekst  # shown as text
    assert "Ömer & Zoë B.V." in pdf_tekst(wg)


@pytest.mark.parametrize("veld", ["naam", "straat", "postcode", "woonplaats"])
def test_ontbrekend_adres_noemt_het_veld(veld):
    with pytest.raises(brieven.BriefFout, match=veld):
        brief({**A, veld: ""})


def test_ontbrekend_werkgeversadres_noemt_het_veld():
    with pytest.raises(brieven.BriefFout, match="werkgever_postcode"):
        brief({**A, "werkgever_postcode": " "}, "werkgever")


def test_ongeldig_bsn_elfproef_en_nooit_in_de_melding():
    with pytest.raises(brieven.BriefFout, match="elfproef") as e:
        brief({**A, "bsn": "123456789"})
    assert "123456789" not in str(e.value)
    assert brieven.bsn_kort("") is None
    assert brieven.bsn_kort("123456782") == "*****6782"


def test_ontbrekende_waarde_in_sjabloon_is_een_fout():
    """StrictUndefined: a missing value stops the letter with the name of the value."""
    with pytest.raises(jinja2.UndefinedError, match="aanhef"):
        sjablonen.render(
            "brieven/werknemer.html.j2",
            afzender=brieven.afzender(),
            adres=brieven.Adres("a", "b", "c", "d"),
            brief={
                "datum": "x",
                "kenmerk": "y",
                "bsn": None,
                "onderwerp": "z",
                "beschikking": False,
                "grondslag": "",
            },
        )


# --- a whole cohort ------------------------------------------------------------------------------


def test_brieven_voor_een_cohort(tmp_path):
    rijen = [
        {**A, "id": "W1", "naam": "Een"},
        {**B, "id": "W2", "naam": "Twee", "werkgever_id": "E9"},
        {**C, "id": "W3", "naam": "Drie", "werkgever_id": "E7", "werkgever_naam": "Ander"},
        {**A, "id": "W4", "naam": "", "bsn": ""},  # no name: no worker letter
        {**A, "id": "W5", "loonwaarde": "0.9"},  # the calculation refuses
        {**A, "id": "W6"},
        {**A, "id": "W6"},  # duplicate id
    ]
    pad = tmp_path / "cohort.csv"
    velden = list(rijen[0])
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=velden)
        w.writeheader()
        w.writerows(rijen)
    klaar, niet = briefbatch.maak(briefbatch.lees_rijen(pad), Scenario(), DATUM)
    briefbatch.schrijf(klaar, niet, tmp_path / "uit", "html")
    bestanden = sorted(p.name for p in (tmp_path / "uit").iterdir())
    assert "werknemer_W1.html" in bestanden and "werknemer_W4.html" not in bestanden
    assert "werkgever_E9.html" in bestanden and "werkgever_E7.html" in bestanden
    assert "index.html" in bestanden and "niet_gemaakt.csv" in bestanden
    for naam in bestanden:  # file names from ids, never from names or BSNs
        assert "Een" not in naam and "6782" not in naam
    e9 = (tmp_path / "uit" / "werkgever_E9.html").read_text(encoding="utf-8")
    # one letter for all E9 workers; W4 has no name of its own but is still the employer's
    assert "Een" in e9 and "Twee" in e9 and "werknemer W4" in e9 and "Drie" not in e9
    assert "3 werknemers" in e9
    niet_gemaakt = (tmp_path / "uit" / "niet_gemaakt.csv").read_text(encoding="utf-8")
    assert "W4" in niet_gemaakt and "de naam ontbreekt" in niet_gemaakt
    assert "W5" in niet_gemaakt and "loonwaarde" in niet_gemaakt
    assert niet_gemaakt.count("komt meer dan één keer voor") == 2
    assert "123456782" not in niet_gemaakt


def test_pdf_in_draden_dezelfde_brieven_als_na_elkaar(tmp_path, monkeypatch):
    """Letters made by several threads at once (each its own Typst compiler) are byte for byte
    the letters one thread makes, each in its own file (with a fixed creation time)."""
    from pypdf import PdfReader

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")

    rijen = [
        (2 + i, {**(A if i % 2 else B), "id": f"W{i}", "naam": f"Naam{i} Achternaam"})
        for i in range(6)
    ]
    klaar, niet = briefbatch.maak(rijen, Scenario(), DATUM)
    briefbatch.schrijf(klaar, niet, tmp_path / "een", "pdf", draden=1)
    briefbatch.schrijf(klaar, niet, tmp_path / "drie", "pdf", draden=3)
    for b in klaar:
        een = (tmp_path / "een" / f"{b.bestand}.pdf").read_bytes()
        assert een == (tmp_path / "drie" / f"{b.bestand}.pdf").read_bytes()
        if b.soort == "werknemer":
            naam = f"Naam{b.sleutel[1:]} Achternaam"
            assert naam in PdfReader(io.BytesIO(een)).pages[0].extract_text()
            assert b"/CreationDate(D:20251201000000Z)" in een  # 1764547200 s after 1970


def test_brieven_pdf_op_de_opdrachtregel(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "wajong-conversie"
    g = tmp_path / "geval.json"
    g.write_text(json.dumps(B), encoding="utf-8")
    opdracht = [str(script), "brief", str(g), "--aan", "werknemer", "--uit"]
    # dated today (after the peildatum 1 maart 2026, the date of the change): refused
    r = subprocess.run(
        [*opdracht, str(tmp_path / "brief.pdf")], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "de wijziging gaat in op 1 maart 2026 (de peildatum" in r.stderr
    assert "een ingangsdatum in het scenario (bijvoorbeeld ingangsdatum = " in r.stderr
    assert not (tmp_path / "brief.pdf").exists()
    r = subprocess.run(
        [*opdracht, str(tmp_path / "brief.pdf"), "--datum", "2026-02-02"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    g.write_text(json.dumps({**B, "naam": ""}), encoding="utf-8")
    r = subprocess.run(
        [*opdracht, str(tmp_path / "x.pdf"), "--datum", "2026-02-02"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2 and "naam" in r.stderr and "Traceback" not in r.stderr


# --- issue 12: date, amounts that match the table, the path, groups, decisions, input -----------

MIN = "\u2212"
BEDRAG = re.compile(r"[+\u2212-]?€[ \u00a0]?\d{1,3}(?:\.\d{3})*,\d{2}")
INGANG_2027 = dt.date(2027, 1, 1)
BESLUIT = uit_dict(
    {
        "ingangsdatum": INGANG_2027,
        "brief": {"beschikking": True, "grondslag": "artikel 2:20 van de Wajong"},
    }
)


class Tabellen(HTMLParser):
    """The amounts in the letter's tables (absolute, as '€ 1.234,56')."""

    def __init__(self):
        super().__init__()
        self.in_tabel = 0
        self.bedragen: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.in_tabel += tag == "table"

    def handle_endtag(self, tag):
        self.in_tabel -= tag == "table"

    def handle_data(self, data):
        if self.in_tabel:
            self.bedragen.update(_kaal(b) for b in BEDRAG.findall(data))


def _kaal(bedrag: str) -> str:
    return "€ " + re.sub(r"^[+\u2212-]?€[ \u00a0]?", "", bedrag)


# Amounts the text may name that are not in a table, each with the words that explain it
UITGELEGD = (
    re.compile(r"(€ [\d.,]+) per uur"),  # the hourly wage of the job
    re.compile(r"garantiebedrag van (€ [\d.,]+) per maand"),  # from the worker's UWV letter
    re.compile(r"Dat is (€ [\d.,]+) (?:minder|meer) dan het garantiebedrag"),  # per-day rounding
)


def onverklaarde_bedragen(html: str, tekst: str) -> list[str]:
    t = Tabellen()
    t.feed(html)
    tekst = tekst.replace(NBSP, " ")
    uitgelegd = {m.group(1) for p in UITGELEGD for m in p.finditer(tekst)}
    return [
        b for b in map(_kaal, BEDRAG.findall(tekst)) if b not in t.bedragen and b not in uitgelegd
    ]


ALLE = {**VARIANTEN, "besluit": BESLUIT}


@pytest.mark.parametrize("variant", sorted(ALLE))
@pytest.mark.parametrize("aan", ["werknemer", "werkgever"])
@pytest.mark.parametrize("record", [A, B, C, D], ids="ABCD")
def test_elk_bedrag_in_de_tekst_staat_in_een_tabel_of_is_uitgelegd(variant, aan, record):
    html = brief(record, aan, ALLE[variant])
    assert onverklaarde_bedragen(html, zichtbaar(html)) == []
    # never a "minstens" claim about an amount: only "minstens even hoog" (the supplement) and
    # the 75 % of the minimum wage are allowed
    for m in re.finditer(r"minstens ([^.]*)", zichtbaar(html)):
        assert m.group(1).startswith(("even hoog", "75%")), m.group(0)


@pytest.mark.parametrize("variant", sorted(ALLE))
@pytest.mark.parametrize("aan", ["werknemer", "werkgever"])
def test_pdf_datum_van_de_wijziging_en_bedragen(variant, aan):
    """In the PDF text: the date of the change in the first lines and in the table header,
    and every amount in a table or explained."""
    html = brief(B if aan == "werknemer" else C, aan, ALLE[variant])
    tekst = pdf_tekst(html)
    ingang = "1 januari 2027" if variant == "besluit" else "1 maart 2026"
    begin = tekst.split("Wat verandert er?")[0]
    assert f"anaf {ingang}" in begin  # "Vanaf …" / "vanaf …" before the first heading
    assert re.search(f"Nu Vanaf {ingang} ?Verschil", tekst)  # the table header
    assert onverklaarde_bedragen(html, tekst) == []
    assert "Straks" not in tekst


def test_b_garantiebedrag_geen_minstens_maar_de_afronding_per_dag():
    # garantiebedrag 1 600,00 per month; paid per day and rounded: 1 599,93 (RULES §9 B)
    tekst = zichtbaar(brief(B))
    assert "minstens € 1.600,00" not in tekst
    assert "Door het garantiebedrag is uw uitkering nu € 1.599,93 per maand" in tekst
    assert "Dat is € 0,07 minder dan het garantiebedrag" in tekst  # 1 600,00 − 1 599,93
    assert "per dag berekent en afrondt" in tekst


def test_uitleg_volgt_de_verklaring_en_de_richting():
    # B vervallen: net −45,58; the benefit falls more than the wage rises
    tekst = zichtbaar(brief(B, scenario=VARIANTEN["vervallen"]))
    assert "omlaag met € 45,58" in tekst
    assert "houdt u netto meer over" not in tekst  # never against the direction
    waarom = tekst.split("Waarom verandert uw netto inkomen?")[1]
    eerste = waarom.split("oorzaken:")[1].strip().split("\n")[0]  # the largest part first
    assert "uitkering" in eerste.lower(), eerste


def test_afbouw_zegt_het_jaar_waarin_het_omslaat():
    # RULES §6 afbouw over 3 years for B: +179,22 in year 0, −39,29 from year 4 (issue 12)
    tekst = zichtbaar(brief(B, scenario=VARIANTEN["afbouw"]))
    assert "omhoog met € 179,22" in tekst
    assert "Vanaf 1 maart 2029 is uw netto inkomen € 39,29 per maand lager" in tekst
    assert tekst.index("€ 39,29") < tekst.index("Wat verandert er?")  # in the first lines


def test_compensatie_zegt_wanneer_de_werkgever_meer_gaat_betalen():
    tekst = zichtbaar(brief(C, "werkgever", VARIANTEN["compensatie"]))
    assert "Het verschil is € 0,00 per maand" in tekst  # compensated in years 0 and 1
    m = re.search(r"Vanaf (1 maart 2028) betaalt u (€ [\d.,]+) per maand meer dan nu", tekst)
    assert m, tekst
    # the same amount as the path of `bereken --jaren` for year 2 (another code path)
    from wajong_conversie.cli import reken_geval

    pad = reken_geval(C, VARIANTEN["compensatie"], 3)["pad"]
    assert pad[2]["peildatum"] == "2028-03-01"
    assert m.group(2) == "€ " + pad[2]["vergelijking"]["verschil"][
        "werkgever_kosten_maand"
    ].replace(".", ",")


def test_jonger_dan_21_hoort_wanneer_het_minimumloon_stijgt():
    jong = {**A, "geboortedatum": "2007-06-01", "functieloon_per_uur": "12.00"}
    tekst = zichtbaar(brief(jong))
    assert "U bent jonger dan 21 jaar. Op 1 juni 2028 wordt u 21." in tekst  # 2007 + 21
    assert "Uw netto inkomen per maand in de komende jaren" in brief(jong)


def test_uitkering_die_nul_wordt_stopt():
    # loonwaarde 20 %, 36 h × € 18,00: the full wage ≥ the grondslag, so the benefit is € 0,00
    x = {**C, "loonwaarde": "0.20"}
    tekst = zichtbaar(brief(x))
    assert "Uw Wajong-uitkering stopt." in tekst
    assert "Uw recht op Wajong blijft wel bestaan" in tekst
    assert "jonggehandicaptenkorting" in tekst
    assert "wordt uw Wajong-uitkering lager" not in tekst


def _cohort(tmp_path, rijen):
    pad = tmp_path / "cohort.csv"
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rijen[0]))
        w.writeheader()
        w.writerows(rijen)
    return briefbatch.maak(briefbatch.lees_rijen(pad), Scenario(), DATUM)


def test_werkgever_met_meer_werknemers_totalen_per_groep(tmp_path):
    # C +274,02 and D +135,88 cost more (hand calculations above); A with 10 % employer charges
    # costs less (the 23,5 % vergoeding is more than the 10 % premiums); two workers share a name
    minder = {**A, "werkgeverslasten_percentage": "0.10"}
    rijen = [
        {**C, "id": "W1", "naam": "Sam Jansen"},
        {**D, "id": "W2", "naam": "Sam Jansen"},
        {**minder, "id": "W3", "naam": "Kim"},
    ]
    klaar, niet = _cohort(tmp_path, rijen)
    assert niet == []
    [wg] = [b for b in klaar if b.soort == "werkgever"]
    tekst = zichtbaar(wg.html)
    assert "Voor 2 van uw 3 werknemers gaat u meer betalen: samen € 409,90 per maand" in tekst
    m = re.search(r"Voor 1 gaat u minder betalen: samen (€ [\d.,]+) per maand", tekst)
    assert m, tekst
    minder_bedrag = int(m.group(1)[2:].replace(".", "").replace(",", ""))
    netto = 40990 - minder_bedrag
    assert f"Alles bij elkaar betaalt u € {netto // 100},{netto % 100:02d} per maand meer" in tekst
    # a compact table: one row per worker with the reference, subtotals per group, no bullets
    assert wg.html.count("<li>") == 0
    assert '<td class="ref">W1</td>' in wg.html and '<td class="ref">W2</td>' in wg.html
    assert "Samen: meer kosten (2 werknemers)" in wg.html and "Totaal (3 werknemers)" in wg.html
    assert 'class="subtotaal"' in wg.html


def test_besluit_werknemer_en_werkgever():
    wn = zichtbaar(brief(B, scenario=BESLUIT))
    assert "Wij hebben besloten: vanaf 1 januari 2027 stopt de loondispensatie" in wn
    assert "op grond van artikel 2:20 van de Wajong" in wn
    assert "Bent u het niet eens met dit besluit? Maak dan bezwaar" in wn  # its own heading
    assert "binnen 6 weken" in wn and "artikel 6:7 van de Algemene wet bestuursrecht" in wn
    assert "Postbus" in wn.split("Maak dan bezwaar")[1] and "DigiD" in wn
    for fout in ("U hoeft nu niets te doen", "loonstrook", "geen besluit"):
        assert fout not in wn
    html = brief(C, "werkgever", BESLUIT)
    wg = zichtbaar(html)
    # LKS 0,40 × WML per month 2 338,20 (1 July 2026, the last known on 1 January 2027) × 1,08
    # × 36/36 = 1 010,1024 → € 1.010,10
    assert "u krijgt vanaf 1 januari 2027 loonkostensubsidie voor 1 werknemer" in wg
    assert "samen € 1.010,10 per maand" in wg
    assert (
        "artikel 10d van de Participatiewet" in wg
        and "Wajong" not in wg.split("op grond van")[1][:40]
    )
    assert "jci1.3:c:BWBR0015703&amp;artikel=10d" in html
    assert "eHerkenning" in wg and "U hoeft nu niets te doen" not in wg


def test_invoer_wordt_schoongemaakt():
    vies = {
        **B,
        "naam": "Anna\x00 de\x07 Vries\u202e\u2066",
        "straat": "Linde\u202dlaan 4\x1b",
        "werkgever_naam": "Groen\x85 & Co\u2069",
    }
    html = brief(vies)
    for teken in ("\x00", "\x07", "\u202e", "\u2066", "\u202d", "\x1b"):
        assert teken not in html
    assert "Anna de Vries" in html and "Lindelaan 4" not in html and "Linde laan 4" in html
    tekst = pdf_tekst(html)
    assert "Anna de Vries" in tekst
    assert "Groen & Co" in zichtbaar(brief(vies, "werkgever"))


def test_lange_naam_breekt_af_in_de_pdf():
    from pypdf import PdfReader

    lang = "Wolfeschlegelsteinhausenbergerdorff" * 4
    html = brief({**B, "naam": lang})
    lezer = PdfReader(io.BytesIO(brieven.naar_pdf(html)))
    tekst = lezer.pages[0].extract_text().replace("\n", "")
    assert lang in tekst  # all of it is on the page, wrapped
    assert "overflow-wrap: anywhere" in html


@pytest.mark.parametrize("waarde", ["12345678A", "1234S6782", "123456782x", "١٢٣٤٥٦٧٨٢"])
def test_bsn_met_een_letter_is_ongeldig(waarde):
    with pytest.raises(brieven.BriefFout, match="alleen cijfers"):
        brieven.bsn_kort(waarde)
    assert brieven.bsn_kort("123 456 782") == "*****6782"  # spaces may separate digits


def test_kenmerk_verschilt_bij_ids_die_alleen_in_leestekens_verschillen():
    k = {brieven.kenmerk(s, DATUM) for s in ("W-1", "W.1", "W1", "W/1", "W 1")}
    assert len(k) == 5
    assert all(re.fullmatch(r"WC/2026/[A-Za-z0-9_-]+", x) for x in k)


def test_meerdere_ontbrekende_velden_in_goed_nederlands():
    with pytest.raises(brieven.BriefFout) as e:
        brief({**A, "postcode": "", "woonplaats": ""})
    assert "de postcode en de woonplaats ontbreken" in str(e.value)
    with pytest.raises(brieven.BriefFout) as e:
        brief({**A, "postcode": ""})
    assert "de postcode ontbreekt" in str(e.value)


def test_uit_in_een_map_die_niet_bestaat(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "wajong-conversie"
    g = tmp_path / "geval.json"
    g.write_text(json.dumps(B), encoding="utf-8")
    for opdracht in (
        ["brief", str(g), "--aan", "werknemer", "--uit", str(tmp_path / "nee" / "b.pdf")],
        ["brieven", "examples/cohort.csv", "--uit", str(tmp_path / "nee" / "map")],
    ):
        r = subprocess.run([str(script), *opdracht], capture_output=True, text=True, timeout=120)
        assert r.returncode == 2, r.stderr
        assert "bestaat niet" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "nee").exists()


def test_pdf_structuur_kopcellen_met_scope_en_ids_die_bestaan():
    import pdfboom

    boom = pdfboom.lees(brieven.naar_pdf(brief(B, scenario=VARIANTEN["afbouw"])))
    elementen, ids = boom.elementen, boom.ids
    soorten = [str(e["/S"]) for e in elementen]
    th = [e for e in elementen if e["/S"] == "/TH"]
    td = [e for e in elementen if e["/S"] == "/TD"]
    assert th and td
    assert all(pdfboom.attribuut(e, "/Scope") in ("/Column", "/Row") for e in th)
    assert any(pdfboom.attribuut(e, "/Scope") == "/Column" for e in th)
    verwezen = [str(k) for cel in td for k in pdfboom.attribuut(cel, "/Headers") or []]
    assert verwezen and all(k in ids and ids[k]["/S"] == "/TH" for k in verwezen)
    # the three amount tables (now, the parts of the change, the years), each with its caption
    assert soorten.count("/Table") == soorten.count("/Caption") == 3
    # Datum/Kenmerk/BSN: one list of three items, each a label and a body (not Divs)
    assert "/L" not in [s for s, n in zip(soorten, soorten[1:], strict=False) if n == "/Div"]
    eerste_lijst = soorten.index("/L")
    assert soorten[eerste_lijst + 1 : eerste_lijst + 4] == ["/LI", "/Lbl", "/Strong"]
    assert soorten.count("/H1") == 1 and soorten.index("/H1") < soorten.index("/H2")
    assert str(boom.wortel["/Lang"]) == "nl-NL" and boom.wortel["/MarkInfo"]["/Marked"]
    assert boom.wortel["/ViewerPreferences"]["/DisplayDocTitle"]


def test_geen_verborgen_kop_en_wij_niet_we():
    for aan in ("werknemer", "werkgever"):
        for variant in ALLE.values():
            html = brief(B, aan, variant)
            assert "onzichtbaar" not in html
            assert not re.search(r"\b[Ww]e\b", zichtbaar(html))


def test_pdf_spaties_tussen_woorden_en_regels_blijven():
    """briefpdf reads the HTML back as a browser would: a run of whitespace is one space, also
    between inline elements; the lines of a pre-line block stay lines."""
    from pypdf import PdfReader

    html = (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<title>t</title>\n</head>\n<body>\n<main>\n'
        '<h1 id="kop">Kop</h1>\n<p>  <strong>Vet</strong> <a href="https://uwv.nl">link</a> en\n'
        "<strong>nog</strong>  <strong>eens</strong> </p>\n<p>Samen €\u00a01.234,56.</p>\n"
        '<address class="adres">Naam \n  Straat 1\n1234 AB Plaats</address>\n</main>\n</body>\n'
        "</html>"
    )
    tekst = PdfReader(io.BytesIO(brieven.naar_pdf(html))).pages[0].extract_text()
    assert "Vet link en nog eens" in tekst
    assert "Samen €\u00a01.234,56." in tekst  # a no-break space is no HTML whitespace
    assert "Naam\nStraat 1\n1234 AB Plaats" in tekst


@pytest.mark.parametrize(
    "naam",
    [
        '#set text(fill: red) Jan" + "x',
        "Piet ] #strong[vet] [",
        "Klaas \\ \\u{41} *ster* _laag_ $x^2$",
        "Els <label> @ref // geen commentaar /* ook niet */",
        "= Geen kop",
        "- geen lijst + ook niet",
    ],
)
def test_pdf_naam_met_typst_tekens_blijft_tekst(naam):
    """Everything in a name is text in the PDF: nothing is read as Typst markup or code."""
    tekst = pdf_tekst(brief({**B, "naam": naam}))
    assert f"Beste {naam}," in tekst or f"{naam}" in tekst.split("Datum")[0]
    assert naam in tekst


def test_pdf_onbekend_element_wordt_geweigerd():
    """An element the letters do not use has no rule in briefpdf: refused, never dropped."""
    from wajong_conversie import briefpdf

    html = '<html lang="nl"><head><title>t</title></head><body><main><h1>K</h1>'
    with pytest.raises(briefpdf.OnbekendElement, match="<img>"):
        briefpdf.naar_typst(html + '<p>a <img src="x.png"></p></main></body></html>')
    with pytest.raises(briefpdf.OnbekendElement, match="class=nieuw"):
        briefpdf.naar_typst(html + '<p class="nieuw">a</p></main></body></html>')
    with pytest.raises(briefpdf.OnbekendElement, match="<span class=x>"):
        briefpdf.naar_typst(html + '<p>a <span class="x">b</span></p></main></body></html>')


def test_kenmerk_in_de_lopende_tekst_breekt_niet_af():
    """ "Noem dan het kenmerk WC/2026/W001-…": in HTML and PDF one unbreakable piece (a line
    could otherwise end after its hyphen)."""
    from wajong_conversie import briefpdf

    html = brief(B)
    kenmerk = re.search(r"WC/2026/W001-[A-Za-z0-9_-]+", html).group()
    assert f'het kenmerk <span class="heel">{kenmerk}</span>' in html
    assert ".heel { white-space: nowrap; }" in html
    assert f'het kenmerk "#box[#"{kenmerk}"]#"' in briefpdf.naar_typst(html)
    assert f"Noem dan het kenmerk {kenmerk}." in pdf_tekst(html)


def test_pdf_bijschrift_en_kop_nooit_alleen_onderaan_een_pagina():
    """Issue 12 (layout): a table's caption (and its header row) never stands alone at the
    bottom of a page. The text before a long table grows a line at a time, so somewhere the
    caption would just fit on the page; the caption must then move along with the table."""
    from pypdf import PdfReader

    rijen = "".join(
        f'<tr><th scope="row">Werknemer {i}</th><td class="getal">€\u00a0{i},00</td></tr>'
        for i in range(40)
    )
    tabel = (
        '<table class="bedragen"><caption>BIJSCHRIFT</caption><thead><tr><th scope="col">Naam'
        f'</th><th scope="col" class="getal">Bedrag</th></tr></thead><tbody>{rijen}</tbody></table>'
    )
    gezien = set()
    for n in range(28, 62):
        alinea = "<p>Een regel tekst die een hele alinea vult.</p>" * n
        html = (
            '<html lang="nl"><head><title>t</title></head><body><main><h1>Kop</h1>'
            f"{alinea}{tabel}</main></body></html>"
        )
        for pagina in PdfReader(io.BytesIO(brieven.naar_pdf(html))).pages:
            lijnen = [r.strip() for r in pagina.extract_text().splitlines() if r.strip()]
            lijnen = [r for r in lijnen if not r.startswith("Pagina ")]
            gezien.add(lijnen[-1] if lijnen else "")
            assert lijnen[-1] not in ("BIJSCHRIFT", "Naam Bedrag", "Naam", "Bedrag"), n
            if "BIJSCHRIFT" in lijnen:  # the caption is followed by the header and a row
                i = lijnen.index("BIJSCHRIFT")
                assert lijnen[i + 1 : i + 2] == ["Naam Bedrag"] and len(lijnen) > i + 2, n
    # the paragraphs did end pages right before the table (else nothing was tested)
    assert "Een regel tekst die een hele alinea vult." in gezien


def test_geen_brief_over_een_wijziging_in_het_verleden(tmp_path):
    """A letter dated after the date of the change would say "Vanaf 1 maart 2026 veranderen
    uw loon …" about the past: refused with a message that says how to fix it; with an
    ingangsdatum on or after the letter's date it is made. In a batch the rows (and their
    employer's letter) are listed in niet_gemaakt.csv with the reason."""
    later = dt.date(2026, 3, 2)  # one day after the peildatum of B
    for aan in ("werknemer", "werkgever"):
        with pytest.raises(brieven.BriefFout) as e:
            brieven.brief_voor_geval(B, Scenario(), aan, later)
        assert str(e.value) == (
            "de wijziging gaat in op 1 maart 2026 (de peildatum; het scenario heeft geen "
            "ingangsdatum). Dat is vóór de datum van de brief, 2 maart 2026. Een brief kan niet "
            "zeggen dat er vanaf een datum in het verleden iets verandert. Kies een datum van de "
            "wijziging op of na 2 maart 2026: een ingangsdatum in het scenario (bijvoorbeeld "
            "ingangsdatum = 2026-04-01) of een latere peildatum"
        )
        with pytest.raises(brieven.BriefFout, match="ingangsdatum van het scenario"):
            brieven.brief_voor_geval(B, uit_dict({"ingangsdatum": dt.date(2026, 3, 1)}), aan, later)
        # dated on the day of the change itself, and with an ingangsdatum after the letter: made
        op_de_dag = brieven.brief_voor_geval(B, Scenario(), aan, dt.date(2026, 3, 1))
        assert "anaf 1 maart 2026" in op_de_dag
        html = brieven.brief_voor_geval(
            B, uit_dict({"ingangsdatum": dt.date(2026, 4, 1)}), aan, later
        )
        assert "anaf 1 april 2026" in html
    rijen = [(2, {**B, "id": "W1"}), (3, {**B, "id": "W2"})]
    klaar, niet = briefbatch.maak(rijen, Scenario(), later)
    assert klaar == []
    assert sorted((r, i, soort) for r, i, soort, _ in niet) == [
        (2, "E9", "werkgever"),
        (2, "W1", "werknemer"),
        (3, "W2", "werknemer"),
    ]
    assert all("vóór de datum van de brief, 2 maart 2026" in reden for *_, reden in niet)


def test_later_ingang_noemt_het_uurloon_en_de_bedragen_van_die_datum():
    """Change on 1 januari 2027, data of 1 maart 2026 (A: € 14,71 an hour, 24 hours). On the
    date of the change the calculation uses at least the minimum wage then, € 14,99 (from
    1 juli 2026, parameters): 14,99 × 24 × 52 / 12 = € 1.558,96 a month, with 8 % holiday pay
    € 1.683,68 (1.683,6768). The letter names that hourly wage, not the € 14,71 of now, and
    says that the Nu column is on that date too."""
    scenario = uit_dict({"ingangsdatum": dt.date(2027, 1, 1)})
    html = brieven.brief_voor_geval(A, scenario, "werknemer", dt.date(2026, 12, 1))
    tekst = zichtbaar(html)
    assert "krijgt u het volledige loon voor uw functie: € 14,99 per uur" in tekst
    assert "€ 14,99 is het minimumloon voor uw leeftijd op 1 januari 2027" in tekst
    assert "Uw loon per uur van nu, € 14,71, is dan lager" in tekst
    assert "€ 1.683,68" in pdf_tekst(html)
    assert "Ook onder Nu staan de bedragen op 1 januari 2027" in html
    # a change on the peildatum: the hourly wage of now, and no such notes
    html = brieven.brief_voor_geval(A, Scenario(), "werknemer", DATUM)
    assert "voor uw functie: € 14,71 per uur. Uw werkgever" in zichtbaar(html)
    assert "minimumloon voor uw leeftijd op" not in html and "Ook onder Nu" not in html
