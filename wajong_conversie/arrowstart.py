"""pyarrow without a search for a package that is not there.

Each time pyarrow turns a Python value into an Arrow value without being told its type (as in
``pc.equal(kolom, "")``), it tries to import the optional package ``dateutil``. Where that
package is not installed, Python does not remember the failure: every such call searches
every folder of ``sys.path`` again (~0,09 ms a call, holding the interpreter; a cohort run
makes ~40 such calls per piece of 4 MB, ~0,35 s of a million rows on the two workers).

Python's own record that a module does not exist is ``None`` in ``sys.modules`` (the import
system then raises ModuleNotFoundError at once: "The module cache", Python's reference,
section 5.3.1). :func:`start` writes that record for ``dateutil`` only when the package is
really not installed; where it is, pyarrow imports it once, as before.
"""

from __future__ import annotations

import importlib.util
import sys


def start() -> None:
    """Record that ``dateutil`` is not installed, when it is not (once per process)."""
    if "dateutil" not in sys.modules and importlib.util.find_spec("dateutil") is None:
        sys.modules["dateutil"] = None  # type: ignore[assignment]
