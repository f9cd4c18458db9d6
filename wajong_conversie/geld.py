"""Exact money helpers: integer cents, rates as integer ratios, one rounding rule.

Conventions for the whole engine (RULES §2):
- an amount is an integer number of cents (int64 in numpy columns);
- a rate or fraction (loonwaarde, percentages) is an integer in parts per million (``PPM``),
  so 0.55 is 550_000 and 8.324 % is 83_240;
- hours are integer hundredths of an hour (``CENTIUUR``), so 24.5 h is 2_450;
- rounding happens only through :func:`half_up`, at the points RULES §2 names.

Every rule keeps its exact rational value as a numerator over a denominator until one of
those points, so no float ever touches money.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import numpy as np

PPM = 1_000_000
"""Denominator of every rate: 1 = 1_000_000."""

CENTIUUR = 100
"""Hours are stored in hundredths."""

DAGEN_PER_MAAND_X100 = 2175
"""21.75 uitkeringsdagen per maand, ×100 (AIB art. 4:1 lid 2)."""


def half_up(num, den):
    """Round ``num / den`` to the nearest integer, halves away from zero (ROUND_HALF_UP).

    Works on Python ints and on int64 numpy arrays alike; ``den`` must be positive.
    Exact: ``(2·|num| + den) // (2·den)`` never leaves integer arithmetic.
    """
    if not isinstance(num, np.ndarray) and not isinstance(den, np.ndarray):
        if den <= 0:
            raise ValueError("half_up: noemer moet positief zijn")
        magnitude = (2 * abs(num) + den) // (2 * den)
        return -magnitude if num < 0 else magnitude
    if isinstance(den, np.ndarray):
        if np.any(den <= 0):
            raise ValueError("half_up: noemer moet positief zijn")
    else:
        den = int(den)  # a Python int divisor lets numpy use its fast constant division
        if den <= 0:
            raise ValueError("half_up: noemer moet positief zijn")
    num = np.asarray(num, dtype=np.int64)
    uit = (2 * num + den) // (2 * den)  # correct for num >= 0
    negatief = num < 0
    if negatief.any():  # rare (differences); mirror those so halves go away from zero
        d = den[negatief] if isinstance(den, np.ndarray) and den.ndim else den
        uit[negatief] = -((-2 * num[negatief] + d) // (2 * d))
    return uit


def maal_ppm(bedrag, ppm):
    """``bedrag × rate``, rounded half-up to cents (one rounding point)."""
    return half_up(bedrag * ppm, PPM)


def _decimal(waarde: str | int | Decimal, wat: str) -> Decimal:
    if isinstance(waarde, bool):
        raise ValueError(f"{wat}: verwacht een getal")
    try:
        d = Decimal(str(waarde).strip())
    except InvalidOperation:
        raise ValueError(f"{wat}: '{waarde}' is geen getal") from None
    if not d.is_finite():
        raise ValueError(f"{wat}: '{waarde}' is geen getal")
    return d


def _schaal(waarde: str | int | Decimal, factor: int, decimalen: int, wat: str) -> int:
    try:
        d = _decimal(waarde, wat) * factor
    except ArithmeticError:  # decimal.Overflow for an absurd exponent such as 1e999999999
        raise ValueError(f"{wat}: '{waarde}' is te groot") from None
    if d != d.to_integral_value():
        raise ValueError(f"{wat}: hoogstens {decimalen} decimalen toegestaan")
    return int(d)


def centen(waarde: str | int | Decimal) -> int:
    """Exact cents from a decimal text or Decimal: ``"1275.42"`` → 127542 (no rounding)."""
    return _schaal(waarde, 100, 2, "bedrag")


def ppm(waarde: str | int | Decimal) -> int:
    """Exact parts per million from a fraction: ``"0.235"`` → 235000 (no rounding)."""
    return _schaal(waarde, PPM, 6, "fractie")


def centiuren(waarde: str | int | Decimal) -> int:
    """Exact hundredths of an hour: ``"24.5"`` → 2450 (no rounding)."""
    return _schaal(waarde, CENTIUUR, 2, "uren")


def als_decimal(cent: int) -> Decimal:
    """Cents to a two-decimal Decimal, for the edges (JSON, letters, Babel)."""
    return Decimal(int(cent)).scaleb(-2).quantize(Decimal("0.01"))


def ppm_als_decimal(waarde: int) -> Decimal:
    return (Decimal(int(waarde)) / PPM).normalize()


def bedrag_tekst(cent: int) -> str:
    """Cents as a plain string with two decimals and a point: 127542 → ``"1275.42"``."""
    return f"{als_decimal(cent):.2f}"
