"""The path over the years after conversion (RULES §6; art. 8:8 lid 5 and lid 7).

Year k (0 = the conversion year) is computed on the date ``ingangsdatum + k years`` with the
same engine as a single calculation, both situations side by side:
- the minimum wage follows the parameters of that date; for a date after the known data the
  last known values are used and the result says so (an assumption, never silent);
- the garantiebedrag follows the WML by the same percentage (art. 8:8 lid 7);
- the functieloon follows the adult hourly WML by the same percentage and is never below the
  worker's own (youth) WML [keuze];
- the supplement of ``afbouw`` steps down, the employer compensation stops after its years;
- a garantiebedrag lapses for good after a year in which the formula paid more (art. 8:8 lid 5),
  in each situation separately;
- a worker who reaches the AOW age leaves the path (the Wajong ends, art. 2:16 lid 1 onder b).
"""

from __future__ import annotations

import datetime as dt

import attrs
import numpy as np

from wajong_conversie import parameters as parameterbron
from wajong_conversie.geld import half_up
from wajong_conversie.model import Invoer, leeftijd_in_maanden
from wajong_conversie.rekenkern import Jaarstand, Resultaat, bereken
from wajong_conversie.scenario import Scenario
from wajong_conversie.wajong import wml_uur

KEUZE_INDEXATIE = (
    "In latere jaren stijgen het functieloon en het garantiebedrag met hetzelfde percentage als "
    "het minimumloon (garantiebedrag: Wajong art. 8:8 lid 7; functieloon: aanname van dit model, "
    "nooit lager dan het minimumloon voor de leeftijd)."
)


@attrs.frozen
class Jaar:
    jaar: int  # years after conversion
    resultaat: Resultaat
    actief: np.ndarray  # False for rows past the AOW age


def plus_jaren(datums: np.ndarray, jaren: int) -> np.ndarray:
    """Same day and month, ``jaren`` later; 29 February becomes 28 February."""

    def een(d: dt.date) -> dt.date:
        try:
            return d.replace(year=d.year + jaren)
        except ValueError:
            return d.replace(year=d.year + jaren, day=28)

    uniek, terug = np.unique(datums, return_inverse=True)
    return np.array([een(d.astype(dt.date)) for d in uniek], dtype="datetime64[D]")[terug]


def _per_datum(datums: np.ndarray, waarde) -> np.ndarray:
    """A parameter-derived column: ``waarde(parameters, index)`` per distinct date."""
    uit = np.zeros(len(datums), dtype=np.int64)
    for d in np.unique(datums):
        rijen = np.flatnonzero(datums == d)
        uit[rijen] = waarde(parameterbron.voor_datum(d.astype(dt.date), aanname=True), rijen)
    return uit


def pad(
    invoer: Invoer, scenario: Scenario, jaren: int | None = None, jaar0: Resultaat | None = None
) -> list[Jaar]:
    """The transition year by year for a batch (validated cases). ``jaar0``: the plain
    calculation of the same batch, reused as year 0 when the path starts at the peildatum."""
    jaren = scenario.overgangsjaren if jaren is None else jaren
    start = (
        invoer.peildatum
        if scenario.ingangsdatum is None
        else np.full(len(invoer), np.datetime64(scenario.ingangsdatum))
    )
    basis = attrs.evolve(invoer, peildatum=start)
    wml_maand_0 = _per_datum(start, lambda p, _: p.wml_maand_21)
    wml_uur_0 = _per_datum(start, lambda p, _: p.wml_uur_21)
    vervallen_h = np.zeros(len(invoer), dtype=bool)
    vervallen_n = np.zeros(len(invoer), dtype=bool)
    uitkomst = []
    for k in range(jaren):
        datum = plus_jaren(start, k)
        maanden = leeftijd_in_maanden(invoer.geboortedatum, datum)
        aow = _per_datum(datum, lambda p, _: p.aow_leeftijd_maanden)
        actief = maanden < aow
        leeftijd = np.minimum(maanden // 12, 66)
        wml_maand_k = _per_datum(datum, lambda p, _: p.wml_maand_21)
        wml_uur_k = _per_datum(datum, lambda p, _: p.wml_uur_21)
        eigen_wml = _per_datum(datum, lambda p, rijen, lft=leeftijd: wml_uur(lft[rijen], p))
        jaarinvoer = attrs.evolve(
            basis,
            peildatum=datum,
            functieloon=np.maximum(half_up(basis.functieloon * wml_uur_k, wml_uur_0), eigen_wml),
            garantiebedrag=half_up(basis.garantiebedrag * wml_maand_k, wml_maand_0),
        )
        if k == 0 and jaar0 is not None and scenario.ingangsdatum is None:
            r = jaar0  # same date, same amounts, nothing lapsed yet: identical to year 0
        else:
            stand = Jaarstand(k, vervallen_h.copy(), vervallen_n.copy(), aanname=True)
            r = bereken(jaarinvoer, scenario, stand)
        uitkomst.append(Jaar(k, r, actief))
        # art. 8:8 lid 5: a year in which the formula pays more ends the garantiebedrag for good
        heeft_gb = jaarinvoer.garantiebedrag > 0
        vervallen_h |= heeft_gb & (
            r.huidig["uitkering_formule_dispensatie_per_dag"] > r.huidig["garantiebedrag_per_dag"]
        )
        if scenario.garantiebedrag == "behouden" and "uitkering_formule_per_dag" in r.nieuw:
            vervallen_n |= heeft_gb & (
                r.nieuw["uitkering_formule_per_dag"] > r.nieuw["garantiebedrag_per_dag"]
            )
    return uitkomst
