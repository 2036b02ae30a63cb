// 督办 for heads, the leader on duty and the admin: escalated tickets, 差评回访
// tasks (record the callback's result), extension requests to approve or deny,
// and the duty roster of their town to read (only the admin edits it).

import { h, replace, field, fmtTime, fmtDate, todayIso } from "./dom.js";
import * as api from "./api.js";
import { RATING } from "./labels.js";
import { ROLE, errorBox, loading, empty, slaBadge, tabs, pageHead, formDialog, act } from "./ui.js";

const TABS = [
  { id: "escalations", label: "超期督办" },
  { id: "callbacks", label: "差评回访" },
  { id: "extensions", label: "延期审批" },
  { id: "roster", label: "带班表" },
];

export function superviseView(root, params) {
  if (!ROLE.isSupervisor()) {
    replace(root, pageHead("督办与回访"), errorBox({ status: 403, human: "无权限：督办与回访只对部门负责人、带班领导和管理员开放。" }));
    return {};
  }
  const tab = TABS.some((t) => t.id === params.tab) ? params.tab : "escalations";
  const out = h("div", {}, loading());
  replace(root, pageHead("督办与回访"), tabs(TABS, tab, (id) => `#/supervise/${id}`, { label: "督办分类" }), out);
  const decide = ROLE.isSupervisor() && !ROLE.isAdmin();

  async function load() {
    try {
      if (tab === "escalations") {
        const r = await api.get("escalations");
        replace(out, r.items.length ? escalationTable(r.items) : empty("没有超期督办的工单。"));
      } else if (tab === "callbacks") {
        const r = await api.get("callbacks");
        replace(out, r.items.length ? callbackTable(r.items, decide, load) : empty("没有待回访的差评。"));
      } else if (tab === "roster") {
        const r = await api.get(`roster${api.qs({ from: todayIso(), to: todayIso(27) })}`);
        replace(out, rosterTable(r.items));
      } else {
        const r = await api.get("extensions");
        replace(out, r.items.length ? extensionTable(r.items, decide, load) : empty("没有待审批的延期申请。"));
      }
    } catch (err) {
      replace(out, errorBox(err));
    }
  }
  load();
  return { refresh: load, onLive: load };
}

function link(number) {
  return h("a", { href: `#/ticket/${encodeURIComponent(number)}`, class: "num" }, number);
}

function escalationTable(items) {
  return h("table", { class: "queue" },
    h("thead", {}, h("tr", {}, ["工单编号", "事项", "部门", "经办人", "办结期限", "时限状态", "督办次数", "最近督办"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, items.map((x) => {
      const t = x.ticket;
      return h("tr", {},
        h("td", { "data-label": "编号" }, link(t.number)),
        h("td", { "data-label": "事项" }, t.item),
        h("td", { "data-label": "部门" }, t.department),
        h("td", { "data-label": "经办人" }, t.assignee ? t.assignee.name : "未认领"),
        h("td", { "data-label": "期限" }, fmtDate(t.due_at)),
        h("td", { "data-label": "时限" }, slaBadge(t.sla_state, t.sla_state_name, t.working_days_left)),
        h("td", { "data-label": "督办次数" }, String(x.times)),
        h("td", { "data-label": "最近督办" }, fmtTime(x.last_escalated_at)));
    })));
}

function rosterTable(items) {
  const byDay = Object.fromEntries(items.map((x) => [x.day, x.staff]));
  const days = Array.from({ length: 28 }, (_, i) => todayIso(i));
  return [h("p", { class: "hint" }, "带班领导接收投诉和超期督办提醒。带班表由系统管理员排定，这里只能查看。"),
    h("table", { class: "queue roster" },
      h("thead", {}, h("tr", {}, ["日期", "带班领导"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, days.map((day) => h("tr", {},
        h("td", { "data-label": "日期" }, fmtDate(day)),
        h("td", { "data-label": "带班领导" }, byDay[day] ? byDay[day].name : "（未排班）")))))];
}

function callbackTable(items, canDo, reload) {
  return h("table", { class: "queue" },
    h("thead", {}, h("tr", {}, ["工单编号", "事项", "评价", "原因", "回访期限", "结果", ""].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, items.map((c) => h("tr", {},
      h("td", { "data-label": "编号" }, link(c.ticket)),
      h("td", { "data-label": "事项" }, c.item),
      h("td", { "data-label": "评价" }, c.rating ? `${RATING[c.rating] || c.rating}（${c.rating}分）` : "—"),
      h("td", { "data-label": "原因" }, c.reason || "—"),
      h("td", { "data-label": "期限" }, fmtDate(c.due_at)),
      h("td", { "data-label": "结果" }, c.done_at ? `${fmtTime(c.done_at)} ${c.done_by ? c.done_by.name : ""}：${c.result || ""}` : "未回访"),
      h("td", { class: "row-actions" }, canDo && !c.done_at ? h("button", {
        type: "button", class: "btn btn-small btn-primary", onclick: async (ev) => {
          const value = await formDialog(`记录回访结果：${c.ticket}`, (body) => {
            const text = h("textarea", { rows: "4", maxlength: "2000" });
            body.append(field("回访情况（电话沟通内容、群众意见、整改措施）", text));
            return () => (text.value.trim() ? { result: text.value.trim() } : { __error: "请填写回访情况。" });
          }, { submitText: "保存" });
          if (!value) return;
          await act(ev.currentTarget, () => api.post(`callbacks/${c.id}/done`, value), "回访结果已保存。");
          reload();
        },
      }, "记录回访") : null)))));
}

function extensionTable(items, canDecide, reload) {
  const decide = (x, approve) => async (ev) => {
    const value = await formDialog(`${approve ? "批准" : "驳回"}延期：${x.ticket}`, (body) => {
      const note = h("textarea", { rows: "3", maxlength: "1000" });
      body.append(h("p", {}, `申请延期 ${x.days} 个工作日。理由：`, x.reason), field("批示（可选）", note));
      return () => ({ note: note.value.trim() });
    }, { submitText: approve ? "批准" : "驳回", danger: !approve });
    if (!value) return;
    await act(ev.currentTarget, () => api.post(`extensions/${x.id}/${approve ? "approve" : "deny"}`, value),
      approve ? "已批准，办结期限已顺延并通知群众。" : "已驳回。");
    reload();
  };
  return h("table", { class: "queue" },
    h("thead", {}, h("tr", {}, ["工单编号", "事项", "申请人", "延长", "理由", "申请时间", ""].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, items.map((x) => h("tr", {},
      h("td", { "data-label": "编号" }, link(x.ticket)),
      h("td", { "data-label": "事项" }, x.item),
      h("td", { "data-label": "申请人" }, x.requested_by ? x.requested_by.name : "—"),
      h("td", { "data-label": "延长" }, `${x.days} 个工作日`),
      h("td", { "data-label": "理由" }, x.reason),
      h("td", { "data-label": "时间" }, fmtTime(x.requested_at)),
      h("td", { class: "row-actions" }, canDecide && x.status === "pending" ? [
        h("button", { type: "button", class: "btn btn-small btn-primary", onclick: decide(x, true) }, "批准"),
        h("button", { type: "button", class: "btn btn-small btn-danger", onclick: decide(x, false) }, "驳回"),
      ] : x.status)))));
}
