"""Staff accounts and departments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Department, Staff
from storage.repositories.upsert import insert_for

ROLES = ("clerk", "head", "leader", "admin")


class StaffRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def sync_departments(
        self, departments: Iterable[tuple[str, str, str | None, str | None]]
    ) -> None:
        """Make the departments table match the catalog's center.yaml (id, name, window, phone)."""
        for dep_id, name, window, phone in departments:
            # An upsert: replicas starting together all sync the same rows.
            stmt = insert_for(self.session, Department).values(
                id=dep_id, name=name, window=window, phone=phone
            )
            await self.session.execute(
                stmt.on_conflict_do_update(
                    index_elements=["id"], set_={"name": name, "window": window, "phone": phone}
                )
            )

    async def department_exists(self, dep_id: str) -> bool:
        return await self.session.get(Department, dep_id) is not None

    async def add(
        self,
        *,
        username: str,
        display_name: str,
        role: str,
        department_id: str | None,
        password_hash: str,
        now: dt.datetime,
    ) -> Staff:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        staff = Staff(
            username=username,
            display_name=display_name,
            role=role,
            department_id=department_id,
            password_hash=password_hash,
            created_at=now,
            active=True,
            on_duty=True,
            failed_logins=0,
        )
        self.session.add(staff)
        await self.session.flush()
        return staff

    async def by_username(self, username: str) -> Staff | None:
        found: Staff | None = await self.session.scalar(
            select(Staff).where(Staff.username == username)
        )
        return found

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(Staff)) or 0)

    async def get(self, staff_id: int) -> Staff | None:
        found: Staff | None = await self.session.get(Staff, staff_id)
        return found

    async def in_department(
        self,
        department_id: str,
        *,
        roles: tuple[str, ...] = ("clerk", "head"),
        on_duty: bool | None = None,
    ) -> list[Staff]:
        q = select(Staff).where(
            Staff.department_id == department_id, Staff.role.in_(roles), Staff.active.is_(True)
        )
        if on_duty is not None:
            q = q.where(Staff.on_duty.is_(on_duty))
        return list(await self.session.scalars(q.order_by(Staff.id)))

    async def serving(
        self, department_id: str, town_id: str | None, *, roles: tuple[str, ...] = ("clerk", "head")
    ) -> list[Staff]:
        """Active staff of a department who work in a town: the town's own and county
        staff (town_id NULL), who work everywhere; town None: every town's."""
        q = select(Staff).where(
            Staff.department_id == department_id, Staff.role.in_(roles), Staff.active.is_(True)
        )
        if town_id is not None:
            q = q.where(or_(Staff.town_id == town_id, Staff.town_id.is_(None)))
        return list(await self.session.scalars(q.order_by(Staff.id)))

    async def with_role(self, role: str) -> list[Staff]:
        rows = await self.session.scalars(
            select(Staff).where(Staff.role == role, Staff.active.is_(True)).order_by(Staff.id)
        )
        return list(rows)

    async def all(self) -> list[Staff]:
        return list(await self.session.scalars(select(Staff).order_by(Staff.id)))

    async def departments(self) -> list[Department]:
        return list(await self.session.scalars(select(Department).order_by(Department.id)))
