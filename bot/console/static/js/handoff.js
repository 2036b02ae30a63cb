// One live conversation (转人工): the messages since it opened, a reply box with
// canned answers, mark read, and close (the bot answers again afterwards).

import { h, replace, fmtTime } from "./dom.js";
import * as api from "./api.js";
import { HANDOFF_STATUS } from "./labels.js";
import { conversationList } from "./conversation.js";
import { buildReplyBox } from "./ticket.js";
import { fresh } from "./queue.js";
import { ROLE, errorBox, loading, confirmDialog, act } from "./ui.js";

export function handoffView(root, params) {
  const id = Number(params.id);
  let data = null;
  fresh.handoffs.delete(id);
  const head = h("div", { class: "ticket-head" }, loading());
  const convo = h("section", { class: "card convo-card" });
  const tools = h("div", { class: "ticket-actions" });
  const reply = buildReplyBox(() => null, () => load(), { path: () => `handoffs/${id}/reply` });
  replace(root,
    h("p", { class: "back" }, h("a", { href: "#/queue/handoffs" }, "← 返回人工会话"), h("kbd", {}, "u")),
    head, tools, h("div", { class: "handoff-grid" }, convo, reply.el));

  async function load() {
    try {
      data = await api.get(`handoffs/${id}`);
    } catch (err) {
      replace(head, h("h1", { id: "page-title", tabindex: "-1" }, "人工会话"), errorBox(err));
      return;
    }
    const x = data.handoff;
    replace(head,
      h("h1", { id: "page-title", tabindex: "-1" }, `人工会话：${x.villager.name}`),
      h("div", { class: "head-badges" },
        h("span", { class: `status handoff-${x.status}` }, HANDOFF_STATUS[x.status] || x.status),
        h("span", {}, `开始于 ${fmtTime(x.opened_at)}，已 ${x.waiting_minutes} 分钟`),
        x.villager.phone ? h("span", {}, `电话 ${x.villager.phone}`) : null,
        x.villager.village ? h("span", {}, x.villager.village) : null,
        x.staff ? h("span", {}, `接待：${x.staff.name}`) : null));
    replace(convo, h("h2", {}, "对话"), conversationList(data.messages));
    const live = x.status !== "closed" && ROLE.isWorker();
    reply.el.hidden = !live;
    replace(tools, live ? [
      h("button", { type: "button", class: "btn", onclick: (ev) => act(ev.currentTarget, () => api.post(`handoffs/${id}/read`), "已标记为已读") }, "标记已读"),
      h("button", {
        type: "button", class: "btn btn-danger", onclick: async (ev) => {
          if (!(await confirmDialog("结束会话", "结束后，群众再发消息将由机器人自动回答。确定结束吗？", { submitText: "结束会话", danger: true }))) return;
          await act(ev.currentTarget, () => api.post(`handoffs/${id}/close`), "会话已结束。");
          load();
        },
      }, "结束会话"),
    ] : h("p", { class: "muted" }, x.status === "closed" ? "会话已结束。" : ""));
    if (live && x.unread > 0) api.post(`handoffs/${id}/read`).catch(() => {});
  }

  load();
  return {
    refresh: load,
    onLive: (ev) => {
      if (["inbound", "handoff", "tick"].includes(ev.type)) {
        fresh.handoffs.delete(id);
        load();
      }
    },
    keys: { r: () => reply.focus() },
  };
}
