"""The suite checks itself for tests that cannot fail (issue 15).

- ``assert (a if c else b == d)`` parses as ``assert (a if c else (b == d))``: when ``c`` holds
  it only checks that ``a`` is truthy. An assert on a conditional expression is refused.
- ``assert (x, "message")`` is a non-empty tuple: always true.
- ``except Exception`` in a test turns any crash into the branch the test expected; catch the
  one exception that is meant.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = sorted(Path(__file__).resolve().parent.glob("*.py"))


def _problemen(pad: Path) -> list[str]:
    problemen = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))):
        if isinstance(knoop, ast.Assert) and isinstance(
            knoop.test, ast.IfExp | ast.Tuple | ast.List | ast.Constant
        ):
            problemen.append(f"{pad.name}:{knoop.lineno}: assert op {type(knoop.test).__name__}")
        if isinstance(knoop, ast.ExceptHandler) and (
            knoop.type is None
            or (
                isinstance(knoop.type, ast.Name) and knoop.type.id in {"Exception", "BaseException"}
            )
        ):
            problemen.append(f"{pad.name}:{knoop.lineno}: except zonder specifieke fout")
    return problemen


@pytest.mark.parametrize("pad", TESTS, ids=[p.name for p in TESTS])
def test_geen_toets_die_niet_kan_falen(pad):
    assert _problemen(pad) == []


def test_de_controle_vindt_de_bekende_fouten(tmp_path):
    slecht = tmp_path / "test_slecht.py"
    slecht.write_text(
        "def test_x(a, y):\n"
        "    assert (a.split(';') if a else [] == y)\n"
        "    assert (a, 'melding')\n"
        "    try:\n"
        "        a()\n"
        "    except Exception:\n"
        "        pass\n",
        encoding="utf-8",
    )
    assert _problemen(slecht) == [
        "test_slecht.py:2: assert op IfExp",
        "test_slecht.py:3: assert op Tuple",
        "test_slecht.py:6: except zonder specifieke fout",
    ]
