"""Reading letters: the repair of PDF-extraction quirks, PDF and HTML giving what text gives,
internal reference numbers, and no date the text does not give."""

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from navo_agenda.ingest.datephrases import find_phrases
from navo_agenda.ingest.pipeline import propose
from navo_agenda.ingest.proposal import Proposal
from navo_agenda.ingest.references import find_numbered, normalise_identifier
from navo_agenda.ingest.repair import repair
from navo_agenda.ingest.text import Source, html_text, read_source
from tests.conftest import LETTER
from tests.test_ingest_letters import LETTERS, summarise

RECORDS = ("references", "meetings", "items", "commitments")


def proposal_of(text: str) -> Proposal:
    return propose(Source(text, "text", "test"))


# --- repair ----------------------------------------------------------------------------------


def test_a_stray_first_line_goes() -> None:
    assert repair(" v agenda> Retouradres Postbus 1\nx\n").startswith("Retouradres Postbus 1\n")
    assert repair("%ÿÿ agenda>\nRetouradres Postbus 1\n").startswith("Retouradres")


def test_trailing_spaces_go_and_blank_lines_are_empty() -> None:
    assert repair("Datum 1 mei 2025   \n   \nBetreft x  \n") == "Datum 1 mei 2025\n\nBetreft x\n"


def test_page_furniture_goes_and_the_paragraph_runs_on() -> None:
    text = (
        "Datum 1 juli 2024\nOnze referentie BS2024035562\n\nGeachte voorzitter,\n\n"
        "Nederland steunt de oprichting van een missie voor de\n\n1 Kamerstuk 36 045, nr. 200\n"
        "\fPagina 2 van 2\nDatum 1 juli 2024\nOnze referentie BS2024035562\n\n"
        "coördinatie van steun.\n- 2 -\n"
    )
    repaired = repair(text)
    assert "Pagina" not in repaired
    assert "- 2 -" not in repaired
    assert repaired.count("Datum 1 juli 2024") == 1
    assert repaired.count("Onze referentie") == 1
    assert "missie voor de\ncoördinatie van steun." in repaired
    assert repaired.rstrip().endswith("1 Kamerstuk 36 045, nr. 200"), "the footnote goes to the end"


def test_words_split_over_lines_are_joined() -> None:
    soft = proposal_of(
        "Datum 1 mei 2025\nBetreft x\n\nGeachte voorzitter,\n\nNederland steunt het bond\u00ad\n"
        "genootschap. Nederland steunt het bondgenoot-\nschap.\n\nHoogachtend,\n"
    )
    quotes = [c.quote for c in soft.commitments]
    # A soft hyphen says it is one; a plain hyphen is kept, joined as tests/test_seed.py joins.
    assert quotes == [
        "Nederland steunt het bondgenootschap.",
        "Nederland steunt het bondgenoot-schap.",
    ]


def test_footnote_digits_glued_to_words_go() -> None:
    repaired = repair("steun aan Oekraïne1 en de NAVO2. De CT25 en F-16 blijven.\n")
    assert repaired == "steun aan Oekraïne en de NAVO2. De CT25 en F-16 blijven.\n"
    assert repair("de bondgenoten¹ steunen\n") == "de bondgenoten steunen\n"


def test_the_quirky_fixture_reads_like_a_clean_letter() -> None:
    found = propose(read_source(str(LETTERS / "quirks_report_2024_07.txt")))
    assert found.letter.dated == date(2024, 7, 1)
    assert found.letter.reference == "BS2024035562"
    assert [r.identifier for r in found.references] == ["Kamerstuk 36 045, nr. 200"]
    assert any("Oekraïne onverminderd" in c.quote for c in found.commitments)
    assert all(re.search(r"[^\W\d]\d\b", c.quote) is None for c in found.commitments)


# --- HTML and PDF ----------------------------------------------------------------------------


def letter_as_html(text: str) -> str:
    """The founding letter as a web page: headings as <h3>, paragraphs as <p>, and the site
    around it (navigation, script, footer) that must not end up in the letter."""
    blocks = [block for block in re.split(r"\n\s*\n", text) if block.strip()]
    body = []
    for block in blocks:
        joined = " ".join(re.sub(r"-\s*\n\s*", "-", block).split())
        lines = [" ".join(line.split()) for line in block.strip().split("\n")]
        if len(lines) == 1 and not re.search(r"[.,:;]$", joined):
            body.append(f"<h3>{joined}</h3>")
        elif joined.startswith(("Retouradres", "de Voorzitter")):
            body.append("<p>" + "<br>".join(lines) + "</p>")
        else:
            body.append(f"<p>{joined}</p>")
    return (
        "<!DOCTYPE html><html><head><title>Brief</title><style>p{color:red}</style></head><body>"
        "<header><nav><a href='/'>Home</a> | <a href='/x'>Kamerstukken</a></nav></header>"
        "<script>var x = 'Nederland zal tijdens de DMM iets doen.';</script><main>"
        + "\n".join(body)
        + "</main><aside>Nederland steunt dit niet.</aside><footer>© Rijksoverheid</footer>"
        "</body></html>"
    )


