"""The full printable 办事指南 page served at /guide/{item_id}: every field, every case, big
type and print CSS, so a villager can show it (or a printout) at the window.

Every catalog value is HTML-escaped here; labels come from texts.py. No I/O.
"""

from __future__ import annotations

from html import escape

from knowledge import texts
from knowledge.catalog import Center, Item
from knowledge.facts import complaint_phone, consult_phone, department_of, hours_of, place_of

CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:20px;
line-height:1.6;margin:0 auto;max-width:860px;padding:16px;color:#111;background:#fff}
h1{font-size:30px;margin:8px 0}h2{font-size:24px;border-left:6px solid #1a7f37;padding-left:8px;
margin-top:28px}.sub{color:#444}table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #888;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0;white-space:nowrap}ol,ul{padding-left:1.6em}
.print{font-size:20px;padding:8px 20px;margin:8px 0}.foot{margin-top:28px;color:#333}
@media print{.print{display:none}body{font-size:14pt;max-width:none;padding:0}
h2{break-after:avoid}tr{break-inside:avoid}@page{size:A4;margin:15mm}}
"""


def _row(label: str, value: str) -> str:
    return f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"


def _list(values: tuple[str, ...], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(v)}</li>" for v in values) + f"</{tag}>"


def _days(days: int | None) -> str:
    if days is None:
        return texts.NONE
    return texts.SAME_DAY if days == 0 else texts.DAYS.format(days=days)


def _materials(item: Item) -> str:
    parts: list[str] = []
    head = "".join(f"<th>{escape(c)}</th>" for c in texts.MATERIAL_COLUMNS)
    for case in item.cases:
        if len(item.cases) > 1:
            parts.append(f"<h3>{escape(case.name)}</h3>")
        rows = []
        for number, m in enumerate(case.materials, 1):
            cells = (
                str(number),
                m.name,
                m.form,
                str(m.copies),
                m.source,
                texts.REQUIRED_YES if m.required else texts.REQUIRED_NO,
                m.note or "",
            )
            rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return "".join(parts)


def guide_html(item: Item, center: Center) -> str:
    """A complete, self-contained HTML document for one item."""
    f = texts.FIELD
    dept = department_of(item, center)
    basic = [
        _row(f["aliases"], texts.LIST_SEP.join(item.aliases)) if item.aliases else "",
        _row(f["department"], dept.name if dept else item.department),
        _row(f["level"], item.level),
        _row(f["kind"], item.kind),
        _row(f["audience"], item.audience),
        _row(f["basis"], texts.LIST_SEP.join(item.basis)) if item.basis else "",
    ]
    online = texts.ONLINE_YES if item.online else texts.ONLINE_NO
    if item.online and item.online_how:
        online = texts.ONLINE_HOW.format(online=online, how=item.online_how)
    where = [
        _row(f["promised"], _days(item.limits.promised)),
        _row(f["statutory"], _days(item.limits.statutory)),
        _row(f["publicity"], texts.PUBLICITY_DAYS.format(days=item.publicity_days))
        if item.publicity_days
        else "",
        _row(f["fee"], item.fee),
        _row(f["place"], place_of(item, center)),
        _row(f["hours"], hours_of(item, center)),
        _row(f["consult"], consult_phone(item, center)),
        _row(f["complaint"], complaint_phone(item, center) or texts.NONE),
        _row(f["online"], online),
        _row(f["visits"], texts.visits_text(item.visits)),
    ]
    title = texts.PAGE_TITLE.format(name=item.name)
    body = [
        f"<h1>{escape(item.name)}</h1>",
        f"<p class=sub>{escape(texts.PAGE_SUBTITLE.format(center=center.name))}</p>",
        f'<button class=print onclick="window.print()">{escape(texts.PAGE_PRINT)}</button>',
        f"<h2>{escape(texts.PAGE_MATERIALS)}</h2>",
        _materials(item),
    ]
    if item.conditions:
        body += [f"<h2>{escape(texts.PAGE_CONDITIONS)}</h2>", _list(item.conditions)]
    body += [f"<h2>{escape(texts.PAGE_TIME_PLACE)}</h2>", f"<table>{''.join(where)}</table>"]
    if item.steps:
        body += [f"<h2>{escape(texts.PAGE_STEPS)}</h2>", _list(item.steps, ordered=True)]
    body += [
        f"<h2>{escape(texts.PAGE_BASIC)}</h2>",
        f"<table>{''.join(basic)}</table>",
        f"<h2>{escape(texts.PAGE_RESULT)}</h2>",
        f"<p>{escape(item.result)}</p>",
        f"<p class=foot>{escape(texts.PAGE_FOOTER)}<br>{escape(center.name)} "
        f"{escape(center.address)}</p>",
    ]
    return (
        "<!doctype html><html lang=zh-CN><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        + "".join(body)
        + "</body></html>"
    )
