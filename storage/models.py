"""Tables. Idempotency lives in the schema: unique inbound dedup keys, unique
outbox keys. Changes go through Alembic migrations in storage/migrations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import Instant


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: Instant, dict[str, Any]: JSON, list[Any]: JSON}


class Villager(Base):
    """One WeChat follower, keyed by openid."""

    __tablename__ = "villagers"

    id: Mapped[int] = mapped_column(primary_key=True)
    openid: Mapped[str] = mapped_column(String(64), unique=True)
    subscribed: Mapped[bool] = mapped_column(Boolean, default=True)
    qrscene: Mapped[str | None] = mapped_column(String(64))
    # The town whose center serves this villager (QR scene or their own choice);
    # None until known on a multi-town deployment.
    town_id: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    village: Mapped[str | None] = mapped_column(String(64))
    first_seen_at: Mapped[dt.datetime]
    # Customer-service pushes are allowed only within 48 h of the villager's last
    # message, about 5 per window (WeChat 客服消息 rules); the outbox reads these.
    last_inbound_at: Mapped[dt.datetime | None]
    window_pushes: Mapped[int] = mapped_column(Integer, default=0)


class InboundMessage(Base):
    """Every message and event WeChat delivered: the conversation log, and the
    dedup record that makes WeChat's retries harmless."""

    __tablename__ = "inbound_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(160), unique=True)
    openid: Mapped[str] = mapped_column(String(64), index=True)
    msg_type: Mapped[str] = mapped_column(String(32))
    event: Mapped[str | None] = mapped_column(String(64))
    msg_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    wechat_time: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]
    # processing -> replied | deferred (reply pushed later) | failed
    state: Mapped[str] = mapped_column(String(16), default="processing")
    reply: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    handled_at: Mapped[dt.datetime | None]
    intent: Mapped[str | None] = mapped_column(String(32))
    retries: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_inbound_openid_received", "openid", "received_at"),)


class OutboxMessage(Base):
    """A push to one villager or staff member. Claimed, sent and finished in
    separate commits so a crash between claim and send is retried, never lost;
    `key` makes enqueueing the same push twice a no-op."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    openid: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # text | news | template
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    # pending -> claimed -> sending -> sent | failed (gave up) | in_doubt (sender
    # died mid-call); failed and in_doubt are shown to staff to phone the villager.
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    wechat_msgid: Mapped[str | None] = mapped_column(String(32), index=True)
    delivery: Mapped[str | None] = mapped_column(String(64))  # TEMPLATESENDJOBFINISH status
    ticket_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[dt.datetime]

    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)


class AccessToken(Base):
    """The one shared access_token per appid: fetching a new one invalidates the
    old, so every process reads it here and one refresher renews it."""

    __tablename__ = "access_tokens"

    appid: Mapped[str] = mapped_column(String(64), primary_key=True)
    token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[dt.datetime]
    refreshing_until: Mapped[dt.datetime | None]
    updated_at: Mapped[dt.datetime]


class ConversationState(Base):
    """Per-villager multi-turn state (menus, forms), kept in the database so it
    survives restarts and is shared by replicas."""

    __tablename__ = "conversation_states"

    openid: Mapped[str] = mapped_column(String(64), primary_key=True)
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    window: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # clerk | head | leader | admin
    department_id: Mapped[str | None] = mapped_column(ForeignKey("departments.id"))
    town_id: Mapped[str | None] = mapped_column(String(32))  # None: county staff, all towns
    password_hash: Mapped[str] = mapped_column(Text)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    openid: Mapped[str | None] = mapped_column(String(64))  # bound WeChat account
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]

    __table_args__ = (UniqueConstraint("openid", name="uq_staff_openid"),)


class Ticket(Base):
    """办事登记: one villager request (or complaint) the center is accountable for."""

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)  # BM20261121-0007
    kind: Mapped[str] = mapped_column(String(16), default="service")  # service | complaint
    town_id: Mapped[str] = mapped_column(
        String(32), default="main", server_default="main", index=True
    )
    openid: Mapped[str] = mapped_column(String(64), index=True)
    item_id: Mapped[str | None] = mapped_column(String(64))
    item_name: Mapped[str] = mapped_column(String(128))
    case_name: Mapped[str | None] = mapped_column(String(128))
    department_id: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), default="accepted", index=True)
    applicant_name: Mapped[str | None] = mapped_column(String(64))
    applicant_phone: Mapped[str | None] = mapped_column(String(32))
    village: Mapped[str | None] = mapped_column(String(64))
    content: Mapped[str | None] = mapped_column(Text)  # complaint text, villager's own words
    materials: Mapped[list[Any]] = mapped_column(
        JSON, default=list
    )  # [{name, form, copies, required, received}]
    missing: Mapped[list[Any]] = mapped_column(JSON, default=list)  # names asked for in 待补正
    handling: Mapped[str | None] = mapped_column(String(16))  # 即办件 | 承诺件
    promised_days: Mapped[int] = mapped_column(Integer, default=0)
    extended_days: Mapped[int] = mapped_column(Integer, default=0)
    accepted_at: Mapped[dt.datetime]
    due_at: Mapped[dt.datetime]
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_since: Mapped[dt.datetime | None]
    breaks: Mapped[list[Any]] = mapped_column(
        JSON, default=list
    )  # [[start_iso, end_iso]]: SLA pauses
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # 首问责任人
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    assigned_at: Mapped[dt.datetime | None]
    last_staff_action_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    sla_met: Mapped[bool | None] = mapped_column(Boolean)
    sla_wall_seconds: Mapped[int | None] = mapped_column(
        Integer
    )  # finished - due; negative = early
    sla_work_minutes: Mapped[int | None] = mapped_column(Integer)
    rating: Mapped[int | None] = mapped_column(Integer)  # 1..5, None = 未评价
    rating_asked_at: Mapped[dt.datetime | None]
    rating_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    __table_args__ = (
        Index("ix_tickets_open_due", "status", "due_at"),
        Index("ix_tickets_openid_status", "openid", "status"),
    )


class TicketEvent(Base):
    """The ticket's timeline: every state change, note, reply, warning."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[dt.datetime]
    kind: Mapped[str] = mapped_column(String(32))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class TicketCounter(Base):
    """Per-day sequence behind ticket numbers (BM20261121-0007)."""

    __tablename__ = "ticket_counters"

    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Attachment(Base):
    """A picture the villager sent while a ticket was open; downloaded from WeChat by the tick."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    media_id: Mapped[str] = mapped_column(String(128), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | stored | failed
    content_type: Mapped[str | None] = mapped_column(String(64))
    path: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime]


class StaffNotice(Base):
    """A warning, escalation or alert for one staff member, shown in the console
    (and pushed to WeChat if they bound their account). `key` stops repeats."""

    __tablename__ = "staff_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    read_at: Mapped[dt.datetime | None]


class Handoff(Base):
    """A live conversation handed from the bot to a person (转人工)."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    openid: Mapped[str] = mapped_column(String(64), index=True)
    town_id: Mapped[str] = mapped_column(String(32), default="main", server_default="main")
    status: Mapped[str] = mapped_column(String(16), default="waiting")  # waiting | open | closed
    opened_at: Mapped[dt.datetime]
    first_response_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    unread: Mapped[int] = mapped_column(Integer, default=0)


