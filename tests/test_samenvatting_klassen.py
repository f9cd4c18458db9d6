"""The summary's histogram bins and breakdown classes, computed by arithmetic
(samenvatting._histogramvak, _klasse), agree with numpy's searchsorted on the same bounds,
edges included."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from wajong_conversie import samenvatting


@given(st.lists(st.integers(-80_000, 130_000), max_size=50))
def test_histogramvak_als_searchsorted(netto):
    x = np.array(netto + [-50_001, -50_000, -49_999, 99_999, 100_000, 100_001], dtype=np.int64)
    verwacht = np.searchsorted(samenvatting.HISTOGRAM_GRENZEN, x, side="right")
    assert samenvatting._histogramvak(x).tolist() == verwacht.tolist()
    for grenzen in ((300_000, 450_000, 600_000), (21, 30, 40, 50)):
        y = np.concatenate([x, np.array(grenzen), np.array(grenzen) - 1])
        verwacht = np.searchsorted(np.array(grenzen), y, side="right")
        assert samenvatting._klasse(y, grenzen).tolist() == verwacht.tolist()
