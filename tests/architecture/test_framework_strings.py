from django.utils import translation


def test_framework_messages_shown_on_forms_are_in_lao():
    with translation.override("lo"):
        assert translation.gettext("This field is required.") == "ຕ້ອງປ້ອນຂໍ້ມູນນີ້."


def test_the_login_error_is_translated(client, db):
    client.cookies["django_language"] = "lo"
    page = client.post("/accounts/login/", {"username": "nobody", "password": "x"})
    assert "ກະລຸນາປ້ອນ" in page.content.decode()
