"""Operator actions on staff accounts (the CLI's `staff add`)."""

from __future__ import annotations

from bot.clock import SystemClock
from bot.config import Settings
from bot.passwords import hash_password
from storage.db import make_engine, make_sessionmaker
from storage.repositories import Repos


async def add_staff(
    settings: Settings,
    username: str,
    role: str,
    department: str | None,
    display_name: str | None,
    password: str,
) -> None:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            repos = Repos.bind(session)
            if await repos.staff.by_username(username) is not None:
                raise ValueError(f"staff {username!r} already exists")
            if department is not None and not await repos.staff.department_exists(department):
                raise ValueError(
                    f"unknown department {department!r} (see center.yaml; run the server once to load it)"
                )
            await repos.staff.add(
                username=username,
                display_name=display_name or username,
                role=role,
                department_id=department,
                password_hash=hash_password(password),
                now=SystemClock().now(),
            )
    finally:
        await engine.dispose()
