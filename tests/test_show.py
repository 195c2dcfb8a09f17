"""`show KEY` for the kinds of key besides a meeting's slug: an agenda item, a commitment and
a document, in text and JSON, each with what the database holds for it. (Which keys open
what, and keys that name nothing: tests/test_show_keys.py.)

Expected values come from the database (read with sqlite3) or from the other read commands
(`list`, `commitments`, `history`, `show` of the meeting), never from copies written here.
The meeting's own view is held by test_views.py and its golden files.
"""

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import Cli

WIDE = {"COLUMNS": "200"}


def ok(cli: Cli, *args: str, env: dict[str, str] | None = None) -> str:
    result = cli(*args, env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def change(cli: Cli, *args: str) -> str:
    """A command that writes (and says so on stderr); its stdout."""
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def shown(cli: Cli, key: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    document = json.loads(ok(cli, "show", key, "--json", env=env))
    assert document["format"] == "navo-agenda/show"
    assert document["version"] == 1
    return dict(document)


def flat(text: str) -> str:
    """Text with its wrapping undone, to look for a field's whole value in it."""
    return " ".join(text.split())


def slugs(db: sqlite3.Connection, sql: str, **params: Any) -> set[str]:
    return {row[0] for row in db.execute(sql, params)}


def listed_meetings(cli: Cli) -> dict[str, dict[str, Any]]:
    return {m["slug"]: m for m in json.loads(ok(cli, "list", "--json"))["meetings"]}


def listed_commitments(cli: Cli) -> dict[str, dict[str, Any]]:
    return {c["ref"]: c for c in json.loads(ok(cli, "commitments", "--json"))["commitments"]}


# Agenda items


def item_rows(db: sqlite3.Connection) -> list[sqlite3.Row]:
    return list(
        db.execute(
            "SELECT a.*, m.slug AS meeting_slug, s.slug AS source_slug FROM agenda_item a"
            " JOIN meeting m ON m.id = a.meeting_id LEFT JOIN document s ON s.id = a.source_id"
            " ORDER BY m.slug, a.position"
        )
    )


def item_documents(db: sqlite3.Connection, item_id: int) -> set[str]:
    """The item's documents and those of its commitments (source, links, status changes)."""
    return slugs(
        db,
        """
        SELECT d.slug FROM agenda_item a JOIN document d ON d.id = a.source_id WHERE a.id = :id
        UNION SELECT d.slug FROM agenda_item_document l JOIN document d ON d.id = l.document_id
         WHERE l.agenda_item_id = :id
        UNION SELECT d.slug FROM commitment c JOIN document d ON d.id = c.source_id
         WHERE c.agenda_item_id = :id
        UNION SELECT d.slug FROM commitment c JOIN commitment_document l ON l.commitment_id = c.id
         JOIN document d ON d.id = l.document_id WHERE c.agenda_item_id = :id
        UNION SELECT d.slug FROM commitment c JOIN commitment_event e ON e.commitment_id = c.id
         JOIN document d ON d.id = e.source_id WHERE c.agenda_item_id = :id
        """,
        id=item_id,
    )


def test_every_agenda_item_shows_in_json_as_the_database_holds_it(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    meetings = listed_meetings(cli)
    commitments = listed_commitments(cli)
    rows = item_rows(db_rows)
    assert len(rows) == sum(meeting["items"] for meeting in meetings.values())
    for row in rows:
        key = f"{row['meeting_slug']}/{row['position']}"
        found = shown(cli, key)
        assert (found["kind"], found["key"], found["today"]) == ("item", key, "2026-11-28")
        assert found["meeting"] == meetings[row["meeting_slug"]]
        item = found["item"]
        for field in ("position", "section", "title", "summary", "dutch_position", "outcome"):
            assert item[field] == row[field], (key, field)
        assert (item["source"], item["source_quote"]) == (row["source_slug"], row["source_quote"])
        assert item["version"] == row["version"]
        topics = slugs(
            db_rows, "SELECT topic FROM agenda_item_topic WHERE agenda_item_id = :id", id=row["id"]
        )
        assert item["topics"] == sorted(topics)
        refs = slugs(db_rows, "SELECT ref FROM commitment WHERE agenda_item_id = :id", id=row["id"])
        assert [c["ref"] for c in found["commitments"]] == sorted(refs)
        for commitment in found["commitments"]:
            assert commitment == commitments[commitment["ref"]]
        assert {d["slug"] for d in found["documents"]} == item_documents(db_rows, row["id"])
        # The item as the meeting shows it is the same item.
        meeting = shown(cli, row["meeting_slug"])
        assert meeting["items"][row["position"] - 1] == item


def test_an_agenda_item_shows_as_text_with_its_meeting_position_and_commitments(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    row = next(r for r in item_rows(db_rows) if r["dutch_position"])
    key = f"{row['meeting_slug']}/{row['position']}"
    found = shown(cli, key)
    text = ok(cli, "show", key, env=WIDE)
    assert "\x1b" not in text
    assert text.startswith(f"╭─ {key} ─")
    words = flat(text)
    meeting = found["meeting"]
    assert f"Item {row['position']} of {meeting['items']}" in words
    assert f"{meeting['slug']} {meeting['title']} · {meeting['starts_on']}" in words
    for value in (row["title"], row["summary"], row["dutch_position"], row["source_quote"]):
        assert flat(value) in words
    if row["section"] != row["title"]:
        assert row["section"] in words
    assert f"Topics: {', '.join(found['item']['topics'])}" in words
    for commitment in found["commitments"]:
        assert commitment["ref"] in text
        assert commitment["status"] in text
    for document in found["documents"]:
        assert document["slug"] in text


def test_an_item_without_a_dutch_position_says_so(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    row = next(r for r in item_rows(db_rows) if not r["dutch_position"])
    text = ok(cli, "show", f"{row['meeting_slug']}/{row['position']}")
    assert "Dutch position: not stated in the source" in text


# Commitments


def test_every_commitment_shows_in_json_as_commitments_history_and_list_give_it(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    meetings = listed_meetings(cli)
    commitments = listed_commitments(cli)
    assert set(commitments) == slugs(db_rows, "SELECT ref FROM commitment")
    for ref, listed in commitments.items():
        found = shown(cli, ref)
        assert (found["kind"], found["key"]) == ("commitment", ref)
        assert found["commitment"] == listed
        history = json.loads(ok(cli, "history", ref, "--json"))
        assert found["events"] == history["events"]
        assert found["meeting"] == meetings[listed["meeting"]]
        if listed["item"] is None:
            assert found["item"] is None
        else:
            items = shown(cli, listed["meeting"])["items"]
            assert found["item"] == items[listed["item"] - 1]
        documents = {d["slug"] for d in found["documents"]}
        if listed["source"]:
            assert listed["source"] in documents
        assert {e["source"] for e in history["events"] if e["source"]} <= documents


def test_a_commitment_shows_as_text_with_due_amount_status_and_history(
    cli: Cli, seeded_db: Path
) -> None:
    ref = next(r for r, c in listed_commitments(cli).items() if c["amount"] and c["overdue"])
    change(cli, "status", ref, "deels voldaan", "--note", "First tranche", "--at", "2025-11-12")
    found = shown(cli, ref)
    commitment = found["commitment"]
    text = ok(cli, "show", ref, env=WIDE)
    words = flat(text)
    assert text.startswith(f"╭─ {ref} ─")
    assert flat(commitment["text"]) in words
    assert f"{commitment['kind']} · {commitment['actor']}" in words
    assert f"Meeting: {commitment['meeting']} {found['meeting']['title']}" in words
    assert f"Item: {commitment['meeting']}/{commitment['item']} {found['item']['title']}" in words
    due = commitment["due"]
    assert (
        f"Due: {due['value']} ({due['precision']}, {due['first_day']} to {due['last_day']})"
        in words
    )
    amount = f"{int(commitment['amount']):,}".replace(",", " ")
    assert f"Amount: {amount} {commitment['currency']}" in words
    assert f"Status: {commitment['status']}" in words
    assert commitment["status"] == "partially_fulfilled"
    assert "OVERDUE" not in text
    # The history as `history` shows it, oldest first.
    history = ok(cli, "history", ref, env=WIDE)
    table = history.split("\n", 2)[2]
    assert table in text
    changes = [e["at"] for e in found["events"]]
    assert changes == sorted(changes)
    assert text.index("new → open") < text.index("open → partially_fulfilled")
    assert flat(commitment["source_quote"]) in words


def test_an_overdue_commitment_is_marked_until_it_is_not_due_yet(cli: Cli, seeded_db: Path) -> None:
    ref = next(r for r, c in listed_commitments(cli).items() if c["overdue"])
    assert "OVERDUE" in ok(cli, "show", ref)
    assert shown(cli, ref)["commitment"]["overdue"] is True
    last_day = shown(cli, ref)["commitment"]["due"]["last_day"]
    before = {"NAVO_AGENDA_TODAY": last_day}
    assert "OVERDUE" not in ok(cli, "show", ref, env=before)
    assert shown(cli, ref, env=before)["commitment"]["overdue"] is False


def test_a_day_due_date_is_shown_as_the_day(cli: Cli, seeded_db: Path) -> None:
    ref, listed = next(
        (r, c)
        for r, c in listed_commitments(cli).items()
        if c["due"] and c["due"]["precision"] == "day"
    )
    words = flat(ok(cli, "show", ref))
    assert f"Due: {listed['due']['value']} " in words + " "
    assert f"Due: {listed['due']['value']} (" not in words


# Documents


def citing(db: sqlite3.Connection, slug: str) -> set[tuple[str, str]]:
    """(kind, key) of every record that rests on the document."""
    rows = db.execute(
        """
        SELECT 'meeting', m.slug FROM meeting m JOIN document d ON d.id = m.source_id
         WHERE d.slug = :slug
        UNION SELECT 'meeting', m.slug FROM meeting_document l
         JOIN meeting m ON m.id = l.meeting_id JOIN document d ON d.id = l.document_id
         WHERE d.slug = :slug
        UNION SELECT 'item', m.slug || '/' || a.position FROM agenda_item a
         JOIN meeting m ON m.id = a.meeting_id JOIN document d ON d.id = a.source_id
         WHERE d.slug = :slug
        UNION SELECT 'item', m.slug || '/' || a.position FROM agenda_item_document l
         JOIN agenda_item a ON a.id = l.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
         JOIN document d ON d.id = l.document_id WHERE d.slug = :slug
        UNION SELECT 'commitment', c.ref FROM commitment c JOIN document d ON d.id = c.source_id
         WHERE d.slug = :slug
        UNION SELECT 'commitment', c.ref FROM commitment_document l
         JOIN commitment c ON c.id = l.commitment_id JOIN document d ON d.id = l.document_id
         WHERE d.slug = :slug
        UNION SELECT 'commitment', c.ref FROM commitment_event e
         JOIN commitment c ON c.id = e.commitment_id JOIN document d ON d.id = e.source_id
         WHERE d.slug = :slug
        """,
        {"slug": slug},
    )
    return {(row[0], row[1]) for row in rows}


def test_every_document_shows_in_json_as_the_database_holds_it(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    rows = list(db_rows.execute("SELECT * FROM document ORDER BY slug"))
    assert len(rows) > 10
    for row in rows:
        found = shown(cli, row["slug"])
        assert (found["kind"], found["key"]) == ("document", row["slug"])
        document = found["document"]
        for field in ("slug", "kind", "identifier", "title", "dated", "url", "body", "version"):
            assert document[field] == row[field], (row["slug"], field)
        assert document["body_length"] == (len(row["body"]) if row["body"] else None)
        assert "relations" not in document
        cited = {(c["kind"], c["key"]) for c in found["cited_by"]}
        assert cited == citing(db_rows, row["slug"])
        assert len(cited) == len(found["cited_by"])  # each record once, with all its relations
        order = [("meeting", "item", "commitment").index(c["kind"]) for c in found["cited_by"]]
        assert order == sorted(order)
        for citation in found["cited_by"]:
            assert citation["relations"]
            assert citation["label"]


def test_a_document_shows_as_text_with_what_cites_it_and_the_start_of_its_text(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    row = next(db_rows.execute("SELECT * FROM document WHERE body IS NOT NULL"))
    found = shown(cli, row["slug"])
    text = ok(cli, "show", row["slug"], env=WIDE)
    assert text.startswith(f"╭─ {row['slug']} ─")
    assert flat(row["title"]) in flat(text)
    assert f"{row['kind']} · {row['dated']}" in text
    cited = text.split("Cited by", 1)[1]
    for citation in found["cited_by"]:
        assert citation["key"] in cited
    length = f"{len(row['body']):,}".replace(",", " ")
    assert f"Text ({length} characters; --json gives it whole)" in text
    first_line = next(line.strip() for line in row["body"].splitlines() if line.strip())
    assert first_line in text.split("Text (", 1)[1]
    assert text.rstrip().endswith("…")
    assert len(text.split("Text (", 1)[1]) < len(row["body"])


def test_a_document_without_text_or_citations_says_so(cli: Cli, seeded_db: Path) -> None:
    slug = change(cli, "add", "document", "--kind", "other", "--title", "A note nobody cites")
    text = ok(cli, "show", slug)
    assert "Cited by: no record." in text
    assert "Text: not recorded." in text
    found = shown(cli, slug)
    assert found["cited_by"] == []
    assert (found["document"]["body"], found["document"]["body_length"]) == (None, None)


def test_a_document_text_cannot_drive_the_terminal(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """No way in takes control characters (texts.py), but a database written by an earlier
    version or another client may hold them."""
    hostile = "Opening \x1b[31mred\x1b[0m [bold]not bold[/bold] \x07line.\n"
    body = tmp_path / "body.txt"
    body.write_text(hostile, "utf-8")
    refused = cli("add", "document", "--kind", "other", "--title", "H", "--body-file", str(body))
    assert refused.exit_code == 2
    slug = change(cli, "add", "document", "--kind", "other", "--title", "Hostile")
    with sqlite3.connect(seeded_db) as connection:
        connection.execute("UPDATE document SET body = ? WHERE slug = ?", (hostile, slug))
    text = ok(cli, "show", slug, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[31m" not in text
    assert "\x07" not in text
    assert "[bold]not bold[/bold]" in text
