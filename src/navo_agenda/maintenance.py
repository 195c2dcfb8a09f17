"""Use cases of looking after the database file: init, upgrade, check, backup."""

from dataclasses import dataclass, field
from pathlib import Path

from navo_agenda.errors import Conflict, DamagedDatabase, InvalidInput, NotFound
from navo_agenda.location import DatabaseLocation
from navo_agenda.store import integrity, lifecycle
from navo_agenda.store.revision import HEAD_REVISION


def init_database(location: DatabaseLocation, *, empty: bool, notify: lifecycle.Notify) -> str:
    """Create the database if there is none; otherwise say what is there. --empty on a
    file that holds records is refused: saying "up to date" would leave whoever asked for
    an empty database (to import a copy into, say) with a full one."""
    path = lifecycle.sqlite_path(location)
    inspection = lifecycle.inspect_file(path)
    if inspection.state in ("foreign", "damaged"):
        raise lifecycle.refuse(path, inspection)
    if inspection.state in ("missing", "blank"):
        lifecycle.create_database(path, origin=location.origin, seed=not empty, notify=notify)
        return ""
    if empty:
        with lifecycle.open_database(location, create=False, upgrade=False) as db:
            held = sum(integrity.counts(db).values())
        if held:
            raise Conflict(
                f"{path} already exists and holds {held:,} records; --empty makes a new"
                " database only: give another file, or remove this one first"
            )
    if inspection.state == "older":
        return (
            f"{path} already exists at schema revision {inspection.revision}; "
            "'navo-agenda db upgrade' brings it up to date"
        )
    return f"{path} already exists and is up to date (schema revision {inspection.revision})"


def upgrade_database(location: DatabaseLocation, *, notify: lifecycle.Notify) -> str:
    path = lifecycle.sqlite_path(location)
    inspection = lifecycle.inspect_file(path)
    if inspection.state in ("missing", "blank"):
        raise NotFound(f"no navo-agenda database at {path}; 'navo-agenda db init' creates one")
    if inspection.state in ("foreign", "damaged"):
        raise lifecycle.refuse(path, inspection)
    if inspection.state == "current":
        return f"{path} is already at the newest schema revision ({HEAD_REVISION})"
    copy = lifecycle.upgrade_database(path, inspection, notify=notify)
    return f"{path} is now at schema revision {HEAD_REVISION} (backup: {copy})"


@dataclass
class CheckReport:
    path: Path
    revision: str | None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def check_database(location: DatabaseLocation) -> CheckReport:
    path = lifecycle.sqlite_path(location)
    inspection = lifecycle.inspect_file(path)
    report = CheckReport(path=path, revision=inspection.revision)
    if inspection.state == "damaged":  # finding this is what check is for: a report, not an error
        report.problems.append(damage(inspection.detail))
        return report
    if inspection.state == "older":
        report.problems.append(
            f"schema: at revision {inspection.revision}, not {HEAD_REVISION}; "
            "run 'navo-agenda db upgrade'"
        )
    with lifecycle.open_database(location, create=False, upgrade=False) as db:
        try:
            with db.transaction():
                report.problems.extend(integrity.storage_errors(db))
                report.problems.extend(integrity.foreign_key_errors(db))
                if inspection.state == "current":
                    report.problems.extend(integrity.history_errors(db))
                    report.problems.extend(integrity.text_errors(db))
                    report.problems.extend(integrity.version_errors(db))
                    report.counts = integrity.counts(db)
        except DamagedDatabase as error:  # so damaged that SQLite stops checking
            report.problems.append(damage(error.reason))
    return report


def damage(reason: str) -> str:
    return f"integrity: the file is damaged (SQLite: {reason}); restore it from a backup"


def backup_database(location: DatabaseLocation, target: Path, *, force: bool) -> Path:
    source = lifecycle.sqlite_path(location)
    if target.exists() and not force:
        raise InvalidInput(f"{target} exists; add --force to replace it")
    if target.exists() and target.is_dir():
        raise InvalidInput(f"{target} is a directory; give a file name")
    if target.resolve() == source.resolve():
        raise InvalidInput(f"{target} is the database itself; choose another file")
    if not target.parent.exists():
        raise InvalidInput(f"the directory {target.parent} does not exist")
    lifecycle.open_database(location, create=False, upgrade=False).close()
    lifecycle.copy_database(source, target)
    return target
