"""Every piece of Chinese the staff console shows: error messages, state names,
report headings, staff notices. Code elsewhere uses these names, never literals."""

from __future__ import annotations

ERRORS = {
    "unauthenticated": "请先登录。",
    "forbidden": "您没有权限查看或办理此项。",
    "not_found": "没有找到。",
    "csrf": "页面已过期，请刷新后重试。",
    "enrol_required": "您的岗位要求开启两步验证，请先完成绑定。",
    "bad_request": "请求内容不正确。",
    "bad_json": "请求内容不是有效的 JSON。",
    "bad_credentials": "用户名或密码错误。",
    "otp_required": "请输入手机验证器上的动态验证码。",
    "bad_otp": "动态验证码不正确或已使用。",
    "locked": "登录失败次数过多，账号已临时锁定，请稍后再试。",
    "throttled": "尝试次数过多，请稍后再试。",
    "invalid_transition": "工单当前状态不允许此操作。",
    "already_enrolled": "已开启两步验证；如需更换，请联系管理员重置。",
    "no_enrolment": "请先点击开始绑定，再输入验证码。",
    "username_taken": "用户名已存在。",
    "weak_password": "密码至少需要{n}位。",
    "unknown_department": "没有这个部门。",
    "department_required": "窗口人员和部门负责人必须选择所属部门。",
    "not_assignee": "只有本工单的经办人可以申请延期。",
    "pending_exists": "已有一条待审批的延期申请。",
    "already_decided": "该申请已经处理过了。",
    "self_deactivate": "不能停用或降级自己的管理员账号。",
    "bad_current_password": "当前密码不正确。",
    "not_leader": "带班领导必须选择领导角色的账号。",
    "no_material": "该工单没有这项材料。",
    "no_phone": "该群众没有留下电话。",
    "handoff_closed": "该会话已结束。",
    "file_missing": "附件还没有下载完成。",
    "method_not_allowed": "不支持的请求方法。",
    "too_large": "提交的内容太大。",
    "json_required": "请以 JSON 格式提交。",
    "server_error": "系统繁忙，请稍后再试。",
}

SLA_STATES = {
    "ok": "正常",
    "due_soon": "即将到期",
    "overdue": "已超期",
    "paused": "暂停计时（待补正）",
    "met": "按时办结",
    "missed": "超期办结",
}

DELIVERY = {"sent": "已送达", "pending": "发送中", "failed": "未送达"}

EVENT_NAMES = {
    "created": "登记受理",
    "claim": "认领",
    "assign": "分派",
    "status": "状态变更",
    "transfer": "转办",
    "extension": "延期",
    "publicity": "开始公示",
    "deadline": "期限重算",
    "extension_requested": "申请延期",
    "extension_denied": "延期未批准",
    "reply": "回复群众",
    "note": "内部备注",
    "materials": "材料核收",
    "rating": "群众评价",
    "callback_opened": "差评回访",
    "callback_done": "回访完成",
    "escalation": "超期督办",
}

MEDIA = {
    "image": "［图片］",
    "voice": "［语音］",
    "video": "［视频］",
    "shortvideo": "［视频］",
    "location": "［位置］",
    "link": "［链接］",
    "event": "［事件］",
}
TEMPLATE_PUSH = "［模板消息］{status}"
NO_NAME = "（未留姓名）"

NOTICE_EXTENSION_APPROVED = "延期申请已批准：工单{number}延期{days}个工作日。"
NOTICE_EXTENSION_DENIED = "延期申请未获批准：工单{number}。{note}"

REPORT_GROUPS = {
    "none": "合计",
    "town": "乡镇",
    "department": "部门",
    "item": "事项",
    "staff": "经办人",
    "week": "周",
    "month": "月份",
}
REPORT_COLUMNS = {
    "label": "分组",
    "received": "受理数",
    "completed": "办结数",
    "completion_rate": "办结率",
    "on_time_rate": "按时办结率",
    "overdue_now": "当前超期",
    "avg_workdays": "平均办结工作日",
    "satisfaction_rate": "满意率",
    "callback_rate": "差评回访率",
    "first_response_minutes": "人工首次响应（分钟）",
}
REPORT_TOTAL = "合计"
REPORT_TOWN_COLUMN = "乡镇"
REPORT_ALL_TOWNS = "全部乡镇"
REPORT_SHEET = "办件统计"
UNASSIGNED = "（未分派）"
