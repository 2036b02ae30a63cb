"""Replies: the 一次性告知 guide within WeChat's 2000 bytes, menus, unknown, center info, and the
printable HTML page (escaped)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.catalog import load_catalog
from knowledge.render import (
    guide_html,
    render_center_info,
    render_followup,
    render_guide,
    render_menu,
    render_unknown,
)
from tests.knowledge.fixture_catalog import ITEMS, REAL_CATALOG, item, material

URL = "https://bm.example.cn/guide/dibao"


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def test_guide_lists_everything_to_bring_once(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    text = render_guide(catalog.by_id["dibao"], catalog.center, guide_url=URL)
    lines = text.splitlines()
    assert lines[0] == "【最低生活保障申请】"
    assert "1. 申请人及共同生活家庭成员居民身份证 原件和复印件1份" in lines
    assert "3. 家庭收入情况声明 原件1份（村委出具）" in lines
    assert "4. 残疾人证 复印件1份（可后补；家庭成员有残疾的提供）" in lines
    assert "◆ 复审：" in lines and "1. 低保证 原件1份" in lines  # every case, numbered afresh
    assert "办理地点：青石镇便民服务中心3号窗口（民政办）" in lines
    assert any(line.startswith("办理时间：周一至周五") for line in lines)
    assert "办理时限：30个工作日内办结（法定45个工作日），另需公示7天" in lines
    assert "收费：不收费" in lines
    assert "咨询电话：0871-6512 3403" in lines
    assert URL in text
    assert lines[-1] == "回复“办理”登记办事，回复“人工”找工作人员。"
    assert size(text) < 2000


def test_same_day_item_says_so(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    text = render_guide(catalog.by_id["siwang_zhuxiao"], catalog.center, guide_url=URL)
    assert "办理时限：当场办结" in text
    assert "1. 死亡医学证明 原件1份（部门核发）" in text


def test_long_guide_is_shortened_but_keeps_the_link(make_catalog: Callable[..., Path]) -> None:
    many = [
        material(
            f"第{n}种很长很长很长的证明材料名称（需加盖公章）",
            "原件和复印件",
            2,
            note="由村委会出具并签字确认后方为有效",
        )
        for n in range(1, 25)
    ]
    huge = item(
        "huge",
        "超长事项测试申请",
        ["超长事项"],
        "minzheng",
        conditions=[f"受理条件第{n}条：申请人须符合相关规定的各项要求" for n in range(15)],
        cases=[{"name": f"情形{n}", "materials": many} for n in range(1, 5)],
    )
    catalog = load_catalog(make_catalog(items=[*ITEMS, huge]))
    text = render_guide(catalog.by_id["huge"], catalog.center, guide_url=URL)
    assert size(text) < 2000
    assert "◆ 情形1：" in text and "◆ 情形2：" not in text
    assert "其他情形（情形2、情形3、情形4）的材料请看完整办事指南。" in text
    assert "还有" in text and URL in text
    assert text.endswith("回复“办理”登记办事，回复“人工”找工作人员。")


@pytest.mark.skipif(not (REAL_CATALOG / "lexicon.yaml").is_file(), reason="catalog not written yet")
def test_every_real_item_fits_in_one_wechat_message() -> None:
    catalog = load_catalog(REAL_CATALOG)
    for it in catalog.items:
        text = render_guide(it, catalog.center, guide_url=f"https://bm.example.cn/guide/{it.id}")
        assert size(text) < 2000, it.id
        assert f"/guide/{it.id}" in text
        assert re.search(r"^1\. .+(原件|复印件)", text, re.MULTILINE), it.id


def test_menu_is_numbered(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    menu = render_menu([catalog.by_id["youdaizheng_tuiyi"], catalog.by_id["laonian_youdaizheng"]])
    assert menu.splitlines() == [
        "您想办的是哪一项？请回复数字：",
        "1. 退役军人优待证申领",
        "2. 老年人优待证办理",
        "都不是？请换个说法，或回复“人工”找工作人员。",
    ]


def test_a_menu_of_one_is_a_question(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    assert render_menu([catalog.by_id["laonian_youdaizheng"]]).splitlines() == [
        "您问的是“老年人优待证办理”吗？是的请回复 1，我把要带的材料一次告诉您。",
        "不是的话，请换个说法，或回复“人工”找工作人员。",
    ]


def test_unknown_offers_categories_and_a_person(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    text = render_unknown(catalog.center)
    assert text.startswith("抱歉")
    assert "· 民政办：低保、特困、高龄津贴、老年人优待证" in text
    assert "人工" in text and "0871-6512 3456" in text
    assert size(text) < 2000


def test_center_info_has_hours_address_and_phones(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    text = render_center_info(catalog.center)
    assert "地址：青石镇人民路18号（镇政府一楼）" in text
    assert "周六上午9:00-12:00" in text
    assert "咨询电话：0871-6512 3456" in text and "监督投诉电话：0871-6512 3400" in text
    assert "· 3号窗口 民政办 0871-6512 3403" in text


def test_a_visit_question_gets_the_short_card(catalog_dir: Path) -> None:
    """周六上班吗 asks when, 在哪 where: address, hours (with the Saturday note) and the consult
    phone, and where to ask for the windows; not fifteen windows' phones."""
    center = load_catalog(catalog_dir).center
    for question in ("你们周六上班吗", "便民中心在哪里", "幾點下班", "中心在哪 几点开门"):
        text = render_center_info(center, question)
        assert "地址：" in text and "办公时间：" in text and "周六上午9:00-12:00" in text, question
        assert "咨询电话：0871-6512 3456" in text and "中心电话" in text, question
        assert "各窗口：" not in text and "监督投诉电话" not in text, question
    named = render_center_info(center, "民政办几点下班")
    assert "· 3号窗口 民政办 0871-6512 3403" in named
    assert named.count("· ") == 1


