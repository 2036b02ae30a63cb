// "Insert the guide for item X": the catalog's items and one item's guide as a
// reply text. Uses the API's catalog when the caller may read it; otherwise falls
// back to the ticket's own item with its checklist and the public guide link.

import * as api from "./api.js";

let itemsCache = null;

/** [{id, name}] of catalog items this caller can list (may be just the ticket's). */
export async function catalogItems(ticket) {
  if (itemsCache) return itemsCache;
  for (const path of ["catalog/items", "admin/catalog"]) {
    try {
      const r = await api.get(path, { quiet401: true });
      const items = (r.items || []).map((i) => ({ id: i.id, name: i.name }));
      if (items.length) {
        itemsCache = items;
        return items;
      }
    } catch (err) {
      // 403/404: not for this role, or not there yet; try the next source
    }
  }
  return ticket && ticket.item_id ? [{ id: ticket.item_id, name: ticket.item }] : [];
}

/** The reply text for one item's guide. */
export async function guideText(itemId, itemName, ticket) {
  try {
    const r = await api.get(`catalog/items/${api.enc(itemId)}/guide`, { quiet401: true });
    if (r && r.text) return r.text;
  } catch (err) {
    // fall through to the local composition
  }
  const url = `${location.origin}/guide/${encodeURIComponent(itemId)}`;
  const lines = [`【${itemName}】办事指南（一次性告知）：${url}`];
  if (ticket && ticket.item_id === itemId && ticket.materials && ticket.materials.length) {
    lines.push("需要带的材料：");
    ticket.materials.forEach((m, i) => {
      const form = [m.form, m.copies ? `${m.copies}份` : ""].filter(Boolean).join(" ");
      lines.push(`${i + 1}. ${m.name}${form ? `（${form}）` : ""}${m.required ? "" : "（可容缺）"}`);
    });
  }
  return lines.join("\n");
}
