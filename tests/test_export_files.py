"""Output files are whole or absent: never replaced without --force, never left
half-written, not even by an export killed halfway."""

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from navo_agenda.errors import InvalidInput, Refused
from navo_agenda.exchange.files import check_output, write_atomically
from tests.conftest import Cli, clean_environment


def test_an_existing_file_is_replaced_only_with_force(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "agenda.json"
    target.write_text("keep me\n", encoding="utf-8")
    refused = cli("export", "--out", str(target))
    assert refused.exit_code == 1
    assert refused.stderr == f"navo-agenda: error: {target} exists; add --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = cli("export", "--out", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith('{\n"format": "navo-agenda/export"')
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_no_file_in_a_missing_directory_or_over_a_directory(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    missing = cli("export", "--out", str(tmp_path / "nowhere" / "agenda.json"))
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr
    directory = cli("export", "--out", str(tmp_path), "--force")
    assert directory.exit_code == 2
    assert "is a directory" in directory.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "navo-agenda.db"]


def test_checks_come_before_any_reading(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        check_output(tmp_path / "no" / "file.json", force=True)
    (tmp_path / "there.json").write_text("x", encoding="utf-8")
    with pytest.raises(Refused):
        check_output(tmp_path / "there.json", force=False)
    check_output(tmp_path / "there.json", force=True)


def test_a_failed_write_leaves_the_old_file_and_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "out" / "agenda.json"
    target.parent.mkdir()
    target.write_bytes(b"old content")

    def pieces() -> Iterator[bytes]:
        yield b"new beginning"
        raise RuntimeError("the export failed halfway")

    with pytest.raises(RuntimeError):
        write_atomically(target, pieces())
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in target.parent.iterdir()) == ["agenda.json"]


def test_permissions_are_those_of_a_file_written_in_place(tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    write_atomically(new, [b"{}"])
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask
    old = tmp_path / "old.json"
    old.write_bytes(b"")
    old.chmod(0o640)
    write_atomically(old, [b"{}"])
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert old.read_bytes() == b"{}"


def grow(db: Path, items: int) -> None:
    """Many agenda items with long texts, in one statement (so quickly)."""
    with sqlite3.connect(db) as connection:
        meeting = connection.execute("SELECT id FROM meeting WHERE slug = 'dmm-2025-06'")
        meeting_id = meeting.fetchone()[0]
        connection.execute(
            "WITH RECURSIVE n(i) AS (SELECT 5 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO agenda_item (meeting_id, position, title, summary, dutch_position)"
            " SELECT ?, i, 'Item ' || i, printf('%.300c', 'x'), printf('%.300c', 'y') FROM n",
            (items + 4, meeting_id),
        )


@pytest.mark.slow
@pytest.mark.parametrize("number", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_a_killed_export_leaves_the_old_file_as_it_was(
    seeded_db: Path, tmp_path: Path, number: signal.Signals
) -> None:
    grow(seeded_db, 80_000)
    target = tmp_path / "agenda.json"
    target.write_bytes(b'{"the": "previous export"}\n')
    env = clean_environment(NAVO_AGENDA_DB=str(seeded_db), NAVO_AGENDA_TODAY="2026-11-28")
    process = subprocess.Popen(
        [sys.executable, "-m", "navo_agenda", "export", "--out", str(target), "--force"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    partial: list[Path] = []
    deadline = time.monotonic() + 60
    # Kill it while it writes: once its temporary file has grown past its first megabyte.
    while time.monotonic() < deadline and process.poll() is None:
        partial = list(tmp_path.glob(".agenda.json.*.partial"))
        if partial and partial[0].stat().st_size > 1_000_000:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the export ended before it could be killed"
    process.send_signal(number)
    process.wait(timeout=30)
    assert target.read_bytes() == b'{"the": "previous export"}\n'
    if number == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
        assert partial[0].exists()  # the debris a killed process cannot clear, under another name
    else:  # a process told to stop clears up after itself
        assert process.returncode == 128 + signal.SIGTERM, process.stderr
        assert list(tmp_path.glob(".agenda.json.*.partial")) == []


def test_a_dash_is_standard_output(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    plain = cli("export")
    dashed = cli("export", "--out", "-")
    assert dashed.exit_code == 0, dashed.stderr
    assert dashed.stdout == plain.stdout
    table = cli("export", "--format", "csv", "--table", "meetings", "--out", "-")
    assert table.exit_code == 0, table.stderr
    assert table.stdout.startswith("slug,kind,title")
    assert not Path("-").exists()
    assert not (tmp_path / "-").exists()
    forced = cli("export", "--out", "-", "--force")
    assert forced.exit_code == 2
    assert "--force" in forced.stderr


def test_a_name_ending_in_a_slash_is_no_file(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    result = cli("export", "--out", f"{tmp_path}/new/")
    assert result.exit_code == 2
    assert "names a directory; give a file name" in result.stderr
    assert not (tmp_path / "new").exists()
    tables = cli("export", "--format", "csv", "--out", f"{tmp_path}/tables/")
    assert tables.exit_code == 0, tables.stderr
    assert (tmp_path / "tables" / "meetings.csv").is_file()


def test_a_link_is_followed_and_the_file_it_points_to_replaced(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    real = tmp_path / "exports" / "agenda.json"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    refused = cli("export", "--out", str(link))
    assert refused.exit_code == 1
    assert real.read_text(encoding="utf-8") == "old\n"
    result = cli("export", "--out", str(link), "--force")
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == cli("export").stdout
    assert sorted(p.name for p in real.parent.iterdir()) == ["agenda.json"]


@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/null"])
def test_devices_and_pipes_are_written_through(seeded_db: Path, target: str) -> None:
    """Not files to replace: no --force, no temporary file beside them (in /dev)."""
    env = clean_environment(NAVO_AGENDA_DB=str(seeded_db), NAVO_AGENDA_TODAY="2026-11-28")
    command = [sys.executable, "-m", "navo_agenda", "export", "--out", target]
    result = subprocess.run(command, env=env, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    expected = b"" if target == "/dev/null" else b'{\n"format": "navo-agenda/export"'
    assert result.stdout.startswith(expected)
    mode = os.lstat(target).st_mode  # still the link, or the device, it was
    assert stat.S_ISLNK(mode) or stat.S_ISCHR(mode)


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_a_standard_stream_into_a_file_is_written_as_the_shell_opened_it(
    seeded_db: Path, tmp_path: Path, stream: str
) -> None:
    """`--out /dev/stdout >> notes.md` (or /dev/stderr, `2>>`): the file the shell opened for
    appending gets the export at its end; it is not replaced, and no --force is asked for."""
    env = clean_environment(NAVO_AGENDA_DB=str(seeded_db), NAVO_AGENDA_TODAY="2026-11-28")
    notes = tmp_path / "notes.md"
    notes.write_text("PREVIOUS\n", encoding="utf-8")
    for force in ([], ["--force"]):
        with notes.open("ab") as appended:
            streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: appended}
            result = subprocess.run(
                [sys.executable, "-m", "navo_agenda", "export", "--format", "md",
                 "--meeting", "npg-2025-06", "--out", f"/dev/{stream}", *force],
                env=env, check=False, **streams,
            )  # fmt: skip
        assert result.returncode == 0, notes.read_text(encoding="utf-8")
    text = notes.read_text(encoding="utf-8")
    assert text.startswith("PREVIOUS\n# Briefing note")
    assert text.count("# Briefing note") == 2
    assert not list(tmp_path.glob(".notes.md.*"))  # no temporary file beside it


def test_a_full_disk_on_stdout_is_one_clear_line(seeded_db: Path) -> None:
    env = clean_environment(NAVO_AGENDA_DB=str(seeded_db), NAVO_AGENDA_TODAY="2026-11-28")
    for command in (["export"], ["export", "--format", "md"], ["list"]):
        with open("/dev/full", "wb") as full:
            result = subprocess.run(
                [sys.executable, "-m", "navo_agenda", *command],
                env=env,
                stdout=full,
                stderr=subprocess.PIPE,
                check=False,
            )
        assert result.returncode == 1, command
        assert result.stderr == (
            b"navo-agenda: error: cannot write the output: No space left on device\n"
        ), command


def test_the_tables_of_a_csv_export_are_replaced_together(
    cli: Cli, seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while writing the fourth table leaves all five old tables, not three new
    ones beside two old ones."""
    from navo_agenda.exchange import csv_format

    tables = tmp_path / "tables"
    assert cli("export", "--format", "csv", "--out", str(tables)).exit_code == 0
    before = {p.name: p.read_bytes() for p in tables.iterdir()}
    with sqlite3.connect(seeded_db) as connection:
        connection.execute("UPDATE meeting SET title = 'Changed' WHERE slug = 'dmm-2025-06'")
    real_dump = csv_format.dump_table
    written: list[str] = []

    def failing_dump(snapshot: object, table: str, **options: object) -> str:
        written.append(table)
        if len(written) == 4:
            raise OSError(28, "No space left on device")
        return real_dump(snapshot, table, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(csv_format, "dump_table", failing_dump)
    result = cli("export", "--format", "csv", "--out", str(tables), "--force")
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in tables.iterdir()} == before
