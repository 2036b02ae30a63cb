"""The shared vocabulary of the conversation layer: Inbound, Reply, Context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from knowledge.catalog import Catalog
    from knowledge.matcher import Decision, Matcher
    from storage.repositories import Repos


class ClockLike(Protocol):
    def now(self) -> dt.datetime: ...


@dataclass(frozen=True)
class Inbound:
    """One message or event from a villager, independent of wechatpy."""

    openid: str
    kind: str  # text voice image location link video shortvideo event unknown
    created_at: dt.datetime
    text: str = ""  # text content, or the voice Recognition
    event: str | None = None  # subscribe unsubscribe scan click view location templatesendjobfinish
    msg_id: str | None = None
    media_id: str | None = None
    pic_url: str | None = None
    event_key: str | None = None
    scene: str | None = None  # QR scene after qrscene_ (subscribe) or the SCAN key
    status: str | None = None  # TEMPLATESENDJOBFINISH status
    latitude: float | None = None
    longitude: float | None = None
    label: str | None = None  # location label, link title
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_event(self) -> bool:
        return self.kind == "event"


@dataclass(frozen=True)
class Article:
    title: str
    description: str = ""
    url: str = ""
    picurl: str = ""


@dataclass(frozen=True)
class Reply:
    """What the bot answers: text, news articles, or nothing (`success`)."""

    kind: Literal["text", "news", "nothing"]
    text: str = ""
    articles: tuple[Article, ...] = ()

    @classmethod
    def say(cls, text: str) -> Reply:
        return cls("text", text=text)

    @classmethod
    def news(cls, *articles: Article) -> Reply:
        return cls("news", articles=articles)

    @classmethod
    def nothing(cls) -> Reply:
        return cls("nothing")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "articles": [a.__dict__ for a in self.articles],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        return cls(
            data["kind"],
            text=data.get("text", ""),
            articles=tuple(Article(**a) for a in data.get("articles", [])),
        )


@dataclass
class State:
    """A villager's place in a multi-turn flow (menu, form, rating)."""

    flow: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """Everything a handler may use. Handlers change `state` through
    `goto`/`end`; the dispatcher saves it once after the handler returns."""

    clock: ClockLike
    repos: Repos
    catalog: Catalog
    matcher: Matcher
    base_url: str
    # The ticket desk (bot/tickets/desk.py) for this unit of work: registration,
    # withdrawal, complaints, ratings. Typed loosely so handlers need not import bot/.
    desk: Any = None
    # Several towns on one deployment: the villager's town (None until known) and
    # every town's id → name. `reroute` asks the dispatcher to answer this text
    # again once the town is set (the question asked before choosing a town).
    town: str | None = "main"
    towns: dict[str, str] = field(default_factory=dict)
    reroute: str | None = None
    state: State | None = None
    state_changed: bool = False
    # Read by the dispatcher with the state, in one statement: the state that timed
    # out (when `state` is None), when the live state was saved, whether staff have
    # the conversation (转人工).
    expired_state: State | None = None
    state_saved_at: dt.datetime | None = None
    handoff_live: bool = False
    intent: str | None = None
    _decision: Decision | None = None

    def decide(self, text: str) -> Decision:
        """The matcher's decision for the message text, computed once per message."""
        if self._decision is None:
            self._decision = self.matcher.decide(text)
        return self._decision

    def goto(self, flow: str, step: str, **data: Any) -> None:
        self.state = State(flow, step, data)
        self.state_changed = True

    def end(self) -> None:
        self.state = None
        self.state_changed = True
