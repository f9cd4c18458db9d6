"""Compare two routes to a tagged PDF letter on the same letters: WeasyPrint (the default
route of ``brieven``) and headless Chromium (Debian's ``/usr/bin/chromium`` driven by
Playwright, the browser the browser tests use).

    python benchmarks/pdf_routes.py [--aantal 100] [--rondes 2] [--pagina 2]

Letters: an evenly spaced sample of all letters of the example cohort (workers and
employers). Chromium runs twice: loading every letter as a new document (``set_content``),
and loading one document per page once and then replacing only the title and the body for
each next letter. Per route and round it prints letters per second (wall clock, the routes
using both cores: WeasyPrint in a pool of ``os.cpu_count()`` processes, Chromium as one
persistent browser with ``--pagina`` pages printing in parallel) and CPU seconds per letter
of everything the route runs. For Chromium that is the whole process tree (browser, zygotes,
renderers, GPU process, the print-compositor process Chromium starts for every print job, and
Playwright's node driver), read from ``/proc``: utime + stime of the live processes plus the
cutime + cstime of those that exited. The rounds alternate the routes, so both see the same
load; the machine's load average is printed with every line. On an idle machine with N cores
the rate is at most N / (CPU s per letter). Compare the routes by CPU, not by wall clock on a
busy machine: Playwright starts Chromium in a session of its own, and with the kernel's
autogroup scheduling (``/proc/sys/kernel/sched_autogroup_enabled``) a session gets its own
share of the CPU, so under load Chromium gets more of it than WeasyPrint's pool does.

For Chromium it also checks each PDF's structure tree the way ``tests/test_brieven.py`` does:
header cells with a Scope, ``/Headers`` of data cells that resolve through the ``/IDTree``,
one H1, ``/Lang``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import re
import resource
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

from wajong_conversie import briefbatch, briefpdf, pdfboom
from wajong_conversie.scenario import Scenario

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _cpu_boom(wortel: int) -> float:
    """CPU seconds of all descendants of ``wortel`` (live ones, plus what they reaped)."""
    kinderen: dict[int, list[int]] = {}
    tijd: dict[int, int] = {}
    for naam in os.listdir("/proc"):
        if not naam.isdigit():
            continue
        try:
            stat = Path(f"/proc/{naam}/stat").read_text()
        except OSError:
            continue
        velden = stat[stat.rindex(")") + 2 :].split()
        kinderen.setdefault(int(velden[1]), []).append(int(naam))
        tijd[int(naam)] = sum(int(v) for v in velden[11:15])
    totaal, stapel = 0, list(kinderen.get(wortel, []))
    while stapel:
        pid = stapel.pop()
        totaal += tijd.get(pid, 0)
        stapel.extend(kinderen.get(pid, []))
    return totaal / os.sysconf("SC_CLK_TCK")  # float ok: seconds of CPU time


def _cpu_eigen() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime  # float ok: seconds of CPU time


def _cpu_kinderen() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime  # float ok: seconds of CPU time


def weasyprint(brieven: list[briefbatch.Brief]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the default route, as ``brieven`` runs it."""
    with tempfile.TemporaryDirectory() as map_:
        cpu = _cpu_kinderen() + _cpu_eigen()
        start = time.perf_counter()
        briefbatch.schrijf(brieven, [], Path(map_), "pdf")
        duur = time.perf_counter() - start
        return duur, _cpu_kinderen() + _cpu_eigen() - cpu


def _delen(html: str) -> tuple[str, str]:
    """(title, body) of a letter: its head is the same for every letter but the title."""
    titel = re.search(r"<title>(.*?)</title>", html, re.S)
    body = re.search(r"<body>(.*)</body>", html, re.S)
    return unescape(titel.group(1)), body.group(1)