class CalendarOverride(Base):
    """Admin-edited working-day calendar: holidays and make-up days per date."""

    __tablename__ = "calendar_overrides"

    day: Mapped[dt.date] = mapped_column(primary_key=True)
    workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(String(128))


class CalendarYear(Base):
    """A year whose holidays the admin has fully entered: its deadlines are final, not provisional."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)


class Callback(Base):
    """回访: a department head calls back a villager who rated the service badly."""

    __tablename__ = "callbacks"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    department_id: Mapped[str] = mapped_column(String(32), index=True)
    town_id: Mapped[str] = mapped_column(String(32), default="main", server_default="main")
    reason: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[dt.datetime]
    done_at: Mapped[dt.datetime | None]
    done_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    result: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]


class Appointment(Base):
    """预约: a half-day slot at the item's window."""

    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    department_id: Mapped[str] = mapped_column(String(32))
    day: Mapped[dt.date]
    half: Mapped[str] = mapped_column(String(2))  # am | pm
    created_at: Mapped[dt.datetime]
    cancelled_at: Mapped[dt.datetime | None]

    __table_args__ = (Index("ix_appointments_slot", "department_id", "day", "half"),)


class DutyRoster(Base):
    """带班领导: the leader on duty per day and town."""

    __tablename__ = "duty_roster"

    day: Mapped[dt.date] = mapped_column(primary_key=True)
    town_id: Mapped[str] = mapped_column(
        String(32), primary_key=True, default="main", server_default="main"
    )
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


# -- staff console (bot/console): sessions, login guard, audit, 2FA policy ----


class StaffSession(Base):
    """A console login, kept in the database so every replica honours it. The id is
    the SHA-256 of the cookie's token: a leaked table does not hand out live sessions."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(256))
    # 2FA is mandatory for the role but not set up yet: the session may only enrol.
    enrol_only: Mapped[bool] = mapped_column(Boolean, default=False)
    pending_totp: Mapped[str | None] = mapped_column(String(64))  # secret offered, not confirmed
    revoked_at: Mapped[dt.datetime | None]


class LoginAttempt(Base):
    """Every console login attempt: the throttle counts recent failures per username and per IP."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    ip: Mapped[str] = mapped_column(String(64), index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(32))


class AuditLog(Base):
    """Who did what to which record, when, from where: every state-changing console call."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48), index=True)
    target: Mapped[str | None] = mapped_column(String(128))
    ip: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The town the entry is about (its ticket's, staff account's or roster's town, else the
    # acting staff member's); None: county-wide. A town's admin reads only their town's.
    town_id: Mapped[str | None] = mapped_column(String(32), index=True)


class RolePolicy(Base):
    """Per-role security policy set by the admin: whether two-factor login is mandatory."""

    __tablename__ = "role_policies"

    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    require_totp: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class TotpState(Base):
    """The last TOTP time step accepted per staff member, so a code cannot be replayed."""

    __tablename__ = "totp_states"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    last_step: Mapped[int] = mapped_column(Integer, default=0)
    enrolled_at: Mapped[dt.datetime | None]


class ExtensionRequest(Base):
    """延期申请: the assignee asks for more working days; a head or the leader decides."""

    __tablename__ = "extension_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    days: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(
        String(16), default="pending"
    )  # pending | approved | denied
    requested_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    requested_at: Mapped[dt.datetime]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[dt.datetime | None]
    decision_note: Mapped[str | None] = mapped_column(Text)


class TaughtQuestion(Base):
    """A villager's message the bot did not understand (or offered a menu for), labelled by
    staff with what it should have answered: the console's 问题学习, exported as training lines
    for the learned classifier (`bianmin kb learn --taught`). A label of None: dismissed."""

    __tablename__ = "taught_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("inbound_messages.id"), unique=True)
    text: Mapped[str] = mapped_column(Text)  # kept: the export must not depend on the log's
    label: Mapped[str | None] = mapped_column(String(64))
    town_id: Mapped[str | None] = mapped_column(String(32), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    taught_at: Mapped[dt.datetime]
