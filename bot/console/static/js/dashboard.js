// The dashboard for heads, the leader on duty and the admin: KPI cards, charts
// per department / item / staff / week / month, the table, CSV and Excel links.

import { h, replace, field, pct, num, todayIso } from "./dom.js";
import * as api from "./api.js";
import { barChart, lineChart } from "./charts.js";
import { ROLE, session, errorBox, loading, pageHead, empty } from "./ui.js";

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

const saved = { from: "", to: "", group: "department", department: "" };

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
  const quick = h("div", { class: "quick-ranges" },
    rangeBtn("本月", () => [`${todayIso().slice(0, 8)}01`, todayIso()]),
    rangeBtn("近30天", () => [todayIso(-29), todayIso()]),
    rangeBtn("今年", () => [`${todayIso().slice(0, 4)}-01-01`, todayIso()]));
  const form = h("form", { class: "filters" }, field("开始日期", from), field("结束日期", to), field("分组", group),
    ROLE.isLeader() || ROLE.isAdmin() ? field("部门", department) : null,
    h("div", { class: "field field-btn" }, h("button", { type: "submit", class: "btn btn-primary" }, "查询")));
  const exports = h("div", { class: "exports" });
  const out = h("div", { class: "dash-out" }, loading());
  replace(root, pageHead("统计看板", exports), form, quick, out);

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

  async function load() {
    Object.assign(saved, { from: from.value, to: to.value, group: group.value, department: department.value });
    const params = { from: saved.from, to: saved.to, group: saved.group, department: saved.department };
    replace(exports,
      h("a", { class: "btn", href: `/api/v1/reports/export${api.qs({ ...params, format: "csv" })}`, download: "" }, "导出 CSV"),
      h("a", { class: "btn", href: `/api/v1/reports/export${api.qs({ ...params, format: "xlsx" })}`, download: "" }, "导出 Excel"));
    replace(out, loading());
    let report;
    try {
      report = await api.get(`reports/summary${api.qs(params)}`);
    } catch (err) {
      replace(out, errorBox(err));
      return;
    }
    replace(out, cards(report.totals), charts(report), table(report));
  }

  load();
  return { refresh: load };
}

function cards(t) {
  return h("section", { class: "kpis", "aria-label": "主要指标" }, KPIS.map(([key, label, fmt]) => {
    const target = TARGETS[key];
    const low = target !== undefined && t[key] !== null && t[key] < target;
    return h("div", { class: `kpi ${low ? "kpi-low" : ""} ${key === "overdue_now" && t[key] > 0 ? "kpi-bad" : ""}` },
      h("div", { class: "kpi-label" }, label),
      h("div", { class: "kpi-value" }, fmt(t[key])),
      target !== undefined ? h("div", { class: "kpi-target" }, `目标 ${pct(target)}`, low ? "，未达标" : "，已达标") : null);
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
    h("caption", {}, `${report.from} 至 ${report.to}，${report.group_name}（按受理日期统计）`),
    h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, names[c] || (c === "label" ? report.group_name : c))))),
    h("tbody", {}, report.rows.map((r) => line(r, false)), line(report.totals, true))));
}

export { session };
