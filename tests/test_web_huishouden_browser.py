"""The household part of the result page in headless Chromium (issue 11): axe-core finds no
serious or critical problem, and at phone width (390 px) the page does not scroll sideways.
Skipped like tests/test_web_browser.py where Chromium or Playwright is missing."""

from __future__ import annotations

import pytest
from test_web_browser import (  # noqa: F401  (fixtures)
    adres,
    axe_fouten,
    axe_pagina,
    browser,
    vul_geval_b,
)


@pytest.mark.parametrize("breedte", [1280, 390])
def test_axe_uitkomst_met_huishouden(browser, adres, breedte):  # noqa: F811
    with axe_pagina(browser, breedte) as page:
        vul_geval_b(page, adres)
        page.locator("details.groep summary").click()  # the collapsible household part
        page.locator("#veld-vermogen").fill("0")
        page.locator("#veld-pensioen_werknemer_percentage").fill("0,07")
        page.locator("#veld-pensioen_franchise_per_jaar").fill("17545")
        page.get_by_role("button", name="Bereken").click()
        page.wait_for_url("**/bereken")
        kop = page.get_by_role("heading", name="Wat houdt de werknemer over?")
        assert kop.is_visible()
        assert page.get_by_role(
            "table", name="Besteedbaar inkomen per maand", exact=True
        ).is_visible()
        # an allowance falls: one box says to report the new income (not two)
        assert page.locator("#signaal-toeslag_terugvordering_risico").is_visible()
        assert page.locator("#toeslagen-melden").count() == 0
        assert axe_fouten(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
