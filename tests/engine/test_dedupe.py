from lienket.engine.dedupe import NamedFirm, core_name, likely_duplicates


def test_core_name_drops_legal_forms_in_three_languages():
    assert core_name("Công ty TNHH Xi măng Hồng Lĩnh") == "xi mang hong linh"
    assert core_name("Hong Linh Cement Co., Ltd") == "hong linh cement"
    assert core_name("ບໍລິສັດ ຊີມັງ ລາວ ຈຳກັດ") == "ຊີມັງ ລາວ"


def test_it_flags_a_similar_name_in_the_same_province_only():
    existing = [
        NamedFirm("1", "VNM:42", ("Công ty TNHH Xi măng Hồng Lĩnh",)),
        NamedFirm("2", "VNM:40", ("Công ty TNHH Xi măng Hồng Lĩnh",)),
    ]
    new = [NamedFirm("9", "VNM:42", ("CONG TY CO PHAN XI MANG HONG LINH",))]
    pairs = likely_duplicates(new, existing)
    assert [(p.a, p.b) for p in pairs] == [("9", "1")]
    assert pairs[0].score == 100.0


def test_it_does_not_flag_different_firms_sharing_only_legal_words():
    existing = [NamedFirm("1", "VNM:42", ("Công ty TNHH Thép An Phát",))]
    new = [NamedFirm("9", "VNM:42", ("Công ty TNHH Cà phê Bình Minh",))]
    assert likely_duplicates(new, existing) == []


def test_it_compares_new_firms_with_each_other():
    new = [
        NamedFirm("a", "LAO:LA-VT", ("Sengaloun Cement Co., Ltd",)),
        NamedFirm("b", "LAO:LA-VT", ("Sengaloun Cement Company Limited",)),
    ]
    assert [(p.a, p.b) for p in likely_duplicates(new, [])] == [("b", "a")]


def test_names_that_differ_only_in_a_number_are_different_firms():
    existing = [NamedFirm("1", "VNM:01", ("Công ty Xây dựng Số 1",))]
    new = [NamedFirm("9", "VNM:01", ("Công ty Xây dựng Số 2",))]
    assert likely_duplicates(new, existing) == []


def test_the_check_holds_at_100000_firms_without_comparing_every_pair():
    # issue 12 - the check used to compare every pair of firms in a province (quadratic)
    import random

    rng = random.Random(12)
    syllables = ["an", "binh", "cuong", "dung", "giang", "hai", "hung", "khanh", "lam", "long",
                 "minh", "nam", "phat", "phuc", "quang", "son", "tan", "thanh", "tien", "trung",
                 "viet", "vinh", "xuan", "bao", "duc", "hoa", "kim", "loc", "my", "ngoc"]  # fmt: skip
    trades = ["thep", "xi mang", "go", "cao su", "ca phe", "dien", "van tai", "det may"]
    firms = []
    for i in range(100_000):
        name = f"Cong ty {rng.choice(trades)} {' '.join(rng.sample(syllables, 3))}"
        firms.append(NamedFirm(f"e{i}", f"P{i % 4}", (name,)))
    # ten new firms, each a near copy of a registered one (one letter doubled)
    new = [
        NamedFirm(f"n{k}", firms[k * 9_973].province,
                  (firms[k * 9_973].names[0].replace("a", "aa", 1),))
        for k in range(10)
    ]  # fmt: skip
    stats: dict[str, int] = {}
    pairs = likely_duplicates(new, firms, threshold=90, stats=stats)
    assert {(p.a, p.b) for p in pairs} >= {(f"n{k}", f"e{k * 9_973}") for k in range(10)}
    # 25,000 firms share each province: comparing all would be 250,000 names for ten firms
    assert stats["compared"] < 10 * 2_000
