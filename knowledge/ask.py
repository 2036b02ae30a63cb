"""One villager message in, the `bianmin ask --json` object out (interfaces.md): question,
intent, item, candidates, reply, plus extras (item_id, score, ticket, explain).

Stateless: the webhook's handlers call this for guide/clarify/unknown/center_info and write
their own replies for the stateful intents (human, status, complaint, greeting).
"""

from __future__ import annotations

from knowledge import texts
from knowledge.catalog import Center
from knowledge.matcher import Decision, Matcher
from knowledge.render import render_center_info, render_guide, render_menu, render_unknown


def guide_url(base_url: str, item_id: str) -> str:
    return f"{base_url.rstrip('/')}/guide/{item_id}"


def reply_for(decision: Decision, center: Center, *, base_url: str, question: str = "") -> str:
    """The villager-facing text for a decision (`question`: what was asked, for the parts of
    the center's card it asks about)."""
    intent = decision.intent
    if intent == "guide" and decision.item is not None:
        return render_guide(decision.item, center, guide_url=guide_url(base_url, decision.item.id))
    if intent == "clarify" and decision.candidates:
        return render_menu(decision.candidates)
    if intent == "center_info":
        return render_center_info(center, question)
    if intent == "human":
        return texts.ASK_HUMAN
    if intent == "status":
        ticket = decision.explain.get("ticket")
        return texts.ASK_STATUS_TICKET.format(ticket=ticket) if ticket else texts.ASK_STATUS
    if intent == "complaint":
        return texts.ASK_COMPLAINT.format(
            phone=center.phones.complaint or center.phones.consult or ""
        )
    if intent == "greeting":
        return texts.ASK_GREETING.format(center=center.name)
    return render_unknown(center)


def answer(
    matcher: Matcher, center: Center, text: str, *, base_url: str, explain: bool = False
) -> dict[str, object]:
    """Decide and render one message. `explain=True` adds the matcher's reasoning."""
    decision = matcher.decide(text)
    result: dict[str, object] = {
        "question": text,
        "intent": decision.intent,
        "item": decision.item.name if decision.item else None,
        "candidates": [c.name for c in decision.candidates],
        "reply": reply_for(decision, center, base_url=base_url, question=text),
        "item_id": decision.item.id if decision.item else None,
        "score": decision.score,
    }
    if decision.explain.get("ticket"):
        result["ticket"] = decision.explain["ticket"]
    if explain:
        result["explain"] = decision.explain
    return result
