// Admin: staff accounts and roles, 2FA policy, departments, the leader-on-duty
// roster, holiday calendar overrides, the catalog (browse, reload, try a
// question), the questions it missed (learn.js) and the audit log.

import { h, replace, field, fmtTime, fmtDate, todayIso } from "./dom.js";
import * as api from "./api.js";
import { ROLES, INTENTS, AUDIT_ACTIONS, EXPLAIN_KEYS } from "./labels.js";
import { ROLE, session, errorBox, loading, empty, tabs, pageHead, formDialog, confirmDialog, act, toast } from "./ui.js";
import { countyTowns } from "./towns.js";
import { questionsTab } from "./learn.js";

const TABS = [
  { id: "staff", label: "人员账号" },
  { id: "policies", label: "两步验证" },
  { id: "departments", label: "部门" },
  { id: "roster", label: "带班表" },
  { id: "calendar", label: "节假日" },
  { id: "catalog", label: "事项目录" },
  { id: "questions", label: "问题学习" },
  { id: "audit", label: "操作日志" },
];

let departmentsCache = null;
async function departments() {
  if (!departmentsCache) {
    try {
      departmentsCache = (await api.get("departments")).items;
    } catch (err) {
      departmentsCache = [];
    }
  }
  return departmentsCache;
}
const depName = (list, id) => (list.find((d) => d.id === id) || {}).name || id || "—";

export function adminView(root, params) {
  if (!ROLE.isAdmin()) {
    replace(root, pageHead("系统管理"), errorBox({ status: 403, human: "无权限：系统管理只对管理员开放。" }));
    return {};
  }
  const tab = TABS.some((t) => t.id === params.tab) ? params.tab : "staff";
  const out = h("div", { class: "admin-out" }, loading());
  replace(root, pageHead("系统管理"), tabs(TABS, tab, (id) => `#/admin/${id}`, { label: "管理分类" }), out);
  const views = { staff, policies, departments: departmentsTab, roster, calendar, catalog, questions: questionsTab, audit };
  const load = () => views[tab](out).catch((err) => replace(out, errorBox(err)));
  load();
  return { refresh: load };
}

// -- staff --------------------------------------------------------------------

