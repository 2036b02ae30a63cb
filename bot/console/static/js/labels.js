// Chinese labels the console shows. The server sends most names itself
// (status_name, sla_state_name, kind_name); these cover the rest.

export const ROLES = { clerk: "窗口人员", head: "部门负责人", leader: "带班领导", admin: "系统管理员" };

export const STATUS = {
  accepted: "已受理",
  in_progress: "办理中",
  need_materials: "待补正",
  done: "已办结",
  rejected: "不予受理",
  withdrawn: "已撤回",
};

// Mirrors the ticket desk's TRANSITIONS: which states a ticket may move to.
export const TRANSITIONS = {
  accepted: ["in_progress", "need_materials", "done", "rejected", "withdrawn"],
  in_progress: ["need_materials", "done", "rejected", "withdrawn"],
  need_materials: ["in_progress", "done", "rejected", "withdrawn"],
};

// SLA state → a symbol shown before the text, so the state never rests on colour alone.
export const SLA_MARK = { ok: "●", due_soon: "▲", overdue: "✖", paused: "⏸", met: "✔", missed: "✖" };
export const SLA_NAME = {
  ok: "正常", due_soon: "即将到期", overdue: "已超期", paused: "暂停计时（待补正）", met: "按时办结", missed: "超期办结",
};

export const QUEUE_TABS = [
  { id: "unclaimed", label: "待认领" },
  { id: "mine", label: "我的工单" },
  { id: "department", label: "本部门" },
  { id: "due_soon", label: "即将到期" },
  { id: "overdue", label: "已超期" },
  { id: "handoffs", label: "人工会话" },
  { id: "complaints", label: "投诉信访", complaints: true },
];

export const DELIVERY = { sent: "已送达", pending: "发送中", failed: "未送达" };

export const SENDER = { villager: "群众", bot: "机器人", staff: "工作人员", notice: "系统通知" };

export const HANDOFF_STATUS = { waiting: "等待接待", open: "接待中", closed: "已结束" };

export const EXTENSION_STATUS = { pending: "待审批", approved: "已批准", denied: "未批准" };

export const RATING = { 5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意" };

export const INTENTS = {
  guide: "办事指南", clarify: "请群众选择", unknown: "没听懂", human: "转人工", status: "查进度",
  complaint: "投诉", center_info: "中心信息", greeting: "问候", register: "办理登记",
};

export const NOTICE_KINDS = {
  warning: "到期提醒", escalation: "超期督办", assigned: "分派", complaint: "投诉", extension: "延期", callback: "回访",
};

// Friendly words for the audit log's action codes.
export const AUDIT_ACTIONS = {
  login: "登录", logout: "退出", account_locked: "账号锁定", totp_start: "开始绑定两步验证",
  totp_enrolled: "绑定两步验证", password_changed: "修改密码",
  "ticket.claim": "认领工单", "ticket.assign": "分派工单", "ticket.status": "变更状态", "ticket.transfer": "转办",
  "ticket.withdraw": "代为撤回", "ticket.publicity": "开始公示", "ticket.reply": "回复群众", "ticket.note": "内部备注", "ticket.materials": "材料核收",
  "ticket.reveal_phone": "查看完整电话", "extension.request": "申请延期", "extension.approve": "批准延期",
  "extension.deny": "驳回延期", "handoff.read": "已读会话", "handoff.reply": "会话回复", "handoff.close": "结束会话",
  "callback.done": "完成回访", "notices.read": "已读通知", "staff.create": "新建账号", "staff.edit": "修改账号",
  "staff.password_reset": "重置密码", "staff.deactivate": "停用账号", "policy.set": "设置两步验证策略",
  "calendar.day": "设置节假日", "calendar.year": "确认年度日历", "roster.set": "设置带班领导",
  "catalog.reload": "重新加载目录", "departments.sync": "同步部门",
  "question.teach": "问题学习", "question.export": "导出学习问题",
};

// The matcher's explanation keys, for the admin's "try a question" box.
export const EXPLAIN_KEYS = {
  normalized: "规范化后的问题", ticket: "工单编号", query: "检索词", tokens: "分词", synonyms: "同义词/错别字替换",
  pinyin: "拼音纠错", intents: "意图", top: "候选事项", item: "事项", score: "得分", words: "词语匹配",
  reason: "原因", margin: "领先幅度", threshold: "门槛",
};
