"""`timeline --svg/--html`: the same timeline saved as a picture, safely and atomically."""

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import Cli, snapshot

TODAY = "2026-11-28"


def saved(cli: Cli, *args: str) -> None:
    result = cli("timeline", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""


def test_svg_holds_the_timeline(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "timeline.svg"
    result = cli("timeline", "--svg", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Saved timeline to {target}\n"
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    for slug in ("summit-2023-07", "dmm-2025-06", "summit-2025-06", "summit-2026-07"):
        assert slug in svg
    assert f"▶&#160;{TODAY}" in svg  # the today line
    assert f"navo-agenda timeline (today {TODAY})" in svg.replace("&#160;", " ")  # its title
    assert "c-2025-007" in svg
    assert "OVERDUE" in svg


def test_html_holds_the_timeline(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "timeline.html"
    saved(cli, "--html", str(target))
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f"<title>navo-agenda timeline (today {TODAY})</title>" in page
    assert "dmm-2025-06" in page
    assert f"▶ {TODAY}" in page


def test_the_same_filters_apply(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    svg, html = tmp_path / "june.svg", tmp_path / "june.html"
    saved(cli, "--from", "2025-06", "--to", "2025-06", "--kind", "dmm", "--svg", str(svg),
          "--html", str(html))  # fmt: skip
    for text in (svg.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")):
        assert "dmm-2025-06" in text
        assert "summit-2025-06" not in text
        assert "summit-2023-07" not in text
    assert "2025-06-01 – 2025-06-30" in svg.read_text(encoding="utf-8").replace("&#160;", " ")
    view = json.loads(cli("timeline", "--from", "2025-06", "--to", "2025-06", "--kind", "dmm",
                          "--json").stdout)  # fmt: skip
    keys = {entry["key"] for entry in view["entries"]}
    assert {"dmm-2025-06", "c-2025-002", "nato-pc-2025-06-05"} <= keys
    for text in (svg.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")):
        assert keys == set(re.findall(r"[a-z][a-z0-9-]*-20\d\d-[0-9-]+", text))


HOSTILE = '<script>alert(1)</script> ]]> <![CDATA[ x ]]> & "quoted" [bold]not markup[/bold]'


def test_data_cannot_inject_markup(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    assert cli("edit", "dmm-2025-06", "--title", HOSTILE).exit_code == 0
    svg, html = tmp_path / "t.svg", tmp_path / "t.html"
    saved(cli, "--svg", str(svg), "--html", str(html))
    for text in (svg.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")):
        assert "<script" not in text
        assert "]]>" not in text
        assert "<![CDATA[" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "[bold]not&#160;markup[/bold]" in svg.read_text(encoding="utf-8")


def test_an_existing_file_is_kept_without_force(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "timeline.svg"
    target.parent.mkdir()
    target.write_text("mine", encoding="utf-8")
    result = cli("timeline", "--svg", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{target} exists; add --force to replace it" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    saved(cli, "--svg", str(target), "--force")
    assert "dmm-2025-06" in target.read_text(encoding="utf-8")
    assert os.listdir(target.parent) == ["timeline.svg"]  # no temporary file left behind


def test_a_refusal_is_checked_before_the_other_file_is_written(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    existing, new = tmp_path / "old.html", tmp_path / "new.svg"
    existing.write_text("mine", encoding="utf-8")
    assert cli("timeline", "--svg", str(new), "--html", str(existing)).exit_code == 1
    assert not new.exists()
    assert existing.read_text(encoding="utf-8") == "mine"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    cli: Cli, seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pictures" / "timeline.html"
    target.parent.mkdir()
    target.write_text("mine", encoding="utf-8")

    def broken(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = cli("timeline", "--html", str(target), "--force")
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert "No space left on device" in result.stderr
    assert os.listdir(target.parent) == ["timeline.html"]
    assert target.read_text(encoding="utf-8") == "mine"


def test_the_file_gets_ordinary_permissions(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "timeline.svg"
    umask = os.umask(0o022)
    try:
        saved(cli, "--svg", str(target))
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--json", "--svg", "{dir}/t.svg"], 2, "choose one"),
        (["--svg", "{dir}/t.svg", "--html", "{dir}/t.svg"], 2, "same file"),
        (["--svg", "{dir}/missing/t.svg"], 2, "does not exist"),
        (["--svg", "{dir}"], 2, "directory"),
        (["--svg", "{dir}/new/"], 2, "names a directory; give a file name"),
        (["--html", ""], 2, "--html is empty"),
        (["--svg", "-", "--html", "-"], 2, "both standard output"),
    ],
)
def test_bad_targets(
    cli: Cli, seeded_db: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    data = snapshot(seeded_db)
    result = cli("timeline", *[arg.format(dir=out) for arg in args])
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert result.stdout == ""
    assert os.listdir(out) == []
    assert snapshot(seeded_db) == data


def test_bad_targets_name_what_is_wrong(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("a file", encoding="utf-8")
    result = cli("timeline", "--svg", str(tmp_path / "plain.txt" / "t.svg"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'plain.txt'} is a file, not a directory" in result.stderr


@pytest.mark.parametrize("option", ["--svg", "--html"])
def test_a_dash_writes_the_picture_to_stdout(cli: Cli, seeded_db: Path, option: str) -> None:
    result = cli("timeline", option, "-")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("<svg" if option == "--svg" else "<!DOCTYPE html>")
    assert "dmm-2025-06" in result.stdout
    assert not Path("-").exists()


def test_a_link_is_followed_and_kept(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    real = tmp_path / "pictures" / "timeline.svg"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.svg"
    link.symlink_to(real)
    assert cli("timeline", "--svg", str(link)).exit_code == 1  # it exists: --force
    saved_with_force = cli("timeline", "--svg", str(link), "--force")
    assert saved_with_force.exit_code == 0, saved_with_force.stderr
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("<svg")
    assert sorted(p.name for p in real.parent.iterdir()) == ["timeline.svg"]


def test_a_pipe_is_written_through(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    """A named pipe (like /dev/stdout or a device) is not a file to replace: the picture goes
    into it, and no --force is needed."""
    import threading

    fifo = tmp_path / "picture.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = cli("timeline", "--html", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert received
    assert received[0].startswith(b"<!DOCTYPE html>")
    assert fifo.exists()
    assert not fifo.is_file()


@pytest.mark.parametrize("term", ["dumb", "unknown"])
def test_the_picture_does_not_depend_on_the_terminal(cli: Cli, seeded_db: Path, term: str) -> None:
    """Rich takes a dumb terminal for 80 by 25 unless told both sizes."""
    usual = cli("timeline", "--html", "-", env={"TERM": "xterm-256color"}).stdout
    dumb = cli("timeline", "--html", "-", env={"TERM": term}).stdout
    assert dumb == usual
    assert max(map(len, re.sub(r"<[^>]+>", "", usual).splitlines())) == 120
