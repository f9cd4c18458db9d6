"""The real web page in headless Chromium (Debian's ``chromium`` driven by Playwright).

``make test`` installs both on a fresh machine (the ``chromium`` apt package and the
``playwright`` Python package); where either is missing these tests are skipped — except under
``CI=true``, where a missing prerequisite is a failure. Playwright never downloads a browser
here: it starts ``/usr/bin/chromium``.

Accessibility: axe-core (npm package ``axe-core``, MPL-2.0) is vendored as
``tests/data/axe-core/axe.min.js`` (with its LICENSE), so the audit runs offline; it is
injected into each page and no serious or critical violation may be reported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "data" / "axe-core" / "axe.min.js"
# axe-core 4.14.1 from the npm registry (npm pack axe-core@4)
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
IN_CI = os.environ.get("CI") == "true"


def _ontbreekt(reden: str) -> None:
    """Missing prerequisite: a failure under CI=true, else a skip."""
    if IN_CI:
        pytest.fail(f"CI=true maar {reden}", pytrace=False)
    pytest.skip(reden, allow_module_level=True)


if not CHROMIUM.exists():
    _ontbreekt("Debian's chromium (/usr/bin/chromium) is not installed")
try:
    from playwright import sync_api
except ImportError:
    _ontbreekt("playwright is not installed")

from werkzeug.serving import make_server  # noqa: E402

from wajong_conversie.web import maak_app  # noqa: E402

NBSP = "\u00a0"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def adres():
    """The real app on 127.0.0.1 with a free port, in a background thread."""
    server = make_server("127.0.0.1", 0, maak_app(), threaded=True)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    draad.join(5)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@contextlib.contextmanager
def axe_pagina(browser, breedte: int, wachttijd: int | None = 20_000):
    """A page at ``breedte`` px for an axe-core audit (bypass_csp: only so the test can inject
    axe-core), closed afterwards."""
    context = browser.new_context(
        locale="nl-NL", viewport={"width": breedte, "height": 900}, bypass_csp=True
    )
    try:
        page = context.new_page()
        if wachttijd is not None:
            page.set_default_timeout(wachttijd)
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    pagina = context.new_page()
    pagina.set_default_timeout(10_000)
    yield pagina
    context.close()


def vul_geval_b(page, adres: str, **anders: str) -> None:
    """RULES §9 case B, typed the way a caseworker does: every field found by its label."""
    page.goto(adres + "/")
    page.get_by_label("Peildatum").fill("2026-03-01")
    page.get_by_label("Geboortedatum").fill("1995-05-05")
    page.get_by_label("Wajong-regeling").select_option("wajong2010")
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("Uren per week").fill("24")
    assert page.get_by_label("Volledige werkweek bij deze werkgever").input_value() == "38"
    page.get_by_label("Functieloon per uur").fill("14.71")
    page.get_by_label("Loonwaarde").fill(anders.get("loonwaarde", "0.50"))
    page.get_by_label("Garantiebedrag per maand").fill("1600.00")
    page.get_by_label("Werkgeverslasten").fill("0.235")
    page.get_by_label("Welke regels gelden na de omzetting?").select_option(
        label="Garantiebedrag behouden"
    )
    for naam, waarde in anders.items():
        if naam != "loonwaarde":
            page.locator(f"#veld-{naam}").fill(waarde)


def test_geval_b_in_de_browser(page, adres):
    vul_geval_b(page, adres)
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_url("**/bereken")
    assert page.get_by_role("heading", name="Uitkomst voor deze werknemer").is_visible()
    tekst = page.inner_text("main")
    for bedrag in ("€ 1.599,93", "€ 3.252,16", "+€ 825,55", "€ 2.426,61"):
        assert bedrag.replace("€ ", "€" + NBSP) in tekst, bedrag
    waarschuwing = page.get_by_role("heading", name="stijgt buiten verhouding")
    assert waarschuwing.is_visible()
    assert "34%" in page.inner_text(".signaal.waarschuwing")
    assert page.locator("svg[role=img]").first.is_visible()
    # "Loont meer uren werken?": the line chart, and the same numbers as a table
    assert page.locator("#uren-titel ~ figure svg[role=img]").is_visible()
    assert page.locator("#uren-tabel table").count() == 1


def test_ongeldige_loonwaarde_in_de_browser(page, adres):
    vul_geval_b(page, adres, loonwaarde="0.9")
    page.get_by_label("Loonwaarde").press("Enter")  # keyboard only: Enter submits
    page.wait_for_url("**/bereken")
    veld = page.get_by_label("Loonwaarde")
    assert veld.input_value() == "0.9"
    assert veld.get_attribute("aria-invalid") == "true"
    fout = page.locator("#fout-loonwaarde")
    assert fout.is_visible() and "ten hoogste 0,75" in fout.inner_text()
    # the message sits right above the field, inside the same block
    assert page.locator(".veld--fout").filter(has=veld).count() == 1
    assert page.get_by_role("alert").get_by_role("link", name="Loonwaarde").is_visible()
    assert page.get_by_label("Functieloon per uur").input_value() == "14.71"


def test_toetsenbord_eerst_naar_de_inhoud(page, adres):
    page.goto(adres + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"


def test_brief_als_pdf_downloaden(page, adres, caplog, monkeypatch):
    from wajong_conversie import brieven

    # dated before the change on the peildatum (1 maart 2026), as a letter must be
    monkeypatch.setattr(brieven, "vandaag", lambda: dt.date(2026, 2, 2))
    caplog.set_level(logging.DEBUG)
    brief = {"naam": "J. Jansen", "straat": "Dorpsstraat 1", "postcode": "1234 AB"}
    vul_geval_b(page, adres, **brief, woonplaats="Utrecht")
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_url("**/bereken")
    with page.expect_download() as download:
        page.get_by_role("button", name="Brief aan werknemer als pdf").click()
    pad = download.value.path()
    assert Path(pad).read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename == "brief-werknemer.pdf"
    assert "POST /brief.pdf" in caplog.text  # the real server's request log …
    for geheim in ("Jansen", "Dorpsstraat", "1234 AB"):  # … without what was typed
        assert geheim not in caplog.text


# --- issue 13: the report and the audits --------------------------------------------------------

VOORBEELDEN = Path(__file__).parent.parent / "examples"
ERNSTIG = ("serious", "critical")


@pytest.fixture(scope="module")
def rapport_pad(tmp_path_factory):
    """A real cohort run (first 300 people, three scenarios, 3 years) and its rapport.html."""
    from wajong_conversie import cohort
    from wajong_conversie.scenario import laad

    map_ = tmp_path_factory.mktemp("rapport")
    invoer = map_ / "cohort.csv"
    regels = (VOORBEELDEN / "cohort.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    invoer.write_text("".join(regels[:301]), encoding="utf-8")
    scenarios = [
        laad(VOORBEELDEN / "scenarios" / f"{n}.toml")
        for n in ("behouden", "vervallen", "inkomensgarantie")
    ]
    cohort.voer_uit(invoer, map_ / "uit", scenarios, jaren=3)
    return map_ / "uit" / "rapport.html"


def axe_fouten(page) -> list[str]:
    """Run axe-core in the page; the serious and critical violations, one line each."""
    if hashlib.sha256(AXE.read_bytes()).hexdigest() != AXE_SHA256:
        pytest.fail("tests/data/axe-core/axe.min.js is niet de vastgelegde versie")
    page.add_script_tag(path=str(AXE))
    uitkomst = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in uitkomst["violations"]
        if v["impact"] in ERNSTIG
    ]


@pytest.mark.parametrize("breedte", [1280, 390])
def test_axe_formulier_en_uitkomst(browser, adres, breedte):
    with axe_pagina(browser, breedte) as page:
        page.goto(adres + "/")
        assert axe_fouten(page) == [], "formulier"
        vul_geval_b(page, adres, loonwaarde="0.9")
        page.get_by_role("button", name="Bereken").click()
        page.wait_for_url("**/bereken")
        assert axe_fouten(page) == [], "formulier met fouten"
        vul_geval_b(page, adres, id="W-7", jaren="3")
        page.get_by_role("button", name="Bereken").click()
        page.wait_for_url("**/bereken")
        assert page.get_by_role("heading", name="Wat verandert er per maand?").is_visible()
        assert axe_fouten(page) == [], "uitkomst"
        # at phone width no column is cut off: the page itself never scrolls sideways …
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        # … a wide table scrolls inside its own labelled, focusable region
        for tabel in page.locator("table").all():
            gebied = tabel.locator("xpath=ancestor::div[@role='region'][1]")
            assert gebied.get_attribute("tabindex") == "0"
            assert gebied.get_attribute("aria-label")
        page.goto(adres + "/cohort")
        assert axe_fouten(page) == [], "cohortpagina"


def test_foutlink_toont_label_en_melding(page, adres):
    vul_geval_b(page, adres, loonwaarde="0.9")
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_url("**/bereken")
    page.get_by_role("alert").get_by_role("link", name="Loonwaarde").click()
    label = page.locator("label[for=veld-loonwaarde]").bounding_box()
    melding = page.locator("#fout-loonwaarde").bounding_box()
    assert label["y"] >= 0 and melding["y"] >= 0  # both in view, not scrolled above the top


@pytest.mark.parametrize("breedte", [1280, 390])
def test_rapport_eerst_het_antwoord_en_axe(browser, rapport_pad, breedte):
    with axe_pagina(browser, breedte, wachttijd=None) as page:
        page.goto(rapport_pad.as_uri())
        y = {
            naam: page.locator(sel).first.bounding_box()["y"]
            for naam, sel in (
                ("tabel", "#vergelijking-tabel"),
                ("grafiek", "#antwoord svg[role=img]"),
                ("scenario", "#scenario-1"),
                ("werklijst", "#werklijst"),
            )
        }
        assert y["tabel"] < y["scenario"] and y["grafiek"] < y["scenario"]
        assert y["tabel"] < 900 or breedte < 500  # on a desktop the table is on the first screen
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        assert axe_fouten(page) == []
