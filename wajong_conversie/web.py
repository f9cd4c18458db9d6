"""The local web page for UWV caseworkers: ``wajong-conversie web`` (Flask, 127.0.0.1 only).

One worker: a form, the comparison, "Waarom?", the path over the years and the letters.
A cohort: upload a file and download the results. Other systems: ``POST /api/bereken``.

Safety: nothing is written to disk beyond the request (a cohort run uses a temporary folder
that is gone before the response is sent; its files are kept in memory for a short time so the
user can download them); request logs never contain form bodies or query strings; every HTML
form carries a per-session CSRF token; errors show a Dutch page, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import json
import logging
import re
import secrets
import tempfile
import threading
import time
import traceback
import zipfile
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, request, session
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from wajong_conversie import (
    cohort,
    huishoudweergave,
    sjablonen,
    tekstbestand,
    urenweergave,
    webformulier,
)
from wajong_conversie import scenario as scenariobron
from wajong_conversie.cohortinvoer import BestandFout
from wajong_conversie.scenario import Scenario, ScenarioFout
from wajong_conversie.validatie import Fout, Invoerfout

MB = 1024 * 1024
STANDAARD_SCENARIOS = Path(__file__).resolve().parent.parent / "examples" / "scenarios"
COHORT_BESTANDEN = (
    "rapport.html",
    "werklijst.csv",
    "overzicht.xlsx",
    "resultaten.csv",
    "resultaten.parquet",
    "afgewezen.csv",
    "samenvatting.json",
)
ZIPNAAM = "cohort-uitkomst.zip"
COHORT_JAREN = 5  # the cohort form's default: the report's budget per year over 5 years
MEDIATYPES = {
    ".html": "text/html; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
    ".parquet": "application/vnd.apache.parquet",
    ".pdf": "application/pdf",
}
CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)
FOUTTEKSTEN = {
    400: ("De aanvraag klopt niet", "Het programma kan deze aanvraag niet verwerken."),
    404: ("Pagina niet gevonden", "Deze pagina bestaat niet. Controleer het adres."),
    405: ("Dit kan niet op deze manier", "Gebruik de knoppen op de pagina."),
    413: (
        "Het bestand is te groot",
        "Het bestand of de invoer is groter dan toegestaan. Splits het bestand in kleinere "
        "delen en probeer het opnieuw.",
    ),
    415: ("Verkeerd soort gegevens", "Stuur JSON met Content-Type: application/json."),
    422: ("De invoer klopt niet", "Controleer de invoer en probeer het opnieuw."),
    500: (
        "Er ging iets mis",
        "Er ging iets mis in het programma. Er is niets bewaard. Probeer het opnieuw. Gaat "
        "het weer mis? Meld het dan bij de beheerder van dit programma.",
    ),
}
CSRF_VELD = "csrf"
CSRF_MELDING = (
    "De pagina is verlopen of niet compleet: de beveiligingscode ontbreekt of klopt niet. Open "
    "het formulier opnieuw en probeer het nog eens."
)

log = logging.getLogger(__name__)


# --- logging without personal data ---------------------------------------------------------


class ZonderQuery(logging.Filter):
    """Werkzeug logs the request line; cut off any query string (it could hold personal data).
    Form bodies are never logged by werkzeug or by this module."""

    _query = re.compile(r"\?[^ \"]*")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(
                self._query.sub("", a) if isinstance(a, str) else a for a in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = self._query.sub("", record.msg)
        return True


def _logging_instellen() -> None:
    werkzeug_log = logging.getLogger("werkzeug")
    if not any(isinstance(f, ZonderQuery) for f in werkzeug_log.filters):
        werkzeug_log.addFilter(ZonderQuery())


class _App(Flask):
    def log_exception(self, exc_info) -> None:
        """Log where it went wrong (type and code lines), never the message or the values:
        an exception's text could contain what the user typed."""
        soort, _, tb = exc_info
        self.logger.error(
            "Onverwachte fout bij %s %s: %s\n%s",
            request.method,
            request.path,
            soort.__name__ if soort else "?",
            "".join(traceback.format_tb(tb)),
        )


# --- cohort files in memory ------------------------------------------------------------------


