// Boot, the header, the hash router and the live cues. Each view is a function
// (root, params) returning {refresh, onLive, keys}; only one is mounted at once.

import { h, replace, $ } from "./dom.js";
import * as api from "./api.js";
import * as live from "./live.js";
import { ROLES } from "./labels.js";
import { session, ROLE, announce, errorBox } from "./ui.js";
import { loginView, accountView } from "./login.js";
import { queueView, refreshCounts, fresh } from "./queue.js";
import { ticketView } from "./ticket.js";
import { handoffView } from "./handoff.js";
import { dashboardView } from "./dashboard.js";
import { superviseView } from "./supervise.js";
import { adminView } from "./admin.js";
import { noticesView } from "./notices.js";
import { install as installKeys, showHelp } from "./shortcuts.js";

const TITLE = "便民服务中心工作台";
const main = $("#main");
const header = $("#header");
let current = {};
let lastCounts = null;
const myActions = new Map(); // ticket number → when I last acted on it (no cue for my own changes)

// -- routing --------------------------------------------------------------------

function parse() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  return { name: parts[0] || "", arg: parts[1] || "" };
}

function home() {
  return ROLE.isAdmin() ? "#/admin/staff" : ROLE.isLeader() ? "#/queue/overdue" : "#/queue/mine";
}

function route() {
  if (!session.me) return;
  if (session.me.enrol_required) {
    mount(accountView, { forced: true }, "我的账号");
    return;
  }
  const { name, arg } = parse();
  switch (name) {
    case "queue": return mount(queueView, { view: arg }, "工作队列");
    case "ticket": return mount(ticketView, { number: arg }, `工单 ${arg}`);
    case "handoff": return mount(handoffView, { id: arg }, "人工会话");
    case "dashboard": return mount(dashboardView, {}, "统计看板");
    case "supervise": return mount(superviseView, { tab: arg }, "督办与回访");
    case "admin": return mount(adminView, { tab: arg }, "系统管理");
    case "notices": return mount((root, p) => noticesView(root, p, setNoticeCount), {}, "我的通知");
    case "account": return mount(accountView, {}, "我的账号");
    default:
      location.replace(home());
      return undefined;
  }
}

function mount(view, params, title) {
  live.setBaseTitle(`${title} · ${TITLE}`);
  drawHeader();
  current = view(main, params) || {};
  const heading = $("#page-title", main);
  if (heading && document.activeElement === document.body) heading.focus({ preventScroll: true });
}

function back() {
  const { name } = parse();
  if (name === "ticket") location.hash = "#/queue";
  else if (name === "handoff") location.hash = "#/queue/handoffs";
}

// -- header -----------------------------------------------------------------------

let noticeCount = 0;
function setNoticeCount(n) {
  noticeCount = n || 0;
  const badge = $("#notice-count");
  if (badge) {
    badge.textContent = String(noticeCount);
    badge.setAttribute("aria-label", `${noticeCount}条未读`);
    badge.hidden = noticeCount === 0;
  }
}

function drawHeader() {
  const me = session.me;
  if (!me) {
    replace(header);
    return;
  }
  const { name } = parse();
  const link = (href, text, key, extra) => h("a", {
    href, class: name === key ? "nav-link active" : "nav-link", "aria-current": name === key ? "page" : null,
  }, text, extra);
  const sound = h("button", { type: "button", class: "btn btn-small btn-ghost", "aria-pressed": String(live.soundOn()) },
    live.soundOn() ? "提示音：开" : "提示音：关");
  sound.addEventListener("click", () => {
    live.setSound(!live.soundOn());
    live.unlockAudio();
    drawHeader();
  });
  const mode = live.liveMode();
  replace(header,
    h("div", { class: "brand" }, h("a", { href: home() }, TITLE)),
    h("nav", { class: "main-nav", "aria-label": "主菜单" },
      link("#/queue", "工作队列", "queue"),
      ROLE.isSupervisor() ? link("#/dashboard", "统计看板", "dashboard") : null,
      ROLE.isSupervisor() ? link("#/supervise", "督办与回访", "supervise") : null,
      ROLE.isAdmin() ? link("#/admin", "系统管理", "admin") : null,
      link("#/notices", "通知", "notices",
        h("span", { id: "notice-count", class: "count count-on", hidden: noticeCount === 0, "aria-label": `${noticeCount}条未读` }, String(noticeCount)))),
    h("div", { class: "who" },
      h("span", { class: `live-dot live-${mode}`, title: mode === "sse" ? "实时更新" : "每10秒刷新" },
        mode === "sse" ? "● 实时" : mode === "poll" ? "◌ 10秒刷新" : "○ 离线"),
      sound,
      h("button", { type: "button", class: "btn btn-small btn-ghost", onclick: showHelp, "aria-keyshortcuts": "?" }, "快捷键 ?"),
      h("a", { href: "#/account", class: "me" }, `${me.display_name}（${ROLES[me.role] || me.role}${me.department ? "·" + me.department : ""}）`),
      h("button", { type: "button", class: "btn btn-small", onclick: logout }, "退出")));
}

