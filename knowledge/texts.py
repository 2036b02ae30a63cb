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
GUIDE_NO_CONDITIONS = "没有特别的条件，带齐材料就能办。"
GUIDE_STEPS = "办理流程："
GUIDE_STEP = "{number}. {step}"
GUIDE_OFFLINE = "这件事要到窗口办，网上办不了。"
GUIDE_PROXY_YES = "可以请家人代办：代办人带上自己的身份证原件，和要带的材料一起去。"
GUIDE_PROXY_ASK = "能不能请人代办要看情况（有的要本人到场签字或认证），请先打电话问一下。"
PROXY_MATERIAL = "代办人"  # a material of this name: the item takes a proxy
# a short follow-up about the item just answered (需要啥条件, 多久能办好, 在哪办): the part asked
FOLLOWUP_ASPECTS = {  # in this order: 网上能办吗 asks how, not whether
    "online": "网上 手机上 线上 小程序 网办 不用跑 微信 支付宝 手机交 手机缴 手机办 在家办 app",
    "limit": "多久 几天 多长时间 时限 多少天 啥时候能 什么时候能 多快 要等",
    "fee": "多少钱 收费 要钱 费用 免费 花钱 收钱 几个钱 交多少 缴多少 交几个钱 一年多少 一个人多少",
    "place": "在哪办 哪里办 哪办 哪个窗口 几号窗口 去哪 地点 在哪里办 在哪申请 哪里申请 在哪领 哪里领",
    "phone": "电话 号码",
    "proxy": "代办 代理 替我办 帮我办 让儿子 让女儿 让孩子 让家里人 让家人 儿子去 女儿去 别人去 "
    "亲戚去 家里人去 本人去 本人到场 本人必须 本人要去 替她办 替他办 帮她办 帮他办 替我妈 替我爸 "
    "替老人 家里人能 家人能",
    "steps": "怎么领 咋领 咋个领 怎么申请 咋申请 咋个申请 怎么办理 咋办理 流程 步骤 程序 "
    "怎么弄 咋弄 咋个弄 咋个办理",
    "conditions": "条件 资格 符合 够不够 够格 啥人能 什么人能 谁能办 能不能办 能办吗 可以办吗 算不算 "
    "的可以 的也可以 的能不能 的也能",  # 租房子的可以迁吗: whether such a person may
    "materials": "材料 带什么 带啥 要带 准备什么 准备啥 证件 手续 要啥",
}
GUIDE_NEXT = "回复“办理”登记办事，回复“人工”找工作人员。"
# a short question about one material of the notice just given (要带死亡证明吗, 火化证明没有咋办)
MATERIAL_ASK_WORDS = (
    "要带 要不要 带不带 带上 得带 还要 需要 需不需要 用不用 必须 一定要 要吗 "
    "复印 原件 几份 几张 没有 没带 丢了 弄丢 找不到 不见了 开不出"
)
MATERIAL_MISSING_WORDS = "没有 没带 丢了 弄丢 找不到 不见了 开不出"
MATERIAL_LISTED = "材料清单里是这样写的："
MATERIAL_MISSING = "手上没有的话，请先打咨询电话问问能不能补办或用别的代替。"
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
# One candidate the matcher is not sure enough of: ask, don't list.
MENU_ONE = "您问的是“{name}”吗？是的请回复 1，我把要带的材料一次告诉您。"
MENU_ONE_NONE = "不是的话，请换个说法，或回复“人工”找工作人员。"

UNKNOWN_INTRO = "抱歉，这个问题我还答不上来。"
UNKNOWN_CATEGORIES = "本中心可以办理这些事："
UNKNOWN_DEPT = "· {name}：{handles}"
UNKNOWN_NEXT = "您可以换个说法再问，比如“低保要带什么”；或回复“人工”找工作人员。"
UNKNOWN_PHONE = "也可以打电话：{phone}"
# not understood right after an item's notice: most likely a detail of that item
UNKNOWN_ABOUT_ITEM = (
    "关于【{item}】的这个问题，请打电话 {phone} 问{department}，或到{place}当面问。"
)
UNKNOWN_ABOUT_NEXT = "问别的事，请换个说法；找工作人员，请回复“人工”。"

CENTER_ADDRESS = "地址：{address}"
CENTER_HOURS = "办公时间：{hours}"
CENTER_HOURS_NOTE = "另外：{note}"
CENTER_CONSULT = "咨询电话：{phone}"
CENTER_COMPLAINT = "监督投诉电话：{phone}"
CENTER_HOTLINE = "政务服务热线：{phone}"
CENTER_WINDOWS = "各窗口："
# a department's name without these endings is how villagers say it (医保 of 医保工作站)
CENTER_DEPT_ENDINGS = ("工作站", "服务站", "中心", "窗口", "办", "站", "所")
CENTER_WINDOW = "· {window} {name} {phone}"
CENTER_MORE = "要各窗口的电话，回复“中心电话”。"
# what a center question asks about (normalized, Simplified): when it is open or where it is
# (a visit) gets the short card, the phones the phone list; both, or neither, the whole card
CENTER_ASPECTS = {
    "hours": "上班 开门 关门 下班 几点 时间 周六 周日 周末 星期六 星期天 星期日 礼拜六 礼拜天 "
    "节假日 放假 中午 午休 营业 开不开 开没开 值班",
    "address": "在哪 在什么地方 哪里 哪儿 地址 地点 位置 怎么走 怎么去 咋走 咋去 坐车 路线 导航 "
    "门牌 几楼 几层 哪层 哪一楼 哪个窗口 几号窗口",
    "phone": "电话 号码 联系方式 热线 手机",
}

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
ASPECT_PARTICLES = "了过着个点"  # 投了保 -> 投保, 参过保 -> 参保, 贷点款 -> 贷款 (separable verbs)
DONE_PARTICLES = "了过"  # ...of which these say it is done: 上了户口 -> 上户口了
POSSESSIVE = "的"
# 看病的那个保险: a demonstrative after 的 only points, 看病的保险 is the name
POINTING = ("那个", "这个", "那种", "这种")
LOOSE_PARTICLES = "的个"  # may stand inside a name: 老年人的优待证 = 老年人优待证

# Dialect words typed as they are spoken (Cantonese, Minnan), after Traditional -> Simplified:
# their Mandarin equivalents, so one set of cues and catalog words serves them all. Only words
# that are not also Mandarin words (边 alone is 旁边, 点 alone is 几点).
DIALECT: dict[str, str] = {
    "唔该晒": "谢谢",
    "多谢晒": "谢谢",
    "唔该": "谢谢",
    "唔系": "不是",
    "系唔系": "是不是",
    "系咪": "是不是",
    "有冇": "有没有",
    "冇": "没有",
    "唔": "不",
    "嘅": "的",
    "喺": "在",
    "咗": "了",
    "嘢": "东西",
    "乜嘢": "什么",
    "咩": "什么",
    "佢哋": "他们",
    "佢": "他",
    "哋": "们",
    "啲": "些",
    "揾": "找",
    "睇": "看",
    "畀": "给",
    "俾": "给",
    "攞": "拿",
    "嚟": "来",
    "噉": "这样",
    "咁": "这么",
    "边度": "哪里",
    "边个": "谁",
    "去到边": "到哪了",
    "点样": "怎样",
    "点解": "为什么",
    "屋企": "家里",
    "而家": "现在",
    "厝": "房子",
    "阮": "我们",
    "佗位": "哪里",
    "佇": "在",
    "着爱": "要",
    "欲": "要",
    "阿嬷": "奶奶",
    "健保": "医保",
    # round 12: Cantonese/Hakka words of amount, time, kin, work and death
    "几多钱": "多少钱",
    "几钱": "多少钱",
    "几多": "多少",
    "几耐": "多久",
    "依家": "现在",
    "而今": "现在",
    "过咗身": "去世了",
    "过身": "去世",
    "老豆": "爸爸",
    "老窦": "爸爸",
    "两公婆": "夫妻",
    "细路": "小孩",
    "细蚊仔": "小孩",
    "仔女": "子女",
    "返工": "上班",
    "出世": "出生",
    "倾偈": "聊天",
    "机械人": "机器人",
    "掰掰": "拜拜",
    "哈啰": "哈喽",
    "走佬": "跑了",
    "发人工": "发工资",
    "出粮": "发工资",
    "欠人工": "欠工资",
    "做唔郁": "干不动",
    "落嚟": "下来",
    "落来": "下来",
    "到边": "到哪",
    "边一步": "哪一步",
    "边间": "哪个",
    "马骝": "猴子",
    "食晒": "吃光",
    "食咩": "吃什么",
    "食乜": "吃什么",
    "食药": "吃药",
    "食饭": "吃饭",
    "乜": "什么",
    "么个": "什么",
    "点算": "怎么办",
    "唔识": "不会",
    "搞掂": "搞定",
    "只系": "只是",
    "就系": "就是",
    "琴日": "昨天",
    "寻日": "昨天",
    "听日": "明天",
    "头先": "刚才",
    "啱啱": "刚刚",
    "旧年": "去年",
    "囝仔": "孩子",
    "毋": "不",
    "袂": "不会",
    # round 13: Wu and central (Hubei, Hunan) words: 侬 you, 么事 what (not inside 什么事), 冇得
    "侬": "你",
    "什么事": "什么事",
    "么事": "什么",
    "冇得": "没有",
    # round 16: south-western (Sichuan, Chongqing, Guizhou), Xiang, Gan, Hakka and Minnan words
    # of home, children, kin, having and asking that are not Mandarin words themselves (屋里 and
    # 崽 are: 屋里 is inside a room, 猪崽 a piglet; 没得 and 晓得 stay for the greeting words)
    "屋企人": "家里人",
    "娃儿": "孩子",
    "细伢子": "小孩",
    "细伢崽": "小孩",
    "伢崽": "孩子",
    "伢子": "孩子",
    "伢儿": "孩子",
    "满崽": "小儿子",
    "崽女": "子女",
    "莫得": "没有",
    "么子": "什么",
    "啷个": "怎么",
    "么样": "怎么样",
    "堂客": "老婆",
    "𠊎": "我",
    "歹势": "不好意思",
    "无某无囝": "无儿无女",
    "无囝": "没有孩子",
    "囝": "孩子",
    "查某囝": "女儿",
    "查埔囝": "儿子",
    "按怎": "怎么",
    # round 17: Wu (Shanghai, Ningbo) words that are no Mandarin words themselves
    "几钿": "多少钱",
    "阿拉": "我们",
    "伊拉": "他们",
    # round 22: northern plain and north-western words of time, place and talk (晌午, 后晌, 夜儿个,
    # 恁们, 阿达 where, 谝 chat), Cantonese parking, that one, eating, here, and the Hui greeting
    "晌午": "中午",
    "后晌": "下午",
    "下昼": "下午",
    "上昼": "上午",
    "清起来": "早上",
    "夜儿个": "昨天",
    "今儿个": "今天",
    "明儿个": "明天",
    "恁们": "你们",
    "阿达": "哪里",
    "阿达西": "朋友",  # round 23: the Uyghur friend, not 阿达 where
    "谝": "聊",
    "泊车": "停车",
    "嗰个": "那个",
    "嗰": "那",
    "𠮶个": "那个",  # 嗰 as the Traditional -> Simplified step writes it
    "𠮶": "那",
    "食咗": "吃了",
    "喺度": "在这里",
    "倾下": "聊一下",
    "色俩目": "你好",
    # Wu (Jiangnan): here, time, not, don't, find someone, clearly, where
    "搿搭": "这里",
    "辰光": "时间",
    "覅": "不要",
    "勿": "不",
    "弗": "不",
    "寻个人": "找个人",
    "讲清爽": "讲清楚",
    "勒啥地方": "在什么地方",
}
# Digits as voice input spells them out in a ticket number (二零二六一一零五; 幺 is 1 read aloud)
SPOKEN_DIGITS = "〇零一二三四五六七八九幺"

# Wu 伐 ending a question after 了, 好, 对, 是, 行 (批下来了伐, 好伐) is 吗; 砍伐, 乱砍滥伐 and 树伐了
# stay as written
DIALECT_ASK_WORD = "伐"
DIALECT_ASK = "吗"
DIALECT_ASK_AFTER = "了好对是行"
# round 17: ...and after any character closing a question (要拍照伐, 能报伐, 卡号会变伐), except
# the felling words (砍伐, 采伐, 盗伐, 滥伐, 乱伐, 间伐, 择伐, 皆伐, 禁伐: a logging ban, a keyword of
# the forest compensation) and 讨伐, 征伐, 步伐, 杀伐, 北伐
DIALECT_ASK_NOT_AFTER = "砍采盗滥乱间择皆禁讨征步杀北挞"
# Cantonese 点 + verb is 怎么 + verb (hk点迁, 点交, 点补): 点 is «how» before these verbs unless a
# number, 几, 有, 一 or the like stands before it (几点交, 三点上班, 有点补)
DIALECT_HOW_WORD = "点"
DIALECT_HOW = "怎么"
DIALECT_HOW_VERBS = "迁 交 缴 补 换 领 续 上 搞 查 追 申请 报 办 整 改 转 登记 弄 拿 攞 揾 找 做 买 退 销 注销 开证明"
DIALECT_HOW_NOT_AFTER = "几一二两三四五六七八九十百半早晚差有快多重地钟终起焦亮盘清标"

