"""Read a CSV or XLSX file into header-checked rows of strings.

Files are taken as offices publish them: title rows above the header, merged cells, extra
columns, CSV in UTF-16 or a Windows code page. Every such reading is stated as a notice; every
row keeps its 1-based spreadsheet line number so that errors and notices can name it.
"""

from lienket.engine.io.tabular.cells import (
    INVISIBLE,
    MERGED_CELLS_LIMIT,
    Imported,
    Table,
)
from lienket.engine.io.tabular.limits import (
    Limits,
    check_zip,
    set_limits,
)
from lienket.engine.io.tabular.reading import (
    read_table,
)
from lienket.engine.io.tabular.text import (
    ENCODING_NAMES,
    decode_text,
)
from lienket.engine.io.tabular.xlsx import (
    TITLE_ROWS_LIMIT,
)

__all__ = [
    "ENCODING_NAMES",
    "INVISIBLE",
    "MERGED_CELLS_LIMIT",
    "TITLE_ROWS_LIMIT",
    "Imported",
    "Limits",
    "Table",
    "check_zip",
    "decode_text",
    "read_table",
    "set_limits",
]
