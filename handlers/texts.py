"""Every villager-facing sentence of the conversation layer. Short, polite, plain
words for elderly villagers; numbers and names are filled in by small functions."""

from __future__ import annotations

WELCOME = (
    "您好，欢迎关注{center}！\n"
    "想办什么事，直接发文字或语音问我就行，比如“低保要带什么”“医保怎么交”。\n"
    "回复“人工”找工作人员，回复“进度”查办理情况。"
)
WELCOME_SCENE = "（您是扫{scene}的二维码来的。）"
SCAN_AGAIN = "您好，又见面了！有什么要办的，直接问我就行。"
VOICE_UNCLEAR = (
    "不好意思，这段语音我没听清。\n请再说一遍，或者打字发给我；也可以回复“人工”找工作人员。"
)
IMAGE_RECEIVED = "图片收到了。如果是办事材料，请先告诉我要办什么事；需要工作人员看，请回复“人工”。"
VIDEO_RECEIVED = "视频收到了。我只能看懂文字和语音，请用文字或语音告诉我您要办什么事。"
LINK_RECEIVED = "链接收到了。请用一句话告诉我您想问什么事。"
LOCATION_REPLY = "收到您的位置。便民服务中心在：{address}\n办公时间：{hours}"
GREETING = "您好！我是{center}的小助手。\n想办什么事，直接问我，比如“办低保要带什么”。"
THANKS = "不客气！还有别的事随时问我。"
ACK = "好的。还有别的事随时问我。"
BYE = "好的，再见！有事随时找我。"
# a villager closing the talk (the matcher reads these as greetings): no self-introduction
ACK_WORDS = tuple("好的 好嘞 好吧 知道了 晓得了 明白了 懂了 收到 得嘞 行吧 可以了 ok okay".split())
ACK_ALONE = tuple("好 行 嗯 嗯嗯 中 哦 噢 喔 成".split())
HELLO_WORDS = tuple(
    "你好 您好 在吗 在不在 在么 hello hi 喂 早上好 上午好 下午好 晚上好 大家好".split()
)
BYE_WORDS = tuple("再见 拜拜 bye 回头见 下次聊".split())
# "Yes" to a one-item menu ("您问的是…吗？"): as good as replying 1.
MENU_YES = frozenset(
    "是 是的 是啊 是滴 是呀 对 对的 对头 对啊 对呀 嗯 嗯嗯 好 好的 要 没错 系 係 係呀 就是 就是这个".split()
)
# a lone digit where no list waits for one
DIGIT_AFTER_GUIDE = "要登记【{item}】，请回复“办理”；想问别的事，直接告诉我就行。"
DIGIT_NO_MENU = (
    "现在没有要选的数字。想办什么事，直接告诉我，比如“低保要带什么”；找工作人员请回复“人工”。"
)
MENU_BAD_CHOICE = "请回复 1 到 {n} 之间的数字选择；都不是的话，换个说法再问我一次。"
ERROR = "不好意思，系统刚才出了点问题，请过一会儿再发一次；着急的话请拨打{phone}。"
THANKS_WORDS = ("谢", "感谢")
CHINESE_DIGITS = "零一二三四五六七八九"

# --- shared: dates, times, yes/no --------------------------------------------
HALF_HOURS = {"am": "上午（8:30-12:00）", "pm": "下午（2:00-5:30）"}
TODAY = "今天"
TOMORROW = "明天"
YES_WORDS = tuple(
    "是 对 好 用 是的 对的 好的 好滴 可以 行 嗯 嗯嗯 确认 确定 提交 没问题 没错 用吧 用这个 就用这个 要 ok".split()
)
NO_WORDS = tuple("否 不 不是 不对 不用 不要 不行 重新填 换一个 不撤回".split())
CANCEL_WORDS = tuple("取消 不办了 算了 不要了 退出 不填了 不约了 不预约 不反映了".split())
PUNCTUATION = "。.！!，,？?、~～ 　"


def day_text(month: int, day: int, weekday: int) -> str:
    """'11月24日（周二）'; weekday as date.weekday() (Monday 0)."""
    return f"{month}月{day}日（周{'一二三四五六日'[weekday]}）"


def clock_text(hour: int, minute: int) -> str:
    """'上午8:30', '下午2:00': how villagers say the time."""
    half = "上午" if hour < 12 else "下午"
    shown = hour if hour <= 12 else hour - 12
    return f"{half}{shown}:{minute:02d}"


