// Keyboard shortcuts. Single keys, ignored while typing in a field (Esc works
// everywhere). The current view supplies its own keys; these are global.

import { h } from "./dom.js";
import { infoDialog } from "./ui.js";

export const HELP = [
  ["工作队列", [
    ["j / ↓", "下一条"], ["k / ↑", "上一条"], ["Enter / o", "打开选中的工单或会话"], ["c", "认领选中的工单"],
    ["1 – 7", "切换分类（待认领、我的工单、本部门、即将到期、已超期、人工会话、投诉）"], ["/", "筛选"],
  ]],
  ["工单页", [
    ["c", "认领"], ["r", "写回复"], ["n", "写内部备注"], ["d", "办结"], ["m", "待补正（勾选缺少的材料）"],
    ["s", "变更状态"], ["t", "转办"], ["a", "分派给同事（部门负责人、带班领导）"], ["e", "申请延期"], ["p", "开始公示"], ["Ctrl + Enter", "发送回复"], ["u / Esc", "返回队列"],
  ]],
  ["任何页面", [
    ["g q", "去工作队列"], ["g h", "去人工会话"], ["g d", "去统计看板"], ["g s", "去督办与回访"], ["g a", "去系统管理"], ["?", "显示本帮助"],
  ]],
];

const GOTO = { q: "#/queue", h: "#/queue/handoffs", d: "#/dashboard", s: "#/supervise", a: "#/admin", n: "#/notices" };

function typing(target) {
  if (!target || !(target instanceof Element)) return false;
  return Boolean(target.closest("input, textarea, select, [contenteditable=true]"));
}

export function showHelp() {
  if (document.querySelector("dialog.help[open]")) return;
  const d = infoDialog("键盘快捷键", h("div", { class: "help-body" }, HELP.map(([title, rows]) =>
    h("section", {}, h("h3", {}, title), h("table", { class: "keys" },
      h("tbody", {}, rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, h("kbd", {}, k)), h("td", {}, v)))))))));
  d.classList.add("help");
}

/** install(getKeys): getKeys() returns the current view's {key: fn}. */
export function install(getKeys, { back }) {
  let pendingG = false;
  document.addEventListener("keydown", (ev) => {
    if (ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (document.querySelector("dialog[open]")) return; // the dialog has the keyboard
    if (ev.key === "Escape") {
      if (typing(ev.target)) ev.target.blur();
      else back();
      return;
    }
    if (typing(ev.target)) return;
    if (pendingG) {
      pendingG = false;
      if (GOTO[ev.key]) {
        ev.preventDefault();
        location.hash = GOTO[ev.key];
      }
      return;
    }
    if (ev.key === "g") {
      pendingG = true;
      setTimeout(() => { pendingG = false; }, 1500);
      return;
    }
    if (ev.key === "?") {
      ev.preventDefault();
      showHelp();
      return;
    }
    if (ev.key === "u") {
      back();
      return;
    }
    const keys = getKeys() || {};
    // Enter on a focused link or button keeps its own meaning.
    if (ev.key === "Enter" && ev.target instanceof Element && ev.target.closest("a, button")) return;
    const fn = keys[ev.key];
    if (fn) {
      ev.preventDefault();
      fn();
    }
  });
}