def test_html_gives_the_same_proposal_as_the_text(tmp_path: Path) -> None:
    text = LETTER.read_text(encoding="utf-8")
    page = tmp_path / "letter.html"
    page.write_text(letter_as_html(text), encoding="utf-8")
    from_html = summarise(propose(read_source(str(page))))
    from_text = summarise(propose(read_source(str(LETTER))))
    for category in RECORDS:
        assert from_html[category] == from_text[category], category
    assert "Home" not in html_text(page.read_text(encoding="utf-8"))


def make_pdf(pages: list[list[str]]) -> bytes:
    """A real PDF, written by hand: one text line per entry, Helvetica with WinAnsiEncoding
    (cp1252, which has €, ’, – and ï), a page per list. pypdf reads it as any other PDF."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    parent = len(objects) + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 12 TL 40 800 Td"]
        for line in lines:
            raw = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
            ops.append(b"(" + raw.replace(b")", b"\\)") + b") Tj T*")
        stream = b"\n".join([*ops, b"ET"])
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources"
                b" << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (parent, font, content)
            )
        )
    listed = b" ".join(b"%d 0 R" % kid for kid in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (listed, len(kids))) == parent
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % parent)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def test_pdf_gives_the_same_proposal_as_the_text(tmp_path: Path) -> None:
    lines = [line.rstrip() for line in LETTER.read_text(encoding="utf-8").split("\n")]
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(make_pdf([lines[:60], lines[60:]]))
    source = read_source(str(pdf))
    assert source.format == "pdf"
    assert "\f" in source.text
    from_pdf = summarise(propose(source))
    from_text = summarise(propose(read_source(str(LETTER))))
    for category in RECORDS:
        assert from_pdf[category] == from_text[category], category


def test_a_pdf_is_recognised_by_its_content_too(tmp_path: Path) -> None:
    unnamed = tmp_path / "letter.bin"
    unnamed.write_bytes(make_pdf([["Datum 21 mei 2025", "Betreft Test"]]))
    assert read_source(str(unnamed)).format == "pdf"


# --- references and dates --------------------------------------------------------------------


def test_one_document_written_differently_is_one_identifier() -> None:
    forms = [
        "Kamerstuk 28 676, nr. 440",
        "Kamerstukken 28676, nr. 440",
        "kst-28676-440",
        "Kamerstukken II 2022/23, 28 676, nr. 440",
    ]
    assert {normalise_identifier(form) for form in forms} == {"Kamerstuk 28 676, nr. 440"}
    assert normalise_identifier("Kamerstukken 21501-28, nr. 283") == "Kamerstuk 21 501-28, nr. 283"
    assert normalise_identifier("kst-21501-28-283") == "Kamerstuk 21 501-28, nr. 283"
    assert normalise_identifier("Kamerbrief 2025 0404") == "Kamerbrief 2025 0404"
    assert normalise_identifier("Kamerbrief 20250404") == "Kamerbrief 2025 0404"
    # A budget chapter (X is Defence's), as citations, the kst- form and hands write it.
    chapter = [
        "Kamerstuk 36 600 X, nr. 5",
        "Kamerstukken II 2024/25, 36 600 X, nr. 5",
        "Kamerstuk 36600-X, nr. 5",
        "kst-36600-X-5",
    ]
    assert {normalise_identifier(form) for form in chapter} == {"Kamerstuk 36 600 X, nr. 5"}


def test_internal_reference_numbers_are_neither_dates_nor_kamerstukken() -> None:
    for number in ("MINDEF20250012350", "BS2024035562", "BZ2025-0518"):
        line = f"Onze referentie {number}, zie ook kenmerk {number}."
        assert find_phrases(line) == []
        assert find_numbered(line) == []
    found = propose(read_source(str(LETTERS / "ministry_dmm_2025_10.txt")))
    assert found.letter.reference == "MINDEF20250012350"
    assert all("BS2024035562" not in (r.identifier or "") for r in found.references)
    assert {m.when.first.year for m in found.meetings if m.when} == {2025}


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def grounded(day: date, text: str) -> bool:
    """The date's day and month are written in the text, and its year too."""
    numbers = set(re.findall(r"(?<!\d)(\d{1,2})(?!\d)", text))
    years = set(re.findall(r"(?<!\d)(\d{4})(?!\d)", text))
    return str(day.day) in numbers and MONTHS[day.month - 1] in text and str(day.year) in years


