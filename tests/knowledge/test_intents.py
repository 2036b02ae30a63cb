"""The pattern families of the non-item intents (knowledge/cues.py, intents.py), on phrasings
written for these tests (not taken from the labelled sets), and how they meet items in the
decision (an item question that mentions a time or a place stays an item question)."""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from tests.knowledge.probes import families


@pytest.mark.parametrize(
    "text",
    [
        "我家的低保审批得怎么样了",
        "前两天递上去的高龄津贴申请有消息没",
        "我那个残疾证什么时候能拿到",
        "俺娘的养老金申请通过了吗",
        "帮我看看我的申请办到哪一步了",
        "交了材料一个多月了还没批下来",
        "我想查一下办理进度",
        "危房的补助批没批",
        "上周报的那个件谁在办",
    ],
)
def test_status_family(text: str) -> None:
    assert "status" in families(text)


@pytest.mark.parametrize(
    "text",
    ["低保多久能批下来", "身份证办好要多久", "办残疾证要几天", "医保什么时候开始交"],
)
def test_a_time_limit_question_is_not_status(text: str) -> None:
    assert "status" not in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "我要告村主任",
        "村长把低保给他亲戚了太不公平",
        "窗口的小姑娘态度很凶",
        "你们办事太拖拉了",
        "村里的补贴被克扣了",
        "我要写信给县里反映",
        "有意见找谁提",
        "办个证收了我三百块钱",
    ],
)
def test_complaint_family(text: str) -> None:
    assert "complaint" in families(text)


@pytest.mark.parametrize("text", ["买拖拉机有补贴吗", "两口子吵架能不能调解", "我想告他欠钱不还"])
def test_not_a_complaint(text: str) -> None:
    assert "complaint" not in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "你们几点开门",
        "星期天有人上班不",
        "便民大厅在什么位置",
        "你们的电话是多少",
        "过年放几天假",
        "我坐公交去你们那里怎么坐",
        "下午两点以后还能办吗",
        "周末开门吗",
    ],
)
def test_center_info_family(text: str) -> None:
    assert "center_info" in families(text)


@pytest.mark.parametrize(
    "text", ["低保在哪里办", "低保电话多少", "医院几点上班", "邮局在哪", "我是从隔壁县嫁过来的"]
)
def test_a_place_or_time_of_something_else_is_not_center_info(text: str) -> None:
    assert "center_info" not in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "请找个工作人员跟我说",
        "叫你们领导来",
        "我要和人说话不要机器",
        "给我回个电话",
        "别让机器答了",
    ],
)
def test_human_family(text: str) -> None:
    assert "human" in families(text)


@pytest.mark.parametrize("text", ["镇上能不能派人来调解", "想找个人来评评理", "要人照顾"])
def test_asking_for_someone_to_do_a_service_is_not_human(text: str) -> None:
    assert "human" not in families(text)


@pytest.mark.parametrize(
    "text", ["谢谢你们啊", "好的 知道了 谢谢", "老师好", "拜拜了", "要得 多谢"]
)
def test_greeting_family(text: str) -> None:
    assert "greeting" in families(text)


@pytest.mark.parametrize(
    "text", ["喂 喂", "噢", "吃过饭了吗", "祝你们身体健康", "您好 我想问问", "唔該晒", "嗯 那个"]
)
def test_a_greeting_is_also_a_bare_interjection_or_an_opener(text: str) -> None:
    """Writers disagree whether 嗯 or 你好我想问个事 is a greeting or says nothing (unknown);
    the greeting reply (您好，想办什么事直接说) answers both better than "答不上来"."""
    assert "greeting" in families(text)


@pytest.mark.parametrize(
    "text", ["你好，低保要带什么", "谢谢，还有医保怎么交", "在吗 我的低保批了没", "我有个事"]
)
def test_a_greeting_with_something_else_is_not_a_greeting(text: str) -> None:
    assert "greeting" not in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "我递上去的材料现在到什么阶段了",
        "麻烦帮我催催",
        "俺的事一直没动静",
        "交了表格都半个多月了，我那个事到底批不批",
        "我的申请书交了好几个礼拜了",
        "上回登记的那个有下文没有",
        "佢哋批咗未",  # Cantonese: 批了没
    ],
)
def test_status_family_new_phrasings(text: str) -> None:
    assert "status" in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "有人往水库里倒农药瓶子",
        "村会计把扶贫的钱挪用了",
        "后山的树被人偷砍了好多",
        "干部收钱才给办事",
        "村主任把补助都分给了他亲戚",
        "你们窗口办事效率太低",
        "上班时间窗口一个人都没有",
        "路灯坏了三个月也不修",
    ],
)
def test_complaint_family_new_phrasings(text: str) -> None:
    assert "complaint" in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "土地转包给亲戚要登记吗",
        "打点零工的收入算不算",
        "村里要统一流转能不能不转",
        "孤老没人管能办特困吗",
    ],
)
def test_new_complaint_patterns_leave_service_questions_alone(text: str) -> None:
    assert "complaint" not in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "喊你们的办事员来跟我讲",
        "让管这个的同志给我回个话",
        "我想和你们主任通个电话",
        "能不能直接转到窗口",
        "你答非所问，换个人",
        "叫工作人员加我微信",
        "留个电话等你们打过来",
    ],
)
def test_human_family_new_phrasings(text: str) -> None:
    assert "human" in families(text)


@pytest.mark.parametrize("text", ["办事大廳喺邊度", "社保窗口是哪一个", "你们搬到新址了吗"])
def test_center_family_new_phrasings(text: str) -> None:
    assert "center_info" in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "我想盖房子要咋个申请，能批下来不",  # asks how to apply: the item decides
        "上次交的养老保险不够年限，要补交多少",
    ],
)
def test_an_application_question_is_not_plain_status(text: str) -> None:
    found = families(text)
    assert "status" not in found or "apply_q" in found


@pytest.mark.parametrize(
    "text",
    ["哪家饭店的菜好吃", "糖尿病吃什么药好", "去哪订酒席", "二手车哪里买便宜", "化肥多少钱一袋"],
)
def test_advice_family(text: str) -> None:
    assert "advice" in families(text)


@pytest.mark.parametrize(
    "text",
    ["能不能吃上低保", "医保一年交多少钱", "高血压的药能报销吗", "合作医疗多少钱一个人"],
)
def test_service_questions_are_not_advice(text: str) -> None:
    assert "advice" not in families(text)


# --- end to end on the repository catalog ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我的低保办到哪了", "status"),  # names an item, asks about one's own request
        ("低保在哪里办", "guide"),  # the place is part of the item's notice
        ("低保电话多少", "guide"),
        ("我想找个人来调解邻居纠纷", "guide"),
        ("投诉低保评得不公平", "complaint"),
        ("你好，医保怎么交", "guide"),
        ("野猪肉好不好吃", "unknown"),  # shares 野猪 with an item, asks for advice
        ("我的快递到哪一步了", "unknown"),
        ("你们中心几点下班", "center_info"),
        ("我不识字", "human"),
        ("摩托车驾驶证过期了去哪换", "unknown"),  # another office's document
        ("住房公积金能取出来吗", "unknown"),
        ("报户口要带结婚证吗", "guide"),  # the same document asked as a material
        ("社保卡丢了咋补", "guide"),
        ("残联在二楼吗", "center_info"),  # a department of center.yaml and a place question
        ("退役军人服务站电话多少", "center_info"),
    ],
)
def test_intent_versus_item(real: Matcher, text: str, expected: str) -> None:
    assert real.decide(text).intent == expected, real.decide(text).explain["why"]
