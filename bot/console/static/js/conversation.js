// A conversation as chat bubbles. Villager text is set with textContent (via h),
// so whatever a villager typed, markup included, shows as plain text.

import { h, fmtTime } from "./dom.js";
import { SENDER } from "./labels.js";
import { deliveryBadge } from "./ui.js";

export function conversationList(messages) {
  if (!messages || !messages.length) return h("p", { class: "muted" }, "还没有对话。");
  const list = h("ol", { class: "convo", role: "log", "aria-live": "polite", "aria-label": "对话记录" },
    messages.map((m) => h("li", { class: `msg msg-${m.from}` },
      h("div", { class: "msg-meta" },
        h("span", { class: "msg-who" }, SENDER[m.from] || m.from), " ",
        h("time", { datetime: m.at }, fmtTime(m.at))),
      h("div", { class: "msg-text" }, m.text),
      m.push ? h("div", { class: "msg-push" }, deliveryBadge(m.push)) : null)));
  // Newest at the bottom, scrolled into view once attached.
  requestAnimationFrame(() => { list.scrollTop = list.scrollHeight; });
  return list;
}
