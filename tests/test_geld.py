"""The exact money helpers: one rounding rule, no float."""

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wajong_conversie.geld import bedrag_tekst, centen, centiuren, half_up, ppm


def test_half_up_rounds_halves_away_from_zero():
    assert half_up(7355, 1000) == 7  # 7.355 → 7 (cents of a cent-scaled number)
    assert half_up(15, 10) == 2  # 1.5 → 2
    assert half_up(25, 10) == 3  # 2.5 → 3 (not banker's 2)
    assert half_up(-25, 10) == -3
    assert half_up(14, 10) == 1
    assert half_up(0, 7) == 0


def test_half_up_on_columns_matches_scalars():
    num = np.array([7355, 15, 25, -25, 14, 0], dtype=np.int64)
    assert half_up(num, 10).tolist() == [736, 2, 3, -3, 1, 0]


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6))
def test_half_up_equals_decimal_round_half_up(num, den):
    verwacht = (Decimal(num) / Decimal(den)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert half_up(num, den) == int(verwacht)
    assert int(half_up(np.array([num], dtype=np.int64), den)[0]) == int(verwacht)


def test_half_up_rejects_non_positive_denominator():
    with pytest.raises(ValueError):
        half_up(1, 0)


def test_exact_conversions_and_refusal_to_round():
    assert centen("1275.42") == 127542
    assert centen(Decimal("14.71")) == 1471
    assert ppm("0.235") == 235_000
    assert ppm("0.08324") == 83_240
    assert centiuren("24.5") == 2450
    with pytest.raises(ValueError):
        centen("1.005")  # more than two decimals is an error, never rounded
    with pytest.raises(ValueError):
        ppm("0.0000001")
    assert bedrag_tekst(-70) == "-0.70"
    assert bedrag_tekst(127542) == "1275.42"