class Bewaarplaats:
    """Cohort results in memory for a short time, per browser session; never on disk."""

    def __init__(self, bewaartijd: int = 1800, maximum: int = 4):
        self.bewaartijd = bewaartijd
        self.maximum = maximum
        self._items: dict[str, tuple[float, str, dict[str, bytes]]] = {}
        self._slot = threading.Lock()

    def _opruimen(self) -> None:
        grens = time.monotonic() - self.bewaartijd
        for sleutel in [k for k, (t, _, _) in self._items.items() if t < grens]:
            del self._items[sleutel]
        while len(self._items) >= self.maximum:
            oudste = min(self._items, key=lambda k: self._items[k][0])
            del self._items[oudste]

    def bewaar(self, eigenaar: str, bestanden: dict[str, bytes]) -> str:
        sleutel = secrets.token_urlsafe(16)
        with self._slot:
            self._opruimen()
            self._items[sleutel] = (time.monotonic(), eigenaar, bestanden)
        return sleutel

    def haal(self, eigenaar: str, sleutel: str, naam: str) -> bytes | None:
        with self._slot:
            self._opruimen()
            item = self._items.get(sleutel)
        if item is None or not hmac.compare_digest(item[1], eigenaar):
            return None
        return item[2].get(naam)


# --- helpers ----------------------------------------------------------------------------------


def csrf_token() -> str:
    """The signed CSRF token for the forms (Flask-WTF's CSRFProtect checks it on every POST
    except the JSON API)."""
    return generate_csrf()


def sessie_sleutel() -> str:
    """The session's own secret (the raw token behind the signed CSRF tokens): the owner of a
    cohort's files, so only the same browser session can download them."""
    generate_csrf()
    return session[CSRF_VELD]


def csrf_fout(e: CSRFError):
    return fout_pagina(BadRequest(description=CSRF_MELDING))


def pagina(naam: str, status: int = 200, **context: Any) -> Response:
    context.setdefault("titel", "Wajong: loondispensatie of loonkostensubsidie")
    context.setdefault("actief", "")
    html = sjablonen.render(f"web/{naam}.html.j2", csrf=csrf_token(), **context)
    return Response(html, status=status, mimetype="text/html")


def _scenario_map() -> Path:
    from flask import current_app

    return Path(current_app.config["SCENARIO_MAP"])


def _formulier(waarden: dict[str, str], fouten: list[Fout] | None = None) -> Response:
    fouten = fouten or []
    return pagina(
        "formulier",
        status=422 if fouten else 200,
        titel=("Fout in de invoer – " if fouten else "") + "Bereken één werknemer",
        actief="geval",
        waarden=waarden,
        rekenvelden=webformulier.REKENVELDEN,
        huishoudvelden=webformulier.HUISHOUDVELDEN,
        huishouden_open=any(
            waarden.get(v.naam) or any(f.veld == v.naam for f in fouten)
            for v in webformulier.HUISHOUDVELDEN
        ),
        briefvelden_werknemer=webformulier.BRIEFVELDEN_WERKNEMER,
        briefvelden_werkgever=webformulier.BRIEFVELDEN_WERKGEVER,
        jaren_veld=webformulier.JAREN_VELD,
        scenarios=webformulier.scenario_keuzes(_scenario_map()),
        gekozen_scenario=waarden.get("scenario") or _standaard_scenario(),
        fouten=webformulier.fouten_per_veld(fouten),
        foutenlijst=webformulier.samenvatting_fouten(fouten),
        veld_id=webformulier.veld_id,
    )


def _standaard_scenario() -> str:
    keuzes = webformulier.scenario_keuzes(_scenario_map())
    return keuzes[0].waarde


def _reken(waarden: dict[str, str]) -> tuple[dict[str, Any], Scenario, dict[str, Any]]:
    """Form values → (record, scenario, the JSON object of ``bereken --json``).

    Raises :class:`Invoerfout` with every problem of the form (case, scenario and jaren)."""
    from wajong_conversie.cli import reken_geval

    jaren, fouten = webformulier.lees_jaren(waarden)
    try:
        scenario = webformulier.laad_scenario(_scenario_map(), waarden.get("scenario", ""))
    except ScenarioFout as e:
        scenario = None
        fouten.append(_scenario_fout(e))
    record = webformulier.record(waarden)
    try:
        uitkomst = reken_geval(
            webformulier.rekenrecord(record), scenario or Scenario(), jaren, uren_reeks=True
        )
    except Invoerfout as e:
        fouten = e.fouten + fouten
    if fouten:
        raise Invoerfout(fouten)
    return record, scenario, uitkomst


def _scenario_fout(e: ScenarioFout) -> Fout:
    """A scenario's message as a Fout of the field "scenario", with its own code."""
    return Fout("scenario", str(e), e.code, tuple(e.params.items()))


