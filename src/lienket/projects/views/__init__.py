"""Projects pages: thin views that check the role, call a service, and render."""

from lienket.projects.views.imports import (
    iati_export,
    iati_import_page,
    import_page,
    import_template,
)
from lienket.projects.views.maps import (
    map_data,
    map_page,
)
from lienket.projects.views.monitoring import (
    monitoring_page,
    power_page,
)
from lienket.projects.views.projects import (
    EVN_STATEMENTS,
    PAGE,
    PUBLISHED,
    SKIP,
    SOURCE_TEXT,
    facts,
    filtered,
    project_create,
    project_detail,
    project_edit,
    project_export,
    project_list,
)
from lienket.projects.views.reallocation import (
    rate_list,
    reallocation_comment,
    reallocation_decide,
    reallocation_detail,
    reallocation_list,
)

__all__ = [
    "EVN_STATEMENTS",
    "PAGE",
    "PUBLISHED",
    "SKIP",
    "SOURCE_TEXT",
    "facts",
    "filtered",
    "iati_export",
    "iati_import_page",
    "import_page",
    "import_template",
    "map_data",
    "map_page",
    "monitoring_page",
    "power_page",
    "project_create",
    "project_detail",
    "project_edit",
    "project_export",
    "project_list",
    "rate_list",
    "reallocation_comment",
    "reallocation_decide",
    "reallocation_detail",
    "reallocation_list",
]
