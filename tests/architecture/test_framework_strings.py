from django.utils import translation


def test_framework_messages_shown_on_forms_are_in_lao():
    with translation.override("lo"):
        assert translation.gettext("This field is required.") == "ຕ້ອງປ້ອນຂໍ້ມູນນີ້."


def test_the_login_error_is_translated(client, db):
    client.cookies["django_language"] = "lo"
    page = client.post("/accounts/login/", {"username": "nobody", "password": "x"})
    assert "ກະລຸນາປ້ອນ" in page.content.decode()


def test_numbers_are_grouped_in_every_language():
    from django.contrib.humanize.templatetags.humanize import intcomma

    # Lao as CLDR's lo locale writes it, the same as the report (docs/adr/0005)
    expected = {"en": "2,870,644,184", "vi": "2.870.644.184", "lo": "2.870.644.184"}
    for lang, text in expected.items():
        with translation.override(lang):
            assert intcomma(2870644184) == text
