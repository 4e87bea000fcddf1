"""Django settings for lienket. Every variable read here is documented in docs/settings.md."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django.conf.locale
from django.utils.translation import gettext_lazy as _

from lienket.web.env import env_bool, env_int, env_list, env_secret, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("LIENKET_VAR_DIR", str(Path.cwd() / "var"))).resolve()

SECRET_KEY = env_secret("LIENKET_SECRET_KEY", VAR_DIR / "secret_key")
# signs the manifest of every backup (never put in the archive): keep it apart from the backups
LIENKET_BACKUP_KEY = env_secret("LIENKET_BACKUP_KEY", VAR_DIR / "backup_key")
DEBUG = env_bool("LIENKET_DEBUG", False)
ALLOWED_HOSTS = env_list("LIENKET_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("LIENKET_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served by lienket itself (no CDN)
    "axes",
    "django_tasks",
    "django_tasks_db",
    "lienket.core",
    "lienket.registry",
    "lienket.trade",
    "lienket.linkage",
    "lienket.projects",
    "lienket.cooperation",
    "lienket.governance",
    "lienket.reports",
]

MIDDLEWARE = [
    "lienket.core.middleware.ServerTiming",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.common.CommonMiddleware",
    "lienket.core.middleware.RefuseNul",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lienket.core.audit.AuditActor",
    "lienket.core.middleware.IdleTimeout",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lienket.core.middleware.ContentSecurityPolicy",
    "lienket.core.middleware.DatabaseBusy",
    # last, as django-axes asks: it turns a locked-out login into its refusal page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lienket.web.urls"
WSGI_APPLICATION = "lienket.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lienket.core.context.role",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lienket.sqlite3'}"),
        conn_max_age=env_int("LIENKET_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets pages read while a write goes on; a write transaction takes the write lock at
    # BEGIN (IMMEDIATE), so two writers queue for up to the busy timeout instead of failing in
    # the middle with "database is locked"; past it the visitor gets a 503 "busy, try again"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("LIENKET_SQLITE_BUSY_SECONDS", 20),
    }
    # each server thread keeps its connection (opening one, with the PRAGMAs above, cost the
    # session's lookup a tenth of a busy server's time: issue 25); checked before reuse
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # tests run on a file too (one per test worker), so that threads share the database the way
    # a multi-threaded server does, with the same locking (issue 12's concurrency tests)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-lienket.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LIENKET_PASSWORD_MIN_LENGTH = env_int("LIENKET_PASSWORD_MIN_LENGTH", 10)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": LIENKET_PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "lienket.core.passwords.NotNameNorPublished"},
]
# Login protection (django-axes): after this many wrong passwords for one user name from one
# address, that pair is refused for the cool-off time; every failure is in the audit log.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LIENKET_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LIENKET_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after-login"  # the government roles land on "are we on target?"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
# Django ships no Lao locale: declare it so that the language switcher and catalogues know it.
django.conf.locale.LANG_INFO.setdefault(
    "lo", {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"}
)
LANGUAGES = [("en", _("English")), ("vi", _("Vietnamese")), ("lo", _("Lao"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["lienket.web.formats"]
NUMBER_GROUPING = 3  # for locales whose format module leaves it out (vi)
USE_I18N = True
TIME_ZONE = "Asia/Bangkok"  # UTC+7, the time of both Viet Nam and Lao PDR
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STATICFILES_DIRS = [PACKAGE_DIR / "web" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the source tree until `lienket setup` has collected (and compressed) them.
WHITENOISE_USE_FINDERS = DEBUG or not any(STATIC_ROOT.iterdir())
WHITENOISE_AUTOREFRESH = DEBUG

# a request body other than files is held in memory: at most 5 MB of it; an uploaded file above
# 2.5 MB is streamed to a temporary file, never held in memory (issue 12)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# a session ends this many hours after login, and after this many minutes without a request
SESSION_COOKIE_AGE = env_int("LIENKET_SESSION_HOURS", 12) * 3600
LIENKET_SESSION_IDLE_MINUTES = env_int("LIENKET_SESSION_IDLE_MINUTES", 30)
# scripts only from lienket's own static files; styles may be inline (server-drawn SVG charts
# carry style attributes); fonts and logos may be embedded as data: addresses (reports)
LIENKET_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

# Production mode: one switch for a deployment served over HTTPS behind a reverse proxy
# (docs/deployment.md). `lienket check --deploy` reports nothing with it on.
LIENKET_HTTPS = env_bool("LIENKET_HTTPS", False)
# The reverse proxy lienket trusts (its address as lienket sees it, or "*" for any peer): only
# from it does `lienket serve` take the client address (X-Forwarded-For) and the scheme
# (X-Forwarded-Proto); the headers of any other peer are dropped. The server resolves them, so
# Django, the login lock-out and the audit log read the real client in REMOTE_ADDR.
LIENKET_TRUSTED_PROXIES = env_str("LIENKET_TRUSTED_PROXIES", "")
LIENKET_PROXY_COUNT = env_int("LIENKET_PROXY_COUNT", 1)
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
if LIENKET_HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("LIENKET_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("LIENKET_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("LIENKET_HSTS_PRELOAD", True)

# personal API tokens expire this many days after they are issued (a password change revokes them)
LIENKET_TOKEN_DAYS = env_int("LIENKET_TOKEN_DAYS", 90)
# Counters that must hold across processes and servers (the enterprise users' rate limits, the
# API throttles) live in Django's cache: in the database by default (a table `lienket setup`
# makes), or in a shared cache (Redis, memcached) named by these two settings
CACHES = {
    "default": {
        "BACKEND": env_str("LIENKET_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": env_str("LIENKET_CACHE_LOCATION", "lienket_cache"),
    }
}
# issue 24 - what an enterprise user may repeat to learn about other firms, per user
LIENKET_ENTERPRISE_RATES = {
    "search": env_str("LIENKET_ENTERPRISE_SEARCH_RATE", "60/minute"),
    "match": env_str("LIENKET_ENTERPRISE_MATCH_RATE", "60/hour"),
}
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "lienket.core.tokens.HashedTokenAuthentication",
        # Basic auth sends the password with every request (and hashes it every time): off
        # unless a deployment asks for it
        *(
            ["rest_framework.authentication.BasicAuthentication"]
            if env_bool("LIENKET_API_BASIC_AUTH", False)
            else []
        ),
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("LIENKET_API_ANON_RATE", "60/minute"),
        "user": env_str("LIENKET_API_USER_RATE", "3000/minute"),
    },
    "DEFAULT_PERMISSION_CLASSES": ["lienket.core.permissions.RegistryReader"],
    "DEFAULT_PAGINATION_CLASS": "lienket.core.api.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "lienket.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "lienket API",
    "DESCRIPTION": "Registry of the Viet Nam - Lao PDR industrial linkage chain.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # several models have a "status" with its own choices: each enum keeps its own name
    "ENUM_NAME_OVERRIDES": {"MatchStatusEnum": "lienket.linkage.models.MatchStatus"},
    # the API docs page (/api/docs/) loads Swagger UI from lienket's own static files
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lienket.core.openapi.document_errors",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LIENKET_LOG_LEVEL", "WARNING")},
}
LIENKET_TRADE_DIR = Path(env_str("LIENKET_TRADE_DIR", str(VAR_DIR / "trade"))).resolve()
LIENKET_COUNTRIES = [c.upper() for c in env_list("LIENKET_COUNTRIES", ["VNM", "LAO"])]
# the pair's countries are one choice set wherever the API names a country
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["CountryEnum"] = LIENKET_COUNTRIES
# which source a turnover figure comes from when several give it (first wins; never summed)
LIENKET_TURNOVER_PRECEDENCE = env_list(
    "LIENKET_TURNOVER_PRECEDENCE", ["published", "customs", "comtrade", "baci"]
)
# the growth band applied to a year without a target recorded for it, stated as a default on
# every page ("low,high" as shares, e.g. "0.10,0.15"); empty: such a year has no band
_band = env_list("LIENKET_DEFAULT_TRADE_BAND", ["0.10", "0.15"])
LIENKET_DEFAULT_TRADE_BAND = (float(_band[0]), float(_band[1])) if len(_band) == 2 else None
#: a published figure beyond this ratio of its previous release, its mirror or the year before
#: (either way) is kept only when its entry is confirmed (issue 27)
LIENKET_FIGURE_JUMP_FACTOR = float(env_str("LIENKET_FIGURE_JUMP_FACTOR", "3"))
# uploaded files waiting for a background import (removed once imported or refused)
LIENKET_UPLOAD_DIR = Path(env_str("LIENKET_UPLOAD_DIR", str(VAR_DIR / "uploads"))).resolve()
# "thread": each web server process runs queued jobs (imports, trade files, reports) in a thread
# of its own (no extra process; the single-process default); "external": they wait for the one
# `lienket work` process (several app servers, see docs/deployment.md)
LIENKET_IMPORT_WORKER = env_str("LIENKET_IMPORT_WORKER", "thread")
# a Server-Timing header with the time spent on each answer (benchmarks/load.py); off by default
LIENKET_SERVER_TIMING = env_bool("LIENKET_SERVER_TIMING", False)
# the one queue of background work: django-tasks with its database backend (the jobs' table is
# django_tasks_db's), one queue per kind of job so `lienket trade work` can run only trade files
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["imports", "trade", "reports"],
    }
}
# what one imported table (enterprises, relationships, projects, work plans) may cost: its size
# in MB, its data rows, and for an XLSX how far it may unpack (times its size, and MB); checked
# before the file is parsed (issue 12)
LIENKET_IMPORT_MAX_MB = env_int("LIENKET_IMPORT_MAX_MB", 20)
LIENKET_IMPORT_MAX_ROWS = env_int("LIENKET_IMPORT_MAX_ROWS", 100_000)
LIENKET_ZIP_MAX_RATIO = env_int("LIENKET_ZIP_MAX_RATIO", 100)
LIENKET_ZIP_MAX_MB = env_int("LIENKET_ZIP_MAX_MB", 400)
# a web import running longer than this is stopped (nothing of it is saved)
LIENKET_IMPORT_TIME_LIMIT_SECONDS = env_int("LIENKET_IMPORT_TIME_LIMIT_SECONDS", 600)
# how long the import page waits for a small file's result before showing its progress page
LIENKET_IMPORT_WAIT_SECONDS = env_int("LIENKET_IMPORT_WAIT_SECONDS", 5)
# a trade file uploaded on the web whose import runs longer than this is stopped
LIENKET_TRADE_TIME_LIMIT_SECONDS = env_int("LIENKET_TRADE_TIME_LIMIT_SECONDS", 3600)
# the largest trade file accepted on the web, in MB (the command line has no limit)
LIENKET_TRADE_UPLOAD_MAX_MB = env_int("LIENKET_TRADE_UPLOAD_MAX_MB", 1024)
# what one trade archive (a BACI release) may unpack to in all; never more than the free disk
LIENKET_TRADE_UNZIPPED_MAX_MB = env_int("LIENKET_TRADE_UNZIPPED_MAX_MB", 32 * 1024)
# what one DuckDB connection (a thread's trade queries) may hold in memory before it spills
LIENKET_DUCKDB_MEMORY_MB = env_int("LIENKET_DUCKDB_MEMORY_MB", 512)
# the organisation that publishes this installation's IATI exports: its IATI organisation
# identifier ({registration agency}-{number}), OrganisationType code and name. The default is
# a placeholder that says so; a deployment sets its own.
LIENKET_IATI_ORG_REF = env_str("LIENKET_IATI_ORG_REF", "XI-LIENKET-DEMO")
LIENKET_IATI_ORG_TYPE = env_str("LIENKET_IATI_ORG_TYPE", "10")
LIENKET_IATI_ORG_NAME = env_str(
    "LIENKET_IATI_ORG_NAME", "lienket demonstration installation (not a registered publisher)"
)
# uploaded meeting minutes; served only through the cooperation pages, never as static files
MEDIA_ROOT = VAR_DIR / "media"
# the address the public reaches this installation at; printed on certificates for verification
# the Lao font of documents (report PDF and DOCX, certificates): Noto Sans Lao (embedded, the
# default) or Phetsarath OT, the Lao government's standard font (Debian's fonts-lao)
LIENKET_LAO_FONT = env_str("LIENKET_LAO_FONT", "Noto Sans Lao")
LIENKET_PUBLIC_URL = env_str("LIENKET_PUBLIC_URL", "http://127.0.0.1:8000")
# mail (reminders): printed to the console unless a mail server is set
EMAIL_BACKEND = env_str("LIENKET_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("LIENKET_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("LIENKET_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("LIENKET_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("LIENKET_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("LIENKET_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("LIENKET_EMAIL_FROM", "lienket@localhost")
