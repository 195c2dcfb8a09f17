"""Output files that are either whole or not there.

An export is written to a temporary file next to its target, flushed and fsynced, and then
renamed over the target (os.replace, atomic on POSIX and Windows): an export that fails or
is killed halfway leaves the old file exactly as it was (and, only when killed with SIGKILL,
a stray `.NAME.*.partial` beside it). Replacing an existing file needs --force; both are checked
before the database is read, so a refusal costs nothing.
"""

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from navo_agenda.errors import InvalidInput, NavoError, Refused


class CannotWrite(NavoError):
    """The operating system refused to write the output (permissions, a full disk)."""


def check_output(path: Path, *, force: bool, option: str = "--out") -> None:
    """A file may be written at `path`: its directory exists, it is not a directory, and if
    it exists, --force was given."""
    if not path.parent.is_dir():
        raise InvalidInput(f"{option} {path}: the directory {path.parent} does not exist")
    if path.is_dir():
        raise InvalidInput(f"{option} {path} is a directory; give a file name")
    if path.exists() and not force:
        raise Refused(f"{path} exists; add --force to replace it")


def check_directory(directory: Path, names: Iterable[str], *, force: bool) -> list[Path]:
    """The files `names` may be written into `directory` (created if its parent exists)."""
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(f"--out {directory} is a file; CSV needs a directory (or --table)")
    if not directory.exists() and not directory.parent.is_dir():
        raise InvalidInput(f"--out {directory}: the directory {directory.parent} does not exist")
    targets = [directory / name for name in names]
    if directory.is_dir():
        for target in targets:
            check_output(target, force=force)
    return targets


def make_directory(directory: Path) -> None:
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise CannotWrite(f"cannot create {directory}: {error.strerror}") from None


def new_file_mode(path: Path) -> int:
    """What the file would have had if written in place: the old file's permissions, or
    the default for a new file under the umask (mkstemp makes it private)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


@contextmanager
def terminated_cleanly() -> Iterator[None]:
    """SIGTERM (what `kill` and service managers send) ends the command as an exception,
    so that the temporary file is removed on the way out; the exit status is the usual
    128 + 15. Only SIGKILL leaves the temporary file behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def write_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Write the chunks to `path` so that it is never seen half-written."""
    with terminated_cleanly():
        write_through_temporary(path, chunks)


def write_through_temporary(path: Path, chunks: Iterable[bytes]) -> None:
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
        )
    except OSError as error:
        raise CannotWrite(f"cannot write in {path.parent}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            for chunk in chunks:
                file.write(chunk)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, new_file_mode(path))
        os.replace(temporary, path)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise CannotWrite(f"cannot write {path}: {error.strerror or error}") from None
        raise
    sync_directory(path.parent)


def sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, everywhere."""
    with suppress(OSError, AttributeError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