def test_a_phone_question_gets_the_phones(catalog_dir: Path) -> None:
    center = load_catalog(catalog_dir).center
    whole = render_center_info(center, "中心电话")
    assert "监督投诉电话" in whole and "地址：" not in whole
    assert whole.count("· ") == len(center.departments)
    one = render_center_info(center, "民政电话多少")  # 民政 of 民政办
    assert "· 3号窗口 民政办 0871-6512 3403" in one and one.count("· ") == 1


def test_other_center_questions_get_the_whole_card(catalog_dir: Path) -> None:
    center = load_catalog(catalog_dir).center
    for question in ("", "你们中心的情况", "在哪 电话多少"):
        text = render_center_info(center, question)
        assert "地址：" in text and "监督投诉电话" in text, question
        assert text.count("· ") == len(center.departments), question


def test_guide_page_is_complete_printable_and_escaped(make_catalog: Callable[..., Path]) -> None:
    nasty = item(
        "nasty",
        "恶意<script>alert(1)</script>事项",
        ["恶意"],
        "minzheng",
        cases=[
            {"name": "情形A&B", "materials": [material("材料<b>", note='"引号"')]},
            {"name": "第二种情形", "materials": [material("户口簿", "复印件", 2, required=False)]},
        ],
        steps=["第一步", "第二步"],
        online=True,
        online_how="云岭办<小程序>",
    )
    catalog = load_catalog(make_catalog(items=[*ITEMS, nasty]))
    page = guide_html(catalog.by_id["nasty"], catalog.center)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "材料&lt;b&gt;" in page and "&quot;引号&quot;" in page and "情形A&amp;B" in page
    assert "第二种情形" in page and "容缺（可后补）" in page  # all cases
    assert "<ol><li>第一步</li><li>第二步</li></ol>" in page
    assert "云岭办&lt;小程序&gt;" in page
    assert "@media print" in page and "font-size:20px" in page
    assert page.startswith("<!doctype html>") and "charset=utf-8" in page
    assert "0871-6512 3400" in page  # supervision phone (六公开)


def test_guide_page_of_a_plain_item(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    page = guide_html(catalog.by_id["dibao"], catalog.center)
    for text in (
        "最低生活保障申请",
        "家庭收入情况声明",
        "复审",
        "30个工作日",
        "45个工作日",
        "7天",
        "不收费",
        "《社会救助暂行办法》",
        "审批通过后按月发放低保金至社保卡",
    ):
        assert text in page


def test_how_to_apply_without_written_steps_says_where_to_go(catalog_dir: Path) -> None:
    """Steps are optional in the catalog: an item without them answers 怎么申请 with its place."""
    import dataclasses

    catalog = load_catalog(catalog_dir)
    bare = dataclasses.replace(catalog.by_id["dibao"], steps=())
    text = render_followup(bare, catalog.center, "steps", guide_url=URL)
    assert "办理流程" not in text
    assert "办理地点：青石镇便民服务中心3号窗口（民政办）" in text and URL in text