# --- the matcher's language cues (cues.py, context.py, actions.py; not shown to villagers) -------
# CUE_PATTERNS: per cue, regular expressions over normalized text (a space stands for punctuation)
# in which «a b _» is an alternation of words ("_": nothing), «@name» the words of CUE_WORDS[name]
# and «~n» up to n characters of the same clause. A cue matches when any of its patterns does.
CUE_WORDS: dict[str, str] = {
    "q_end": "没有 没得 没 吗 么 嘛 不 了没 了吗 没呢 呢 未 没啊 不了",
    "past": "上次 上回 上个月 上月 上周 上星期 上礼拜 前天 昨天 前几天 前些天 前段时间 前阵子 之前 "
    "早就 去年 年初 月初 半个月前 一个月前 几天前 两个月前 好几天 好久 都一个月 个把月 快一个月 "
    "都半个月 已经 早都 老早",
    # what a household owns (我家的山, 俺家的地): no request of one's own (status_own)
    "possessions": "山 山林 林子 林地 林 树 地 田 耕地 承包地 宅基地 房 房子 屋 老房子 猪 牛 羊 鸡 鸭 庄稼 "
    "果树 茶园 鱼塘 粮食 玉米 水稻 稻子 麦子",
    "done_verb": "批 审核 审批 审 办 弄 搞 处理 做 公示 核实 核查 调查 决定 评 鉴定 上报",
    "misconduct": "不理人 爱理不理 不搭理 玩手机 推诿 推脱 推三阻四 踢皮球 刁难 为难人 吃拿卡要 乱收费 "
    "乱收钱 乱罚款 好处费 回扣 贪污 腐败 受贿 索贿 挪用 克扣 截留 冒领 优亲厚友 不公平 不公正 不公道 "
    "办事不公 暗箱 走后门 关系户 人情保 人情低保 不作为 乱作为 拖着不办 故意拖 不给办 不办事 骂人 吼人 骂我 吼我 凶我 "
    "打我 推我 理都不理 不理不睬 甩脸色 给脸色 翻白眼 包庇 偏袒 护短 贿选 拉票 买票 推来推去 踢来踢去 互相推 请客送礼 送礼 "
    "塞钱 上下打点 打点关系 不讲理 蛮不讲理 没道理 欺人太甚 没公开 没有公开 没公示 账目不清 糊涂账 失望 寒心 心寒 "
    "欺负人 效率太低 效率低 办事拖拉 拖拖拉拉 不给开收据 不开收据 不给收据 不开发票 私吞 中饱私囊 "
    "吃回扣 不公开 乱收 黑幕 有意见 拖拉了 不负责 不负责任 敷衍了事 折腾死人 折腾死了 瞎折腾",
    # wrongdoing a villager reports (to the leader on duty), by staff, officials or anyone
    "wrongdoing": "违建 违章建筑 违章搭建 私搭乱建 乱搭乱建 乱盖 偷偷盖 违法占地 乱占 占耕地 占农田 乱砍 滥伐 "
    "乱砍滥伐 偷砍 盗伐 偷伐 电鱼 炸鱼 毒鱼 偷猎 盗猎 偷排 乱排 直排 排污 污水 乱倒 倒垃圾 烧垃圾 焚烧 "
    "噪音 噪声 扰民 臭气 臭得 熏得 污染 强迫我 逼我 逼着我 威胁 恐吓 打人 赌博 聚赌 传销 黑恶 霸占 "
    "侵占 强占 占道 占路 堵路 挖沙 采砂 盗采 私挖 假冒 冒名 虚报 骗取 套取 扣了一半 私分 乱摊派 摊派 乱集资 打白条 擅离职守 脱岗 空岗 不在岗 没人上班",
    # topics of other offices and businesses (hospital, exit-entry, traffic police, banks, housing
    # fund, marriage registry, market regulation, tax, schools, housing, recruitment): a question
    # about them is out of the center's scope. scoring.py drops any the catalog's items mention.
    "elsewhere": "挂号 预约挂号 专家号 看专家 打疫苗 接种疫苗 护照 港澳通行证 台湾通行证 签证 出国 出境 驾照 "
    "违章 罚单 交警 扣分 年检 车牌 上牌照 交通事故 事故认定 责任认定 车贷 房贷 信用卡 储蓄卡 "
    "存款 利息 理财 网贷 征信 公积金 结婚登记 离婚手续 办离婚 工商执照 个体执照 食品经营许可 税务 报税 个税 "
    "交税 入学 择校 转学 学籍 招生 分数线 中考 高考 公租房 廉租房 经适房 商品房 房产证 征兵 参军 入伍报名 报名入伍 应征入伍 入伍体检 "
    "老年大学 养老院 敬老院收费 私立 手机卡 携号转网 电话卡 社区医院 卫生院看病 住院押金 彩礼 律师费 打官司费 退休工资 退休金涨 企业退休 "
    "国企退休 职工退休 看病要预约 预约看病 医院预约 预防针 招工 考驾照 考公务员 公务员 事业编 招聘 护工 体检 住院部 专家门诊 物业 物业费 房租 "
    "租房子 包工包料 拆迁款 商标 专利 退税 兽医 兽药 猪瘟 收购价 粮价 墓地 公墓 二手车 "
    "加油卡 燃气费 话费 充值 学费 补课 幼儿园报名 小学报名 初中报名 报名上学 "
    "上学报名 驾校 成绩 录取通知 奖学金 分红 股票 基金 寿险 医美 "
    # by class, so a new writer's question about another office's business is recognised too
    # hospital and health (not what a medical-insurance item describes: those words are dropped)
    "办住院 拍片 拍片子 彩超 B超 做CT 核磁 抽血 看牙 拔牙 "
    "配眼镜 产检 中医院 人民医院 妇幼保健院 疾控 防疫站 疫苗 接种 核酸 感冒 发烧 咳嗽 头疼 头痛 腰疼 "
    "腰痛 失眠 保健品 养生 降血压 降血糖 "
    # exit-entry, vehicles and traffic
    "出入境 出国劳务 办签证 车管所 年审 违停 交强险 车险 加油站 高速 ETC "
    # Hong Kong, Macau and Taiwan papers and cards, train tickets
    "回乡证 台胞证 香港身份证 澳门身份证 香港户籍 澳门户籍 香港居民 八达通 12306 火车票 订票 抢票 改签 "
    # tax, banks
    "税务局 开票 纳税 增值税 个人所得税 完税 存钱 汇款 网银 U盾 "
    "ATM 存单 定期存 贷款利率 存折密码 "
    # schools, courts, marriage registry
    "校服 校车 营养餐 考研 填志愿 报志愿 志愿填报 分数 报考 辅导班 补习 学位 升学 教育局 "
    "诉讼费 开庭 判决 强制执行 立案 律师事务所 婚姻登记 "
    # employers, commercial insurance, utilities, bought flats
    "加班费 年假 请假 五险一金 企业年金 办退休 退休手续 保险公司 平安保险 人寿 太平洋保险 意外险 "
    "重疾险 商业险 供电所 电力公司 自来水公司 电表 水表 煤气罐 装宽带 光纤 手机信号 网络信号 二手房 契税 "
    # recruitment, business licences, veterinary and farming advice
    "考编 考公 事业单位 教师招聘 面试 简历 食品经营 卫生许可 注册公司 市场监管 兽医站 鸡瘟 "
    "禽流感 配种 饲料 种子 嫁接 育苗 除草 除草剂 杀虫 亩产 行情 捕捞证 捕捞许可 渔船 船险 渔政 "
    # consumer subsidies, employer benefits, police cases, expropriation and bought property
    "以旧换新 家电下乡 购车补贴 汽车补贴 新能源车 家电补贴 消费券 半价票 高温补贴 取暖费 取暖补贴 "
    "生育津贴 产假 陪产假 年终奖 工资条 报警 诈骗 被骗 盗刷 安全账户 冻结 拆迁 征收 房屋租赁 小产权 骨灰 抚养费 留学 "
    # weather forecasts and phone help (not weather events: snow, storms and frost are what crop
    # insurance, dilapidated-house and temporary-relief questions tell of)
    "天气预报 屏幕 蓝牙 wifi 无线网 网速 "
    # commercial insurance sold by companies and their agents (the center's insurance is the
    # residents' pension and medical insurance and subsidised crop insurance)
    "医疗险 少儿险 学平险 百万医疗 商业医疗 惠民保 分红险 万能险 年金险 保险员 保险业务员 推销 中国平安 "
    "泰康 新华保险 保单 "
    # an employer's insurance schemes, banks' own business, tax and the sale of property
    "工伤保险 工伤认定 生育保险 退休职工 转账 手机银行 网上银行 还贷 还房贷 农行 工行 建行 中行 农业银行 "
    "工商银行 建设银行 中国银行 邮储银行 邮政银行 税 过户 买卖房子 卖房子 产权证 "
    # the village's self-government (elections, fund-raising for public works), police matters,
    # vehicles, wildlife farming, school fees
    "选举 换届 候选人 村民代表 投票 集资 筹资 一事一议 冒用 盗用 上牌 驯养 人工繁育 营养午餐 营养餐 伙食费 "
    # the army's own pay, cremation fees, builders and shops, fertility treatment
    "退伍费 随军 火化费 施工队 建材 门面 铺面 试管婴儿 人流 打胎 "
    # old family-planning fines, developers
    "社会抚养费 罚款 开发商 "
    # the marriage registry, schools, wedding and funeral services, rents, gadgets, the village's
    # public lighting, hospital deposits, prize and deposit scams, life insurance payouts
    "离婚登记 一年级 乐队 吹鼓手 婚庆 租金 理疗仪 按摩椅 老人机 路灯 押金 中奖 领奖 手续费 保证金 "
    "身故 人寿保险 "
    # notaries and the registration of bought or inherited property
    "公证 办公证 财产公证 遗嘱公证 不动产登记 房产登记 房产过户 "
    # goods bought from shops and online sellers, family banquets
    "商家 卖家 店家 网店 退货 网购 网上买 售后 保修 换货 质量问题 "
    "七天无理由 办酒 摆酒 办酒席 摆酒席 寿宴 做寿 祝寿 过寿 满月酒 升学宴 "
    # an employee's unemployment benefit (paid by the county's social insurance fund, not the
    # center's unemployment registration), animals found or kept (the forestry station's), traffic
    # cameras, bullying at school, debt collectors
    "失业金 失业保险金 领失业金 失业补助金 捡到 放生 救护站 野生动物救护 闯红灯 电子眼 "
    "霸凌 校园欺凌 被同学 催收 催债 暴力催收",
    # documents other offices issue: obtaining, replacing or losing one is their business (asked
    # as a material of one of ours, 报户口要结婚证吗, they are context, not this)
    "foreign_docs": "结婚证 离婚证 营业执照 执照 护照 驾照 驾驶证 行驶证 房产证 不动产证 银行卡 储蓄卡 "
    "不动产登记证 不动产权证 "
    "信用卡 存折 通行证 学生证 毕业证 准考证 医师证 教师资格证 健康证 出生医学证明 死亡医学证明 "
    "医学证明 无犯罪记录证明 无犯罪证明 学历证明 收入证明 工作证明 银行流水 狗证 犬证 卫生许可证 "
    "食品经营许可证 资格证 从业资格证 道路运输证 林权证",
    # other offices and businesses by name (not the center's departments: the catalog's names and
    # the center's departments are dropped, intents.IntentPhrases.build); a time, place or
    # contact question about one, or going there to be seen, is their business
    "institutions": "医院 县医院 市医院 人民医院 中医院 妇幼保健院 诊所 药店 药房 疾控中心 疾控 防疫站 "
    "车管所 交警队 交警大队 出入境 税务局 税务所 公积金中心 银行 信用社 农商行 邮政储蓄 学校 中学 小学 "
    "幼儿园 法院 婚姻登记处 供电所 供电局 电力公司 自来水公司 水厂 燃气公司 保险公司 "
    "不动产登记中心 市场监管局 工商所 人才市场 兽医站 畜牧站 殡仪馆 火葬场 移动营业厅 营业厅 电信 "
    "联通 移动公司 快递站 驿站 4S店 驾校 公证处",
    # another issuer named right before a service word: that office's or business's own paper or
    # product (香港身份证, 公司的社保, 银行的养老理财, 药店的医保卡), not the service itself
    "issuer": "香港 台湾 澳门 外国 国外 公司 单位 企业 厂里 工厂 银行 信用社 商业 药店 药房 超市 "
    "保险公司 券商 证券",
    "issued": "身份证 户口 社保 医保 医疗保险 养老保险 养老金 养老 社保卡 医保卡",
    # an employer's business: what the company, factory or unit pays, gives or decides
    "employer": "单位 公司 厂里 厂子 工厂 企业 用人单位 老板那 人事 财务",
    # weather, water, fire and pests that strike crops, houses and people (被冰雹打了, 被水冲了)
    "nature": "冰雹 雹子 冷子 风 大风 台风 龙卷风 雨 暴雨 大雨 雪 大雪 霜 冰 冻 水 洪水 大水 山洪 泥石流 "
    "滑坡 雷 雷劈 火 虫 虫子 蝗虫 老鼠 野猪 山猪 猴子 大象 野象 熊 黑熊 鸟 麻雀 旱 太阳",
    # common surnames, of a worker called 小王 or 老李
    "surname": "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 许 邓 曹 彭 曾 肖 田 董 袁 潘 蒋 蔡 余 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤",
    "person": "人 个人 一个人 真人 活人 工作人员 同志 窗口的人 窗口的同志 窗口的 负责人 负责的人 领导 干部 值班的 "
    "值班人员 管事的 办事的 你们的人 专人 人工 代办员 帮办员 客服 办事员 经办人 主任 书记 "
    "镇长 所长 站长 上班的人 上班的 坐班的 管事的人 办事的人 "
    "管这个的 懂的人 说了算的",
    "center_ref": "业务 办业务 你哋 你们 您们 中心 便民 服务中心 大厅 窗口 镇政府 政务 办事处 你那 你们那",
    "time_q": "几点 几时开 上班 下班 开门 关门 营业 办公时间 工作时间 作息 周六 周日 周天 周末 星期六 "
    "星期天 星期日 礼拜六 礼拜天 礼拜日 节假日 放假 假期 国庆 春节 过年 五一 元旦 端午 中秋 清明 午休 "
    "中午休息 值班 收工 早上 中午 晚上 下午 上午 预约 排队 拿号 取号 叫号 人多不多 人多吗 初几",
    "place_q": "地址 位置 地点 定位 导航 路线 停车 停车场 几楼 楼上 楼下 哪条街 哪条路 里面还是外面 "
    "电梯 轮椅通道 哪栋 哪栋楼 哪幢 哪座楼 哪个楼 哪一栋 几栋 哪层 几层 哪一层 厕所 卫生间 坐车 坐几路 门口 里面 里头 大院 院里 坐公交 坐什么车 几路车 坐班车 班车",
    "contact_q": "电话 联系方式 号码 手机号 座机 热线 微信号 公众号",
    # what may stand around such a question without making it about something else
    "center_filler": "你们 您们 便民服务中心 便民中心 服务中心 中心 大厅 窗口 镇政府 政府 政务服务 政务 "
    "办事大厅 这边 那边 那里 这里 你那 镇上 办事 办 去 来 到 休息 行 嗯 哦 钟 一共 总共 能 可以 可不可以 能不能 是 有 有人 开 今天 "
    "明天 后天 现在 平时 每天 几 多少 吗 么 嘛 不 没 呢 啊 呀 的 了 请问 问下 问一下 一下 想 要 我 还 也 "
    "都 还是 在 上 下 们 些 个 啥 什么 时候 时间 点 号 多 等 咨询 那个 这个 就是 过 得 最 早 晚 几号 哪 "
    "哪里 哪儿 地方 从 车站 汽车站 客运站 路口 好 方便 停 车 以后 以前 之前 之后 前 后 几天 开始 提前 "
    "初 正月 年后 节后 来得及 来不来得及 来不及 赶得上 赶不上 赶得及 半 号码 业务 事情 夏天 冬天 夏季 冬季 改 变 调整 你哋 哪天 节 打不通 别的 其他 另外 换 一个 "
    "腊月 冬月 除夕 年三十 大年三十 春节 过年 元旦 国庆 中秋 端午 清明 五一 "
    # round 17: the day itself, the holiday over (端午节当天, 过完年)
    "当天 当日 那天 节当天 过完 完 趟 "
    # round 22: a rest at noon (晌午歇不歇)
    "歇 歇息 歇晌",
    "greeting": "你好 您好 你们好 大家好 在吗 在嘛 在么 在不 在不在 在没 在没有 有人吗 有人在吗 有人么 早上好 "
    "早晨好 早晨 早安 早啊 上午好 中午好 下午好 晚上好 晚安 谢谢 谢了 多谢 得劲 下次再问 改天再问 回头再问 感谢 辛苦 麻烦了 麻烦你了 麻烦您了 "
    "打扰了 打扰 再见 拜拜 回见 好的 好嘞 好滴 好吧 好 行 收到 知道了 明白了 懂了 晓得了 ok okay 哈喽 "
    "hello hi 嗨 新年好 过年好 春节快乐 新年快乐 节日快乐 中秋快乐 点赞 赞 早 要得 中 好嘛 没事了 不用了 "
    "可以了 行了 晓得 知道啦 谢谢啦 喂 哦 噢 嗯 哎 诶 唉 嘿 吃了没 吃了吗 吃饭了没 吃饭了吗 吃了饭没 吃过了吗 "
    "一生平安 身体健康 万事如意 生意兴隆 心想事成 恭喜发财 祝你 祝您 祝你们 好人 劳力 多谢 感恩 给你点赞 "
    "你们辛苦 辛苦你们 知道怎么弄了 知道怎么办了 晓得怎么弄了 会弄了 搞定了 没问题 没得问题 妥了 "
    "工作顺利 一切顺利 天天开心 帮了大忙 帮大忙了 太好了 太感谢 没别的事 没有别的事 没其他事 没什么事 "
    # round 17: Wu and chat-English goodbyes and thanks, greetings of minority languages (Tibetan
    # 扎西德勒, Uyghur 亚克西 and 热合麦特 thanks, Mongolian 赛白努), a matter said to be done
    "再会 再会了 thx thanks thank 3q bye byebye 88 扎西德勒 亚克西 热合麦特 赛白努 赛拜诺 "
    "已经办好了 已经弄好了 都办好了 "
    # round 23: Uyghur hello and thanks (亚克西木斯孜, 热合买提), Arabic salam, Tibetan thanks
    # (突及其), Xinjiang friend and no problem (阿达西, 没麻达), Minnan hello, sorry and eaten yet,
    # chat thanks (谢谢宝), understood (问清楚了, 知了)
    "亚克西木斯孜 亚克西姆赛斯 萨拉木 萨拉姆 热合买提 拉合买提 热合麦提 突及其 突吉切 阿达西 没麻达 "
    "歹得很 汝好 不好意思 食饱未 食饱了未 知了 问清楚了 清楚了 弄清楚了 "
    # round 24: the central plains' ok, a voice call's hello and goodbye
    "可中 能听见不 能听见吗 能听到吗 听得见吗 听得到吗 听见没 挂了 先挂了",
    "greeting_filler": "小助手 助手 同志 老师 师傅 领导 小妹 小哥 美女 帅哥 工作人员 麻烦 "
    # forms of address (谢了老妹儿, 辛苦了大兄弟)
    "宝 宝子 朋友 老铁 老妹儿 老妹 妹儿 妹子 大妹子 老弟 小老弟 大兄弟 老哥 姑娘 小姑娘 小伙 小伙子 靓女 靓仔 老乡 你们 你 您 恁 大家 "
    "啦 了 呀 啊 哈 呢 喔 嘛 的 哈哈 很 非常 太 真 一下 哦 嗯 呐 哟 哇 咯 请问 那个 啊啊 在 吗 么 各位 亲 晒 "
    "噻 撒 嘞 咧 哒 嗷 哦哦 嗯嗯 好好 啊呀 喂 哦 噢 嗯 哎 诶 唉 我 俺 那 明天 后天 改天 回头 过两天 到时候 就 吧 去 来 再 "
    "我想问个事 想问个事 问个事 问点事 我有个事 有个事 有点事 想问问 问问 请教 请教一下 打扰一下 在不在",
    "kin": "爹 娘 爸 妈 爸爸 妈妈 父亲 母亲 老爹 老娘 老爸 老妈 老伴 老头 老头子 老婆子 爷爷 奶奶 外公 "
    "外婆 姥姥 姥爷 公公 婆婆 丈夫 老公 男人 媳妇 老婆 儿子 闺女 女儿 孩子 独生子 独生女 哥 姐 弟 妹 叔 "
    "伯 大伯 舅 姑 姨 老人 家人 亲人 家里人 老爷子 老太太 老太婆 老婆婆 老奶奶 老爷爷 老汉 老汉儿 老头儿 "
    "老父亲 老母亲 老父 老母 公爹 婆娘 爱人 妻子 对象 两口子 老两口 孙子 孙女 外孙 外孙女 侄子 侄女 女婿 "
    "儿媳 儿媳妇 哥哥 姐姐 弟弟 妹妹 大哥 大姐 兄弟 姐妹 叔叔 婶婶 婶子 舅舅 姑姑 阿姨 岳父 岳母 丈母娘 "
    "老丈人 公婆 爹妈 爸妈 父母 爹娘 老爷 阿公 阿婆 阿爸 阿妈 娃 娃儿 娃娃 小孩 小孩子 宝宝 伢 伢子 崽",
    # the center's people (not any 人): 叫一下社保那边的同志, 跟你们镇上的领导说
    "staff": "工作人员 同志 领导 负责人 负责的人 干部 书记 镇长 主任 办事员 窗口的人 值班的 管事的 人工 真人",
    # who a request is for: the villager, or the relative they write for (给我妈回个电话)
    "someone": "我 俺 我们 俺们 他 她 他们 她们 老人 老人家 家里人 我家老人 我爸 我妈 我爹 我娘 我爷爷 我奶奶 "
    "我外公 我外婆 我老伴 我老公 我媳妇 我儿子 我闺女 我女儿 俺爹 俺娘 俺爸 俺妈 俺老伴 我家 俺家",
    # who is in a state: 我是低保户, 家里又是特困户, 已经有残疾证了
    "owner": "我 俺 咱 他 她 们 家 里 人 子 女 儿 伴 爸 妈 娘 爹 叔 婶 哥 姐 弟 妹 又 也 都 本身 已经 原来 "
    "以前 本来",
    # X的 followed by these is still about X (低保的条件) or is the subject (当过兵的能领什么证)
    "generic_heads": "话 时候 条件 材料 手续 流程 标准 钱 事 问题 政策 要求 资格 规定 人 地方 窗口 电话 "
    "时间 办法 情况 东西 资料 证明 费用 金额 待遇 申请 办理 那个 这个 一个 多少 什么 啥 怎么 咋 能 可以 "
    "可不可以 要 有 没 去 来 给 发 办 领 交 是 都 也 还 在 就 该 需 得 想 让 叫 找 到 补 算 会 应该 "
    "授权 授权书 申请书 表格 公示 评议 审核 审批 核对",
    "generic_verbs": "办 弄 搞 办理",  # wanted, they still say nothing about which item
    # words that say nothing about which item is asked for, whatever item it is: pronouns and
    # who the villager is (also «@kin»), dialect particles and fillers, question words, modal
    # and generic verbs, time and place deixis, hearsay. The decision's features (coverage of
    # the message by the best item, how much it says) leave them out (scoring.Scorer.neutral);
    # a word an item is named by (老人 in 老年人...) is never neutral.
    "neutral": "我 你 您 他 她 它 俺 咱 咱们 咱家 俺们 俺家 我们 我家 你们 他们 她们 人家 自己 自家 阮 恁 侬 "
    "嗯 嗯嗯 哦 噢 啊 呀 哈 嘛 噻 撒 咧 呢 吧 啦 咯 哟 哇 嘞 哒 呗 喔 诶 哎 唉 那个 这个 那 这 就是 就是说 "
    "然后 反正 到底 其实 真 真的 实在 还有 还是 一下 一哈 问下 问问 跟你说 我跟你说 老妹儿 妹儿 "
    "怎么 怎么样 怎样 咋 咋个 咋样 咋整 如何 啥 啥子 撒子 什么 哪 哪里 哪儿 哪个 哪些 哪块 多少 几 几个 "
    "多少钱 好多钱 几多钱 多钱 几多 好多 几时 啥时候 什么时候 哪天 多长时间 几天 "
    "多久 好久 拿到 到手 谁 为啥 为什么 有没有 是不是 能不能 可不可以 行不行 中不中 要不要 得不得 吗 么 没 不 "
    "想 要 能 可以 会 得 该 应该 需要 请 帮 帮忙 帮我 找 问 问个 弄 搞 整 办 去 来 "
    "今年 去年 前年 明年 现在 如今 以前 以后 之前 之后 一直 刚 刚刚 最近 已经 早就 当时 那时 "
    "家里 家头 屋头 屋里 村里 镇上 这边 那边 这里 那里 外头 外面 老家 在家 "
    "听说 听人说 人家说 别人说 村里说",
    "action_verbs": "交 缴 买 参加 参保 投保 续 领 拿 领取 转 迁 转移 接续 报 报销 补 补办 换 销 注销 开 "
    "登记 备案 评 鉴定 办",
    # actions (actions.py): what the villager wants done with a topic
    "act_pay": "交 缴 买 参加 参保 投保 续保 缴费 交费 续交 补缴 补交 交钱 入保 参合 续费",
    "act_draw": "领 领取 申领 领钱 拿钱 发放 领到 发钱 开始发 开始领",
    "act_move": "转 转移 接续 迁 迁移 迁入 迁出 转入 转出 合并 转回 转到 迁到 落户 迁回 迁走 迁过去 "
    "迁过来 落到 落回 落过去 落过来 接到一起 合到一起 并到一起 合在一起 并在一起 接在一起 合起来 并起来 "
    "接起来 连起来",
    "act_refund": "报 报销 报账 垫付 垫钱 回来报",
    "act_replace": "补办 换 换证 换领 挂失 丢 丢了 掉了 弄丢 搞丢 丢失 不见了 找不到了 过期 到期 补领 "
    "补一张 补个 补张 坏了",
    # a loss already suffered (弄丢了, 过期了) is why a replacement is wanted: done, still wanted
    "act_lost": "丢 丢了 掉了 弄丢 搞丢 丢失 不见了 找不到了 过期 到期 坏了",
    "act_cancel": "注销 销户 销 销掉",
    "act_certify": "开证明 开具 开个证明 出证明 开一个证明",
    "act_record": "备案 报到 采集 建档 登记",
    # money paid to the villager, what one checks (查一下我的补贴): no request of one's own
    "paid_words": "补贴 补助 津贴 钱 资金 款 养老金 抚恤金 奖扶金 惠农 一卡通 到账",
    "act_check": "查 查询 查查 查一下 查下 核对 看看 到账 到账没 发了没",
    "act_heads": "交缴买领拿转迁换销",
    # where or by what means, as one word with a single verb after it (网上交, 手机交, 村里领)
    "act_means": "网上 线上 手机 手机上 微信 微信上 支付宝 村里 镇上 县里 窗口 银行",  # single verbs that also head a verb + topic word (交医保)
    "refund_verb": "报",  # a refund only at the end of its phrase (回来怎么报), not 报个低保
    "material_verbs": "开带拿交办补",  # 开证明, 带户口本: a material after a verb
    # a modal inside a name of noun + verb after its noun (学费能减免 = 学费减免, 户口可以迁移吗)
    "loose_modal": "能不能 可不可以 可以 能",
    "loose_inner": "的",  # may stand inside a name after two of its characters (老年人的优待证)
    "death_word": "死亡",  # added after 我爹去年冬天走了 (丧葬补助, 注销户口, 特别扶助)
    "birth_word": "出生",  # added after 媳妇刚生了个闺女 (出生登记)
    "felling_word": "砍树",  # added after 门口的树想砍了卖, 把桉树伐了 (林木采伐)
    "school_aid_word": "学生资助",  # added after 读书的补助, 上学有补贴吗 (学生资助)
    "farm_loss_word": "农业保险",  # added after 猪病死了 保险赔不赔 (农业保险)
    "after_insurance_word": "医疗救助",  # added after 医保报了以后还要自己出 (医疗救助)
    "move_wish": "想 要 怎么 咋 咋个 能 能不能 可以 打算 准备 如何",
    "household_moved": "落到 落在 落回 落过去 落过来 落进 迁到 迁回 迁过去 迁过来 迁去 迁来 弄过来 弄过去 "
    "转过来 转过去 转到 转回",
    "refund_after_word": "回来报销",
    "medical_fee_word": "交医保",
    "medical_paid_word": "交医保",
    "assistance_review_word": "低保",
    "aged_allowance_word": "高龄津贴",
    "payout_card_word": "社保卡丢了",  # added after 打钱的那张卡掉了 咋补 (社会保障卡申领)  # added after 满八十以后从哪个月开始发 (高龄津贴申领)  # added after 评上低保以后每年还要复查不 (低保申请)  # added after 合作医疗今年交上了没 咋查 (医保参保缴费)
    "newborn_insured_word": "交医保",  # added after 孩子刚出生 医保怎么参 (医保参保缴费)
    "newborn_card_word": "社会保障卡申领",  # added after 新生儿可以办社保卡吗 (社保卡申领)
    "house_failing_word": "危房",  # added after 房子快垮了 没钱修 (危房改造)
    "land_lease_word": "土地流转",  # added after 地想租给合作社 (土地流转)
    "veteran_card_word": "退役军人优待证",  # added after 当了三年兵 听说能领个证 (退役军人优待证)
    "death_register_word": "注销户口",  # added after 我爹走了 户口本上他那页咋处理 (死亡注销户口)
    "insured_away_word": "异地就医",  # added after 跟儿子在深圳住 医保能在那边用吗 (异地就医备案)
    "pension_due_word": "领养老金",  # added after 刚满60 交了15年 怎么办领取手续 (养老金领取)
    "disabled_monthly_word": "残疾人补贴",  # added after 办了残疾证 每个月有钱领吗 (两项补贴)  # added after 医保一年多少钱 (医保参保缴费)
    "child_unsupported_word": "事实无人抚养儿童",  # added after 爸妈都重病 养不了娃 (孤儿保障)
    "pension_estate_word": "养老保险账户继承",  # added after 交了养老保险还没领就走了 (丧葬补助金)  # added after 没有直接结算 回来咋报 (零星报销)
    "pension_join_word": "交养老保险",  # added after 想开始交 六十岁以后能领的 (养老参保)
    "household_move_word": "户口迁移",
    "household_proof_word": "户籍证明",
    "card_again_word": "换社保卡",  # added after 社保卡在外地办的 回来要重新办吗 (社会保障卡申领)  # added after 要开个迁移记录的证明 (户籍证明开具)  # added after 户口想从村里落到镇上 (户口迁移)
    "disability_cert_word": "残疾证",  # added after 算不算残疾 能不能办证 (残疾人证)
    "only_child_aged_word": "奖扶金",  # added after 农村独生子女 父母满60了 (奖励扶助)
    "only_child_word": "计生特殊家庭",  # added after 独生子出车祸没了, 独生女伤残 (计划生育特别扶助)
}
CUE_PATTERNS: dict[str, tuple[str, ...]] = {
    # status: a past submission or an explicit "my request" (上个月交的, 我那个, 交上去的)...
    "status_own": (
        "«@past»«~10»«交 报 递 提交 申请 送 办 带 登记 弄 填 提 问 反映 找»",
        # round 17: a span of time ago counted (两周前交的, 十来天前报的, 半年前申请的)
        "[一二两三四五六七八九十几半0-9]«个 来 多 _»«天 日 周 星期 礼拜 月 年»«以前 前»«~6»«交 报 递 提交 申请 送 "
        "办 登记 填»",
        "(?:我|俺|咱)«~2»«那个事 那件事 的事 那事 这个事 那桩事»",
        "«@kin»«~4»«的申请 申请的 报的 交的 递的 办的 登记的 那个事 的事»",
        "(?<!能)(?<!以)«交 报 递 送 提交 带»«上去 过去 进去 上来 去县里 到县里 给你们 到你们 了»",
        # round 15: not one's land, house or animals (我家的山划成公益林了 补偿金啥时候发: the item's
        # payment date), which are no request
        "(?:我|俺|咱)«的 家的 们的 那个 那 个 申请的 报的 交的 办的 这个 家那个 家这个»(?!«@possessions»)",
        "«帮我 替我 给我»«带 送 交 报 递 代办»",
        "«代办员 帮办员»",
        "«我 俺 咱»«~6»«申请的 报的 交的 办的 递的 提交的 登记的»",
        "(?:^| )«申请的 报上去的 交上去的 递上去的 递的 提交的»",
        "等了«~4»«天 月 周 星期 礼拜 年»",
        "«办了 申请了 提交了 递了 送了»«~3»«天 月 周 星期 礼拜»了",  # 身份证办了半个月了
        "«申请了 提交了 递了 送了»«~3»«天 月 周 星期 礼拜 年»",  # 补贴申请了半年 还没到账
        # a request named as made, ending its clause (光荣牌申请了 什么时候发下来)
        "«申请了 提交了 递了 递上去了 交上去了 报上去了 申请过了 报过了»(?= |$)",
    ),
    # ...progress words that presuppose a request (to ask them is to ask about progress)...
    "status_progress": (
        "«办 审 审核 审批 批 走 进行 弄 搞 处理 跑 报 转»到哪«一步 了 里 儿 个环节 块 _»",
        "到哪一步",
        "到«啥 什么 哪»«地步 程度 步 阶段 环节»",
        "«查 看 问»«~4»«我的 他的 她的 我家的 我们的 我们家的 俺的 俺家的 老人的 我那个»«~5»«申请 材料 事 工单 "
        "件 表»",
        "«办 审 批 弄 搞 走 进行 处理»到«啥 什么 哪个»«地方 位置»",
        "«催 催一下 催催 催一催 帮我催 帮忙催»",
        "«申请 材料 表格 申请书»«~2»«交了 提交了 递了 报了 交上去 递上去 报上去 提交 送上去»«~4»«天 月 周 星期 "
        "礼拜»了",
        "«石沉大海 没下文 没了下文 杳无音信 音讯全无 没了音信»",
        "«一直 还是 到现在 至今 都»«~2»«没消息 没音讯 没动静 没回音 没下文 没结果 没批 没下来»",
        "«批 审批 审核 通过»了«吗 么»",
        "«进度 进展 办理情况 办理状态 办件状态 审核情况 审批情况 处理情况 状态»",
        "«@done_verb»«好 完 结 下来 成 妥 过 出来 通过 掂»了?«@q_end»",
        "«@done_verb»了«没有 没 没得 没呢 未»",
        # without 了, 同意吗 / 受理吗 ask a condition (要村里先同意吗, 镇上能受理吗), not how far it got
        "«通过 批准 办结 受理 成功 下来 通知 同意 批复»了?«没有 没 没呢 未»",
        "«通过 批准 办结 受理 成功 下来 通知 同意 批复»了«吗 么»",
        "«办结 成功 下来 批复»«吗 么»",
        "(批|办|审|弄|搞|好|成|过|通过|下来|报|交|递|送|提交)没\\1",  # A-not-A: 批没批, 报没报
        "有«结果 消息 回音 答复 回复 动静 信儿 眉目 下文 进展»了?«@q_end»",
        "«结果 消息»«出来 下来»了?«@q_end»",
        "«办得 弄得 审得 批得 搞得 申请得 申请 办理 审核 处理得»«怎么样 咋样 如何 咋个样 啥样 怎样»了",
        "还没«批 下来 办好 办完 办下来 消息 通知 结果 动静 回音 审核 审批 通过 回复 答复 办结 公示»",
        "查«一下 下 查 询 一查 _»«进度 办理情况 办件 我的申请 我的工单 审核结果 审批结果 办理结果 结果 "
        "我的事 我的材料 我的»(?!«~6»«@paid_words»)",
        # round 15: a request or its papers sent on to a higher office (申请到县里了没有)
        "«申请 材料 资料 表 报 递 交 送 转»«~2»到«县里 县上 乡里 上面 区里 市里 民政»了«没有 没 吗 么»",
        "«工单 办件编号 受理编号 受理单 回执单 回执 办件号 受理号 工单号»",
        # a request still being examined (我的申请还在审核吗, 是不是还在公示)
        "«还在 是不是还在 是否还在 仍在 仍然在 一直在»«审核 审批 审查 公示 走流程 核实 核查 评议 排队等»",
        "«谁在办 谁在弄 谁在管 谁负责我 有人在弄 有人在办 有人管没 在弄没 在办没 在处理没»",
    ),
    # round 17: how long the item takes, asked of the service in general (失业登记当天能办好吗,
    # 一般要等多长时间才晓得批没批): the item's time limit, not how far one's request got; progress
    # words inside it are no status cue
    # round 17: one aspect of an item told with another office's word: what applying for something
    # costs (申请低保要交手续费吗, 补办要不要工本费), not a bank's charge (转账要手续费吗); the bank card
    # an item's money is paid on, changed (养老金想换一张银行卡来领), not the bank's own business
    "own_aspect": (
        # round 19: another office where one's card failed (银行刷不出来, 信用社读不出) or that said
        # it had expired or broken (银行讲身份证过期了): why the card is replaced, not that office's
        "«@institutions»«~2»«刷不出来 刷不出 刷不了 读不出来 读不出 读不了 识别不了 不认»",
        "«@institutions»«说 讲 讲的 说的 说是 讲是»«~3»«身份证 社保卡 户口本 残疾证 医保卡 老年证»«~4»"
        "«过期 坏 失效 不能用 不好用 用不了 刷不 读不»",
        "«申请 办 办理 补办 换证 补证 领 登记 上户口 迁户口»[^ ]{0,8}?«要 需要 得 收 要不要 需不需要 _»«交 缴 出 付 _»"
        "«手续费 工本费 费用»",
        "«养老金 退休金 补贴 补助 津贴 低保金 低保 抚恤金 救助金 补偿金 生活费»[^ ]{0,6}?«换 改 变更 更换 改成 换成»"
        "«一张 张 个 _»«别的 新的 其他 另一张 _»«银行卡 存折 账户 账号 卡»",
        "«换 改 变更 更换 改成 换成»«一张 张 个 _»«别的 新的 其他 另一张 _»«银行卡 存折 账户 账号»[^ ]{0,4}?«来领 领 发 打 收 到账»",
        # round 18: the household's savings or vehicle weighed for a means-tested item (吃低保要查
        # 存款不, 家里有存款还能评特困吗): the item's condition, not the bank's business
        "«低保 特困 五保 低保户 特困户 五保户»(?!金)[^ ]{0,8}?«存款 存折 小车 轿车 汽车 三轮车 车子 商品房 楼房»",
        "«存款 存折 小车 轿车 汽车 三轮车 车子 商品房 楼房»[^ ]{0,12}?«低保 特困 五保»",
        # round 18: the yearly review of a granted assistance (低保户年审要准备什么): not a vehicle's
        "«低保 特困 五保 残疾 补贴 低保户 特困户 五保户»[^ ]{0,10}?«年审 年检»",
    ),
    "period_asked": (
        "«当天 当场 当日 马上 立马 立刻 现场 一天»«就 _»«能 可以»«@done_verb»«好 完 成 下来 出来»«吗 么 不 没 嘛 _»",
        "«一般 通常 正常 平常 一般来说 正常来说»«~6»«多久 多长时间 几天 多少天 几个月 多少个工作日»«~8»"
        "(?:(批|办|审|通过|下来)没\\1|«批 下来 办好 办完 知道 晓得 出结果 有结果»)",
    ),
    # ...and questions of when or what is left, status only with an own reference (else they
    # ask for the item's time limit or materials)
    "status_when": (
        "«啥时候 什么时候 哪天 多久 多长时间 几时 几天 多少天 咋还 怎么还»«~4»«好 批 下来 办好 拿到 到账 "
        "发 通知 出结果 有结果 有消息 有回音 有信 办完 办结 领到 领 审 没 不 拿 打钱 给钱 发钱 到 来人 来看 上门 鉴定 "
        "来查 来量 核查»",
        # 能去取了吗: whether the document is ready to be collected
        "«能 可以»«去 来 _»取«了 _»«吗 么 没 没有 不»",
        # round 17: the people sent to look at it awaited (鉴定的人什么时候来)
        "«啥时候 什么时候 哪天 几时»«~1»来(?=$| |了|啊|呀|呢|吗)",
        "«能 可以»«去 来»«拿 领»了«吗 么 没 没有 不»",
        # 截止到哪天 asks for a deadline, not how far a request got
        "(?<!截止)(?<!截至)«到哪 怎么样了 咋样了 如何了 咋个样了 有信没 有没有信 还差 还缺 还要补 啥情况 什么情况 "
        "情况咋样 情况怎么样 啥进展 什么进展 咋回事 怎么回事 到什么程度 有下落»",
        "要补(?!交|缴|办|领|发|贴|助|偿|钱)",
        "«出来 下来 批下来 办下来 办好 办完 弄好 搞好 好»了?«没有 没 没得 未 吗 么»",
        "«消息 音讯 音信 回音 动静 信儿 下文 回复 答复 回话 结果»«~4»«没 没有 没得 都没 也没 不见»",
        "有«~2»«回复 答复 回音 回话 理 管 跟 在跟 在管 在弄 在办 处理 消息 下文 进展 动静 在看 看 在审 审»«@q_end»",
        "«批不批 办不办 给不给 发不发 审不审 还办不 还批不 还给不»",
        "«交了 报了 递了 申请了 提交了 交上去 报上去 递上去 提交 等了»«~4»«天 月 周 星期 礼拜 年»了",
        "«没人理 没人管 没人回 没人办 没人处理 没人回复 没人问 不理人»",
        "«收到 看到 收没收到 看没看到»了?«吗 没 没有 么»",
        "«没人通知 没通知 没有通知 没人联系 没人告诉 没信了 没下文了»",
        # round 15: not whether it can be done now (现在能交了吗, 可以报了吗: the item's period)
        "(?<!能)(?<!以)«报 递 交 送 提交 报上去 递上去 交上去»了«没有 没 吗 么»",
        # round 17: sent on, with where told before (帮我代办送县里 送过去了吗)
        "(?<!能)(?<!以)«报 递 交 送 提交 转»«过去 上去 走 出去»了«没有 没 吗 么»",
        # one's own file marked as lacking something (我的件显示待补正)
        "«待补正 待补充 补正 退回补件 需补件 要补件»",
        # sent on to a higher office (报到县里了没有, 递到镇上了吗)
        "«报 递 交 送 转»到«县里 县上 镇上 镇里 乡里 上面 民政 区里 市里»了?«没有 没 吗 么»",
        # round 15: ...or with what was sent told before (我上个月交的申请 到县里了没有)
        "(?:^| )到«县里 县上 乡里 上面 区里 市里»了«没有 没 吗 么»",
        "«然后呢 下一步呢 后面呢 接下来呢 后来呢 接下来咋办 下一步咋办 下一步怎么办»",
        # what has still not come (还没到账, 到现在都没来, 还没拿到), or was turned down (审核没过吗)
        "«还没 还没有 都没 都还没 一直没 到现在都没 到现在还没 至今没 迟迟没 咋还没 怎么还没»«~2»(?:«到账 拿到 领到 "
        "收到 发下来 发 下来 上门 见到 见人 打过来 打到»|来(?![得不]))",
        "«审核 审批 评估 核查 批»«~1»没«过 通过 批下来»",
        "«到底 现在 目前 眼下»«~2»«咋样 怎么样 如何 咋个样 啥情况 什么情况»",
        "«处理 办 办理 弄 搞 审 批 审批 审核 通过 办好 办完»了«吗 么»",
        "«有没有 有无»«~2»«回复 答复 回音 回话 人理 人管 人跟 人在跟 人在管 人在弄 人在办 人处理 消息 结果 "
        "下文 进展 动静 眉目 批 批下来 通过 办好 下来 审核 审批 到账 发 人在看 人看»",
    ),
    # contributions paid into an insurance for years (交了十几年农保, 一直交的农村养老保险, 养老保险交了
    # 十五年): the background of a pension or of paying on, not a request waiting for an answer
    "contributions": (
        "«交 缴 买 续»«了 过 的 着»«~6»«保险 农保 社保 医保 养老 合作医疗 新农合 农合»",
        "«保险 农保 社保 医保 养老»«~3»«交 缴 买 续»«了 过 的 着 满 够»«~4»年",
    ),
    # obtaining a document of another office (办营业执照去哪, 结婚证在哪领, 驾驶证丢了咋补)
    "foreign_doc_q": (
        "«办 领 补 换 考 申请 补办 换领 拿»«~2»«@foreign_docs»",
        "«@foreign_docs»«~4»«在哪 哪里 去哪 怎么办 咋办 咋弄 怎么弄 怎么领 咋领 怎么补 咋补 丢了 掉了 挂失 "
        "过期 到期 换证 咋个办 怎么考 咋考 多久 多长时间 啥时候 什么时候 能下来 下来 怎么改 咋改 改名 "
        "更正 写错 变更 加名字 加个名»",
    ),
    # a question about another office by name (县疾控中心在哪, 自来水公司电话多少), being seen there
    # (去医院生孩子要带啥, 在县医院做胃镜), or an employer's insurance or retirement (公司给交的医保,
    # 单位退休的): another office's or business's (intents.IntentPhrases.build)
    # another office or an employer asks the villager for a certificate (银行要我开个亲属关系证明,
    # 去银行办事要户籍证明): the need is the certificate, the office is only who asked for it
    # whether to go to another office or to the center for it (社保卡在银行办还是在你们这办): the
    # other office is only the alternative, the question is the center's
    "place_choice": (
        "«@institutions»«~2»还是«在 去 到 找 _»«你们 您们 这 这里 这边 镇上 镇里 中心 窗口 便民 政府»",
        "«你们 您们 这里 这边 镇上 镇里 中心 窗口 便民 政府»«~3»还是«在 去 到 找 _»«@institutions»",
    ),
    # another office's business named as what a certificate is needed for (我爸办退休需要开个户口证明,
    # 过户要开亲属关系证明): the need is the certificate; group 1 is the purpose. Not when which
    # certificate is asked (坐飞机要开什么证明: the airline's rules)
    "purpose_certificate": (
        "([^ ]{1,10}?)«需要 要 得 让 叫 说要»«我 我们 俺 _»«开 出具 出 提供 打 交 _»(?!«~2»«什么 啥 哪些 哪个 哪种»)"
        "«~4»证明",
        # ...or after it (开个户口证明 去银行要用, 证明给单位用的)
        "证明 ?«去 到 给 拿去 拿到 交给 _»([^ ]{1,8}?)«要用 得用 需要用 用的 要的 用»(?=$| |吗|呢|的)",
    ),
    # another office's document asked for as a material (投靠子女落户 要房产证吗, 办这个要带结婚证不):
    # what to bring, not that office's business
    "material_doc": (
        "«要 需要 得 带 提供 交 拿»«着 上 _»«@foreign_docs»(?=«吗 么 不 没 嘛 呢»)",
        "«要不要 需不需要 用不用 得不得 带不带»«@foreign_docs»",
    ),
    # the app or phone a payment or an application is made with (微信上能交吗, 用支付宝缴费): how the
    # item is done, not the app's business
    "means_paid": (
        "«微信 支付宝 手机 网上 小程序 公众号»«上 里 _»«~3»«交 缴 缴费 续 办 申请 报 付款 支付 付钱»",
        # round 20: the app asked after the verb of paying (钱哪里交 能用微信吗, 交冇得微信吗)
        "«交 缴 缴费 付款 付钱»«~5»«微信 支付宝 智能手机 小程序 公众号»",
        # round 20: an app or a phone one lacks or cannot use (俺娘没有智能手机, 不会用微信): who
        # asks, not what is asked
        "«没有 没 冇得 冇 没得 不会用 不会弄 用不来 玩不来 不会»«个 用 _»«智能手机 微信 支付宝»",
    ),
    # advice on which grade of contributions to choose (交哪个档次划算): a question about the
    # residents' insurance itself, not shopping advice
    "grade_choice": (
        "«档次 档位 哪档 哪一档 几档 几个档 缴费档 哪个档 什么档 啥档 哪种档»",
        # round 19: whether paying in (so much, so long) is worth it (交多少档划算, 连交十五年划不划算,
        # 交高档的划算不): the same choice, told by the verb of paying
        "«交 缴»«~12»«划算 合算 划不划算 合不合算»",
    ),
    # another office as where someone works or has just been (儿子在银行上班, 刚从诊所回来, 从信用社
    # 取完钱): the background of the question, not what it asks
    "office_visited": (
        "«在 从 去 到»«@institutions»«~2»«上班 工作 打工 当 上岗 回来 出来 取完 取了 办完 看完 存完»",
    ),
    "asked_by_office": ("(?:«@institutions»|«@employer»)«~6»«要 让 叫 需要 要求 说要»«~12»证明",),
    "elsewhere_frame": (
        # round 24: signing up for the army (当兵 报名 咋报), a courier's tracking number (SF1409…)
        "«当兵 参军 征兵».{0,3}«报名 体检 政审»",
        "(?<![a-z])«sf yt zto zt jt jd sto yd ems»\\d{9,15}",
        "«@institutions»«~6»(?:«@time_q»|«@contact_q»|«在哪 在哪里 在哪儿 哪个窗口 几楼 哪个科 哪个楼 "
        "怎么走 咋走 怎么去 咋去»)",
        # not when the residents' own scheme is asked for after it (公司给我交了职工医保 家里孩子的
        # 居民医保还用交吗)
        "«@employer»«~3»«给交 给我交 给缴 给买 给我买 帮交 不给交 不给买 不给开»(?!.{0,20}«居民 城乡 农村 新农合 合作医疗 农合»)",
        "«@employer»«~2»«退休 办退休 的退休»",
        "«职工 企业 单位 城镇职工»«~2»«退休 养老金 退休金 退休工资»",
        # what the employer fails to pay or stopped paying (公司没给我交社保; 厂里交的 may be a
        # transfer's background)
        "«@employer»«~4»(?:«没 没有 不 断 停 少 漏»«给 _»«~2»«交 缴 买»|«断交 断缴 停交 停缴»)",
        # an employee's own schemes (企业职工医保, 退休职工的医保卡)
        "«企业职工 退休职工 在职职工 单位职工»«~2»«医保 医疗保险 医保卡 生育保险 工伤保险 "
        "失业保险 医保转»",
        # a bank's or another office's own business (信用社的贷款到期了, 去银行开户)
        "«@institutions»«~6»«贷款 续贷 存钱 存款 取钱 开户 利息 冻结 解冻 密码 转账 挂失 还款 还贷 开卡»",
        # what a court case or a divorce costs (起诉离婚要多少钱): the court's fees
        "«起诉 离婚 立案 开庭»«~3»«要 得 需要 _»«多少钱 花多少钱 几多钱 好多钱 费用 收费 收多少»",
        # something done to the villager at another office (在学校被同学欺负, 在医院被多收钱)
        "«在 到»«@institutions»«~6»被(?!«@nature»)",
        # whether another office will correct or re-issue its own paper (出生证明写错了 医院能改吗, 丢了 医院能补吗)
        "«@institutions»«~2»«能 可以 会 给 肯 能不能 可不可以 愿不愿意»«~2»«改 更正 修改 重开 重新开 补 补开 补办 再开»",
        # another issuer's own paper or product (公司的社保, 银行的养老理财, 药店的医保卡); not when
        # it is the background of a transfer or of the residents' own scheme (厂里的社保 怎么转回老家)
        "«@issuer»的?«@issued»(?!.{0,12}«转 接续 断 停 回村 回老家 农村 居民 城乡»)",
        # a card used to shop at a pharmacy or a shop (医保卡在药店买东西): the shop's
        "«@issued»«~3»«药店 药房 超市 商场 商店»«~3»«买 刷»",
        # money taken out of a card's or an account's balance (卡里的钱能取出来吗): the bank's
        "«卡 账户»«里 上»«的 _»钱«~3»«取出来 取现 提现 提出来 取出 能取 可以取 怎么取 咋取»",
        # money every household is asked to put in for the village's works (修路每家出多少)
        "«每家 每户 每人 各家 家家户户 一家 一户»«~3»«出 摊 凑 集»«~4»«钱 块 多少 元»",
        # round 15: one's own debt that cannot be repaid (网上借的钱还不上, 欠的债还不起): the lender's
        # or a court's business; not the center's student or business loans (助学贷款还不上)
        "(?<!助学)(?<!创业)«借 欠 贷»«~6»«还不上 还不起 还不了 还不出 还不清 没钱还»",
    ),
    # being seen at another office (去医院生孩子要带啥, 在县医院做胃镜): its business, unless the
    # message asks what the catalog's items do about it (seen_covered: 在县医院看病 回来咋报销)
    "seen_there": (
        "«去 到 在»«县 市 省 城里 镇上 镇 乡 _»«@institutions»«~3»«生孩子 生娃 看病 看 做 挂 检查 拿药 "
        "配药 开药 存 取 办卡 开户 上学 读书 报名 打 拍 验 抽 考 缴费»",
    ),
    # what follows another office's topic when the question is about that topic itself
    # (结婚登记要带什么, 学籍怎么转, 请乐队一般多少钱, 每户集资合理吗, 医院能改吗): their business,
    # even when an item shares a word with the story around it (intents.IntentPhrases.elsewhere_asked).
    # Only small words and what of it is asked (合同, 手续, 费用) may stand between: 结婚登记后户口
    # 怎么迁 asks about the household register, 厂里给交的社保怎么转 about the pension
    "elsewhere_asked": (
        # what befell the paper may stand between (香港身份证过期了怎么换, 台胞证丢了去哪补)
        "^(?:«了 的话 的 一般 大概 到底 究竟 具体 应该 该 要 得 是 都 还 去 又 再 合同 手续 证明 材料 费 费用 "
        "钱 过期 到期 快到期 丢 丢了 掉了 坏了 遗失 丢失 不见了 找不到 没了»){0,2}(?:«怎么 咋 咋个 如何 怎样 要带 带啥 带什么 要什么 要啥 需要什么 需要啥 什么材料 啥材料 哪些材料 "
        "在哪 去哪 哪里 哪儿 找谁 多少钱 几多钱 好多钱 收多少 合理 合法 合不合理 合不合法 该不该 应不应该 能不能 "
        "可不可以 行不行»|«能 可以 会»«~3»«吗 么 不 嘛»(?: |$))",
        "^«吗 么 嘛»(?: |$)",
    ),
    # round 20: a commercial policy's own claim or payout (商业保险住院报销, 买的商业养老保险 到六十岁
    # 咋领): the insurer's business, though the residents' schemes reimburse and pay out too
    # (not one lacked or set aside: 没买商业保险, 除了商业保险; nor the residents' scheme after it)
    "commercial_claim": (
        "(?<!没)(?<!没有)(?<!没买)(?<!没有买)(?<!除了)(?<!不是)«商业保险 商业养老保险 商业养老 商业医疗险 商业医疗保险 商业险 "
        "商保»«的 _» ?(?:(?!«医保 医疗保险 合作医疗 新农合 农合 城乡居民 农保 农村 村里 社保»)[^ ]){0,8}«报销 理赔 "
        "赔付 赔钱 退保 领»",
    ),
    "seen_covered": (
        "«报 报销 结算 备案 医保 医疗保险 合作医疗 农合 救助 补贴 补助 鉴定 资助 低保 慢特病 慢性病»",
    ),
    # the frame of a place or contact question (低保在哪里办, 低保电话多少): asks for part of the
    # item's notice, says nothing about which item (scoring.py weighs these words 0)
    "frame": (
        "在?«哪里 哪儿 哪块 哪个地方 什么地方 啥地方 哪»(?=办|去|弄|领|交|申请|开|补|$| )",
        "«电话 联系电话 联系方式 号码 手机号 座机 热线 多少 几号窗口 哪个窗口»",
        "«要带 需要带 要准备 需要准备 要交 要拿 需要 要 得 带 _»«什么 啥 哪些 些啥 些什么 啥子»«材料 东西 手续 "
        "证件 资料 _»",
    ),
    # how to apply or what to bring: a message that also asks this is about a service, even when it
    # asks whether it will be approved (我想盖房 要咋个申请 能批下来不)
    "apply_q": (
        "«怎么 咋 咋个 如何 要咋 要怎么 该怎么 去哪 在哪 哪里»«~2»«申请 办理 办 弄 申报 领 搞»",
        "«要 需要 得 该»«带 准备 提供»«~2»«啥 什么 哪些 些啥»",
        "«什么 啥 哪些»«材料 手续 证明 单子 证件»",
    ),
    # complaint: a report verb, or an accusation against staff, officials or village affairs
    "complaint": (
        "«投诉 举报 检举 揭发 上访 信访 告状 曝光 差评 控告 申诉 意见建议 意见箱 监督电话 纪委 反映问题 "
        "反映情况 反映个 反映一下 我要反映 想反映»",
        "(?<!\\d)12345(?!\\d)",  # the government hotline, not inside a phone number
        "提«个 点 些 一点 条 _»«意见 建议»",
        # 建议你们多加点语音: a suggestion to the center or the village
        "建议«你们 您们 中心 窗口 政府 镇上 镇里 村里 领导 公众号 以后»",
        "告«你们 村 镇 干部 书记 主任 村长 镇长 组长 会计»",
        # going over someone's head to the secretary or the mayor (not for a signature or a stamp,
        # a step of an item: 低保要找书记签字吗)
        "找«书记 镇长»(?![^ ]{0,2}(?:签|盖|开证明|开个证明|审批|批))",
        "写信«~4»«反映 给镇 给县 给书记 给领导»",
        "态度«太 很 非常 真 特别 好 也太 _»«差 不好 恶劣 凶 蛮横 冷 坏 生硬»",
        "«说话 脾气 口气 语气»«~2»«太 很 真 特别 也太 忒 好 _»«差 冲 凶 横 难听 恶劣 不好 坏 呛»",
        "«服务 效率 办事 工作»«太 很 真 特别 也太 忒 好 _»«差 烂 慢 差劲 糟糕 恶劣»",
        "«分给 照顾 留给 偏向 优先给 都给了 全给了 只给»«~4»«亲戚 亲属 关系户 侄子 外甥 小舅子 自家人 自己人 自己家»",
        "«干部 书记 支书 主任 村长 组长 会计 镇长 乡长 村委 村里»«~12»«卖了 私分 侵占 霸占 贪了 吞了 挪用 "
        "拿走了 占了 扣下 扣了 克扣 截留 私吞»",
        "«往 向 朝»«河 江 沟 塘 田 地 水库»«~4»«排 倒 扔 丢 放»",
        "«吵得 闹得 熏得 臭得»«~4»«睡不着 没法睡 受不了 没法活 要死»",
        "给了«~4»«有钱人 关系户 亲戚 亲属 自家人 自己人 干部»",
        "有钱人«~4»«吃 领 拿 评上»",
        "«干部 书记 支书 主任 村长 组长 会计 镇长 乡长 工作人员 窗口 村委»«~6»«收钱 收了 收人家 要钱 要好处 "
        "吃回扣 拿回扣 喝酒 酒驾 开公车 打牌 赌博 大吃大喝»",
        "«坏 烂 破 堵 塌 断»«~8»«没人修 不给修 也不修 一直不修 没人来修»",
        "找«~4»«都不管 也不管 都没人管 都没用 没人管»",
        "«每次 每回 每趟 一次一个»«~4»«说的 要的 说法 讲的»«~2»«不一样 不同 不一»",
        "«名额 指标 补贴 低保»«~4»«让给 给了 换给 顶给»«~2»别人",
        "«半年 几个月 好几个月 好久 几年 一年 个把月»«~2»«没人 没 都没 也没»«~2»«来 修 管 收 清 扫 处理»",
        "上班«~6»«打牌 打麻将 喝酒 睡觉 聊天 玩手机 玩游戏 不在 看视频»",
        "«@misconduct»",
        "多收«~2»钱",
        "«太 很 真 好 也太 忒»拖拉",
        "意见«~4»«提 找谁 反映 向谁»",
        "收«~6»«好处 红包 礼»",
        "收了我«~6»钱",
        "不是说«不收费 免费 不要钱 不收钱»",
        "跑了«~3»趟«~4»«没 都没 还没 还是 也没 不给»",
        "跑了«好几 好多 三四 四五 三 四 五 几 两三»«趟 回 次»",
        "«送了 塞了 给了 送 塞»«~4»«东西 礼 红包 烟 酒 好处»«~3»才«给办 给批 给开 办 批»",
        "«你们 中心 窗口 办公室 便民 服务中心»«~4»电话«~4»«没人接 打不通 总是占线 一直占线 老是占线»",
        "«就 只 才»开«了 _»«一个 一 两个 俩»窗口",
        "排«队 _»排了«~3»«上午 下午 一天 半天 小时 钟头»",
        "«不能 就不能 为啥不 为什么不 咋不 怎么不 咋就不»«~2»«一次 一回 一下»«~2»«说清楚 说完 讲清楚 讲完 "
        "说全 讲全 告诉完»",
        "«每次 每回 每趟»«~2»«说少 说缺 说差 又说少 又缺»",
        "«又 还 再»让«我 俺 _»«明天 下次 改天 过几天 下午»再来",
        "让«我 俺»«~3»«去 找 到 _»«~3»«县里 乡里 镇上 村里»«~12»«又 还»让«我 俺»",
        # sent from one office to another (派出所让我找乡里 乡里又让我找县里)
        "让«我 俺»«找 去 到»«~4» ?«~4»«又 还»让«我 俺»«找 去 到»",
        # a queue that took hours (排了两个小时队)
        "排了«~5»«小时 钟头 上午 下午 半天 一天»的?队",
        # closed before time (还没到下班时间窗口就关了)
        "«还没到 没到 不到»«~2»下班«~8»«就 都»«关 关门 下班 走了 没人 不办»",
        # a treat asked for before a matter is done (要我请吃饭才给办)
        "«请吃饭 请客 请喝酒 吃饭 喝酒»«~3»才«给办 给批 给开 肯办 办 批»",
        "«老百姓 我们 俺们 群众»«~6»容易吗",
        # 你答不上来, 机器人答非所问: the assistant (human)
        "(?<!你)(?<!机器)(?<!机器人)(?<!助手)«答不上来 答非所问 一问三不知»",
        "«@wrongdoing»",
        "收«~2»我«~6»«钱 块 元 费»",
        # not by weather or pests (水稻被冰雹打了: crop insurance)
        "被(?!«@nature»)«~6»«扣 克扣 截留 挪用 冒领 顶替 换给 给了别人 占 侵占 霸占 抢 骂 吼 凶 打了 推倒 "
        "赶出来 训 欺负 刁难 为难 坑»",
        # round 22: not training (培训俺五十了还能报名不)
        "(?<![培集轮军教])«骂 吼 凶 训 赶 欺负 刁难 为难»«@someone»",
        "把«@someone»«~2»«骂 吼 凶 训 赶 打 推»",
        "«太 很 好 真 特别 这么 那么»«凶 横 冷淡 冷漠 不耐烦 没礼貌 没耐心»",
        "«村里 镇上 干部 你们 政府»«~2»«也不管 都不管 根本不管 就是不管 也不理 不理我 不理人»",
        "«排了 等了»«~6»«上午 下午 半天 一天 小时 钟头»«~4»«没人 没办 也没 还没 都没»",
        "«不满意 差劲 不像话 太过分 过分 欺负 坑人 坑老百姓 骗人 糊弄»",
        "«这 这样 这个»«~2»«合理 合法 公平 应该»«吗 么 不 嘛»",
        "«上班 窗口 办公室 值班»«~8»(?<!有)«没人 没有人 不见人 找不到人 没见人 人呢 跑哪去了 人去哪了 一个人都没有 人都没有 "
        "都没人 人影都没有 没个人»",
    ),
    # complaint cues that say only that something is to be complained of (投诉, 差评) or that
    # something was done to the villager (被交警扣, 被同学欺负), not what wrongdoing: with a topic
    # of another office (保险公司不赔 能投诉吗, 公司不给交社保去哪投诉) the complaint is theirs
    "complaint_bare": (
        "«投诉 差评 申诉 能投诉 去哪投诉 投诉电话»",
        # scolded or threatened, by whom not said (催收的天天打电话还骂人): a debt collector's or
        # a neighbour's is the police's business, staff's the leader's
        "«骂人 骂我 吼人 吼我 凶我 打我 推我 打人 威胁 恐吓»",
        "被(?!«@nature»)«~6»«扣 克扣 截留 挪用 冒领 顶替 换给 给了别人 占 侵占 霸占 抢 骂 吼 凶 打了 推倒 "
        "赶出来 训 欺负 刁难 为难 坑»",
    ),
    # human: asks for a person (not for someone to do a service: 派人来调解)
    "human": (
        "«人工 真人 活人 客服 机器人 自动回复 转接 代办员 帮办员 接线员»",
        "«找 叫 喊 让 派 安排 换 请 要»(?:你们的?|个|一个|位|一位)?«@person»«~2»(?:«跟 和 给»«@someone»|«来 "
        "过来 联系 回 说 讲 聊 接 打电话 处理 沟通 交流 商量 问问»)(?!来?(?:调解|评|鉴定|看|家|量|查|核|修|办))",
        "«找 叫 喊 请»(?:个|一个|位|一位)«懂行的 懂的 内行 明白人 懂政策的»«~2»«人 _»«~2»«问 说 讲 聊»",
        "«找 叫 喊 派 安排 换»(?:你们的?|个|一个|位|一位)?«个人 一个人 真人 活人 工作人员 人来 值班的 负责人 "
        "领导来 同志来»(?!来?(?:调解|评|鉴定|看|家|量|查|核|修|办))",
        "«跟 和 同»(?:你们的?|个|一个|位|一位)?«@person»«~2»«说 讲 聊 谈 通话 对话 通电话 通个电话 见面 当面»",
        "«有没有 有无»«~2»«@person»«~2»«在线 在吗 值班 能接 接电话»",
        # round 15: someone who speaks the villager's language (有没有懂彝语的工作人员)
        "«有没有 有无 有 找个 找一个 要个»«~2»«懂 会说 会讲 能说 能讲 听得懂»[^ ]{0,4}?的«@person»",
        "«要见 想见 见见 要找 想找»(?:你们的?)?«领导 负责人 书记 镇长 主任 工作人员 管事的 真人 活人»"
        # 低保要找书记签字吗: a signature or a stamp is a step of an item, not a person wanted
        "(?!来?(?:调解|评|鉴定|看|家|量|查|核|修|办|签|盖|开证明|开个证明|审批|批))",
        "«有人 来人 找人 找个人 派人 派个人 来个人»«帮 帮帮 给»«@someone»«弄 办 _»",
        "转«到 给 接»(?:你们的?)?«@person»",
        "转«到 给 接»«窗口 柜台 人工 真人»",
        # round 13: a call put through to someone, a named official to talk with (找李主任说话)
        "«接通 连线 转线»(?:你们的?)?«~2»«@person»",
        "«找 叫 喊 请 要找 想找»[^ ]{0,5}?«@staff»«~1»«说话 说几句 通话 对话 通电话»",
        # a worker called by surname (叫上回那个小李接一下, 让老周回个电话)
        "«叫 让 请 喊 找»[^ ]{0,6}?«小 老»«@surname»«~2»«接 回个电话 回电话 打电话 打给我 联系我 跟我说 和我说»",
        "«让 叫 请 找»人«~3»(?:«打 回 联系»|«跟 和 给»«@someone»)",
        "打«@someone»«~1»«手机 电话»",
        "当面«~4»«问 说 讲 谈 聊 咨询 反映»",
        "«叫 喊 请 找»«一下 下 _»[^ ]{0,6}?的«那个 那位 这个 这位 _»«@staff»(?=$| |来|过来|出来)",
        # a worker called over by role (帮我喊一下工作人员; not 找书记, a step of an item)
        "«叫 喊 请»«一下 下»«@staff»(?=$| |来|过来|出来)",
        # someone of the center on line, or to be added on WeChat (有没有在线的工作人员, 工作人员能加个微信吗)
        "«有没有 有无»«~2»«在线 值班 上班»的«@person»",
        "«@staff»«~4»加«个 一下 _»«微信 好友»",
        # someone to work a matter out with (有急事要找乡里的人对接)
        "«找 联系 要找 想找»«~4»的«人 负责人 干部»«对接 沟通 商量 当面谈»",
        # round 16: a worker named by office, surname or look, asked for to close the message
        # (俺要找民政办的王主任, 找上回接待我的那个小伙子); not 找书记签字, a step of an item
        "(?:^|(?<=[ 我俺]))«要找 想找 找»«一下 下 _»(?:你们的?)?(?:[^ ]{0,8}?的|[^ ]{0,4}?(?=那个|那位))?«那个 那位 这个 这位 _»(?:«@surname»)?(?:«@staff»|«所长 站长 小伙子 "
        "小姑娘 姑娘 管事的人 办事的人»)$",
        # someone of the center there at all (有没有工作人员在), someone of an office talked to
        # (跟民政办的人直接讲)
        "«有没有 有无»«~2»«@staff»在«吗 不 没 没有 _»$",
        "«跟 和 同»«民政 社保 人社 医保 户籍 派出所 镇上 镇里 政府 中心 窗口»«~3»的«@person»«~2»«说 讲 聊 谈 当面»",
        "«跟 和 同»[^ ]{0,6}?«@staff»«~3»«说 讲 聊 谈 通话 对话 反映 沟通»",
        # not a helper for housework or care (想申请有人上门帮她打扫做饭: home-care services)
        "«有什么人 有没有人 有人»«~4»«帮 替»«@someone»(?![^ ]{0,2}«打扫 做饭 煮饭 洗衣 洗澡 照顾 护理 看护 陪护 "
        "理发 买菜 送饭 擦身»)",
        "«换 换个 要个 来个 找个»人(?=$| |吧|啊|呀)",
        # round 17: a worker asked for to talk to or put through (我要问工作人员, 帮我接一下窗口的工作
        # 人员), a worker by surname and kinship word there or not (李姐在吗), the one told of sought
        # (我找她)
        "«要 想»问«一下 下 _»(?:你们的?)?«工作人员 真人 活人 人工 领导 负责人»(?=$| )",
        "接«一下 下»(?:你们的?)?[^ ]{0,6}?«@staff»(?=$| )",
        "(?:^|(?<=[ 的个位]))«@surname»«姐 哥 大姐 大哥 阿姨 师傅 老师 主任»«~1»在«吗 不 没 没有 不在 么»",
        "(?:^|(?<= ))«我 俺»«要 想 _»找«他 她»(?=$| )",
        "(?:我要|要)人(?=$| |吧|啊|呀)",
        "«你不懂 你也不懂 你听不懂 你根本不懂 答非所问 牛头不对马嘴 驴唇不对马嘴 说了半天»",
        "«小助手 机器 你»«~2»«不行 没用 不管用 太笨 真笨 答不上来 答不了 回答不了 不会答»",
        "加我«微信 好友 _»",
        "«问人 问个人 问真人 要人回 让人回 找人回 人工回 人在线 在线客服»",
        "«给 帮»«@someone»打«个 一个 _»电话",
        "打«个 一个 _»电话给«@someone»",
        "回«个 _»(?:«@someone»)?«个 _»电话",
        "«联系 回复 打给 打电话给»«@someone»",
        "«回我 来电话 打回来 打过来 回过来 回电 留个电话 留电话 留个号 留个手机 "
        "留手机号 留个联系方式»",
        "«给 跟 和»«@someone»回«个 _»«话 电话 信儿»",
        "«你是 是不是 别让 不要 不想跟 不想和 不想同 不跟 不和»«~2»机器",
        "机器«回 答 说»",
        "有没有人«~4»(?:«跟 和»«@someone»|«能 接 回 管»)",
    ),
    # not a request for a person, but a reason to want one when nothing else is asked
    "human_weak": (
        "«听不懂 说不清 讲不清 说不明白 讲不明白 不会打字 打字不方便 打字太慢 打不来字 不识字 不认识字 "
        "认不得字 看不懂字 不会用手机 眼睛看不清 看不清字 不想看字 看不了字 想听人说 听人讲 听人说 "
        "耳朵背 耳朵不好»",
    ),
    # center_info: a time, place or contact question...
    "center_q": (
        "«@time_q»",
        "\\d+点",
        "[两二三四五六七八九十]点",
        "一点«钟 半 前 后 以 到 之前 之后»",
        "放«~3»假",
        "在哪«里 儿 块 个位置 条街 条路 个村 边 _»",
        "«@place_q»",
        # the building's accessibility, not an accessibility adaptation (无障碍改造怎么申请)
        "无障碍(?!«改造 改 装修»)",
        "«怎么 咋 咋个 如何»«走 去 过去 过来 到 找 坐»",
        "«搬家 搬迁 搬走 搬了 搬到 老地方 原来的地方 新地方 新址»",
        "«是不是 是否 还»«就 _»在[^ ]{1,8}«那里 那儿 那边 旁边 对面 附近 里面 楼上»",
        "停«电动车 摩托车 三轮车 电瓶车 车»",
        # round 17: where the car goes, which bus runs there (车能停哪, 坐哪趟车)
        "«停 停放 放»«在 _»«哪 哪里 哪儿 哪块 啥地方 什么地方»",
        "坐«哪趟 哪一趟 几趟 哪班 哪路 几路»",
        "«几号 哪个 哪一个 哪 几个 多少个 多少»窗口",
        "[一二三四五1-5]楼",
        "窗口«~2»«几号 在哪 哪个 哪一个 哪一 哪»",
        # round 17: not a call asked for (让王主任给我回个电话: a person wanted)
        "(?<!回个)(?<!回)(?<!打个)(?<!来个)(?<!回一个)«@contact_q»",
    ),
    # ...about the center (你们, 中心, 窗口), or asked with nothing else around it
    "center_ref": ("«@center_ref»",),
    # a day named by its month and number (腊月二十九, 正月初六)
    "center_filler": (
        "«@center_filler»",
        "«@kin»",
        "«开车 骑车 带 陪 送 一起 我们 咱们»",
        "«初 廿 _»[一二三四五六七八九十]{1,3}«号 日 _»",
    ),
    "route_origin": ("从[^ ]{1,6}?(?=过去|过来|出发|到|去|怎么|咋)",),
    # greeting: only hello, thanks, bye or ok, with fillers
    "greeting": ("吃«过 了 _»饭?«了 _»«吗 没 么 没有 嘛 没得 未»", "«@greeting»"),
    "greeting_rest": (
        "«@greeting_filler»",
        "«@kin»",
        "«替 代 帮 全家 一家»",
        "[ ~～!！?？,，.。…\\d]",
    ),
    # advice and shopping a service center does not give: 哪家医院看糖尿病最好, 野猪肉好吃不
    # a lawyer wanted, free or unaffordable (派个不要钱的律师, 没钱请律师; 请律师 and 打官司 read as
    # 法律援助 by then): legal aid, though the story reports a wrong (被人打了, 老板不给工钱)
    "lawyer_wanted": (
        "«免费 不要钱 不花钱 不收钱 没钱 请不起 出不起»«~6»«律师 打官司 法律援助»",
        "«律师 打官司 法律援助»«~6»«没钱 请不起 出不起 免费 不要钱 不花钱»",
        # round 14: someone wanted to mediate the quarrel told of (地被占了 谁来调解): mediation
        "«谁来 谁能 谁给 谁帮 找人 找个人 请人 帮忙 帮我们 给我们 想 想要 要 能不能 可以»«~1»调解",
    ),
    "advice": (
        # round 15: helpers hired for a family's funeral or feast (丧事要请几个帮忙的, 办酒请几个厨师)
        "请«几个 多少 多少个 个 一个 些 _»«帮忙的 帮工 帮手 厨师 大厨 吹鼓手 乐队 道士 先生 抬棺的»",
        # round 15: which day to choose for one's own affair (搬家选哪天好, 开工挑个好日子): an almanac's
        "«选 挑 看 算»«个 一个 _»«哪天 哪一天 日子 好日子 吉日 哪个日子»(?!去|来|过来|办|交|领)",
        "«哪家 哪个 哪种 哪款 哪里的 什么牌子 哪个牌子»«~8»«好 厉害 便宜 靠谱 划算 正规 实惠 最好 好用 好吃 "
        "出名»",
        "«好吃 好不好吃 怎么吃 怎么做菜 怎么做饭 吃什么药 什么药好 什么药管用 吃什么好 吃啥好 吃什么补 偏方 怎么治 治得好»",
        "(?:能|可以)吃(?!低保|上低保|五保|救济|特困|那个|这个|上|个|补助|补贴|救助|政府)",
        "吃«什么 啥 啥子 哪样»(?!低保|保险)",
        # food bought or caught to eat (野鸡能买来吃吗), what to grow or raise (院子里种什么树好): the
        # market's and the extension station's advice
        "«买来 买回来 买回去 弄来 抓来 打来 捡来»吃",
        "«种 养 栽 种点 养点»«什么 啥 啥子 哪种 哪样»«~4»«好 合适 划算 赚钱 挣钱 好活 长得快»",
        # round 17: growing and raising itself (种啥品种产量高, 大棚冬天咋保温, 果树怎么剪枝): the
        # extension station's advice
        "«种 养 栽»«什么 啥 啥子 哪种 哪样»«~4»«产量高 产量 高产 抗病 抗旱 出苗»",
        "«咋 怎么 咋个 如何 怎样 怎么样»«~1»«保温 施肥 追肥 打药 除草 防冻 防虫 治虫 浇水 剪枝 修剪 嫁接 育苗 "
        "催芽 授粉 增产 高产»",
        "多少钱一«斤 包 袋 台 吨 块 只 头 瓶 盒 箱 桶 克 平方 平米 方 个(?![人年月])»",
        "一«平方 平米 方»«~2»多少钱",
        "«订 预订 预定»«酒席 酒店 饭店 餐 票 桌 房间 宾馆»",
        "«去哪订 买车 买房 买手机 贷款买 推荐一下 推荐个 推荐的»",
        # a tradesman's or a shop's number (谁有收割机师傅电话): private contacts
        "«谁有 谁知道 有没有人有»«~8»«师傅 老板 司机 医生 木匠 瓦匠 泥瓦匠 电工 水电工 厨师 保姆 月嫂 中介 "
        "店 铺子»«~3»«电话 号码 手机号 微信 联系方式»",
        # whether an offer or a product can be trusted (理疗仪能治高血压 靠谱吗, 是骗子吧)
        "«靠谱吗 靠不靠谱 能信吗 能不能信 可信吗 是骗子 是不是骗子 骗子吧 是骗局 是不是骗局»",
        "(?<![能会可要])«便宜 划算 实惠»",
        "(?:^|(?<= ))(?![^ ]*[险保][^ ]*«哪里 哪儿 去哪 在哪 哪家»)[^ ]*?«哪里 哪儿 去哪 在哪 哪家»«能 可以 有 _»«买 卖 修 订 租»",
        "«平时 平常 日常 生活中 生活上»«~4»«注意 保养 调理 忌口 锻炼»",  # health tips: 高血压平时要注意啥
        "«能 可以 能不能 可不可以 敢»«喝酒 喝点酒 抽烟 吸烟 喝茶 喝咖啡 吃肉 吃糖»",
        "«保姆 月嫂 护工 钟点工 育儿嫂 住家阿姨»«~6»«多少钱 几多钱 好多钱 工资 价格 价钱 行情»",
        # farming technique (大棚怎么搭, 温室咋建): the agricultural technicians'
        "«大棚 温室 棚子 鸡舍 猪圈 牛棚 鱼塘»«~3»«怎么 咋 咋个 如何»«搭 建 盖 扣 管 修»",
    ),
    # a relative "gone" has died (between them only words of time or cause: 孩子的身份证没了 is
    # a lost card)
    "death": (
        "«@kin»(?: ?[他她])? ?[去前今上个月年天刚已经突然得病生出车祸意外冬春夏秋初底半几两三一多就也都那时候后号日周星期在工地事]"
        "{0,8}«走了 没了 不在了 过身了 死了»",
    ),
    # a child already born (出生登记, not 生育登记)
    "birth": (
        "(?<![学先医卫发产派陌花人一就只])«生了 生下 生下来 刚生 出生了 刚出生 满月了 生了个»"
        "(?![一场个大重急怪了]{0,3}[病气锈疮])«~3»«孩子 娃 娃娃 "
        "闺女 儿子 女儿 小孩 宝宝 男孩 女孩 二胎 三胎 个 _»",
        # where the child was born (在深圳生的娃): a child named after it
        "(?<![学先医卫发产派陌花人一就只天亲独再野])生的«~2»«孩子 娃 娃娃 闺女 儿子 女儿 小孩 宝宝 男孩 女孩 二胎 "
        "三胎»",
    ),
    # the newborn's insurance or card asked for (娃刚生下来 要给他上医保): the birth is the background
    "birth_aside": ("«医保 医疗保险 合作医疗 新农合 社保卡 社会保障卡»",),
    # an only child who died or was disabled (独生子出车祸没了, 唯一的儿子前年走了, 独生女伤残): what
    # the family-planning special support is for, not the reward for parents of an only child;
    # unless a document, a fee or another benefit is asked after it (独生子残疾了 能办残疾证吗,
    # 唯一的儿子去世了 丧葬费怎么领)
    "only_child_struck": (
        "«独生子女 独生子 独生女 独子 独女 独苗 唯一的儿子 唯一的女儿 唯一的孩子 唯一一个孩子 唯一一个儿子 "
        "唯一一个女儿 就一个闺女 就一个儿子 就一个女儿 就一个娃 就一个孩子 只有一个闺女 只有一个儿子 只有一个女儿 只有一个娃 "
        "只有一个孩子»«~12» ?«~12»«走了 没了 不在了 去世 过世 死了 死亡 病故 伤残 残疾»"
        "(?!.*«证 费 低保 户口 残疾补贴 护理补贴 生活补贴 两项补贴 养老»)",
    ),
    # parents of an only child (or of two daughters) at 60: the family-planning reward for rural
    # parents, not the only-child certificate itself
    "only_child_aged": (
        "«独生子女 独生子 独生女 独子 独女 唯一的儿子 唯一的女儿 唯一的孩子 两个女儿 两个闺女 两女户 双女户 纯女户 独女户 就生了一个 只生了一个 "
        "就生了个 只生了个 就要了一个 只要了一个 只有一个儿子 只有一个女儿 只有一个孩子 只有一个闺女 就一个儿子 就一个闺女 "
        "就一个女儿 就一个孩子»«~12» ?«~6»"
        "«60岁 六十岁 满60 满六十 到60 年满60 60了 六十了 60多 六十多»(?!.*«证 费 低保 户口 养老»)",
    ),
    # trees named before the verb that fells them (门口那棵树想砍了, 把山上的桉树伐了): 砍树
    "felling": ("(?<![大果])«树 大树 树木 林子 木头 竹子 林木»«~5»«砍 伐 锯倒 锯了 放倒 砍倒»",),
    # schooling named with help for it (娃儿读书的补助, 上大学学费能减免吗, 上幼儿园有补贴吗): the
    # students' aid, even when the household's status (低保户的孩子) names another item
    "school_aid": (
        "«上学 读书 念书 上大学 读大学 上高中 读高中 上初中 读初中 上中专 读中专 上幼儿园 读幼儿园 上卫校 "
        "读卫校 学费 住宿费 伙食费 上中职 读中职 上职高 读职高 上技校 读技校 上大专 读大专 上职校 读职校 "
        "上小学 读小学 上技工学校 读技工学校»«~6»«补助 资助 补贴 减免 助学金 救助 不用还»",
        # round 18: the school told in one clause, the aid asked in the next (孩子在外县读职高 户口在
        # 本镇 困难补助在哪申请)
        "«上学 读书 念书 上大学 读大学 上高中 读高中 上中专 读中专 上中职 读中职 上职高 读职高 上技校 读技校 "
        "上大专 读大专 上职校 读职校»«~4» «~8» ?«~4»«困难补助 生活补助 助学金 资助 学费减免»",
    ),
    # livestock or crops lost, then the insurance that pays for them (养的猪病死了 保险赔不赔, 大棚
    # 吹垮了 投了保的 找谁报案): the farm insurance, not the pension or health insurance
    "farm_loss": (
        "«猪 母猪 牛 羊 鸡 鸭 鹅 鱼 牲口 牲畜 庄稼 玉米 苞谷 水稻 稻子 小麦 麦子 烤烟 大棚 果树 苹果 蔬菜 "
        "作物 秧苗 茶叶 橘子 葡萄»«~10» ?«~10»(?:(?<![老疗会业康命外商伤])保险|«投了保 投保 上了保 买了保 "
        "保了险 理赔 赔不赔 能赔 能不能赔 咋赔 怎么赔 咋个赔 报案 查勘 定损»)",
    ),
    # what is left to pay after the health insurance has paid (医保报了以后还要自己出三万多, 报完了
    # 自己还掏了两万多, 报了一半 剩下的): medical assistance, not the reimbursement itself
    # what was paid oneself because the health insurance did not pay on the spot (没有直接结算 回来
    # 咋报, 急诊没来得及备案): reimbursed afterwards, not the registration for the next time
    "refund_after": (
        "«没 没有 没能 没法 没来得及 来不及 不能»«~2»«直接结算 直接报 备案 刷卡 刷医保 用医保 结算»«~8» ?«~8»"
        "«报 报销»(?!名)",
    ),
    # a wish to start paying into the pension (想现在开始交 六十岁以后能领的那种, 现在开始交养老保险
    # 来得及吗): joining the residents' pension, though its payout is what the villager describes;
    # not an employee's scheme (想交城镇职工的养老保险: flexible employment)
    "pension_join": (
        "^(?!.*«职工 灵活就业 个体户 单位»).*?«想 开始 打算 准备 来得及 还能 能不能»«~3»«交 缴 买 参保 参加»(?![了过])"
        "«~10» ?«~14»«养老 老了 六十岁 60岁 领钱 能领 农保»",
    ),
    # the household register one wants brought somewhere (户口想从村里落到镇上, 老婆的户口怎么弄过来):
    # a move; not one already made (户口已经迁过来了), nor when a child's birth is told (户口能落在
    # 老家吗: the birth registration)
    # round 17: a certificate of a past household event (开个迁移记录的证明, 要一张户口注销的证明):
    # the household register's certificate, not the event itself
    "household_proof": (
        "«迁移 迁出 迁入 迁户 落户 注销 销户 户口注销 户口迁移»«记录 情况 信息 _»的«证明 证明信»",
    ),
    # round 17: the card itself to be made again, wherever it was made (社保卡在外地办的 回来还要再
    # 办吗): the card's replacement, not a transfer of the insurance
    "card_again": ("社保卡.{0,20}?«重新 再 另外 还要 还得»«办 弄 申请 做 换»",),
    "household_move": (
        "^(?!.*«生的 生了 出生 生下 刚生 黑户 上户口 报户口 娃 孩子 宝宝»).*?(?:户口«~3»«@move_wish»|«@move_wish»把"
        "«~4»户口«~3»)«~5»«@household_moved»",
    ),
    # whether an injury or illness counts as a disability, or a certificate for it (手指切了两根算不算
    # 残疾, 残疾了能不能办证): the disability certificate
    "disability_cert": (
        "«算不算 够不够 算 够 能不能评 能评 评得上 能不能算 能算»«~2»«残疾 残废 伤残»",
        "«残疾 残废»«~6»«办证 办个证 办那个证 办本证»",
    ),
    # the health insurance's yearly fee (医保一年多少钱, 一包在哪里交): paying in, not another use of it
    # round 18: whether one's own medical-insurance contribution went through (新农合今年交上了没,
    # 医保扣成功了吗 咋查): its payment, not the subsidies paid out; not a reimbursement's money
    # round 18: the yearly review of a household already granted 低保 (评上低保以后每年还要复查不,
    # 低保户年审要准备什么): the item's own, not another office's inspection
    # round 18: money paid from an old age reached (满80以后从哪个月开始发, 过了九十岁每个月有钱领吗):
    # the allowance of the very old, whatever it is called
    # round 18: the card told by the payouts on it, lost (打钱的那张卡掉了 补贴都打在上面, 领补贴的卡
    # 丢了咋补): the social security card; a bank card named (银行卡丢了) stays the bank's
    "payout_card": (
        "^(?!.*«银行卡 储蓄卡 信用卡 工资卡»).*?«打钱 发钱 领钱 发补贴 打补贴 领补贴 发养老金 领养老金 打养老金»的?«那张 那个 张 _»卡"
        "«~3»«掉了 丢了 不见了 找不到 坏了 弄丢 搞丢 丢 掉»",
    ),
    "aged_allowance": (
        "^(?!.*«养老金 养老保险 退休 社保 农保 低保 残疾»).*?«满 过了 到了 年满 超过 过»«80 八十 85 八十五 90 九十 100 一百»«岁 周岁 _»"
        "«~10» ?«~12»«开始发 开始领 有钱 发钱 领钱 补贴 津贴 补助 能领 发不发 咋领 怎么领»",
    ),
    "assistance_review": (
        "«低保 低保户 低保金»«~10» ?«~12»«复查 复核 年审 年检 核查 重新审核 每年审 重新评 动态调整 再审»",
    ),
    "medical_paid": (
        "^(?!.*«报销 报了 赔 结算 补贴 打钱 到账»).*?«医保 一宝 医宝 衣保 合作医疗 农合 新农合 医疗保险»«~10» ?«~14» ?«~14»«交上 缴上 交进去 "
        "交成功 缴成功 扣上 扣成功 扣款成功 交好»«了 _»«没 没有 没得 吗 么 不 没呢»",
    ),
    "medical_fee": (
        "«医保 一宝 医宝 衣保 合作医疗 农合 新农合 医疗保险»«~4»«一年 每年 一个人 每人 一人»«~3»«多少钱 好多钱 "
        "几多钱 交多少 收多少 多少»",
        "«一年 每年 今年 明年»的?«医保 一宝 医宝 衣保 合作医疗 农合 新农合»«~3»«多少钱 好多钱 几多钱 交多少 收多少»",
        "«一包 医包 一保»«~6»«交 缴 多少钱 好多钱 几多钱»",
        # round 18: what the contribution has risen to (新农合今年又涨到多少了, 医保涨价了没): its
        # payment; not a reimbursement's rate (报销比例涨了)
        "^(?!.*«报销 报 赔 结算 比例»).*?«医保 一宝 医宝 衣保 合作医疗 农合 新农合 医疗保险»«~4»«涨 涨价 涨到 涨了 又涨 "
        "提价 提高到»",
        "«医保 一宝 医宝 衣保 合作医疗 农合 新农合»«~3»«多少钱 好多钱 几多钱 交多少 收多少»«一年 一个人 每人 一人»",
        # round 15: the medical insurance's deadline is its payment's (合作医疗今年啥时候截止)
        "«医保 合作医疗 农合 新农合 医疗保险»«~6»«截止 截至 最后期限 最后一天 交到几号 交到哪天»",
    ),
    # a child whose parents both cannot bring it up (娃的爸妈都是重病躺床上 养不了娃): the support of a
    # child nobody in fact brings up
    "child_unsupported": (
        "«爸妈 父母 爹妈 爸爸妈妈 爹娘»«~3»«都 两个都 全都 一个»«~8»«重病 瘫 卧床 躺床上 坐牢 服刑 残疾 失踪 失联 "
        "跑了 不管 不要 养不了 管不了»",
    ),
    # a deceased's pension contributions (交了好多年养老保险还没领就走了 钱能拿回来吗): the account's
    # balance goes to the heirs with the funeral grant, not a new enrolment
    "pension_estate": (
        "^(?=.*«去世 走了 没了 过世 死了 不在了 病故 死亡»)(?!.*«丧葬»).*?«交了 交的 交过 缴了 缴的 买了 一直交»«~8»"
        "«养老 农保 社保»«~10» ?«~12»«还没领 没领 没到 还没到 拿回 退回 退钱 能退 退不退 这钱 钱咋 钱怎么 钱能 钱呢 "
        "钱还有»",
    ),
    # money paid every month to the disabled (办了残疾证以后 每个月有没有钱领, 持证的重残每个月都有
    # 补助): the disability allowances, not the certificate the villager already has
    "disabled_monthly": (
        "«残疾 残废 重残 持证»«~12» ?«~12»«每个月 每月 一个月 按月 月月»«~6»«补助 补贴 钱 发 领»",
        "«每个月 每月 按月»«~4»«补助 补贴 钱»«~8»«残疾 残废 重残»",
        # round 15: the certificate already had, the money now asked (残疾证办下来了 补贴怎么领); not
        # a device, an adaptation or another benefit (有残疾证 轮椅能补吗, 想改厕所)
        "^(?!.*«辅具 辅助器具 器具 轮椅 助听器 拐杖 假肢 改造 改成 改厕 无障碍 低保 危房 培训 就业 贷款 学费 上学»)"
        ".*?«有残疾证 有了残疾证 有证 残疾证办下来 残疾证下来 残疾证办好 残疾证拿到 拿到残疾证 办了残疾证 残疾证办了 "
        "领了残疾证 残疾证领了 持有残疾证»«~12» ?«~12»(?:«领 拿 发 有»«~3»«补贴 补助 钱»|«补贴 补助»«~4»«领 拿 发 有»)",
    ),
    # one's land to be let to another to farm (家里的地想租给合作社, 想转给隔壁种): land transfer; not
    # land already let when a subsidy is asked (地租给邻居种了 地力补贴给谁)
    "land_lease": (
        "^(?!.*«补贴 补助 分红»).*?«地 田 土地 亩»«~6» ?«~10»«租给 转给 包给 租出去 转出去 包出去 给别人种 给人种 想租 要租 "
        "来租 流转给»(?![^ ]{0,4}了)",
    ),
    # a veteran asking for "the card" or "a certificate" (当了三年兵 听说能领个证, 退伍二十多年了 听说有个
    # 优待证): the veterans' card, not the elderly's
    "veteran_card": (
        "^(?!.*«没当过兵 没当兵 没有当过兵 不是当兵 不是退伍 不是军人 不是退役 老年人 老人的 六十岁以上 老年证»).*?«退伍 "
        "退役 当兵 当过兵 兵 军人 复员 转业»«~12» ?«~12»«优待证 优待卡 能领个证 有个证 领个证 办个证 啥证 什么证»(?![件明])",
    ),
    # round 15: a newborn's medical insurance or card asked for (孩子刚出生 医保怎么参, 新生儿能办社保卡
    # 吗): the birth says who it is for, the insurance or the card is the need (not 出生登记)
    "newborn_insured": (
        "^(?!.*«户口 落户 上户 出生证 出生医学证明»).*?«刚出生 新生儿 刚生 刚生的 刚生下来 刚满月 出生的 刚落地»«~12» ?«~12»«医保 医疗保险 合作医疗 新农合»«~4»«参 交 缴 买 "
        "上 办 入»",
    ),
    "newborn_card": (
        "^(?!.*«户口 落户 上户 出生证 出生医学证明»).*?«刚出生 新生儿 刚生 刚生的 刚生下来 刚满月 出生的 刚落地»«~12» ?«~12»«办 申请 申领 领 弄»«~2»«社保卡 社会保障卡»",
    ),
    # a deceased's page in the household register (我爹走了 户口本上他那页咋处理): the register cancelled
    "death_register": (
        "^(?=.*«死亡 去世 过世 走了 没了 不在了 病故»)(?!.*«丧葬 安葬 抚恤 证明»).*?«户口 户口本 户口簿»«~8»«处理 去掉 "
        "划掉 销 消 咋办 怎么办 咋弄 怎么弄»(?!了)",
    ),
    # using the health insurance where one lives away from home (跟儿子在深圳住 医保能在那边用吗, 去外省
    # 住院之前要办什么): the registration for medical treatment elsewhere; not when the bill was not
    # settled there (没直接结算: reimbursed afterwards)
    "insured_away": (
        "«外地 外省 省外 异地 那边 城里 北京 上海 深圳 广州»«~10»(?<!没)(?<!没有)(?<!没能)(?<!没法)(?<!不能)«能用 能不能用 "
        "可以用 能刷 能不能刷 直接刷 刷老家 直接报 直接结算 用得了 咋用 怎么用 咋个用 如何用»",
        "«外地 外省 省外 异地»«~4»«住院 看病 就医 治病»«~2»«之前 以前 前»«~2»«要 得 需要 先 _»«办 备案 登记»",
        # round 18: the home county's insurance used directly where one lives now (在兰州看病直接用老家
        # 的医保结算, 这边医院才能直接刷医保): away from home, whatever the city's name
        "^(?!.*(?:«卫生院 卫生室 县医院 本地 镇上 乡里 没能 没法 刷不了 用不了 没备案 没办备案»|(?<!能)不能)).*?«直接 能不能 能 可以»«~3»«用 刷 结算»«~3»老家«~3»«医保 医疗保险 合作医疗 新农合»",
        "^(?!.*(?:«卫生院 卫生室 县医院 本地 镇上 乡里 没能 没法 刷不了 用不了 没备案 没办备案»|(?<!能)不能)).*?老家«~3»«医保 医疗保险 合作医疗 新农合»«~10»«直接 能不能 能 可以»«~2»«用 刷 结算»",
        "^(?!.*(?:«没能 没法 刷不了 用不了 没备案 没办备案»|(?<!能)不能)).*?«这边 那边 当地 这里 那里»«~8»«直接»«刷 用 结算»«~2»"
        "«医保 医疗保险 合作医疗 新农合»",
        # round 13: going away to be treated, the insurance's formality first (要去省城做手术 医保要先
        # 办啥手续; not the county's hospital)
        "«去 到»(?!«县 镇 乡 村 本地 当地 我们 咱»)«~8»«做手术 动手术 开刀 看病 住院 治病 就医»«~2» ?«~4»«医保 医疗保险 合作医疗»«~4»«先 提前 事先»"
        "«~3»«办 备案 登记 手续»",
        # round 20: the insurance used over there, the place said after it (医保能在那边用吗, 医保怎么
        # 在那边用, 医保卡能不能在当地刷)
        "«医保 医保卡 医疗保险 合作医疗 新农合»«~3»«能 能不能 可以 可不可以 怎么 咋 咋个 如何»«在 到 _»"
        "«那边 外地 外省 当地 那里 省外»«~4»«用 刷 结算»",
        # round 20: a formality first so that the bill is settled on the spot (要先办什么手续才能直接报,
        # 想直接刷医保卡报销, 能不能直接用我们这的医保): what registering away from home gives
        "«先 提前 事先 前 之前»«~8»«才能 才可以 就能 就可以 好»直接«报 报销 刷 结算 用»",
        "(?<!没)(?<!不)(?<!没有)(?<!没能)(?<!没法)(?<!^不能)(?<![^能]不能)直接«用 刷»«~5»«医保 医保卡 医疗保险 合作医疗»",
    ),
    # the pension's age reached, then drawing or its formalities (刚满60 交了15年 怎么办领取手续,
    # 到岁数该领了): the pension paid out; not when paying in is wanted (想每年交点 到六十岁能领的),
    # nor a family-planning reward at 60
    "pension_due": (
        "^(?!.*«独生 一个孩子 一个儿子 一个女儿 两个女儿 纯女 双女 两女 独女 就生了 只生了 计生 奖扶 扶助 优待 高龄 老年证 没交过 没买过»)"
        "(?!.*«想 开始 现在 每年 打算 准备»«~2»«交 缴 买»).*?«满60 满六十 到60 到六十 "
        "满了60 满了六十 到岁数 到年龄 到龄 年满60 年满六十»«~16» ?«~16» ?«~16»«领 拿钱 发钱 领取手续 领钱 手续»",
    ),
    # a house about to fall or letting the rain in (房子快垮了, 房顶一下雨就漏): the dilapidated-house
    # renovation, not a building permit; not when building anew is asked (塌了想重新盖 要批吗)
    "house_failing": (
        "^(?!.*«重新盖 新盖 盖新房 翻盖 重建 建房 审批 宅基地»).*?«房子 房 屋 屋子 屋顶 房顶 墙 老房子 瓦房 土房»«~6»"
        "«快垮 要垮 快塌 要塌 垮了 塌了 裂了 裂缝 漏雨 就漏 在漏 漏水 歪了 危险»",
    ),
    "after_insurance": (
        "«报了 报完 报销了 报销完 报过 报销后 报了以后 报完以后 报完了 报了一半 报销了一半»«~8» ?«~8»"
        "«自己出 自己掏 自己还 自付 自费 还剩 剩下 还差 还要出 还得出 还要掏»",
    ),
    # too vague to name a service: 我想申请个补贴, 我要办证, 要带什么材料
    "vague": (
        "^(?:你好|您好|请问|问一下|问下|那个|嗯|我|俺|咱|我们|家里|给我|帮我|替我|给俺|帮俺|现在|目前|如今)*"
        "«想 要 想要 需要 打算 能 能不能 可以 _»«办 申请 领 交 问 咨询 弄 搞 开 报 问问 了解 有 有没有 _»"
        "«个 一个 点 一点 些 一下 下 _»«什么 甚么 啥 哪些 _»«惠民 惠农 优惠 扶持 国家 好 新 _»«证 补贴 补助 事 事情 "
        "钱 材料 手续 政策 东西 业务 证明 资料 款 _»«要带 需要 带 要 要准备 准备 _»«什么 啥 哪些 些什么 "
        "啥子 _»«材料 东西 手续 _»«可以 能 _»«领 拿 办 申请 享受 _»(?:吗|呢|啊|呀|嘛|不|么|了|的|啦)*$",
        # round 15: where to do it, the thing not said (在哪办, 去哪里申请): no item, and not the
        # center's place either (你们在哪, 办事大厅在哪 name it)
        "^(?:请问|问一下|问下|那个|嗯|我|俺|我们|现在|那)*«要 应该 该 得 _»«在 去 到 _»«哪 哪里 哪儿 哪个地方 什么地方 "
        "啥地方»«办 办理 申请 弄 搞 领 交 报»(?:吗|呢|啊|呀|嘛|啦)*$",
        # ...or when money comes, which money not said (啥时候到账, 什么时候发钱)
        "^(?:请问|问一下|问下|那个|嗯|我|俺|我们|那)*«啥时候 什么时候 几时 多久 哪天 啥时 多长时间»«能 会 才 可以 _»"
        "«到账 到帐 打钱 发钱 打款»(?:吗|呢|啊|呀|嘛|啦|了)*$",
    ),
    # context (context.py): X as a state the villager is in or already has, or a cause; a grade
    # or a time may stand between (领了几年养老金)
    "before_state": (
        "(?:(?:«@owner»)[是有]|已有|属于|算是|享受着?|吃着|领着|拿着|持有|因为|由于|有了|评上了?|纳入了"
        "|坐着?|用着?|戴着?|拄着?|靠着|除了|(?:交|缴|买|参加|领|拿|办|评|吃|报|申请)[了着过])(?:了|个|张|本|着"
        "|一个|一张)?[一二三四五六七八九十几\\d级重轻度老年个月天多]{0,4}$",
    ),
    # ...but 从来没交过养老保险 is a topic never dealt with: still the need
    "never": ("(?:没|没有|从没|未|不曾)(?:交|缴|买|参加|领|拿|办|评|吃|报|申请)[了着过]",),
    # ...of which not wanting it (不想打官司, 不打算迁户口): the need is something else
    "before_refused": ("(?:(?<!想)不想|不打算|不愿意?)(?:办|去|找|申请)?$",),
    "before_negated": (
        "(?:(?<!想)不想|(?<!要)不要|(?<!用)不用|不打算|不愿意?|(?<!去)不去|别|(?<!有)没有?|还没|从没|没能|没法"
        "|没办法|无法)(?:办|去|找|交|申请|领)?$",
    ),
    # round 18: X asked about as a step before what the clause first names (给娃上户口是不是一定要先办
    # 准生证, 优待证是不是要先做信息采集): the first is the need, X its prerequisite
    "prerequisite": (
        "[^ ]{2,}«是不是 是否 要不要 需不需要 用不用 得不得 必须 一定 非得 非要»[^ ]{0,3}先(?:«去 到 找 让»[^ ]{1,4}?)?«办 做 开 弄 拿 领 去办 去做 _»$",
    ),
    "past_clause": (
        "«以前 之前 过去 早年 原来 当年 年轻时 那时候 那会儿 早些年 生前 在世时 活着的时候»",
    ),
    "after_modifier": ("^(?:户|家庭|家|户家)?(?:的|家的)(?!«@generic_heads»)[\u4e00-\u9fff]{2}",),
    # (but not 身份证办好要几天: how long it takes is asked)
    "after_done": (
        "^(?:我|俺|我们|俺们|咱|咱们|他|她|家里)?(?:已经|都|早就|也|早)?(?:办|领|批|拿|评|鉴定|发|弄|下来)"
        "(?:下来|好|到|完|过|了)(?:了|的)?(?!要|得|需要|多久|几天|多长|大概|一般|最快)"
        # ...nor when how the document itself is collected is asked (身份证办好了能寄到家吗)
        "(?!了?(?:«能 可以 能不能 可不可以 会 _»«寄 邮寄 快递 代领 送到»|«去哪 在哪 哪里 怎么 咋 咋个»«拿 领 取»))",
        "^(?:是|评的|评了|定的)?[一二三四1-4]级",
    ),
    # X that ends in its own verb, then 了 (户口注销了, 地已经流转了, 孙子刚上了户口 -> 出生登记了): done,
    # the need is another
    "verb_end": ("(?:注销|销户|迁移|流转|转移|转出|迁出|迁入|备案|登记)$",),
    "after_verb_done": ("^了(?![吗么没呢不])",),
    # X put off to later (丧葬补助我之后再问): not what is asked now
    "after_deferred": (
        "^(?:我|俺|这个|那个)?(?:之后|以后|回头|改天|下次|过后|等会儿?|晚点|后面|过两天)再«问 说 办 弄 讲 找 来»",
        "^(?:我|俺|这个|那个)?(?:先|暂时|现在)不«问 说 办 弄 管 讲 急»",
    ),
    # X as what another thing is needed for, ending its clause (他领养老金要用): a purpose
    "after_purpose": ("^(?:要用|得用|需要用|要用到|用得着|用得上)(?=$| )",),
    "household": ("户$",),
    # round 15: ...told right after the home it is (家里低保户，想改浴室; 俺家又是五保户): who the family
    # is, even with the clause ending there
    "household_owner": (
        "(?:^| )(?:我|俺|咱|我们|俺们|咱们)?«家里 家 屋里 屋头 家头»«又 也 本身 本来 原来 还 _»$",
    ),
    "after_household_asked": (
        "^(?:怎么|咋|如何|要|需要|申请|办|评|认定|的条件|条件|标准|资格|材料|手续|是什么|是啥|吗|呢|么|有哪些|还有"
        "|现在|$| )",
    ),
    # ...but not what is to be obtained (要办暂住证不, 孩子要不要办身份证): the item asked about
    "material_obtained": ("(?:办|领|补|换|申请|补办|换领|办理|申领)",),  # at the mention's start
    "before_obtained": ("(?:办|领|补|换|申请|补办|换领|办理|申领)(?:个|一个|张|一张|本)?$",),
    "before_material": ("(?:要|带|需要|得|提供|出具|交|拿)[^ ]{0,3}$",),
    # ...or listed with another thing to bring (拿着她身份证和户口本能办吗)
    "after_material": ("^(?:吗|么|不|没|嘛|啊|呢|$| |不要|没有|和|跟|还有|或者|或是)",),
    "after_material_question": (
        "^(?:(?:要不要|用不用|需不需要|得不得)(?:带|拿|交|提供|复印)|(?:要|需要|得)带(?:吗|不|么|没|上吗))",
    ),
    "after_choice": ("^[^ ]{0,2}还是",),
    "done_after": (
        "^(?:了|过(?![去来])|完|的|好了|上了|下来了|着|已经|早就|早都)",
        # round 18: a span of time since, then 了 (户口迁过来三年了, 交上十几年了): done long ago
        "^(?:好|有|快)?(?:[一二两三四五六七八九十几半多]+|[0-9]+)多?(?:年|个月|个多月|天|周|个礼拜)多?了",
        # round 18: ...or the place it was brought to, then 了 (户口迁到这边了): brought already
        "^«这边 那边 这里 这儿 那里 城里 镇上 县里 本地 外地»了",
        # round 19: a verb brought up to its full amount (交满十五年, 缴够年限, 交足): a condition
        # reached, not the action wanted
        "^[满够足](?=[^ ]{0,2}(?:[一二两三四五六七八九十几0-9]|年限|年头|年数))",
    ),  # 转过去: a direction
    "need_before": (
        "(?:能|可以|要|想|怎么|咋|咋个|去|才能|还能|该|如何|在哪|哪里|哪儿|得|准备|打算|需要|能不能|可不可以|怎样"
        "|好|再|重新|接着)$",
    ),
    "not_wanted_before": (
        "(?:(?<!想)不想|(?<!要)不要|(?<!用)不用|不打算|不愿意?|免得|省得)[^ ]{0,4}$",
    ),
    "not_done_before": ("(?:(?<!有)没有?|还没|从没|没有去|没去)$",),
    # a clause that asks (the others tell the story)
    "request": (
        "怎么|咋|如何|能不能|可不可以|可以|能否|有没有|有啥|有什么|要带|带啥|带什么|需要|要什么|要啥|哪些|去哪"
        "|在哪|哪里|哪儿|吗|么|嘛|呢|多少|几|啥|谁|什么|要不要|行不行|中不中|能|申请|想办|想要|想申请|想问|请问"
        "|咨询|是不是|不\\s*$|没\\s*$",
    ),
    # actions: money paid out (领高龄津贴), a document received (领光荣牌), a refund at the end
    "paid_out": ("补贴|补助|津贴|扶助|抚恤|补偿|奖励|生活费|养老金|救助金|[^基资税]金$",),
    "document": ("[证卡牌本]$",),
    "refund_end": ("(?:$|[ 不吗了没呢啊嘛么得销])",),
    # round 19: 交 asked with what (要交什么, 交啥材料, 得交哪些) hands in papers, pays nothing
    "handed_in": ("交(?:些)?(?:什么|啥|哪些|哪几样)(?![档钱])",),
}

