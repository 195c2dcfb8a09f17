"""The database's life: created and seeded on first use, migrated with a backup, foreign
files refused untouched, and the `db` commands."""

import os
import sqlite3
from pathlib import Path

import pytest

from navo_agenda.store.revision import HEAD_REVISION, KNOWN_REVISIONS
from tests.conftest import Cli, snapshot


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_first_use_creates_migrates_and_seeds(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new" / "agenda.db"
    path.parent.mkdir()
    result = cli("--db", str(path), "list")
    assert result.exit_code == 0, result.stderr
    assert "Created a new navo-agenda database" in result.stderr
    assert str(path) in result.stderr
    assert "dmm-2025-06" in result.stdout
    assert revision_of(path) == HEAD_REVISION
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        meetings = connection.execute("SELECT count(*) FROM meeting").fetchone()[0]
        assert meetings >= 9
    second = cli("--db", str(path), "list")
    assert "Created" not in second.stderr
    assert second.stdout == result.stdout


def test_default_location_is_created_in_the_user_data_directory(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, isolated_environment: Path
) -> None:
    monkeypatch.delenv("NAVO_AGENDA_DB")
    where = cli("db", "path")
    assert where.exit_code == 0
    path = Path(where.stdout.strip())
    assert path.name == "navo-agenda.db"
    assert isolated_environment in path.parents
    assert not path.exists(), "db path must not create the database"
    assert cli("list").exit_code == 0
    assert path.exists()


def test_db_option_beats_environment_variable(cli: Cli, tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.db"
    assert cli("--db", str(chosen), "db", "path").stdout.strip() == str(chosen)
    assert cli("db", "path").stdout.strip() == str(tmp_path / "default.db")
    url = cli("--db", f"sqlite:///{tmp_path}/url.db", "db", "path")
    assert url.stdout.strip() == str(tmp_path / "url.db")


def test_creation_in_a_missing_directory_is_refused_for_an_explicit_path(
    cli: Cli, tmp_path: Path
) -> None:
    result = cli("--db", str(tmp_path / "nowhere" / "x.db"), "list")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def make_older_database(path: Path) -> None:
    """A database at the first revision, with a user's meeting in it."""
    from alembic import command

    from navo_agenda.store import migrate

    engine = migrate.sqlite_engine(path)
    with engine.connect() as connection, connection.begin():
        command.upgrade(migrate.alembic_config(connection), KNOWN_REVISIONS[0])
        connection.exec_driver_sql(
            "INSERT INTO meeting (slug, kind, title, starts_on, ends_on, status)"
            " VALUES ('dmm-2024-10', 'dmm', 'My own meeting', '2024-10-17', '2024-10-18', 'held')"
        )
    engine.dispose()


def test_older_revision_is_backed_up_then_migrated(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_older_database(path)
    before = snapshot(path)
    result = cli("--db", str(path), "list")
    assert result.exit_code == 0, result.stderr
    assert "My own meeting" in result.stdout
    assert f"to {HEAD_REVISION}" in result.stderr
    assert revision_of(path) == HEAD_REVISION
    backups = list(tmp_path.glob("old.db.backup-*"))
    assert len(backups) == 1
    assert KNOWN_REVISIONS[0] in backups[0].name
    assert revision_of(backups[0]) == KNOWN_REVISIONS[0]
    assert snapshot(backups[0]) == before
    with sqlite3.connect(path) as connection:
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "ix_meeting_starts_on_ends_on" in indexes


def test_db_upgrade_reports_and_backs_up(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_older_database(path)
    result = cli("--db", str(path), "db", "upgrade")
    assert result.exit_code == 0, result.stderr
    assert "backup" in result.stderr
    assert revision_of(path) == HEAD_REVISION
    again = cli("--db", str(path), "db", "upgrade")
    assert again.exit_code == 0
    assert "already at the newest" in again.stderr
    assert len(list(tmp_path.glob("old.db.backup-*"))) == 1


FOREIGN_FILES = {
    "text": b"just some notes\n",
    "binary": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("name", sorted(FOREIGN_FILES))
def test_foreign_file_is_refused_and_untouched(cli: Cli, tmp_path: Path, name: str) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(FOREIGN_FILES[name])
    for args in (["list"], ["show", "dmm-2025-06"], ["timeline"], ["db", "upgrade"]):
        result = cli("--db", str(path), *args)
        assert result.exit_code == 1, args
        assert "not a navo-agenda database" in result.stderr
        assert result.stderr.count("\n") == 1
        assert path.read_bytes() == FOREIGN_FILES[name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "notes.db"]


def test_other_programs_sqlite_database_is_refused_and_untouched(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('stamppot')")
    before = path.read_bytes()
    result = cli("--db", str(path), "list")
    assert result.exit_code == 1
    assert "not a navo-agenda database" in result.stderr
    assert "recipes" in result.stderr
    assert path.read_bytes() == before


def test_unknown_revision_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    before = path.read_bytes()
    result = cli("--db", str(path), "list")
    assert result.exit_code == 1
    assert "9999_from_the_future" in result.stderr
    assert "newer navo-agenda" in result.stderr
    assert path.read_bytes() == before


def test_empty_file_is_initialised(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "touched.db"
    path.touch()
    assert cli("--db", str(path), "list").exit_code == 0
    assert revision_of(path) == HEAD_REVISION


def test_postgresql_url_is_a_clear_error_for_now(cli: Cli) -> None:
    result = cli("--db", "postgresql+psycopg://me@localhost/agenda", "list")
    assert result.exit_code == 1
    assert "PostgreSQL" in result.stderr


def test_unsupported_url_is_a_usage_error(cli: Cli) -> None:
    result = cli("--db", "mysql://me@localhost/agenda", "list")
    assert result.exit_code == 2
    assert "mysql://" in result.stderr


def test_connections_enforce_foreign_keys(seeded_db: Path) -> None:
    from navo_agenda.location import DatabaseLocation
    from navo_agenda.store.lifecycle import open_database

    with open_database(DatabaseLocation(path=seeded_db)) as db:
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA busy_timeout") > 0
        with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction(write=True):
            db.rows("INSERT INTO agenda_item (meeting_id, position, title) VALUES (99999, 1, 'x')")


def test_database_constraints_reject_nonsense(seeded_db: Path) -> None:
    bad_statements = [
        "INSERT INTO meeting (slug, kind, title, starts_on, ends_on) "
        "VALUES ('x-2025-01', 'party', 't', '2025-01-01', '2025-01-01')",
        "INSERT INTO meeting (slug, kind, title, starts_on, ends_on) "
        "VALUES ('dmm-2030-01', 'dmm', 't', '2030-01-02', '2030-01-01')",
        "INSERT INTO meeting (slug, kind, title, starts_on, ends_on) "
        "VALUES ('dmm-2025-06', 'dmm', 't', '2025-06-05', '2025-06-05')",
        "INSERT INTO agenda_item (meeting_id, position, title) "
        "SELECT id, 1, 'duplicate position' FROM meeting WHERE slug = 'dmm-2025-06'",
        "UPDATE commitment SET status = 'done' WHERE ref = 'c-2025-001'",
        "UPDATE commitment SET amount = '5', currency = NULL WHERE ref = 'c-2025-001'",
        "UPDATE commitment SET due = '2026', due_precision = NULL WHERE ref = 'c-2025-001'",
        # an item of another meeting
        "UPDATE commitment SET agenda_item_id = (SELECT a.id FROM agenda_item a JOIN meeting m"
        " ON m.id = a.meeting_id WHERE m.slug = 'summit-2025-06' LIMIT 1)"
        " WHERE ref = 'c-2025-002'",
    ]
    with sqlite3.connect(seeded_db) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for statement in bad_statements:
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(statement)


def test_db_init_on_existing_database_changes_nothing(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    result = cli("db", "init")
    assert result.exit_code == 0
    assert "already exists" in result.stderr
    assert snapshot(seeded_db) == before


def test_db_init_empty_creates_schema_without_seed(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    result = cli("--db", str(path), "db", "init", "--empty")
    assert result.exit_code == 0, result.stderr
    assert revision_of(path) == HEAD_REVISION
    listing = cli("--db", str(path), "list")
    assert listing.exit_code == 0
    assert "No meetings match" in listing.stdout


def test_db_init_empty_on_a_database_with_records_is_refused(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Not "up to date", exit 0: whoever asked for an empty database (to import a copy into)
    must not go on with a full one. An empty one stays fine to init again."""
    before = snapshot(seeded_db)
    result = cli("db", "init", "--empty")
    assert result.exit_code == 1
    assert result.stderr == (
        f"navo-agenda: error: {seeded_db} already exists and holds 80 records; --empty makes a"
        " new database only: give another file, or remove this one first\n"
    )
    assert snapshot(seeded_db) == before
    empty = tmp_path / "empty.db"
    assert cli("--db", str(empty), "db", "init", "--empty").exit_code == 0
    again = cli("--db", str(empty), "db", "init", "--empty")
    assert again.exit_code == 0, again.stderr
    assert "already exists and is up to date" in again.stderr


def test_db_check_passes_on_the_seed_and_finds_a_broken_history(cli: Cli, seeded_db: Path) -> None:
    good = cli("db", "check")
    assert good.exit_code == 0, good.stdout + good.stderr
    assert "ok" in good.stdout
    with sqlite3.connect(seeded_db) as connection:
        connection.execute("UPDATE commitment SET status = 'dropped' WHERE ref = 'c-2025-001'")
    bad = cli("db", "check")
    assert bad.exit_code == 1
    assert "c-2025-001" in bad.stdout
    assert "problem" in bad.stderr


def test_db_check_names_texts_an_export_would_not_bring_back(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Texts written before the text rule (texts.py), or by another client: db check names
    each, as JSON import would refuse them; once edited, the export imports again."""
    with sqlite3.connect(seeded_db) as connection:
        connection.execute(
            "UPDATE meeting SET summary = ? WHERE slug = 'dmm-2025-06'", ("a\x1b[2Jb",)
        )
        connection.execute("UPDATE commitment SET actor = ? WHERE ref = 'c-2025-001'", ("\x85",))
        connection.execute("UPDATE agenda_item SET title = '\ufeff' || title WHERE id = 1")
        connection.execute(
            "UPDATE document SET body = ? WHERE slug = 'letter-2025-05-21'", ("x" * 10_000_001,)
        )
    bad = cli("db", "check", env={"COLUMNS": "300"})
    assert bad.exit_code == 1
    problems = [line for line in bad.stdout.splitlines() if line.startswith("text: ")]
    assert problems == [
        "text: meeting dmm-2025-06: summary holds the control character U+001B at character 2,"
        " which is not text; 'navo-agenda edit' can change it",
        "text: item dmm-2025-06/1: title begins with U+FEFF, a byte order mark, which"
        " is not text; 'navo-agenda edit' can change it",
        "text: commitment c-2025-001: actor holds the control character U+0085 at character 1,"
        " which is not text; 'navo-agenda edit' can change it",
        "text: document letter-2025-05-21: body is 10,000,001 characters long; at most"
        " 10,000,000 are allowed; 'navo-agenda edit' can change it",
    ]
    export = tmp_path / "export.json"
    assert cli("export", "--out", str(export)).exit_code == 0
    empty = tmp_path / "empty.db"
    assert cli("--db", str(empty), "db", "init", "--empty").exit_code == 0
    assert cli("--db", str(empty), "import", str(export)).exit_code == 1
    for args in (
        ["edit", "dmm-2025-06", "--summary", "ab"],
        ["edit", "c-2025-001", "--actor", "Nederland"],
        ["edit", "dmm-2025-06/1", "--title", "Oekraïne"],
        ["edit", "letter-2025-05-21", "--body-file", ""],
    ):
        assert cli(*args).exit_code == 0
    assert cli("db", "check").exit_code == 0
    assert cli("export", "--out", str(export), "--force").exit_code == 0
    assert cli("--db", str(empty), "import", str(export)).exit_code == 0


def test_db_check_names_bytes_broken_utf8_and_keys_of_the_wrong_shape(
    cli: Cli, seeded_db: Path
) -> None:
    """What another client may write: bytes where text belongs, text that is not UTF-8,
    keys that the export format would not read back. Each is named; none stops the check."""
    with sqlite3.connect(seeded_db) as connection:
        connection.execute(
            "UPDATE meeting SET title = CAST(? AS TEXT) WHERE slug = 'npg-2025-06'",
            (b"Nuclear \xff bad",),
        )
        connection.execute("UPDATE commitment SET text = ? WHERE ref = 'c-2025-007'", (b"blob",))
        connection.execute(
            "UPDATE meeting SET external_uid = ? WHERE slug = 'udcg-2025-06'", ("u" * 256,)
        )
        connection.execute("UPDATE document SET slug = ? WHERE slug = 'dpap'", ("dpap\x1b[2J",))
        connection.execute(
            "INSERT INTO agenda_item_topic (agenda_item_id, topic) VALUES"
            " ((SELECT min(id) FROM agenda_item), ?)",
            ("z" * 33,),
        )
    result = cli("db", "check", env={"COLUMNS": "300"})
    assert result.exit_code == 1
    found = [line for line in result.stdout.splitlines() if line.startswith(("text:", "key:"))]
    assert found == [
        "text: meeting npg-2025-06: title is not UTF-8 text (byte 0xff at byte 9);"
        " 'navo-agenda edit' can change it",
        "text: meeting udcg-2025-06: external_uid is 256 characters long; at most 255 are"
        " allowed; it is the UID of the calendar event the meeting was imported from",
        "text: commitment c-2025-007: text is stored as bytes, not as text;"
        " 'navo-agenda edit' can change it",
        "key: document 5: slug holds the control character U+001B at character 5, which is"
        " not text; an export of it would not import",
        "key: item dmm-2025-06/1: topic 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' is not a key of"
        " the right shape; an export of it would not import",
    ]


def test_db_check_without_database_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    result = cli("db", "check")
    assert result.exit_code == 1
    assert "no navo-agenda database" in result.stderr
    assert not (tmp_path / "default.db").exists()


def test_db_backup_copies_and_refuses_to_overwrite(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    result = cli("db", "backup", str(target))
    assert result.exit_code == 0, result.stderr
    assert snapshot(target) == snapshot(seeded_db)
    target.write_bytes(b"precious")
    refused = cli("db", "backup", str(target))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert target.read_bytes() == b"precious"
    forced = cli("db", "backup", str(target), "--force")
    assert forced.exit_code == 0
    assert snapshot(target) == snapshot(seeded_db)
    same = cli("db", "backup", str(seeded_db), "--force")
    assert same.exit_code == 2


def test_db_backup_to_a_place_it_cannot_write_says_why(cli: Cli, seeded_db: Path) -> None:
    """The system's reason (not SQLite's "unable to open database file"), in one line."""
    try:
        Path("/sys/.navo-probe").open("wb").close()
    except OSError:
        pass
    else:  # pragma: no cover - a system whose /sys takes files
        pytest.skip("/sys takes files here")
    result = cli("db", "backup", "/sys/copy.db")
    assert result.exit_code == 1
    assert result.stderr == (
        f"navo-agenda: error: could not copy {seeded_db} to /sys/copy.db: Permission denied\n"
    )


def test_a_failed_first_use_leaves_nothing_half_made(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from navo_agenda.store import migrate

    path = tmp_path / "first.db"
    monkeypatch.setattr(
        migrate,
        "seed_sql",
        lambda: (
            "INSERT INTO document (slug, kind, title) VALUES ('a', 'letter', 'A');\n"
            "INSERT INTO document (slug, kind, title) VALUES ('a', 'letter', 'again');\n"
        ),
    )
    failed = cli("--db", str(path), "list")
    assert failed.exit_code == 1
    assert "could not create the database" in failed.stderr
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    monkeypatch.undo()
    retried = cli("--db", str(path), "list")
    assert retried.exit_code == 0, retried.stderr
    assert "dmm-2025-06" in retried.stdout


@pytest.mark.slow
def test_simultaneous_first_uses_seed_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import clean_environment

    path = tmp_path / "race.db"
    env = clean_environment(NAVO_AGENDA_DB=str(path), NAVO_AGENDA_TODAY="2026-11-28")
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "navo_agenda", "list", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], results
    assert sum("Created a new" in stderr for _, stderr in results) == 1
    with sqlite3.connect(path) as connection:
        assert (
            connection.execute(
                "SELECT count(*) FROM document WHERE slug = 'letter-2025-05-21'"
            ).fetchone()[0]
            == 1
        )


def damage(source: Path, target: Path, offset: int, size: int) -> None:
    """A copy of `source` with `size` bytes at `offset` overwritten, as a failing disk would."""
    data = bytearray(source.read_bytes())
    data[offset : offset + size] = b"\xff" * size
    target.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("offset", "size"),
    [(12288, 8192), (100, 4000)],  # pages of tables and indexes; the schema's own page
)
def test_damaged_file_is_reported_by_check_and_refused_clearly(
    cli: Cli, seeded_db: Path, tmp_path: Path, offset: int, size: int
) -> None:
    path = tmp_path / "damaged.db"
    damage(seeded_db, path, offset, size)
    before = path.read_bytes()
    check = cli("--db", str(path), "db", "check")
    assert check.exit_code == 1
    assert "damaged" in check.stdout
    assert "restore it from a backup" in " ".join(check.stdout.split())
    assert check.stderr.count("\n") == 1
    assert "problem" in check.stderr
    assert "internal error" not in check.stderr
    unreadable_schema = offset < 4096  # then even opening it is refused
    for args in (["show", "dmm-2025-06"], *([["db", "upgrade"]] if unreadable_schema else [])):
        result = cli("--db", str(path), *args)
        assert result.exit_code == 1, args
        assert result.stderr.count("\n") == 1
        assert f"{path} is damaged" in result.stderr
        assert "internal error" not in result.stderr
    assert path.read_bytes() == before


def test_unusable_default_location_says_which_directory_and_why(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NAVO_AGENDA_DB")
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    for data_home in (blocker, blocker / "deeper"):
        result = cli("list", env={"XDG_DATA_HOME": str(data_home)})
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1
        assert f"cannot create the data directory {data_home}" in result.stderr
        assert f"{blocker} is a file, not a directory" in result.stderr
        assert "internal error" not in result.stderr
    assert blocker.read_text() == ""


def test_db_path_under_a_file_is_refused_with_the_reason(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("")
    result = cli("--db", str(blocker / "agenda.db"), "list")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"{blocker} is a file, not a directory" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any directory")
def test_db_path_in_a_read_only_directory_is_refused_with_the_reason(
    cli: Cli, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    try:
        result = cli("--db", str(locked / "agenda.db"), "list")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"cannot create {locked / 'agenda.db'}: Permission denied" in result.stderr
    assert list(locked.iterdir()) == []
