// The dashboard for heads, the leader on duty and the admin: KPI cards, charts
// per department / item / staff / week / month, the table, CSV and Excel links.
// County staff of a several-town deployment also pick a town and see a table
// comparing the towns; town staff always get their own town (the server says so).

import { h, replace, field, pct, num, todayIso } from "./dom.js";
import * as api from "./api.js";
import { barChart, lineChart } from "./charts.js";
import { ROLE, session, errorBox, loading, pageHead, empty } from "./ui.js";
import { countyTowns } from "./towns.js";

const GROUPS = [
  ["department", "按部门"], ["item", "按事项"], ["staff", "按经办人"], ["week", "按周"], ["month", "按月"], ["none", "合计"],
];
const TARGETS = { completion_rate: 0.95, satisfaction_rate: 0.98 }; // the seed figures

const KPIS = [
  ["received", "受理数", (v) => num(v, 0)],
  ["completed", "办结数", (v) => num(v, 0)],
  ["completion_rate", "办结率", pct],
  ["on_time_rate", "按时办结率", pct],
  ["overdue_now", "当前超期", (v) => num(v, 0)],
  ["avg_workdays", "平均办结工作日", (v) => num(v, 1)],
  ["satisfaction_rate", "满意率", pct],
  ["callback_rate", "差评回访率", pct],
  ["first_response_minutes", "人工首次响应（分钟）", (v) => num(v, 1)],
];

const saved = { from: "", to: "", group: "department", department: "", town: "" };

export function dashboardView(root) {
  if (!ROLE.isSupervisor()) {
    replace(root, pageHead("统计看板"), errorBox({ status: 403, human: "无权限：统计看板只对部门负责人、带班领导和管理员开放。" }));
    return {};
  }
  if (!saved.from) {
    saved.from = `${todayIso().slice(0, 8)}01`;
    saved.to = todayIso();
  }
  const from = h("input", { type: "date", value: saved.from });
  const to = h("input", { type: "date", value: saved.to });
  const group = h("select", {}, GROUPS.map(([v, t]) => h("option", { value: v, selected: v === saved.group }, t)));
  const department = h("select", {}, h("option", { value: "" }, "全部部门"));
  const town = h("select", {}, h("option", { value: "" }, "全部乡镇"));
  const townField = field("乡镇", town);
  townField.hidden = true;
  let multiTown = false;
  const quick = h("div", { class: "quick-ranges" },
    rangeBtn("本月", () => [`${todayIso().slice(0, 8)}01`, todayIso()]),
    rangeBtn("近30天", () => [todayIso(-29), todayIso()]),
    rangeBtn("今年", () => [`${todayIso().slice(0, 4)}-01-01`, todayIso()]));
  const form = h("form", { class: "filters" }, field("开始日期", from), field("结束日期", to), field("分组", group),
    ROLE.isLeader() || ROLE.isAdmin() ? field("部门", department) : null, townField,
    h("div", { class: "field field-btn" }, h("button", { type: "submit", class: "btn btn-primary" }, "查询")));
  const exports = h("div", { class: "exports" });
  const out = h("div", { class: "dash-out" }, loading());
  const perTown = h("section", { class: "per-town", "aria-labelledby": "per-town-h", hidden: true });
  replace(root, pageHead("统计看板", exports), form, quick, out, perTown);

  function rangeBtn(text, range) {
    return h("button", {
      type: "button", class: "btn btn-small", onclick: () => {
        [from.value, to.value] = range();
        load();
      },
    }, text);
  }

  if (ROLE.isLeader() || ROLE.isAdmin()) {
    api.get("departments").then((r) => {
      r.items.forEach((d) => department.append(h("option", { value: d.id, selected: d.id === saved.department }, d.name)));
    }).catch(() => {});
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    load();
  });
  group.addEventListener("change", load);
  town.addEventListener("change", load);

  async function load() {
    Object.assign(saved, { from: from.value, to: to.value, group: group.value, department: department.value, town: town.value });
    const params = { from: saved.from, to: saved.to, group: saved.group, department: saved.department, town: saved.town };
    replace(exports,
      h("a", { class: "btn", href: `/api/v1/reports/export${api.qs({ ...params, format: "csv" })}`, download: "" }, "导出 CSV"),
      h("a", { class: "btn", href: `/api/v1/reports/export${api.qs({ ...params, format: "xlsx" })}`, download: "" }, "导出 Excel"));
    replace(out, loading());
    if (multiTown) loadTowns(params);
    let report;
    try {
      report = await api.get(`reports/summary${api.qs(params)}`);
    } catch (err) {
      replace(out, errorBox(err));
      return;
    }
    replace(out, cards(report.totals), charts(report), table(report));
  }

  // Every town side by side (the town filter aside): county staff compare them here.
  async function loadTowns(params) {
    perTown.hidden = saved.group === "town";
    if (perTown.hidden) return;
    try {
      const byTown = await api.get(`reports/summary${api.qs({ ...params, town: "", group: "town" })}`);
      replace(perTown, h("h2", { id: "per-town-h" }, "各乡镇对比"), table(byTown));
    } catch (err) {
      replace(perTown, errorBox(err));
    }
  }

  countyTowns().then((list) => {
    multiTown = list.length > 1;
    if (!multiTown) return;
    list.forEach((t) => town.append(h("option", { value: t.id, selected: t.id === saved.town }, t.name)));
    group.append(h("option", { value: "town", selected: saved.group === "town" }, "按乡镇"));
    townField.hidden = false;
  }).finally(load);
  return { refresh: load };
}

