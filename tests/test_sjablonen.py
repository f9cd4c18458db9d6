"""The compiled-template cache never serves an old text after a template changed."""

from wajong_conversie import sjablonen


def test_gewijzigd_sjabloon_wordt_opnieuw_gelezen(tmp_path, monkeypatch):
    monkeypatch.setenv("WAJONG_SJABLONEN", str(tmp_path))
    sjabloon = tmp_path / "proef.txt.j2"
    try:
        sjabloon.write_text("eerst {{ x }}", encoding="utf-8")
        sjablonen.omgeving.cache_clear()
        assert sjablonen.render("proef.txt.j2", x=1) == "eerst 1"
        sjabloon.write_text("daarna {{ x }}", encoding="utf-8")
        sjablonen.omgeving.cache_clear()  # a new run: a new environment, the same cache
        assert sjablonen.render("proef.txt.j2", x=2) == "daarna 2"
    finally:
        sjablonen.omgeving.cache_clear()
