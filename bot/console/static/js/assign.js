// 分派: a department head (or the leader on duty) gives an open ticket to a
// colleague of its department who works in its town. The choice comes from
// GET /api/v1/staff with each colleague's open tickets, so the load can be shared.

import { h, field } from "./dom.js";
import * as api from "./api.js";
import { ROLES } from "./labels.js";
import { ROLE, session, formDialog, toast } from "./ui.js";

const CLOSED = ["done", "rejected", "withdrawn"];

/** Whether the 分派 button shows: heads of the ticket's department and leaders, on open tickets. */
export function canAssign(t) {
  if (!t || !t.can_act || CLOSED.includes(t.status)) return false;
  return ROLE.isLeader() || (ROLE.isHead() && t.department_id === session.me.department_id);
}

/** Ask whom to give the ticket to; resolves with {staff_id} or null. */
export async function assignDialog(t) {
  let team;
  try {
    team = (await api.get(`staff${api.qs({ department: t.department_id, town: t.town_id })}`)).items;
  } catch (err) {
    toast(err.human, "error");
    return null;
  }
  const others = team.filter((m) => !t.assignee || m.id !== t.assignee.id);
  if (!others.length) {
    toast("本部门没有可以分派的同事。", "error");
    return null;
  }
  return formDialog(`分派：${t.number}`, (body) => {
    const select = h("select", {}, others.map((m) => h("option", { value: String(m.id) },
      `${m.name}（${ROLES[m.role] || m.role}${m.on_duty ? "" : "，不在岗"}，在办 ${m.open_tickets} 件）`)));
    body.append(field("分派给", select, "对方会收到通知；首问责任人不变。"));
    if (t.assignee) body.append(h("p", { class: "hint" }, `现经办人：${t.assignee.name}`));
    return () => ({ staff_id: Number(select.value) });
  }, { submitText: "确认分派" });
}
