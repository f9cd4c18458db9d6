"""A letter's HTML as a tagged A4 PDF (PDF/UA-1), made with Typst.

The HTML letter (``templates/brieven/*.html.j2``) is the one source of every sentence and
amount; this module reads it back (:class:`_Lezer`, the standard library's HTML parser) and
writes the same content as calls of the functions in ``templates/brieven/brief.typ``, the
print style (the counterpart of ``brief.css``). Every text goes in as a Typst string literal,
so nothing in a name or an address can be read as markup. An element the letters do not use
is refused (:class:`OnbekendElement`): a new element in a template needs a rule here first.

Typst (https://typst.app, via the ``typst`` package) writes a tagged PDF/UA-1 itself: headings
H1/H2, paragraphs, lists (L/LI/Lbl/LBody), tables with THead/TBody, header cells with a
``/Scope`` and data cells whose ``/Headers`` resolve through the ``/IDTree``, the page footer as
an artifact, the document title and language. A compiler keeps the fonts loaded and runs
without Python's lock, so each thread takes one of its own (:func:`_neem`): a letter takes
~20 ms of CPU instead of ~130 ms with WeasyPrint (``benchmarks/brieven.py``).
"""

from __future__ import annotations

import os
import re
import threading
import time
from html.parser import HTMLParser

import attrs

from wajong_conversie import sjablonen


class OnbekendElement(ValueError):
    """The letter's HTML holds an element or class this module has no rule for."""


