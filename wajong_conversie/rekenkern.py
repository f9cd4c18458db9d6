"""The engine: today (loondispensatie) and proposed (loonkostensubsidie) for a batch of cases.

One function, :func:`bereken`, serves a single case (a batch of one) and a cohort of a million:
the rules run on numpy columns of integer cents, grouped by peildatum so each group uses the
scalar parameters of its date. The result holds both situations' traces, the flags and the
parameter values used.
"""

from __future__ import annotations

import datetime as dt

import attrs
import numpy as np

from wajong_conversie import belasting, beoordeling, huishouden, kosten, lks, wajong
from wajong_conversie import parameters as parameterbron
from wajong_conversie.geld import PPM, half_up
from wajong_conversie.model import (
    LOONBASIS_MINIMUMLOON,
    WAJONG2015,
    Invoer,
    leeftijd_in_maanden,
)
from wajong_conversie.parameters import Parameters, Parameterwaarde
from wajong_conversie.scenario import Scenario
from wajong_conversie.spoor import Spoor


@attrs.frozen
class Jaarstand:
    """Where a batch stands in the transition (RULES §6, issue: the path over the years).

    ``jaar`` counts years after the conversion (0 = the conversion year, the default of a plain
    calculation). The masks say whose garantiebedrag has lapsed for good (art. 8:8 lid 5) in the
    path with today's rules and in the path after conversion. ``aanname`` lets a year without
    known parameters use the last known ones, marked as an assumption.
    """

    jaar: int = 0
    gb_vervallen_huidig: np.ndarray | None = None
    gb_vervallen_nieuw: np.ndarray | None = None
    aanname: bool = False

    def neem(self, index: np.ndarray) -> Jaarstand:
        def deel(m):
            return None if m is None else m[index]

        return attrs.evolve(
            self,
            gb_vervallen_huidig=deel(self.gb_vervallen_huidig),
            gb_vervallen_nieuw=deel(self.gb_vervallen_nieuw),
        )


def _garantiebedrag(inv: Invoer, vervallen: np.ndarray | None) -> np.ndarray:
    if vervallen is None:
        return inv.garantiebedrag
    return np.where(vervallen, 0, inv.garantiebedrag)


@attrs.frozen
class Resultaat:
    invoer: Invoer
    scenario: Scenario
    huidig: Spoor
    nieuw: Spoor
    signalen: dict[str, np.ndarray]
    klasse: np.ndarray  # index into beoordeling.KLASSE_CODES
    parameters: tuple[Parameterwaarde, ...]  # every value used, with its source
    stand: Jaarstand = Jaarstand()
    aannames: tuple[str, ...] = ()  # parameters assumed for years without known values

    def __len__(self) -> int:
        return len(self.invoer)

    @property
    def onbevestigd(self) -> tuple[Parameterwaarde, ...]:
        return tuple(w for w in self.parameters if not w.geverifieerd)


def _inkomen(s: Spoor, uurloon: np.ndarray, inv: Invoer, p: Parameters) -> None:
    """Wage, income with holiday pay and income per day (RULES §3.2)."""
    s[wajong.LOON_MAAND] = wajong.maandloon(uurloon, inv.uren)
    s[wajong.INKOMEN_MAAND] = wajong.met_vakantiebijslag(s[wajong.LOON_MAAND], p)
    s[wajong.INKOMEN_LOON_DAG] = wajong.per_dag(s[wajong.INKOMEN_MAAND])
    s[wajong.OVERIGE_DAG] = wajong.per_dag(inv.overige)
    s[wajong.INKOMEN_DAG] = s[wajong.INKOMEN_LOON_DAG] + s[wajong.OVERIGE_DAG]


def _grondslag(s: Spoor, leeftijd: np.ndarray, p: Parameters) -> None:
    s[wajong.LEEFTIJD] = leeftijd
    s[wajong.WML_UUR] = wajong.wml_uur(leeftijd, p)
    s[wajong.WML_MAAND] = wajong.wml_maand(leeftijd, p)
    s[wajong.GRONDSLAG] = wajong.per_dag(s[wajong.WML_MAAND])


