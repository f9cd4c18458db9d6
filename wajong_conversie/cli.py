"""Command line: ``wajong-conversie bereken CASE [--scenario S] [--json]`` and ``demo``.

User errors (a bad case or scenario file) give exit code 2 and a Dutch message on stderr,
nothing on stdout, never a traceback. Personal data never appears in messages.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from wajong_conversie import overgang
from wajong_conversie import scenario as scenariobron
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario, ScenarioFout
from wajong_conversie.uitvoer import als_dict
from wajong_conversie.validatie import Invoerfout, lees_en_controleer
from wajong_conversie.weergave import tekst, varianten

PERSOONSVELDEN = frozenset(
    {"id", "naam", "straat", "postcode", "woonplaats", "bsn", "werkgever_id", "werkgever_naam"}
)


class Gebruikersfout(Exception):
    """An error in what the user gave us; exit code 2."""


def lees_bestand(pad: Path) -> dict[str, Any]:
    """A case file, JSON or TOML; numbers stay exact (Decimal / the text of the file)."""
    try:
        inhoud = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Gebruikersfout(f"het bestand {pad} bestaat niet") from None
    except UnicodeDecodeError:
        raise Gebruikersfout(f"het bestand {pad} is geen UTF-8-tekst") from None
    except OSError as e:  # a folder, no permission, …
        raise Gebruikersfout(f"het bestand {pad} kan niet worden gelezen ({e.strerror})") from None
    try:
        if pad.suffix.lower() == ".json":
            data = json.loads(inhoud, parse_float=Decimal)
        elif pad.suffix.lower() == ".toml":
            data = tomllib.loads(inhoud)
        else:
            raise Gebruikersfout(f"{pad}: gebruik een .json- of .toml-bestand")
    except json.JSONDecodeError as e:
        raise Gebruikersfout(f"{pad} is geen geldige JSON (regel {e.lineno}): {e.msg}") from None
    except tomllib.TOMLDecodeError as e:
        raise Gebruikersfout(f"{pad} is geen geldige TOML: {e}") from None
    if not isinstance(data, dict):
        raise Gebruikersfout(f"{pad}: verwacht één object met de velden van een geval")
    return data


def reken_geval(
    data: dict[str, Any], scenario: Scenario, jaren: int | None = None
) -> dict[str, Any]:
    """One case under one scenario as the JSON object; with ``jaren`` also the path."""
    geval, invoer = lees_en_controleer(data, extra=PERSOONSVELDEN)
    resultaat = bereken(invoer, scenario)
    pad = overgang.pad(invoer, scenario, jaren) if jaren else None
    return als_dict(resultaat, 0, geval.id, pad)


def _scenarios(paden: list[str] | None) -> list[Scenario]:
    if not paden:
        return [Scenario()]
    scenarios = [scenariobron.laad(pad) for pad in paden]
    namen = [s.naam for s in scenarios]
    if len(set(namen)) < len(namen):
        raise Gebruikersfout("twee scenario's hebben dezelfde naam; geef ze elk een eigen naam")
    return scenarios


def cmd_bereken(args: argparse.Namespace) -> int:
    data = lees_bestand(Path(args.geval))
    scenarios = _scenarios(args.scenario)
    if args.jaren is not None and not 1 <= args.jaren <= 40:
        raise Gebruikersfout("--jaren: kies 1 tot en met 40 jaar")
    uitkomsten = [reken_geval(data, sc, args.jaren) for sc in scenarios]
    gemeld = set()
    for u in uitkomsten:
        for w in u["waarschuwingen"] + u["aannames"]:
            if w not in gemeld:
                gemeld.add(w)
                print(w, file=sys.stderr)
    if args.json:
        uit = uitkomsten[0] if len(uitkomsten) == 1 else {"varianten": uitkomsten}
        json.dump(uit, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif len(uitkomsten) == 1:
        sys.stdout.write(tekst(uitkomsten[0]))
    else:
        sys.stdout.write(varianten(uitkomsten))
    return 0


def waarschuwende_signalen(uitkomst: dict[str, Any]) -> list[str]:
    return [s["code"] for s in uitkomst["signalen_toelichting"] if s["ernst"] == "waarschuwing"]


def cmd_demo(args: argparse.Namespace) -> int:
    """Run the bundled examples under every bundled scenario; write text and JSON files."""
    voorbeelden = Path(args.voorbeelden)
    uit = Path(args.uit)
    uit.mkdir(parents=True, exist_ok=True)
    gevallen = sorted(p for p in voorbeelden.glob("geval_*") if p.suffix in (".json", ".toml"))
    scenarios = sorted((voorbeelden / "scenarios").glob("*.toml"))
    if not gevallen or not scenarios:
        raise Gebruikersfout(f"geen voorbeelden gevonden in {voorbeelden}")
    start = time.perf_counter()
    regels = []
    for sc_pad in scenarios:
        sc = scenariobron.laad(sc_pad)
        for g_pad in gevallen:
            uitkomst = reken_geval(lees_bestand(g_pad), sc)
            naam = f"{g_pad.stem}__{sc_pad.stem}"
            (uit / f"{naam}.json").write_text(
                json.dumps(uitkomst, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            (uit / f"{naam}.txt").write_text(tekst(uitkomst), encoding="utf-8")
            v = uitkomst["verschil"]
            regels.append(
                f"  {g_pad.stem:<10} {sc_pad.stem:<20} netto {v['netto_maand']:>9}  "
                f"werkgever {v['werkgever_kosten_maand']:>9}  "
                f"signalen: {', '.join(waarschuwende_signalen(uitkomst)) or '-'}"
            )
    duur = time.perf_counter() - start
    print("Verschil per maand (met loonkostensubsidie min vandaag):")
    print("\n".join(regels))
    print(
        f"\n{len(regels)} berekeningen in {duur:.2f} s. "
        f"Uitvoer (tekst en JSON) staat in {uit.resolve()}"
    )
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wajong-conversie",
        description="Loondispensatie → loonkostensubsidie in de Wajong: vergelijk vandaag met "
        "de omzetting, exact tot op de cent.",
    )
    sub = p.add_subparsers(dest="opdracht", required=True)
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
        type=int,
        metavar="N",
        help="toon ook de overgang over N jaar vanaf de ingangsdatum (pad)",
    )
    b.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    b.set_defaults(func=cmd_bereken)
    d = sub.add_parser("demo", help="reken de voorbeelden door onder elk voorbeeldscenario")
    d.add_argument("--voorbeelden", default="examples", help="map met voorbeelden")
    d.add_argument("--uit", default="uitvoer/demo", help="map voor de uitvoer")
    d.set_defaults(func=cmd_demo)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except Invoerfout as e:
        print("Het geval kan niet worden berekend:", file=sys.stderr)
        for f in e.fouten:
            print(f"  - {f.veld}: {f.melding}", file=sys.stderr)
        return 2
    except (Gebruikersfout, ScenarioFout) as e:
        print(f"Fout: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
