// One ticket: villager (masked phone, audited reveal), item, case, deadline and
// SLA, materials checklist, actions, the conversation with delivery states, the
// reply box (canned answers, item guides), internal notes and the timeline.

import { h, replace, field, fmtTime, fmtDate, nextId } from "./dom.js";
import * as api from "./api.js";
import { STATUS, TRANSITIONS, RATING, EXTENSION_STATUS } from "./labels.js";
import { CANNED, fill } from "./canned.js";
import { catalogItems, guideText } from "./guide.js";
import { conversationList } from "./conversation.js";
import { fresh } from "./queue.js";
import { canAssign, assignDialog } from "./assign.js";
import {
  ROLE, errorBox, loading, slaBadge, daysText, deliveryBadge, formDialog, confirmDialog, act, announce, toast,
} from "./ui.js";

const CLOSED = ["done", "rejected", "withdrawn"];

export function ticketView(root, params) {
  const number = params.number;
  let ticket = null;
  fresh.tickets.delete(number);

  const head = h("div", { class: "ticket-head" }, loading());
  const info = h("div", { class: "ticket-info" });
  const actions = h("div", { class: "ticket-actions", role: "toolbar", "aria-label": "工单操作" });
  const materials = h("section", { class: "card", "aria-labelledby": "mat-h" });
  const attachments = h("section", { class: "card" });
  const extras = h("div");
  const timeline = h("section", { class: "card", "aria-labelledby": "tl-h" });
  const convo = h("section", { class: "card convo-card", "aria-labelledby": "cv-h" });
  const replyBox = buildReplyBox(() => ticket, afterReply);
  const noteBox = buildNoteBox(() => ticket, (t) => { ticket = t; draw(); });

  replace(root,
    h("p", { class: "back" }, h("a", { href: "#/queue" }, "← 返回工作队列"), h("kbd", {}, "u")),
    head,
    h("div", { class: "ticket-grid" },
      h("div", { class: "col-main" }, info, actions, materials, attachments, extras, timeline),
      h("div", { class: "col-side" }, convo, replyBox.el, noteBox.el)));

  async function load() {
    try {
      ticket = await api.get(`tickets/${api.enc(number)}`);
      draw();
    } catch (err) {
      replace(head, h("h1", { id: "page-title", tabindex: "-1" }, `工单 ${number}`), errorBox(err));
      replace(info);
      [actions, materials, attachments, extras, timeline, convo].forEach((el) => replace(el));
      replyBox.el.hidden = noteBox.el.hidden = true;
    }
  }

  function set(t) {
    ticket = t;
    window.dispatchEvent(new CustomEvent("bianmin:acted", { detail: number }));
    draw();
  }

  function afterReply() {
    window.dispatchEvent(new CustomEvent("bianmin:acted", { detail: number }));
    load();
  }

  function draw() {
    const t = ticket;
    const canAct = t.can_act && ROLE.isWorker();
    const open = !CLOSED.includes(t.status);
    replace(head,
      h("h1", { id: "page-title", tabindex: "-1" }, h("span", { class: "num" }, t.number), " ", t.item),
      h("div", { class: "head-badges" },
        h("span", { class: `status status-${t.status}` }, t.status_name),
        slaBadge(t.sla_state, t.sla_state_name, t.working_days_left),
        t.kind === "complaint" ? h("span", { class: "pill" }, "投诉信访") : null));
    replace(info, h("section", { class: "card" },
      h("h2", {}, "办件信息"),
      h("dl", { class: "facts" },
        h("dt", {}, "群众"), h("dd", {}, villagerLine(t)),
        h("dt", {}, "村（社区）"), h("dd", {}, t.villager.village || "—"),
        h("dt", {}, "事项"), h("dd", {}, t.item),
        h("dt", {}, "办理情形"), h("dd", {}, t.case || "—"),
        h("dt", {}, "办件类型"), h("dd", {}, t.handling || "—"),
        h("dt", {}, "受理时间"), h("dd", {}, fmtTime(t.accepted_at)),
        h("dt", {}, "办结期限"), h("dd", {}, deadline(t)),
        h("dt", {}, "承诺时限"), h("dd", {}, `${t.promised_days} 个工作日`, t.extended_days ? `（已延期 ${t.extended_days} 个工作日）` : ""),
        h("dt", {}, "部门"), h("dd", {}, t.department),
        h("dt", {}, "经办人"), h("dd", {}, t.assignee ? t.assignee.name : "未认领"),
        h("dt", {}, "首问责任人"), h("dd", {}, t.owner ? t.owner.name : "—"),
        t.finished_at ? [h("dt", {}, "办结时间"), h("dd", {}, fmtTime(t.finished_at))] : null,
        t.rating ? [h("dt", {}, "群众评价"), h("dd", {}, `${RATING[t.rating] || t.rating}（${t.rating}分）`)] : null),
      t.content ? h("div", { class: "content" }, h("h3", {}, "诉求内容"), h("p", { class: "pre" }, t.content)) : null,
      t.missing && t.missing.length && t.status === "need_materials"
        ? h("div", { class: "alert alert-warn" }, h("strong", {}, "待补正材料："), t.missing.join("、")) : null));

    replace(actions,
      !t.can_act ? h("p", { class: "alert alert-forbidden", role: "note" }, h("strong", {}, "无权限"), " 您只能查看此工单，不能办理。") : null,
      canAct && open ? [
        actBtn("认领", "c", () => doClaim(), { primary: !t.assignee }),
        actBtn("变更状态", "s", () => doStatus()),
        actBtn("待补正", "m", () => doStatus("need_materials")),
        actBtn("办结", "d", () => doStatus("done"), { primary: Boolean(t.assignee) }),
        actBtn("转办", "t", () => doTransfer()),
        canAssign(t) ? actBtn("分派", "a", () => doAssign()) : null,
        actBtn("申请延期", "e", () => doExtension()),
        actBtn("开始公示", "p", () => doPublicity()),
        actBtn("代为撤回", "w", () => doWithdraw(), { danger: true }),
      ] : null,
      canAct && !open ? h("p", { class: "muted" }, "工单已结束，不能再办理。") : null);

    drawMaterials(canAct && open);
    drawAttachments();
    drawExtras();
    replace(timeline, h("h2", { id: "tl-h" }, "办理记录"), timelineList(t.timeline));
    replace(convo, h("h2", { id: "cv-h" }, "与群众的对话"), conversationList(t.conversation));
    replyBox.el.hidden = !(canAct);
    noteBox.el.hidden = !(canAct);
    replyBox.update(t);
  }

  function villagerLine(t) {
    const phone = h("span", { class: "phone" }, t.villager.phone || "未留电话");
    const reveal = t.villager.phone ? h("button", {
      type: "button", class: "btn btn-small btn-link", "aria-label": "显示完整电话号码（会记录查看）",
      onclick: async (ev) => {
        const r = await act(ev.currentTarget, () => api.post(`tickets/${api.enc(t.number)}/reveal-phone`));
        if (r && r.phone) {
          replace(phone, h("a", { href: `tel:${r.phone}` }, r.phone));
          ev.target.remove();
          announce("已显示完整号码，本次查看已记录。");
        }
      },
    }, "显示号码") : null;
    return [t.villager.name, " ", phone, " ", reveal];
  }

  function deadline(t) {
    if (CLOSED.includes(t.status)) return [fmtDate(t.due_at), " ", slaBadge(t.sla_state, t.sla_state_name)];
    return [fmtDate(t.due_at), " ", h("strong", {}, daysText(t.sla_state, t.working_days_left)),
      t.due_provisional ? h("span", { class: "sub" }, "（暂定：当年节假日未公布）") : null];
  }

  function drawMaterials(editable) {
    const t = ticket;
    if (!t.materials || !t.materials.length) {
      replace(materials, h("h2", { id: "mat-h" }, "材料清单"), h("p", { class: "muted" }, "此事项没有材料清单。"));
      return;
    }
    const got = t.materials.filter((m) => m.received).length;
    replace(materials,
      h("h2", { id: "mat-h" }, "材料清单", h("span", { class: "sub" }, `（已收 ${got}/${t.materials.length}）`)),
      h("ul", { class: "checklist" }, t.materials.map((m) => {
        const box = h("input", { type: "checkbox", checked: m.received, disabled: !editable, id: nextId("mat") });
        box.addEventListener("change", () => act(box, async () => {
          set(await api.post(`tickets/${api.enc(t.number)}/materials`, { name: m.name, received: box.checked }));
        }, box.checked ? `已收到：${m.name}` : `已取消：${m.name}`));
        return h("li", { class: m.received ? "got" : "" }, box,
          h("label", { for: box.id }, m.name,
            h("span", { class: "sub" }, [m.form, m.copies ? `${m.copies}份` : "", m.required ? "" : "容缺"].filter(Boolean).join(" · ")),
            m.received ? h("span", { class: "pill pill-ok" }, "已收") : null,
            t.missing && t.missing.includes(m.name) && t.status === "need_materials" ? h("span", { class: "pill pill-warn" }, "待补正") : null));
      })));
  }

  function drawAttachments() {
    const list = ticket.attachments || [];
    if (!list.length) {
      replace(attachments);
      attachments.hidden = true;
      return;
    }
    attachments.hidden = false;
    replace(attachments, h("h2", {}, "群众发来的图片和附件"),
      h("div", { class: "attachments" }, list.map((a) => {
        const when = fmtTime(a.created_at);
        if (a.status === "stored" && (a.content_type || "").startsWith("image/")) {
          return h("figure", {}, h("a", { href: a.url, target: "_blank", rel: "noopener" },
            h("img", { src: a.url, alt: `群众发来的图片（${when}）`, loading: "lazy" })), h("figcaption", {}, when));
        }
        return h("p", {}, a.status === "stored" ? h("a", { href: a.url }, `附件 ${a.id}`) : `附件 ${a.id}（还在下载）`, " ", when);
      })));
  }

  function drawExtras() {
    const t = ticket;
    const parts = [];
    if (t.extensions && t.extensions.length) {
      parts.push(h("section", { class: "card" }, h("h2", {}, "延期申请"), h("ul", { class: "plain" }, t.extensions.map((x) =>
        h("li", {}, `${fmtTime(x.requested_at)} ${x.requested_by ? x.requested_by.name : ""} 申请延期 ${x.days} 个工作日：`, x.reason,
          " ", h("span", { class: `pill ext-${x.status}` }, EXTENSION_STATUS[x.status] || x.status),
          x.decision_note ? [" 批示：", x.decision_note] : null)))));
    }
    if (t.callback) {
      const c = t.callback;
      parts.push(h("section", { class: "card" }, h("h2", {}, "差评回访"),
        h("p", {}, `评价：${RATING[c.rating] || c.rating || "—"}；回访期限 ${fmtDate(c.due_at)}；`,
          c.done_at ? `已于 ${fmtTime(c.done_at)} 回访：${c.result || ""}` : "尚未回访")));
    }
    replace(extras, parts);
  }

  // -- actions ----------------------------------------------------------------

  async function doClaim() {
    await act(null, async () => set(await api.post(`tickets/${api.enc(number)}/claim`)), "已认领，此工单由您负责。");
  }

  async function doStatus(preset) {
    const t = ticket;
    const allowed = TRANSITIONS[t.status] || [];
    if (preset && !allowed.includes(preset)) {
      toast(`当前状态“${t.status_name}”不能改为“${STATUS[preset]}”。`, "error");
      return;
    }
    const value = await formDialog(preset ? `${STATUS[preset]}：${t.number}` : `变更状态：${t.number}`, (body) => {
      const select = h("select", {}, allowed.map((s) => h("option", { value: s, selected: s === preset }, STATUS[s])));
      const note = h("textarea", { rows: "3", maxlength: "2000" });
      const missingBox = h("fieldset", { class: "missing" }, h("legend", {}, "勾选缺少的材料（会告诉群众一次补齐）"),
        (t.materials || []).map((m) => {
          const box = h("input", { type: "checkbox", name: "missing", value: m.name, checked: !m.received, id: nextId("miss") });
          return h("div", { class: "check" }, box, h("label", { for: box.id }, m.name));
        }),
        field("其他缺少的材料（可选，一行一项）", h("textarea", { rows: "2", class: "missing-other" })));
      const showMissing = () => { missingBox.hidden = select.value !== "need_materials"; };
      select.addEventListener("change", showMissing);
      showMissing();
      body.append(field("新状态", select), missingBox,
        field("说明（会随通知发给群众）", note, "不予受理必须写明理由。"));
      return () => {
        const status = select.value;
        const missing = [...body.querySelectorAll("input[name=missing]:checked")].map((b) => b.value)
          .concat(body.querySelector(".missing-other").value.split("\n").map((x) => x.trim()).filter(Boolean));
        if (status === "need_materials" && !missing.length) return { __error: "请至少勾选一项缺少的材料。" };
        if (status === "rejected" && !note.value.trim()) return { __error: "不予受理必须写明理由。" };
        return { status, note: note.value.trim(), missing };
      };
    }, { submitText: preset === "done" ? "确认办结" : "确定" });
    if (!value) return;
    const body = { status: value.status, note: value.note };
    if (value.status === "need_materials") body.missing = value.missing;
    await act(null, async () => set(await api.post(`tickets/${api.enc(number)}/status`, body)),
      `状态已改为“${STATUS[value.status]}”，已通知群众。`);
  }

  async function doTransfer() {
    let departments = [];
    try {
      departments = (await api.get("departments")).items;
    } catch (err) {
      toast(err.human, "error");
      return;
    }
    const value = await formDialog(`转办：${ticket.number}`, (body) => {
      const select = h("select", {}, departments.filter((d) => d.id !== ticket.department_id)
        .map((d) => h("option", { value: d.id }, d.window ? `${d.name}（${d.window}）` : d.name)));
      const note = h("textarea", { rows: "3", maxlength: "2000" });
      body.append(field("转到部门", select), field("转办说明", note, "首问责任人不变，仍需跟进到办结。"));
      return () => ({ department_id: select.value, note: note.value.trim() });
    }, { submitText: "确认转办" });
    if (!value) return;
    await act(null, async () => set(await api.post(`tickets/${api.enc(number)}/transfer`, value)), "已转办。");
  }

  async function doAssign() {
    const value = await assignDialog(ticket);
    if (!value) return;
    await act(null, async () => set(await api.post(`tickets/${api.enc(number)}/assign`, value)), "已分派，并通知了经办人。");
  }

  async function doExtension() {
    const value = await formDialog(`申请延期：${ticket.number}`, (body) => {
      const days = h("input", { type: "number", min: "1", max: "60", value: "5", inputmode: "numeric" });
      const reason = h("textarea", { rows: "3", maxlength: "1000", required: true });
      body.append(field("延长几个工作日", days), field("延期理由", reason, "由部门负责人或带班领导审批，批准后通知群众。"));
      return () => {
        const n = Number(days.value);
        if (!Number.isInteger(n) || n < 1 || n > 60) return { __error: "请填写 1 到 60 之间的天数。" };
        if (!reason.value.trim()) return { __error: "请写明延期理由。" };
        return { days: n, reason: reason.value.trim() };
      };
    }, { submitText: "提交申请" });
    if (!value) return;
    await act(null, async () => set(await api.post(`tickets/${api.enc(number)}/extension`, value)), "延期申请已提交，等待审批。");
  }

  async function doPublicity() {
    const value = await formDialog(`开始公示：${ticket.number}`, (body) => {
      const note = h("textarea", { rows: "2", maxlength: "1000" });
      body.append(h("p", {}, "按事项的公示期开始公示；公示期间不计入办理时限，期限自动顺延，并通知群众。"), field("说明（可不填）", note));
      return () => ({ note: note.value.trim() });
    }, { submitText: "开始公示" });
    if (!value) return;
    await act(null, async () => set(await api.post(`tickets/${api.enc(number)}/publicity`, value)), "已开始公示，期限已顺延。");
  }

  async function doWithdraw() {
    const value = await formDialog(`代群众撤回：${ticket.number}`, (body) => {
      const note = h("textarea", { rows: "3", maxlength: "2000" });
      body.append(h("p", {}, "只有群众本人要求撤回时才使用。撤回后工单结束，会通知群众。"), field("撤回原因", note));
      return () => ({ note: note.value.trim() });
    }, { submitText: "确认撤回", danger: true });
    if (!value) return;
    await act(null, async () => set(await api.post(`tickets/${api.enc(number)}/withdraw`, value)), "已撤回，并通知群众。");
  }

  load();
  return {
    refresh: load,
    onLive: (ev) => {
      const nums = (ev.data && ev.data.tickets) || [];
      if (ev.type === "tick" || nums.includes(number)) {
        fresh.tickets.delete(number);
        load();
      }
    },
    keys: {
      c: () => ticket && ticket.can_act && doClaim(),
      s: () => ticket && ticket.can_act && doStatus(),
      d: () => ticket && ticket.can_act && doStatus("done"),
      m: () => ticket && ticket.can_act && doStatus("need_materials"),
      t: () => ticket && ticket.can_act && doTransfer(),
      a: () => canAssign(ticket) && doAssign(),
      e: () => ticket && ticket.can_act && doExtension(),
      p: () => ticket && ticket.can_act && doPublicity(),
      r: () => replyBox.focus(),
      n: () => noteBox.focus(),
    },
  };
}

