"""What a table may cost before it is read: size, rows, how far a workbook unpacks."""

from __future__ import annotations

import io
from dataclasses import dataclass

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _  # marks messages; the web app translates them


@dataclass(frozen=True)
class Limits:
    """What one file may cost, checked before and while it is read (issue 12).

    ``max_bytes``: the file as sent; ``max_rows``: data rows; ``max_zip_ratio`` and
    ``max_unzipped_bytes``: an XLSX (a zip) may unpack to at most this many times its size and
    this many bytes, so a "zip bomb" is refused before it is opened.
    """

    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 100_000
    max_zip_ratio: int = 100
    max_unzipped_bytes: int = 400 * 1024 * 1024
    #: distinct texts a workbook may hold (Excel's shared strings): each costs memory when the
    #: workbook is read, so a file of millions of tiny texts is refused before it is (issue 24)
    max_shared_strings: int = 2_000_000


#: the limits in force; the web application sets them once at start-up from its settings
LIMITS = Limits()


def set_limits(limits: Limits) -> None:
    global LIMITS
    LIMITS = limits


def _too_large(name: str, what: str, size: int, limit: int) -> DataError:
    messages = {
        "bytes": _("the file has %(size)s MB; at most %(limit)s MB are accepted"),
        "rows": _("the file has more than %(limit)s rows; split it into files of at most "
                  "%(limit)s rows"),
        "ratio": _("the workbook unpacks to %(size)s MB, more than %(limit)s times its size; it "
                   "is refused as it may be built to exhaust the server"),
        "unzipped": _("the workbook unpacks to %(size)s MB; at most %(limit)s MB are accepted"),
        "strings": _("the workbook holds more than %(limit)s different texts; it is refused as "
                     "it may be built to exhaust the server (split it into smaller files)"),
    }  # fmt: skip

    def mb(n: int) -> str:
        return f"{n / 1024 / 1024:,.1f}"

    params = {"size": mb(size), "limit": mb(limit) if what in ("bytes", "unzipped") else limit}
    if what == "strings":
        params["limit"] = f"{limit:,}"
    return DataError([RowError(name, 0, "", messages[what], params)])


def check_zip(data: bytes, name: str, limits: Limits) -> int:
    """The unpacked size of an XLSX, refused when it breaks ``limits`` (read from the zip's
    directory; Python's zip reader never unpacks a member past the size it declares)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DataError(
            [RowError(name, 0, "", _("not a readable XLSX workbook (%(reason)s)"), {"reason": exc})]
        ) from exc
    if unpacked > limits.max_unzipped_bytes:
        raise _too_large(name, "unzipped", unpacked, limits.max_unzipped_bytes)
    if unpacked > limits.max_zip_ratio * max(len(data), 1) and unpacked > 1024 * 1024:
        raise _too_large(name, "ratio", unpacked, limits.max_zip_ratio)
    if _shared_strings(data) > limits.max_shared_strings:
        raise _too_large(name, "strings", 0, limits.max_shared_strings)
    return unpacked


def _shared_strings(data: bytes) -> int:
    """How many texts the workbook's shared-string table holds, counted by streaming the member
    (its declared count may lie); stops past the largest limit anyone would set."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        name = next((n for n in z.namelist() if n.lower().endswith("sharedstrings.xml")), None)
        if name is None:
            return 0
        count, tail = 0, b""
        with z.open(name) as member:
            while chunk := member.read(1 << 20):
                # the last 3 bytes of the previous chunk join this one, so a tag cut in two
                # is counted once (a 4-byte tag never fits in 3 bytes, so none twice)
                block = tail + chunk
                count += sum(block.count(tag) for tag in (b"<si>", b"<si ", b"<si/"))
                tail = block[-3:]
        return count
