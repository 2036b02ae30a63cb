"""One repository per aggregate; `Repos` bundles them for one unit of work."""

from __future__ import annotations

from functools import cached_property

from sqlalchemy.ext.asyncio import AsyncSession

from storage.repositories.appointments import AppointmentRepository
from storage.repositories.attachments import AttachmentRepository
from storage.repositories.calendar import CalendarRepository
from storage.repositories.callbacks import CallbackRepository
from storage.repositories.conversation import ConversationRepository
from storage.repositories.handoffs import HandoffRepository
from storage.repositories.messages import MessageRepository
from storage.repositories.notices import NoticeRepository
from storage.repositories.outbox import OutboxRepository
from storage.repositories.staff import StaffRepository
from storage.repositories.tickets import TicketRepository
from storage.repositories.villagers import VillagerRepository


class Repos:
    """The repositories of one unit of work (one session), each made on first use:
    a webhook message needs three or four of the thirteen."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def bind(cls, session: AsyncSession) -> Repos:
        return cls(session)

    @cached_property
    def villagers(self) -> VillagerRepository:
        return VillagerRepository(self.session)

    @cached_property
    def messages(self) -> MessageRepository:
        return MessageRepository(self.session)

    @cached_property
    def conversation(self) -> ConversationRepository:
        return ConversationRepository(self.session)

    @cached_property
    def outbox(self) -> OutboxRepository:
        return OutboxRepository(self.session)

    @cached_property
    def staff(self) -> StaffRepository:
        return StaffRepository(self.session)

    @cached_property
    def tickets(self) -> TicketRepository:
        return TicketRepository(self.session)

    @cached_property
    def notices(self) -> NoticeRepository:
        return NoticeRepository(self.session)

    @cached_property
    def handoffs(self) -> HandoffRepository:
        return HandoffRepository(self.session)

    @cached_property
    def callbacks(self) -> CallbackRepository:
        return CallbackRepository(self.session)

    @cached_property
    def attachments(self) -> AttachmentRepository:
        return AttachmentRepository(self.session)

    @cached_property
    def appointments(self) -> AppointmentRepository:
        return AppointmentRepository(self.session)

    @cached_property
    def calendar(self) -> CalendarRepository:
        return CalendarRepository(self.session)