def _uitkering_per_maand(s: Spoor, formule: np.ndarray, aanvulling: np.ndarray) -> None:
    s[wajong.UITKERING_DAG] = formule + aanvulling
    s[wajong.UITKERING_MAAND] = wajong.per_maand(s[wajong.UITKERING_DAG])
    # for the explanation: which part of the monthly benefit the formula pays
    s[wajong.UITKERING_FORMULE_MAAND] = wajong.per_maand(formule)
    s[wajong.AANVULLING_MAAND] = s[wajong.UITKERING_MAAND] - s[wajong.UITKERING_FORMULE_MAAND]


def _kosten(s: Spoor, inv: Invoer, lks_maand, vergoeding_maand, compensatie=0) -> None:
    s[kosten.BRUTO_INKOMEN] = s[wajong.INKOMEN_MAAND] + s[wajong.UITKERING_MAAND]
    s[kosten.LOONKOSTEN] = kosten.loonkosten(s[wajong.INKOMEN_MAAND], inv.werkgeverslasten)
    s[kosten.WERKGEVER_KOSTEN] = s[kosten.LOONKOSTEN] - lks_maand - vergoeding_maand - compensatie
    s[kosten.OVERHEID_KOSTEN] = (
        s[wajong.UITKERING_MAAND] + lks_maand + vergoeding_maand + compensatie
    )


def dga(inv: Invoer) -> np.ndarray:
    """Duurzaam geen arbeidsvermogen: Wajong 2015 always, other regimes when stated."""
    return ~inv.arbeidsvermogen | (inv.regime == WAJONG2015)


def huidig(
    inv: Invoer,
    leeftijd: np.ndarray,
    p: Parameters,
    stand: Jaarstand = Jaarstand(),
    kinderen: np.ndarray | None = None,
) -> Spoor:
    """Today: wage under loondispensatie + Wajong benefit (+ garantiebedrag). RULES §3.
    ``kinderen``: the children per age band on the peildatum, when already counted."""
    s = Spoor()
    _grondslag(s, leeftijd, p)
    s[wajong.UURLOON_DISPENSATIE] = wajong.uurloon_dispensatie(
        inv.functieloon, s[wajong.WML_UUR], inv.loonwaarde, inv.loonbasis == LOONBASIS_MINIMUMLOON
    )
    _inkomen(s, s[wajong.UURLOON_DISPENSATIE], inv, p)

    G, Ia, Io, I = (
        s[k]
        for k in (wajong.GRONDSLAG, wajong.INKOMEN_LOON_DAG, wajong.OVERIGE_DAG, wajong.INKOMEN_DAG)
    )
    met_cf, compensatie, normloon = wajong.uitkering_dispensatie(G, Ia, Io, inv.loonwaarde, p)
    zonder_av = dga(inv)  # DGA with loondispensatie_uitzondering: 0.75 formula, no CF (§3.4)
    s[wajong.TERM_COMPENSATIE] = compensatie
    s[wajong.TERM_NORMLOON] = normloon
    formule = np.where(zonder_av, wajong.uitkering_zonder_dispensatie(G, I, True, p), met_cf)
    s[wajong.FORMULE_DISPENSATIE] = formule

    s[wajong.GB_DAG] = wajong.per_dag(_garantiebedrag(inv, stand.gb_vervallen_huidig))
    s[wajong.AANVULLING_GB] = np.maximum(s[wajong.GB_DAG] - formule, 0)
    s[wajong.GB_TOEGEPAST] = s[wajong.AANVULLING_GB] > 0
    _uitkering_per_maand(s, formule, s[wajong.AANVULLING_GB])

    geen = np.zeros(len(inv), dtype=np.int64)
    _kosten(s, inv, geen, geen)
    belasting.netto(s, inv.overige, p, huishouden.voor_belasting(s, inv))
    huishouden.na_belasting(s, inv, p, kinderen)
    return s


