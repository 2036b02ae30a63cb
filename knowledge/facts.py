"""Derived facts of an item that fall back to its department or the center when the item leaves
them out (place, hours, consult phone, complaint phone), per knowledge/SCHEMA.md."""

from __future__ import annotations

from knowledge import texts
from knowledge.catalog import Center, Department, Item


def department_of(item: Item, center: Center) -> Department | None:
    return next((d for d in center.departments if d.id == item.department), None)


def place_of(item: Item, center: Center) -> str:
    if item.place:
        return item.place
    dept = department_of(item, center)
    if dept is None:
        return center.address
    return texts.DEFAULT_PLACE.format(center=center.name, window=dept.window, department=dept.name)


def hours_of(item: Item, center: Center) -> str:
    return item.hours or center.hours


def consult_phone(item: Item, center: Center) -> str:
    dept = department_of(item, center)
    return item.phones.consult or (dept.phone if dept else None) or center.phones.consult or ""


def complaint_phone(item: Item, center: Center) -> str:
    return item.phones.complaint or center.phones.complaint or ""
