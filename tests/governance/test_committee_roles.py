"""Issue 27, part 6: each side's Cooperation Committee secretariat approves reallocations for
its side and updates commitments; a line-ministry official updates the commitments its
organisation owns; both read what the government roles read."""

from __future__ import annotations

import pytest

from lienket.core import roles
from lienket.core.models import Role
from lienket.governance import reference
from lienket.governance.models import Commitment
from tests.conftest import _user
from tests.projects.conftest import cited, portfolio  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_the_secretariat_and_the_line_ministry(client_for):
    reference.load()
    secretariat = _user("cc-la", Role.SECRETARIAT, country="LAO", organisation="CC secretariat")
    ministry = _user("mpi", Role.MINISTRY, country="VNM",
                     organisation="Ministry of Planning and Investment (VN)")  # fmt: skip
    other = _user("moh", Role.MINISTRY, country="VNM", organisation="Ministry of Health (VN)")
    assert roles.deciding_side(secretariat) == "LAO" and roles.deciding_side(ministry) is None
    for user in (secretariat, ministry):
        assert roles.can_read_reports(user) and roles.can_read_aid(user)
        assert client_for(user).get("/governance/commitments/").status_code == 200
    wind = Commitment.objects.get(code="c47-power-prices")  # owned by the planning ministry
    assert roles.can_update_commitment(ministry, wind)
    assert not roles.can_update_commitment(other, wind)
    assert roles.can_update_commitment(secretariat, wind)
    response = client_for(other).post(f"/governance/commitments/{wind.code}/",
                                      {"status": "on_track", "note": "x"})  # fmt: skip
    assert response.status_code == 403
    response = client_for(ministry).post(f"/governance/commitments/{wind.code}/",
                                         {"status": "on_track", "note": "Price review begun"})  # fmt: skip
    assert response.status_code == 302
    wind.refresh_from_db()
    assert wind.status == "on_track"


def test_a_secretariat_approves_a_reallocation_for_its_side(portfolio, steward, vn_focal):  # noqa: F811
    from lienket.projects import services
    from lienket.projects.models import ProposalStatus
    from tests.projects.conftest import AS_OF

    secretariat = _user("cc-la2", Role.SECRETARIAT, country="LAO", organisation="CC")
    r = services.propose(2026, steward, on=AS_OF)
    services.decide(r, approve=True, by=vn_focal)
    services.decide(r, approve=True, by=secretariat)
    r.refresh_from_db()
    assert r.status == ProposalStatus.APPROVED
    assert [d.side for d in r.decisions.all()] == ["VNM", "LAO"]
