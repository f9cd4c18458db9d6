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

Numbers of the file formats are judged by their source text (``Getaltekst``, see
:mod:`tekstbestand`); a Python float (an Excel cell) is judged by ``repr``, its shortest exact
text.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs

from wajong_conversie.meldingen import Melding

RAND = " \t\r\n\u00a0"  # trimmed around every value (the cohort trims the same characters)
GETAL = r"([+-]?)([0-9]+)(?:[.,]([0-9]+))?"
DATUM = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
MAX_HEEL_CIJFERS = 9  # |value| < 10^9; keeps every engine column far inside int64
_GETAL = re.compile(GETAL, re.ASCII)
_DATUM = re.compile(DATUM, re.ASCII)
_TOON = 40  # characters of a value shown in a message

JA = frozenset({"true", "ja", "j", "1", "waar", "yes"})
NEE = frozenset({"false", "nee", "n", "0", "onwaar", "no"})


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
    # household (issue 11)
    "partner_inkomen_per_jaar": BEDRAG,
    "huur_per_maand": BEDRAG,
    "vermogen": BEDRAG,
    "pensioen_werknemer_percentage": FRACTIE,
    "pensioen_franchise_per_jaar": BEDRAG,
    "pensioen_werkgever_percentage": FRACTIE,
}


class Getaltekst(str):
    """The source text of a number in a JSON or TOML file (a float, or a very long integer),
    so the grammar judges what the file said, never a float."""


def toon(tekst: str) -> str:
    """A value as quoted in a message (shortened: a message stays readable)."""
    return tekst if len(tekst) <= _TOON else tekst[: _TOON - 1] + "…"


# --- numbers --------------------------------------------------------------------------------


def tekst_van_getal(waarde: Any) -> str:
    """The text a number value is judged by; ValueError for what cannot be a number."""
    if isinstance(waarde, bool):
        raise Melding("getal_geen_janee")
    if isinstance(waarde, str):
        return waarde.strip(RAND)
    if isinstance(waarde, int):
        if abs(waarde) >= 10**30:
            raise Melding("getal_te_groot")
        return str(waarde)
    if isinstance(waarde, float):  # float ok: an Excel cell; judged by its shortest text
        return repr(waarde)
    if isinstance(waarde, Decimal):
        if not waarde.is_finite():
            return str(waarde)
        if waarde != 0 and abs(waarde.adjusted()) > 30:
            raise Melding("geen_getal", waarde=toon(str(waarde)))
        return format(waarde, "f")
    raise Melding("verwacht_getal")


def _geen_getal(tekst: str, soort: Soort) -> ValueError:
    if not any(c in "0123456789" for c in tekst):
        return Melding("geen_getal", waarde=toon(tekst))
    return Melding("geen_getal_vorm", waarde=toon(tekst), voorbeeld=soort.voorbeeld)


def ontleed_getal(waarde: Any, soort: Soort) -> tuple[int, str, str]:
    """(sign, integer digits without leading zeros, decimal digits) of a valid number; a
    ValueError with the Dutch message otherwise. The one place that decides."""
    tekst = tekst_van_getal(waarde)
    m = _GETAL.fullmatch(tekst)
    if not m:
        raise _geen_getal(tekst, soort)
    teken, heel, deel = m.group(1), m.group(2).lstrip("0"), m.group(3) or ""
    if len(heel) > MAX_HEEL_CIJFERS:
        raise Melding("getal_waarde_te_groot", waarde=toon(tekst))
    if soort.bedrag and len(deel) == 3:
        cijfers = (heel + deel).lstrip("0") or "0"
        raise Melding("bedrag_dubbelzinnig", waarde=toon(tekst), cijfers=cijfers)
    if len(deel) > soort.decimalen:
        raise Melding("te_veel_decimalen", waarde=toon(tekst), wat=soort.wat)
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
        raise Melding("geen_datum", waarde=toon(str(waarde)))
    if isinstance(waarde, dt.date):
        return waarde
    tekst = waarde.strip(RAND) if isinstance(waarde, str) else str(waarde)
    if isinstance(waarde, str) and not isinstance(waarde, Getaltekst) and _DATUM.fullmatch(tekst):
        try:
            return dt.date.fromisoformat(tekst)
        except ValueError:
            pass
    raise Melding("geen_datum", waarde=toon(tekst))


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
    raise Melding("geen_janee", waarde=toon(tekst))


def lees_keuze(waarde: Any, keuzes: tuple[str, ...]) -> str:
    tekst = waarde.strip(RAND).lower() if isinstance(waarde, str) else str(waarde)
    if isinstance(waarde, Getaltekst) or not isinstance(waarde, str) or tekst not in keuzes:
        raise Melding("onbekende_keuze", waarde=toon(tekst), keuzes=", ".join(keuzes))
    return tekst


def lees_id(waarde: Any) -> str | None:
    """A text or a whole number; None when empty."""
    if waarde is None:
        return None
    if isinstance(waarde, Getaltekst):
        raise Melding("verwacht_id")
    if isinstance(waarde, str):
        return waarde.strip(RAND) or None
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return str(waarde)
    raise Melding("verwacht_id")