# Common words typed as toneless pinyin in Latin letters (the catalog's own words are spelled
# from their readings: normalize.PinyinRepair.spell): zenme ban -> 怎么办
PINYIN_WORDS = {
    "zenme": "怎么",
    "zenmeban": "怎么办",
    "zenmeyang": "怎么样",
    "zenyang": "怎样",
    "shenme": "什么",
    "sha": "啥",
    "nali": "哪里",
    "nar": "哪儿",
    "zainali": "在哪里",
    "duoshao": "多少",
    "duoshaoqian": "多少钱",
    "duojiu": "多久",
    "shenqing": "申请",
    "banli": "办理",
    "ban": "办",
    "jiao": "交",
    "ling": "领",
    "bu": "补",
    "buban": "补办",
    "huan": "换",
    "qian": "钱",
    "yao": "要",
    "dai": "带",
    "cailiao": "材料",
    "shouxu": "手续",
    "tiaojian": "条件",
    "diule": "丢了",
    "diaole": "掉了",
    "guoqi": "过期",
    "guoqile": "过期了",
    "nengbuneng": "能不能",
    "keyi": "可以",
    "ma": "吗",
    "wo": "我",
    "women": "我们",
    "jiali": "家里",
    "xiang": "想",
    "qu": "去",
    "rengong": "人工",
    "zhuanrengong": "转人工",
    "kefu": "客服",
    "nihao": "你好",
    "xiexie": "谢谢",
    # round 12: Latin abbreviations of services typed in chats (yb今年几钱, db要准备啥, hk点迁)
    "yb": "医保",
    "db": "低保",
    "hk": "户口",
    "bb": "宝宝",
    # round 13: the words of a time question typed in pinyin (ji dian kaimen, shangban)
    "jidian": "几点",
    "kaimen": "开门",
    "guanmen": "关门",
    "shangban": "上班",
    "xiaban": "下班",
    "bianmin": "便民",
    "zhongxin": "中心",
    "zhongliang": "种粮",
    "yicixing": "一次性",
    # round 13: action verbs of services typed in pinyin (yanglao baoxian zhuanyi)
    "zhuanyi": "转移",
    "qianyi": "迁移",
    "zhuxiao": "注销",
    "baoxiao": "报销",
    "lingqu": "领取",
    "jiaofei": "缴费",
    # round 16: initials of the common items' everyday names and of the chat's own words (the
    # catalog's 3-4 character words spell their initials already: sfz, sbk, zjd, jzz); a whole
    # Latin word only, never letters inside an English word
    "cj": "残疾",
    "cjz": "残疾证",
    "cjbt": "残疾补贴",
    "wb": "五保",
    "wbh": "五保户",
    "tk": "特困",
    "tkh": "特困户",
    "dbh": "低保户",
    "xnh": "新农合",
    "nhyl": "农合医疗",
    "ylbx": "养老保险",
    "ybk": "医保卡",
    "hkb": "户口本",
    "rg": "人工",
    "zrg": "转人工",
    "rgkf": "人工客服",
    "kf": "客服",
    # round 17: the English words young people mix into a message (帮外公办social security card,
    # id card过期了, pension咋领, 办个disability证 need啥材料), as whole Latin words
    "idcard": "身份证",
    "socialsecuritycard": "社保卡",
    "socialsecurity": "社保",
    "medicalinsurance": "医保",
    "disability": "残疾",
    "disabled": "残疾",
    "pension": "养老金",
    "need": "需要",
}