def nieuw(
    inv: Invoer,
    leeftijd: np.ndarray,
    p: Parameters,
    p_jan: Parameters,
    scenario: Scenario,
    vandaag: Spoor,
    stand: Jaarstand = Jaarstand(),
    kinderen: np.ndarray | None = None,
) -> Spoor:
    """Proposed: full wage + LKS; the garantiebedrag as the scenario says. RULES §4, §6."""
    s = Spoor()
    _grondslag(s, leeftijd, p)
    s[wajong.UURLOON] = inv.functieloon.copy()
    _inkomen(s, s[wajong.UURLOON], inv, p)

    G, I = s[wajong.GRONDSLAG], s[wajong.INKOMEN_DAG]
    formule = wajong.uitkering_zonder_dispensatie(G, I, dga(inv), p)
    s[wajong.FORMULE] = formule
    s[wajong.GB_DAG] = wajong.per_dag(_garantiebedrag(inv, stand.gb_vervallen_nieuw))

    if scenario.garantiebedrag == "behouden":
        aanvulling = np.maximum(s[wajong.GB_DAG] - formule, 0)
        s[wajong.AANVULLING_GB] = aanvulling
        s[wajong.GB_TOEGEPAST] = aanvulling > 0
    elif scenario.garantiebedrag in ("inkomensgarantie", "afbouw"):
        # the supplement that replaces the garantiebedrag: gross per day as today (RULES §6),
        # for every converted worker whose total would fall, with or without a garantiebedrag;
        # under afbouw × (n − jaar) / n, rounded once with the benefit per day
        totaal_vandaag = vandaag[wajong.INKOMEN_DAG] + vandaag[wajong.UITKERING_DAG]
        volledig = np.maximum(totaal_vandaag - I - formule, 0)
        teller, noemer = scenario.toeslag_factor(stand.jaar)
        aanvulling = half_up(volledig * teller, noemer)
        s[wajong.AANVULLING_INKOMENSGARANTIE] = aanvulling
        s[wajong.GB_TOEGEPAST] = np.zeros(len(inv), dtype=bool)
    else:  # vervallen
        aanvulling = np.zeros(len(inv), dtype=np.int64)
        s[wajong.GB_TOEGEPAST] = np.zeros(len(inv), dtype=bool)
    _uitkering_per_maand(s, formule, aanvulling)

    if scenario.werkgever == "lks_op_functieloon":
        basis = lks.basis_functieloon(inv.functieloon, p)
    else:  # Pw art. 2: the WML per month; art. 10d lid 7: the one of 1 January
        basis = lks.basis_minimumloon(wajong.wml_maand(leeftijd, p_jan))
    s[lks.LKS_BASIS] = lks.basis_tonen(basis)
    plafond = p.lks_plafond if scenario.lks_plafond is None else scenario.lks_plafond
    s[lks.LKS_PERCENTAGE] = lks.lks_percentage(inv.loonwaarde, plafond)
    s[lks.LKS_MAAND] = lks.loonkostensubsidie(
        s[lks.LKS_PERCENTAGE], basis, inv.uren, inv.voltijd, p
    )
    s[lks.VERGOEDING_MAAND] = lks.werkgeverslastenvergoeding(
        s[lks.LKS_MAAND], p, scenario.werkgeverslastenvergoeding
    )
    compensatie = 0
    if scenario.compensatie_actief(stand.jaar):
        loonkosten = kosten.loonkosten(s[wajong.INKOMEN_MAAND], inv.werkgeverslasten)
        extra = loonkosten - s[lks.LKS_MAAND] - s[lks.VERGOEDING_MAAND]
        s[kosten.COMPENSATIE] = np.maximum(extra - vandaag[kosten.WERKGEVER_KOSTEN], 0)
        compensatie = s[kosten.COMPENSATIE]
    _kosten(s, inv, s[lks.LKS_MAAND], s[lks.VERGOEDING_MAAND], compensatie)
    belasting.netto(s, inv.overige, p, huishouden.voor_belasting(s, inv))
    huishouden.na_belasting(s, inv, p, kinderen)
    return s


