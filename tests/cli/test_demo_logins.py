"""``serve`` prints the demo logins only while the demo password still opens the demo steward."""

from django.contrib.auth import get_user_model

from lienket.cli.setup import demo_logins_active
from lienket.core.passwords import DEMO_PASSWORD


def test_demo_logins_are_printed_only_while_they_work(db):
    assert not demo_logins_active()
    admin = get_user_model().objects.create_user("admin", password=DEMO_PASSWORD)
    assert demo_logins_active()
    admin.set_password("a-long-deployment-passphrase")
    admin.save()
    assert not demo_logins_active()
