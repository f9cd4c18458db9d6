"""The trace: every computed column has a name, a formula, its inputs and a legal source.

Rule modules declare their quantities with :func:`grootheid`; the engine stores each computed
column in a :class:`Spoor` under that name. The explanation of one case (CLI, web page,
letters) is read from the spoor, so every number can say why it is what it is.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import numpy as np

EENHEDEN = ("EUR/uur", "EUR/dag", "EUR/maand", "EUR/jaar", "fractie", "uren", "jaar", "ja/nee")


@attrs.frozen
class Grootheid:
    naam: str
    label: str  # short Dutch label for people
    formule: str  # the rule, written with the Dutch names of its inputs
    bron: str  # article, Kamerstuk or regeling
    eenheid: str
    invoer: tuple[str, ...] = ()  # names of quantities, case fields or parameters it uses
    keuze: str | None = None  # a modelling choice of this project where the law leaves room


CATALOGUS: dict[str, Grootheid] = {}


def grootheid(
    naam: str,
    label: str,
    formule: str,
    bron: str,
    eenheid: str,
    invoer: tuple[str, ...] = (),
    keuze: str | None = None,
) -> str:
    """Register a quantity of the trace and return its name (used as the column key)."""
    if eenheid not in EENHEDEN:
        raise ValueError(f"onbekende eenheid {eenheid!r} voor {naam}")
    if naam in CATALOGUS:
        raise ValueError(f"grootheid {naam} is al geregistreerd")
    CATALOGUS[naam] = Grootheid(naam, label, formule, bron, eenheid, tuple(invoer), keuze)
    return naam


class Spoor:
    """Named columns of one situation, in the order they were computed."""

    def __init__(self) -> None:
        self._kolommen: dict[str, np.ndarray] = {}

    def __setitem__(self, naam: str, kolom: np.ndarray) -> None:
        if naam not in CATALOGUS:
            raise KeyError(f"{naam} staat niet in de catalogus van grootheden")
        self._kolommen[naam] = kolom

    def __getitem__(self, naam: str) -> np.ndarray:
        return self._kolommen[naam]

    def __contains__(self, naam: str) -> bool:
        return naam in self._kolommen

    def __iter__(self) -> Iterator[str]:
        return iter(self._kolommen)

    def items(self):
        return self._kolommen.items()

    def neem(self, index: np.ndarray) -> Spoor:
        """A spoor with only the given rows."""
        nieuw = Spoor()
        nieuw._kolommen = {k: v[index] for k, v in self._kolommen.items()}
        return nieuw

    @staticmethod
    def samenvoegen(delen: list[tuple[np.ndarray, Spoor]], n: int) -> Spoor:
        """Scatter the sporen of groups of rows (``index``, spoor) back into one of length n."""
        nieuw = Spoor()
        for naam in delen[0][1]:
            eerste = delen[0][1][naam]
            kolom = np.zeros(n, dtype=eerste.dtype)
            for index, deel in delen:
                kolom[index] = deel[naam]
            nieuw._kolommen[naam] = kolom
        return nieuw