def _brieven():
    """The letters module (issue 5), imported only when a letter is asked for."""
    from wajong_conversie import brieven

    return brieven


def _datum_tekst(waarde: Any) -> str:
    """A checked date of the case (ISO text or date), in words ('5 mei 1995'); '' if none."""
    from wajong_conversie import getallen, opmaak

    if not waarde:
        return ""
    return opmaak.datum(waarde if isinstance(waarde, dt.date) else getallen.lees_datum(waarde))


def _uitkomst_pagina(
    waarden: dict[str, str],
    record: dict[str, Any],
    uitkomst: dict[str, Any],
    brief: dict[str, Any] | None = None,
) -> Response:
    return pagina(
        "uitkomst",
        status=422 if brief and brief.get("fout") else 200,
        titel="Uitkomst – Bereken één werknemer",
        actief="geval",
        waarden=waarden,
        geboortedatum=_datum_tekst(record.get("geboortedatum")),
        u=webformulier.uitkomst_context(uitkomst),
        uren=urenweergave.context(uitkomst.get("marginaal")),
        huishouden=huishoudweergave.web(uitkomst, waarden),
        brief=brief,
    )


def _download(inhoud: bytes, naam: str, bijlage: bool = True) -> Response:
    # content_type, not mimetype: the charset is in MEDIATYPES already (else it comes twice)
    soort_inhoud = MEDIATYPES.get(Path(naam).suffix, "application/octet-stream")
    r = Response(inhoud, content_type=soort_inhoud)
    soort = "attachment" if bijlage else "inline"
    r.headers["Content-Disposition"] = f'{soort}; filename="{naam}"'
    return r


def _json_fout(status: int, veld: str, melding: str, code: str = "aanvraag") -> Response:
    return _json({"fouten": [{"veld": veld, "code": code, "melding": melding}]}, status)


def _json(data: Any, status: int = 200) -> Response:
    tekst = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(tekst + "\n", status=status, mimetype="application/json")


# --- views: one worker -------------------------------------------------------------------------


def formulier_leeg():
    return _formulier(webformulier.leeg_formulier())


def formulier_terug():
    """ "Invoer aanpassen" on the result page: the form again with the values (POST, so no
    personal data ends up in a URL)."""
    return _formulier(webformulier.formulier_waarden(request.form))


def bereken_formulier():
    waarden = webformulier.formulier_waarden(request.form)
    try:
        record, scenario, uitkomst = _reken(waarden)
    except Invoerfout as e:
        return _formulier(waarden, e.fouten)
    aan = request.form.get("brief", "")
    brief = _brief_voorbeeld(record, scenario, aan) if aan else None
    return _uitkomst_pagina(waarden, record, uitkomst, brief)


def _brief_voorbeeld(record: dict[str, Any], scenario: Scenario, aan: str) -> dict[str, Any]:
    if aan not in ("werknemer", "werkgever"):
        abort(400)
    try:
        brieven = _brieven()
    except ImportError:
        return {"aan": aan, "fout": "De brieven zijn nog niet beschikbaar in dit programma."}
    try:
        return {"aan": aan, "html": brieven.brief_voor_geval(record, scenario, aan), "fout": ""}
    except brieven.BriefFout as e:
        return {"aan": aan, "fout": str(e)}


def brief_pdf():
    waarden = webformulier.formulier_waarden(request.form)
    aan = request.form.get("aan", "")
    if aan not in ("werknemer", "werkgever"):
        abort(400)
    try:
        record, scenario, uitkomst = _reken(waarden)
    except Invoerfout as e:
        return _formulier(waarden, e.fouten)
    brief = _brief_voorbeeld(record, scenario, aan)
    if brief["fout"]:
        return _uitkomst_pagina(waarden, record, uitkomst, brief)
    pdf = _brieven().naar_pdf(brief["html"])
    return _download(pdf, f"brief-{aan}.pdf")


# --- views: cohort --------------------------------------------------------------------------


def _cohort_pagina(status: int = 200, **context: Any) -> Response:
    context.setdefault("fout", "")
    context.setdefault("kerncijfers", None)
    context.setdefault("sleutel", "")
    context.setdefault("gekozen", [_standaard_scenario()])
    context.setdefault("peildatum", "")
    context.setdefault("jaren", str(COHORT_JAREN))
    context.setdefault("aanwezig", [])
    return pagina(
        "cohort",
        status=status,
        titel="Cohort berekenen",
        actief="cohort",
        scenarios=[
            k
            for k in webformulier.scenario_keuzes(_scenario_map())
            if k.waarde != webformulier.VANDAAG
        ],
        bestanden=COHORT_BESTANDEN,
        zipnaam=ZIPNAAM,
        max_mb=_app_config("COHORT_MAX_MB"),
        **context,
    )


