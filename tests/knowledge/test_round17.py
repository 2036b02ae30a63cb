"""Round 17 (questions_u.tsv and questions_v.tsv fitted on for the first time): words typed with a
space after each, the Wu question particle, crowded look-alikes in longer words, and the small
frames of status, period, hours, greetings, a worker asked for and farming advice.

A clause typed as words of one or two characters each followed by a space (second-language
writers space every word: 我 有 残疾 证 三级 的) is one run when it has at least three words, a
lone character and two words of two characters; in a message so typed two lone characters join too (死 了). Words of three or more
characters stay clauses of their own (低保 怎么申请). Wu 伐 closing a question is 吗 after any
character (要拍照伐), never in the felling words (砍伐, 采伐, 盗伐, 滥伐); 几钿 is 多少钱, 阿拉 我们.

In a window of three or four characters a rare character that no vocabulary word holds may be a
look-alike through a crowded radical (宇基地, 身仿证, 户口迂移); characters of the vocabulary or
common ones are meant (迁回来, 养老院, 逛景区, and 墓 of 宅墓地, frequent on its own).

A span of time ago counted (两周前交的) is one's own request, and the people sent to look asked
after (什么时候来), a request sent on with where told before (送过去了吗) or one's file marked as
lacking something (待补正) a status question with it. How long the service takes in general (当天能办好吗,
一般要等多久才知道批没批) is the item's time limit, not status. The day of a holiday, the holiday
over, where to park and which bus are the center's hours and place. Wu and chat-English goodbyes
and thanks, greetings of minority languages and a matter said to be done are greetings. A worker
asked for to talk to or put through, a worker by surname and kinship word there or not, and the
one told of sought (我找她) want a person; a call asked for (给我回个电话) is no question about the
center's number. How to grow or tend a crop is advice.

English words young people mix in are read as whole Latin words (id card 身份证, social security
card 社保卡, pension 养老金, disability 残疾, need 需要), never letters inside another word. A
certificate of a past household event (迁移记录的证明, 户口注销的证明) is the household register's
certificate; the death certificate brought to deregister (注销户口要带死亡证明吗) is a material. The
social security card itself to be made again, wherever it was made (外地办的社保卡 回来还要再办吗),
is the card's replacement, not a transfer of the insurance that follows it. One aspect of an item
told with another office's word is that item's: what applying costs (办残疾证要交手续费吗; 转账要
手续费吗 stays the bank's), the bank card an item's money is paid on, changed (补贴想换一张银行卡来
领; 银行卡丢了 stays the bank's).
Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import assert_guided, families


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我 妈 住院 了 要 报销", "我妈住院了要报销"),
        ("我 家 有 低保 的 老人", "我家有低保的老人"),
        ("户口 要 迁 到 城里", "户口要迁到城里"),
        ("他 走 了，户 口 本 要 改 吗", "他走了 户口本要改吗"),
        # words of three or more characters, and two words alone, stay apart
        ("低保 怎么申请", "低保 怎么申请"),
        ("医保 社保卡", "医保 社保卡"),
        ("你好 低保", "你好 低保"),
        ("低保户 怎么申请 要带啥", "低保户 怎么申请 要带啥"),
        ("低保 要 带 啥", "低保 要带啥"),
    ],
)
def test_words_typed_with_spaces_are_one_run(text: str, expected: str) -> None:
    assert basic(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("补办要本人去伐", "补办要本人去吗"),
        ("卡号会变伐", "卡号会变吗"),
        ("能网上交伐？", "能网上交吗"),
        ("医保一年几钿", "医保一年多少钱"),
        ("阿拉屋里困难", "我们屋里困难"),
        # the felling words stay
        ("乱砍滥伐", "乱砍滥伐"),
        ("林木采伐证", "林木采伐证"),
        ("有人盗伐", "有人盗伐"),
        ("伐木要批吗", "伐木要批吗"),
        # a logging ban (a keyword of the forest compensation) and the other felling words
        ("山林划成禁伐区了", "山林划成禁伐区了"),
        ("乱砍乱伐", "乱砍乱伐"),
        ("择伐和皆伐", "择伐和皆伐"),
    ],
)
def test_wu_words(text: str, expected: str) -> None:
    assert basic(text) == expected


@pytest.mark.parametrize(
    ("window", "word"),
    [
        ("宇基地", "宅基地"),
        # a frequent character is meant as written, whatever it looks like
        ("宅墓地", None),
        ("身仿证", "身份证"),
        ("户口迂移", "户口迁移"),
        ("丧莽补助", "丧葬补助"),
        # characters of the vocabulary, common characters and two characters stay
        ("迁回来", None),
        ("养老院", None),
        ("逛景区", None),
        ("仿佛", None),
    ],
)
def test_crowded_look_alikes_in_longer_words(rules: Matcher, window: str, word: str | None) -> None:
    shape = rules.scorer.query.shape
    assert shape is not None
    assert shape.word_for(window) == word


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("宇基地要村里先同意吗", "农村宅基地和建房审批"),
        ("身仿证丢了咋补", "居民身份证办理"),
        ("户口迂移要带啥", "户口迁移"),
        ("我 的 腿 断 了 残疾 证 怎么 办", "残疾人证办理"),
        ("社保卡补办要拍照伐", "社会保障卡申领"),
    ],
)
def test_items_through_the_new_repairs(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    ("text", "family", "found"),
    [
        # one's own request, a span of time ago; the visitor awaited
        ("半个月前递的危房申请 还没动静", "status", True),
        ("三天前交的材料 办好了没", "status", True),
        ("我报的残疾证 评残的医生什么时候来", "status", True),
        ("低保什么时候来办合适", "status", False),
        ("村里说帮我把表递到镇上 递过去了吗", "status", True),
        ("我的申请显示待补充 要交啥", "status", True),
        ("材料能交上去了吗", "status", False),
        # how long the service takes in general
        ("社保卡当场能办好吗", "status", False),
        ("残疾证一般多久能批下来", "status", False),
        ("我上周交的低保材料 批下来没", "status", True),
        # the center's hours and place
        ("国庆节当天上班吗", "center_info", True),
        ("过完年哪天开门", "center_info", True),
        ("去你们中心 车停哪里", "center_info", True),
        ("坐哪趟车能到便民中心", "center_info", True),
        # greetings
        ("好的 再会", "greeting", True),
        ("thanks", "greeting", True),
        ("亚克西", "greeting", True),
        ("谢谢 都办好了", "greeting", True),
        ("社保卡办好了没", "greeting", False),
        # a worker asked for
        ("我想问一下工作人员", "human", True),
        ("帮忙接一下社保窗口的同志", "human", True),
        ("张姐在不在", "human", True),
        ("上回那个姑娘 我找她", "human", True),
        ("王哥在外地打工 低保能代办吗", "human", False),
        ("姐姐在吗", "human", False),
        ("叫社保所的刘所长给我回个电话", "human", True),
        ("叫社保所的刘所长给我回个电话", "center_info", False),
        ("你们中心电话多少", "center_info", True),
        # farming advice
        ("辣椒种啥品种抗病", "advice", True),
        ("果树怎么剪枝", "advice", True),
        ("大棚冬天如何防冻", "advice", True),
        ("种粮补贴咋领", "advice", False),
    ],
)
def test_round17_families(text: str, family: str, found: bool) -> None:
    assert (family in families(text)) is found, families(text)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("id card丢了 咋补", "居民身份证办理"),
        ("帮妈妈申请social security card", "社会保障卡申领"),
        ("爷爷70了 pension每月多少", "城乡居民基本养老保险待遇领取"),
        ("想给舅舅办disability证 need什么", "残疾人证办理"),
        ("单位要我开一张落户情况的证明 找谁开", "户籍证明开具"),
        ("公司让开一个迁出记录的证明", "户籍证明开具"),
        ("爸爸去世了 注销户口要带死亡证明吗", "死亡注销户口"),
        ("社保卡是在打工的地方办的 回村了得重新弄一张吗", "社会保障卡申领"),
        # the insurance moved, the card only the background
        ("社保卡在广东 养老保险转回来要重新办什么", "养老保险关系转移接续"),
    ],
)
def test_english_words_and_certificates_of_household_events(
    rules: Matcher, text: str, item: str
) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize("text", ["my idea is good", "pensions in europe", "needle怎么买"])
def test_english_words_only_whole(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent != "guide", (text, decision.explain)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("办残疾证要交手续费吗", "残疾人证办理"),
        ("高龄补贴想换一张新的银行卡来领", "高龄津贴申领"),
    ],
)
def test_an_aspect_told_with_another_offices_word(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    "text", ["银行转账要手续费吗", "银行卡丢了怎么补", "信用卡换一张新的要钱吗"]
)
def test_the_banks_own_business_stays_out(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown", rules.decide(text).explain