# WeChat's own stickers arrive in a text message as their names in brackets ([合十], [捂脸]):
# those that say thanks, ok or bye become the word, the others only separate words
WECHAT_STICKERS = {
    **dict.fromkeys(("抱拳", "合十", "玫瑰", "握手", "爱心", "拥抱", "鼓掌"), " 谢谢 "),
    **dict.fromkeys(("强", "OK", "好的", "胜利", "耶", "666"), " 好的 "),
    "再见": " 再见 ",
    **dict.fromkeys(
        "微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 囧 抓狂 吐 偷笑 "
        "愉快 白眼 傲慢 困 惊恐 憨笑 悠闲 咒骂 疑问 嘘 晕 衰 骷髅 敲打 擦汗 抠鼻 坏笑 右哼哼 左哼哼 "
        "鄙视 委屈 快哭了 亲亲 可怜 笑脸 生病 破涕为笑 脸红 恐惧 失望 无语 嘿哈 捂脸 奸笑 机智 皱眉 "
        "吃瓜 加油 汗 天啊 社会社会 旺柴 打脸 哇 翻白眼 让我看看 叹气 苦涩 裂开 嘴唇 心碎 弱 勾引 "
        "拳头 啤酒 咖啡 蛋糕 凋谢 菜刀 炸弹 便便 月亮 太阳 庆祝 礼物 红包 發 福 烟花 爆竹 猪头 跳跳 "
        "发抖 转圈 Emm".split(),
        " ",
    ),
}

# Emoji that stand for a word in a chat (a thumbs-up is "ok", folded hands "thanks"); other
# symbols only separate words
EMOJI = {
    "👍": " 好的 ",
    "👌": " 好的 ",
    "🙏": " 谢谢 ",
    "🌹": " 谢谢 ",
    "💐": " 谢谢 ",
    "👋": " 再见 ",
}
