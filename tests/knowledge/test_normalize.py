"""Normalization: width, script, punctuation, fillers, synonyms, homophone repair, tickets."""

from __future__ import annotations

from knowledge.intents import find_ticket
from knowledge.normalize import PinyinRepair, Replacer, basic, phrase_pattern, strip_phrases

COMMON = {"虎口": 216, "一包": 364, "时间": 50000}


def is_common(word: str) -> bool:
    return COMMON.get(word, 0) >= 100


def test_basic_folds_width_case_script_and_punctuation() -> None:
    assert basic("ＢＭ２０２６１１２１－０００７") == "bm20261121 0007"
    assert basic("戶口，怎麼遷？？") == "户口 怎么迁"
    assert basic("申請低保要帶什麼證件！！😀") == "申请低保要带什么证件"
    assert basic("  低保\t\n 材料 ") == "低保 材料"
    assert basic("") == ""


def test_simplified_text_is_left_alone() -> None:
    text = "老年人优待证在哪里办理"
    assert basic(text) == text


def test_dialect_words_become_mandarin() -> None:
    assert basic("我嘅申請批咗未？") == "我的申请批了未"  # Cantonese
    assert basic("辦事大廳喺邊度") == "办事大厅在哪里"
    assert basic("唔該晒") == "谢谢"
    assert basic("阮厝欲翻起") == "我们房子要翻起"  # Minnan
    # Mandarin words made of the same characters stay: 旁边, 几点, 系统
    assert basic("旁边几点系统") == "旁边几点系统"


def test_replacer_prefers_the_longest_phrase_in_one_pass() -> None:
    synonyms = Replacer(
        {"老兵": "退役军人", "当过兵": "退役军人", "新农合": "医保", "农合": "合作"}
    )
    text, applied = synonyms.apply("我爸是老兵，新农合怎么交")
    assert text == "我爸是退役军人，医保怎么交"
    assert applied == [("老兵", "退役军人"), ("新农合", "医保")]
    assert Replacer({}).apply("原样") == ("原样", [])


def test_fillers_are_removed_without_fusing_neighbours() -> None:
    pattern = phrase_pattern(["请问", "请问一下", "麻烦"])
    assert strip_phrases("请问一下低保要什么", pattern) == "低保要什么"
    assert strip_phrases("麻烦问问户口麻烦迁", pattern) == "问问户口 迁"
    assert strip_phrases("不变", None) == "不变"


def test_pinyin_repair_maps_homophone_typos_to_catalog_words() -> None:
    repair = PinyinRepair.build({"低保", "医保", "户口", "迁移", "五保户"}, is_common)
    assert repair.apply("地保怎么办") == ("低保怎么办", [("地保", "低保")])
    assert repair.apply("一宝怎么交")[0] == "医保怎么交"
    assert repair.apply("五宝户")[0] == "五保户"  # three characters, longest first
    assert repair.apply("户口签移")[0] == "户口迁移"


def test_pinyin_repair_leaves_real_words_and_vocabulary_alone() -> None:
    repair = PinyinRepair.build({"户口", "医保", "低保"}, is_common)
    assert repair.apply("虎口疼") == ("虎口疼", [])  # a common word was meant as written
    assert repair.apply("买一包烟") == ("买一包烟", [])
    assert repair.apply("低保户口") == ("低保户口", [])


def test_pinyin_repair_does_not_guess_between_homophone_words() -> None:
    repair = PinyinRepair.build({"事假", "市价"}, is_common)  # both shi jia
    assert repair.apply("失加")[0] == "失加"


def test_ticket_numbers_in_many_spellings() -> None:
    assert find_ticket("BM20261121-0007到哪一步了") == "BM20261121-0007"
    assert find_ticket("工单号bm20261008 0115") == "BM20261008-0115"
    assert find_ticket("ＢＭ２０２６０９１５－００３２") == "BM20260915-0032"
    assert find_ticket("我的电话13800138000") is None
    # round 22: grouped like a phone number, read out by voice input, the BM left off
    assert find_ticket("BM 2026 1117 0035") == "BM20261117-0035"
    assert find_ticket("b m 20261117 0035") == "BM20261117-0035"
    assert find_ticket("BM二零二六一一零五杠零零一八") == "BM20261105-0018"
    assert find_ticket("20261118-0054") == "BM20261118-0054"
    # never: a date alone, an ID card number, digits run on, a month 13, no dash without BM
    for text in (
        "2026年11月18日交的",
        "身份证号420102199001011234",
        "BM2026111700351",
        "bm202613010001",
        "202611180054",
        "一二三四五六七八",
    ):
        assert find_ticket(text) is None, text
