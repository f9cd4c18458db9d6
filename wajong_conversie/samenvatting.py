"""Aggregates of a cohort run per scenario: counts, totals, histogram, breakdowns, employers
and the budget per year. Built per batch and merged, so memory stays flat and the result does
not depend on how the file was cut into batches (integer sums only; every rounding happens
once, at the end).
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import pyarrow as pa

from wajong_conversie import beoordeling
from wajong_conversie.geld import PPM, bedrag_tekst, half_up
from wajong_conversie.model import REGIMES
from wajong_conversie.overgang import Jaar
from wajong_conversie.rekenkern import Resultaat
from wajong_conversie.uitvoer import bedrag_kolom, scenario_dict

# the monthly totals: (summary key, trace name)
MAAND = (
    ("bruto_inkomen_werknemers", "bruto_inkomen_maand"),
    ("netto_inkomen_werknemers", "netto_maand"),
    ("wajong_uitkering", "uitkering_maand"),
    ("loonkostensubsidie", "loonkostensubsidie_maand"),
    ("werkgeverslastenvergoeding", "werkgeverslastenvergoeding_maand"),
    ("compensatie_werkgevers", "compensatie_werkgever_maand"),
    ("kosten_werkgevers", "werkgever_kosten_maand"),
    ("kosten_overheid", "overheid_kosten_maand"),
)
SOMMEN = tuple(naam for _, naam in MAAND) + (
    "inkomen_maand",
    "netto_jaar",
    "belasting_jaar",
)
# issue 11: the changes per month that are set against the change in besteedbaar inkomen (net
# income after the pension premium, net income without it, i.e. + the premium, as the part
# "netto_zonder_pensioen" of the explanation, and gross income)
HUISHOUD_MATEN = ("netto", "netto_zonder_pensioen", "bruto")
HISTOGRAM_GRENZEN = np.arange(-50_000, 100_001, 5_000, dtype=np.int64)  # −€ 500 … € 1.000

UITSPLITSINGEN = {
    "loonwaarde": ("tot 30%", "30% tot 45%", "45% tot 60%", "60% tot en met 75%"),
    "uren": ("tot 16 uur", "16 tot 24 uur", "24 tot 32 uur", "32 tot 36 uur", "36 uur of meer"),
    "regime": REGIMES,
    "leeftijd": (
        "18 tot 21 jaar",
        "21 tot 30 jaar",
        "30 tot 40 jaar",
        "40 tot 50 jaar",
        "50 jaar of ouder",
    ),
    "garantiebedrag": ("met garantiebedrag", "zonder garantiebedrag"),
}
GROEP_SIGNALEN = ("werknemer_achteruit", "werknemer_buitenproportioneel", "werkgever_achteruit")


def groepen(r: Resultaat) -> dict[str, np.ndarray]:
    """Group index per row for each breakdown (see UITSPLITSINGEN)."""
    inv = r.invoer
    return {
        "loonwaarde": _klasse(inv.loonwaarde, (300_000, 450_000, 600_000)),
        "uren": _klasse(inv.uren, (1600, 2400, 3200, 3600)),
        "regime": inv.regime.astype(np.int64),
        "leeftijd": _klasse(r.huidig["leeftijd"], (21, 30, 40, 50)),
        "garantiebedrag": (inv.garantiebedrag == 0).astype(np.int64),
    }


def _klasse(waarde: np.ndarray, grenzen: tuple[int, ...]) -> np.ndarray:
    """How many of the (ascending) ``grenzen`` each value reaches: its class, 0 … len."""
    uit = np.zeros(len(waarde), dtype=np.int64)
    for grens in grenzen:
        uit += waarde >= grens
    return uit


_HISTOGRAM_STAP = int(HISTOGRAM_GRENZEN[1] - HISTOGRAM_GRENZEN[0])
if not (np.diff(HISTOGRAM_GRENZEN) == _HISTOGRAM_STAP).all():  # _histogramvak needs equal steps
    raise ValueError("HISTOGRAM_GRENZEN moeten gelijke stappen hebben")


def _histogramvak(netto: np.ndarray) -> np.ndarray:
    """Per value its bin of HISTOGRAM_GRENZEN (bounds −€ 500 … € 1.000 in steps of € 50): the
    number of bounds at or below it, 0 … 31 (as searchsorted side='right'), by arithmetic."""
    vak = (netto - int(HISTOGRAM_GRENZEN[0])) // _HISTOGRAM_STAP + 1
    return np.clip(vak, 0, len(HISTOGRAM_GRENZEN))


def _jaarbedragen(r: Resultaat, situatie: str, actief: np.ndarray | None = None):
    """Annual sums (cents and exact parts) of one situation, for the budget."""

    def som(naam):
        kolom = bedrag_kolom(r, situatie, naam)
        return int(kolom.sum() if actief is None else kolom[actief].sum())

    return {
        "uitkering_maand": som("uitkering_maand"),
        "lks_verg_comp_maand": som("loonkostensubsidie_maand")
        + som("werkgeverslastenvergoeding_maand")
        + som("compensatie_werkgever_maand"),
        "werkgever_kosten_maand": som("werkgever_kosten_maand"),
        "netto_jaar": som("netto_jaar"),
        "belasting_jaar": som("belasting_jaar"),
    }


def _vakantiebijslag(r: Resultaat) -> int:
    return next(w.waarde for w in r.parameters if w.naam == "vakantiebijslag")


@attrs.define
class Telling:
    """Everything the summary and the report need for one scenario; mergeable."""

    aantal: int = 0
    signalen: dict[str, int] = attrs.field(factory=dict)
    klassen: np.ndarray = attrs.field(factory=lambda: np.zeros(5, dtype=np.int64))
    sommen: dict[tuple[str, str], int] = attrs.field(factory=dict)  # (situatie, naam) → cents
    uitkering_per_vb: dict[tuple[str, int], int] = attrs.field(factory=dict)
    histogram: np.ndarray = attrs.field(
        factory=lambda: np.zeros(len(HISTOGRAM_GRENZEN) + 1, dtype=np.int64)
    )
    netto_min: int | None = None
    netto_max: int | None = None
    netto_som: int = 0
    groepen: dict[str, np.ndarray] = attrs.field(factory=dict)  # naam → [groep, 6 measures]
    werkgever_aantal: np.ndarray | None = None  # workers per employer code
    werkgever_som: np.ndarray | None = None  # change in cost per month per employer code
    heeft_werkgevers: bool = False
    budget: dict[int, dict[str, Any]] = attrs.field(factory=dict)
    aannames: list[str] = attrs.field(factory=list)
    # issue 11, rows with a household: [all of them, then for the change in net income, in
    # net income without the pension premium and in gross income: up but besteedbaar down,
    # down but besteedbaar up] (HUISHOUD_MATEN)
    huishouden: np.ndarray = attrs.field(
        factory=lambda: np.zeros(1 + 2 * len(HUISHOUD_MATEN), dtype=np.int64)
    )
    waarschuwingen: list[str] = attrs.field(factory=list)

    def voeg_toe(
        self, r: Resultaat, werkgever: np.ndarray | None, werkgevers: int, jaren: list[Jaar]
    ) -> None:
        """Add a batch. ``werkgever``: employer code per row (−1 = none) out of ``werkgevers``."""
        n = len(r)
        self.aantal += n
        for code, kolom in r.signalen.items():
            self.signalen[code] = self.signalen.get(code, 0) + int(kolom.sum())
        self.klassen += np.bincount(r.klasse, minlength=5)
        vb = _vakantiebijslag(r)
        for situatie in ("huidig", "nieuw"):
            for naam in SOMMEN:
                sleutel = (situatie, naam)
                self.sommen[sleutel] = self.sommen.get(sleutel, 0) + int(
                    bedrag_kolom(r, situatie, naam).sum()
                )
            sleutel = (situatie, vb)
            self.uitkering_per_vb[sleutel] = self.uitkering_per_vb.get(sleutel, 0) + int(
                bedrag_kolom(r, situatie, "uitkering_maand").sum()
            )
        netto = r.nieuw["netto_maand"] - r.huidig["netto_maand"]
        self.histogram += np.bincount(_histogramvak(netto), minlength=len(HISTOGRAM_GRENZEN) + 1)
        if n:
            lo, hi = int(netto.min()), int(netto.max())
            self.netto_min = lo if self.netto_min is None else min(self.netto_min, lo)
            self.netto_max = hi if self.netto_max is None else max(self.netto_max, hi)
        self.netto_som += int(netto.sum())
        if "besteedbaar_maand" in r.huidig:
            bekend = r.invoer.huishouden
            besteedbaar = r.nieuw["besteedbaar_maand"] - r.huidig["besteedbaar_maand"]
            premie = (
                r.nieuw["pensioenpremie_werknemer_maand"]
                - r.huidig["pensioenpremie_werknemer_maand"]
            )
            bruto = r.nieuw["bruto_inkomen_maand"] - r.huidig["bruto_inkomen_maand"]
            maten = {"netto": netto, "netto_zonder_pensioen": netto + premie, "bruto": bruto}
            self.huishouden += [
                int(bekend.sum()),
                *(
                    int((bekend & (maten[m] * teken > 0) & (besteedbaar * teken < 0)).sum())
                    for m in HUISHOUD_MATEN
                    for teken in (1, -1)
                ),
            ]
        overheid = r.nieuw["overheid_kosten_maand"] - r.huidig["overheid_kosten_maand"]
        for dim, g in groepen(r).items():
            k = len(UITSPLITSINGEN[dim])
            maten = np.zeros((6, k), dtype=np.int64)
            maten[0] = np.bincount(g, minlength=k)
            for j, code in enumerate(GROEP_SIGNALEN):  # the rows with the flag: odd places
                maten[2 + j] = np.bincount(2 * g + r.signalen[code], minlength=2 * k)[1::2]
            # integer sums of money, exact (bincount's weights would be float)
            np.add.at(maten[1], g, netto)
            np.add.at(maten[5], g, overheid)
            self.groepen[dim] = self.groepen.get(dim, 0) + maten
        if werkgever is not None:
            self.heeft_werkgevers = True
            delta = r.nieuw["werkgever_kosten_maand"] - r.huidig["werkgever_kosten_maand"]
            met = werkgever >= 0
            if self.werkgever_som is None:  # add to what is there: a Telling may take batches
                self.werkgever_aantal = np.zeros(werkgevers, dtype=np.int64)
                self.werkgever_som = np.zeros(werkgevers, dtype=np.int64)
            self.werkgever_aantal += np.bincount(werkgever[met], minlength=werkgevers)
            np.add.at(self.werkgever_som, werkgever[met], delta[met])  # exact integer sums
        for jaar in jaren:
            jr, actief = jaar.resultaat, jaar.actief
            b = self.budget.setdefault(
                jaar.jaar, {"aanname": False, "jaren": set(), "huidig": {}, "nieuw": {}}
            )
            b["aanname"] = b["aanname"] or bool(jr.aannames)
            b["jaren"].update(
                int(j)
                for j in np.unique(
                    jr.invoer.peildatum[actief].astype("datetime64[Y]").astype(np.int64) + 1970
                )
            )
            vbj = _vakantiebijslag(jr)
            for situatie in ("huidig", "nieuw"):
                for naam, waarde in _jaarbedragen(jr, situatie, actief).items():
                    sleutel = (naam, vbj) if naam == "uitkering_maand" else naam
                    b[situatie][sleutel] = b[situatie].get(sleutel, 0) + waarde
        for a in r.aannames + tuple(a for j in jaren for a in j.resultaat.aannames):
            if a not in self.aannames:
                self.aannames.append(a)

    def samen(self, ander: Telling) -> None:
        """Merge another batch's telling into this one."""
        self.aantal += ander.aantal
        for code, aantal in ander.signalen.items():
            self.signalen[code] = self.signalen.get(code, 0) + aantal
        self.klassen += ander.klassen
        for k, v in ander.sommen.items():
            self.sommen[k] = self.sommen.get(k, 0) + v
        for k, v in ander.uitkering_per_vb.items():
            self.uitkering_per_vb[k] = self.uitkering_per_vb.get(k, 0) + v
        self.histogram += ander.histogram
        for waarde, kies in ((ander.netto_min, min), (ander.netto_max, max)):
            if waarde is not None:
                huidig = self.netto_min if kies is min else self.netto_max
                nieuw = waarde if huidig is None else kies(huidig, waarde)
                if kies is min:
                    self.netto_min = nieuw
                else:
                    self.netto_max = nieuw
        self.netto_som += ander.netto_som
        self.huishouden += ander.huishouden
        for dim, maten in ander.groepen.items():
            self.groepen[dim] = self.groepen.get(dim, 0) + maten
        self.heeft_werkgevers |= ander.heeft_werkgevers
        if ander.werkgever_som is not None:
            if self.werkgever_som is None:
                self.werkgever_som = ander.werkgever_som.copy()
                self.werkgever_aantal = ander.werkgever_aantal.copy()
            else:
                self.werkgever_som += ander.werkgever_som
                self.werkgever_aantal += ander.werkgever_aantal
        for jaar, b in ander.budget.items():
            mijn = self.budget.setdefault(
                jaar, {"aanname": False, "jaren": set(), "huidig": {}, "nieuw": {}}
            )
            mijn["aanname"] |= b["aanname"]
            mijn["jaren"] |= b["jaren"]
            for situatie in ("huidig", "nieuw"):
                for k, v in b[situatie].items():
                    mijn[situatie][k] = mijn[situatie].get(k, 0) + v
        for a in ander.aannames:
            if a not in self.aannames:
                self.aannames.append(a)


