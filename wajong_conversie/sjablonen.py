"""Jinja2 environment for the templates in the top-level ``templates/`` folder.

Autoescape is on for HTML and ``StrictUndefined`` makes a missing value an error, never an
empty spot in a text.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import jinja2


def map_sjablonen() -> Path:
    eigen = os.environ.get("WAJONG_SJABLONEN")
    if eigen:
        return Path(eigen)
    return Path(__file__).resolve().parent.parent / "templates"


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (Jinja's own per-user cache folder; a template
    whose text changed is compiled again): compiling the report's template costs ~0,3 s a run.
    Without a writable cache folder the templates are simply compiled each time."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # RuntimeError: Jinja found no safe folder
        return None


@lru_cache(maxsize=1)
def omgeving() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(map_sjablonen()),
        bytecode_cache=_bytecode_cache(),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["rjust"] = lambda s, n: str(s).rjust(n)
    return env


def render(naam: str, **context) -> str:
    return omgeving().get_template(naam).render(**context)
