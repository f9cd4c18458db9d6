"""Reading a small input text: a case or scenario file, or the body of an API request.

The file is checked before it is read (the extension, a regular file — no device, FIFO or
folder — and at most 1 MB), then parsed as JSON or TOML with every message in Dutch:

- numbers keep their source text (:class:`getallen.Getaltekst`), so the grammar of
  :mod:`getallen` judges what the file said, never a float: a JSON number through the
  ``parse_float``/``parse_int`` hooks, a TOML float through ``parse_float``. TOML integers have
  no hook, so the TOML source is scanned (outside strings and comments): hexadecimal, octal and
  binary integers (``0x18``), integers with ``_`` and integers of more than 18 digits are
  refused;
- a key that occurs twice in a JSON object is refused (TOML refuses it itself);
- nesting deeper than ``MAX_DIEPTE`` levels is refused before the recursive parsers see it.
"""

from __future__ import annotations

import json
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from wajong_conversie.getallen import Getaltekst, toon

MAX_DIEPTE = 50  # nesting of a JSON/TOML text; a case is flat, a scenario two levels deep


class Leesfout(ValueError):
    """A file or JSON/TOML text that cannot be read; the message is Dutch. ``syntax``: the
    text breaks the format's own syntax (the API answers 400), otherwise it is valid syntax
    this tool refuses (duplicate keys, deep nesting, odd numbers: 422)."""

    def __init__(self, melding: str, syntax: bool = False):
        super().__init__(melding)
        self.syntax = syntax


MAX_GEVAL_BYTES = 1 << 20  # a case or scenario file is a few hundred bytes; 1 MB is plenty


