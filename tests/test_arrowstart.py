"""arrowstart: pyarrow's search for the optional package dateutil, on every Python value it
converts without a type, is made once per process instead of once per call."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap

import pytest

CODE = textwrap.dedent(
    """
    import sys
    import pyarrow as pa, pyarrow.compute as pc
    zoekt = []
    class Teller:
        def find_spec(self, naam, pad=None, doel=None):
            if naam == "dateutil":
                zoekt.append(naam)
            return None
    sys.meta_path.insert(0, Teller())
    if sys.argv[1] == "met":
        from wajong_conversie import arrowstart
        arrowstart.start()
    kolom = pa.array(["a", "", "b"])
    for _ in range(20):
        assert pc.equal(kolom, "").to_pylist() == [False, True, False]
    print(len(zoekt))
    """
)


def _zoekopdrachten(soort: str) -> int:
    uit = subprocess.run(
        [sys.executable, "-c", CODE, soort], capture_output=True, text=True, check=True
    )
    return int(uit.stdout.strip())


@pytest.mark.skipif(
    importlib.util.find_spec("dateutil") is not None, reason="dateutil is hier geïnstalleerd"
)
def test_dateutil_wordt_niet_bij_elke_aanroep_gezocht():
    # without arrowstart: one search of sys.path per call (the reason for the module)
    assert _zoekopdrachten("zonder") >= 20
    assert _zoekopdrachten("met") == 1  # start()'s own look, once


def test_geinstalleerd_dateutil_blijft_bruikbaar(monkeypatch):
    """Where dateutil is installed (or already imported), start() leaves it alone."""
    from wajong_conversie import arrowstart

    nep = object()
    monkeypatch.setitem(sys.modules, "dateutil", nep)
    arrowstart.start()
    assert sys.modules["dateutil"] is nep