def _app_config(sleutel: str) -> Any:
    from flask import current_app

    return current_app.config[sleutel]


def cohort_leeg():
    return _cohort_pagina()


class CohortFout(ValueError):
    """Something wrong in the cohort form; the message is Dutch."""


def _cohort_invoer() -> tuple[Any, list[Scenario], dt.date | None, int | None]:
    """The upload, the scenarios, the peildatum and the number of years of the cohort form, or
    :class:`CohortFout`."""
    bestand = request.files.get("bestand")
    gekozen = request.form.getlist("scenario")
    tekst = request.form.get("peildatum", "").strip()
    if bestand is None or not bestand.filename:
        raise CohortFout("Kies een cohortbestand (.csv of .xlsx).")
    if Path(bestand.filename).suffix.lower() not in (".csv", ".xlsx"):
        raise CohortFout("Het bestand moet een .csv- of .xlsx-bestand zijn.")
    if not gekozen:
        raise CohortFout("Kies ten minste één scenario.")
    try:
        scenarios = [webformulier.laad_scenario(_scenario_map(), w) for w in gekozen]
    except ScenarioFout as e:
        raise CohortFout(f"Scenario: {e}") from None
    try:
        peildatum = dt.date.fromisoformat(webformulier.iso_datum(tekst)) if tekst else None
    except ValueError:
        raise CohortFout(
            f"De peildatum '{tekst}' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 1-3-2026."
        ) from None
    jaren, fouten = webformulier.lees_jaren({"jaren": request.form.get("jaren", "").strip()})
    if fouten:
        raise CohortFout("Aantal jaren: " + webformulier.formuliertaal(fouten[0]) + ".")
    return bestand, scenarios, peildatum, jaren


def cohort_bereken():
    gekozen = request.form.getlist("scenario")
    peildatum_tekst = request.form.get("peildatum", "").strip()
    jaren_tekst = request.form.get("jaren", "").strip()
    try:
        bestand, scenarios, peildatum, jaren = _cohort_invoer()
    except CohortFout as e:
        return _cohort_pagina(
            422, fout=str(e), gekozen=gekozen, peildatum=peildatum_tekst, jaren=jaren_tekst
        )
    achtervoegsel = Path(bestand.filename).suffix.lower()
    naam = veilige_naam(bestand.filename)
    try:
        with tempfile.TemporaryDirectory(prefix="wajong-web-") as map_:
            invoer = Path(map_) / f"invoer{achtervoegsel}"
            # werkzeug has already spooled the upload to a temporary file; copy it in pieces
            bestand.save(invoer, buffer_size=1 << 20)
            uit = Path(map_) / "uit"
            samenvatting = cohort.voer_uit(
                invoer, uit, scenarios, peildatum=peildatum, jaren=jaren, naam=naam
            )
            bestanden = {
                naam: (uit / naam).read_bytes()
                for naam in COHORT_BESTANDEN
                if (uit / naam).exists()
            }
    except BestandFout as e:
        return _cohort_pagina(
            422,
            fout="Het bestand kan niet worden gelezen: "
            + str(e).replace(f"invoer{achtervoegsel}", naam),
            gekozen=gekozen,
            peildatum=peildatum_tekst,
        )
    sleutel = _app_config("BEWAARPLAATS").bewaar(sessie_sleutel(), bestanden)
    return _cohort_pagina(
        kerncijfers=webformulier.cohort_kerncijfers(samenvatting),
        sleutel=sleutel,
        gekozen=gekozen,
        peildatum=peildatum_tekst,
        aanwezig=[n for n in COHORT_BESTANDEN if n in bestanden],
    )


def _zip(bestanden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)
    return buffer.getvalue()


def veilige_naam(bestandsnaam: str) -> str:
    """The uploaded file's name as shown in the report: the last path part, only letters,
    digits, spaces and ._-, at most 80 characters."""
    laatste = bestandsnaam.replace("\\", "/").rsplit("/", 1)[-1]
    schoon = re.sub(r"[^\w .-]", "_", laatste, flags=re.ASCII).strip(" .")
    return (schoon[-80:] or "cohortbestand").lstrip(".")


