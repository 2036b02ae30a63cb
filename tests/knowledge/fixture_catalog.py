"""A small but realistic catalog written to a temporary folder, and helpers to write variants.
The fixtures are re-exported by tests/knowledge/conftest.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

REAL_CATALOG = Path(__file__).resolve().parents[2] / "knowledge" / "catalog"

CENTER: dict[str, Any] = {
    "name": "青石镇便民服务中心",
    "town": "青石镇",
    "county": "云岭县",
    "address": "青石镇人民路18号（镇政府一楼）",
    "hours": "周一至周五 上午8:30-12:00，下午14:00-17:30（法定节假日除外）",
    "hours_note": "周六上午9:00-12:00 社保、户籍窗口轮值",
    "phones": {
        "consult": "0871-6512 3456",
        "complaint": "0871-6512 3400",
        "county_hotline": "12345",
    },
    "departments": [
        {
            "id": "minzheng",
            "name": "民政办",
            "window": "3号窗口",
            "phone": "0871-6512 3403",
            "handles": ["低保", "特困", "高龄津贴", "老年人优待证"],
        },
        {
            "id": "huji",
            "name": "派出所户籍室",
            "window": "5号窗口",
            "phone": "0871-6512 3405",
            "handles": ["户口迁移", "死亡注销"],
        },
        {
            "id": "tuiyi",
            "name": "退役军人服务站",
            "window": "6号窗口",
            "phone": "0871-6512 3406",
            "handles": ["优待证", "优抚"],
        },
        {
            "id": "yibao",
            "name": "医保工作站",
            "window": "2号窗口",
            "phone": "0871-6512 3402",
            "handles": ["医保缴费", "报销"],
        },
    ],
}

LEXICON: dict[str, Any] = {
    "synonyms": {
        "新农合": "医保",
        "合作医疗": "医保",
        "五保": "特困",
        "老兵": "退役军人",
        "当过兵": "退役军人",
        "退伍军人": "退役军人",
        "过世": "死亡",
        "销户": "注销户口",
    },
    "fillers": ["请问", "你好", "我想问一下", "麻烦", "谢谢"],
    "intents": {
        "human": ["转人工", "人工客服", "找真人"],
        "status": ["进度", "办到哪了", "我的工单"],
        "complaint": ["投诉", "举报", "上访", "反映问题"],
        "center_info": ["几点上班", "上班时间", "地址在哪", "周六上班", "电话多少"],
        "greeting": ["你好", "您好", "在吗", "早上好"],
        "out_of_scope_hints": ["天气", "彩票", "股票"],
    },
}


def material(
    name: str,
    form: str = "原件",
    copies: int = 1,
    source: str = "自备",
    required: bool = True,
    note: str | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": name,
        "form": form,
        "copies": copies,
        "source": source,
        "required": required,
    }
    if note:
        out["note"] = note
    return out


def item(id: str, name: str, aliases: list[str], department: str, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": id,
        "name": name,
        "aliases": aliases,
        "department": department,
        "level": "镇受理县审批",
        "kind": "承诺件",
        "audience": "本镇户籍居民",
        "basis": ["《社会救助暂行办法》"],
        "conditions": ["本镇户籍"],
        "cases": [
            {
                "name": "首次申请",
                "materials": [
                    material("居民身份证", "原件和复印件"),
                    material("户口簿", "原件和复印件"),
                ],
            }
        ],
        "steps": ["窗口受理", "审核", "办结"],
        "limits": {"statutory": 30, "promised": 20},
        "publicity_days": 0,
        "fee": "不收费",
        "online": False,
        "visits": 1,
        "result": "审核通过后办结",
    }
    data.update(extra)
    return data


ITEMS: list[dict[str, Any]] = [
    item(
        "dibao",
        "最低生活保障申请",
        ["低保", "吃低保", "低保户", "办低保"],
        "minzheng",
        audience="家庭人均收入低于当地低保标准的本镇户籍居民",
        conditions=["家庭人均收入低于低保标准", "家庭财产符合规定"],
        cases=[
            {
                "name": "首次申请",
                "materials": [
                    material("申请人及共同生活家庭成员居民身份证", "原件和复印件"),
                    material("户口簿", "原件和复印件"),
                    material("家庭收入情况声明", source="村委出具"),
                    material("残疾人证", "复印件", required=False, note="家庭成员有残疾的提供"),
                ],
            },
            {"name": "复审", "materials": [material("低保证", "原件")]},
        ],
        limits={"statutory": 45, "promised": 30},
        publicity_days=7,
        result="审批通过后按月发放低保金至社保卡",
        keywords=["最低生活保障", "低保金"],
    ),
    item(
        "tekun",
        "特困人员救助供养申请",
        ["特困", "特困供养"],
        "minzheng",
        audience="无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人和未成年人",
        result="审批通过后发放基本生活费",
    ),
    item(
        "gaoling_jintie",
        "高龄津贴申领",
        ["高龄津贴", "高龄补贴", "老人补贴"],
        "minzheng",
        audience="年满80周岁的本镇户籍老年人",
        conditions=["年满80周岁"],
        limits={"statutory": None, "promised": 22},
        result="按月发放高龄津贴",
    ),
    item(
        "laonian_youdaizheng",
        "老年人优待证办理",
        ["老年人优待证", "老年证", "老人证"],
        "minzheng",
        audience="年满60周岁的老年人",
        kind="即办件",
        limits={"statutory": None, "promised": 0},
        result="当场发放老年人优待证",
    ),
    item(
        "youdaizheng_tuiyi",
        "退役军人优待证申领",
        ["退役军人优待证", "军人优待证"],
        "tuiyi",
        audience="退役军人和其他优抚对象",
        result="县退役军人事务局制发优待证",
    ),
    item(
        "hukou_qianyi",
        "户口迁移",
        ["迁户口", "户口迁出", "户口迁入", "落户"],
        "huji",
        audience="需要迁移户口的居民",
        cases=[
            {"name": "县内迁移", "materials": [material("户口簿"), material("居民身份证")]},
            {
                "name": "跨省迁入",
                "materials": [material("准迁证"), material("迁移证", source="部门核发")],
            },
        ],
        result="办理户口迁移手续",
    ),
    item(
        "siwang_zhuxiao",
        "死亡注销户口",
        ["注销户口", "死亡销户"],
        "huji",
        audience="死亡人员的家属",
        kind="即办件",
        limits={"statutory": None, "promised": 0},
        cases=[
            {
                "name": "一般情形",
                "materials": [
                    material("死亡医学证明", source="部门核发"),
                    material("死者户口簿"),
                    material("死者居民身份证"),
                ],
            }
        ],
        result="当场注销户口",
    ),
    item(
        "yibao_canbao",
        "城乡居民基本医疗保险参保缴费",
        ["医保", "交医保", "医保缴费"],
        "yibao",
        audience="未参加职工医保的城乡居民",
        kind="即办件",
        limits={"statutory": None, "promised": 0},
        result="参保缴费成功后次年享受医保待遇",
    ),
]


def write_catalog(
    root: Path,
    items: list[dict[str, Any]] | None = None,
    center: dict[str, Any] | None = None,
    lexicon: dict[str, Any] | None = None,
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "items").mkdir(exist_ok=True)
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False)  # noqa: E731
    (root / "center.yaml").write_text(dump(center or CENTER), encoding="utf-8")
    (root / "lexicon.yaml").write_text(dump(lexicon or LEXICON), encoding="utf-8")
    for data in items if items is not None else ITEMS:
        (root / "items" / f"{data['id']}.yaml").write_text(dump(data), encoding="utf-8")
    return root


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "catalog")


@pytest.fixture
def make_catalog(tmp_path: Path) -> Callable[..., Path]:
    def make(**kwargs: Any) -> Path:
        return write_catalog(tmp_path / "catalog", **kwargs)

    return make