# --- registration form (办理) --------------------------------------------------
FORM_START_WORDS = tuple(
    "办理 我要办理 我要办 要办 办 登记 我要登记 申请 我要申请 帮我办理 帮我登记 现在办理 马上办理 在线办理 开始办理".split()
)
FORM_NEED_ITEM = (
    "请先告诉我您要办什么事，比如“办低保”。\n我把要带的材料告诉您，您再回复“办理”就能登记。"
)
FORM_INTRO = "好的，开始登记【{item}】，一共{steps}步。中途不想办了，回复“取消”就行。"
FORM_REUSE = (
    "您上次登记的信息是：\n姓名：{name}\n手机：{phone}\n村（社区）：{village}\n"
    "1. 还用这些信息，请回复“是”\n2. 要重新填，请回复“否”"
)
FORM_ASK = {
    "name": "第{n}步：请回复办事人的姓名。",
    "phone": "第{n}步：请回复您的手机号（11位数字），办好了我们会通知您。",
    "village": "第{n}步：请回复您住在哪个村（社区），比如“青石村”。",
    "case": "第{n}步：您是下面哪种情况？请回复数字：\n{cases}",
}
FORM_NEXT = {
    "reuse": "请回复“是”或“否”",
    "name": "请回复姓名",
    "phone": "请回复手机号",
    "village": "请回复村（社区）名字",
    "case": "请回复数字选择您的情况",
    "confirm": "请回复“确认”提交",
    "edit": "请回复数字选择要改的项",
}
FORM_BAD_PHONE = "这个手机号好像不对。请回复11位手机号，比如 13812345678。"
FORM_BAD_CASE = "请回复 1 到 {n} 之间的数字，选择您的情况。"
FORM_BAD_NAME = "请用汉字回复办事人的姓名，比如“张桂兰”。"
FORM_BAD_VILLAGE = "请回复村（社区）的名字，比如“青石村”。"
FORM_BAD_REUSE = "请回复“是”（还用这些信息）或“否”（重新填）。"
# no mobile of one's own (elderly villagers): a family member's number does, or a person helps
FORM_NO_PHONE_WORDS = tuple(
    "没有手机 没手机 没有手机号 没手机号 没有电话 没电话 不会用手机 没有 没".split()
)
FORM_NO_PHONE = (
    "没有手机也不要紧：可以填家里人的手机号，办好了我们打给他。要找工作人员，回复“人工”。"
)
FORM_NAME_PREFIXES = tuple("我的名字是 我的名字叫 名字是 名字叫 姓名是 姓名 我叫 我是 叫".split())
# An answer ending like a place name is a village even if it sounds like an item (五保村).
FORM_VILLAGE_SUFFIXES = ("村", "社区", "组", "寨", "屯", "庄", "队", "街道", "小区")
FORM_VILLAGE_PREFIXES = ("我住在", "住在", "我家在", "家在", "我在", "我是")
FORM_SUMMARY = (
    "请核对您的登记信息：\n事项：{item}\n{case}姓名：{name}\n手机：{phone}\n村（社区）：{village}\n"
    "1. 没问题，请回复“确认”\n2. 要改，请回复“修改”\n3. 不办了，请回复“取消”"
)
FORM_SUMMARY_CASE = "情形：{case}\n"
FORM_EDIT_WORDS = ("修改", "改", "改一下", "要改", "改信息", "不对要改")
FORM_FIELDS = {"name": "姓名", "phone": "手机号", "village": "村（社区）", "case": "办理情形"}
FORM_FIELD_WORDS = {
    "name": ("姓名", "名字"),
    "phone": ("手机", "电话", "号码"),
    "village": ("村", "社区", "地址", "住址"),
    "case": ("情形", "情况"),
}
FORM_EDIT_ASK = "要改哪一项？请回复数字：\n{fields}"
FORM_BAD_EDIT = "请回复 1 到 {n} 之间的数字，选择要改的项。"
FORM_CANCELLED = "好的，登记已取消。想办的时候，再回复“办理”就行。"
FORM_EXPIRED = "您的登记太久没填完，已经超时了。要办的话，请重新回复“办理”。"
FORM_NOT_UNDERSTOOD = "抱歉，这句我没看懂。要找工作人员，回复“人工”。"
FORM_WAITING = "\n\n——您的【{item}】登记还没填完：{next}继续；不办了请回复“取消”。"
REGISTERED = "登记成功！您的办件编号是 {number}，请记好。"
REGISTERED_NEXT = "接下来您可以：\n1. 约个时间去窗口，回复“预约”\n2. 查办理进度，回复“进度”\n3. 不办了，回复“撤回”"

