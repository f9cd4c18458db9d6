"""Links to the law: every quantity of the trace, every flag and every parameter value has at
least one link, and every link is well formed (https, an official host, a BWB id with a version
date, an article reference). Expected URLs are written out by hand."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest

from wajong_conversie import beoordeling, bronnen, parameters, rekenkern  # noqa: F401
from wajong_conversie.spoor import CATALOGUS

DATUM = r"\d{4}-\d{2}-\d{2}"
ARTIKEL = r"[0-9]+[a-z]?([:.][0-9]+[a-z]?)?"
WETTEN = re.compile(
    # the whole law on a date, or one article through its Juriconnect reference on a date
    rf"https://wetten\.overheid\.nl/BWBR\d{{7}}/{DATUM}"
    rf"|https://wetten\.overheid\.nl/jci1\.3:c:BWBR\d{{7}}&artikel={ARTIKEL}"
    rf"&z=(?P<z>{DATUM})&g=(?P=z)"
)
BEKENDMAKING = re.compile(
    r"https://zoek\.officielebekendmakingen\.nl/(kst-\d+-\d+|stcrt-\d{4}-\d+)\.html"
)


def goed_gevormd(link: bronnen.Link) -> None:
    assert link.tekst and link.tekst == link.tekst.strip()
    delen = urlsplit(link.url)
    assert delen.scheme == "https" and delen.netloc in bronnen.HOSTS, link.url
    assert WETTEN.fullmatch(link.url) or BEKENDMAKING.fullmatch(link.url), link.url


@pytest.mark.parametrize("naam", sorted(CATALOGUS))
def test_elke_grootheid_heeft_een_link(naam):
    links = bronnen.voor_grootheid(naam, dt.date(2026, 3, 1))
    assert links, f"{naam} heeft geen link in bronnen.toml [grootheden]"
    for x in links:
        goed_gevormd(x)


def test_geen_links_voor_onbekende_grootheden_of_signalen():
    assert set(bronnen.data()["grootheden"]) <= set(CATALOGUS)
    assert set(bronnen.data()["signalen"]) <= set(beoordeling.SIGNALEN)


@pytest.mark.parametrize("code", sorted(beoordeling.SIGNALEN))
def test_elk_signaal_heeft_een_link(code):
    links = bronnen.voor_signaal(code)
    assert links
    for x in links:
        goed_gevormd(x)


def test_elke_parameterwaarde_heeft_een_link():
    for p in parameters.laad().parameters.values():
        for w in p.waarden:
            links = w.bron_links()
            assert links, f"{p.naam} vanaf {w.vanaf} heeft geen link"
            for x in links:
                goed_gevormd(x)
                if "wetten.overheid.nl" in x.url:  # the law as in force from the value's date
                    assert x.url.endswith(f"&g={w.vanaf.isoformat()}")


def test_voorbeelden_met_de_hand():
    assert bronnen.link("pw 10d", dt.date(2026, 1, 1)) == bronnen.Link(
        "Participatiewet art. 10d",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=10d&z=2026-01-01&g=2026-01-01",
    )
    assert bronnen.link("wajong 2:40", dt.date(2026, 3, 1)) == bronnen.Link(
        "Wajong art. 2:40",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0008657&artikel=2:40&z=2026-03-01&g=2026-03-01",
    )
    assert bronnen.link("kst 34352-281") == bronnen.Link(
        "Kamerstuk 34 352, nr. 281", "https://zoek.officielebekendmakingen.nl/kst-34352-281.html"
    )
    assert bronnen.link("stcrt 2025-34131") == bronnen.Link(
        "Stcrt. 2025, 34131", "https://zoek.officielebekendmakingen.nl/stcrt-2025-34131.html"
    )
    # without a date: the documented fixed consolidation date
    assert bronnen.link("wib").url == "https://wetten.overheid.nl/BWBR0011353/2026-01-01"


@pytest.mark.parametrize("fout", ["xyz 1", "wajong 2:40 lid 1", "kst 34352", "stcrt 25-1"])
def test_onbekende_of_misvormde_verwijzing_is_een_fout(fout):
    with pytest.raises(ValueError):
        bronnen.link(fout)


def test_bwb_ids_zijn_uniek_en_goed_gevormd():
    ids = [r["bwb"] for r in bronnen.regelingen()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"BWBR\d{7}", i) for i in ids)


def test_json_heeft_bron_links_naast_bron():
    from conftest import geval, reken

    u = reken(
        geval(
            uren_per_week="24",
            functieloon_per_uur="14.71",
            loonwaarde="0.50",
            garantiebedrag_per_maand="1600.00",
        )
    )
    for sit in ("huidig", "nieuw"):
        for stap in u["toelichting"][sit]:
            assert isinstance(stap["bron"], str) and stap["bron"]
            assert stap["bron_links"], stap["naam"]
            assert all(set(x) == {"tekst", "url"} for x in stap["bron_links"])
            # a case links the law as it was on its peildatum
            assert all(
                x["url"].endswith("&g=2026-03-01")
                for x in stap["bron_links"]
                if "wetten.overheid.nl" in x["url"]
            )
    for p in u["toelichting"]["parameters"]:
        assert p["bron_links"]
    for s in u["signalen_toelichting"]:
        assert s["bron_links"]
