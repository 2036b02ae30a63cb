"""Demo mode: departments from the catalog, a few staff accounts, the fake WeChat
API mounted in-process and the sandbox. Nothing here runs outside --demo."""

from __future__ import annotations

import secrets

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.passwords import hash_password
from knowledge.catalog import Catalog
from storage.repositories import Repos

# (username, display name, role, department)
DEMO_STAFF = (
    ("admin", "Admin", "admin", None),
    ("leader", "Leader on duty", "leader", None),
    ("minzheng_head", "Civil affairs head", "head", "minzheng"),
    ("minzheng_clerk", "Civil affairs clerk", "clerk", "minzheng"),
    ("shebao_clerk", "Social security clerk", "clerk", "shebao"),
    ("zongzhi_clerk", "Petitions clerk", "clerk", "zongzhi"),
)


async def sync_departments(
    sessionmaker: async_sessionmaker[AsyncSession], catalog: Catalog
) -> None:
    async with sessionmaker() as session, session.begin():
        await Repos.bind(session).staff.sync_departments(
            (d.id, d.name, d.window, d.phone) for d in catalog.center.departments
        )


async def seed_staff(
    sessionmaker: async_sessionmaker[AsyncSession], clock: Clock, catalog: Catalog
) -> list[tuple[str, str, str]]:
    """Create the demo accounts once; returns (username, role, password) of new ones."""
    created: list[tuple[str, str, str]] = []
    known = {d.id for d in catalog.center.departments}
    async with sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        if await repos.staff.count():
            return created
        for username, name, role, dep in DEMO_STAFF:
            if dep is not None and dep not in known:
                continue
            password = secrets.token_urlsafe(9)
            await repos.staff.add(
                username=username,
                display_name=name,
                role=role,
                department_id=dep,
                password_hash=hash_password(password),
                now=clock.now(),
            )
            created.append((username, role, password))
    return created
