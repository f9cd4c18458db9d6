"""Policy design (issue 14): a space of transition variants, evaluated on one parsed cohort over
the path of N years, with the Pareto front and a recommendation.

The cohort is parsed once (``cohortinvoer``); every variant then runs the same engine as
``cohort`` (``rekenkern.bereken`` and ``overgang.pad``) and is summed with the same
``samenvatting.Telling`` and ``scenario_json``, so its figures are exactly those of
``cohort --scenario varianten/X.toml --jaren N``. The variants run in two worker processes
that share the parsed cohort by fork (measured faster than two threads: see README).

The front answers *how* to convert: it is taken over the conversion variants only. The variant
without conversion (``omzetting = false``) costs nothing and changes nothing, so it would
dominate every variant that costs money; it is always in the table as the reference.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import multiprocessing
import os
import sys
import time
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from wajong_conversie import __version__, arrowstart, cohortinvoer, overgang, uitmap
from wajong_conversie import scenario as scenariobron
from wajong_conversie.cohortinvoer import Afwijzing, BestandFout, Partij
from wajong_conversie.geld import bedrag_tekst, centen, half_up
from wajong_conversie.rekenkern import bereken
from wajong_conversie.samenvatting import Telling, scenario_json
from wajong_conversie.scenario import Scenario, ScenarioFout
from wajong_conversie.uitvoer import bedrag_kolom

UITVOER = ("ontwerp.json", "ontwerp.html", "varianten")
MAX_VARIANTEN = 2000

# the default space (issue 14)
STANDAARD_RUIMTE: dict[str, Any] = {
    "garantiebedrag": ["behouden", "vervallen", "inkomensgarantie", "afbouw"],
    "afbouw_jaren": list(range(1, 11)),
    "werkgever": ["geen", "lks_op_functieloon", "compensatie"],
    "compensatie_jaren": list(range(1, 6)),
}
_JAREN_SLEUTELS = {"afbouw_jaren", "compensatie_jaren"}
_SUBTABELLEN = {
    "lks": ("plafond", "werkgeverslastenvergoeding"),
    "drempels": tuple(scenariobron._DREMPEL_SLEUTELS),
}
_RUIMTE_SLEUTELS = {"garantiebedrag", "werkgever", "ingangsdatum", *_JAREN_SLEUTELS, *_SUBTABELLEN}

GEEN_OMZETTING = {"naam": "Geen omzetting (ter vergelijking)", "omzetting": False}
REFERENTIE = {"garantiebedrag": "behouden", "werkgever": "geen"}  # the law as it stands
SIGNAAL_CODES = ("werknemer_achteruit", "werknemer_buitenproportioneel", "werkgever_achteruit")


class OntwerpFout(ScenarioFout):
    """An unusable design space; the message is Dutch and names the key (a ScenarioFout, so
    the command line reports it like a bad scenario file: exit code 2)."""


# --- the space ---------------------------------------------------------------------------------


def _waarden(sleutel: str, waarde: Any) -> list[Any]:
    """A value of the space as a list: a list as is, ``{van = 1, tot = 10}`` as 1…10 (both
    included), anything else as a list of one."""
    if isinstance(waarde, list):
        if not waarde:
            raise OntwerpFout(f"{sleutel}: de lijst is leeg; geef ten minste één waarde")
        return waarde
    if isinstance(waarde, dict):
        if set(waarde) != {"van", "tot"}:
            raise OntwerpFout(
                f"{sleutel}: schrijf een reeks als {{van = 1, tot = 10}} of een lijst als [1, 2, 3]"
            )
        van, tot = waarde["van"], waarde["tot"]
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (van, tot)):
            raise OntwerpFout(f"{sleutel}: van en tot moeten hele getallen zijn")
        if van > tot:
            raise OntwerpFout(f"{sleutel}: van ({van}) is groter dan tot ({tot})")
        return list(range(van, tot + 1))
    return [waarde]


def lees_ruimte(data: dict[str, Any]) -> dict[str, Any]:
    """The design space of an ONTWERP.toml over the default space: every key it gives replaces
    the default. Unknown keys are refused with a Dutch message."""
    onbekend = set(data) - _RUIMTE_SLEUTELS
    if onbekend:
        raise OntwerpFout(
            f"onbekende sleutel(s) in de ontwerpruimte: {', '.join(sorted(onbekend))}; "
            f"toegestaan: {', '.join(sorted(_RUIMTE_SLEUTELS))}"
            + (
                " (de variant zonder omzetting staat altijd in de tabel)"
                if "omzetting" in onbekend
                else ""
            )
        )
    ruimte = dict(STANDAARD_RUIMTE)
    for sleutel, waarde in data.items():
        if sleutel in _SUBTABELLEN:
            if not isinstance(waarde, dict):
                raise OntwerpFout(f"{sleutel}: verwacht een tabel [{sleutel}]")
            onbekend = set(waarde) - set(_SUBTABELLEN[sleutel])
            if onbekend:
                raise OntwerpFout(
                    f"onbekende sleutel(s) in [{sleutel}] van de ontwerpruimte: "
                    f"{', '.join(sorted(onbekend))}; toegestaan: "
                    f"{', '.join(_SUBTABELLEN[sleutel])}"
                )
            for sub, w in waarde.items():
                if isinstance(w, dict):
                    raise OntwerpFout(f"{sleutel}.{sub}: geef een lijst van waarden, geen reeks")
                ruimte[f"{sleutel}.{sub}"] = _waarden(f"{sleutel}.{sub}", w)
        else:
            if isinstance(waarde, dict) and sleutel not in _JAREN_SLEUTELS:
                raise OntwerpFout(f"{sleutel}: een reeks {{van, tot}} kan alleen bij jaren")
            ruimte[sleutel] = _waarden(sleutel, waarde)
    return ruimte


def laad_ruimte(pad: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OntwerpFout(f"het ontwerpbestand {pad} bestaat niet") from None
    except OSError as e:
        raise OntwerpFout(
            f"het ontwerpbestand {pad} kan niet worden gelezen ({e.strerror})"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise OntwerpFout(f"het ontwerpbestand {pad} is geen geldig TOML: {e}") from None
    return lees_ruimte(data)


@attrs.frozen
class Variant:
    bestand: str  # the scenario file, relative to the output folder
    data: dict[str, Any]  # the keys of the scenario file
    scenario: Scenario

    @property
    def naam(self) -> str:
        return self.scenario.naam

    @property
    def omzetting(self) -> bool:
        return self.scenario.omzetting


_GARANTIE_NAAM = {
    "behouden": "garantiebedrag blijft",
    "vervallen": "garantiebedrag vervalt",
    "inkomensgarantie": "inkomensgarantie",
}
_WERKGEVER_NAAM = {"geen": "LKS op minimumloon", "lks_op_functieloon": "LKS op functieloon"}


def _tekst_waarde(w: Any) -> str:
    return str(w).replace(",", ".")


def _namen(d: dict[str, Any]) -> tuple[str, str]:
    """(readable name, file stem) of a combination."""
    g, w = d["garantiebedrag"], d["werkgever"]
    naam = [
        f"afbouw in {d['afbouw_jaren']} jaar" if g == "afbouw" else _GARANTIE_NAAM[g],
        f"werkgever {d['compensatie_jaren']} jaar compensatie"
        if w == "compensatie"
        else _WERKGEVER_NAAM[w],
    ]
    stam = [
        f"afbouw{d['afbouw_jaren']:02d}" if g == "afbouw" else g,
        f"compensatie{d['compensatie_jaren']}" if w == "compensatie" else w,
    ]
    if "ingangsdatum" in d:
        naam.append(f"ingang {d['ingangsdatum']}")
        stam.append(f"ingang{d['ingangsdatum']}")
    for tabel in _SUBTABELLEN:
        for sub, waarde in d.get(tabel, {}).items():
            naam.append(f"{tabel}.{sub} {_tekst_waarde(waarde)}")
            stam.append(f"{sub}{_tekst_waarde(waarde)}")
    schoon = "__".join(stam)
    schoon = "".join(c if c.isalnum() or c in "._-" else "_" for c in schoon)
    return ", ".join(naam), schoon


def varianten(ruimte: dict[str, Any]) -> list[Variant]:
    """Every combination of the space as a variant (validated like a scenario file), plus the
    reference variants: no conversion, and the law as it stands (behouden, geen)."""
    gewoon = [
        k
        for k in ruimte
        if k not in ("garantiebedrag", "werkgever", *_JAREN_SLEUTELS) and "." not in k
    ]
    sub = [k for k in ruimte if "." in k]

    def delen(sleutel: str, jaren: str, keuze: str) -> list[dict[str, Any]]:
        uit = []
        for w in ruimte[sleutel]:
            if w == keuze:
                uit += [{sleutel: w, jaren: n} for n in ruimte[jaren]]
            else:
                uit.append({sleutel: w})
        return uit

    combinaties = itertools.product(
        delen("garantiebedrag", "afbouw_jaren", "afbouw"),
        delen("werkgever", "compensatie_jaren", "compensatie"),
        *[[(k, w) for w in ruimte[k]] for k in gewoon + sub],
    )
    uit: list[Variant] = []
    gezien: set[Scenario] = set()

    def voeg_toe(d: dict[str, Any], stam: str) -> None:
        try:
            sc = scenariobron.uit_dict(d)
            d = {**d, "omschrijving": " ".join(sc.beschrijving())}  # for a reader of the file
            sc = scenariobron.uit_dict(d)
        except ScenarioFout as e:
            raise OntwerpFout(f"ontwerpruimte: {e}") from None
        sleutel = attrs.evolve(sc, naam="")
        if sleutel in gezien:
            return
        gezien.add(sleutel)
        bestanden = {v.bestand for v in uit}
        bestand, i = f"varianten/{stam}.toml", 2
        while bestand in bestanden:
            bestand, i = f"varianten/{stam}_{i}.toml", i + 1
        uit.append(Variant(bestand, d, sc))

    voeg_toe(dict(GEEN_OMZETTING), "geen_omzetting")
    referentie = dict(REFERENTIE)
    for g, w, *rest in combinaties:
        d: dict[str, Any] = {**g, **w}
        for k, waarde in rest:
            if "." in k:
                tabel, s = k.split(".")
                d.setdefault(tabel, {})[s] = waarde
            else:
                d[k] = waarde
        try:
            scenariobron.uit_dict(d)  # a bad value is named before the name is made of it
        except ScenarioFout as e:
            raise OntwerpFout(f"ontwerpruimte: {e}") from None
        naam, stam = _namen(d)
        voeg_toe({"naam": naam, **d}, stam)
        if len(uit) > MAX_VARIANTEN:
            raise OntwerpFout(
                f"de ontwerpruimte geeft meer dan {MAX_VARIANTEN} varianten; maak haar kleiner"
            )
    naam, stam = _namen(referentie)
    voeg_toe({"naam": naam, **referentie}, stam)  # only added when the space left it out
    return uit


def _toml_waarde(w: Any) -> str:
    if isinstance(w, bool):
        return "true" if w else "false"
    if isinstance(w, int):
        return str(w)
    if isinstance(w, dt.date):
        return w.isoformat()
    if isinstance(w, float):  # float ok: written back as the text TOML read
        return json.dumps(repr(w))
    return json.dumps(str(w), ensure_ascii=False)


def toml_tekst(v: Variant, jaren: int) -> str:
    """The variant as a scenario file, with a comment header; ``cohort --scenario`` and
    ``bereken --scenario`` read it unchanged."""
    regels = [
        "# Beleidsvariant uit `wajong-conversie ontwerp`",
        f"# Pad over {jaren} jaar; gemaakt met wajong-conversie {__version__}.",
        f"# Zelfde cijfers: wajong-conversie cohort COHORT --scenario {v.bestand} --jaren {jaren}",
        "",
    ]
    tabellen = []
    for k, w in v.data.items():
        if isinstance(w, dict):
            tabellen.append((k, w))
        else:
            regels.append(f"{k} = {_toml_waarde(w)}")
    for k, tabel in tabellen:
        regels += ["", f"[{k}]"] + [f"{s} = {_toml_waarde(w)}" for s, w in tabel.items()]
    return "\n".join(regels) + "\n"


# --- the cohort, parsed once -------------------------------------------------------------------


@attrs.frozen
class Cohort:
    naam: str
    partijen: list[Partij]
    afwijzingen: list[Afwijzing]
    aantal_ingelezen: int
    werkgevers: int  # number of employer codes; 0 without a werkgever_id column
    werkgever_ids: Any
    werkgever_namen: Any

    @property
    def aantal(self) -> int:
        return sum(len(p.invoer) for p in self.partijen)

    @property
    def heeft_werkgevers(self) -> bool:
        return self.werkgever_ids is not None


def lees_cohort(pad: Path, peildatum: dt.date | None = None) -> Cohort:
    """Read and check the cohort once, on two threads, keeping the valid batches."""
    arrowstart.start()
    bron = cohortinvoer.open_bestand(pad, peildatum is not None)
    dubbel = bron.dubbele_ids()

    def een(stuk):
        return cohortinvoer.ontleed(*stuk(), peildatum, dubbel, bron.werkgever_code)

    partijen, afwijzingen = [], list(bron.kapot)
    with ThreadPoolExecutor(2) as pool:
        for partij, afw in pool.map(een, bron.batches):
            afwijzingen.extend(afw)
            if partij is not None:
                partijen.append(partij)
    return Cohort(
        pad.name,
        partijen,
        afwijzingen,
        bron.aantal,
        len(bron.werkgevers) if bron.werkgevers is not None else 0,
        bron.werkgevers,
        bron.werkgever_namen,
    )


# --- evaluation --------------------------------------------------------------------------------


def evalueer(cohort: Cohort, sc: Scenario, jaren: int) -> dict[str, Any]:
    """One variant over the cohort and the path of ``jaren`` years: the summary of ``cohort``
    (``samenvatting``) plus the flags per year and over the whole path."""
    telling = Telling()
    n_jaren = jaren
    tel = np.zeros((n_jaren, 4), dtype=np.int64)  # active, 3 flags
    verlies = [0] * n_jaren
    ooit = np.zeros(3, dtype=np.int64)
    wg_som = np.zeros((n_jaren, cohort.werkgevers), dtype=np.int64)
    wg_aantal = np.zeros((n_jaren, cohort.werkgevers), dtype=np.int64)
    for partij in cohort.partijen:
        r = bereken(partij.invoer, sc)
        pad = overgang.pad(partij.invoer, sc, jaren, jaar0=r)
        deel = Telling()
        deel.voeg_toe(r, partij.werkgever, cohort.werkgevers, pad)
        telling.samen(deel)
        vlag_ooit = np.zeros((3, len(r)), dtype=bool)
        for jaar in pad:
            k, jr, actief = jaar.jaar, jaar.resultaat, jaar.actief
            tel[k, 0] += int(actief.sum())
            for i, code in enumerate(SIGNAAL_CODES):
                vlag = jr.signalen[code] & actief
                tel[k, 1 + i] += int(vlag.sum())
                vlag_ooit[i] |= vlag
            achteruit = jr.signalen["werknemer_achteruit"] & actief
            netto = bedrag_kolom(jr, "huidig", "netto_jaar") - bedrag_kolom(
                jr, "nieuw", "netto_jaar"
            )
            verlies[k] += int(netto[achteruit].sum())
            if partij.werkgever is not None and cohort.werkgevers:
                delta = jr.nieuw["werkgever_kosten_maand"] - jr.huidig["werkgever_kosten_maand"]
                met = (partij.werkgever >= 0) & actief
                np.add.at(wg_som[k], partij.werkgever[met], delta[met])  # exact integer sums
                wg_aantal[k] += np.bincount(partij.werkgever[met], minlength=cohort.werkgevers)
        ooit += vlag_ooit.sum(axis=1)
    samen = scenario_json(telling, sc, sc.drempels, cohort.werkgever_ids, cohort.werkgever_namen)
    drempel = sc.drempels.werkgever_achteruit_bedrag
    meer = (wg_som > drempel) & (wg_aantal > 0)  # as samenvatting._werkgevers, per year
    budget = {b["jaar_na_omzetting"]: b for b in samen["budget_per_jaar"]}
    per_jaar = []
    for k in range(n_jaren):
        b = budget[k]
        per_jaar.append(
            {
                "jaar_na_omzetting": k,
                "jaar": b["jaar"],
                "aanname": b["aanname"],
                "aantal_werknemers": int(tel[k, 0]),
                **{code: int(tel[k, 1 + i]) for i, code in enumerate(SIGNAAL_CODES)},
                "netto_verlies_achteruit": bedrag_tekst(verlies[k]),
                "werkgevers_meer_kosten": int(meer[k].sum()) if cohort.heeft_werkgevers else None,
                "kosten_overheid_verschil": b["kosten_overheid"]["verschil"],
                "belastingontvangsten_verschil": b["belastingontvangsten"]["verschil"],
                "saldo_overheid_verschil": b["saldo_overheid_verschil"],
            }
        )

    def som(sleutel: str) -> str:
        return bedrag_tekst(sum(centen(j[sleutel]) for j in per_jaar))

    saldi = [centen(j["saldo_overheid_verschil"]) for j in per_jaar]
    totaal = {
        "werknemer_achteruit": int(ooit[0]),
        "werknemer_buitenproportioneel": int(ooit[1]),
        "werkgever_achteruit": int(ooit[2]),
        "werkgevers_meer_kosten": int(meer.any(axis=0).sum()) if cohort.heeft_werkgevers else None,
        "netto_verlies_achteruit": som("netto_verlies_achteruit"),
        "kosten_overheid_verschil": som("kosten_overheid_verschil"),
        "belastingontvangsten_verschil": som("belastingontvangsten_verschil"),
        "saldo_overheid_verschil": som("saldo_overheid_verschil"),
        "saldo_overheid_per_jaar_gemiddeld": bedrag_tekst(half_up(sum(saldi), len(saldi))),
        "saldo_overheid_hoogste_jaar": bedrag_tekst(max(saldi)),
    }
    return {
        "signalen": samen["signalen"],
        "werkgevers": samen["werkgevers"],
        "totalen_per_jaar": samen["totalen"]["per_jaar"],
        "per_jaar": per_jaar,
        "totaal": totaal,
        "aannames": telling.aannames,
    }


_GEDEELD: dict[str, Any] = {}


def _in_proces(i: int) -> tuple[int, dict[str, Any]]:
    d = _GEDEELD
    return i, evalueer(d["cohort"], d["varianten"][i].scenario, d["jaren"])


def evalueer_alle(
    cohort: Cohort,
    lijst: list[Variant],
    jaren: int,
    werkers: int = 2,
    soort: str = "proces",
    stap: Callable[[], None] | None = None,
) -> list[dict[str, Any]]:
    """Every variant, on ``werkers`` workers: ``proces`` (fork: the parsed cohort is shared,
    never pickled) or ``draad`` (threads; numpy releases the GIL in much of the engine)."""
    uit: list[dict[str, Any] | None] = [None] * len(lijst)
    if werkers <= 1:
        for i, v in enumerate(lijst):
            uit[i] = evalueer(cohort, v.scenario, jaren)
            if stap:
                stap()
        return uit  # type: ignore[return-value]
    if soort == "proces" and "fork" in multiprocessing.get_all_start_methods():
        _GEDEELD.update(cohort=cohort, varianten=lijst, jaren=jaren)
        pool: Any = ProcessPoolExecutor(werkers, mp_context=multiprocessing.get_context("fork"))
        taak: Callable[[int], tuple[int, dict[str, Any]]] = _in_proces
    else:
        pool = ThreadPoolExecutor(werkers)

        def taak(i: int) -> tuple[int, dict[str, Any]]:
            return i, evalueer(cohort, lijst[i].scenario, jaren)

    try:
        with pool:
            for toekomst in as_completed([pool.submit(taak, i) for i in range(len(lijst))]):
                i, r = toekomst.result()
                uit[i] = r
                if stap:
                    stap()
    finally:
        _GEDEELD.clear()
    return uit  # type: ignore[return-value]


# --- the front and the choice ------------------------------------------------------------------


def doelen(m: dict[str, Any]) -> tuple[int, int, int, int]:
    """The four objectives to minimise: workers who lose net income, workers with a gross rise
    out of proportion, employers who pay more (distinct employers when the cohort has a
    werkgever_id, otherwise their workers), and the government balance over all years (cents);
    counts over the whole path (a worker counts once)."""
    t = m["totaal"]
    werkgevers = t["werkgevers_meer_kosten"]
    return (
        t["werknemer_achteruit"],
        t["werknemer_buitenproportioneel"],
        t["werkgever_achteruit"] if werkgevers is None else werkgevers,
        centen(t["saldo_overheid_verschil"]),
    )


def domineert(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """a is at least as good as b on every objective and better on one."""
    return all(x <= y for x, y in zip(a, b, strict=True)) and a != b


def pareto(punten: list[tuple[int, ...]], kandidaat: Iterable[bool] | None = None) -> list[bool]:
    """Per point: on the front (no other candidate dominates it)? Non-candidates are never on
    the front and dominate nothing."""
    kand = list(kandidaat) if kandidaat is not None else [True] * len(punten)
    return [
        kand[i] and not any(kand[j] and domineert(punten[j], p) for j in range(len(punten)))
        for i, p in enumerate(punten)
    ]


def volgorde(doel: tuple[int, int, int, int], naam: str) -> tuple:
    """'Best': fewest workers hit by either worker risk of Kamerstuk 34 352 nr. 281/310 (net
    income falls, or gross income rises out of proportion), counted together so that a variant
    cannot buy a few losers less with hundreds of windfalls; then fewest employers paying
    more, then the lowest cost, then fewest losers (and the name, so the choice is always the
    same)."""
    verliezers, meevallers, werkgevers, kosten = doel
    return (verliezers + meevallers, werkgevers, kosten, verliezers, naam)


def kies(
    punten: list[tuple[int, int, int, int]],
    namen: list[str],
    kandidaat: list[bool],
    hoogste_jaar: list[int],
    budget: int | None,
) -> tuple[int | None, bool]:
    """The recommended variant: the best (see ``volgorde``) among the conversion variants whose
    government balance stays within ``budget`` in every year of the path. Returns (index,
    within budget); without any within budget: the one with the lowest highest year, False."""
    mogelijk = [
        i
        for i in range(len(punten))
        if kandidaat[i] and (budget is None or hoogste_jaar[i] <= budget)
    ]
    if mogelijk:
        return min(mogelijk, key=lambda i: volgorde(punten[i], namen[i])), True
    rest = [i for i in range(len(punten)) if kandidaat[i]]
    if not rest:
        return None, False
    return min(rest, key=lambda i: (hoogste_jaar[i], volgorde(punten[i], namen[i]))), False


DOEL_WOORDEN = (
    ("werknemers die er netto op achteruitgaan",),
    ("werknemers die er bruto buiten verhouding op vooruitgaan",),
    ("werkgevers die meer gaan betalen", "werknemers van wie de werkgever meer gaat betalen"),
)


def afweging(
    i: int,
    punten: list[tuple[int, int, int, int]],
    namen: list[str],
    op_front: list[bool],
    jaren: int,
    werkgevers: bool = True,
) -> str:
    """One plain Dutch sentence on what the recommended variant trades off, against the
    cheapest variant on the front."""
    from wajong_conversie import opmaak

    front = [j for j in range(len(punten)) if op_front[j]]
    goedkoopst = min(front, key=lambda j: (punten[j][3], volgorde(punten[j], namen[j])))
    per_jaar = half_up(punten[i][3], jaren)
    if goedkoopst == i or punten[goedkoopst][3] == punten[i][3]:
        return (
            f"Geen variant op het front is goedkoper: deze kost de overheid "
            f"{opmaak.verschil(per_jaar)} per jaar vergeleken met vandaag."
        )
    extra = half_up(punten[i][3] - punten[goedkoopst][3], jaren)

    def aantal(n: int) -> str:
        return "geen" if n == 0 else opmaak.getal(n)

    def woorden(k: int) -> str:  # objective 3 counts workers when there is no werkgever_id
        return DOEL_WOORDEN[k][-1 if k == 2 and not werkgevers else 0]

    a, c = punten[i], punten[goedkoopst]
    beter = next(k for k in range(3) if a[k] < c[k])
    zin = (
        f"Deze variant kost de overheid {opmaak.bedrag(extra)} per jaar meer dan de "
        f"goedkoopste variant op het front ('{namen[goedkoopst]}'); daarvoor zijn er "
        f"{aantal(a[beter])} {woorden(beter)} in plaats van "
        f"{opmaak.getal(c[beter])}"
    )
    slechter = next((k for k in range(3) if a[k] > c[k]), None)
    if slechter is not None:
        zin += (
            f", maar {aantal(a[slechter])} {woorden(slechter)} in plaats van "
            f"{opmaak.getal(c[slechter])}"
        )
    return zin + "."


# --- the run -----------------------------------------------------------------------------------


def voer_uit(
    invoer: Path,
    uit: Path,
    ruimte: dict[str, Any] | None = None,
    jaren: int = 5,
    budget: int | None = None,
    peildatum: dt.date | None = None,
    werkers: int = 2,
    soort: str = "proces",
    voortgang: Callable[[int], Callable[[], None]] | None = None,
    html: bool = True,
) -> dict[str, Any]:
    """Evaluate the space on the cohort and write ontwerp.json, ontwerp.html and
    varianten/*.toml into ``uit``, whole or absent. Returns the content of ontwerp.json."""
    lijst = varianten(ruimte if ruimte is not None else dict(STANDAARD_RUIMTE))
    cohort = lees_cohort(invoer, peildatum)
    if not cohort.aantal:
        raise BestandFout(
            f"geen enkele rij van {invoer.name} kan worden berekend; "
            "wajong-conversie cohort zet per rij de reden in afgewezen.csv"
        )
    tijdelijk = uitmap.bereid(uit, invoer, UITVOER)
    with uitmap.bij_fout_opruimen(tijdelijk, uit):
        stap = voortgang(len(lijst)) if voortgang else None
        metingen = evalueer_alle(cohort, lijst, jaren, werkers, soort, stap)
        ontwerp = samenstellen(cohort, lijst, metingen, jaren, budget)
        (tijdelijk / "varianten").mkdir()
        for v in lijst:
            (tijdelijk / v.bestand).write_text(toml_tekst(v, jaren), encoding="utf-8")
        if html:
            from wajong_conversie import ontwerprapport

            ontwerprapport.schrijf(ontwerp, tijdelijk / "ontwerp.html")
        (tijdelijk / "ontwerp.json").write_text(
            json.dumps(ontwerp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        _plaats(tijdelijk, uit)
    return ontwerp


def _plaats(tijdelijk: Path, uit: Path) -> None:
    """As ``uitmap.plaats``, with the folder varianten/ replaced as a whole (a rename, after
    the old one is moved aside), so it never mixes two runs."""
    oud = uit / "varianten"
    weg = None
    if oud.exists():
        weg = tijdelijk.parent / f"{tijdelijk.name}-oud"
        os.replace(oud, weg)
    uitmap.plaats(tijdelijk, uit, weg=[n for n in UITVOER if n != "varianten"])
    if weg is not None:
        uitmap.opruimen(weg)


def samenstellen(
    cohort: Cohort,
    lijst: list[Variant],
    metingen: list[dict[str, Any]],
    jaren: int,
    budget: int | None,
) -> dict[str, Any]:
    punten = [doelen(m) for m in metingen]
    namen = [v.naam for v in lijst]
    kandidaat = [v.omzetting for v in lijst]
    op_front = pareto(punten, kandidaat)
    hoogste = [centen(m["totaal"]["saldo_overheid_hoogste_jaar"]) for m in metingen]
    gekozen, binnen = kies(punten, namen, kandidaat, hoogste, budget)
    aanbeveling = None
    if gekozen is not None:
        aanbeveling = {
            "naam": namen[gekozen],
            "bestand": lijst[gekozen].bestand,
            "binnen_budget": binnen if budget is not None else None,
            "afweging": afweging(gekozen, punten, namen, op_front, jaren, cohort.heeft_werkgevers),
        }
    aannames = list(dict.fromkeys(a for m in metingen for a in m["aannames"]))
    return {
        "gemaakt_met": f"wajong-conversie {__version__}",
        "bestand": cohort.naam,
        "aantal_ingelezen": cohort.aantal_ingelezen,
        "aantal_berekend": cohort.aantal,
        "aantal_afgewezen": len({a.rij for a in cohort.afwijzingen}),
        "jaren": jaren,
        "budget_per_jaar": bedrag_tekst(budget) if budget is not None else None,
        "werkgevers_in_bestand": cohort.heeft_werkgevers,
        "doelen": [
            "werknemer_achteruit",
            "werknemer_buitenproportioneel",
            "werkgevers_meer_kosten" if cohort.heeft_werkgevers else "werkgever_achteruit",
            "saldo_overheid_verschil",
        ],
        "aannames": aannames,
        "aanbeveling": aanbeveling,
        "varianten": [
            {
                "naam": v.naam,
                "bestand": v.bestand,
                "omzetting": v.omzetting,
                "op_front": op_front[i],
                "referentie": not v.omzetting
                or {k: w for k, w in v.data.items() if k not in ("naam", "omschrijving")}
                == REFERENTIE,
                "scenario": {
                    k: (str(w) if isinstance(w, dt.date) else w) for k, w in v.data.items()
                },
                "signalen": metingen[i]["signalen"],
                "per_jaar": metingen[i]["per_jaar"],
                "totaal": metingen[i]["totaal"],
            }
            for i, v in enumerate(lijst)
        ],
    }


class Voortgang:
    """A one-line progress bar over the variants, on a terminal only (as ``cohort``'s)."""

    def __init__(self, totaal: int):
        self.totaal, self.klaar = totaal, 0

    def __call__(self) -> None:
        self.klaar += 1
        balk = "#" * (30 * self.klaar // self.totaal)
        sys.stderr.write(f"\r  [{balk:<30}] {self.klaar:>5} van {self.totaal} varianten")
        if self.klaar == self.totaal:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _cpu() -> float:  # float ok: seconds of processor time, this process and its workers
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def opdracht(args) -> int:
    """``wajong-conversie ontwerp``: the command line (see cli.py for the options)."""
    from wajong_conversie import ontwerprapport, opmaak

    if not 1 <= args.jaren <= 40:
        raise OntwerpFout("--jaren: kies 1 tot en met 40 jaar")
    ruimte = laad_ruimte(Path(args.ruimte)) if args.ruimte else None
    budget = budget_bedrag(args.budget) if args.budget is not None else None
    terminal = sys.stderr.isatty() and not os.environ.get("CI")
    start, cpu = time.perf_counter(), _cpu()
    uitkomst = voer_uit(
        Path(args.invoer),
        Path(args.uit),
        ruimte,
        jaren=args.jaren,
        budget=budget,
        peildatum=args.peildatum,
        voortgang=Voortgang if terminal else None,
    )
    for a in uitkomst["aannames"]:
        print(a, file=sys.stderr)
    print(ontwerprapport.tekst(uitkomst, Path(args.uit)))
    print(
        f"Klaar in {opmaak.getal(round(Decimal(time.perf_counter() - start), 1))} s "
        f"(processortijd {opmaak.getal(round(Decimal(_cpu() - cpu), 1))} s)."
    )
    return 0


def budget_bedrag(tekst: str) -> int:
    """--budget: euros per year, read by the one rule for an amount (``getallen.BEDRAG``:
    ``8000000`` or ``8000000,00``), exact to the cent."""
    from wajong_conversie import getallen

    try:
        return centen(getallen.lees_getal(tekst, getallen.BEDRAG))
    except ValueError as e:
        raise OntwerpFout(f"--budget: {e}") from None


__all__ = ["BestandFout", "OntwerpFout", "voer_uit"]
