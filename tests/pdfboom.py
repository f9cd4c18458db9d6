"""The tagged structure of a letter's PDF, read back with pypdf (a test dependency): for the
checks of the structure tree in the tests."""

from __future__ import annotations

import io

import attrs


@attrs.frozen
class Boom:
    wortel: object  # the document catalogue (/Root)
    elementen: list  # every structure element (with /S), in document order
    ids: dict  # the /IDTree: id → structure element


def lees(pdf: bytes) -> Boom:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    boom = root["/StructTreeRoot"]
    ids: dict = {}

    def namen(knoop) -> None:  # a name tree: names here, or in its kids
        knoop = knoop.get_object()
        lijst = knoop.get("/Names", [])
        for i in range(0, len(lijst), 2):
            ids[str(lijst[i])] = lijst[i + 1].get_object()
        for kind in knoop.get("/Kids", []):
            namen(kind)

    if "/IDTree" in boom:
        namen(boom["/IDTree"])
    elementen: list = []

    def loop(el) -> None:
        el = el.get_object()
        if hasattr(el, "get") and el.get("/S") is not None:
            elementen.append(el)
        kids = el.get("/K") if hasattr(el, "get") else None
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, IndirectObject) or hasattr(kid, "get"):
                loop(kid)

    loop(boom)
    return Boom(root, elementen, ids)


def attribuut(el, sleutel: str):
    """An attribute of a structure element (its /A: one dictionary or a list of them)."""
    a = el.get("/A")
    for x in a if isinstance(a, list) else [a] if a is not None else []:
        x = x.get_object()
        if sleutel in x:
            return x[sleutel]
    return None
