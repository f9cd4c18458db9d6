"""An output folder that is whole or absent: a run writes into a temporary folder inside it and
moves its files into place only when everything has been written.

Used by ``cohort``, ``brieven`` and ``ontwerp``. Problems with the folder (it is a file, lies
below a file, may not be written, the disk is full) become a :class:`BestandFout` with a Dutch
message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from wajong_conversie.cohortinvoer import BestandFout


def schrijffout(uit: Path, e: OSError) -> BestandFout:
    if e.errno == errno.ENOSPC:
        return BestandFout(f"de schijf is vol: de uitvoer in {uit} kan niet worden geschreven")
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BestandFout(f"geen toestemming om te schrijven in {uit}")
    return BestandFout(f"de uitvoer in {uit} kan niet worden geschreven ({e.strerror})")


def bereid(uit: Path, invoer: Path | None, namen: Iterable[str]) -> Path:
    """Check the output folder (make it when needed) and make a temporary folder inside it;
    refuse when the input file is one of the outputs ``namen`` in that folder (it would be
    overwritten)."""
    if uit.exists() and not uit.is_dir():
        raise BestandFout(f"{uit} is een bestand, geen map; kies met --uit een map")
    try:
        uit.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise BestandFout(
            f"de map {uit} kan niet worden gemaakt: een deel van het pad is een bestand"
        ) from None
    except OSError as e:
        raise schrijffout(uit, e) from None
    for naam in namen:
        doel = uit / naam
        try:
            zelfde = invoer is not None and doel.exists() and os.path.samefile(doel, invoer)
        except OSError:
            zelfde = False
        if zelfde:
            raise BestandFout(
                f"het invoerbestand is {naam} in de uitvoermap {uit} en zou worden "
                "overschreven; kies een andere map met --uit of geef het bestand een andere naam"
            )
    try:
        return Path(tempfile.mkdtemp(prefix=".wajong-bezig-", dir=uit))
    except OSError as e:
        raise schrijffout(uit, e) from None


def plaats(tijdelijk: Path, uit: Path, weg: Iterable[str] = ()) -> list[str]:
    """Move every file of ``tijdelijk`` into ``uit``; first remove the files ``weg`` (outputs
    of an earlier run) that this run did not write. Returns the names moved, sorted."""
    geschreven = sorted(p.name for p in tijdelijk.iterdir())
    for naam in set(weg) - set(geschreven):
        (uit / naam).unlink(missing_ok=True)
    for naam in geschreven:
        os.replace(tijdelijk / naam, uit / naam)
    tijdelijk.rmdir()
    return geschreven


def opruimen(tijdelijk: Path) -> None:
    shutil.rmtree(tijdelijk, ignore_errors=True)


@contextlib.contextmanager
def bij_fout_opruimen(tijdelijk: Path, uit: Path):
    """Around the writing into ``tijdelijk``: on any failure the temporary folder goes (the
    output folder stays as it was), and a system error becomes the Dutch message naming
    ``uit``."""
    try:
        yield
    except OSError as e:
        opruimen(tijdelijk)
        raise schrijffout(uit, e) from None
    except BaseException:
        opruimen(tijdelijk)
        raise
