"""The staff console's unit of work: the shared repositories plus the console's own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from storage.repositories import Repos
from storage.repositories.audit import AuditRepository
from storage.repositories.auth import AuthRepository
from storage.repositories.console_queries import ConsoleQueries
from storage.repositories.extensions import ExtensionRepository
from storage.repositories.sessions import SessionRepository
from storage.repositories.taught import TaughtRepository


@dataclass
class ConsoleRepos:
    core: Repos
    sessions: SessionRepository
    auth: AuthRepository
    audit: AuditRepository
    extensions: ExtensionRepository
    queries: ConsoleQueries
    taught: TaughtRepository

    @classmethod
    def bind(cls, session: AsyncSession) -> ConsoleRepos:
        return cls(
            core=Repos.bind(session),
            sessions=SessionRepository(session),
            auth=AuthRepository(session),
            audit=AuditRepository(session),
            extensions=ExtensionRepository(session),
            queries=ConsoleQueries(session),
            taught=TaughtRepository(session),
        )