# --- one ticket, the list (进度) ----------------------------------------------
# The same names as bot/tickets/texts.STATUS_NAMES (a test keeps them equal).
STATUS_NAMES = {
    "accepted": "已受理",
    "in_progress": "办理中",
    "need_materials": "待补正",
    "done": "已办结",
    "rejected": "不予受理",
    "withdrawn": "已撤回",
}
DETAIL_NUMBER = "办件编号：{number}"
DETAIL_ITEM = "事项：{item}"
DETAIL_CASE = "情形：{case}"
DETAIL_STATUS = "状态：{status}"
DETAIL_KIND = "办件类型：{kind}"
DETAIL_WHO = "负责办理：{department}（{window}）"
DETAIL_PLACE = "办理地点：{place}"
DETAIL_DUE = "办理时限：{days}个工作日，{date}前办结{provisional}"
DETAIL_DUE_NOW = "办理时限：即办件，材料带齐当场办结"
DETAIL_PROVISIONAL = "（明年的节假日还没公布，日期可能顺延）"
DETAIL_FINISHED = "办结日期：{date}"
DETAIL_MATERIALS = "请带齐以下材料："
DETAIL_MATERIALS_LINK = "要带的材料请看：{url}"
DETAIL_MISSING = "还需要补充："
DETAIL_APPOINTMENT = "预约：{slot}"
DETAIL_RATING = "您的评价：{rating}"
DETAIL_CONTENT = "您反映的情况：{content}"
MATERIAL_LINE = "{n}. {name} {form}{copies}份{later}"
MATERIAL_LATER = "（可后补）"
LIST_HEAD = "您的办件（最近{count}件）："
LIST_LINE = "{n}. {number} {item}：{status}{due}"
LIST_DUE = "，{date}前办结"
LIST_NEXT = "回复编号（比如 {number}）查看详情；不办了回复“撤回”。"
LIST_EMPTY_ASK = "您还没有在这里登记过办件。您问的事，可以打电话问：\n{departments}\n也可以回复“人工”找工作人员。"
LIST_EMPTY_DEPT = "· {name}（{window}）{phone}"
LIST_EMPTY = "您还没有登记过办件。\n想办什么事直接问我，看完要带的材料后，回复“办理”就能登记。"
TICKET_NOT_FOUND = "没有查到编号为 {number} 的办件，请核对一下编号。\n查自己的办件，请回复“进度”。"

# --- withdraw (撤回) ----------------------------------------------------------
WITHDRAW_WORDS = ("撤回", "撤销")
WITHDRAW_NONE = "您没有正在办理的办件，不需要撤回。查办件请回复“进度”。"
WITHDRAW_PICK = "您有{count}件正在办理，要撤回哪一件？请回复数字：\n{lines}\n不撤回请回复“取消”。"
WITHDRAW_PICK_LINE = "{n}. {number} {item}"
WITHDRAW_CONFIRM = (
    "确定要撤回 {number}（{item}）吗？撤回后就不再办理了。\n"
    "1. 确定撤回，请回复“是”\n2. 不撤回，请回复“否”"
)
WITHDRAW_DONE = "已撤回 {number}（{item}）。以后想办，再问我就行。"
WITHDRAW_NOTHING = "好的，都不撤回，继续办理。"
WITHDRAW_KEPT = "好的，不撤回，{number} 继续办理。"
WITHDRAW_CLOSED = "{number} 已经是“{status}”，不能撤回了。"

# --- appointments (预约) ------------------------------------------------------
APPOINT_WORDS = ("预约",)
APPOINT_NO_TICKET = (
    "预约前要先登记：\n1. 先问我要办的事，看要带什么材料\n2. 回复“办理”登记\n3. 登记好后回复“预约”"
)
APPOINT_ALREADY = (
    "{number}（{item}）已经预约了{slot}，到时请带齐材料到{place}。要换时间，请回复“改时间”。"
)
# a booked villager who cannot come then (改个时间, 换一天, 重新预约)
APPOINT_CHANGE_WORDS = (
    "改时间 改个时间 换个时间 换时间 改约 改预约 换一天 换个日子 改日子 改天去 重新约 重新预约 另约"
).split()
APPOINT_NONE_TO_CHANGE = "您还没有预约时间。要约时间，请回复“预约”。"
APPOINT_MOVE_OFFER = (
    "{number}（{item}）现在约的是{slot}。要换到哪个时间？请回复数字：\n{lines}\n"
    "不改了请回复“取消”，原来的时间不变。"
)
APPOINT_MOVED = "改好了！新的时间是{slot}，请到{place}办理{item}（编号 {number}），记得带齐材料。"
APPOINT_MOVE_CANCELLED = "好的，不改了，还是原来约的时间。"
APPOINT_CLOSED = "{number} 已经是“{status}”，不用预约了。"
APPOINT_FULL = "最近{days}个工作日的预约都满了。您可以直接到{place}办理，或拨打 {phone} 问问。"
APPOINT_OFFER = (
    "给 {number}（{item}）预约去{place}的时间，请回复数字：\n{lines}\n不约了请回复“取消”。"
)
APPOINT_LINE = "{n}. {slot}，还能约{free}人"
APPOINT_SLOT = "{day}{half}"
APPOINT_BAD = "请回复 1 到 {n} 之间的数字，选择时间；不约了请回复“取消”。"
APPOINT_TAKEN = "这个时间刚刚约满了，请换一个。\n"
APPOINT_DONE = (
    "预约好了！请在{slot}到{place}办理{item}（编号 {number}），记得带齐材料。前一天会提醒您。"
)
APPOINT_CANCELLED = "好的，先不预约。需要时再回复“预约”。"

