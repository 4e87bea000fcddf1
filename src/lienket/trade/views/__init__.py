"""Trade pages: thin views over :mod:`lienket.trade.tables`; every table can be downloaded.

Official trade statistics are public, so the trade pages are open to every visitor, as the
published figures on the home page are.
"""

from lienket.trade.views.analysis import (
    advantage,
    data,
    opportunities,
    sectors,
)
from lienket.trade.views.common import (
    download,
    param_float,
    param_int,
)
from lienket.trade.views.dashboard import (
    Found,
    dashboard,
)
from lienket.trade.views.files import (
    figure_history,
    figures_page,
    import_detail,
    imports_page,
)

__all__ = [
    "Found",
    "advantage",
    "dashboard",
    "data",
    "download",
    "figure_history",
    "figures_page",
    "import_detail",
    "imports_page",
    "opportunities",
    "param_float",
    "param_int",
    "sectors",
]
