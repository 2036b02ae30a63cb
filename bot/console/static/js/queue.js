// The work queue: tabs (to claim, mine, my department, due soon, overdue, live
// conversations, complaints) with counts, a filter box, j/k selection, and rows
// that light up when a villager writes or a ticket changes.

import { h, replace, fmtDate, fmtTime, $$ } from "./dom.js";
import * as api from "./api.js";
import { QUEUE_TABS, HANDOFF_STATUS } from "./labels.js";
import { ROLE, session, errorBox, loading, empty, slaBadge, tabs, pageHead, act, announce } from "./ui.js";

// Numbers of tickets (and ids of conversations) that changed since last opened.
export const fresh = { tickets: new Set(), handoffs: new Set() };
const counts = {};
let lastQuery = "";

export function visibleTabs() {
  // Leaders and the admin belong to no department: their "department" view is every ticket.
  const whole = session.me && !session.me.department_id;
  return QUEUE_TABS.filter((t) => !t.complaints || ROLE.seesComplaints())
    .map((t) => (t.id === "department" && whole ? { ...t, label: "全部工单" } : t));
}

/** Fetch every tab's size (the queue is small: a township's day). */
export async function refreshCounts() {
  const jobs = visibleTabs().map(async (t) => {
    try {
      if (t.id === "handoffs") {
        const r = await api.get("handoffs");
        counts.handoffs = r.items.reduce((n, x) => n + (x.unread || 0), 0) || r.items.filter((x) => x.status === "waiting").length;
      } else {
        const r = await api.get(`tickets${api.qs({ view: t.id })}`);
        counts[t.id] = r.count;
      }
    } catch (err) {
      counts[t.id] = null;
    }
  });
  await Promise.all(jobs);
  return counts;
}

