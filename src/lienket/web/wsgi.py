"""WSGI entry point for any WSGI server (gunicorn, uwsgi, mod_wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienket.web.settings")
application = get_wsgi_application()
