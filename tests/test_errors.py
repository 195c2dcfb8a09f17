"""Bad input: the right exit code, one line on stderr naming the value and what is allowed,
no traceback, and nothing changed (not even a database file created)."""

import errno
from pathlib import Path

import pytest

from tests.conftest import Cli, snapshot

USAGE_ERRORS = [
    (["list", "--kind", "party"], ["'party'", "dmm, npg, udcg, summit, forum, dinner"]),
    (["list", "--status", "done"], ["'done'", "planned, expected, held"]),
    (["list", "--from", "soon"], ["'soon'", "2025-06-05"]),
    (["list", "--to", "31-02-2025"], ["'31-02-2025'"]),
    (["list", "--from", "5 juni"], ["'5 juni'", "year"]),
    (["list", "--upcoming", "--past"], ["--upcoming", "--past"]),
    (["timeline", "--kind", "gala"], ["'gala'", "allowed"]),
    (["timeline", "--from", "2025-13"], ["'2025-13'"]),
    (["show"], ["KEY"]),
    (["show", "a", "b"], ["b"]),
    (["lst"], ["lst", "list"]),
    (["list", "--colour"], ["--colour"]),
    (["list", "--from", "2026", "--to", "2025"], ["--from 2026 is after --to 2025"]),
    (["timeline", "--from", "2025-07", "--to", "juni 2025"], ["--from 2025-07", "--to 2025-06"]),
    (["export", "--from", "2025-06-06", "--to", "2025-06-05"], ["2025-06-06", "2025-06-05"]),
    (["--db", ":memory:", "list"], ["':memory:'", "in-memory", "use a file"]),
    (["--db", "sqlite:///:memory:", "show", "dmm-2025-06"], ["sqlite:///:memory:", "a file"]),
    (["--db", "", "list"], ["--db is empty", "NAVO_AGENDA_DB"]),
    (["--db", " ", "db", "path"], ["--db is empty"]),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS)
def test_usage_errors_exit_2_in_one_line_and_create_nothing(
    cli: Cli, tmp_path: Path, args: list[str], expected: list[str]
) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("navo-agenda: error: ")
    assert "Traceback" not in result.stderr
    for fragment in expected:
        assert fragment in result.stderr
    assert not (tmp_path / "default.db").exists()


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS)
def test_usage_errors_leave_an_existing_database_unchanged(
    cli: Cli, seeded_db: Path, args: list[str], expected: list[str]
) -> None:
    before = snapshot(seeded_db)
    assert cli(*args).exit_code == 2
    assert snapshot(seeded_db) == before


def test_unknown_slug_exits_1_with_suggestions(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    result = cli("show", "dmm-2025-6")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "'dmm-2025-6'" in result.stderr
    assert "did you mean dmm-2025-06" in result.stderr
    far = cli("show", "zzzz")
    assert far.exit_code == 1
    assert "navo-agenda list" in far.stderr
    assert snapshot(seeded_db) == before


@pytest.mark.parametrize("command", [["export"], ["commitments"]])
def test_an_unknown_meeting_option_suggests_slugs(
    cli: Cli, seeded_db: Path, command: list[str]
) -> None:
    result = cli(*command, "--meeting", "dmm-2025-6")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "navo-agenda: error: --meeting: no meeting 'dmm-2025-6'; did you mean dmm-2025-06,"
        " dmm-2025-10, dmm-2025-02?\n"
    )


def test_text_that_is_not_utf8_is_refused_in_one_line(cli: Cli, seeded_db: Path) -> None:
    """A byte of another encoding on the command line reaches Python as a lone surrogate,
    which SQLite cannot store."""
    before = snapshot(seeded_db)
    typed = "x\udc85y"  # what Python makes of the bytes b"x\x85y" in argv
    result = cli("add", "meeting", "--kind", "other", "--date", "2027-05-10", "--title", typed)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "not UTF-8" in result.stderr
    assert "internal error" not in result.stderr
    assert snapshot(seeded_db) == before


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("npg", "did you mean npg-2025-06?"),
        ("forum", "did you mean forum-2025-06?"),
        ("dinner", "did you mean dinner-2025-06?"),
        ("2025-10", "did you mean dmm-2025-10, udcg-2025-10, "),
    ],
)
def test_unknown_slug_suggests_the_slugs_that_start_with_or_contain_it(
    cli: Cli, seeded_db: Path, typed: str, suggested: str
) -> None:
    result = cli("show", typed)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert suggested in result.stderr


def test_bad_today_variable_is_invalid_input(cli: Cli, seeded_db: Path) -> None:
    result = cli("list", env={"NAVO_AGENDA_TODAY": "tomorrow-ish"})
    assert result.exit_code == 2
    assert "NAVO_AGENDA_TODAY" in result.stderr


def test_internal_errors_are_one_line_unless_debugging(
    cli: Cli, seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from navo_agenda import agenda

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(agenda, "list_meetings", broken)
    result = cli("list")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "internal error: RuntimeError: boom" in result.stderr
    assert "NAVO_AGENDA_DEBUG=1" in result.stderr
    with pytest.raises(RuntimeError, match="boom"):
        cli("list", env={"NAVO_AGENDA_DEBUG": "1"})


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (
            OSError(errno.EROFS, "Read-only file system", "out/.agenda.partial"),
            "navo-agenda: error: out/.agenda.partial: Read-only file system\n",
        ),
        (
            OSError(errno.EINVAL, "Invalid argument"),
            "navo-agenda: error: internal error: OSError: [Errno 22] Invalid argument (set"
            " NAVO_AGENDA_DEBUG=1 to see the traceback; please report it)\n",
        ),
    ],
)
def test_a_system_error_no_command_reported_is_still_one_line(
    cli: Cli, seeded_db: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, line: str
) -> None:
    """Not a traceback: a file named with the system's reason, else an internal error."""
    from navo_agenda import agenda

    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(agenda, "list_meetings", broken)
    result = cli("list")
    assert (result.exit_code, result.stderr) == (1, line)


def test_help_is_not_an_error(cli: Cli, tmp_path: Path) -> None:
    for args in (["--help"], ["list", "--help"], ["db", "--help"], ["--version"]):
        result = cli(*args)
        assert result.exit_code == 0
        assert result.stdout
    assert not (tmp_path / "default.db").exists()
