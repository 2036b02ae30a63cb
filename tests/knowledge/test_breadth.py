"""Round 5 of the matcher (issue #3): pinyin typed in Latin letters, emoji, more kin and question
words left out of the decision's features, measure words inside separable verbs, offices that
only ask for a certificate, complaints about how the center serves, and the one-item menu."""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import PinyinRepair, basic
from tests.knowledge.probes import families


def never_common(word: str) -> bool:
    return False


def test_latin_pinyin_is_spelled_as_the_vocabulary_word() -> None:
    repair = PinyinRepair.build({"低保", "医保", "身份证", "独生子女"}, never_common)
    # a run all spelled reads as typed in characters, without spaces between its words (round 13)
    assert repair.spell("dibao zenme shenqing")[0] == "低保怎么申请"
    assert repair.spell("shen fen zheng diule")[0] == "身份证丢了"  # syllables apart
    # next to Chinese characters: joined to them, as if typed in characters (round 12)
    assert repair.spell("yibao在哪交")[0] == "医保在哪交"
    assert repair.spell("dszn证")[0] == "独生子女证"  # initials of a 3-4 character word
    assert repair.spell("yibao hello")[0] == "医保 hello"  # a run not all spelled keeps spaces
    assert repair.spell("hello 低保") == ("hello 低保", [])  # other Latin words stay
    assert repair.spell("低保咋办") == ("低保咋办", [])


def test_latin_pinyin_reaches_items_and_intents(real: Matcher) -> None:
    decision = real.decide("shebaoka丢了咋补")
    assert decision.intent == "guide" and decision.item is not None
    assert decision.item.name == "社会保障卡申领"
    assert real.decide("zhuan rengong").intent == "human"


def test_emoji_that_stand_for_words() -> None:
    assert basic("👍") == "好的"
    assert "greeting" in families("🙏🙏")
    assert basic("低保😀") == "低保"  # other symbols only separate words


def test_kin_time_and_question_words_do_not_dilute_the_evidence(real: Matcher) -> None:
    scorer = real.scorer
    pieces = scorer.neutral_pieces(["老爷子", "上个月", "户口"])
    assert "老爷" in pieces and "上个" in pieces and "户口" not in pieces
    assert scorer.neutral("多少钱") and scorer.neutral("老太太")
    plain, story = (real.analyze(t).features for t in ("医保多少钱", "医保今年多少钱"))
    assert plain["content"] == pytest.approx(story["content"])


def test_measure_words_inside_separable_verbs(real: Matcher) -> None:
    assert "贷款" in real.analyze("想开个小店 能贷点款不").query
    assert "建房" in real.analyze("想在自家地上盖个房").query


def test_an_illness_is_no_birth_and_a_pronoun_may_stand_before_a_death(real: Matcher) -> None:
    assert "出生" not in real.analyze("老伴突然生了一场大病").query
    assert "出生" in real.analyze("儿媳妇刚生了个孙子 户口咋上").query
    assert "死亡" in real.analyze("我闺女 她前年得病走了").query


@pytest.mark.parametrize(
    "text",
    ["单位让我开个户口证明", "去信用社办贷款要户籍证明 能代开吗", "学校说要开个亲属关系证明"],
)
def test_an_office_asking_for_a_certificate_is_no_out_of_scope_hint(text: str) -> None:
    assert not {"elsewhere", "out_of_scope_hints"} & families(text)


def test_an_office_question_is_still_out_of_scope() -> None:
    assert "elsewhere" in families("信用社几点下班")


@pytest.mark.parametrize(
    "text",
    [
        "排队排了一下午才轮到",
        "每回来都说少一样 就不能一次讲清楚吗",
        "塞了两条烟才给办",
        "打你们中心的电话老是没人接",
        "又让我下次再来",
        "跑了两三回了",
    ],
)
def test_complaints_about_how_the_center_serves(text: str) -> None:
    assert "complaint" in families(text)


@pytest.mark.parametrize(
    "text", ["女婿电话也打不通 孩子谁管", "电话打不通 还有别的号码吗", "坐公交能便宜点不"]
)
def test_not_a_complaint_nor_advice(text: str) -> None:
    assert not {"complaint", "advice"} & families(text)


def test_a_repair_shop_question_is_advice() -> None:
    assert "advice" in families("拖拉机坏了 附近哪里能修")
