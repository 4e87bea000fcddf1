from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from lienket.core import hslao, importpages
from lienket.core import views as core_views
from lienket.projects import api as projects_api
from lienket.registry import api
from lienket.web import auditlog, landing, translating

router = DefaultRouter()
router.register("enterprises", api.EnterpriseViewSet, basename="api-enterprise")
router.register("zones", api.ZoneViewSet, basename="api-zone")
router.register("relationships", api.RelationshipViewSet, basename="api-relationship")
router.register("projects", projects_api.ProjectViewSet, basename="api-project")
router.register("reallocations", projects_api.ReallocationViewSet, basename="api-reallocation")

urlpatterns = [
    path("", include("lienket.registry.urls")),
    path("", include("lienket.trade.urls")),
    path("", include("lienket.linkage.urls")),
    path("", include("lienket.projects.urls")),
    path("", include("lienket.cooperation.urls")),
    path("", include("lienket.governance.urls")),
    path("", include("lienket.reports.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", core_views.account, name="account"),
    path("audit/", auditlog.audit_log, name="audit-log"),
    path("on-target/", landing.on_target, name="on-target"),
    path("translations/", translating.page, name="translations"),
    path("welcome/", landing.after_login, name="after-login"),
    path("hs/lao/", hslao.page, name="hs-lao"),
    path("hs/lao/template.xlsx", hslao.template, name="hs-lao-template"),
    path("imports/<int:pk>/", importpages.job_page, name="import-job-page"),
    path("imports/<int:pk>/problems.xlsx", importpages.job_errors, name="import-job-problems"),
    path(
        "accounts/password/",
        core_views.PasswordChange.as_view(
            extra_context={"min_length": settings.LIENKET_PASSWORD_MIN_LENGTH}
        ),
        name="password_change",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/public/summary/", api.PublicSummary.as_view(), name="api-public-summary"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI with its start-up script as a file of its own: no inline script, so the page
    # keeps the Content-Security-Policy of every other page
    path(
        "api/docs/",
        login_required(SpectacularSwaggerSplitView.as_view(url_name="api-schema")),
        name="api-docs",
    ),
    path("api/", include(router.urls)),
]

handler400 = "lienket.core.views.bad_request"
handler404 = "lienket.core.views.not_found"
handler500 = "lienket.core.views.server_error"