function actBtn(text, key, onclick, { primary = false, danger = false } = {}) {
  return h("button", {
    type: "button", class: `btn ${primary ? "btn-primary" : ""} ${danger ? "btn-danger" : ""}`, onclick,
    "aria-keyshortcuts": key, title: `快捷键 ${key}`,
  }, text, h("kbd", { "aria-hidden": "true" }, key));
}

function timelineList(events) {
  if (!events || !events.length) return h("p", { class: "muted" }, "暂无记录。");
  return h("ol", { class: "timeline" }, events.map((e) => {
    const change = e.to_status ? `${e.from_status ? STATUS[e.from_status] || e.from_status : ""} → ${STATUS[e.to_status] || e.to_status}` : "";
    const missing = e.data && Array.isArray(e.data.missing) && e.data.missing.length ? `缺：${e.data.missing.join("、")}` : "";
    const mat = e.kind === "materials" && e.data ? `${e.data.name}：${e.data.received ? "已收" : "取消已收"}` : "";
    return h("li", { class: e.internal ? "internal" : "" },
      h("span", { class: "when" }, fmtTime(e.at)),
      h("span", { class: "what" }, e.kind_name),
      e.staff ? h("span", { class: "actor" }, e.staff.name) : null,
      change ? h("span", { class: "change" }, change) : null,
      e.internal ? h("span", { class: "pill pill-internal" }, "内部，群众看不到") : null,
      e.note ? h("p", { class: "pre note" }, e.note) : null,
      missing ? h("p", { class: "note" }, missing) : null,
      mat ? h("p", { class: "note" }, mat) : null);
  }));
}

