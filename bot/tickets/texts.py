"""What tickets say to villagers (pushes) and to staff (notices). Short and plain."""

from __future__ import annotations

STATUS_NAMES = {
    "accepted": "已受理",
    "in_progress": "办理中",
    "need_materials": "待补正",
    "done": "已办结",
    "rejected": "不予受理",
    "withdrawn": "已撤回",
}

PUSH_HEAD = "【{center}】您的{item}（编号{number}）"
PUSH_IN_PROGRESS = PUSH_HEAD + "正在办理中，预计{due}前办结。"
PUSH_NEED_MATERIALS = (
    PUSH_HEAD + "还需要补充以下材料：\n{missing}\n请带齐后到{place}办理。补齐前办理期限暂停计算。"
)
PUSH_DONE = PUSH_HEAD + "已办结。{result}需要领取证件或材料的，请带身份证到{place}领取。"
PUSH_DONE_RESULT = "办理结果：{result}。"
WINDOW_PLACE = "{center}{window}（{department}）"
RATING_NAMES = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
PUSH_REJECTED = PUSH_HEAD + "不予受理。原因：{reason}\n如有疑问请拨打{phone}。"
PUSH_WITHDRAWN = PUSH_HEAD + "已撤回。"
PUSH_TRANSFERRED = PUSH_HEAD + "已转到{department}办理，{owner}仍然跟踪到底。"
PUSH_EXTENDED = PUSH_HEAD + "经批准延期{days}个工作日，新的办结期限是{due}。"
PUSH_STAFF_REPLY = "【{center}工作人员】{text}"
PUSH_NOTE = "\n说明：{note}"
RATING_ASK = (
    "\n请您为这次服务打个分，回复数字：\n1 非常满意  2 满意  3 基本满意\n4 不满意  5 非常不满意"
)
APPOINTMENT_REMINDER = (
    "【{center}】提醒：您预约了明天{day}{half}到{place}办理{item}（编号{number}），请带齐材料。"
)
HALF_NAMES = {"am": "上午", "pm": "下午"}
PROVISIONAL = "（节假日安排未公布，期限可能顺延）"
DUE_FORMAT = "{m}月{d}日"

TEMPLATE_FIRST = "您的办事进度有更新"
TEMPLATE_REMARK = "详情请回复“进度”查询，或拨打{phone}。"

NOTICE_NEW_COMPLAINT = "新的{kind}：{number}（{village}），请及时处理。"
NOTICE_WARN = "提醒：工单{number}（{item}）将于{due}到期，请抓紧办理。"
NOTICE_DUE_TODAY = "今日到期：工单{number}（{item}）今天到期，经办人{assignee}。"
NOTICE_OVERDUE = "督办：工单{number}（{item}）已超期{days}个工作日，经办人{assignee}。"
NOTICE_ASSIGNED = "新分派给您的工单：{number}（{item}），期限{due}。"
NOTICE_NUDGE = "工单{number}（{item}）已{days}个工作日没有进展，请跟进。"
NOTICE_NUDGE_HEAD = "工单{number}（{item}）经办人{assignee}已{days}个工作日未处理。"
NOTICE_CALLBACK = (
    "差评回访：工单{number}（{item}）评价为“{rating}”，请在{due}前回访。原因：{reason}"
)
NOTICE_HANDOFF = "有群众在线等待人工回复。"
NOTICE_EXTENSION = "延期申请：工单{number}（{item}）申请延期{days}个工作日，理由：{note}"
NOBODY = "（未分派）"
HANDLING_PROMISED = "承诺件"
NO_REASON_GIVEN = "（群众未说明原因）"
TEMPLATE_RATING_REMARK = "请回复数字1-5为这次服务打分：1非常满意，5非常不满意。"
PUSH_PUBLICITY = (
    PUSH_HEAD + "进入{days}天公示期（到{until}），公示期不计入办理时限，新的办结期限是{due}。"
)
