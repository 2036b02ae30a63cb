"""All Chinese wording of the knowledge layer: replies, menus, the printable guide, the
catalog's controlled vocabulary and the Excel headers. Constants and small format functions only.

Wording rules: short lines, polite (您), plain words for elderly villagers, numbers as digits.
"""

from __future__ import annotations

# Controlled vocabulary of the catalog (knowledge/SCHEMA.md).
LEVELS = ("镇办结", "镇受理县审批", "代办")
KINDS = ("即办件", "承诺件")
FORMS = ("原件", "复印件", "原件和复印件")
SOURCES = ("自备", "村委出具", "部门核发")
SOURCE_SELF = "自备"
FEE_DEFAULT = "不收费"

# Generic endings of item names; the rest of the name ("core") also identifies the item.
NAME_SUFFIXES = ("申请", "办理", "申领", "核发", "开具", "发放", "认定", "登记")

# --- the 一次性告知 reply (WeChat text; the renderer keeps it under 2000 bytes) -------------
GUIDE_TITLE = "【{name}】"
GUIDE_INTRO = "请一次带齐以下材料："
GUIDE_INTRO_CASES = "请按您的情况，一次带齐下面的材料："
GUIDE_CASE = "◆ {name}："
GUIDE_CONDITIONS = "办理条件："
GUIDE_PLACE = "办理地点：{place}"
DEFAULT_PLACE = "{center}{window}（{department}）"
GUIDE_HOURS = "办理时间：{hours}"
GUIDE_LIMIT = "办理时限：{limit}"
GUIDE_FEE = "收费：{fee}"
GUIDE_PHONE = "咨询电话：{phone}"
GUIDE_ONLINE = "网上也能办：{how}"
GUIDE_FULL = "完整办事指南（可打印，到窗口出示）：{url}"
GUIDE_OTHER_CASES = "其他情形（{names}）的材料请看完整办事指南。"
GUIDE_MORE_MATERIALS = "……还有{count}项材料，请看完整办事指南。"
GUIDE_NEXT = "回复“办理”登记办事，回复“人工”找工作人员。"
BULLET = "· "
LIST_SEP = "、"


def material_line(
    number: int, name: str, form: str, copies: int, source: str, required: bool, note: str | None
) -> str:
    """'2. 户口簿 原件和复印件1份（村委出具；可后补）'"""
    extras = []
    if source != SOURCE_SELF:
        extras.append(source)
    if not required:
        extras.append("可后补")
    if note:
        extras.append(note)
    amount = f"{form}{copies}份" if copies else form
    tail = f"（{'；'.join(extras)}）" if extras else ""
    return f"{number}. {name} {amount}{tail}"


def limit_text(statutory: int | None, promised: int, publicity_days: int) -> str:
    """承诺时限 first (what the center promises), 法定时限 after, then the 公示期."""
    text = "当场办结" if promised == 0 else f"{promised}个工作日内办结"
    if statutory is not None and statutory != promised:
        text += f"（法定{statutory}个工作日）" if statutory else "（法定当场办结）"
    if publicity_days:
        text += f"，另需公示{publicity_days}天"
    return text


def visits_text(visits: int) -> str:
    return "不用跑腿" if visits == 0 else f"最多跑{visits}次"


# --- menu, unknown, center info ---------------------------------------------------------------
MENU_INTRO = "您想办的是哪一项？请回复数字："
MENU_LINE = "{number}. {name}"
MENU_NONE = "都不是？请换个说法，或回复“人工”找工作人员。"

UNKNOWN_INTRO = "抱歉，这个问题我还答不上来。"
UNKNOWN_CATEGORIES = "本中心可以办理这些事："
UNKNOWN_DEPT = "· {name}：{handles}"
UNKNOWN_NEXT = "您可以换个说法再问，比如“低保要带什么”；或回复“人工”找工作人员。"
UNKNOWN_PHONE = "也可以打电话：{phone}"

CENTER_ADDRESS = "地址：{address}"
CENTER_HOURS = "办公时间：{hours}"
CENTER_HOURS_NOTE = "另外：{note}"
CENTER_CONSULT = "咨询电话：{phone}"
CENTER_COMPLAINT = "监督投诉电话：{phone}"
CENTER_HOTLINE = "政务服务热线：{phone}"
CENTER_WINDOWS = "各窗口："
CENTER_WINDOW = "· {window} {name} {phone}"