def _groep(inv: Invoer, datum: dt.date, scenario: Scenario, stand: Jaarstand):
    p = parameterbron.voor_datum(datum, stand.aanname)
    p_jan = parameterbron.voor_datum(dt.date(datum.year, 1, 1), stand.aanname)
    maanden = leeftijd_in_maanden(inv.geboortedatum, inv.peildatum)
    leeftijd = maanden // 12
    kinderen = huishouden.kinderen(inv)  # counted once for both situations
    h = huidig(inv, leeftijd, p, stand, kinderen)
    if scenario.omzetting:
        n = nieuw(inv, leeftijd, p, p_jan, scenario, h, stand, kinderen)
    else:  # the no-op scenario: today's rules on both sides, computed again from the input
        n = huidig(inv, leeftijd, p, stand, kinderen)
    omgezet = np.full(len(inv), scenario.omzetting)
    plafond = p.lks_plafond if scenario.lks_plafond is None else scenario.lks_plafond
    sig = beoordeling.signalen(
        h,
        n,
        functieloon=inv.functieloon,
        garantiebedrag=inv.garantiebedrag,
        lks_plafond_bindend=omgezet & ((PPM - inv.loonwaarde) > plafond),
        jeugd=leeftijd < p.volwassen_wml_leeftijd,
        risico_einde_recht=omgezet
        & ~dga(inv)
        & (n[wajong.INKOMEN_DAG] * PPM >= p.risico_einde_recht_percentage * n[wajong.GRONDSLAG]),
        drempels=scenario.drempels,
        huishouden=inv.huishouden,
    )
    kl = beoordeling.klasse(h, n, scenario.drempels)
    gebruikt = list(p.gebruikt.values()) + [
        w for naam, w in p_jan.gebruikt.items() if p.gebruikt.get(naam) != w
    ]
    aannames = [a for a in (p.aanname, p_jan.aanname) if a]
    return h, n, sig, kl, gebruikt, aannames


def bereken(inv: Invoer, scenario: Scenario, stand: Jaarstand = Jaarstand()) -> Resultaat:
    """Both situations, flags and classes for every row of a (validated) batch."""
    datums = np.unique(inv.peildatum)
    if len(datums) == 1:
        h, n, sig, kl, gebruikt, aannames = _groep(inv, datums[0].astype(dt.date), scenario, stand)
    else:
        delen_h, delen_n, sigs, gebruikt, aannames = [], [], [], [], []
        kl = np.zeros(len(inv), dtype=np.int8)
        for datum in datums:
            index = np.flatnonzero(inv.peildatum == datum)
            gh, gn, gs, gk, gg, ga = _groep(
                inv.neem(index), datum.astype(dt.date), scenario, stand.neem(index)
            )
            aannames += ga
            delen_h.append((index, gh))
            delen_n.append((index, gn))
            sigs.append((index, gs))
            kl[index] = gk
            gebruikt += gg
        h = Spoor.samenvoegen(delen_h, len(inv))
        n = Spoor.samenvoegen(delen_n, len(inv))
        sig = {}
        for code in sigs[0][1]:
            kolom = np.zeros(len(inv), dtype=bool)
            for index, gs in sigs:
                kolom[index] = gs[code]
            sig[code] = kolom
    return Resultaat(  # each parameter value and assumption once, in order of first use
        inv,
        scenario,
        h,
        n,
        sig,
        kl,
        tuple(dict.fromkeys(gebruikt)),
        stand,
        tuple(dict.fromkeys(aannames)),
    )