# --- complaints, reports, disputes --------------------------------------------
COMPLAINT_ASK = (
    "您好，请把要反映的事用一段话发给我：\n1. 什么事\n2. 在哪里、涉及谁\n3. 您希望怎么解决\n"
    "打字、发语音都可以；不反映了请回复“取消”。"
)
COMPLAINT_TOO_SHORT = "请再说详细一点：什么事、在哪里、涉及谁。不反映了请回复“取消”。"
COMPLAINT_DONE = (
    "已记下您反映的情况，编号 {number}（{category}）。\n"
    "{department}会在{days}个工作日内联系您，最晚{date}。值班领导已收到通知。\n"
    "着急的话请拨打 {phone}；查进度请回复“进度”。"
)
COMPLAINT_CANCELLED = "好的，不反映了。有需要随时找我。"
COMPLAINT_DEFAULT = "投诉"
# First match wins: a report (举报) about a dispute is still a report.
COMPLAINT_CATEGORIES = (
    ("举报", ("举报", "贪污", "腐败", "受贿", "吃拿卡要", "优亲厚友", "违法", "违规", "骗")),
    ("信访", ("信访", "上访", "冤枉")),
    ("矛盾纠纷", ("纠纷", "矛盾", "吵架", "打架", "邻居", "地界", "边界", "调解", "欠钱", "赔偿")),
    ("意见建议", ("意见建议", "建议", "提意见", "意见")),
    ("投诉", ("投诉", "态度", "推诿", "不作为", "拖", "差评", "不满意")),
)
# Words that say "I want to complain" but describe nothing; what is left decides
# whether the first message is already the description.
COMPLAINT_FILLERS = tuple(
    "我要 我想 想要 请问 你好 您好 怎么 哪里 可以 一下 要 想 反映问题 反映情况 反映 问题 情况".split()
)

# --- handoff to a person (人工) -----------------------------------------------
HANDOFF_OPENED = (
    "好的，已帮您转给工作人员，请稍等，工作人员会在这里回复您。\n您可以先把要办的事写下来发给我们。"
)
HANDOFF_AFTER_HOURS = (
    "已帮您转给工作人员。现在是下班时间，工作人员{when}上班后会回复您。\n"
    "您可以先把要办的事写下来；着急的话请拨打 {phone}。"
)
WHEN = "{day}{time}"

# --- 好差评 rating --------------------------------------------------------------
RATING_NAMES = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
# Longest first: 不满意 contains 满意, 非常不满意 contains 不满意.
RATING_WORDS = (
    ("非常不满意", 5),
    ("特别不满意", 5),
    ("很不满意", 5),
    ("太不满意", 5),
    ("不太满意", 4),
    ("不满意", 4),
    ("非常满意", 1),
    ("特别满意", 1),
    ("很满意", 1),
    ("十分满意", 1),
    ("基本满意", 3),
    ("还算满意", 3),
    ("一般", 3),
    ("还行", 3),
    ("比较满意", 2),
    ("满意", 2),
)
RATING_THANKS = "谢谢您的评价（{rating}）！我们会继续努力。"
RATING_WHY = "很抱歉这次让您{rating}。\n请用一句话告诉我们哪里做得不好，我们会请负责人给您回电话。"
RATING_CALLBACK = "谢谢您告诉我们。{department}负责人会在{days}个工作日内给您回电话。"
RATING_ALREADY = (
    "{number}（{item}）您已经评价过了（{rating}），一件事只评一次。\n还有意见的话，请回复“投诉”。"
)

# --- pictures for a ticket ----------------------------------------------------
ATTACHED = "图片收到了，已放进您的办件 {number}（{item}）里，工作人员会查看。还有图片可以接着发。"
TOWN_ASK = "请问您是哪个乡镇的？回复数字就行："
TOWN_AGAIN = "没认出来是哪个乡镇，请回复前面的数字。"
TOWN_SET = "好的，已记下您是{town}的。"
TOWN_SWITCH_WORDS = ("切换乡镇", "换乡镇", "切换镇", "换个镇")
TOWN_SUFFIXES = "镇乡"
