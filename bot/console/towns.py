"""The deployment's towns as the console names them (白沙镇, from each town's
center.yaml), and which of them a staff member may read: county staff (no town)
all of them, everyone else their own. Pure, no I/O."""

from __future__ import annotations

from bot.knowledge_service import KnowledgeService
from storage.models import Staff


def names(knowledge: KnowledgeService) -> dict[str, str]:
    """Town id -> display name, in the order the deployment lists them (main first)."""
    return {town_id: town.name for town_id, town in knowledge.towns.items()}


def name(knowledge: KnowledgeService, town_id: str) -> str:
    """The display name; the id itself for a town the catalog no longer has."""
    town = knowledge.towns.get(town_id)
    return town.name if town is not None else town_id


def visible(knowledge: KnowledgeService, staff: Staff) -> dict[str, str]:
    """The towns the caller may read, id -> display name."""
    if staff.town_id is None:
        return names(knowledge)
    return {staff.town_id: name(knowledge, staff.town_id)}
