// 问题学习 (admin): what villagers asked that the bot did not understand (它回答"没听懂"
// or offered a menu). The admin picks the right answer, or dismisses the message; the taught
// lines are downloaded for `bianmin kb learn --taught`, which retrains the classifier.

import { h, replace, fmtTime } from "./dom.js";
import * as api from "./api.js";
import { INTENTS } from "./labels.js";
import { toast, empty, act } from "./ui.js";
import { countyTowns } from "./towns.js";

// What a message may be taught besides a catalog item (knowledge/blend.py's NON_ITEM).
const NOT_ITEMS = [
  ["unknown", "不属于本中心业务 / 说不清"],
  ["human", "要找工作人员"],
  ["status", "问自己办件的进度"],
  ["complaint", "投诉、举报、反映问题"],
  ["center_info", "问中心地址、电话、上班时间"],
  ["greeting", "打招呼、道谢"],
];
const PAGE = 50;

export async function questionsTab(out) {
  const [items, towns] = await Promise.all([api.get("catalog/items"), countyTowns()]);
  const names = items.items.map((i) => i.name).sort((a, b) => a.localeCompare(b, "zh-CN"));
  const labelName = (label) => (NOT_ITEMS.find(([k]) => k === label) || [null, label])[1];
  const town = h("select", { "aria-label": "乡镇" }, h("option", { value: "" }, "全部乡镇"), towns.map((t) => h("option", { value: t.id }, t.name)));
  const shown = h("select", { "aria-label": "显示" },
    h("option", { value: "false" }, "待处理"), h("option", { value: "true" }, "已处理"));
  const body = h("tbody");
  const more = h("button", { type: "button", class: "btn" }, "更早的");
  const exportLink = h("a", { class: "btn", href: "/api/v1/admin/questions/export", download: "taught.tsv" }, "下载已教的问题（训练用）");
  let before = null;

  const picker = () => h("select", { "aria-label": "应当的回答" },
    h("option", { value: "" }, "— 请选择 —"),
    h("optgroup", { label: "不是事项" }, NOT_ITEMS.map(([k, v]) => h("option", { value: k }, v))),
    h("optgroup", { label: "事项" }, names.map((n) => h("option", { value: n }, n))));

  const row = (m) => {
    const tr = h("tr", { "data-id": String(m.id) });
    const choose = picker();
    if (m.label) choose.value = m.label;
    const save = h("button", { type: "button", class: "btn btn-primary" }, "保存");
    const dismiss = h("button", { type: "button", class: "btn" }, "忽略");
    const send = (label, btn) => act(btn, async () => {
      const done = await api.post(`admin/questions/${m.id}/teach`, { label });
      if (shown.value === "false") tr.remove();
      else replace(tr, ...cells(done, choose, save, dismiss));
      toast(label ? `已记下：${labelName(label)}` : "已忽略", "ok");
    });
    save.addEventListener("click", () => {
      if (!choose.value) return toast("请先选出应当的回答。", "error");
      return send(choose.value, save);
    });
    dismiss.addEventListener("click", () => send(null, dismiss));
    replace(tr, ...cells(m, choose, save, dismiss));
    return tr;
  };

  const cells = (m, choose, save, dismiss) => [
    h("td", { "data-label": "时间" }, fmtTime(m.received_at)),
    h("td", { "data-label": "群众的话", class: "detail" }, m.text),
    h("td", { "data-label": "机器人当时" }, INTENTS[m.intent] || m.intent),
    towns.length ? h("td", { "data-label": "乡镇" }, (towns.find((t) => t.id === m.town) || {}).name || m.town || "—") : null,
    shown.value === "true"
      ? h("td", { "data-label": "已教" }, m.label ? labelName(m.label) : "已忽略", m.taught_by ? `（${m.taught_by}）` : "")
      : null,
    h("td", { "data-label": "应当的回答" }, choose),
    h("td", { "data-label": "" }, h("div", { class: "actions" }, save, dismiss)),
  ];

  const head = () => ["时间", "群众的话", "机器人当时", towns.length ? "乡镇" : null,
    shown.value === "true" ? "已教" : null, "应当的回答", ""].filter((t) => t !== null);
  const thead = h("thead");
  const page = async (reset) => {
    if (reset) {
      before = null;
      replace(body);
      replace(thead, h("tr", {}, head().map((t) => h("th", { scope: "col" }, t))));
    }
    const r = await api.get(`admin/questions${api.qs({ taught: shown.value, town: town.value, before, limit: PAGE })}`);
    r.items.forEach((m) => body.append(row(m)));
    if (reset && !r.items.length) body.append(h("tr", {}, h("td", { colspan: "7" }, empty("没有待处理的问题。"))));
    if (r.items.length) before = r.items[r.items.length - 1].id;
    more.hidden = r.items.length < PAGE;
    exportLink.href = `/api/v1/admin/questions/export${api.qs({ town: town.value })}`;
  };
  const reload = () => page(true).catch((err) => toast(err.human, "error"));
  shown.addEventListener("change", reload);
  town.addEventListener("change", reload);
  more.addEventListener("click", () => page(false).catch((err) => toast(err.human, "error")));
  replace(out,
    h("p", { class: "hint" }, "群众问了、机器人没听懂或让群众自己选的话。选出应当的回答并保存；" +
      "再由管理员运行 make learn TAUGHT=1 重新训练，机器人就学会了。下载的文件可留存或交给县里。"),
    h("div", { class: "toolbar" }, shown, towns.length ? town : null, exportLink),
    h("div", { class: "table-scroll" }, h("table", { class: "queue questions" }, thead, body)), more);
  await page(true);
}
