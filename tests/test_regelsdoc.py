"""The project's own rules reference: ``docs/regels.md`` is generated from the catalogue, the
parameter files and the links, the committed file is current, and the project never points
outside itself. Also: the web page and the text output show the links to the law."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wajong_conversie import bronnen, cli, parameters, regels
from wajong_conversie.beoordeling import SIGNALEN
from wajong_conversie.spoor import CATALOGUS

PROJECT = Path(__file__).resolve().parent.parent
DOC = PROJECT / "docs" / "regels.md"


def test_docs_regels_is_actueel():
    verwacht = regels.markdown()
    gevonden = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    assert gevonden == verwacht, (
        "docs/regels.md is niet actueel: voer `wajong-conversie regels` uit en commit het bestand"
    )


def test_uitvoer_is_deterministisch_ook_met_andere_hashvolgorde():
    # another process with another hash seed (set and dict order of strings) gives the same bytes
    uitkomsten = set()
    for seed in ("1", "12345"):
        r = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from wajong_conversie import regels; "
                "sys.stdout.write(regels.markdown())",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        uitkomsten.add(r.stdout)
    assert uitkomsten == {regels.markdown()}


def test_document_noemt_elke_grootheid_parameter_en_signaal_met_links():
    md = regels.markdown()
    for naam in CATALOGUS:
        assert f"(`{naam}`)" in md, naam
    for naam in parameters.laad().parameters:
        assert f"(`{naam}`)" in md, naam
    for code in SIGNALEN:
        assert f"`{code}`" in md, code
    for r in bronnen.regelingen():
        assert r["bwb"] in md
    # a grootheid with its formula and a Markdown link to the article (fixed date 2026-01-01)
    assert "- Formule: wml_maand / 21,75, afgerond op centen" in md
    assert (
        "[AIB art. 4:1](https://wetten.overheid.nl/jci1.3:c:BWBR0029368&artikel=4:1"
        "&z=2026-01-01&g=2026-01-01)" in md
    )
    # a parameter value with date, value, status and its Staatscourant link
    assert re.search(
        r"\| 1 januari 2026 \| € 14,71 \| geverifieerd \| .*"
        r"\[Stcrt\. 2025, 34131\]\(https://zoek\.officielebekendmakingen\.nl/stcrt-2025-34131\.html\)",
        md.replace("\u00a0", " "),
    )


def test_open_vragen_en_te_controleren_waarden_staan_erin():
    md = regels.markdown().replace("\u00a0", " ")
    for kop in (
        "### a. Vakantiegeld in het inkomen",
        "### b. Het minimumloon vanaf 1 juli 2026",
        "### c. De vergoeding voor werkgeverslasten van 23,5 % na 2024",
        "### d. Waarop de loonwaarde vandaag wordt toegepast",
    ):
        assert kop in md
    # the holiday-pay arithmetic, worked out by hand: 0.08 × 2 294.40 = 183.552 → € 183,55;
    # 2 294.40 / 1.08 = 2 124.44; 0.7 × 0.08 × 2 124.44 = 118.969 → € 118,97
    assert "0,08 × € 2.294,40 = **€ 183,55 per maand aan inkomen**" in md
    assert "0,056 × € 2.124,44 = **€ 118,97 per maand**" in md
    te_controleren = [
        (p.naam, w.vanaf)
        for p in parameters.laad().parameters.values()
        for w in p.waarden
        if w.status == "controleren"
    ]
    assert te_controleren, "de lijst is leeg: pas dan de test aan"
    hoofdstuk9 = md.split("## 9. Parameters die nog bevestigd moeten worden")[1]
    for naam, _ in te_controleren:
        assert f"- `{naam}` vanaf" in hoofdstuk9


def test_cli_regels_naar_scherm_en_naar_bestand(tmp_path, capsys):
    assert cli.main(["regels", "--uit", "-"]) == 0
    assert capsys.readouterr().out == regels.markdown()
    doel = tmp_path / "sub" / "regels.md"
    assert cli.main(["regels", "--uit", str(doel)]) == 0
    assert doel.read_text(encoding="utf-8") == regels.markdown()
    assert not [p for p in doel.parent.iterdir() if p.name != "regels.md"]  # no temp file left


def test_cli_regels_naar_een_map_is_een_nette_fout(tmp_path, capsys):
    assert cli.main(["regels", "--uit", str(tmp_path)]) == 2
    fout = capsys.readouterr().err
    assert "is een map" in fout and "Traceback" not in fout


def _getrackte_bestanden() -> list[Path]:
    try:
        r = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("geen git-werkmap")
    return [PROJECT / p for p in r.stdout.decode().split("\0") if p]


def test_geen_verwijzing_buiten_het_project():
    bestanden = _getrackte_bestanden()
    assert bestanden
    buiten = (".." + "/shared", "/work" + "/shared")  # split, so this file does not match
    fout = []
    for pad in bestanden:
        try:
            tekst = pad.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        if any(b in tekst for b in buiten):
            fout.append(str(pad.relative_to(PROJECT)))
    assert not fout, f"deze bestanden wijzen buiten het project: {fout}"


def test_readme_linkt_naar_de_regels():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "docs/regels.md" in readme


def test_webpagina_en_tekst_tonen_links_naar_de_wet():
    from test_web import GEVAL_B, post

    from wajong_conversie.web import maak_app

    client = maak_app({"SECRET_KEY": "test"}).test_client()
    html = post(client, "/bereken", GEVAL_B).get_data(as_text=True)
    assert (
        '<a href="https://wetten.overheid.nl/jci1.3:c:BWBR0008657&amp;artikel=8:8'
        '&amp;z=2026-03-01&amp;g=2026-03-01">Wajong art. 8:8</a>' in html
    )
    assert (
        '<a href="https://zoek.officielebekendmakingen.nl/stcrt-2025-34131.html">'
        "Stcrt. 2025, 34131</a>" in html
    )