def lees_klein_bestand(pad: Path, wat: str, soorten: tuple[str, ...]) -> str:
    """A small UTF-8 text file: the extension, a regular file (no device, FIFO or folder) and
    the size are checked before anything is read, so ``/dev/zero`` or a FIFO never hangs."""
    if pad.suffix.lower() not in soorten:
        raise Leesfout(f"{pad}: gebruik een {'- of '.join(soorten)}-bestand")
    try:
        info = pad.stat()
    except FileNotFoundError:
        raise Leesfout(f"{wat} {pad} bestaat niet") from None
    except OSError as e:
        raise Leesfout(f"{wat} {pad} kan niet worden gelezen ({e.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise Leesfout(f"{pad} is een map, geen bestand")
    if not stat.S_ISREG(info.st_mode):
        raise Leesfout(f"{pad} is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp)")
    if info.st_size > MAX_GEVAL_BYTES:
        raise Leesfout(f"{wat} {pad} is groter dan 1 MB; dat kan geen {wat} zijn")
    try:
        with pad.open("rb") as f:
            inhoud = f.read(MAX_GEVAL_BYTES + 1)
    except OSError as e:  # no permission, …
        raise Leesfout(f"{wat} {pad} kan niet worden gelezen ({e.strerror})") from None
    if len(inhoud) > MAX_GEVAL_BYTES:
        raise Leesfout(f"{wat} {pad} is groter dan 1 MB; dat kan geen {wat} zijn")
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Leesfout(f"{wat} {pad} is geen UTF-8-tekst") from None


_JSON_NL = (
    ("Expecting value", 'hier hoort een waarde (een getal, een tekst tussen "…", true/false)'),
    ("Expecting property name enclosed in double quotes", 'hier hoort een veldnaam tussen "…"'),
    ("Expecting ',' delimiter", "hier hoort een komma"),
    ("Expecting ':' delimiter", "hier hoort een dubbele punt"),
    ("Extra data", "na het object staat nog meer tekst"),
    ("Unterminated string", "een tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("Invalid control character", "een tekst bevat een regeleinde of tab; schrijf \\n of \\t"),
    ("Invalid \\uXXXX escape", "een ongeldige \\u-code in een tekst"),
    ("Invalid \\escape", "een ongeldige \\ in een tekst"),
    ("Illegal trailing comma", "een komma voor het einde van een object of lijst"),
)


def _json_uniek(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for sleutel, waarde in paren:
        if sleutel in uit:
            raise Leesfout(
                f"het veld '{toon(sleutel)}' staat er meer dan één keer in; laat er één staan"
            )
        uit[sleutel] = waarde
    return uit


def _json_heel(tekst: str) -> int | Getaltekst:
    # a very long integer stays text: the grammar says "te groot" (no 4 300-digit conversion)
    return int(tekst) if len(tekst) <= 30 else Getaltekst(tekst)


def _json_constante(tekst: str) -> Any:
    raise Leesfout(f"'{tekst}' is geen getal in JSON")


def _diepte_json(tekst: str) -> int:
    """Deepest nesting of [ and { outside strings (cheap, before the recursive parser)."""
    diepte = hoogste = 0
    in_tekst = escape = False
    for c in tekst:
        if in_tekst:
            if escape:
                escape = False
            elif c == "\\":
                escape = True
            elif c == '"':
                in_tekst = False
        elif c == '"':
            in_tekst = True
        elif c in "[{":
            diepte += 1
            hoogste = max(hoogste, diepte)
        elif c in "]}":
            diepte -= 1
    return hoogste


def json_laden(tekst: str) -> Any:
    """A JSON text with exact numbers (``Getaltekst``/int), no duplicate keys, Dutch errors."""
    if "[" in tekst or "{" in tekst:
        if tekst.count("[") + tekst.count("{") > MAX_DIEPTE and _diepte_json(tekst) > MAX_DIEPTE:
            raise Leesfout(f"geen geldige JSON: meer dan {MAX_DIEPTE} lagen [ of {{ in elkaar")
    try:
        return json.loads(
            tekst,
            parse_float=Getaltekst,
            parse_int=_json_heel,
            parse_constant=_json_constante,
            object_pairs_hook=_json_uniek,
        )
    except json.JSONDecodeError as e:
        uitleg = next((nl for en, nl in _JSON_NL if e.msg.startswith(en)), "de opbouw klopt niet")
        raise Leesfout(
            f"geen geldige JSON: {uitleg} (regel {e.lineno}, kolom {e.colno})", syntax=True
        ) from None
    except RecursionError:
        raise Leesfout(f"geen geldige JSON: meer dan {MAX_DIEPTE} lagen in elkaar") from None


_TOML_NL = (
    ("Invalid statement", "deze regel is geen sleutel = waarde of [tabel]"),
    ("Invalid value", "ongeldige waarde (een tekst hoort tussen aanhalingstekens)"),
    ("Expected '=' after a key", "na de sleutel hoort een ="),
    ("Cannot overwrite a value", "deze sleutel staat er al"),
    ("Cannot declare", "deze tabel of sleutel staat er al"),
    ("Unclosed array", "een lijst [ … ] wordt niet afgesloten"),
    ("Unclosed inline table", "een tabel { … } wordt niet afgesloten"),
    ("Unterminated string", "een tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("Invalid date or datetime", "ongeldige datum; schrijf JJJJ-MM-DD"),
    ("Expected newline or end of document", "na de waarde hoort een nieuwe regel"),
    ("Invalid initial character for a key part", "ongeldige sleutel"),
    ("Illegal character", 'ongeldig teken (bijvoorbeeld een tekst zonder afsluitend "-teken)'),
)
_TOML_PLAATS = re.compile(r"^(.*?)\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")
# strings and comments, to be blanked before looking for integer literals
_TOML_TEKST = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_TOML_HEEL = re.compile(
    r"(?<![\w.:+-])[+-]?(?:0[xob][0-9A-Za-z_]*|[0-9][0-9_]*)(?![\w.:-])", re.ASCII
)


def _toml_getallen(tekst: str) -> None:
    """Integers TOML reads but this tool refuses: 0x…, 0o…, 0b…, with _, or > 18 digits."""
    kaal = _TOML_TEKST.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), tekst)
    for m in _TOML_HEEL.finditer(kaal):
        teken = m.group()
        cijfers = teken.lstrip("+-")
        regel = kaal.count("\n", 0, m.start()) + 1
        if cijfers[:2] in ("0x", "0o", "0b") or "_" in cijfers:
            raise Leesfout(
                f"'{toon(teken)}' (regel {regel}) is geen gewoon getal; schrijf alleen cijfers, "
                "zonder 0x, 0o, 0b of liggende streepjes"
            )
        if len(cijfers) > 18:
            raise Leesfout(f"'{toon(teken)}' (regel {regel}) is te groot")


def toml_laden(tekst: str) -> dict[str, Any]:
    """A TOML text; floats as ``Getaltekst`` (their text), odd integers refused, Dutch errors."""
    if tekst.count("[") + tekst.count("{") > MAX_DIEPTE:
        kaal = _TOML_TEKST.sub("", tekst)
        diepte = hoogste = 0
        for c in kaal:
            if c in "[{":
                diepte += 1
                hoogste = max(hoogste, diepte)
            elif c in "]}":
                diepte -= 1
        if hoogste > MAX_DIEPTE:
            raise Leesfout(f"geen geldige TOML: meer dan {MAX_DIEPTE} lagen [ of {{ in elkaar")
    try:
        data = tomllib.loads(tekst, parse_float=Getaltekst)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_PLAATS.match(str(e))
        bericht, regel = (m.group(1), m.group(2)) if m else (str(e), None)
        uitleg = next((nl for en, nl in _TOML_NL if bericht.startswith(en)), "de opbouw klopt niet")
        plaats = f" (regel {regel})" if regel else " (aan het einde)"
        raise Leesfout(f"geen geldige TOML: {uitleg}{plaats}", syntax=True) from None
    except RecursionError:
        raise Leesfout(f"geen geldige TOML: meer dan {MAX_DIEPTE} lagen in elkaar") from None
    except ValueError:  # an integer tomllib cannot convert
        raise Leesfout("geen geldige TOML: een getal is te groot") from None
    _toml_getallen(tekst)
    return data
