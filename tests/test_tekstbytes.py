"""The byte helpers on Arrow text columns (tekstbytes) against the same question asked of each
Python string: first and last byte, "can a cell begin or end with one of these characters",
and the fingerprint the one-pass reader uses to see that no two ids are equal."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from wajong_conversie import getallen, tekstbytes

TEKENS = [" ", "\t", "\r", "\n", "\u00a0", "a", "à", "Â", "1", ".", "é", "€"]
tekst = st.lists(st.sampled_from(TEKENS), max_size=9).map("".join)


def _kolom(teksten: list[str], begin: int) -> pa.Array:
    """The texts as an Arrow column, sliced (offset) so buffers do not start at the column."""
    volledig = pa.array(["voor"] * begin + teksten + ["na"], pa.string())
    return volledig.slice(begin, len(teksten))


@given(teksten=st.lists(tekst, max_size=12), begin=st.integers(0, 3))
def test_eerste_laatste_en_randen(teksten, begin):
    kolom = _kolom(teksten, begin)
    assert tekstbytes.eerste(kolom).tolist() == [t.encode()[0] if t else 0 for t in teksten]
    assert tekstbytes.laatste(kolom).tolist() == [t.encode()[-1] if t else 0 for t in teksten]
    vrij = tekstbytes.randen_vrij(kolom, getallen.RAND)
    getrimd = pc.utf8_trim(kolom, characters=getallen.RAND).to_pylist()
    if vrij:  # "free" must be true: trimming changes nothing
        assert getrimd == teksten
    # and it is exact for the ASCII ones and NBSP at the start (its lead byte is only NBSP's
    # among these characters); only 'à' (C3 A0) can end like NBSP (C2 A0)
    if not vrij:
        assert any(t[:1] in getallen.RAND or t[-1:] in getallen.RAND + "à" for t in teksten)


@given(teksten=st.lists(st.one_of(st.none(), tekst), max_size=12), begin=st.integers(0, 3))
def test_leeg(teksten, begin):
    """Empty cells from the offsets: the empty text and the null, nothing else (a text of
    only spaces is not empty here; trimming comes before)."""
    volledig = pa.array(["voor"] * begin + teksten + ["na"], pa.string())
    kolom = volledig.slice(begin, len(teksten))
    assert tekstbytes.leeg(kolom).tolist() == [t is None or t == "" for t in teksten]


@given(teksten=st.lists(tekst.map(str.strip), max_size=12), begin=st.integers(0, 3))
def test_vingerafdruk(teksten, begin):
    kolom = _kolom(teksten, begin)
    vingers = tekstbytes.vingerafdruk(kolom)
    if any(len(t.encode()) > 16 for t in teksten):
        assert vingers is None
        return
    assert len(vingers) == len(teksten)
    for i, a in enumerate(teksten):
        for j, b in enumerate(teksten):
            if a == b:
                assert vingers[i] == vingers[j]


def test_vingerafdruk_verschilt_bij_gewone_ids():
    """Different ids, as a cohort has them: all fingerprints different (a collision would
    only cost a count of the texts, but should be rare)."""
    ids = [f"W{i:07d}" for i in range(50_000)] + [f"{i:09d}" for i in range(50_000)]
    ids += ["a", "a a", "aa", "", "W0000001x", "w0000001"]
    vingers = tekstbytes.vingerafdruk(pa.array(ids))
    assert len(set(vingers.tolist())) == len(ids)
