"""Dated parameters: the right value for a date, its source, and no silent fallback."""

import datetime as dt

import pytest

from wajong_conversie import parameters
from wajong_conversie.parameters import GeenParameters, Schijf


def test_wml_changes_on_1_january_and_1_july():
    assert parameters.voor_datum(dt.date(2025, 6, 30)).wml_uur_21 == 1406
    assert parameters.voor_datum(dt.date(2025, 7, 1)).wml_uur_21 == 1440
    assert parameters.voor_datum(dt.date(2026, 1, 1)).wml_maand_21 == 229440
    assert parameters.voor_datum(dt.date(2024, 1, 1)).wml_maand_21 == 206940


def test_youth_hourly_amounts_are_the_published_ones():
    p = parameters.voor_datum(dt.date(2026, 3, 1))
    assert (p.wml_uur_20, p.wml_uur_19, p.wml_uur_18) == (1177, 883, 736)


def test_tax_brackets_2026():
    p = parameters.voor_datum(dt.date(2026, 5, 1))
    assert p.box1_schijven == (
        Schijf(0, 357_500),
        Schijf(3_888_300, 375_600),
        Schijf(7_842_600, 495_000),
    )
    assert p.arbeidskorting[1] == Schijf(1_196_500, 310_090, 99_600)
    assert p.jonggehandicaptenkorting == 92_300


def test_every_value_has_a_source_and_a_status():
    for naam, p in parameters.laad().parameters.items():
        for w in p.waarden:
            assert w.bron.strip(), naam
            assert w.status in {"geverifieerd", "controleren"}


def test_a_date_without_parameters_is_an_error_not_a_fallback():
    with pytest.raises(GeenParameters) as e:
        parameters.voor_datum(dt.date(2027, 1, 1))
    assert "box1_schijven" in e.value.ontbrekend
    with pytest.raises(GeenParameters):
        parameters.voor_datum(dt.date(2023, 12, 31))


def test_unverified_values_are_reported_when_used():
    p = parameters.voor_datum(dt.date(2026, 8, 1))
    assert p.wml_maand_21 == 233820  # estimate, marked "controleren"
    assert [w.naam for w in p.onbevestigd()] == ["wml_maand_21"]
    p = parameters.voor_datum(dt.date(2026, 3, 1))
    _ = p.wml_maand_21
    assert p.onbevestigd() == []


def test_known_range_covers_2024_to_2026():
    assert parameters.laad().bekend == (dt.date(2024, 1, 1), dt.date(2026, 12, 31))
