"""A letter's HTML as a tagged A4 PDF (WeasyPrint), fast and accessible.

Speed: the letter's stylesheet (``templates/brieven/brief.css``) is parsed once per process
and passed to every letter as a ``weasyprint.CSS`` object with one shared
``FontConfiguration``; the ``<style id="briefstijl">`` copy that makes the HTML file stand
alone is left out of what WeasyPrint parses, and so are the headings' ids and the whitespace
around block and table tags (nothing a reader sees; see ``_KOP_ID`` and ``_RUIMTE``). A process
that renders only letters (``briefbatch``'s pool) also tunes the garbage collector
(:func:`werker_start`).

Accessibility (PDF/UA-1): WeasyPrint 70 tags table header cells with an ID and points the
data cells' ``/Headers`` to those IDs, but writes no ``/Scope`` and no ``/IDTree``, so the
IDs do not resolve. :func:`_tags_aanvullen` runs right after WeasyPrint's own tagging and adds
both: ``/Scope /Column`` for a header cell in the table head, ``/Scope /Row`` for one in the
body, and the name tree of all IDs in the structure tree root.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wajong_conversie import sjablonen

_STIJL = re.compile(r'<style id="briefstijl">.*?</style>', re.S)
# The headings' ids exist for the sections' aria-labelledby in the HTML file. WeasyPrint makes
# every id a named destination in the PDF (nothing links to them) and cannot share a computed
# style between elements with an id, so the PDF is made without them (~2 % of a letter's time).
_KOP_ID = re.compile(r'(<h[1-6]) id="[^"<>]*"')
# Whitespace between a tag and the start or end of a block or table element shows nowhere
# (CSS drops it), but costs WeasyPrint text nodes and boxes it then throws away: ~2 %.
_RUIMTE = re.compile(
    r">\s+(?=</?(?:html|head|meta|title|body|header|main|section|address|div|p|h[1-6]|ul|li"
    r"|table|caption|thead|tbody|tr|th|td)\b)"
)


def _tags_aanvullen(pdf) -> None:
    import pydyf

    per_nummer = {o.number: o for o in pdf.objects if isinstance(o, pydyf.Dictionary)}

    def ouder(element):
        ref = element.get("P")
        if ref is None:
            return None
        return per_nummer.get(int(bytes(ref).split()[0]) if isinstance(ref, bytes) else ref)

    ids = []
    wortel = None
    for o in list(per_nummer.values()):
        soort = o.get("Type")
        if soort == "/StructTreeRoot":
            wortel = o
        if o.get("S") != "/TH":
            continue
        rij = ouder(o)
        groep = ouder(rij) if rij is not None else None
        scope = "/Column" if groep is not None and groep.get("S") == "/THead" else "/Row"
        o["A"]["Scope"] = scope
        if "ID" in o:
            ids.append((o["ID"].string, o))
    if wortel is not None and ids:
        ids.sort(key=lambda t: t[0])
        namen = pydyf.Array()
        for sleutel, o in ids:
            namen.append(pydyf.String(sleutel))
            namen.append(o.reference)
        wortel["IDTree"] = pydyf.Dictionary({"Names": namen})


@lru_cache(maxsize=1)
def _aangepast() -> None:
    """Wrap WeasyPrint's tagging once per process (idempotent)."""
    import weasyprint.pdf as wpdf

    origineel = wpdf.add_tags
    if getattr(origineel, "_wajong", False):
        return

    def add_tags(pdf, document, pdf_version, page_streams):
        origineel(pdf, document, pdf_version, page_streams)
        _tags_aanvullen(pdf)

    add_tags._wajong = True
    wpdf.add_tags = add_tags


@lru_cache(maxsize=1)
def _stijl():
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    map_ = sjablonen.map_sjablonen() / "brieven"
    brief = CSS(string=(map_ / "brief.css").read_text(encoding="utf-8"), font_config=fonts)
    ua = CSS(string=(map_ / "ua.css").read_text(encoding="utf-8"), font_config=fonts)
    return brief, ua, fonts


@lru_cache(maxsize=1)
def _html_klasse():
    """WeasyPrint's HTML with the letters' small user-agent stylesheet (``ua.css``)."""
    from weasyprint import HTML

    class BriefHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            return [_stijl()[1]]

    return BriefHTML


def voorbereiden() -> None:
    """Parse the stylesheet and load the fonts now."""
    _aangepast()
    _stijl()


def werker_start() -> None:
    """Initializer of a process that only renders letters (``briefbatch``'s pool).

    Besides :func:`voorbereiden`: Python's cyclic garbage collector is tuned for this process
    alone. WeasyPrint allocates some hundred thousand objects per letter and most of them live
    until the letter is written, so with the default threshold (a young collection per 700
    allocations) the collector keeps scanning live objects: ~5 % of the time per letter.
    Everything the process inherited or loaded is frozen (never scanned again) and a young
    collection runs per 10 000 allocations; a letter's cyclic garbage is still freed, a little
    later.
    """
    import gc

    voorbereiden()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def naar_pdf(html: str) -> bytes:
    """The same HTML as an A4 PDF (print CSS), fonts embedded, tagged (PDF/UA-1)."""
    voorbereiden()
    css, _, fonts = _stijl()
    html = _RUIMTE.sub(">", _KOP_ID.sub(r"\1", _STIJL.sub("", html, count=1)))
    document = _html_klasse()(string=html, base_url=str(sjablonen.map_sjablonen()))
    return document.write_pdf(
        pdf_variant="pdf/ua-1", stylesheets=[css], font_config=fonts, uncompressed_pdf=False
    )
