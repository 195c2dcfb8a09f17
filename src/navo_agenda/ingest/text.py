"""Reading a letter from a file or standard input: plain text, PDF or HTML, as text.

Letters reach us as the PDF Parliament publishes, as text someone extracted from it, or as the
web page of the letter. Each becomes plain text here, with its line structure kept (headings are
recognised by standing on a line of their own), and then goes through the same repair
(repair.py). pypdf is imported only when a PDF is read: every other command, and ingest of a
text file, starts without it.
"""

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal, NamedTuple

from navo_agenda.errors import BadFile
from navo_agenda.texts import BOM, CONTROL

Format = Literal["text", "pdf", "html"]
FORMATS: tuple[Format, ...] = ("text", "pdf", "html")

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|h[1-6])\b", re.IGNORECASE)


class Source(NamedTuple):
    """The letter as text, with the format it was read from and the name to show."""

    text: str
    format: Format
    name: str


def read_source(name: str, format: Format | None = None) -> Source:
    """Read a file (or standard input for '-') and turn it into text.

    The format is the one asked for, else the file's suffix, else what its first bytes look
    like (a PDF starts with %PDF-, a web page with a tag), so that `-` works for all three.
    """
    shown = "standard input" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise BadFile(f"cannot read {shown}: {error.strerror or error}") from None
    chosen = format or guess_format(name, data)
    if chosen == "pdf":
        return Source(as_text(pdf_text(data, shown)), "pdf", shown)
    text = decode(data, shown)
    if chosen == "html":
        return Source(as_text(html_text(text)), "html", shown)
    return Source(as_text(text), "text", shown)


def as_text(extracted: str) -> str:
    """The letter with any control character the store does not hold (texts.py) shown as
    U+FFFD: a stray one from a PDF's extraction must not cost the whole letter. Byte order
    marks (of files pasted together) are dropped: no text of the store may begin with one."""
    return CONTROL.sub("\ufffd", extracted.replace(BOM, ""))


def guess_format(name: str, data: bytes) -> Format:
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix == ".pdf" or data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if suffix in _HTML_SUFFIXES or _HTML_START.search(data.lstrip()[:200]):
        return "html"
    return "text"


def decode(data: bytes, shown: str) -> str:
    """UTF-8 (a byte-order mark is dropped), else Windows-1252, which Dutch government text
    exported on Windows often is; NUL bytes mean it is not text at all."""
    if b"\x00" in data:
        raise BadFile(
            f"{shown} is not a text file (it contains NUL bytes); give a PDF, HTML or text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def pdf_text(data: bytes, shown: str) -> str:
    """The text of every page, pages separated by a form feed (repair.py removes what the
    page break leaves behind)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency; a broken install says so
        raise BadFile(f"cannot read {shown}: the PDF reader (pypdf) is not installed") from None
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise BadFile(f"{shown} is an encrypted PDF; save it without a password first")
            pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except BadFile:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise BadFile(f"cannot read {shown} as a PDF: {error}") from None
    text = "\f".join(_unindent(page) for page in pages)
    if not text.strip():
        raise BadFile(f"{shown} has no text layer (a scan?); there is nothing to read")
    return text


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs and warns about what it repairs or gives up on ("invalid pdf header", "EOF
    marker not found"); with no logging set up, Python prints that to stderr ahead of our own
    one-line error, which already says what is wrong. Silenced only while reading."""
    import logging
    import warnings

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _unindent(page: str) -> str:
    """pypdf's layout mode keeps blank lines between paragraphs (which is why it is used) but
    also the left margin as spaces; the margin common to the page is removed."""
    lines = page.split("\n")
    margins = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(margins, default=0)
    return "\n".join(line[cut:].rstrip() for line in lines)


# Elements whose text is not the letter's: scripts, styles, and the site around the letter.
_SKIPPED = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "noscript",
        "template",
        "head",
        "form",
        "button",
        "svg",
        "iframe",
        "select",
        "menu",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "address",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "pre",
        "hr",
        "body",
        "html",
    }
)
# A <br> inside a block: a line break that the whitespace of the markup cannot produce.
_BREAK = "\x00"
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr"})


class _LetterText(HTMLParser):
    """Collects the text of block elements, one block per paragraph (a blank line between),
    skipping everything inside the elements in _SKIPPED."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []

    def flush(self) -> None:
        lines = (" ".join(part.split()) for part in "".join(self.current).split(_BREAK))
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag in _SKIPPED and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag == "br":
            self.current.append(_BREAK)
        elif tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data.replace(_BREAK, ""))


def html_text(html: str) -> str:
    """The letter's text without the page around it: one block per paragraph or heading."""
    parser = _LetterText()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.blocks) + "\n"
