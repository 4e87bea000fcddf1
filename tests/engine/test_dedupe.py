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
