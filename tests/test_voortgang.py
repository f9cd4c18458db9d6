"""The progress bar (tqdm): rate and time left on a terminal, nothing when switched off."""

from __future__ import annotations

from pathlib import Path

from wajong_conversie.voortgang import Voortgang


def test_stil_als_hij_uit_staat(capsys):
    balk = Voortgang(1000, aan=False)
    balk.stap(400)
    balk.stap(600)
    balk.einde()
    assert capsys.readouterr() == ("", "")
    assert balk.klaar == 1000


def test_aan_toont_aantal_van_totaal_in_het_nederlands(capsys):
    balk = Voortgang(1000, aan=True)
    balk.stap(250)
    balk.stap(750)
    balk.einde()
    fout = capsys.readouterr().err
    assert "1000 van 1000 rijen" in fout and "100%" in fout and "nog ongeveer" in fout


def test_cohort_op_de_opdrachtregel_zonder_terminal_is_stil(tmp_path, capsys):
    from wajong_conversie import cli

    invoer = tmp_path / "c.csv"
    voorbeeld = Path(__file__).parent.parent / "examples" / "cohort.csv"
    regels = voorbeeld.read_text(encoding="utf-8").splitlines(keepends=True)
    invoer.write_text("".join(regels[:21]), encoding="utf-8")
    assert cli.main(["cohort", str(invoer), "--uit", str(tmp_path / "uit"), "--geen-xlsx"]) == 0
    assert "van 20 rijen" not in capsys.readouterr().err  # stderr is no terminal here


def test_een_bestand_in_een_doorgang_toont_megabytes(capsys):
    """A CSV file read in one pass has no row count in advance: the bar counts its bytes."""
    balk = Voortgang(231_000_000, aan=True, eenheid="bytes")
    balk.stap(104_000_000)
    balk._balk.refresh()
    balk.einde()
    fout = capsys.readouterr().err
    assert "104MB van 231MB" in fout and "45%" in fout