def cohort_download(sleutel: str, naam: str):
    if naam not in COHORT_BESTANDEN + (ZIPNAAM,):
        abort(404)
    bewaarplaats = _app_config("BEWAARPLAATS")
    if naam == ZIPNAAM:  # made when asked for, so the files are not held twice in memory
        delen = {n: bewaarplaats.haal(sessie_sleutel(), sleutel, n) for n in COHORT_BESTANDEN}
        inhoud = (
            _zip({n: d for n, d in delen.items() if d is not None})
            if any(d is not None for d in delen.values())
            else None
        )
    else:
        inhoud = bewaarplaats.haal(sessie_sleutel(), sleutel, naam)
    if inhoud is None:
        abort(
            404,
            description="Deze uitkomst is niet meer beschikbaar. Bereken het cohort "
            "opnieuw; uitkomsten worden maar korte tijd bewaard.",
        )
    return _download(inhoud, naam, bijlage=naam != "rapport.html")


# --- the JSON API ---------------------------------------------------------------------------


def api_bereken():
    """POST a case (or {"case", "scenario", "jaren"}); returns what ``bereken --json`` prints."""
    from wajong_conversie.cli import reken_geval

    if request.mimetype != "application/json":
        return _json_fout(
            415, "Content-Type", "stuur JSON met Content-Type: application/json", "content_type"
        )
    try:
        tekst = request.get_data().decode("utf-8-sig")
    except UnicodeDecodeError:
        return _json_fout(
            400, "json", "de aanvraag is geen UTF-8-tekst; stuur JSON in UTF-8", "geen_utf8"
        )
    try:
        data = tekstbestand.json_laden(tekst)
    except tekstbestand.Leesfout as e:  # a duplicate key or deep nesting is valid JSON syntax: 422
        return _json_fout(400 if e.syntax else 422, "json", str(e), "json_ongeldig")
    if not isinstance(data, dict):
        return _json_fout(
            422, "json", "verwacht één object met de velden van een geval", "json_geen_object"
        )
    try:
        geval, scenario, jaren = _api_invoer(data)
        return _json(reken_geval(geval, scenario, jaren))
    except Invoerfout as e:
        return _json(
            {
                "fouten": [
                    {"veld": f.veld, "code": f.code or f"{f.veld}_ongeldig", "melding": f.melding}
                    for f in e.fouten
                ]
            },
            422,
        )


def _api_invoer(data: dict[str, Any]) -> tuple[dict[str, Any], Scenario, int | None]:
    data = dict(data)
    jaren = data.pop("jaren", None)
    scenario = Scenario()
    if "case" in data:
        onbekend = sorted(set(data) - {"case", "scenario"})
        if onbekend:
            raise Invoerfout([Fout.maak(k, "api_sleutel_onbekend") for k in onbekend])
        geval = data["case"]
        if not isinstance(geval, dict):
            raise Invoerfout([Fout.maak("case", "api_case_geen_object")])
        if data.get("scenario") is not None:
            if not isinstance(data["scenario"], dict):
                raise Invoerfout([Fout.maak("scenario", "api_scenario_geen_object")])
            try:
                scenario = scenariobron.uit_dict(data["scenario"])
            except ScenarioFout as e:
                raise Invoerfout([_scenario_fout(e)]) from None
    else:
        geval = data
    if jaren is not None and (
        isinstance(jaren, bool) or not isinstance(jaren, int) or not 1 <= jaren <= 40
    ):
        raise Invoerfout([Fout.maak("jaren", "api_jaren", maximum=40)])
    return geval, scenario, jaren


# --- errors and headers -------------------------------------------------------------------------


def fout_pagina(e: HTTPException):
    code = e.code or 500
    if request.path.startswith("/api/"):
        titel, tekst = FOUTTEKSTEN.get(code, FOUTTEKSTEN[400])
        return _json_fout(code, "aanvraag", tekst)
    titel, tekst = FOUTTEKSTEN.get(code, (e.name, ""))
    if code == 413:
        tekst = (
            f"Een cohortbestand mag hoogstens {_app_config('COHORT_MAX_MB')} MB zijn, het "
            "formulier voor één werknemer hoogstens 1 MB. Splits het bestand in kleinere delen "
            "en probeer het opnieuw."
        )
    elif e.description and e.description != type(e).description:
        tekst = e.description  # our own Dutch description (abort(…, description=…))
    return pagina("fout", status=code, titel=titel, code=code, melding=tekst)


def interne_fout(e: InternalServerError):
    titel, tekst = FOUTTEKSTEN[500]
    if request.path.startswith("/api/"):
        return _json_fout(500, "server", tekst)
    return pagina("fout", status=500, titel=titel, code=500, melding=tekst)


