"""lienket's URLs and one that fails, to see the 500 page (ROOT_URLCONF in a test)."""

from django.urls import path

from lienket.web.urls import handler400, handler500
from lienket.web.urls import urlpatterns as site


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("__boom__/", boom), *site]
__all__ = ["handler400", "handler500", "urlpatterns"]