async function staff(out) {
  const [list, deps] = await Promise.all([api.get("admin/staff"), departments()]);
  const addBtn = h("button", { type: "button", class: "btn btn-primary", onclick: () => editStaff(null, deps, () => staff(out)) }, "新建账号");
  replace(out, h("div", { class: "toolbar" }, addBtn),
    h("table", { class: "queue" },
      h("thead", {}, h("tr", {}, ["姓名", "用户名", "角色", "部门", "在岗", "状态", "两步验证", "创建时间", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, list.items.map((s) => h("tr", { class: s.active ? "" : "inactive" },
        h("td", { "data-label": "姓名" }, s.display_name),
        h("td", { "data-label": "用户名" }, s.username),
        h("td", { "data-label": "角色" }, ROLES[s.role] || s.role),
        h("td", { "data-label": "部门" }, depName(deps, s.department_id)),
        h("td", { "data-label": "在岗" }, s.on_duty ? "在岗" : "不在岗"),
        h("td", { "data-label": "状态" }, !s.active ? "已停用" : s.locked_until ? `已锁定至 ${fmtTime(s.locked_until)}` : "正常"),
        h("td", { "data-label": "两步验证" }, s.totp_enabled ? "已开启" : "未开启"),
        h("td", { "data-label": "创建" }, fmtDate(s.created_at)),
        h("td", { class: "row-actions" },
          h("button", { type: "button", class: "btn btn-small", onclick: () => editStaff(s, deps, () => staff(out)) }, "修改"),
          h("button", { type: "button", class: "btn btn-small", onclick: (ev) => resetPassword(ev.currentTarget, s) }, "重置密码")))))));
}

async function editStaff(s, deps, reload) {
  const creating = !s;
  const value = await formDialog(creating ? "新建账号" : `修改账号：${s.display_name}`, (body) => {
    const username = h("input", { value: s ? s.username : "", disabled: !creating, autocomplete: "off" });
    const name = h("input", { value: s ? s.display_name : "" });
    const role = h("select", {}, Object.entries(ROLES).map(([v, t]) => h("option", { value: v, selected: s ? s.role === v : v === "clerk" }, t)));
    const dep = h("select", {}, h("option", { value: "" }, "（无）"),
      deps.map((d) => h("option", { value: d.id, selected: s && s.department_id === d.id }, d.name)));
    const onDuty = h("input", { type: "checkbox", checked: s ? s.on_duty : true, id: "f-on-duty" });
    const password = h("input", { type: "password", autocomplete: "new-password" });
    body.append(field("用户名（字母、数字）", username), field("姓名", name), field("角色", role),
      field("所属部门", dep, "窗口人员和部门负责人必须选择部门。"),
      h("div", { class: "check" }, onDuty, h("label", { for: "f-on-duty" }, "在岗（参与自动分派）")));
    let active; let resetTotp; let unlock;
    if (creating) {
      body.append(field("初始密码（至少10位）", password));
    } else {
      active = h("input", { type: "checkbox", checked: s.active, id: "f-active" });
      resetTotp = h("input", { type: "checkbox", id: "f-reset-totp" });
      unlock = h("input", { type: "checkbox", id: "f-unlock" });
      body.append(h("div", { class: "check" }, active, h("label", { for: "f-active" }, "账号可用")),
        s.totp_enabled ? h("div", { class: "check" }, resetTotp, h("label", { for: "f-reset-totp" }, "重置两步验证（换手机时）")) : null,
        s.locked_until || s.failed_logins ? h("div", { class: "check" }, unlock, h("label", { for: "f-unlock" }, "解除登录锁定")) : null);
    }
    return () => {
      const v = { display_name: name.value.trim() || undefined, role: role.value, on_duty: onDuty.checked };
      if (["clerk", "head"].includes(role.value) && !dep.value) return { __error: "窗口人员和部门负责人必须选择所属部门。" };
      if (creating) {
        if (!/^[A-Za-z0-9_.-]{2,64}$/.test(username.value.trim())) return { __error: "用户名只能用字母、数字、下划线，至少2位。" };
        if (password.value.length < 10) return { __error: "初始密码至少10位。" };
        return { ...v, username: username.value.trim(), password: password.value, department_id: dep.value || undefined };
      }
      return { ...v, department_id: dep.value || null, active: active.checked,
        ...(resetTotp && resetTotp.checked ? { reset_totp: true } : {}), ...(unlock && unlock.checked ? { unlock: true } : {}) };
    };
  }, { submitText: creating ? "创建" : "保存" });
  if (!value) return;
  await act(null, () => (creating ? api.post("admin/staff", value) : api.patch(`admin/staff/${s.id}`, value)), creating ? "账号已创建。" : "已保存。");
  reload();
}

async function resetPassword(btn, s) {
  const value = await formDialog(`重置密码：${s.display_name}`, (body) => {
    const pw = h("input", { type: "password", autocomplete: "new-password" });
    body.append(field("新密码（至少10位）", pw, "重置后，此人所有设备上的登录都会退出。"));
    return () => (pw.value.length >= 10 ? { password: pw.value } : { __error: "密码至少10位。" });
  }, { submitText: "重置" });
  if (value) await act(btn, () => api.post(`admin/staff/${s.id}/password`, value), "密码已重置。");
}

// -- 2FA policy ---------------------------------------------------------------

async function policies(out) {
  const r = await api.get("admin/policies");
  replace(out, h("p", { class: "hint" }, "开启后，该角色的人员登录时必须输入手机验证器上的动态验证码；未绑定的人员登录后会先被要求绑定。"),
    h("ul", { class: "plain policy-list" }, r.items.map((p) => {
      const box = h("input", { type: "checkbox", checked: p.require_totp, id: `pol-${p.role}` });
      box.addEventListener("change", () => act(box, () => api.put(`admin/policies/${p.role}`, { require_totp: box.checked }), "已保存。"));
      return h("li", { class: "check" }, box, h("label", { for: box.id }, `${ROLES[p.role] || p.role}必须开启两步验证`));
    })));
}

// -- departments --------------------------------------------------------------

async function departmentsTab(out) {
  const r = await api.get("departments");
  departmentsCache = r.items;
  const sync = h("button", {
    type: "button", class: "btn", onclick: (ev) => act(ev.currentTarget, async () => {
      departmentsCache = (await api.post("admin/departments/sync")).items;
      await departmentsTab(out);
    }, "已从事项目录同步部门。"),
  }, "从事项目录同步");
  replace(out, h("div", { class: "toolbar" }, sync, h("span", { class: "hint" }, "部门在事项目录的 center.yaml 中维护。")),
    h("table", { class: "queue" },
      h("thead", {}, h("tr", {}, ["编码", "名称", "窗口", "电话"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, r.items.map((d) => h("tr", {},
        h("td", { "data-label": "编码" }, d.id), h("td", { "data-label": "名称" }, d.name),
        h("td", { "data-label": "窗口" }, d.window || "—"), h("td", { "data-label": "电话" }, d.phone || "—"))))));
}

// -- roster -------------------------------------------------------------------

async function roster(out) {
  const from = todayIso();
  const to = todayIso(27);
  const [r, people] = await Promise.all([api.get(`admin/roster${api.qs({ from, to })}`), api.get("admin/staff")]);
  const leaders = people.items.filter((s) => s.role === "leader" && s.active);
  const byDay = Object.fromEntries(r.items.map((x) => [x.day, x.staff]));
  const days = [];
  for (let i = 0; i < 28; i += 1) days.push(todayIso(i));
  replace(out, h("p", { class: "hint" }, "带班领导接收投诉、超期督办提醒。没有排班的日子，提醒发给所有带班领导。"),
    leaders.length ? null : h("p", { class: "alert alert-warn" }, "还没有“带班领导”角色的账号，请先在“人员账号”中创建。"),
    h("table", { class: "queue roster" },
      h("thead", {}, h("tr", {}, ["日期", "带班领导"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, days.map((day) => {
        const current = byDay[day];
        const select = h("select", { "aria-label": `${day} 带班领导` }, h("option", { value: "" }, "（未排班）"),
          leaders.map((l) => h("option", { value: String(l.id), selected: current && current.id === l.id }, l.display_name)));
        select.addEventListener("change", () => {
          if (!select.value) return;
          act(select, () => api.put(`admin/roster/${day}`, { staff_id: Number(select.value) }), `${fmtDate(day)} 已排班。`);
        });
        return h("tr", {}, h("td", { "data-label": "日期" }, fmtDate(day)), h("td", { "data-label": "带班领导" }, select));
      }))));
}

// -- holiday calendar -----------------------------------------------------------

async function calendar(out, year) {
  const y = year || Number(todayIso().slice(0, 4));
  const r = await api.get(`admin/calendar${api.qs({ year: y })}`);
  const day = h("input", { type: "date", min: `${y}-01-01`, max: `${y}-12-31` });
  const kind = h("select", {}, h("option", { value: "holiday" }, "放假（不计工作日）"), h("option", { value: "workday" }, "调休上班（计工作日）"),
    h("option", { value: "remove" }, "删除设置（按系统默认）"));
  const note = h("input", { maxlength: "128", placeholder: "如：春节、国庆调休" });
  const saveBtn = h("button", { type: "submit", class: "btn btn-primary" }, "保存");
  const form = h("form", { class: "filters" }, field("日期", day), field("类型", kind), field("备注", note),
    h("div", { class: "field field-btn" }, saveBtn));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!day.value) {
      toast("请选择日期。", "error");
      return;
    }
    const workday = kind.value === "remove" ? null : kind.value === "workday";
    act(saveBtn, async () => {
      await api.put(`admin/calendar/days/${day.value}`, { workday, note: note.value.trim() || undefined });
      await calendar(out, y);
    }, "已保存。");
  });
  const yearNav = h("div", { class: "toolbar" },
    h("button", { type: "button", class: "btn btn-small", onclick: () => calendar(out, y - 1) }, `← ${y - 1}年`),
    h("strong", { class: "year" }, `${y}年`),
    h("button", { type: "button", class: "btn btn-small", onclick: () => calendar(out, y + 1) }, `${y + 1}年 →`));
  const completeBox = h("input", { type: "checkbox", checked: r.complete, id: "cal-complete" });
  completeBox.addEventListener("change", () => act(completeBox, async () => {
    await api.put(`admin/calendar/years/${y}`, { complete: completeBox.checked });
  }, completeBox.checked ? `${y}年节假日已确认，期限不再是暂定。` : "已取消确认。"));
  replace(out, yearNav,
    h("p", { class: r.library_covers ? "hint" : "alert alert-warn" }, r.library_covers
      ? `系统自带 ${y} 年的法定节假日，这里只需补充本地调整。`
      : `系统没有 ${y} 年的法定节假日数据：国务院公布放假安排后，请逐日录入放假和调休上班，然后勾选“已录入完整”。在此之前，期限按周一至周五计算并标为“暂定”。`),
    h("div", { class: "check" }, completeBox, h("label", { for: "cal-complete" }, `${y}年节假日已录入完整`)),
    form,
    r.overrides.length ? h("table", { class: "queue" },
      h("thead", {}, h("tr", {}, ["日期", "类型", "备注", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, r.overrides.map((o) => h("tr", {},
        h("td", { "data-label": "日期" }, fmtDate(o.day)),
        h("td", { "data-label": "类型" }, o.workday ? "调休上班" : "放假"),
        h("td", { "data-label": "备注" }, o.note || "—"),
        h("td", { class: "row-actions" }, h("button", {
          type: "button", class: "btn btn-small", onclick: async (ev) => {
            if (!(await confirmDialog("删除设置", `删除 ${o.day} 的设置？`))) return;
            await act(ev.currentTarget, () => api.put(`admin/calendar/days/${o.day}`, { workday: null }), "已删除。");
            calendar(out, y);
          },
        }, "删除"))))))
      : empty("本年度没有本地调整。"));
}

// -- catalog --------------------------------------------------------------------

async function catalog(out) {
  const [r, deps] = await Promise.all([api.get("admin/catalog"), departments()]);
  const q = h("input", { type: "search", placeholder: "按事项名称筛选", "aria-label": "筛选事项" });
  const body = h("tbody");
  const draw = () => replace(body, r.items.filter((i) => !q.value.trim() || i.name.includes(q.value.trim())).map((i) => h("tr", {},
    h("td", { "data-label": "事项" }, h("a", { href: `/guide/${encodeURIComponent(i.id)}`, target: "_blank", rel: "noopener" }, i.name)),
    h("td", { "data-label": "部门" }, depName(deps, i.department_id)),
    h("td", { "data-label": "类型" }, i.kind),
    h("td", { "data-label": "层级" }, i.level),
    h("td", { "data-label": "承诺时限" }, `${i.promised_days} 个工作日`))));
  q.addEventListener("input", draw);
  draw();
  const reload = h("button", {
    type: "button", class: "btn", onclick: (ev) => act(ev.currentTarget, async () => {
      const res = await api.post("admin/catalog/reload");
      if (res.problems.length) {
        toast(`目录有 ${res.problems.length} 处问题，仍使用原目录。`, "error");
      } else {
        toast(res.changed ? `已重新加载，共 ${res.items} 个事项。` : "目录没有变化。", "ok");
      }
      await catalog(out);
    }),
  }, "重新加载目录");
  replace(out,
    h("div", { class: "toolbar" }, reload, h("span", { class: "hint" }, `共 ${r.items.length} 个事项，版本 ${String(r.digest).slice(0, 8)}`)),
    r.problems.length ? h("div", { class: "alert alert-warn" }, h("strong", {}, "上次加载发现的问题："),
      h("ul", {}, r.problems.map((p) => h("li", {}, p)))) : null,
    tryBox(),
    h("section", { class: "card" }, h("h2", {}, "事项"), field("筛选", q),
      h("table", { class: "queue" },
        h("thead", {}, h("tr", {}, ["事项", "部门", "类型", "层级", "承诺时限"].map((t) => h("th", { scope: "col" }, t)))), body)));
}

function tryBox() {
  const text = h("input", { maxlength: "500", placeholder: "例如：地保要带什么", class: "wide" });
  const btn = h("button", { type: "submit", class: "btn btn-primary" }, "试一试");
  const result = h("div", { class: "try-result", "aria-live": "polite" });
  const form = h("form", { class: "filters" }, field("群众的问题", text), h("div", { class: "field field-btn" }, btn));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) return;
    act(btn, async () => {
      const d = await api.post("admin/catalog/try", { text: text.value.trim() });
      replace(result, h("dl", { class: "facts" },
        h("dt", {}, "判断"), h("dd", {}, `${INTENTS[d.intent] || d.intent}（${d.intent}）`),
        h("dt", {}, "事项"), h("dd", {}, d.item || "—"),
        h("dt", {}, "候选"), h("dd", {}, d.candidates.length ? d.candidates.join("、") : "—"),
        h("dt", {}, "得分"), h("dd", {}, typeof d.score === "number" ? d.score.toFixed(3) : String(d.score))),
      h("details", { open: true }, h("summary", {}, "为什么这样判断"), explain(d.explain)));
    });
  });
  return h("section", { class: "card" }, h("h2", {}, "试一试：机器人会怎么回答"), form, result);
}

/** The matcher's explanation as nested lists (text only). */
function explain(value, depth = 0) {
  if (value === null || value === undefined) return h("span", {}, "—");
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return h("span", {}, value.join("、") || "—");
    return h("ol", {}, value.map((v) => h("li", {}, explain(v, depth + 1))));
  }
  if (typeof value === "object") {
    if (depth > 4) return h("code", {}, JSON.stringify(value));
    return h("dl", { class: "explain" }, Object.entries(value).map(([k, v]) => [
      h("dt", {}, EXPLAIN_KEYS[k] || k), h("dd", {}, explain(v, depth + 1))]));
  }
  return h("span", {}, typeof value === "number" ? String(Math.round(value * 1000) / 1000) : String(value));
}

// -- audit log ------------------------------------------------------------------

async function audit(out) {
  // A town's admin reads their town's entries only; county admins may pick a town.
  const towns = await countyTowns();
  const town = h("select", {}, h("option", { value: "" }, "全部乡镇"), towns.map((t) => h("option", { value: t.id }, t.name)));
  const townName = (id) => (id ? (towns.find((t) => t.id === id) || {}).name || id : "全县");
  const action = h("select", { "aria-label": "操作类型" }, h("option", { value: "" }, "全部操作"),
    Object.entries(AUDIT_ACTIONS).map(([k, v]) => h("option", { value: k }, v)));
  const target = h("input", { placeholder: "对象，如 ticket:BM20261123-0001" });
  const body = h("tbody");
  const more = h("button", { type: "button", class: "btn" }, "更早的记录");
  let before = null;
  const form = h("form", { class: "filters" }, field("操作", action), field("对象", target),
    towns.length ? field("乡镇", town) : null,
    h("div", { class: "field field-btn" }, h("button", { type: "submit", class: "btn btn-primary" }, "查询")));
  const page = async (reset) => {
    if (reset) {
      before = null;
      replace(body);
    }
    const query = { action: action.value, target: target.value.trim(), town: town.value, before, limit: 100 };
    const r = await api.get(`admin/audit${api.qs(query)}`);
    r.items.forEach((e) => body.append(h("tr", {},
      h("td", { "data-label": "时间" }, fmtTime(e.at)),
      h("td", { "data-label": "人员" }, e.staff ? e.staff.name : e.username || "—"),
      h("td", { "data-label": "操作" }, AUDIT_ACTIONS[e.action] || e.action),
      h("td", { "data-label": "对象" }, e.target || "—"),
      towns.length ? h("td", { "data-label": "乡镇" }, townName(e.town_id)) : null,
      h("td", { "data-label": "IP" }, e.ip || "—"),
      h("td", { "data-label": "详情", class: "detail" }, Object.keys(e.detail || {}).length ? JSON.stringify(e.detail) : ""))));
    if (r.items.length) before = r.items[r.items.length - 1].id;
    more.hidden = r.items.length < 100;
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    page(true).catch((err) => toast(err.human, "error"));
  });
  more.addEventListener("click", () => page(false).catch((err) => toast(err.human, "error")));
  replace(out, form, h("div", { class: "table-scroll" }, h("table", { class: "queue audit" },
    h("thead", {}, h("tr", {}, ["时间", "人员", "操作", "对象", towns.length ? "乡镇" : null, "IP", "详情"]
      .filter(Boolean).map((t) => h("th", { scope: "col" }, t)))), body)), more);
  await page(true);
}

export { session };
