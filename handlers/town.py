"""Several towns on one account: a villager whose town is not known yet (no town
QR code) chooses it once; the question they asked first is then answered with
that town's catalog. `切换乡镇` chooses again.

```mermaid
stateDiagram-v2
    [*] --> choose: first question, town unknown (or 切换乡镇)
    choose --> [*]: digit or town name → town saved, first question answered
    choose --> choose: anything else → asked again
```
"""

from __future__ import annotations

from handlers import texts
from handlers.clarify import parse_choice
from handlers.types import Context, Inbound, Reply

NAME = "town"
FLOW = "town"


def matches(msg: Inbound, ctx: Context) -> bool:
    if len(ctx.towns) < 2 or not msg.text:
        return False
    if ctx.state is not None and ctx.state.flow == FLOW:
        return True
    return ctx.town is None or msg.text.strip() in texts.TOWN_SWITCH_WORDS


async def handle(msg: Inbound, ctx: Context) -> Reply:
    options = sorted(ctx.towns.items(), key=lambda kv: kv[1])
    if ctx.state is None or ctx.state.flow != FLOW:
        first = "" if msg.text.strip() in texts.TOWN_SWITCH_WORDS else msg.text
        ctx.goto(FLOW, "choose", question=first)
        return Reply.say(_menu(options))
    chosen = _chosen(msg.text, options)
    if chosen is None:
        return Reply.say(texts.TOWN_AGAIN + "\n" + _menu(options))
    town_id, town_name = chosen
    await ctx.repos.villagers.set_town(msg.openid, town_id)
    question = str(ctx.state.data.get("question") or "")
    ctx.end()
    ctx.town = town_id
    if question:
        ctx.reroute = question
    return Reply.say(texts.TOWN_SET.format(town=town_name))


def _menu(options: list[tuple[str, str]]) -> str:
    lines = [f"{i}. {name}" for i, (_, name) in enumerate(options, 1)]
    return texts.TOWN_ASK + "\n" + "\n".join(lines)


def _chosen(text: str, options: list[tuple[str, str]]) -> tuple[str, str] | None:
    number = parse_choice(text)
    if number is not None and 1 <= number <= len(options):
        return options[number - 1]
    typed = text.strip()
    named = [
        o for o in options if typed and (typed in o[1] or o[1].rstrip(texts.TOWN_SUFFIXES) in typed)
    ]
    return named[0] if len(named) == 1 else None
