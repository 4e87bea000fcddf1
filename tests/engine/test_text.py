from lienket.engine.text import fold, search_key, words


def test_it_folds_vietnamese_diacritics_and_d_bar():
    assert fold("Công ty TNHH Xi Măng Đông Hải") == "cong ty tnhh xi mang dong hai"


def test_it_keeps_lao_vowels_and_tone_marks():
    assert fold("ບໍລິສັດ ຊີມັງ") == "ບໍລິສັດ ຊີມັງ"


def test_it_cuts_lao_text_into_dictionary_words():
    assert words("ບໍລິສັດຜະລິດຊີມັງລາວ") == ["ບໍລິສັດ", "ຜະລິດ", "ຊີມັງ", "ລາວ"]


def test_search_key_has_each_word_once_between_spaces():
    key = search_key("Xi măng Hà Tiên", "Xi Mang Ha Tien")
    assert key == " xi mang ha tien "
    assert search_key("") == ""
