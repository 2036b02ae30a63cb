"""Round 16 (questions_s.tsv and questions_t.tsv fitted on for the first time): southern words,
pinyin initials and half-pinyin, cards broken in two, work and houses said the southern way, and
a worker asked for by office, surname or look.

South-western, Xiang, Gan, Hakka and Minnan words that are not Mandarin words themselves are read
as their Mandarin equivalents before anything else (娃儿, 伢子, 伢崽 a child; 莫得 none; 么子 what;
啷个 how; 堂客 a wife; 囝 a child, 查某囝 a daughter, 无某无囝 with neither wife nor child; 按怎 how;
歹势 sorry); words that are also Mandarin stay as written (屋里 is inside a room, 猪崽 a piglet,
老汉 an old man). The initials of the common items' everyday names typed in Latin letters are
those names (cj 残疾, wb 五保, tk 特困, dbh 低保户, xnh 新农合, ylbx 养老保险, hkb 户口本, rg 人工),
but only as whole Latin words, never letters inside an English word. One pinyin syllable of three
letters or more typed among Chinese characters is read with the characters around it (五bao户,
低bao, 社bao卡); two letters are more often an abbreviation or stray letters (ＤＩ保 stays).

A card or certificate broken in two, its chip dead or demagnetized (断成两截, 芯片坏了, 消磁了) is
damaged (损坏); work looked for the southern way (找事做, 找个活路) is looking for work; a house
raised again or built (重新起, 起栋房子, 做屋, 加建) is building. A worker asked for at the end of
the message by office, surname or look (俺要找民政办的王主任, 找你们管事的人, 找上次那个姑娘),
whether a worker is there at all (有没有工作人员在), and talking with the people of an office
(跟社保的人当面说) want a person. Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import assert_guided, families


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("娃儿上学", "孩子上学"),
        ("伢子在外头", "孩子在外头"),
        ("我屋里就一个伢崽", "我屋里就一个孩子"),
        ("莫得收入", "没有收入"),
        ("要带么子", "要带什么"),
        ("啷个办", "怎么办"),
        ("我堂客病了", "我老婆病了"),
        ("阮查某囝嫁出去了", "我们女儿嫁出去了"),
        ("伊无某无囝", "伊无儿无女"),
        ("按怎申请", "怎么申请"),
        ("歹势", "不好意思"),
        # Mandarin words stay: a room, a piglet, an old man
        ("屋里太暗", "屋里太暗"),
        ("猪崽病死了", "猪崽病死了"),
        ("那个老汉来过", "那个老汉来过"),
    ],
)
def test_southern_words_read_as_mandarin(text: str, expected: str) -> None:
    assert basic(text) == expected


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # initials of everyday names
        ("cj补贴一个月多少", "残疾人两项补贴申请"),
        ("wb老人怎么申请", "特困人员救助供养申请"),
        ("tk供养要什么材料", "特困人员救助供养申请"),
        ("xnh今年交多少", "城乡居民基本医疗保险参保缴费"),
        ("ylbx一年交几档", "城乡居民基本养老保险参保登记"),
        # one syllable among characters
        ("低bao咋申请", "最低生活保障申请"),
        ("社bao卡丢了咋补", "社会保障卡申领"),
        ("身份zheng过期了", "居民身份证办理"),
        ("残疾人liang项补贴", "残疾人两项补贴申请"),
        # broken cards, southern work and houses
        ("社保卡断成两半了 咋换", "社会保障卡申领"),
        ("身份证折断了 要重新办吗", "居民身份证办理"),
        ("想找个活路 镇上能登记不", "就业失业登记"),
        ("旧房子拆了想重新起 要批吗", "农村宅基地和建房审批"),
        ("想在老家做屋 手续咋办", "农村宅基地和建房审批"),
        ("伢子满月了 看病的保险咋交", "城乡居民基本医疗保险参保缴费"),
    ],
)
def test_items_in_southern_words_and_pinyin(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    "text",
    [
        # Latin letters of English words, not initials or syllables
        "my wifi is down",
        "tiktok怎么下载",
        "ok 谢谢",
    ],
)
def test_english_words_are_not_initials(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent != "guide", (text, decision.explain)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("我要找社保站的李站长", "human"),
        ("想找上回那个姑娘", "human"),
        ("找你们办事的人", "human"),
        ("有没有值班的在", "human"),
        ("我想跟派出所的人当面说", "human"),
        ("转rg", "human"),
        # a signature or a stamp from an official is a step of an item
        ("低保要找村主任签字吗", "guide"),
    ],
)
def test_a_worker_asked_for(rules: Matcher, text: str, intent: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == intent, (text, decision.intent, decision.explain)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("俺要找民政所的张所长", True),
        ("找我们村的书记签字", False),
        ("有没有工作人员在", True),
        ("跟邻居的人吵架了", False),
    ],
)
def test_human_family(text: str, found: bool) -> None:
    assert ("human" in families(text)) is found, families(text)
