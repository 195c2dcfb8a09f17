"""The calendar export as a real calendar server takes it: Radicale, a CalDAV server that
calendar programs (Thunderbird, Apple Calendar, DAVx⁵) sync with, run on a free local port.
It parses with vobject, not with the icalendar library that wrote the file, and refuses what
it cannot read (a 400) or a second event with a UID it already holds (a 409).

A whole export is put as one calendar, as a subscription or an import does; and each event
on its own, as a syncing client does, and then again after the agenda changed: the same
UIDs update the same events, and none is doubled.
"""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import vobject
from icalendar import Calendar

from tests.conftest import Cli
from tests.test_ics import HOSTILE, OUTLOOK

USER = "anna"
COMPONENT = re.compile(r"^BEGIN:(VEVENT|VTODO|VTIMEZONE)\r\n.*?^END:\1\r\n", re.S | re.M)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("radicale")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = folder / "config"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = none\n"
        f"[storage]\nfilesystem_folder = {folder / 'collections'}\n[logging]\nlevel = warning\n"
    )
    log = (folder / "log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)], stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}/{USER}/"
    try:
        deadline = time.monotonic() + 30
        while request("PROPFIND", base, ok=None)[0] != 207:
            assert process.poll() is None, (folder / "log").read_text()
            assert time.monotonic() < deadline, "Radicale did not start"
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def request(
    method: str, url: str, body: str | None = None, *, ok: tuple[int, ...] | None = (200,)
) -> tuple[int, str]:
    sent = urllib.request.Request(
        url,
        data=body.encode("utf-8") if body is not None else None,
        method=method,
        headers={"Authorization": "Basic YW5uYTp4", "Content-Type": "text/calendar"},
    )
    try:
        with urllib.request.urlopen(sent, timeout=30) as answer:
            status, text = answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8", "replace")
    except OSError:  # not listening yet
        return 0, ""
    assert ok is None or status in ok, (method, url, status, text)
    return status, text


def exported(cli: Cli, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "agenda.ics"
    result = cli(
        "export", "--format", "ics", "--with-deadlines", "--out", str(out), "--force", *args
    )
    assert result.exit_code == 0, result.stderr
    return out.read_bytes().decode("utf-8")


def rich_agenda(cli: Cli, tmp_path: Path) -> None:
    """The seed, and what it lacks: a timed event in a zone (as Outlook writes one), a
    title and a location a calendar's syntax could choke on."""
    (tmp_path / "outlook.ics").write_text(OUTLOOK, newline="")
    assert cli("import", str(tmp_path / "outlook.ics")).exit_code == 0
    hostile = cli("edit", "dmm-2025-06", "--title", HOSTILE, "--location", "A;B,C\\D")
    assert hostile.exit_code == 0, hostile.stderr


def fields(component: Any) -> dict[str, Any]:
    """What an event or to-do says, as vobject reads it."""
    found = {}
    for name in ("summary", "location", "dtstart", "dtend", "due", "status", "sequence"):
        if name in component.contents:
            value = component.contents[name][0].value
            found[name] = value.replace(tzinfo=None) if isinstance(value, datetime) else value
    return found


def ours(text: str) -> dict[str, dict[str, Any]]:
    """The same, as our file says it (read with the icalendar library), by UID."""
    calendar = Calendar.from_ical(text)
    found: dict[str, dict[str, Any]] = {}
    for component in calendar.walk():
        if component.name not in ("VEVENT", "VTODO"):
            continue
        values: dict[str, Any] = {}
        for name in ("summary", "location", "dtstart", "dtend", "due", "status", "sequence"):
            if name.upper() in component:
                value = component.decoded(name)
                if isinstance(value, bytes):
                    value = value.decode("utf-8")
                if isinstance(value, datetime):
                    value = value.replace(tzinfo=None)
                values[name] = str(value) if name == "sequence" else value
        found[str(component["UID"])] = values
    return found


def theirs(text: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for calendar in vobject.readComponents(text):
        for component in calendar.components():
            if component.name in ("VEVENT", "VTODO"):
                values = fields(component)
                if "sequence" in values:
                    values["sequence"] = str(values["sequence"])
                found[component.uid.value] = values
    return found


def test_the_whole_export_is_taken_and_read_back_field_by_field(
    cli: Cli, seeded_db: Path, tmp_path: Path, server: str
) -> None:
    rich_agenda(cli, tmp_path)
    text = exported(cli, tmp_path)
    collection = f"{server}whole/"
    request("PUT", collection, text, ok=(201,))
    _, back = request("GET", collection)
    expected = ours(text)
    components = text.count("\r\nBEGIN:VEVENT\r\n") + text.count("\r\nBEGIN:VTODO\r\n")
    assert len(expected) == components > 20
    assert theirs(back) == expected
    events = [values for values in expected.values() if "dtend" in values]
    assert any(isinstance(e["dtstart"], datetime) for e in events)  # the timed one
    assert any(type(e["dtstart"]) is date and e["dtend"] != e["dtstart"] for e in events)
    assert expected["dmm-2025-06@navo-agenda"]["summary"] == HOSTILE


def test_a_syncing_client_updates_each_event_in_place(
    cli: Cli, seeded_db: Path, tmp_path: Path, server: str
) -> None:
    """Each event PUT on its own, at a name of its UID; after a change, the new export's
    events replace them (204), and the server holds each UID once."""
    rich_agenda(cli, tmp_path)
    collection = f"{server}synced/"
    request("MKCALENDAR", collection, ok=(201,))

    def put_each(text: str) -> list[int]:
        components = [m.group(0) for m in COMPONENT.finditer(text)]
        zones = "".join(c for c in components if c.startswith("BEGIN:VTIMEZONE"))
        head = text[: text.index("BEGIN:V", len("BEGIN:VCALENDAR"))]
        statuses = []
        for component in components:
            if component.startswith("BEGIN:VTIMEZONE"):
                continue
            uid = re.search(r"^UID:(.*)\r\n", component, re.M)
            assert uid is not None
            href = collection + urllib.parse.quote(uid.group(1), safe="") + ".ics"
            single = f"{head}{zones}{component}END:VCALENDAR\r\n"
            statuses.append(request("PUT", href, single, ok=(201, 204))[0])
        return statuses

    first = exported(cli, tmp_path)
    assert set(put_each(first)) == {201}
    changed = cli("edit", "udcg-2025-06", "--title", "UDCG, renamed")
    assert changed.exit_code == 0, changed.stderr
    second = exported(cli, tmp_path)
    assert set(put_each(second)) == {204}
    _, back = request("GET", collection)
    held = theirs(back)
    assert held == ours(second)
    assert back.count("\r\nUID:") == len(held) == len(ours(first))
    assert held["udcg-2025-06@navo-agenda"]["summary"] == "UDCG, renamed"
    assert int(held["udcg-2025-06@navo-agenda"]["sequence"]) > int(
        ours(first)["udcg-2025-06@navo-agenda"]["sequence"]
    )
    # The server knows the event by its UID, whatever its name: a copy is refused.
    copy = first[: first.index("BEGIN:VEVENT")] + next(
        m.group(0) for m in COMPONENT.finditer(first) if "UID:udcg-2025-06@" in m.group(0)
    )
    request("PUT", f"{collection}copy.ics", copy + "END:VCALENDAR\r\n", ok=(409,))
