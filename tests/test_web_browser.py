"""The real web page in headless Chromium (Debian's ``chromium`` driven by Playwright).

``make test`` installs both on a fresh machine (the ``chromium`` apt package and the
``playwright`` Python package); where either is missing these tests are skipped locally, and
fail under ``CI=true`` (conftest.py). Playwright never downloads a browser here: it starts
``/usr/bin/chromium``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

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
    assert page.locator("svg[role=img]").is_visible()


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


def test_brief_als_pdf_downloaden(page, adres, caplog):
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