# --- to JSON ---------------------------------------------------------------------------------


def _drie(huidig: int, nieuw: int) -> dict[str, str]:
    return {
        "huidig": bedrag_tekst(huidig),
        "nieuw": bedrag_tekst(nieuw),
        "verschil": bedrag_tekst(nieuw - huidig),
    }


def _jaar_uitkering(per_vb: dict, situatie: str) -> int:
    """12 × (1 + vakantiebijslag) × Σ monthly benefit, rounded once."""
    return sum(
        half_up(12 * som * (PPM + vb), PPM) for (sit, vb), som in per_vb.items() if sit == situatie
    )


def _werkgevers(
    t: Telling, ids: pa.Array | None, namen: pa.Array | None, drempel: int
) -> tuple[int, int, int, list[dict[str, Any]]]:
    """Employers (a non-empty werkgever_id): how many, how many pay more than the threshold
    per month and how much more in total, and the top 20 of those (ties by id)."""
    if t.werkgever_som is None or ids is None:
        return 0, 0, 0, []
    actief = t.werkgever_aantal > 0
    meer = np.flatnonzero((t.werkgever_som > drempel) & actief)
    som = int(t.werkgever_som[meer].sum())
    # the 20 largest, ties by id: take the candidates down to the 20th amount, then sort
    if len(meer) > 20:
        grens = np.partition(t.werkgever_som[meer], len(meer) - 20)[len(meer) - 20]
        kandidaten = meer[t.werkgever_som[meer] >= grens]
    else:
        kandidaten = meer
    sleutels = ids.take(pa.array(kandidaten)).to_pylist()
    top = sorted(
        zip(kandidaten.tolist(), sleutels, strict=True),
        key=lambda x: (-int(t.werkgever_som[x[0]]), x[1]),
    )[:20]
    return (
        int(actief.sum()),
        len(meer),
        som,
        [
            {
                "id": wid,
                "naam": (namen[c].as_py() or None) if namen is not None else None,
                "aantal": int(t.werkgever_aantal[c]),
                "som": int(t.werkgever_som[c]),
            }
            for c, wid in top
        ],
    )


