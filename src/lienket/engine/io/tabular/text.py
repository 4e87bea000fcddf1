"""Reading a CSV in the encodings offices use, with a notice of which."""

from __future__ import annotations

import csv
import io
import unicodedata

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _  # marks messages; the web app translates them

#: Encodings a CSV from a Vietnamese or Lao office may come in besides UTF-8: Excel's
#: "Unicode text" (UTF-16 with a byte-order mark) and the Windows code pages of Vietnamese
#: (1258, with combining tone marks) and Western Europe (1252).
ENCODING_NAMES = {
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258 (Vietnamese)",
    "cp1252": "Windows-1252 (Western European)",
}
#: Bytes that in Windows-1258 are Vietnamese letters or tone marks (ơ ư đ Ă â ... and the
#: combining grave, acute, tilde, hook and dot below) and in Windows-1252 are rare letters.
_VIETNAMESE_1258 = frozenset(b"\xc3\xe3\xd0\xf0\xd5\xf5\xdd\xfd\xcc\xec\xd2\xde\xf2\xfe")


def decode_text(data: bytes, name: str) -> tuple[str, RowError | None]:
    """The text of a CSV file and, when it was not UTF-8, a notice naming the encoding read.

    UTF-8 (with or without a byte-order mark) is read as is. UTF-16 is recognised by its
    byte-order mark. Otherwise the file must decode as Windows-1258 or Windows-1252: 1258 is
    chosen when the bytes that differ are Vietnamese letters and tone marks followed by the
    letters they mark, 1252 when none occur. Text read from 1258 is composed (NFC) so that
    "Công" typed with a combining mark equals "Công" typed as one letter.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        try:
            return data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            pass
        high = [b for b in data if b >= 0x80]
        vietnamese = sum(b in _VIETNAMESE_1258 for b in high)
        encoding = "cp1258" if vietnamese and vietnamese * 4 >= len(high) else "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = _(
            "the file is not UTF-8 and cannot be read as %(encoding)s either; save it as CSV UTF-8"
        )
        raise DataError([RowError(name, line, "", message,
                                  {"encoding": ENCODING_NAMES[encoding]})]) from exc  # fmt: skip
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    notice = RowError(
        name,
        0,
        "",
        _("the file is not UTF-8; it was read as %(encoding)s"),
        {"encoding": ENCODING_NAMES[encoding]},
    )
    return text, notice


def _csv_rows(text: str, most: int | None = None) -> list[list[str]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # a field may be as long as the whole text: the row check below refuses an over-long cell
    # by its line and column instead of csv's "field larger than field limit" (issue 12)
    csv.field_size_limit(max(len(text) + 1, csv.field_size_limit()))
    rows = []
    for r in csv.reader(io.StringIO(text), dialect):
        rows.append([c.strip() for c in r])
        if most is not None and len(rows) > most:
            break
    return rows
