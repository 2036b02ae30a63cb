"""WeChat events: follow/unfollow, QR scans, menu clicks, template delivery reports."""

from __future__ import annotations

from handlers import texts
from handlers.types import Context, Inbound, Reply

NAME = "event"

# Menu CLICK keys map to what the villager would have typed (menu.yaml in the catalog
# names the keys); unknown keys are answered like an empty message.
CLICK_PREFIX = "ask:"


def matches(msg: Inbound, ctx: Context) -> bool:
    return msg.is_event


async def handle(msg: Inbound, ctx: Context) -> Reply:
    now = ctx.clock.now()
    if msg.event == "subscribe":
        await ctx.repos.villagers.set_subscribed(msg.openid, True, msg.scene)
        text = texts.WELCOME.format(center=ctx.catalog.center.name)
        if msg.scene:
            text += "\n" + texts.WELCOME_SCENE.format(scene=msg.scene)
        return Reply.say(text)
    if msg.event == "unsubscribe":
        await ctx.repos.villagers.set_subscribed(msg.openid, False)
        await ctx.repos.conversation.clear(msg.openid)
        ctx.state = None
        return Reply.nothing()
    if msg.event == "scan":
        if msg.scene:
            await ctx.repos.villagers.set_subscribed(msg.openid, True, msg.scene)
        return Reply.say(texts.SCAN_AGAIN)
    if msg.event == "templatesendjobfinish" and msg.msg_id:
        await ctx.repos.outbox.record_delivery(msg.msg_id, msg.status or "unknown")
        return Reply.nothing()
    if msg.event == "click" and msg.event_key and msg.event_key.startswith(CLICK_PREFIX):
        # A menu button is a question asked on the villager's behalf.
        from handlers import router

        question = msg.event_key.removeprefix(CLICK_PREFIX)
        asked = Inbound(openid=msg.openid, kind="text", text=question, created_at=now)
        return await router.route(asked, ctx)
    # VIEW (opened a menu link), LOCATION (periodic position report) and unknown
    # events need no answer; `success` keeps WeChat quiet.
    return Reply.nothing()
