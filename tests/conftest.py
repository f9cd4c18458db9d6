"""Shared helpers: build a checked case from a few fields, compute it under a scenario."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario
from wajong_conversie.uitvoer import als_dict
from wajong_conversie.validatie import lees_en_controleer

# Paths from this file, never from the working directory: the suite runs from any folder.
PROJECT = Path(__file__).resolve().parents[1]
VOORBEELDEN = PROJECT / "examples"
TESTSCENARIOS = Path(__file__).resolve().parent / "scenarios"

# RULES §9: peildatum 2026-03-01, age ≥ 21, wajong2010 with arbeidsvermogen, voltijd 38,
# werkgeverslasten 23.5 %.
BASIS = {
    "peildatum": "2026-03-01",
    "geboortedatum": "1995-05-05",
    "regime": "wajong2010",
    "arbeidsvermogen": True,
    "voltijd_uren_per_week": "38",
    "werkgeverslasten_percentage": "0.235",
    "garantiebedrag_per_maand": "0",
}


def geval(**velden) -> dict:
    return {**BASIS, **{k: v for k, v in velden.items()}}


def reken(record: dict, **scenario) -> dict:
    _, invoer = lees_en_controleer(record)
    return als_dict(bereken(invoer, Scenario(**scenario)))


def euro(tekst: str) -> Decimal:
    return Decimal(tekst)


@pytest.fixture
def peildatum() -> dt.date:
    return dt.date(2026, 3, 1)