def beveiliging(r: Response) -> Response:
    r.headers["Content-Security-Policy"] = CSP
    r.headers["X-Content-Type-Options"] = "nosniff"
    r.headers["X-Frame-Options"] = "DENY"
    r.headers["Referrer-Policy"] = "no-referrer"
    r.headers["Cache-Control"] = "no-store"
    return r


TOEGESTANE_HOSTS = ("127.0.0.1", "localhost")


def _host_toegestaan(host: str, poort: int | None) -> bool:
    """Only this computer's own names, with the port the server is bound to: a page on another
    site cannot reach this server through a DNS name that points to 127.0.0.1 (rebinding)."""
    naam, _, gegeven = host.lower().rpartition(":") if ":" in host else (host.lower(), "", "")
    if naam not in TOEGESTANE_HOSTS:
        return False
    return poort is None or gegeven == str(poort)


def voor_elke_aanvraag() -> None:
    if not _host_toegestaan(request.host, _app_config("POORT")):
        abort(
            400,
            description="Dit adres wordt niet geaccepteerd. Open de pagina via "
            "http://127.0.0.1 of http://localhost met het poortnummer dat het programma noemde.",
        )
    if not request.path.startswith("/cohort"):
        request.max_content_length = _app_config("MAX_FORM_BYTES")


# --- the app ----------------------------------------------------------------------------------


def maak_app(config: dict[str, Any] | None = None) -> Flask:
    """The Flask app. ``config`` may set SECRET_KEY, SCENARIO_MAP, COHORT_MAX_MB, …"""
    _logging_instellen()
    app = _App(__name__, static_folder=None, template_folder=None)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # random per process unless configured
        SCENARIO_MAP=str(STANDAARD_SCENARIOS),
        COHORT_MAX_MB=50,
        MAX_FORM_BYTES=1 * MB,  # the form, the letters and the API
        MAX_FORM_MEMORY_SIZE=1 * MB,
        PROPAGATE_EXCEPTIONS=False,
        DEBUG=False,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        BEWAARPLAATS=Bewaarplaats(),
        POORT=None,  # the port the server listens on; the Host header must name it
        WTF_CSRF_FIELD_NAME=CSRF_VELD,  # the form field (and session key) the pages use
        WTF_CSRF_TIME_LIMIT=None,  # valid for the session, as the session cookie is
        WTF_CSRF_SSL_STRICT=False,  # plain http on 127.0.0.1; SameSite=Strict does that job
    )
    app.config.update(config or {})
    app.config["MAX_CONTENT_LENGTH"] = app.config["COHORT_MAX_MB"] * MB
    app.before_request(voor_elke_aanvraag)  # first: host check and form size, then CSRF
    csrf = CSRFProtect()
    csrf.init_app(app)
    csrf.exempt(api_bereken)  # JSON for other systems: no browser session, no cookie
    app.register_error_handler(CSRFError, csrf_fout)
    app.after_request(beveiliging)
    app.register_error_handler(HTTPException, fout_pagina)
    app.register_error_handler(InternalServerError, interne_fout)
    regels = (
        ("/", "formulier_leeg", formulier_leeg, ["GET"]),
        ("/", "formulier_terug", formulier_terug, ["POST"]),
        ("/bereken", "bereken", bereken_formulier, ["POST"]),
        ("/brief.pdf", "brief_pdf", brief_pdf, ["POST"]),
        ("/cohort", "cohort_leeg", cohort_leeg, ["GET"]),
        ("/cohort", "cohort_bereken", cohort_bereken, ["POST"]),
        ("/cohort/<sleutel>/<naam>", "cohort_download", cohort_download, ["GET"]),
        ("/api/bereken", "api_bereken", api_bereken, ["POST"]),
    )
    for pad, naam, functie, methoden in regels:
        app.add_url_rule(pad, naam, functie, methods=methoden)
    return app


def start(port: int = 8000) -> None:
    """Serve the app on 127.0.0.1 (this computer only) until Ctrl+C."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Afhandelaar(WSGIRequestHandler):
        def version_string(self) -> str:  # no "Werkzeug/… Python/…" for the world to see
            return "wajong-conversie"

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = make_server(
        "127.0.0.1", port, maak_app({"POORT": port}), threaded=True, request_handler=Afhandelaar
    )
    print(f"De webpagina staat klaar op http://127.0.0.1:{port}/ (stoppen: Ctrl+C).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