# --- the printable guide page -------------------------------------------------------------------
PAGE_TITLE = "{name} 办事指南"
PAGE_SUBTITLE = "{center} · 一次性告知"
PAGE_PRINT = "打印本页"
PAGE_BASIC = "基本信息"
PAGE_MATERIALS = "申请材料"
PAGE_CONDITIONS = "受理条件"
PAGE_STEPS = "办理流程"
PAGE_TIME_PLACE = "时限、地点和电话"
PAGE_RESULT = "办理结果"
PAGE_FOOTER = "请带齐材料到窗口办理。如有疑问请拨打咨询电话；对服务不满意可拨打监督投诉电话。"
FIELD = {
    "aliases": "俗称",
    "department": "承办部门",
    "level": "办理层级",
    "kind": "办件类型",
    "audience": "服务对象",
    "basis": "设定依据",
    "limit": "办理时限",
    "statutory": "法定时限",
    "promised": "承诺时限",
    "publicity": "公示期",
    "fee": "收费标准",
    "place": "办理地点",
    "hours": "办理时间",
    "consult": "咨询电话",
    "complaint": "监督投诉电话",
    "online": "网上办理",
    "visits": "到现场次数",
    "result": "办理结果",
}
MATERIAL_COLUMNS = ("序号", "材料名称", "原件/复印件", "份数", "来源", "是否必需", "备注")
REQUIRED_YES = "必需"
REQUIRED_NO = "容缺（可后补）"
ONLINE_YES = "可以网上办理"
ONLINE_NO = "需到窗口办理"
ONLINE_HOW = "{online}：{how}"
DAYS = "{days}个工作日"
SAME_DAY = "当场办结"
NONE = "无"
PUBLICITY_DAYS = "{days}天"

# --- short replies of `bianmin ask` for intents the conversation layer normally handles --------
ASK_HUMAN = "好的，已为您转工作人员，请稍等。工作时间内会尽快回复您。"
ASK_STATUS = "查办理进度：请发送您的工单号（比如 BM20261121-0007），我帮您查。"
ASK_STATUS_TICKET = "正在为您查询工单 {ticket} 的办理进度。"
ASK_COMPLAINT = (
    "您反映的问题我们会登记，并交带班领导处理，尽快给您答复。也可拨打监督投诉电话：{phone}"
)
ASK_GREETING = "您好！我是{center}的办事小助手。想办什么事，直接说就行，比如“低保要带什么”。"

# --- the Excel 事项清单 (import/export); keys are the catalog's field names --------------------
XLSX_ITEMS_SHEET = "事项清单"
XLSX_ITEM_COLUMNS = (
    ("id", "事项编码"),
    ("name", "事项名称"),
    ("aliases", "别名/俗称"),
    ("department", "部门编码"),
    ("level", "实施层级"),
    ("kind", "办件类型"),
    ("audience", "服务对象"),
    ("basis", "设定依据"),
    ("conditions", "受理条件"),
    ("steps", "办理流程"),
    ("statutory", "法定时限（工作日）"),
    ("promised", "承诺时限（工作日）"),
    ("publicity_days", "公示期（天）"),
    ("fee", "收费标准"),
    ("place", "办理地点"),
    ("hours", "办理时间"),
    ("consult", "咨询电话"),
    ("complaint", "监督投诉电话"),
    ("online", "是否网办"),
    ("online_how", "网办途径"),
    ("visits", "到现场次数"),
    ("result", "办理结果"),
    ("keywords", "匹配关键词"),
    ("case", "办理情形"),
    ("material", "材料名称"),
    ("form", "原件/复印件"),
    ("copies", "份数"),
    ("source", "材料来源"),
    ("required", "是否必需"),
    ("note", "材料备注"),
)
XLSX_DEPT_SHEET = "部门"
XLSX_DEPT_COLUMNS = (
    ("id", "部门编码"),
    ("name", "部门名称"),
    ("window", "窗口"),
    ("phone", "电话"),
    ("handles", "办理事项分类"),
)
XLSX_CENTER_SHEET = "中心"
XLSX_CENTER_COLUMNS = (("field", "项目"), ("value", "内容"))
XLSX_CENTER_FIELDS = (
    ("name", "中心名称"),
    ("town", "乡镇"),
    ("county", "县"),
    ("address", "地址"),
    ("hours", "办公时间"),
    ("hours_note", "时间说明"),
    ("consult", "咨询电话"),
    ("complaint", "监督投诉电话"),
    ("county_hotline", "政务服务热线"),
)
XLSX_LEXICON_SHEET = "词库"
XLSX_LEXICON_COLUMNS = (("kind", "类别"), ("word", "词语"), ("target", "标准词"))
XLSX_LEXICON_KINDS = (
    ("synonym", "同义词"),
    ("filler", "填充词"),
    ("human", "转人工"),
    ("status", "查进度"),
    ("complaint", "投诉举报"),
    ("center_info", "中心信息"),
    ("greeting", "问候"),
    ("out_of_scope_hints", "超出范围"),
)
XLSX_YES = "是"
XLSX_NO = "否"
XLSX_TRUE_WORDS = ("是", "true", "yes", "1", "必需", "必要")
XLSX_FALSE_WORDS = ("否", "false", "no", "0", "容缺")
# Separators accepted inside one cell for short word lists (aliases, keywords, handles).
XLSX_WORD_SEPARATORS = ("\n", "、", "，", ",", "；", ";")

# --- matching vocabulary (not shown to villagers) -----------------------------------------------
NEGATION = "不是"  # 不是当兵的那个，是老年人的优待证: the clause after 不是 is what is NOT meant
ASPECT_PARTICLES = "了过着"  # 投了保 -> 投保, 参过保 -> 参保 (separable verbs)
LOOSE_PARTICLES = "的个"  # may stand inside a name: 老年人的优待证 = 老年人优待证
