"""Issue 26, part 7: the working group's members and a course's trainees are listed in the
reader's alphabet (CLDR collation): Đ after D in Vietnamese, a Lao name under its consonant."""

from __future__ import annotations

import pytest

from lienket.cooperation import selectors
from lienket.cooperation.models import GroupRole, Member, Organisation

pytestmark = pytest.mark.django_db


def _members():
    org = Organisation.objects.create(code="test-org", side="VNM", name_en="Test ministry")
    for name, lo, role in (("Zung Văn", "", GroupRole.MEMBER),
                           ("Đặng Thị", "", GroupRole.MEMBER),
                           ("Dương Văn", "", GroupRole.MEMBER),
                           ("Vilay Phommachanh", "ວິໄລ ພົມມະຈັນ", GroupRole.MEMBER),
                           ("Keo Sisouk", "ແກ້ວ ສີສຸກ", GroupRole.MEMBER),
                           ("Anh Chair", "", GroupRole.CO_CHAIR)):  # fmt: skip
        Member.objects.create(name=name, name_lo=lo, side="VNM", organisation=org,
                              group_role=role)  # fmt: skip


def test_members_in_the_readers_alphabet_after_their_role(client_for, vn_focal):
    _members()
    people = Member.objects.filter(organisation__code="test-org")
    order = list(GroupRole.values)
    vi = selectors.in_reader_order(people, "vi", first=lambda m: order.index(m.group_role))
    names = [m.name for m in vi]
    assert names[0] == "Anh Chair"  # the co-chair first, whatever the alphabet
    assert names.index("Dương Văn") < names.index("Đặng Thị") < names.index("Zung Văn")
    assert sorted(["Đặng Thị", "Zung Văn"]) == ["Zung Văn", "Đặng Thị"]  # code points fail
    lo = [selectors.person_name(m, "lo") for m in selectors.in_reader_order(people, "lo")]
    # ແ (a vowel written before its consonant) sorts under ກ, before ວ
    assert lo.index("ແກ້ວ ສີສຸກ") < lo.index("ວິໄລ ພົມມະຈັນ")
    assert sorted(["ແກ້ວ ສີສຸກ", "ວິໄລ ພົມມະຈັນ"])[0] == "ວິໄລ ພົມມະຈັນ"  # code points fail
    client = client_for(vn_focal)
    client.cookies["django_language"] = "vi"
    page = client.get("/cooperation/group/").content.decode()
    assert page.index("Dương Văn") < page.index("Đặng Thị") < page.index("Zung Văn")
