// The caller's notices: deadline warnings, escalations, assignments, extension
// decisions. Mark one or all read.

import { h, replace, fmtTime } from "./dom.js";
import * as api from "./api.js";
import { NOTICE_KINDS } from "./labels.js";
import { errorBox, loading, empty, pageHead, act } from "./ui.js";

export function noticesView(root, _params, onCount) {
  const out = h("div", {}, loading());
  const allBtn = h("button", { type: "button", class: "btn" }, "全部标为已读");
  replace(root, pageHead("我的通知", allBtn), out);
  allBtn.addEventListener("click", () => act(allBtn, async () => draw(await api.post("notices/read", { all: true })), "已全部标为已读。"));

  function draw(r) {
    onCount(r.unread);
    if (!r.items.length) {
      replace(out, empty("没有通知。"));
      return;
    }
    replace(out, h("ul", { class: "notices" }, r.items.map((n) => h("li", { class: n.read_at ? "read" : "unread" },
      h("span", { class: "pill" }, NOTICE_KINDS[n.kind] || n.kind),
      n.read_at ? null : h("span", { class: "pill pill-new" }, "未读"),
      h("span", { class: "when" }, fmtTime(n.created_at)),
      h("p", { class: "pre" }, n.text),
      n.ticket ? h("a", { href: `#/ticket/${encodeURIComponent(n.ticket)}` }, `打开工单 ${n.ticket}`) : null,
      n.read_at ? null : h("button", {
        type: "button", class: "btn btn-small", onclick: (ev) => act(ev.currentTarget, async () => draw(await api.post("notices/read", { ids: [n.id] }))),
      }, "标为已读")))));
  }

  async function load() {
    try {
      draw(await api.get("notices"));
    } catch (err) {
      replace(out, errorBox(err));
    }
  }
  load();
  return { refresh: load, onLive: (ev) => ev.type === "notice" && load() };
}
