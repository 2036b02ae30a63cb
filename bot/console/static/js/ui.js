// Shared pieces: status messages, the aria-live announcer, dialogs, SLA badges,
// loading and error boxes, and the app-wide session (who is logged in).

import { h, replace, clear, nextId } from "./dom.js";
import { SLA_MARK, SLA_NAME, DELIVERY } from "./labels.js";

export const session = { me: null };

export const ROLE = {
  isWorker: () => session.me && session.me.role !== "admin",
  isSupervisor: () => session.me && ["head", "leader", "admin"].includes(session.me.role),
  isAdmin: () => session.me && session.me.role === "admin",
  isLeader: () => session.me && session.me.role === "leader",
  isHead: () => session.me && session.me.role === "head",
  isCounty: () => session.me && !session.me.town_id, // no town: county staff, who see every town
  seesComplaints: () =>
    session.me && (["leader", "admin"].includes(session.me.role) || session.me.department_id === "zongzhi"),
};

/** Say something to screen readers (and show it briefly in the toast area). */
export function announce(text, kind = "info") {
  const region = document.getElementById("announcer");
  if (region) {
    region.textContent = "";
    setTimeout(() => { region.textContent = text; }, 30);
  }
  toast(text, kind);
}

export function toast(text, kind = "info") {
  const area = document.getElementById("toasts");
  if (!area) return;
  const el = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, text);
  area.append(el);
  setTimeout(() => el.remove(), kind === "error" ? 8000 : 4000);
}

/** A visible error box; 403 shows 无权限 plainly. */
export function errorBox(err) {
  const text = err && err.human ? err.human : String(err && err.message ? err.message : err);
  const forbidden = err && err.status === 403;
  return h("div", { class: `alert ${forbidden ? "alert-forbidden" : "alert-error"}`, role: "alert" },
    h("strong", {}, forbidden ? "无权限" : "出错了"), " ", text);
}

export function loading(text = "正在加载…") {
  return h("p", { class: "loading", role: "status" }, text);
}

export function empty(text) {
  return h("p", { class: "empty" }, text);
}

export function slaBadge(state, name, daysLeft) {
  const label = name || SLA_NAME[state] || state;
  const days = daysLeft === null || daysLeft === undefined ? "" : daysText(state, daysLeft);
  return h("span", { class: `sla sla-${state}` },
    h("span", { class: "sla-mark", "aria-hidden": "true" }, SLA_MARK[state] || "●"), " ", label,
    days ? h("span", { class: "sla-days" }, `（${days}）`) : null);
}

export function daysText(state, left) {
  if (left === null || left === undefined) return "";
  if (state === "overdue" || left < 0) return left < 0 ? `已超 ${-left} 个工作日` : "今天到期";
  if (left === 0) return "今天到期";
  return `剩 ${left} 个工作日`;
}

// WeChat's refusals in words a clerk can act on (phone the villager instead).
const WHY = {
  45015: "群众超过48小时没有发消息，微信不允许再主动回复，请电话联系",
  45047: "48小时内回复条数已达上限，请电话联系",
  43004: "群众已取消关注",
  40003: "群众账号无效",
  43101: "群众未同意接收订阅消息",
};

function whyText(raw) {
  if (!raw) return "";
  const code = Object.keys(WHY).find((c) => String(raw).includes(c));
  return code ? `${WHY[code]}（${raw}）` : String(raw);
}

export function deliveryBadge(push) {
  if (!push) return null;
  const why = push.state === "failed" || (push.state === "pending" && push.error) ? whyText(push.error || push.wechat_delivery) : "";
  return h("span", { class: `delivery delivery-${push.state}` },
    push.state === "sent" ? "✔ " : push.state === "failed" ? "✖ " : "… ",
    push.state_name || DELIVERY[push.state] || push.state,
    why ? `：${why}` : "");
}

// -- dialogs (native <dialog>: focus is trapped and Esc closes) -------------

/** Open a modal with a form; resolves with the FormData-like object or null. */
export function formDialog(title, buildBody, { submitText = "确定", danger = false } = {}) {
  return new Promise((resolve) => {
    const titleId = nextId("dlg");
    const form = h("form", { method: "dialog", class: "dialog-form" });
    const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId }, form);
    const body = h("div", { class: "dialog-body" });
    const result = { value: null };
    const collect = buildBody(body, result) || (() => ({}));
    const errorArea = h("div", { class: "dialog-error", role: "alert" });
    replace(form,
      h("h2", { id: titleId }, title),
      body,
      errorArea,
      h("div", { class: "dialog-actions" },
        h("button", { type: "button", class: "btn", value: "cancel", onclick: () => dialog.close("cancel") }, "取消"),
        h("button", { type: "submit", class: danger ? "btn btn-danger" : "btn btn-primary", value: "ok" }, submitText)));
    form.addEventListener("submit", (ev) => {
      const value = collect();
      if (value && value.__error) {
        ev.preventDefault();
        replace(errorArea, value.__error);
        return;
      }
      result.value = value;
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "cancel" ? null : result.value);
    });
    document.body.append(dialog);
    dialog.showModal();
    const first = body.querySelector("input, select, textarea");
    if (first) first.focus();
  });
}

export function confirmDialog(title, text, opts = {}) {
  return formDialog(title, (body) => {
    body.append(h("p", {}, text));
    return () => ({ ok: true });
  }, opts).then((v) => Boolean(v));
}

export function infoDialog(title, content) {
  const titleId = nextId("dlg");
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId },
    h("h2", { id: titleId }, title), content,
    h("div", { class: "dialog-actions" },
      h("button", { type: "button", class: "btn btn-primary", onclick: () => dialog.close() }, "关闭")));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Run an async action with a busy button; errors become a toast (and are returned). */
export async function act(btn, fn, okText) {
  if (btn) btn.disabled = true;
  try {
    const value = await fn();
    if (okText) announce(okText, "ok");
    return value;
  } catch (err) {
    toast(err && err.human ? err.human : String(err), "error");
    return undefined;
  } finally {
    if (btn) btn.disabled = false;
  }
}

export function tabs(items, current, hrefOf, { label = "分类", counts = {}, keys = false } = {}) {
  return h("nav", { class: "tabs", "aria-label": label },
    items.map((t, i) => h("a", {
      href: hrefOf(t.id), class: t.id === current ? "tab active" : "tab",
      "aria-current": t.id === current ? "page" : null, "data-tab": t.id,
    }, t.label,
    counts[t.id] !== undefined && counts[t.id] !== null
      ? h("span", { class: counts[t.id] > 0 ? "count count-on" : "count", "aria-label": `${counts[t.id]}条` }, String(counts[t.id]))
      : null,
    keys ? h("kbd", { class: "tab-key", "aria-hidden": "true" }, String(i + 1)) : null)));
}

export function pageHead(title, ...extra) {
  return h("div", { class: "page-head" }, h("h1", { tabindex: "-1", id: "page-title" }, title), ...extra);
}

export { clear };