def scenario_json(
    t: Telling,
    scenario,
    drempels,
    werkgever_ids: pa.Array | None = None,
    werkgever_namen: pa.Array | None = None,
) -> dict[str, Any]:
    s = t.sommen

    def som(situatie, naam):
        return s.get((situatie, naam), 0)

    per_maand = {sleutel: _drie(som("huidig", naam), som("nieuw", naam)) for sleutel, naam in MAAND}
    jaar: dict[str, dict[str, int]] = {"huidig": {}, "nieuw": {}}
    for sit in ("huidig", "nieuw"):
        uitkering = _jaar_uitkering(t.uitkering_per_vb, sit)
        lks_enz = 12 * (
            som(sit, "loonkostensubsidie_maand")
            + som(sit, "werkgeverslastenvergoeding_maand")
            + som(sit, "compensatie_werkgever_maand")
        )
        overheid = uitkering + lks_enz
        jaar[sit] = {
            "bruto_inkomen_werknemers": 12 * som(sit, "inkomen_maand") + uitkering,
            "netto_inkomen_werknemers": som(sit, "netto_jaar"),
            "wajong_uitkering": uitkering,
            "loonkostensubsidie": 12 * som(sit, "loonkostensubsidie_maand"),
            "werkgeverslastenvergoeding": 12 * som(sit, "werkgeverslastenvergoeding_maand"),
            "compensatie_werkgevers": 12 * som(sit, "compensatie_werkgever_maand"),
            "kosten_werkgevers": 12 * som(sit, "werkgever_kosten_maand"),
            "kosten_overheid": overheid,
            "belastingontvangsten": som(sit, "belasting_jaar"),
            "saldo_overheid": overheid - som(sit, "belasting_jaar"),
        }
    per_jaar = {k: _drie(jaar["huidig"][k], jaar["nieuw"][k]) for k in jaar["huidig"]}

    uitsplitsingen = {}
    for dim, namen in UITSPLITSINGEN.items():
        maten = t.groepen.get(dim)
        rijen = []
        for g, naam in enumerate(namen):
            aantal = int(maten[0, g]) if maten is not None else 0
            rijen.append(
                {
                    "groep": naam,
                    "aantal": aantal,
                    "netto_verschil_gemiddeld": bedrag_tekst(half_up(int(maten[1, g]), aantal))
                    if aantal
                    else "0.00",
                    **{
                        c: int(maten[2 + j, g]) if maten is not None else 0
                        for j, c in enumerate(GROEP_SIGNALEN)
                    },
                    "overheid_verschil_per_maand": bedrag_tekst(int(maten[5, g]))
                    if maten is not None
                    else "0.00",
                }
            )
        uitsplitsingen[dim] = rijen

    aantal_werkgevers, aantal_meer, meer_som, top = _werkgevers(
        t, werkgever_ids, werkgever_namen, drempels.werkgever_achteruit_bedrag
    )
    werkgevers = {
        "aantal": aantal_werkgevers if t.heeft_werkgevers else None,
        "aantal_meer_kosten": aantal_meer if t.heeft_werkgevers else None,
        "meer_kosten_per_maand": bedrag_tekst(meer_som) if t.heeft_werkgevers else None,
        "ranglijst": [
            {
                "werkgever_id": w["id"],
                "werkgever_naam": w["naam"],
                "aantal_werknemers": w["aantal"],
                "meerkosten_per_maand": bedrag_tekst(w["som"]),
            }
            for w in top
        ],
    }

    budget = []
    for k in sorted(t.budget):
        b = t.budget[k]
        cijfers = {}
        for sit in ("huidig", "nieuw"):
            d = b[sit]
            uitkering = sum(
                half_up(12 * som_ * (PPM + vb), PPM)
                for key, som_ in d.items()
                if isinstance(key, tuple)
                for vb in [key[1]]
            )
            overheid = uitkering + 12 * d.get("lks_verg_comp_maand", 0)
            cijfers[sit] = {
                "kosten_overheid": overheid,
                "kosten_werkgevers": 12 * d.get("werkgever_kosten_maand", 0),
                "netto_inkomen_werknemers": d.get("netto_jaar", 0),
                "belastingontvangsten": d.get("belasting_jaar", 0),
            }
        saldo = (cijfers["nieuw"]["kosten_overheid"] - cijfers["nieuw"]["belastingontvangsten"]) - (
            cijfers["huidig"]["kosten_overheid"] - cijfers["huidig"]["belastingontvangsten"]
        )
        jaren = sorted(b["jaren"])
        budget.append(
            {
                "jaar_na_omzetting": k,
                "jaar": jaren[0] if len(jaren) == 1 else None,
                "aanname": b["aanname"],
                **{
                    naam: _drie(cijfers["huidig"][naam], cijfers["nieuw"][naam])
                    for naam in cijfers["huidig"]
                },
                "saldo_overheid_verschil": bedrag_tekst(saldo),
            }
        )

    return {
        "scenario": scenario_dict(scenario),
        "aantal": t.aantal,
        "signalen": {code: t.signalen.get(code, 0) for code in beoordeling.SIGNALEN},
        "signaal_titels": {code: s.titel for code, s in beoordeling.SIGNALEN.items()},
        "klassen": [
            {
                "klasse": code,
                "omschrijving": beoordeling.klasse_omschrijving(code, drempels),
                "aantal": int(t.klassen[i]),
            }
            for i, code in enumerate(beoordeling.KLASSE_CODES)
        ],
        "totalen": {"per_maand": per_maand, "per_jaar": per_jaar},
        "netto_verschil_per_maand": {
            "grenzen": [bedrag_tekst(int(g)) for g in HISTOGRAM_GRENZEN],
            "aantallen": [int(x) for x in t.histogram[1:-1]],
            "onder": int(t.histogram[0]),
            "boven": int(t.histogram[-1]),
            "gemiddelde": bedrag_tekst(half_up(t.netto_som, t.aantal)) if t.aantal else "0.00",
            "minimum": bedrag_tekst(t.netto_min or 0),
            "maximum": bedrag_tekst(t.netto_max or 0),
        },
        "uitsplitsingen": uitsplitsingen,
        "werkgevers": werkgevers,
        "budget_per_jaar": budget,
        "huishouden": {  # issue 11: only rows with household fields
            "aantal_met_huishouden": int(t.huishouden[0]),
            **{
                f"{m}_{richting}": int(t.huishouden[1 + 2 * i + j])
                for i, m in enumerate(HUISHOUD_MATEN)
                for j, richting in enumerate(
                    ("omhoog_besteedbaar_omlaag", "omlaag_besteedbaar_omhoog")
                )
            },
        },
    }