async function logout() {
  try {
    await api.post("logout");
  } catch (err) {
    // the session may already be gone
  }
  signedOut();
}

function signedOut() {
  live.stop();
  session.me = null;
  current = {};
  drawHeader();
  live.setBaseTitle(`登录 · ${TITLE}`);
  loginView(main, () => started());
}

// -- live cues ----------------------------------------------------------------------

function mine(numbers) {
  const now = Date.now();
  return numbers.length > 0 && numbers.every((n) => now - (myActions.get(n) || 0) < 8000);
}

function cue(text, { ticketNumbers = [], handoffIds = [] } = {}) {
  ticketNumbers.forEach((n) => fresh.tickets.add(n));
  handoffIds.forEach((id) => fresh.handoffs.add(Number(id)));
  live.beep();
  live.notify(1);
  announce(text);
}

function onLive(ev) {
  const d = ev.data || {};
  if (ev.type === "logout") {
    signedOut();
    return;
  }
  if (ev.type === "mode") {
    drawHeader();
    return;
  }
  if (ev.type === "hello") return;
  if (ev.type === "inbound") {
    const tickets = d.tickets || [];
    const handoffs = d.handoffs || [];
    if (tickets.length || handoffs.length) {
      cue(handoffs.length ? "有群众在人工会话里发来新消息" : `群众发来新消息：${tickets.join("、")}`,
        { ticketNumbers: tickets, handoffIds: handoffs });
    }
  } else if (ev.type === "ticket") {
    const tickets = (d.tickets || []).filter((n) => !mine([n]));
    if (tickets.length) cue(`工单有变化：${tickets.join("、")}`, { ticketNumbers: tickets });
  } else if (ev.type === "handoff") {
    cue("有群众要求人工服务");
  } else if (ev.type === "notice") {
    setNoticeCount(d.unread);
    live.notify(1);
  } else if (ev.type === "tick") {
    pollCounts();
  }
  if (current.onLive) current.onLive(ev);
  else if (ev.type !== "tick") refreshCounts();
}

/** In polling mode (and as a safety net) compare the queue sizes with the last ones. */
async function pollCounts() {
  const counts = { ...(await refreshCounts()) };
  if (lastCounts) {
    const grew = ["unclaimed", "handoffs", "overdue", "mine"].some((k) => (counts[k] || 0) > (lastCounts[k] || 0));
    if (grew) cue("有新的工单或消息");
  }
  lastCounts = counts;
  try {
    setNoticeCount((await api.get("notices?unread=true")).unread);
  } catch (err) {
    // not fatal
  }
}

// -- boot -------------------------------------------------------------------------------

function started() {
  api.setCsrf(session.me.csrf_token);
  setNoticeCount(session.me.unread_notices);
  if (!session.me.enrol_required) live.start();
  if (!location.hash || location.hash === "#/" || location.hash === "#") location.replace(home());
  route();
  refreshCounts().then((c) => { lastCounts = { ...c }; });
}

async function boot() {
  api.onUnauthenticated(() => {
    if (session.me) {
      announce("登录已过期，请重新登录。", "error");
      signedOut();
    }
  });
  window.addEventListener("hashchange", route);
  const skip = $(".skip");
  if (skip) skip.addEventListener("click", (ev) => { ev.preventDefault(); main.focus(); });
  window.addEventListener("bianmin:me", () => { drawHeader(); live.start(); route(); });
  window.addEventListener("bianmin:acted", (ev) => myActions.set(ev.detail, Date.now()));
  const touched = () => { live.unlockAudio(); live.seen(); };
  document.addEventListener("pointerdown", touched);
  document.addEventListener("keydown", touched);
  installKeys(() => current.keys, { back });
  live.subscribe(onLive);
  try {
    const me = await api.get("me", { quiet401: true });
    session.me = me;
    started();
  } catch (err) {
    if (err.status === 401) signedOut();
    else replace(main, errorBox(err));
  }
}

boot();
