"""Dutch formatting of amounts, dates and percentages with Babel (nl_NL). Nothing by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from wajong_conversie.geld import PPM, als_decimal

LOCALE = Locale.parse("nl_NL")  # parsed once: a locale string is parsed again on every call


def bedrag(cent: int) -> str:
    """127542 → '€ 1.275,42'."""
    return format_currency(als_decimal(cent), "EUR", locale=LOCALE)


def verschil(cent: int, minteken: str = "-") -> str:
    """A signed difference: '+€ 174,70', '-€ 0,70', '€ 0,00'. Letters pass the real minus
    sign ``minteken="\u2212"``."""
    if cent == 0:
        return bedrag(0)
    return format_currency(
        als_decimal(cent),
        "EUR",
        format=f"+¤\u00a0#,##0.00;{minteken}¤\u00a0#,##0.00",
        locale=LOCALE,
        currency_digits=False,
    )


def datum(d: dt.date) -> str:
    """date(2026, 1, 1) → '1 januari 2026'."""
    return format_date(d, format="long", locale=LOCALE)


def percentage(ppm_waarde: int) -> str:
    """550000 → '55%'; 235000 → '23,5%'."""
    return format_percent(Decimal(int(ppm_waarde)) / PPM, format="#,##0.###%", locale=LOCALE)


def getal(waarde: Decimal | int) -> str:
    return format_decimal(waarde, locale=LOCALE)


def uren(centi: int) -> str:
    return format_decimal(Decimal(int(centi)) / 100, format="#,##0.##", locale=LOCALE)


def aantal(n: int, enkel: str, meer: str) -> str:
    """'1 werknemer', '2 werknemers', '1.579 werknemers'."""
    return f"{getal(int(n))} {enkel if n == 1 else meer}"