// No figure yet (nothing rated, nothing finished): no verdict either.
function verdict(value, low) {
  if (value === null || value === undefined) return "";
  return low ? "，未达标" : "，已达标";
}

function cards(t) {
  return h("section", { class: "kpis", "aria-label": "主要指标" }, KPIS.map(([key, label, fmt]) => {
    const target = TARGETS[key];
    const low = target !== undefined && t[key] !== null && t[key] < target;
    return h("div", { class: `kpi ${low ? "kpi-low" : ""} ${key === "overdue_now" && t[key] > 0 ? "kpi-bad" : ""}` },
      h("div", { class: "kpi-label" }, label),
      h("div", { class: "kpi-value" }, fmt(t[key])),
      target !== undefined ? h("div", { class: "kpi-target" }, `目标 ${pct(target)}`, verdict(t[key], low)) : null);
  }));
}

function charts(report) {
  const rows = report.rows;
  if (!rows.length) return empty("所选时间内没有受理的工单。");
  const labels = rows.map((r) => r.label);
  const rate = (v) => (v === null || v === undefined ? "—" : `${Math.round(v * 100)}%`);
  const timeSeries = report.group === "week" || report.group === "month";
  const volume = barChart({
    title: `受理与办结（${report.group_name}）`, labels,
    series: [{ name: "受理数", values: rows.map((r) => r.received) }, { name: "办结数", values: rows.map((r) => r.completed) },
      { name: "当前超期", values: rows.map((r) => r.overdue_now) }],
  });
  const rateSeries = [
    { name: "办结率", values: rows.map((r) => r.completion_rate) },
    { name: "按时办结率", values: rows.map((r) => r.on_time_rate) },
    { name: "满意率", values: rows.map((r) => r.satisfaction_rate) },
  ];
  const rates = timeSeries
    ? lineChart({ title: `办结率、按时办结率、满意率走势（${report.group_name}）`, labels, series: rateSeries, format: rate, max: 1 })
    : barChart({ title: `办结率、按时办结率、满意率（${report.group_name}）`, labels, series: rateSeries, format: rate, max: 1 });
  return h("section", { class: "charts" }, volume, rates);
}

function table(report) {
  const cols = ["label", ...KPIS.map(([k]) => k)];
  const names = report.columns || {};
  const fmt = Object.fromEntries(KPIS.map(([k, , f]) => [k, f]));
  const line = (r, total) => h("tr", { class: total ? "total" : "" }, cols.map((c, i) =>
    i === 0 ? h("th", { scope: "row" }, r.label) : h("td", { class: "n" }, fmt[c](r[c]))));
  return h("div", { class: "table-scroll" }, h("table", { class: "report" },
    h("caption", {}, `${report.from} 至 ${report.to}，${report.town_name}，${report.group_name}（按受理日期统计）`),
    h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, names[c] || (c === "label" ? report.group_name : c))))),
    h("tbody", {}, report.rows.map((r) => line(r, false)), line(report.totals, true))));
}

export { session };
