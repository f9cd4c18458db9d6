"""One rule for a value, wherever it comes from: a case file (JSON/TOML), a cohort cell (CSV or
.xlsx), the web form or the JSON API. This module says exactly which texts are accepted; the
cohort applies the same grammar to whole columns at once (``cohortinvoer``) and takes its
messages from the functions here, so a value gets the same verdict and the same message
everywhere, whatever the other rows of a file hold.

The grammar (after trimming spaces, tabs, line breaks and non-breaking spaces at both ends):

- **number**: ``[+-]?[0-9]+([.,][0-9]+)?`` — ASCII digits, at most one decimal separator (point
  or comma) with at least one digit on both sides. No exponent (``2.4e1``), no underscore, no
  inner space, no thousands separator, no other digits (Arabic, full-width). The value must be
  below 10^9 (at most 9 digits before the separator, leading zeros not counted).
- **amount** (``BEDRAG``: functieloon, garantiebedrag, overige inkomsten): at most 2 digits after
  the separator; exactly 3 (``1.600``, ``1,600``) is refused as ambiguous (Dutch thousands or
  a decimal point?), with a message that says how to write it.
- **hours** (``UREN``): at most 2 digits after the separator; **fraction** (``FRACTIE``:
  loonwaarde, werkgeverslasten): at most 6. ``0.550`` is a fraction, not an amount.
- **date**: the text ``JJJJ-MM-DD`` (ASCII digits, a real calendar date), or a date value of the
  file format itself (TOML ``2026-03-01``); not ``20260301``, not ``2026-W09-7``, no time.
- **yes/no**: ``true``/``false`` of the file format, or one of the words in ``JA``/``NEE``
  (any case).
- **id**: a text or a whole number; not a list, a table/object, true/false or a fraction.

Numbers of the file formats are judged by their source text: a JSON number is read with
``parse_float``/``parse_int`` hooks (never through float), a TOML float through ``parse_float``
(its text as written). TOML integers have no such hook, so the TOML source is scanned first
(outside strings and comments): hexadecimal, octal and binary integers (``0x18``), integers
with ``_`` and integers of more than 18 digits are refused before parsing. A Python float (an
Excel cell) is judged by ``repr``, its shortest exact text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

RAND = " \t\r\n\u00a0"  # trimmed around every value (the cohort trims the same characters)
GETAL = r"([+-]?)([0-9]+)(?:[.,]([0-9]+))?"
DATUM = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
MAX_HEEL_CIJFERS = 9  # |value| < 10^9; keeps every engine column far inside int64
_GETAL = re.compile(GETAL, re.ASCII)
_DATUM = re.compile(DATUM, re.ASCII)
_TOON = 40  # characters of a value shown in a message

JA = frozenset({"true", "ja", "j", "1", "waar", "yes"})
NEE = frozenset({"false", "nee", "n", "0", "onwaar", "no"})
MAX_DIEPTE = 50  # nesting of a JSON/TOML file; a case is flat, a scenario two levels deep


@attrs.frozen
class Soort:
    """What kind of number a field holds."""

    naam: str
    decimalen: int
    wat: str  # for "te veel decimalen voor …"
    voorbeeld: str
    bedrag: bool = False  # three digits after the separator are ambiguous


BEDRAG = Soort("bedrag", 2, "een bedrag (hoogstens 2)", "1600 of 14,71", bedrag=True)
UREN = Soort("uren", 2, "uren (hoogstens 2)", "24 of 24,5")
FRACTIE = Soort("fractie", 6, "een fractie (hoogstens 6)", "0,55")

VELDSOORT = {
    "uren_per_week": UREN,
    "voltijd_uren_per_week": UREN,
    "functieloon_per_uur": BEDRAG,
    "garantiebedrag_per_maand": BEDRAG,
    "overige_inkomsten_per_maand": BEDRAG,
    "loonwaarde": FRACTIE,
    "werkgeverslasten_percentage": FRACTIE,
}


class Getaltekst(str):
    """The source text of a number in a JSON or TOML file (a float, or a very long integer),
    so the grammar judges what the file said, never a float."""


class Leesfout(ValueError):
    """A file or JSON/TOML text that cannot be read; the message is Dutch. ``syntax``: the
    text breaks the format's own syntax (the API answers 400), otherwise it is valid syntax
    this tool refuses (duplicate keys, deep nesting, odd numbers: 422)."""

    def __init__(self, melding: str, syntax: bool = False):
        super().__init__(melding)
        self.syntax = syntax


def toon(tekst: str) -> str:
    """A value as quoted in a message (shortened: a message stays readable)."""
    return tekst if len(tekst) <= _TOON else tekst[: _TOON - 1] + "…"


# --- numbers --------------------------------------------------------------------------------


def tekst_van_getal(waarde: Any) -> str:
    """The text a number value is judged by; ValueError for what cannot be a number."""
    if isinstance(waarde, bool):
        raise ValueError("verwacht een getal, niet ja/nee")
    if isinstance(waarde, str):
        return waarde.strip(RAND)
    if isinstance(waarde, int):
        if abs(waarde) >= 10**30:
            raise ValueError("dit getal is te groot")
        return str(waarde)
    if isinstance(waarde, float):  # float ok: an Excel cell; judged by its shortest text
        return repr(waarde)
    if isinstance(waarde, Decimal):
        if not waarde.is_finite():
            return str(waarde)
        if waarde != 0 and abs(waarde.adjusted()) > 30:
            raise ValueError(f"'{toon(str(waarde))}' is geen getal")
        return format(waarde, "f")
    raise ValueError("verwacht een getal")


def _geen_getal(tekst: str, soort: Soort) -> ValueError:
    if not any(c in "0123456789" for c in tekst):
        return ValueError(f"'{toon(tekst)}' is geen getal")
    return ValueError(
        f"'{toon(tekst)}' is geen getal; schrijf alleen cijfers met hoogstens één decimaalteken, "
        f"zoals {soort.voorbeeld} (geen e-notatie, spaties, liggende streepjes of "
        "scheidingstekens voor duizendtallen)"
    )


def ontleed_getal(waarde: Any, soort: Soort) -> tuple[int, str, str]:
    """(sign, integer digits without leading zeros, decimal digits) of a valid number; a
    ValueError with the Dutch message otherwise. The one place that decides."""
    tekst = tekst_van_getal(waarde)
    m = _GETAL.fullmatch(tekst)
    if not m:
        raise _geen_getal(tekst, soort)
    teken, heel, deel = m.group(1), m.group(2).lstrip("0"), m.group(3) or ""
    if len(heel) > MAX_HEEL_CIJFERS:
        raise ValueError(f"'{toon(tekst)}' is te groot")
    if soort.bedrag and len(deel) == 3:
        cijfers = (heel + deel).lstrip("0") or "0"
        raise ValueError(
            f"'{toon(tekst)}' is dubbelzinnig: een punt of komma met drie cijfers erna kan "
            "een scheiding van duizendtallen zijn of een decimaalteken. Schrijf het bedrag "
            f"zonder scheiding van duizendtallen en met hoogstens 2 decimalen, bijvoorbeeld "
            f"{cijfers} of {cijfers},00"
        )
    if len(deel) > soort.decimalen:
        raise ValueError(f"'{toon(tekst)}' heeft te veel decimalen voor {soort.wat}")
    return (-1 if teken == "-" else 1), heel, deel


def lees_getal(waarde: Any, soort: Soort) -> Decimal:
    """A valid number as an exact Decimal (never through float)."""
    teken, heel, deel = ontleed_getal(waarde, soort)
    return Decimal(f"{'-' if teken < 0 else ''}{heel or '0'}.{deel or '0'}")


def geschaald(waarde: Any, soort: Soort) -> int:
    """A valid number as an integer × 10^decimalen (cents, hundredths, ppm)."""
    teken, heel, deel = ontleed_getal(waarde, soort)
    return teken * int((heel or "0") + deel.ljust(soort.decimalen, "0"))


# --- dates, yes/no, ids ------------------------------------------------------------------------


def lees_datum(waarde: Any) -> dt.date:
    if isinstance(waarde, dt.datetime):
        raise ValueError(f"'{toon(str(waarde))}' is geen datum; schrijf die als JJJJ-MM-DD")
    if isinstance(waarde, dt.date):
        return waarde
    tekst = waarde.strip(RAND) if isinstance(waarde, str) else str(waarde)
    fout = ValueError(f"'{toon(tekst)}' is geen datum; schrijf die als JJJJ-MM-DD")
    if not isinstance(waarde, str) or isinstance(waarde, Getaltekst):
        raise fout
    if not _DATUM.fullmatch(tekst):
        raise fout
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise fout from None


def lees_janee(waarde: Any) -> bool:
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, int):
        waarde = str(waarde)
    tekst = waarde.strip(RAND).lower() if isinstance(waarde, str) else str(waarde)
    if isinstance(waarde, str) and not isinstance(waarde, Getaltekst):
        if tekst in JA:
            return True
        if tekst in NEE:
            return False
    raise ValueError(f"'{toon(tekst)}' is geen ja/nee-waarde; gebruik true of false")


def lees_keuze(waarde: Any, keuzes: tuple[str, ...]) -> str:
    tekst = waarde.strip(RAND).lower() if isinstance(waarde, str) else str(waarde)
    if isinstance(waarde, Getaltekst) or not isinstance(waarde, str) or tekst not in keuzes:
        raise ValueError(f"'{toon(tekst)}' is onbekend; toegestaan: {', '.join(keuzes)}")
    return tekst


def lees_id(waarde: Any) -> str | None:
    """A text or a whole number; None when empty."""
    if waarde is None:
        return None
    if isinstance(waarde, Getaltekst):
        raise ValueError("verwacht een tekst of een heel getal")
    if isinstance(waarde, str):
        return waarde.strip(RAND) or None
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return str(waarde)
    raise ValueError("verwacht een tekst of een heel getal")


# --- small files, JSON and TOML texts ------------------------------------------------------

MAX_GEVAL_BYTES = 1 << 20  # a case or scenario file is a few hundred bytes; 1 MB is plenty


def lees_klein_bestand(pad: Path, wat: str, soorten: tuple[str, ...]) -> str:
    """A small UTF-8 text file: the extension, a regular file (no device, FIFO or folder) and
    the size are checked before anything is read, so ``/dev/zero`` or a FIFO never hangs."""
    if pad.suffix.lower() not in soorten:
        raise Leesfout(f"{pad}: gebruik een {'- of '.join(soorten)}-bestand")
    try:
        info = pad.stat()
    except FileNotFoundError:
        raise Leesfout(f"{wat} {pad} bestaat niet") from None
    except OSError as e:
        raise Leesfout(f"{wat} {pad} kan niet worden gelezen ({e.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise Leesfout(f"{pad} is een map, geen bestand")
    if not stat.S_ISREG(info.st_mode):
        raise Leesfout(f"{pad} is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp)")
    if info.st_size > MAX_GEVAL_BYTES:
        raise Leesfout(f"{wat} {pad} is groter dan 1 MB; dat kan geen {wat} zijn")
    try:
        with pad.open("rb") as f:
            inhoud = f.read(MAX_GEVAL_BYTES + 1)
    except OSError as e:  # no permission, …
        raise Leesfout(f"{wat} {pad} kan niet worden gelezen ({e.strerror})") from None
    if len(inhoud) > MAX_GEVAL_BYTES:
        raise Leesfout(f"{wat} {pad} is groter dan 1 MB; dat kan geen {wat} zijn")
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Leesfout(f"{wat} {pad} is geen UTF-8-tekst") from None


_JSON_NL = (
    ("Expecting value", 'hier hoort een waarde (een getal, een tekst tussen "…", true/false)'),
    ("Expecting property name enclosed in double quotes", 'hier hoort een veldnaam tussen "…"'),
    ("Expecting ',' delimiter", "hier hoort een komma"),
    ("Expecting ':' delimiter", "hier hoort een dubbele punt"),
    ("Extra data", "na het object staat nog meer tekst"),
    ("Unterminated string", "een tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("Invalid control character", "een tekst bevat een regeleinde of tab; schrijf \\n of \\t"),
    ("Invalid \\uXXXX escape", "een ongeldige \\u-code in een tekst"),
    ("Invalid \\escape", "een ongeldige \\ in een tekst"),
    ("Illegal trailing comma", "een komma voor het einde van een object of lijst"),
)


def _json_uniek(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for sleutel, waarde in paren:
        if sleutel in uit:
            raise Leesfout(
                f"het veld '{toon(sleutel)}' staat er meer dan één keer in; laat er één staan"
            )
        uit[sleutel] = waarde
    return uit


def _json_heel(tekst: str) -> int | Getaltekst:
    # a very long integer stays text: the grammar says "te groot" (no 4 300-digit conversion)
    return int(tekst) if len(tekst) <= 30 else Getaltekst(tekst)


def _json_constante(tekst: str) -> Any:
    raise Leesfout(f"'{tekst}' is geen getal in JSON")


def _diepte_json(tekst: str) -> int:
    """Deepest nesting of [ and { outside strings (cheap, before the recursive parser)."""
    diepte = hoogste = 0
    in_tekst = escape = False
    for c in tekst:
        if in_tekst:
            if escape:
                escape = False
            elif c == "\\":
                escape = True
            elif c == '"':
                in_tekst = False
        elif c == '"':
            in_tekst = True
        elif c in "[{":
            diepte += 1
            hoogste = max(hoogste, diepte)
        elif c in "]}":
            diepte -= 1
    return hoogste


def json_laden(tekst: str) -> Any:
    """A JSON text with exact numbers (``Getaltekst``/int), no duplicate keys, Dutch errors."""
    if "[" in tekst or "{" in tekst:
        if tekst.count("[") + tekst.count("{") > MAX_DIEPTE and _diepte_json(tekst) > MAX_DIEPTE:
            raise Leesfout(f"geen geldige JSON: meer dan {MAX_DIEPTE} lagen [ of {{ in elkaar")
    try:
        return json.loads(
            tekst,
            parse_float=Getaltekst,
            parse_int=_json_heel,
            parse_constant=_json_constante,
            object_pairs_hook=_json_uniek,
        )
    except json.JSONDecodeError as e:
        uitleg = next((nl for en, nl in _JSON_NL if e.msg.startswith(en)), "de opbouw klopt niet")
        raise Leesfout(
            f"geen geldige JSON: {uitleg} (regel {e.lineno}, kolom {e.colno})", syntax=True
        ) from None
    except RecursionError:
        raise Leesfout(f"geen geldige JSON: meer dan {MAX_DIEPTE} lagen in elkaar") from None


_TOML_NL = (
    ("Invalid statement", "deze regel is geen sleutel = waarde of [tabel]"),
    ("Invalid value", "ongeldige waarde (een tekst hoort tussen aanhalingstekens)"),
    ("Expected '=' after a key", "na de sleutel hoort een ="),
    ("Cannot overwrite a value", "deze sleutel staat er al"),
    ("Cannot declare", "deze tabel of sleutel staat er al"),
    ("Unclosed array", "een lijst [ … ] wordt niet afgesloten"),
    ("Unclosed inline table", "een tabel { … } wordt niet afgesloten"),
    ("Unterminated string", "een tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("Invalid date or datetime", "ongeldige datum; schrijf JJJJ-MM-DD"),
    ("Expected newline or end of document", "na de waarde hoort een nieuwe regel"),
    ("Invalid initial character for a key part", "ongeldige sleutel"),
    ("Illegal character", 'ongeldig teken (bijvoorbeeld een tekst zonder afsluitend "-teken)'),
)
_TOML_PLAATS = re.compile(r"^(.*?)\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")
# strings and comments, to be blanked before looking for integer literals
_TOML_TEKST = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_TOML_HEEL = re.compile(
    r"(?<![\w.:+-])[+-]?(?:0[xob][0-9A-Za-z_]*|[0-9][0-9_]*)(?![\w.:-])", re.ASCII
)


def _toml_getallen(tekst: str) -> None:
    """Integers TOML reads but this tool refuses: 0x…, 0o…, 0b…, with _, or > 18 digits."""
    kaal = _TOML_TEKST.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), tekst)
    for m in _TOML_HEEL.finditer(kaal):
        teken = m.group()
        cijfers = teken.lstrip("+-")
        regel = kaal.count("\n", 0, m.start()) + 1
        if cijfers[:2] in ("0x", "0o", "0b") or "_" in cijfers:
            raise Leesfout(
                f"'{toon(teken)}' (regel {regel}) is geen gewoon getal; schrijf alleen cijfers, "
                "zonder 0x, 0o, 0b of liggende streepjes"
            )
        if len(cijfers) > 18:
            raise Leesfout(f"'{toon(teken)}' (regel {regel}) is te groot")


def toml_laden(tekst: str) -> dict[str, Any]:
    """A TOML text; floats as ``Getaltekst`` (their text), odd integers refused, Dutch errors."""
    if tekst.count("[") + tekst.count("{") > MAX_DIEPTE:
        kaal = _TOML_TEKST.sub("", tekst)
        diepte = hoogste = 0
        for c in kaal:
            if c in "[{":
                diepte += 1
                hoogste = max(hoogste, diepte)
            elif c in "]}":
                diepte -= 1
        if hoogste > MAX_DIEPTE:
            raise Leesfout(f"geen geldige TOML: meer dan {MAX_DIEPTE} lagen [ of {{ in elkaar")
    try:
        data = tomllib.loads(tekst, parse_float=Getaltekst)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_PLAATS.match(str(e))
        bericht, regel = (m.group(1), m.group(2)) if m else (str(e), None)
        uitleg = next((nl for en, nl in _TOML_NL if bericht.startswith(en)), "de opbouw klopt niet")
        plaats = f" (regel {regel})" if regel else " (aan het einde)"
        raise Leesfout(f"geen geldige TOML: {uitleg}{plaats}", syntax=True) from None
    except RecursionError:
        raise Leesfout(f"geen geldige TOML: meer dan {MAX_DIEPTE} lagen in elkaar") from None
    except ValueError:  # an integer tomllib cannot convert
        raise Leesfout("geen geldige TOML: een getal is te groot") from None
    _toml_getallen(tekst)
    return data
