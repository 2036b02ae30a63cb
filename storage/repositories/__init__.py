"""One repository per aggregate; `Repos` bundles them for one unit of work."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass
class Repos:
    session: AsyncSession
    villagers: VillagerRepository
    messages: MessageRepository
    conversation: ConversationRepository
    outbox: OutboxRepository
    staff: StaffRepository
    tickets: TicketRepository
    notices: NoticeRepository
    handoffs: HandoffRepository
    callbacks: CallbackRepository
    attachments: AttachmentRepository
    appointments: AppointmentRepository
    calendar: CalendarRepository

    @classmethod
    def bind(cls, session: AsyncSession) -> Repos:
        return cls(
            session=session,
            villagers=VillagerRepository(session),
            messages=MessageRepository(session),
            conversation=ConversationRepository(session),
            outbox=OutboxRepository(session),
            staff=StaffRepository(session),
            tickets=TicketRepository(session),
            notices=NoticeRepository(session),
            handoffs=HandoffRepository(session),
            callbacks=CallbackRepository(session),
            attachments=AttachmentRepository(session),
            appointments=AppointmentRepository(session),
            calendar=CalendarRepository(session),
        )