// -- the reply box ------------------------------------------------------------

export function buildReplyBox(getTicket, onSent, { path } = {}) {
  const text = h("textarea", { rows: "4", maxlength: "600", class: "reply-text", "aria-keyshortcuts": "Control+Enter" });
  const counter = h("span", { class: "counter", "aria-live": "off" }, "0/600");
  const canned = h("select", { "aria-label": "常用回复" },
    h("option", { value: "" }, "常用回复…"), CANNED.map((c, i) => h("option", { value: String(i) }, c.title)));
  const guideSelect = h("select", { "aria-label": "选择事项" }, h("option", { value: "" }, "办事指南…"));
  const guideBtn = h("button", { type: "button", class: "btn btn-small" }, "插入指南");
  const sendBtn = h("button", { type: "submit", class: "btn btn-primary" }, "发送给群众");
  const result = h("div", { class: "reply-result", "aria-live": "polite" });
  const form = h("form", { class: "reply-form" },
    h("h2", {}, "回复群众", h("kbd", { "aria-hidden": "true" }, "r")),
    h("div", { class: "reply-tools" }, canned, guideSelect, guideBtn),
    field("回复内容（群众会在微信里收到）", text), h("div", { class: "reply-foot" }, counter, h("span", { class: "hint" }, "Ctrl+回车 发送"), sendBtn),
    result);
  const el = h("section", { class: "card reply-card" }, form);
  let itemsLoaded = false;

  const insert = (value) => {
    const start = text.selectionStart ?? text.value.length;
    const before = text.value.slice(0, start);
    const sep = before && !before.endsWith("\n") ? "\n" : "";
    text.value = (before + sep + value + text.value.slice(text.selectionEnd ?? start)).slice(0, 600);
    text.dispatchEvent(new Event("input"));
    text.focus();
  };
  text.addEventListener("input", () => { counter.textContent = `${text.value.length}/600`; });
  text.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  canned.addEventListener("change", () => {
    if (canned.value === "") return;
    insert(fill(CANNED[Number(canned.value)].text, getTicket()));
    canned.value = "";
  });
  guideBtn.addEventListener("click", () => act(guideBtn, async () => {
    const id = guideSelect.value || (getTicket() && getTicket().item_id);
    if (!id) {
      toast("请先选择事项。", "error");
      return;
    }
    const name = guideSelect.value ? guideSelect.selectedOptions[0].textContent : getTicket().item;
    insert(await guideText(id, name, getTicket()));
  }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const value = text.value.trim();
    if (!value) {
      toast("请先写回复内容。", "error");
      text.focus();
      return;
    }
    const target = path ? path() : `tickets/${api.enc(getTicket().number)}/reply`;
    const r = await act(sendBtn, () => api.post(target, { text: value }));
    if (!r) return;
    text.value = "";
    counter.textContent = "0/600";
    showPush(r.push);
    announce("回复已发出。");
    onSent(r);
  });

  async function showPush(push) {
    if (!push) {
      replace(result, h("p", { class: "muted" }, "已记录，等待发送。"));
      return;
    }
    replace(result, h("p", {}, "刚才的回复：", deliveryBadge(push)));
    for (let i = 0; i < 6 && push.state === "pending"; i += 1) {
      await new Promise((res) => setTimeout(res, 2000));
      try {
        push = await api.get(`pushes/${push.id}`);
      } catch (err) {
        return;
      }
      replace(result, h("p", {}, "刚才的回复：", deliveryBadge(push)));
    }
  }

  return {
    el,
    focus: () => text.focus(),
    async update(ticket) {
      if (itemsLoaded || !ticket) return;
      itemsLoaded = true;
      const items = await catalogItems(ticket);
      replace(guideSelect, h("option", { value: "" }, "办事指南…"),
        items.map((i) => h("option", { value: i.id, selected: ticket && i.id === ticket.item_id }, i.name)));
    },
  };
}

function buildNoteBox(getTicket, onSaved) {
  const text = h("textarea", { rows: "3", maxlength: "2000" });
  const btn = h("button", { type: "submit", class: "btn" }, "保存备注");
  const form = h("form", { class: "note-form" },
    h("h2", {}, "内部备注", h("kbd", { "aria-hidden": "true" }, "n")),
    field("只给同事看，群众看不到", text), btn);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) return;
    const t = await act(btn, () => api.post(`tickets/${api.enc(getTicket().number)}/notes`, { text: text.value.trim() }), "备注已保存。");
    if (t) {
      text.value = "";
      onSaved(t);
    }
  });
  return { el: h("section", { class: "card note-card" }, form), focus: () => text.focus() };
}
