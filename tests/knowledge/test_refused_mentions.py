"""A mention after 不想/不打算/不愿 is not what is asked for (context.is_context "refused"): it
names no item (phrases.REFUSED_WEIGHT) and its words weigh little (scoring.REFUSED_TOKEN_WEIGHT),
so 不想打官司 能不能找人说和 is mediation, not legal aid. A mention after 没/还没 (not done yet)
stays a plain negated context: 户口还没迁过来 现在迁要啥 still asks to move it."""

from __future__ import annotations

from knowledge.context import is_context
from knowledge.matcher import Matcher


def never_material(word: str) -> bool:
    return False


def reason(text: str, mention: str) -> str | None:
    start = text.index(mention)
    return is_context(text, start, start + len(mention), never_material)


def test_not_wanting_is_refused_and_not_done_is_negated() -> None:
    assert reason("不想法律援助 能不能找人调解", "法律援助") == "refused"
    assert reason("我不打算迁户口 能开证明吗", "迁户口") == "refused"
    assert reason("还没办准生证 孩子生了咋上户口", "准生证") == "negated"
    assert reason("我想打官司", "打官司") is None


def test_a_refused_item_yields_to_the_one_asked_for(real: Matcher) -> None:
    text = "包工头拖着工钱不给 我不想打官司闹僵 镇上能不能派人给说和说和"
    analysis = real.analyze(text)
    assert real.catalog.items[analysis.ranked[0][0]].name == "人民调解申请"
    assert real.decide("我想打官司 请不起律师").item is not None