async def _chromium(
    html: list[str], paginas: int, hergebruik: bool
) -> tuple[float, float, list[bytes]]:
    """``hergebruik``: load the first letter once per page, then only replace the title and
    the body (no new document, no new parse of the stylesheet) before printing."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tabs = [await (await browser.new_context()).new_page() for _ in range(paginas)]

        async def een(tab, tekst: str) -> bytes:
            if hergebruik:
                await tab.evaluate(
                    "([t, b]) => { document.title = t; document.body.innerHTML = b; }",
                    list(_delen(tekst)),
                )
            else:
                await tab.set_content(tekst)
            return await tab.pdf(
                format="A4",
                tagged=True,
                outline=True,
                prefer_css_page_size=True,
                print_background=True,
            )

        for tab in tabs:
            await tab.set_content(html[0])
        await asyncio.gather(*(een(t, html[0]) for t in tabs))  # warm, like a pool's start
        cpu = _cpu_boom(os.getpid()) + _cpu_eigen()
        start = time.perf_counter()
        rij = list(enumerate(html))
        uit: dict[int, bytes] = {}

        async def werker(tab) -> None:
            while rij:
                i, tekst = rij.pop(0)
                uit[i] = await een(tab, tekst)

        await asyncio.gather(*(werker(t) for t in tabs))
        duur = time.perf_counter() - start
        cpu = _cpu_boom(os.getpid()) + _cpu_eigen() - cpu
        await browser.close()
    return duur, cpu, [uit[i] for i in range(len(html))]


def structuur(pdf: bytes) -> list[str]:
    """What is wrong with the structure tree (empty: nothing), as tests/test_brieven.py."""
    boom = pdfboom.lees(pdf)
    elementen, ids, root = boom.elementen, boom.ids, boom.wortel
    attribuut = pdfboom.attribuut
    fout = []
    th = [e for e in elementen if e["/S"] == "/TH"]
    td = [e for e in elementen if e["/S"] == "/TD"]
    if not th or not td:
        fout.append("geen TH/TD")
    if any(str(attribuut(e, "/Scope")) not in ("/Column", "/Row") for e in th):
        fout.append("TH zonder Scope")
    for cel in td:
        for kop in attribuut(cel, "/Headers") or []:
            if str(kop) not in ids or ids[str(kop)]["/S"] != "/TH":
                fout.append(f"Headers {kop} bestaat niet")
    if [str(e["/S"]) for e in elementen].count("/H1") != 1:
        fout.append("niet precies één H1")
    if str(root.get("/Lang")) != "nl":
        fout.append("geen /Lang nl")
    return fout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cohort", default="examples/cohort.csv")
    ap.add_argument("--aantal", type=int, default=100)
    ap.add_argument("--rondes", type=int, default=2)
    ap.add_argument("--pagina", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} ontbreekt (apt-get install chromium)")
    rijen = briefbatch.lees_rijen(Path(args.cohort))
    alle, _ = briefbatch.maak(rijen, Scenario(), dt.date(2026, 12, 1))
    stap = max(1, len(alle) // args.aantal)
    deel = alle[::stap][: args.aantal]
    werkgevers = sum(b.soort == "werkgever" for b in deel)
    print(f"{len(deel)} van {len(alle)} brieven (elke {stap}e; {werkgevers} aan werkgevers)")
    briefpdf.voorbereiden()
    for ronde in range(1, args.rondes + 1):
        duur, cpu = weasyprint(deel)
        print(
            f"ronde {ronde} WeasyPrint: {len(deel) / duur:5.1f} brieven/s, "
            f"{cpu / len(deel):.3f} CPU-s per brief (load {os.getloadavg()[0]:.1f})"
        )
        for hergebruik, naam in ((False, "Chromium"), (True, "Chromium, één document")):
            duur, cpu, pdfs = asyncio.run(
                _chromium([b.html for b in deel], args.pagina, hergebruik)
            )
            fouten = {f for pdf in pdfs for f in structuur(pdf)}
            print(
                f"ronde {ronde} {naam}: {len(deel) / duur:5.1f} brieven/s, "
                f"{cpu / len(deel):.3f} CPU-s per brief (load {os.getloadavg()[0]:.1f}); "
                f"structuur {'in orde' if not fouten else '; '.join(sorted(fouten))}"
            )


if __name__ == "__main__":
    main()
