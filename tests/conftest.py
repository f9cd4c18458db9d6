"""Shared helpers: build a checked case from a few fields, compute it under a scenario.

Also the rules of the whole suite: under ``CI=true`` a skipped test (a missing console script,
chromium, playwright …) is a failure, never a silent skip; and Hypothesis runs
derandomised (profile ``ci``) with its database outside the repository.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario
from wajong_conversie.uitvoer import als_dict
from wajong_conversie.validatie import lees_en_controleer

IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}

# Reproducible in CI: the same examples every run, no example database in the repository.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
# Locally: Hypothesis' defaults, but the example database in the temp folder, not in the tree.
settings.register_profile(
    "lokaal",
    database=DirectoryBasedExampleDatabase(
        os.path.join(tempfile.gettempdir(), "wajong-conversie-hypothesis")
    ),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "lokaal"))


def _skip_is_fout(rapport) -> None:
    """Under CI=true a skip means a missing prerequisite: report it as a failure."""
    if IN_CI and rapport.skipped and not hasattr(rapport, "wasxfail"):
        reden = rapport.longrepr[2] if isinstance(rapport.longrepr, tuple) else rapport.longrepr
        rapport.outcome = "failed"
        rapport.longrepr = f"overgeslagen onder CI=true, dat mag niet: {reden}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    uitkomst = yield
    _skip_is_fout(uitkomst.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    uitkomst = yield
    _skip_is_fout(uitkomst.get_result())


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
