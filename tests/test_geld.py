"""The exact money helpers: one rounding rule, no float."""

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wajong_conversie.geld import (
    als_decimal,
    bedrag_tekst,
    centen,
    centiuren,
    half_up,
    ppm,
    ppm_als_decimal,
)


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


def test_half_up_met_noemers_per_rij():
    num = np.array([25, -25, 7, -7355], dtype=np.int64)
    den = np.array([10, 10, 1, 1000], dtype=np.int64)
    assert half_up(num, den).tolist() == [3, -3, 7, -7]
    with pytest.raises(ValueError, match="noemer moet positief"):
        half_up(num, np.array([10, 0, 1, 1], dtype=np.int64))


def test_half_up_weigert_noemer_nul_met_melding():
    with pytest.raises(ValueError, match="noemer moet positief"):
        half_up(1, 0)
    with pytest.raises(ValueError, match="noemer moet positief"):
        half_up(np.array([1], dtype=np.int64), 0)


@pytest.mark.parametrize(
    "functie, waarde, melding",
    [
        (centen, "1.005", "bedrag: hoogstens 2 decimalen toegestaan"),
        (ppm, "0.0000001", "fractie: hoogstens 6 decimalen toegestaan"),
        (centiuren, "24.125", "uren: hoogstens 2 decimalen toegestaan"),
        (centen, True, "bedrag: verwacht een getal"),
        (centen, "veel", "bedrag: 'veel' is geen getal"),
        (ppm, "NaN", "fractie: 'NaN' is geen getal"),
        (centen, "1e999999999", "bedrag: '1e999999999' is te groot"),
    ],
)
def test_meldingen_noemen_veld_en_reden(functie, waarde, melding):
    with pytest.raises(ValueError) as fout:
        functie(waarde)
    assert str(fout.value) == melding


def test_naar_decimal():
    assert als_decimal(-70) == Decimal("-0.70") and str(als_decimal(5)) == "0.05"
    assert ppm_als_decimal(235_000) == Decimal("0.235")
    assert str(ppm_als_decimal(83_240)) == "0.08324"
