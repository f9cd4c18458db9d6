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


def draai_cohort(map_: Path, rijen: list[dict]) -> dict[str, dict]:
    """Write ``rijen`` (each with its own id) as a cohort CSV in ``map_``, run the `cohort`
    command on it into ``map_ / "uit"`` and return resultaten.csv by id."""
    import csv
    import subprocess
    import sys

    velden = list(dict.fromkeys(k for rij in rijen for k in rij))
    invoer = map_ / "c.csv"
    with invoer.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=velden)
        w.writeheader()
        for rij in rijen:
            w.writerow({k: str(v).lower() if isinstance(v, bool) else v for k, v in rij.items()})
    r = subprocess.run(
        [str(Path(sys.executable).parent / "wajong-conversie"), "cohort", str(invoer),
         "--uit", str(map_ / "uit"), "--geen-xlsx"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    with (map_ / "uit" / "resultaten.csv").open(newline="") as f:
        return {x["id"]: x for x in csv.DictReader(f)}


def euro(tekst: str) -> Decimal:
    return Decimal(tekst)


@pytest.fixture
def peildatum() -> dt.date:
    return dt.date(2026, 3, 1)
