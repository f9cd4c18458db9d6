"""'Loont meer uren werken?' on the web result page (issue 11 item 6): the line chart, the
sentences and the table with the same numbers; the chart is never the only way to read them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# the fixtures app and client and the form helpers of the web tests
from test_web import GEVAL_B, app, client, post  # noqa: F401

NS = "{http://www.w3.org/2000/svg}"


def _deel(html: str) -> str:
    return html.split('id="uren-titel"')[1].split("</details>")[0]


def test_uitkomst_toont_lijngrafiek_en_tabel_van_de_uren_reeks(client):  # noqa: F811
    html = post(client, "/bereken", GEVAL_B).get_data(as_text=True)
    deel = _deel(html)
    svg = re.search(r"<svg\b.*?</svg>", deel, flags=re.S).group(0)
    wortel = ET.fromstring(svg)
    assert wortel.get("role") == "img" and wortel.get("aria-label").startswith("Lijndiagram")
    assert len(list(wortel.iter(NS + "polyline"))) == 2  # today and with LKS
    assert "nu: 24 uur" in svg  # case B works 24 hours
    # the table: one row per whole hour from 0 to the full-time week of 38 hours
    tabel = deel.split("<table")[1].split("</table>")[0]
    rijen = re.findall(r"<tr[^>]*><th scope=\"row\">([^<]+)</th>", tabel)
    assert [r.replace(" (nu)", "") for r in rijen] == [str(u) for u in range(39)]
    assert rijen[24] == "24 (nu)"
    # the collapsible table is a labelled, focusable region
    assert '<details id="uren-tabel">' in deel
    assert 'role="region" tabindex="0" aria-label="Tabel: netto inkomen per maand' in deel


def test_de_rij_van_nu_is_het_geval_zelf(client):  # noqa: F811
    """At today's hours the series is the case itself: the row '24 (nu)' shows the same net
    income per month as the comparison table above (vandaag and met LKS)."""
    html = post(client, "/bereken", GEVAL_B).get_data(as_text=True)
    netto = re.search(
        r"<th scope=\"row\">Netto inkomen[^<]*</th>\s*<td class=\"bedrag\">([^<]+)</td>\s*"
        r"<td class=\"bedrag\">([^<]+)</td>",
        html,
    )
    assert netto, "de vergelijkingstabel heeft een rij netto inkomen"
    rij = re.search(
        r"<th scope=\"row\">24 \(nu\)</th><td class=\"bedrag\">([^<]+)</td>"
        r"<td class=\"bedrag\">([^<]+)</td>",
        _deel(html),
    )
    assert rij.groups() == netto.groups()
    # and the sentence says it in words
    assert f"Bij 24 uur per week (nu): netto inkomen vandaag {netto.group(1)}" in html