export function queueView(root, params) {
  const tabIds = visibleTabs().map((t) => t.id);
  const view = tabIds.includes(params.view) ? params.view : defaultTab();
  const state = { rows: [], selected: 0, loaded: false };
  const filter = h("input", {
    type: "search", class: "filter", placeholder: "按编号、姓名、村、事项筛选", "aria-label": "筛选", value: lastQuery,
  });
  const tabBar = h("div", { class: "tab-wrap" });
  const list = h("div", { class: "queue-body", "aria-live": "off" }, loading());
  const status = h("p", { class: "queue-status", role: "status" });
  replace(root, pageHead("工作队列", filter), tabBar, status, list);
  filter.addEventListener("input", () => {
    lastQuery = filter.value;
    state.selected = 0;
    render();
  });

  function drawTabs() {
    replace(tabBar, tabs(visibleTabs(), view, (id) => `#/queue/${id}`, { label: "工单分类", counts, keys: true }));
  }

  function matches(row) {
    const q = filter.value.trim();
    if (!q) return true;
    const hay = view === "handoffs"
      ? [row.villager.name, row.villager.village, row.last_message && row.last_message.text].join(" ")
      : [row.number, row.item, row.villager.name, row.villager.village, row.department].join(" ");
    return hay.includes(q);
  }

  function shown() {
    return state.rows.filter(matches);
  }

  function render() {
    drawTabs();
    const rows = shown();
    if (!state.loaded) return;
    if (!rows.length) {
      replace(list, empty(filter.value ? "没有符合筛选条件的项目。" : emptyText(view)));
      return;
    }
    state.selected = Math.min(state.selected, rows.length - 1);
    replace(list, view === "handoffs" ? handoffTable(rows) : ticketTable(rows, view));
    markSelected(false);
  }

  function markSelected(focus) {
    const trs = $$("tbody tr", list);
    trs.forEach((tr, i) => {
      tr.classList.toggle("selected", i === state.selected);
      tr.setAttribute("aria-selected", i === state.selected ? "true" : "false");
    });
    const tr = trs[state.selected];
    if (tr && focus) {
      tr.focus();
      tr.scrollIntoView({ block: "nearest" });
    }
  }

  async function load() {
    try {
      if (view === "handoffs") {
        state.rows = (await api.get("handoffs")).items;
      } else {
        state.rows = (await api.get(`tickets${api.qs({ view })}`)).tickets;
      }
      state.loaded = true;
      replace(status, `共 ${state.rows.length} 项`);
      render();
    } catch (err) {
      state.loaded = true;
      replace(list, errorBox(err));
    }
    refreshCounts().then(drawTabs);
  }

  function selectedRow() {
    return shown()[state.selected];
  }

  function open(row = selectedRow()) {
    if (!row) return;
    location.hash = view === "handoffs" ? `#/handoff/${row.id}` : `#/ticket/${encodeURIComponent(row.number)}`;
  }

  async function claim(row = selectedRow()) {
    if (!row || view === "handoffs") return;
    if (!ROLE.isWorker()) {
      announce("管理员账号只能查看，不能认领。", "error");
      return;
    }
    await act(null, async () => {
      await api.post(`tickets/${api.enc(row.number)}/claim`);
      window.dispatchEvent(new CustomEvent("bianmin:acted", { detail: row.number }));
      await load();
    }, `已认领 ${row.number}`);
  }

  function ticketTable(rows, tab) {
    return h("table", { class: "queue" },
      h("caption", { class: "sr-only" }, "工单列表：上下键或 j/k 选择，回车打开，c 认领"),
      h("thead", {}, h("tr", {},
        ["工单编号", "事项", "群众", "部门", "状态", "经办人", "办结期限", "时限状态", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows.map((t, i) => {
        const isNew = fresh.tickets.has(t.number);
        const tr = h("tr", {
          tabindex: "-1", class: isNew ? "row-new" : "", "data-number": t.number,
          onclick: (ev) => { if (!ev.target.closest("button, a")) { state.selected = i; open(t); } },
        },
        h("td", { "data-label": "编号" }, h("a", { href: `#/ticket/${encodeURIComponent(t.number)}`, class: "num" }, t.number),
          isNew ? h("span", { class: "pill pill-new" }, "新动态") : null),
        h("td", { "data-label": "事项" }, t.item, t.case ? h("span", { class: "sub" }, t.case) : null),
        h("td", { "data-label": "群众" }, t.villager.name, t.villager.village ? h("span", { class: "sub" }, t.villager.village) : null),
        h("td", { "data-label": "部门" }, t.department),
        h("td", { "data-label": "状态" }, h("span", { class: `status status-${t.status}` }, t.status_name)),
        h("td", { "data-label": "经办人" }, t.assignee ? t.assignee.name : "未认领"),
        h("td", { "data-label": "期限" }, fmtDate(t.due_at), t.due_provisional ? h("span", { class: "sub" }, "（暂定）") : null),
        h("td", { "data-label": "时限" }, slaBadge(t.sla_state, t.sla_state_name, t.working_days_left)),
        h("td", { class: "row-actions" },
          !t.assignee && ROLE.isWorker() && tab !== "mine"
            ? h("button", { type: "button", class: "btn btn-small", onclick: () => { state.selected = i; claim(t); } }, "认领")
            : null));
        return tr;
      })));
  }

  function handoffTable(rows) {
    return h("table", { class: "queue" },
      h("caption", { class: "sr-only" }, "人工会话：回车打开"),
      h("thead", {}, h("tr", {}, ["群众", "状态", "未读", "等待", "最近一条消息", "接待人"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows.map((x, i) => {
        const isNew = fresh.handoffs.has(x.id) || x.unread > 0;
        return h("tr", {
          tabindex: "-1", class: isNew ? "row-new" : "", "data-handoff": String(x.id),
          onclick: (ev) => { if (!ev.target.closest("a")) { state.selected = i; open(x); } },
        },
        h("td", { "data-label": "群众" }, h("a", { href: `#/handoff/${x.id}` }, x.villager.name),
          x.villager.village ? h("span", { class: "sub" }, x.villager.village) : null),
        h("td", { "data-label": "状态" }, HANDOFF_STATUS[x.status] || x.status),
        h("td", { "data-label": "未读" }, x.unread > 0 ? h("span", { class: "pill pill-new" }, `${x.unread} 条未读`) : "0"),
        h("td", { "data-label": "等待" }, `${x.waiting_minutes} 分钟`),
        h("td", { "data-label": "消息", class: "msg-cell" },
          x.last_message ? [h("span", { class: "sub" }, fmtTime(x.last_message.at)), " ", x.last_message.text] : "—"),
        h("td", { "data-label": "接待人" }, x.staff ? x.staff.name : "未接待"));
      })));
  }

  load();
  return {
    refresh: load,
    onLive: () => load(),
    keys: {
      j: () => { state.selected = Math.min(state.selected + 1, shown().length - 1); markSelected(true); },
      k: () => { state.selected = Math.max(state.selected - 1, 0); markSelected(true); },
      ArrowDown: () => { state.selected = Math.min(state.selected + 1, shown().length - 1); markSelected(true); },
      ArrowUp: () => { state.selected = Math.max(state.selected - 1, 0); markSelected(true); },
      Enter: () => open(),
      o: () => open(),
      c: () => claim(),
      "/": () => filter.focus(),
      ...Object.fromEntries(visibleTabs().map((t, i) => [String(i + 1), () => { location.hash = `#/queue/${t.id}`; }])),
    },
  };
}

function defaultTab() {
  return ROLE.isWorker() && !ROLE.isLeader() ? "mine" : "overdue";
}

function emptyText(view) {
  return {
    unclaimed: "没有待认领的工单。",
    mine: "您手上没有在办的工单。新工单在“待认领”里。",
    department: "本部门没有在办的工单。",
    due_soon: "没有即将到期的工单。",
    overdue: "没有超期工单。",
    handoffs: "没有等待人工接待的群众。",
    complaints: "没有在办的投诉信访件。",
  }[view] || "没有内容。";
}