def assert_no_date_invented(proposal: Proposal, text: str) -> None:
    """Every date in the proposal is written in the text, or its record says why to check it
    (a year taken from the letter's date, a day worked out)."""
    for meeting in proposal.meetings:
        when = meeting.when
        if when is None or meeting.assessment.needs_review:
            continue
        if when.precision == "year":
            assert str(when.first.year) in text, meeting
        elif when.precision == "month":
            assert MONTHS[when.first.month - 1] in text, meeting
            assert str(when.first.year) in text, meeting
        else:
            assert grounded(when.first, text), meeting
            assert grounded(when.last, text), meeting
    for commitment in proposal.commitments:
        due = commitment.due
        if due is None or commitment.assessment.needs_review:
            continue
        assert str(due.year) in text, commitment
        if due.precision == "day":
            assert grounded(due.last_day, text), commitment


def test_no_date_is_invented_in_the_letters() -> None:
    for path in [LETTER, *sorted(LETTERS.glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        assert_no_date_invented(propose(read_source(str(path))), " ".join(text.split()))


MEETINGS = (
    "de NAVO-ministers van Defensie",
    "de Nuclear Planning Group",
    "de NAVO-top",
    "de Ukraine Defence Contact Group",
    "de Raad Buitenlandse Zaken (Defensie)",
)
WHEN = st.one_of(
    st.builds(lambda d, m: f"op {d} {m}", st.integers(1, 28), st.sampled_from(MONTHS)),
    st.builds(
        lambda d, m, y: f"op {d} en {d + 1} {m} {y}",
        st.integers(1, 27),
        st.sampled_from(MONTHS),
        st.integers(2020, 2030),
    ),
    st.builds(lambda m: f"in {m}", st.sampled_from(MONTHS)),
    st.builds(
        lambda d, m, s: f"op {d} {m} {s}",
        st.integers(1, 28),
        st.sampled_from(MONTHS),
        st.sampled_from(("jl.", "aanstaande")),
    ),
    st.builds(
        lambda p, d, m: f"{p} {d} {m}",
        st.sampled_from(("in de week van", "rond")),
        st.integers(1, 28),
        st.sampled_from(MONTHS),
    ),
    st.builds(
        lambda p, m: f"{p} {m}",
        st.sampled_from(("eind", "medio", "begin")),
        st.sampled_from(MONTHS),
    ),
    st.just("binnenkort"),
)


@settings(max_examples=60, deadline=None)
@given(
    letter_day=st.dates(min_value=date(2021, 1, 1), max_value=date(2029, 12, 31)),
    sentences=st.lists(st.tuples(st.sampled_from(MEETINGS), WHEN), min_size=1, max_size=4),
)
def test_no_date_is_invented_in_any_letter(
    letter_day: date, sentences: list[tuple[str, str]]
) -> None:
    body = " ".join(
        f"{when.capitalize()} komen {name} in Brussel bijeen." for name, when in sentences
    )
    text = (
        f"Datum {letter_day.day} {MONTHS[letter_day.month - 1]} {letter_day.year}\n"
        f"Betreft Geannoteerde agenda\n\nGeachte voorzitter,\n\n{body} Nederland zal tijdens de"
        " DMM steun toezeggen.\n\nHoogachtend,\n"
    )
    proposal = proposal_of(text)
    assert_no_date_invented(proposal, " ".join(text.split()))
    # A year the body does not write comes from the letter's date, and is flagged as such.
    for meeting in proposal.meetings:
        if meeting.when and meeting.when.precision != "year":
            year = str(meeting.when.first.year)
            written = re.search(rf"\b{year}\b", body) is not None
            assert written or meeting.assessment.needs_review, meeting


# --- dates no more precise than the text -----------------------------------------------------


def letter_with(body: str, dated: str = "1 mei 2026") -> Proposal:
    return proposal_of(
        f"Datum {dated}\nBetreft Geannoteerde agenda\n\nGeachte voorzitter,\n\n{body}\n\n"
        "Hoogachtend,\n"
    )


def test_a_week_is_read_as_its_iso_week_never_as_its_first_day() -> None:
    for year in (" 2026", ""):
        found = letter_with(
            f"In de week van 8 juni{year} komen de NAVO-ministers van Defensie in Brussel"
            " bijeen. Nederland zal tijdens de DMM steun toezeggen."
        )
        (meeting,) = found.meetings
        assert meeting.when is not None
        assert (meeting.when.precision, meeting.when.label()) == ("week", "2026-W24")
        assert (meeting.when.first, meeting.when.last) == (date(2026, 6, 8), date(2026, 6, 14))
        assert "date not fixed by the text to the day: only 2026-W24" in meeting.assessment.review
        (pledge,) = found.commitments
        assert pledge.due is not None
        assert pledge.due.canonical() == "2026-W24"


@pytest.mark.parametrize(
    ("phrase", "month"),
    [
        ("eind juni", "2026-06"),
        ("medio juni", "2026-06"),
        ("begin juli", "2026-07"),
        ("eind juni 2026", "2026-06"),
        ("medio juni 2026", "2026-06"),
        ("begin juli 2026", "2026-07"),
        ("in juni", "2026-06"),
    ],
)
def test_part_of_a_month_is_at_most_the_month_and_flagged(phrase: str, month: str) -> None:
    found = letter_with(f"De NAVO-ministers van Defensie komen {phrase} in Brussel bijeen.")
    (meeting,) = found.meetings
    assert meeting.when is not None
    assert (meeting.when.precision, meeting.when.label()) == ("month", month)
    assert meeting.assessment.needs_review
    pledge = letter_with(f"Nederland zal {phrase} munitie leveren.").commitments[0]
    assert pledge.due is not None
    assert pledge.due.canonical() == month


def test_an_approximate_day_is_flagged() -> None:
    (meeting,) = letter_with(
        "De NAVO-ministers van Defensie komen rond 8 juni 2026 in Brussel bijeen."
    ).meetings
    assert meeting.when is not None
    assert meeting.when.first == date(2026, 6, 8)
    assert "approximate: the text says 'rond 8 juni 2026'" in meeting.assessment.review


# --- a meeting in the margin of another ------------------------------------------------------


def test_a_meeting_in_the_margin_of_another_sits_within_the_one_named() -> None:
    found = letter_with(
        "Op 7 en 8 juli 2026 vindt de NAVO-top plaats in Ankara. In de marge van de NAVO-top"
        " komt ook de NAVO-Oekraïne Raad bijeen. Nederland zal daar steun toezeggen."
    )
    summit, council = found.meetings
    assert (summit.kind, council.title) == ("summit", "NATO-Ukraine Council")
    assert council.parent == summit.key
    assert council.when == summit.when
    assert council.when is not None
    assert council.when.label() == "2026-07-07..2026-07-08"
    assert council.location == "Ankara"
    assert any("does not say on which of its days" in r for r in council.assessment.review)


@pytest.mark.parametrize(
    ("host", "named"),
    [
        ("de Noord-Atlantische Raad (NAR)", "de NAR"),
        ("de NAVO-top", "de top"),
    ],
)
def test_the_margin_of_any_meeting_makes_it_the_parent(host: str, named: str) -> None:
    found = letter_with(
        f"Op 3 juni 2026 komt {host} in Brussel bijeen. In de marge van {named} komt ook de"
        " Ukraine Defence Contact Group bijeen."
    )
    parent, udcg = found.meetings
    assert udcg.kind == "udcg"
    assert udcg.parent == parent.key
    assert udcg.when == parent.when


# --- references, due dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("citation", "identifiers"),
    [
        (
            "(Kamerstukken 28 676, nrs. 440 en 441)",
            ["Kamerstuk 28 676, nr. 440", "Kamerstuk 28 676, nr. 441"],
        ),
        (
            "(Kamerstuk 28 676, nr. 440 en nr. 441)",
            ["Kamerstuk 28 676, nr. 440", "Kamerstuk 28 676, nr. 441"],
        ),
        (
            "(Kamerstuk 28 676, nr. 440 en 21 501-28, nr. 283)",
            ["Kamerstuk 28 676, nr. 440", "Kamerstuk 21 501-28, nr. 283"],
        ),
        (
            "(Kamerstukken 28676, nrs. 440, 441 en 442)",
            [f"Kamerstuk 28 676, nr. {n}" for n in (440, 441, 442)],
        ),
        ("(Kamerstuk 28 676, nr. 440 en 12 andere)", ["Kamerstuk 28 676, nr. 440"]),
    ],
)
def test_every_document_of_a_citation_is_cited(citation: str, identifiers: list[str]) -> None:
    assert [c.identifier for c in find_numbered(citation)] == identifiers
    found = letter_with(f"Nederland steunt de plannen {citation}.")
    assert [r.identifier for r in found.references] == identifiers
    assert set(found.commitments[0].references) == {r.key for r in found.references}


def test_a_pledge_is_due_on_the_date_its_sentence_gives() -> None:
    found = letter_with(
        "Nederland organiseert op 17 december een industrieforum (NSDIF) voor de"
        " defensie-industrie.",
        dated="3 oktober 2025",
    )
    (pledge,) = found.commitments
    assert pledge.kind == "pledge"
    assert pledge.due is not None
    assert pledge.due.canonical() == "2025-12-17"
    assert any(r.startswith("due: no year") for r in pledge.assessment.review)
    with_year = letter_with(
        "Nederland organiseert op 17 december 2025 een industrieforum (NSDIF).",
        dated="3 oktober 2025",
    ).commitments[0]
    assert with_year.due is not None
    assert with_year.due.canonical() == "2025-12-17"
    assert not any(r.startswith("due:") for r in with_year.assessment.review)
