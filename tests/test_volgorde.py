"""Writing a cohort run's pieces in file order from the worker threads (volgorde.Volgorde):
whatever order the workers finish in, the pieces are written 0, 1, 2, …; a piece that
writes nothing passes its turn; after stop() nothing more is written and nobody waits."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from wajong_conversie.volgorde import Volgorde


def _draai(aantal: int, leeg: set[int], vertraging: dict[int, float]) -> list[int]:
    geschreven: list[int] = []
    bezig = threading.Lock()

    def schrijf(tekst, tabel) -> None:
        assert bezig.acquire(blocking=False), "two pieces were written at the same time"
        try:
            time.sleep(0.001)
            geschreven.append(tekst)
        finally:
            bezig.release()

    volgorde = Volgorde(schrijf)

    def werk(i: int) -> None:
        try:
            time.sleep(vertraging.get(i, 0.0))
            if i not in leeg:
                volgorde.schrijf(i, i, None)
        finally:
            volgorde.voorbij(i)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(werk, range(aantal)))
    return geschreven


def test_in_volgorde_wat_de_werkers_ook_doen():
    rng = random.Random(7)
    vertraging = {i: rng.choice([0.0, 0.002, 0.01]) for i in range(40)}
    vertraging[0] = 0.03  # the first piece ends last of its group
    assert _draai(40, set(), vertraging) == list(range(40))


def test_een_stuk_zonder_uitvoer_geeft_zijn_beurt_door():
    # pieces 0, 5 and 6 write nothing (a read error, a failed worker); 6 ends late
    assert _draai(10, {0, 5, 6}, {6: 0.02}) == [1, 2, 3, 4, 7, 8, 9]


def test_fout_in_het_schrijven_geeft_de_beurt_door():
    """A piece whose write fails passes its turn: the next piece is not left waiting."""
    geschreven = []

    def schrijf(tekst, tabel):
        if tekst == 1:
            raise OSError(28, "schijf vol")
        geschreven.append(tekst)

    volgorde = Volgorde(schrijf)
    volgorde.schrijf(0, 0, None)
    with pytest.raises(OSError):
        volgorde.schrijf(1, 1, None)
    volgorde.schrijf(2, 2, None)
    assert geschreven == [0, 2]


def test_na_stop_wacht_niemand_en_wordt_niets_meer_geschreven():
    geschreven = []
    volgorde = Volgorde(lambda tekst, tabel: geschreven.append(tekst))
    klaar = threading.Event()

    def later():  # piece 3 waits for pieces 0 … 2, which never come
        volgorde.schrijf(3, 3, None)
        klaar.set()

    draad = threading.Thread(target=later)
    draad.start()
    time.sleep(0.02)
    assert not klaar.is_set()
    volgorde.stop()
    draad.join(timeout=5)
    assert klaar.is_set() and geschreven == []