@attrs.define
class _Knoop:
    tag: str
    attrs: dict
    kinderen: list = attrs.Factory(list)  # _Knoop or str

    @property
    def klassen(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def elementen(self) -> list[_Knoop]:
        return [k for k in self.kinderen if isinstance(k, _Knoop)]


_LEEG = {"meta", "br", "link", "img", "hr", "input"}


class _Lezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.wortel = _Knoop("#document", {})
        self._stapel = [self.wortel]

    def handle_starttag(self, tag, attrs_) -> None:
        knoop = _Knoop(tag, dict(attrs_))
        self._stapel[-1].kinderen.append(knoop)
        if tag not in _LEEG:
            self._stapel.append(knoop)

    def handle_startendtag(self, tag, attrs_) -> None:
        self._stapel[-1].kinderen.append(_Knoop(tag, dict(attrs_)))

    def handle_endtag(self, tag) -> None:
        for i in range(len(self._stapel) - 1, 0, -1):
            if self._stapel[i].tag == tag:
                del self._stapel[i:]
                return

    def handle_data(self, data) -> None:
        self._stapel[-1].kinderen.append(data)


def _lees(html: str) -> _Knoop:
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    return lezer.wortel


def _vind(knoop: _Knoop, tag: str) -> _Knoop | None:
    return next((k for k in _alle(knoop) if k.tag == tag), None)


# --- text -------------------------------------------------------------------------------------

# HTML's whitespace only: a no-break space (in every amount, "€ 1.234,56") stays one
_WIT = re.compile(r"[ \t\n\f\r]+")
_STUURTEKEN = re.compile(r"[\x00-\x1f\x7f]")
# A word this long may not fit on a line (a very long name): it is cut into pieces that the
# line may break between (as ``overflow-wrap: anywhere`` in brief.css), not in the text.
_LANG_WOORD = re.compile(r"[^ \t\n\f\r]{25,}")


def _str(tekst: str) -> str:
    """A Typst string literal."""
    tekst = _STUURTEKEN.sub(" ", tekst).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{tekst}"'


# In a column header a long word may be hyphenated (Dutch rules) rather than stick out of its
# narrow column; short words (a date) are never split.
_KOPWOORD = re.compile(r"\w{13,}")


def _tekst(tekst: str, kop: bool = False) -> str:
    """Text in markup: string literals, long words as boxes the line may break between; in a
    column header (``kop``) long words may be hyphenated."""
    if kop:
        delen, positie = [], 0
        for m in _KOPWOORD.finditer(tekst):
            delen.append(_tekst(tekst[positie : m.start()]))
            delen.append(f"#text(hyphenate: true, {_str(m.group())})")
            positie = m.end()
        delen.append(_tekst(tekst[positie:]))
        return "".join(delen)
    delen = []
    positie = 0
    for m in _LANG_WOORD.finditer(tekst):
        if m.start() > positie:
            delen.append(f"#{_str(tekst[positie : m.start()])}")
        woord = m.group()
        delen.extend(f"#box[#{_str(woord[i : i + 8])}]" for i in range(0, len(woord), 8))
        positie = m.end()
    if positie < len(tekst):
        delen.append(f"#{_str(tekst[positie:])}")
    return "".join(delen)


_STIJLEN = {"strong": "strong", "b": "strong", "em": "emph", "i": "emph"}


def _inline(knoop: _Knoop, regels: bool = False, kop: bool = False) -> str:
    """The inline content of a block element as Typst markup. Whitespace as in HTML: a run
    becomes one space, none at the start, the end or around a line break; ``regels``
    (``white-space: pre-line``) keeps the text's line breaks."""
    runs: list[tuple[str | None, tuple]] = []  # (text, style) or (None, ()) for a line break

    def loop(k: _Knoop, stijl: tuple) -> None:
        for kind in k.kinderen:
            if isinstance(kind, str):
                lijnen = kind.split("\n") if regels else [kind]
                for i, lijn in enumerate(lijnen):
                    if i:
                        runs.append((None, ()))
                    runs.append((_WIT.sub(" ", lijn), stijl))
            elif kind.tag == "br":
                runs.append((None, ()))
            elif kind.tag in _STIJLEN:
                loop(kind, (*stijl, _STIJLEN[kind.tag]))
            elif kind.tag == "a":
                loop(kind, (*stijl, ("link", kind.attrs.get("href") or "")))
            elif kind.tag == "span":
                # class "heel" (white-space: nowrap, a kenmerk): one box, never broken
                heel = "heel" in _klassen(kind, {"heel"})
                loop(kind, (*stijl, "box") if heel else stijl)
            else:
                raise OnbekendElement(f"<{kind.tag}> binnen <{k.tag}>")

    loop(knoop, ())
    # collapse: no space after the start, a line break or another space; none before the end
    # or a line break
    schoon: list[tuple[str | None, tuple]] = []
    na_wit = True
    for tekst, stijl in runs:
        if tekst is None:
            if schoon and schoon[-1][0]:
                schoon[-1] = (schoon[-1][0].rstrip(" "), schoon[-1][1])
            schoon.append((None, ()))
            na_wit = True
            continue
        if na_wit:
            tekst = tekst.lstrip(" ")
        if tekst:
            schoon.append((tekst, stijl))
            na_wit = tekst.endswith(" ")
    while schoon:  # the end: no line break, no space
        tekst, stijl = schoon[-1]
        if tekst is not None and tekst.rstrip(" "):
            schoon[-1] = (tekst.rstrip(" "), stijl)
            break
        schoon.pop()
    uit = []
    for tekst, stijl in schoon:
        if tekst is None:
            uit.append("#linebreak()")
            continue
        markup = _tekst(tekst, kop)
        for s in reversed(stijl):
            if isinstance(s, tuple):
                markup = f"#link({_str(s[1])})[{markup}]"
            else:
                markup = f"#{s}[{markup}]"
        uit.append(markup)
    return "".join(uit)


# --- blocks -------------------------------------------------------------------------------------


def _tupel(items: list[str]) -> str:
    """A Typst array (one element needs the trailing comma)."""
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _klassen(knoop: _Knoop, toegestaan: set[str]) -> set[str]:
    onbekend = knoop.klassen - toegestaan
    if onbekend:
        raise OnbekendElement(f"<{knoop.tag} class={' '.join(sorted(onbekend))}>")
    return knoop.klassen


_P_BLOK = {"let-op": "let-op", "besluit": "besluit", "noot": "noot", "groet": "groet"}


def _blokken(knoop: _Knoop) -> str:
    delen = []
    for kind in knoop.kinderen:
        if isinstance(kind, str):
            if kind.strip():
                raise OnbekendElement(f"tekst direct in <{knoop.tag}>")
            continue
        delen.append(_blok(kind))
    return "\n\n".join(d for d in delen if d)


def _blok(k: _Knoop) -> str:
    if k.tag in ("main", "section", "body"):
        return _blokken(k)
    if k.tag == "header":
        _klassen(k, {"briefhoofd"})
        logo = next(p for p in k.elementen() if "logo" in p.klassen)
        afzender = next(p for p in k.elementen() if "afzender" in p.klassen)
        return f"#briefhoofd([{_inline(logo)}], [{_inline(afzender, regels=True)}])"
    if k.tag == "address":
        _klassen(k, {"adres"})
        return f"#adres[{_inline(k, regels=True)}]"
    if k.tag == "div":
        _klassen(k, {"kern"})
        return f"#kern[{_blokken(k)}]" if "kern" in k.klassen else _blokken(k)
    if k.tag in ("h1", "h2", "h3"):
        return f"#heading(level: {k.tag[1]})[{_inline(k)}]"
    if k.tag == "p":
        klassen = _klassen(k, set(_P_BLOK))
        if len(klassen) > 1:
            raise OnbekendElement(f"<p class={' '.join(sorted(klassen))}>")
        inhoud = _inline(k, regels="groet" in klassen)
        return f"#{_P_BLOK[klassen.pop()]}[{inhoud}]" if klassen else inhoud
    if k.tag == "ul":
        if any(li.tag != "li" for li in k.elementen()):
            raise OnbekendElement("in <ul> iets anders dan <li>")
        return f"#list{_tupel([f'[{_inline(li)}]' for li in k.elementen()])}"
    if k.tag == "table":
        klassen = _klassen(k, {"kenmerken", "bedragen", "kort", "smal"})
        return _kenmerken(k) if "kenmerken" in klassen else _bedragen(k, klassen)
    raise OnbekendElement(f"<{k.tag}>")


def _rijen(tabel: _Knoop, deel: str | None = None) -> list[_Knoop]:
    rijen = []
    for k in tabel.elementen():
        if k.tag == "tr" and deel in (None, "tbody"):
            rijen.append(k)
        elif k.tag in ("thead", "tbody") and (deel is None or k.tag == deel):
            rijen.extend(r for r in k.elementen() if r.tag == "tr")
    return rijen


def _kenmerken(tabel: _Knoop) -> str:
    """Datum, kenmerk (and BSN): a list of term and value (L, LI with Lbl and LBody)."""
    regels = []
    for tr in _rijen(tabel):
        kop, waarde = tr.elementen()
        regels.append(f"([{_inline(kop)}], [{_inline(waarde)}])")
    return f"#kenmerken{_tupel(regels)}"


def _bedragen(tabel: _Knoop, klassen: set[str]) -> str:
    caption = next(k for k in tabel.elementen() if k.tag == "caption")
    (kop,) = _rijen(tabel, "thead")
    breedtes, rechts, klein, koppen = [], [], [], []
    for x, th in enumerate(kop.elementen()):
        cls = _klassen(th, {"getal", "ref"})
        if "getal" in cls:
            breedtes.append("7.4em" if "smal" in klassen else "9.2em")
        elif "ref" in cls:
            breedtes.append("6em")
            klein.append(str(x))
        else:
            breedtes.append("1fr")
        rechts.append("true" if "getal" in cls else "false")
        koppen.append(f"[{_inline(th, kop=True)}]")
    rijen = []
    for tr in _rijen(tabel, "tbody"):
        soort = tr.attrs.get("class") or ""
        if soort not in ("", "deel", "subtotaal", "totaal"):
            raise OnbekendElement(f"<tr class={soort}>")
        cellen = [f"[{_inline(c)}]" for c in tr.elementen()]
        if len(cellen) != len(koppen):
            raise OnbekendElement("een rij met een ander aantal cellen dan de kop")
        rijen.append(f"({_str(soort)}, {_tupel(cellen)})")
    return (
        f"#bedragen([{_inline(caption)}], {_tupel(breedtes)}, {_tupel(rechts)}, "
        f"{_tupel(koppen)}, {_tupel(rijen)}, kort: {'true' if 'kort' in klassen else 'false'}, "
        f"klein: {_tupel(klein)})"
    )


def naar_typst(html: str) -> str:
    """The letter as Typst source (the print style, then its content)."""
    wortel = _lees(html)
    titel = _vind(wortel, "title")
    auteur = next(
        (
            k.attrs.get("content") or ""
            for k in _alle(wortel)
            if k.tag == "meta" and k.attrs.get("name") == "author"
        ),
        "",
    )
    body = _vind(wortel, "body")
    if body is None:
        raise OnbekendElement("geen <body>")
    document = f"#set document(title: {_str(_platte_tekst(titel) if titel else 'Brief')}"
    document += f", author: {_str(auteur)})" if auteur else ")"
    return f"{_stijl()}\n{document}\n\n{_blokken(body)}\n"


def _alle(knoop: _Knoop):
    for k in knoop.elementen():
        yield k
        yield from _alle(k)


def _platte_tekst(knoop: _Knoop) -> str:
    delen = []
    for k in knoop.kinderen:
        delen.append(k if isinstance(k, str) else _platte_tekst(k))
    return _WIT.sub(" ", "".join(delen)).strip()


# --- compiling ----------------------------------------------------------------------------------

_slot = threading.Lock()
_vrij: list = []  # compilers not in use: a thread takes one (or makes one) and gives it back
_pid = os.getpid()  # a forked process starts with an empty list (see _neem)
_stijl_bron: str | None = None


def _stijl() -> str:
    global _stijl_bron
    if _stijl_bron is None:
        _stijl_bron = (sjablonen.map_sjablonen() / "brieven" / "brief.typ").read_text(
            encoding="utf-8"
        )
    return _stijl_bron


def _neem():
    """A Typst compiler for this thread: it keeps the fonts loaded and what it laid out before;
    Typst runs without Python's lock, so threads compile letters at the same time."""
    global _pid
    with _slot:
        if _pid != os.getpid():
            _vrij.clear()
            _pid = os.getpid()
        if _vrij:
            return _vrij.pop()
    import typst

    return typst.Compiler()


def voorbereiden() -> None:
    """Read the print style and load the fonts now."""
    _stijl()
    compiler = _neem()
    with _slot:
        _vrij.append(compiler)


def _tijdstip() -> int:
    """The PDF's creation time: now, or ``SOURCE_DATE_EPOCH`` when set (the usual variable for
    reproducible output: the same letters are then the same bytes)."""
    vast = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(vast) if vast.isdigit() else int(time.time())


def naar_pdf(html: str) -> bytes:
    """The same letter as an A4 PDF, fonts embedded, tagged (PDF/UA-1)."""
    bron = naar_typst(html).encode("utf-8")
    compiler = _neem()
    try:
        return compiler.compile(input=bron, pdf_standards="ua-1", timestamp=_tijdstip())
    finally:
        with _slot:
            _vrij.append(compiler)
