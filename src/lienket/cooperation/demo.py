"""The cooperation demo: a 2025–2026 work plan, meetings with decisions, two training
programmes with courses, sessions and nominations. Everything here is FICTIONAL (people,
activities, dates, decisions); the two ministries and focal institutes are the MoU's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from lienket.cooperation.models import (
    Activity,
    ActivityStatus,
    Course,
    Decision,
    GroupRole,
    Meeting,
    Member,
    Nomination,
    Organisation,
    PlanStatus,
    ProgressNote,
    Session,
    Side,
    Trainee,
    TraineeKind,
    TrainingProgramme,
    WorkPlan,
)
from lienket.registry.models import Enterprise

#: organisations of the MoU (real bodies; the demo's records about them are not)
ORGANISATIONS = [
    (
        "moit",
        "VNM",
        "Ministry of Industry and Trade of Viet Nam",
        "Bộ Công Thương",
        "ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ ຫວຽດນາມ",
    ),
    (
        "vioit",
        "VNM",
        "VIOIT (Viet Nam focal point)",
        "VIOIT (cơ quan đầu mối Việt Nam)",
        "VIOIT (ຈຸດປະສານງານ ຫວຽດນາມ)",
    ),
    (
        "moic",
        "LAO",
        "Ministry of Industry and Commerce of Lao PDR",
        "Bộ Công Thương Lào",
        "ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ",
    ),
    (
        "iice",
        "LAO",
        "IICE (Lao focal point)",
        "IICE (cơ quan đầu mối Lào)",
        "IICE (ຈຸດປະສານງານ ລາວ)",
    ),
    (
        "doic-svk",
        "LAO",
        "Savannakhet Department of Industry and Commerce",
        "Sở Công Thương Savannakhet",
        "ພະແນກອຸດສາຫະກຳ ແລະ ການຄ້າ ແຂວງສະຫວັນນະເຂດ",
    ),
    (
        "doit-qt",
        "VNM",
        "Quang Tri Department of Industry and Trade",
        "Sở Công Thương Quảng Trị",
        "ພະແນກອຸດສາຫະກຳ ແລະ ການຄ້າ ແຂວງກວາງຈີ",
    ),
]
MEMBERS = [
    ("Nguyễn Văn An", "", "VNM", "vioit", GroupRole.CO_CHAIR, "Director", "vioit"),
    ("Trần Thị Bình", "", "VNM", "vioit", GroupRole.SECRETARIAT, "Researcher", None),
    ("Lê Minh Châu", "", "VNM", "moit", GroupRole.MEMBER, "Deputy director", None),
    (
        "Somphone Vongsavanh",
        "ສົມພອນ ວົງສະຫວັນ",
        "LAO",
        "iice",
        GroupRole.CO_CHAIR,
        "Director general",
        "iice",
    ),
    ("Khamla Phommachanh", "ຄຳຫຼ້າ ພົມມະຈັນ", "LAO", "iice", GroupRole.SECRETARIAT, "Officer", None),
    ("Bounmy Sisouk", "ບຸນມີ ສີສຸກ", "LAO", "moic", GroupRole.MEMBER, "Deputy director", None),
]
#: number, English, Vietnamese, Lao, lead, organisation, start and due (days from plan start),
#: done after (days) or None, chain
ACTIVITIES = [
    (
        "1.1",
        "Agree the list of priority value chains",
        "Thống nhất danh mục chuỗi giá trị ưu tiên",
        "ຕົກລົງບັນຊີລາຍຊື່ຕ່ອງໂສ້ມູນຄ່າບູລິມະສິດ",
        "joint",
        "vioit",
        0,
        60,
        55,
        "",
    ),
    (
        "1.2",
        "Exchange 2024 customs data by HS6",
        "Trao đổi số liệu hải quan 2024 theo HS6",
        "ແລກປ່ຽນຂໍ້ມູນພາສີ 2024 ຕາມ HS6",
        "joint",
        "iice",
        15,
        120,
        130,
        "",
    ),
    (
        "2.1",
        "Survey coffee processors in Champasak",
        "Khảo sát doanh nghiệp chế biến cà phê tại Champasak",
        "ສຳຫຼວດຜູ້ປຸງແຕ່ງກາເຟ ຢູ່ແຂວງຈຳປາສັກ",
        "LAO",
        "iice",
        60,
        240,
        None,
        "agro",
    ),
    (
        "2.2",
        "Buyer–supplier meeting for cassava starch",
        "Kết nối cung cầu tinh bột sắn",
        "ກອງປະຊຸມເຊື່ອມໂຍງຜູ້ຊື້-ຜູ້ສະໜອງແປ້ງມັນຕົ້ນ",
        "VNM",
        "doit-qt",
        90,
        300,
        310,
        "agro",
    ),
    (
        "3.1",
        "Feasibility note for the pilot industrial park",
        "Báo cáo tiền khả thi khu công nghiệp thí điểm",
        "ບົດລາຍງານຄວາມເປັນໄປໄດ້ ນິຄົມອຸດສາຫະກຳນຳຮ່ອງ",
        "VNM",
        "vioit",
        120,
        420,
        None,
        "",
    ),
    (
        "3.2",
        "Border-gate logistics review at Lao Bao – Dansavanh",
        "Rà soát logistics cửa khẩu Lao Bảo – Densavanh",
        "ທົບທວນການຂົນສົ່ງ ດ່ານແດນສາກົນ ແດນສະຫວັນ-ລາວບາວ",
        "LAO",
        "doic-svk",
        150,
        330,
        None,
        "",
    ),
    (
        "4.1",
        "Training on food-safety standards for exporters",
        "Đào tạo tiêu chuẩn an toàn thực phẩm cho doanh nghiệp xuất khẩu",
        "ຝຶກອົບຮົມມາດຕະຖານຄວາມປອດໄພອາຫານ ສຳລັບຜູ້ສົ່ງອອກ",
        "VNM",
        "vioit",
        200,
        380,
        375,
        "agro",
    ),
    (
        "4.2",
        "Training on trade statistics for Lao officials",
        "Đào tạo thống kê thương mại cho cán bộ Lào",
        "ຝຶກອົບຮົມສະຖິຕິການຄ້າ ສຳລັບພະນັກງານລາວ",
        "VNM",
        "vioit",
        240,
        520,
        None,
        "",
    ),
    (
        "5.1",
        "Joint report to the two ministers (2025)",
        "Báo cáo chung gửi hai Bộ trưởng (2025)",
        "ບົດລາຍງານຮ່ວມ ສະເໜີສອງລັດຖະມົນຕີ (2025)",
        "joint",
        "iice",
        300,
        365,
        362,
        "",
    ),
    (
        "5.2",
        "Joint report to the two ministers (2026)",
        "Báo cáo chung gửi hai Bộ trưởng (2026)",
        "ບົດລາຍງານຮ່ວມ ສະເໜີສອງລັດຖະມົນຕີ (2026)",
        "joint",
        "vioit",
        660,
        729,
        None,
        "",
    ),
]


@dataclass(frozen=True)
class Loaded:
    activities: int
    meetings: int
    nominations: int


@transaction.atomic
def load(progress: Callable[[str, int, int], None] | None = None) -> Loaded | None:
    """Load the demo once; ``None`` when it is there already."""
    if WorkPlan.objects.filter(code="jwg-2025-2026").exists():
        return None
    report = progress or (lambda stage, done, total: None)
    orgs = {}
    for code, side, en, vi, lo in ORGANISATIONS:
        orgs[code], _c = Organisation.objects.get_or_create(
            code=code, defaults={"side": side, "name_en": en, "name_vi": vi, "name_lo": lo}
        )
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["vioit", "iice"])}
    members = []
    for name, name_lo, side, org, role, position, username in MEMBERS:
        members.append(
            Member.objects.create(
                name=name, name_lo=name_lo, side=side, organisation=orgs[org], group_role=role,
                position=position, user=users.get(username or ""), fictional=True,
                email=f"{slugify(name.split()[-1])}@example.org",
            )
        )  # fmt: skip
    report("working group (fictional)", 1, 4)
    start = date(2025, 1, 1)
    plan = WorkPlan.objects.create(
        code="jwg-2025-2026", title_en="Joint working group work plan 2025–2026",
        title_vi="Kế hoạch công tác Tổ công tác chung 2025–2026",
        title_lo="ແຜນວຽກຂອງຄະນະເຮັດວຽກຮ່ວມ 2025–2026",
        start=start, end=date(2026, 12, 31), status=PlanStatus.AGREED,
        agreed_vn_by="vioit", agreed_la_by="iice", fictional=True,
    )  # fmt: skip
    WorkPlan.objects.filter(pk=plan.pk).update(agreed_vn=plan.created, agreed_la=plan.created)
    acts = {}
    for number, en, vi, lo, lead, org, s, d, done, chain in ACTIVITIES:
        acts[number] = Activity.objects.create(
            plan=plan, number=number, title_en=en, title_vi=vi, title_lo=lo, lead=lead,
            organisation=orgs[org], start=start + timedelta(days=s),
            due=start + timedelta(days=d), chain=chain, fictional=True,
            status=ActivityStatus.DONE if done is not None else ActivityStatus.OPEN,
            done_on=start + timedelta(days=done) if done is not None else None,
        )  # fmt: skip
    for number, day, pct, text in [
        ("2.1", 150, 60, "Questionnaire sent to 40 processors; 24 answered."),
        ("2.2", 200, 20, "Venue agreed; buyers not yet confirmed."),
        ("3.1", 300, 70, "Draft circulated to both sides."),
        ("3.2", 250, 15, "Data on waiting times requested from customs."),
    ]:
        ProgressNote.objects.create(
            activity=acts[number], date=start + timedelta(days=day), percent=pct, text=text,
            author="secretariat", fictional=True,
        )  # fmt: skip
    report("work plan 2025–2026 (fictional)", 2, 4)
    first = Meeting.objects.create(
        date=date(2025, 3, 20), place="Vientiane", title="Joint working group, first meeting",
        agenda="1. Work plan 2025–2026\n2. Priority chains\n3. Data exchange", fictional=True,
        other_participants="Representatives of the two embassies",
    )  # fmt: skip
    second = Meeting.objects.create(
        date=date(2025, 11, 12), place="Hà Nội", title="Joint working group, second meeting",
        agenda="1. Progress of the plan\n2. Pilot industrial park\n3. Training 2026",
        fictional=True,
    )  # fmt: skip
    first.participants.set(members)
    second.participants.set(members[:2] + members[3:5])
    Decision.objects.create(meeting=first, number=1, text="The work plan 2025–2026 is agreed.",
                            side=Side.JOINT, fictional=True)  # fmt: skip
    Decision.objects.create(
        meeting=first, number=2, text="Customs data by HS6 are exchanged before May.",
        side=Side.JOINT, organisation=orgs["iice"], due=date(2025, 5, 1), activity=acts["1.2"],
        fictional=True,
    )  # fmt: skip
    Decision.objects.create(
        meeting=second, number=1, text="The feasibility note is finished before the 2026 meeting.",
        side=Side.VIET_NAM, organisation=orgs["vioit"], due=date(2026, 2, 25),
        activity=acts["3.1"], fictional=True,
    )  # fmt: skip
    Decision.objects.create(
        meeting=second, number=2, text="The Lao side nominates trainees for the 2026 courses.",
        side=Side.LAO, organisation=orgs["iice"], due=date(2026, 1, 31), fictional=True,
    )  # fmt: skip
    report("meetings (fictional)", 3, 4)
    food = TrainingProgramme.objects.create(
        code="food-safety", title_en="Food safety for agro-processing exporters",
        title_vi="An toàn thực phẩm cho doanh nghiệp chế biến nông sản xuất khẩu",
        title_lo="ຄວາມປອດໄພອາຫານ ສຳລັບຜູ້ປຸງແຕ່ງກະສິກຳເພື່ອສົ່ງອອກ",
        chain="agro", organiser=orgs["vioit"], fictional=True,
    )  # fmt: skip
    stats = TrainingProgramme.objects.create(
        code="trade-stats", title_en="Trade statistics for officials",
        title_vi="Thống kê thương mại cho cán bộ quản lý",
        title_lo="ສະຖິຕິການຄ້າ ສຳລັບພະນັກງານ", organiser=orgs["vioit"], fictional=True,
    )  # fmt: skip
    acts["4.1"].programme = food
    acts["4.1"].save()
    acts["4.2"].programme = stats
    acts["4.2"].save()
    coffee = Course.objects.create(
        programme=food, code="fs-2025-coffee", title_vi="Chế biến cà phê đặc sản và an toàn thực phẩm",
        title_lo="ການປຸງແຕ່ງກາເຟພິເສດ ແລະ ຄວາມປອດໄພອາຫານ",
        title_en="Specialty coffee processing and food safety", topic="HACCP, roasting, grading",
        chain="agro", place="Pakse", language="vi+lo", start=date(2025, 9, 8),
        end=date(2025, 9, 12), capacity=20, fictional=True,
    )  # fmt: skip
    hs = Course.objects.create(
        programme=stats, code="ts-2026-hs", title_vi="Phân loại HS và số liệu thương mại song phương",
        title_lo="ການຈັດໝວດ HS ແລະ ຂໍ້ມູນການຄ້າສອງຝ່າຍ",
        title_en="HS classification and bilateral trade data", topic="HS 2022, mirror statistics",
        place="Hà Nội", language="vi+lo", start=date(2026, 12, 7), end=date(2026, 12, 11),
        capacity=12, fictional=True,
    )  # fmt: skip
    for course in (coffee, hs):
        for i, topic in enumerate(("Opening and standards", "Practice", "Assessment")):
            Session.objects.create(
                course=course, date=course.start + timedelta(days=i * 2), topic=topic,
                place=course.place, fictional=True,
            )  # fmt: skip

    lao_firm = Enterprise.objects.filter(country="LAO").order_by("-fictional", "pk").first()
    trainees = [
        Trainee.objects.create(name=n, name_lo=lo, kind=k, organisation=org, fictional=True,
                               enterprise=lao_firm if k == TraineeKind.ENTERPRISE else None)
        for n, lo, k, org in [
            ("Souksavanh Keomany", "ສຸກສະຫວັນ ແກ້ວມະນີ", TraineeKind.ENTERPRISE, "coffee processor"),
            ("Phonesavanh Inthavong", "ພອນສະຫວັນ ອິນທະວົງ", TraineeKind.OFFICIAL, "DoIC Champasak"),
            ("Vilayphone Sengdara", "ວິໄລພອນ ແສງດາລາ", TraineeKind.OFFICIAL, "IICE"),
            ("Noy Chanthavong", "ນ້ອຍ ຈັນທະວົງ", TraineeKind.OFFICIAL, "MOIC statistics"),
        ]
    ]  # fmt: skip
    nominations = 0
    for t in trainees[:3]:
        n = Nomination.objects.create(course=coffee, trainee=t, nominated_by="iice",
                                      fictional=True)  # fmt: skip
        n.attended.set(coffee.sessions.all())
        n.completed = coffee.end
        n.certificate = f"LK-DEMO-{nominations + 1:04d}"
        n.save()
        nominations += 1
    Nomination.objects.create(course=hs, trainee=trainees[3], nominated_by="iice", fictional=True)
    report("training (fictional)", 4, 4)
    return Loaded(len(acts), 2, nominations + 1)
