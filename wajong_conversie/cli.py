"""Command line: ``wajong-conversie bereken CASE [--scenario S] [--json]`` and ``demo``.

User errors (a bad case or scenario file) give exit code 2 and a Dutch message on stderr,
nothing on stdout, never a traceback. Personal data never appears in messages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from wajong_conversie import (
    cohort,
    getallen,
    marginaal,
    opmaak,
    overgang,
    tekstbestand,
)
from wajong_conversie import scenario as scenariobron
from wajong_conversie.cohortinvoer import BestandFout
from wajong_conversie.geld import centen
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario, ScenarioFout
from wajong_conversie.uitvoer import als_dict
from wajong_conversie.validatie import BRIEFVELDEN, Invoerfout, lees_en_controleer

PERSOONSVELDEN = frozenset({"id", *BRIEFVELDEN})


class Gebruikersfout(Exception):
    """An error in what the user gave us; exit code 2."""


def lees_bestand(pad: Path) -> dict[str, Any]:
    """A case file, JSON or TOML; numbers stay exact, read by the grammar of ``getallen``."""
    try:
        inhoud = tekstbestand.lees_klein_bestand(pad, "het bestand", (".json", ".toml"))
    except tekstbestand.Leesfout as e:
        raise Gebruikersfout(str(e)) from None
    try:
        if pad.suffix.lower() == ".json":
            data = tekstbestand.json_laden(inhoud)
        else:
            data = tekstbestand.toml_laden(inhoud)
    except tekstbestand.Leesfout as e:
        raise Gebruikersfout(f"{pad}: {e}") from None
    if not isinstance(data, dict):
        raise Gebruikersfout(f"{pad}: verwacht één object met de velden van een geval")
    return data


def reken_geval(
    data: dict[str, Any], scenario: Scenario, jaren: int | None = None, uren_reeks=False
) -> dict[str, Any]:
    """One case under one scenario as the JSON object; with ``jaren`` also the path, with
    ``uren_reeks`` also ``marginaal`` (issue 11)."""
    geval, invoer = lees_en_controleer(data, extra=PERSOONSVELDEN)
    resultaat = bereken(invoer, scenario)
    pad = overgang.pad(invoer, scenario, jaren) if jaren else None
    uit = als_dict(resultaat, 0, geval.id, pad)
    if uren_reeks:
        uit["marginaal"] = marginaal.reeks(invoer, scenario)
    return uit


def _scenarios(paden: list[str] | None) -> list[Scenario]:
    if not paden:
        return [Scenario()]
    scenarios = [scenariobron.laad(pad) for pad in paden]
    namen = [s.naam for s in scenarios]
    if len(set(namen)) < len(namen):
        raise Gebruikersfout("twee scenario's hebben dezelfde naam; geef ze elk een eigen naam")
    return scenarios


def cmd_bereken(args: argparse.Namespace) -> int:
    # the text view loads Jinja2: only for this command, not at every start
    from wajong_conversie.weergave import marginaal_tekst, tekst, varianten

    data = lees_bestand(Path(args.geval))
    scenarios = _scenarios(args.scenario)
    if args.jaren is not None and not 1 <= args.jaren <= 40:
        raise Gebruikersfout("--jaren: kies 1 tot en met 40 jaar")
    uitkomsten = [reken_geval(data, sc, args.jaren, args.uren_reeks) for sc in scenarios]
    waarschuwingen = list(dict.fromkeys(w for u in uitkomsten for w in u["waarschuwingen"]))
    _meld(waarschuwingen, "'waarschuwingen' in de uitvoer van bereken --json")
    for a in dict.fromkeys(a for u in uitkomsten for a in u["aannames"]):
        print(a, file=sys.stderr)
    if args.json:
        uit = uitkomsten[0] if len(uitkomsten) == 1 else {"varianten": uitkomsten}
        json.dump(uit, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif len(uitkomsten) == 1:
        sys.stdout.write(tekst(uitkomsten[0]))
    else:
        sys.stdout.write(varianten(uitkomsten))
    if args.uren_reeks and not args.json:
        for u in uitkomsten:
            sys.stdout.write(marginaal_tekst(u["marginaal"], u["scenario"]["naam"]))
    return 0


_HEEL = re.compile(r"[0-9]{1,9}", re.ASCII)


def _heel(tekst: str) -> int:
    """A whole number as the grammar of ``getallen`` writes it: ASCII digits only (Python's
    int() would also take '1_0', ' 10 ' and Arabic digits)."""
    if not _HEEL.fullmatch(tekst):
        raise argparse.ArgumentTypeError(f"'{getallen.toon(tekst)}' is geen heel getal")
    return int(tekst)


def _datum(tekst: str) -> dt.date:
    try:
        return getallen.lees_datum(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen datum (JJJJ-MM-DD)") from None


def kerncijfers(samenvatting: dict[str, Any], map_: Path) -> str:
    """The headline numbers of a cohort run, in Dutch, for the terminal."""
    regels = [
        f"Ingelezen: {opmaak.getal(samenvatting['aantal_ingelezen'])} rijen, berekend: "
        f"{opmaak.getal(samenvatting['aantal_berekend'])}, afgewezen: "
        f"{opmaak.getal(samenvatting['aantal_afgewezen'])} (zie afgewezen.csv)."
    ]
    if not samenvatting["aantal_berekend"]:
        regels.append("Geen enkele rij kon worden berekend; in afgewezen.csv staat waarom.")
    for sc in samenvatting["scenarios"]:
        sig = sc["signalen"]
        jaar = sc["totalen"]["per_jaar"]
        wg = sc["werkgevers"]
        regels.append(f"\nScenario '{sc['scenario']['naam']}':")
        regels.append(
            f"  werknemers netto achteruit: {opmaak.getal(sig['werknemer_achteruit'])}; "
            f"buiten verhouding omhoog: {opmaak.getal(sig['werknemer_buitenproportioneel'])}"
        )
        hh = sc.get("huishouden", {})
        if hh.get("aantal_met_huishouden"):
            regels.append(
                f"  met huishouden: {opmaak.getal(hh['aantal_met_huishouden'])}; besteedbaar "
                f"achteruit: {opmaak.getal(sig['huishouden_achteruit'])}; netto zonder "
                "pensioenpremie omhoog maar besteedbaar omlaag: "
                f"{opmaak.getal(hh['netto_zonder_pensioen_omhoog_besteedbaar_omlaag'])}; "
                "omlaag maar besteedbaar omhoog: "
                f"{opmaak.getal(hh['netto_zonder_pensioen_omlaag_besteedbaar_omhoog'])}; "
                "toeslag daalt: "
                f"{opmaak.getal(sig['toeslag_terugvordering_risico'])}"
            )
        regels.append(
            "  werkgevers die meer betalen: "
            + (
                f"{opmaak.getal(wg['aantal_meer_kosten'])} van {opmaak.getal(wg['aantal'])}"
                if wg["aantal"] is not None
                else f"{opmaak.getal(sig['werkgever_achteruit'])} werknemers (geen werkgever_id)"
            )
        )
        regels.append(
            "  overheid per jaar: "
            f"{opmaak.verschil(centen(jaar['kosten_overheid']['verschil']))} kosten, "
            f"{opmaak.verschil(centen(jaar['belastingontvangsten']['verschil']))} belasting, "
            f"saldo {opmaak.verschil(centen(jaar['saldo_overheid']['verschil']))}"
        )
    bestanden = samenvatting.get("bestanden", [])
    if "rapport.html" in bestanden:
        regels.append(f"\nRapport: {(map_ / 'rapport.html').resolve()}")
    regels.append(f"Geschreven in {map_.resolve()}: {', '.join(bestanden)}")
    return "\n".join(regels)


def cmd_cohort(args: argparse.Namespace) -> int:
    scenarios = _scenarios(args.scenario)
    if args.jaren is not None and not 0 <= args.jaren <= 40:
        raise Gebruikersfout("--jaren: kies 0 tot en met 40 jaar")
    start = time.perf_counter()
    samenvatting = cohort.voer_uit(
        Path(args.invoer),
        Path(args.uit),
        scenarios,
        peildatum=args.peildatum,
        jaren=args.jaren,
        xlsx=not args.geen_xlsx,
        xlsx_volledig=getattr(args, "xlsx_volledig", False),
        voortgang=sys.stderr.isatty() and not os.environ.get("CI"),
    )
    _meld(
        samenvatting["waarschuwingen"],
        "samenvatting.json en rapport.html (onderdeel 'Let op bij het lezen')",
    )
    for a in samenvatting["aannames"]:
        print(a, file=sys.stderr)
    print(kerncijfers(samenvatting, Path(args.uit)))
    print(f"Klaar in {opmaak.getal(round(Decimal(time.perf_counter() - start), 1))} s.")
    return 0


MELD_LOS = 3  # up to this many unconfirmed values are named one by one on the terminal


def _meld(waarschuwingen: list[str], waar: str) -> None:
    """Unconfirmed parameter values on stderr: a few one by one, many as one line that says
    how many and where the full list is (a wall of warnings hides the result)."""
    if len(waarschuwingen) <= MELD_LOS:
        for w in waarschuwingen:
            print(w, file=sys.stderr)
        return
    print(
        f"Let op: {opmaak.getal(len(waarschuwingen))} bedragen of percentages die deze "
        "berekening gebruikt, zijn nog niet bevestigd in de officiële bron; de lijst staat in "
        f"{waar}.",
        file=sys.stderr,
    )


def cmd_voorbeeldcohort(args: argparse.Namespace) -> int:
    from wajong_conversie import voorbeeldcohort

    if not 1 <= args.aantal <= 10_000_000:
        raise Gebruikersfout("--aantal: kies 1 tot en met 10.000.000")
    tabel = voorbeeldcohort.genereer(args.aantal, args.seed, fouten=args.fouten)
    voorbeeldcohort.schrijf_csv(Path(args.uit), tabel)
    print(f"{opmaak.getal(args.aantal)} rijen geschreven naar {Path(args.uit).resolve()}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """The main job on the bundled examples: the example cohort under every example scenario."""
    voorbeelden = Path(args.voorbeelden)
    scenarios = sorted((voorbeelden / "scenarios").glob("*.toml"))
    invoer = voorbeelden / "cohort.csv"
    if not scenarios or not invoer.exists():
        raise Gebruikersfout(f"geen voorbeeldcohort of scenario's gevonden in {voorbeelden}")
    args = argparse.Namespace(
        invoer=str(invoer),
        uit=args.uit,
        scenario=[str(p) for p in scenarios],
        peildatum=None,
        jaren=None,
        geen_xlsx=False,
        xlsx_volledig=False,
    )
    print(f"Voorbeeldcohort {invoer} onder {len(scenarios)} scenario's.")
    return cmd_cohort(args)


def _map_bestaat(map_: Path, optie: str) -> None:
    """A letter is written into an existing folder: a missing one is a typo more often than
    a wish (Dutch message, exit 2)."""
    if map_.is_dir():
        return
    bestaand = next((p for p in map_.parents if p.exists()), None)
    if map_.exists() or (bestaand is not None and not bestaand.is_dir()):
        raise Gebruikersfout(f"{optie}: {map_} is geen map: een deel van het pad is een bestand")
    raise Gebruikersfout(
        f"{optie}: de map {map_} bestaat niet. Maak de map eerst aan of kies een andere."
    )


def cmd_brief(args: argparse.Namespace) -> int:
    from wajong_conversie import brieven

    data = lees_bestand(Path(args.geval))
    scenario = _scenarios([args.scenario] if args.scenario else None)[0]
    uit = Path(args.uit)
    if uit.suffix.lower() not in (".pdf", ".html"):
        raise Gebruikersfout("--uit: gebruik een bestandsnaam op .pdf of .html")
    _map_bestaat(uit.parent, "--uit")
    try:
        html = brieven.brief_voor_geval(data, scenario, args.aan, args.datum)
    except brieven.BriefFout as e:
        raise Gebruikersfout(str(e)) from None
    inhoud = brieven.naar_pdf(html) if uit.suffix.lower() == ".pdf" else html.encode("utf-8")
    schrijf_heel(uit, inhoud)
    print(f"Brief aan de {args.aan} geschreven naar {uit.resolve()}")
    return 0


_SCHRIJFFOUTEN = {
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "het pad gaat door iets dat geen map is",
    errno.EACCES: "geen toestemming om daar te schrijven",
    errno.EPERM: "geen toestemming om daar te schrijven",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EISDIR: "er staat een map met die naam",
}


def schrijffout(pad: Path, e: OSError) -> Gebruikersfout:
    reden = _SCHRIJFFOUTEN.get(e.errno or 0, e.strerror or "onbekende fout")
    return Gebruikersfout(f"{pad} kan niet worden geschreven: {reden}")


def schrijf_heel(pad: Path, inhoud: bytes) -> None:
    """Write a file whole or not at all: a temporary name in the same folder, then rename."""
    tijdelijk = None
    try:
        fd, naam = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".tmp")
        tijdelijk = Path(naam)
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
        if pad.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        os.replace(tijdelijk, pad)
        tijdelijk = None
    except OSError as e:
        raise schrijffout(pad, e) from None
    finally:
        if tijdelijk is not None:
            tijdelijk.unlink(missing_ok=True)


def cmd_brieven(args: argparse.Namespace) -> int:
    from wajong_conversie import briefbatch

    scenario = _scenarios([args.scenario] if args.scenario else None)[0]
    _map_bestaat(Path(args.uit).absolute().parent, "--uit")
    start = time.perf_counter()
    rijen = briefbatch.lees_rijen(Path(args.invoer))
    klaar, niet = briefbatch.maak(rijen, scenario, args.datum or dt.date.today())
    briefbatch.schrijf(
        klaar,
        niet,
        Path(args.uit),
        args.formaat,
        invoer=Path(args.invoer),
        voortgang=sys.stderr.isatty() and not os.environ.get("CI"),
    )
    duur = Decimal(time.perf_counter() - start)
    if not klaar and niet:  # nothing made: say why at once, not only in niet_gemaakt.csv
        reden, aantal = Counter(r for *_, r in niet).most_common(1)[0]
        print(
            f"Geen enkele brief gemaakt. Reden bij {opmaak.getal(aantal)} van de "
            f"{opmaak.getal(len(niet))} {'rij' if len(niet) == 1 else 'rijen'}: {reden}.",
            file=sys.stderr,
        )
    print(
        f"{opmaak.getal(len(klaar))} {'brief' if len(klaar) == 1 else 'brieven'} "
        f"({args.formaat}) in "
        f"{opmaak.getal(round(duur, 1))} s; voor {opmaak.getal(len(niet))} "
        f"{'rij' if len(niet) == 1 else 'rijen'} geen brief "
        f"(zie niet_gemaakt.csv). Overzicht: {(Path(args.uit) / 'index.html').resolve()}"
    )
    return 0


def cmd_web(args: argparse.Namespace) -> int:
    """The web page for caseworkers, on this computer only (127.0.0.1)."""
    from wajong_conversie import web

    if not 1 <= args.port <= 65535:
        raise Gebruikersfout("--port: kies een poort van 1 tot en met 65535")
    web.start(args.port)
    return 0


# argparse speaks English; every message a user can see, in Dutch (the patterns of Python
# 3.11–3.13; an unknown one is shown as it is, after the Dutch frame)
_ARGPARSE_NL = tuple(
    (re.compile(patroon), vervanging)
    for patroon, vervanging in (
        (r"^the following arguments are required: (.*)$", r"dit ontbreekt: \1"),
        (r"^unrecognized arguments: (.*)$", r"onbekend: \1"),
        (r"^argument (\S+): invalid int value: (.*)$", r"\1: \2 is geen heel getal"),
        (r"^argument (\S+): invalid \S+ value: (.*)$", r"\1: \2 is ongeldig"),
        (
            r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
            r"\1: \2 bestaat niet; kies uit \3",
        ),
        (r"^argument (\S+): expected one argument$", r"\1: hier hoort één waarde achter"),
        (r"^argument (\S+): expected at least one argument$", r"\1: hier hoort een waarde achter"),
        (r"^argument (\S+): ignored explicit argument (.*)$", r"\1: de waarde \2 hoort hier niet"),
        (r"^argument (\S+): not allowed with argument (.*)$", r"\1: niet samen met \2"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"\1 is niet eenduidig: bedoelt u \2?"),
        (r"^argument (\S+): (.*)$", r"\1: \2"),  # our own messages (ArgumentTypeError)
    )
)


class _Opmaak(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in Dutch: usage, help and error messages; errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("formatter_class", _Opmaak)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str):
        for patroon, vervanging in _ARGPARSE_NL:
            if patroon.match(message):
                message = patroon.sub(vervanging, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"Fout: {message}\nZie '{self.prog} --help'.\n")


def parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="wajong-conversie",
        description="Loondispensatie → loonkostensubsidie in de Wajong: vergelijk vandaag met "
        "de omzetting, exact tot op de cent.",
    )
    sub = p.add_subparsers(dest="opdracht", required=True, title="opdrachten", metavar="OPDRACHT")
    b = sub.add_parser("bereken", help="reken één geval door (JSON of TOML)")
    b.add_argument("geval", metavar="GEVAL", help="bestand met de velden van een geval")
    b.add_argument(
        "--scenario",
        metavar="SCENARIO",
        action="append",
        help="scenariobestand (TOML); herhaal om varianten naast elkaar te zien",
    )
    b.add_argument(
        "--jaren",
        type=_heel,
        metavar="N",
        help="toon ook de overgang over N jaar vanaf de ingangsdatum (pad)",
    )
    b.add_argument(
        "--uren-reeks",
        action="store_true",
        help="toon ook wat meer uren werken oplevert, van 0 uur tot de voltijdweek (marginaal)",
    )
    b.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    b.set_defaults(func=cmd_bereken)
    c = sub.add_parser("cohort", help="reken een heel bestand door (CSV of .xlsx)")
    c.add_argument("invoer", metavar="INVOER", help="cohortbestand (.csv of .xlsx)")
    c.add_argument("--uit", metavar="MAP", required=True, help="map voor de uitvoer")
    c.add_argument(
        "--scenario",
        metavar="BESTAND",
        action="append",
        help="scenariobestand (TOML); herhaal voor meer varianten",
    )
    c.add_argument(
        "--peildatum",
        type=_datum,
        metavar="DATUM",
        help="peildatum voor alle rijen (gaat voor de kolom peildatum)",
    )
    c.add_argument(
        "--jaren",
        type=_heel,
        metavar="N",
        help="jaren voor het budget per jaar (standaard: de overgang van het "
        "scenario, ten minste 5; 0 = geen budget per jaar)",
    )
    c.add_argument(
        "--geen-xlsx",
        action="store_true",
        help="schrijf geen overzicht.xlsx (samenvatting, werklijst en werkgevers)",
    )
    c.add_argument(
        "--xlsx-volledig",
        action="store_true",
        help="schrijf ook resultaten.xlsx met elke rij (traag bij grote bestanden; hoogstens "
        "1.048.575 rijen, de rest staat in resultaten.csv)",
    )
    c.set_defaults(func=cmd_cohort)
    v = sub.add_parser("voorbeeldcohort", help="maak een synthetisch voorbeeldcohort (CSV)")
    v.add_argument("uit", metavar="UIT", help="CSV-bestand om te schrijven")
    v.add_argument("--aantal", type=_heel, default=2000, help="aantal rijen (standaard 2000)")
    v.add_argument("--seed", type=_heel, default=2026, help="startwaarde van het toeval")
    v.add_argument(
        "--fouten",
        type=_heel,
        default=0,
        help="aantal rijen met een bewuste fout (om afwijzingen te tonen)",
    )
    v.set_defaults(func=cmd_voorbeeldcohort)
    d = sub.add_parser("demo", help="het voorbeeldcohort onder elk voorbeeldscenario")
    d.add_argument("--voorbeelden", default="examples", help="map met voorbeelden")
    d.add_argument("--uit", default="uitvoer/demo", help="map voor de uitvoer")
    d.set_defaults(func=cmd_demo)
    br = sub.add_parser(
        "brief", help="maak de brief aan de werknemer of de werkgever (PDF of HTML)"
    )
    br.add_argument("geval", metavar="GEVAL", help="bestand met het geval, met naam en adres")
    br.add_argument("--scenario", metavar="SCENARIO", help="scenariobestand (TOML)")
    br.add_argument("--aan", choices=["werknemer", "werkgever"], required=True)
    br.add_argument("--uit", metavar="BESTAND", required=True, help="BESTAND.pdf of BESTAND.html")
    br.add_argument("--datum", type=_datum, help="datum van de brief (standaard vandaag)")
    br.set_defaults(func=cmd_brief)
    bb = sub.add_parser("brieven", help="alle brieven voor een cohortbestand")
    bb.add_argument("invoer", metavar="COHORT", help="cohortbestand (.csv of .xlsx) met adressen")
    bb.add_argument("--uit", metavar="MAP", required=True)
    bb.add_argument("--scenario", metavar="SCENARIO", help="scenariobestand (TOML)")
    bb.add_argument("--formaat", choices=["pdf", "html"], default="pdf")
    bb.add_argument("--datum", type=_datum, help="datum van de brieven (standaard vandaag)")
    bb.set_defaults(func=cmd_brieven)
    o = sub.add_parser("ontwerp", help="zoek de overgangsregeling: varianten en hun front")
    o.add_argument("invoer", metavar="COHORT", help="cohortbestand (.csv of .xlsx)")
    o.add_argument("--uit", metavar="MAP", required=True, help="map voor de uitvoer")
    o.add_argument("--jaren", type=int, default=5, metavar="N", help="jaren (standaard 5)")
    o.add_argument("--budget", metavar="BEDRAG_PER_JAAR", help="budget per jaar in euro")
    o.add_argument("--ruimte", metavar="ONTWERP.toml", help="de varianten om te proberen")
    o.add_argument("--peildatum", type=_datum, metavar="DATUM", help="peildatum voor alle rijen")
    o.set_defaults(func=cmd_ontwerp)
    r = sub.add_parser("regels", help="maak de rekenregels van het project (docs/regels.md)")
    r.add_argument(
        "--uit",
        metavar="PAD",
        default=None,
        help="bestand om te schrijven (standaard docs/regels.md); - schrijft naar het scherm",
    )
    r.set_defaults(func=cmd_regels)
    w = sub.add_parser("web", help="webpagina voor de klantmanager (alleen op deze computer)")
    w.add_argument("--port", type=_heel, default=8000, help="poort (standaard 8000)")
    w.set_defaults(func=cmd_web)
    return p


def cmd_ontwerp(args: argparse.Namespace) -> int:
    from wajong_conversie import ontwerp

    return ontwerp.opdracht(args)


def cmd_regels(args: argparse.Namespace) -> int:
    from wajong_conversie import regels  # Jinja2: not loaded for the other commands

    if args.uit is None:
        args.uit = str(regels.STANDAARD_PAD)
    if args.uit == "-":
        sys.stdout.write(regels.markdown())
        return 0
    pad = Path(args.uit)
    if pad.is_dir():
        raise Gebruikersfout(
            f"{pad} is een map; geef een bestandsnaam, bijvoorbeeld {pad}/regels.md"
        )
    try:
        regels.schrijf(pad)
    except OSError as e:
        raise Gebruikersfout(f"{pad} kan niet worden geschreven ({e.strerror})") from None
    print(f"Rekenregels geschreven naar {pad}", file=sys.stderr)
    return 0


def _stdout_weg() -> None:
    """Point stdout at /dev/null, so the final flush at exit cannot fail a second time."""
    try:
        leeg = os.open(os.devnull, os.O_WRONLY)
        os.dup2(leeg, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        try:
            code = args.func(args)
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except Invoerfout as e:
        print("Het geval kan niet worden berekend:", file=sys.stderr)
        for f in e.fouten:
            print(f"  - {f.veld}: {f.melding}", file=sys.stderr)
        return 2
    except (Gebruikersfout, ScenarioFout, BestandFout) as e:
        print(f"Fout: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nAfgebroken (Ctrl-C).", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `… | head -1`: the reader has what it wants; say nothing
        _stdout_weg()
        return 141  # 128 + SIGPIPE, as other command-line tools
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT):
            raise
        _stdout_weg()
        reden = _SCHRIJFFOUTEN.get(e.errno, e.strerror)
        print(f"Fout: de uitvoer kan niet worden geschreven: {reden}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
