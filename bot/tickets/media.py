"""Downloads the pictures villagers attached to tickets (WeChat keeps media for
3 days only, so the tick fetches them promptly) and stores them on disk."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.wechat_client import WeChatClient, WeChatError
from storage.repositories import Repos

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


async def fetch_pending(
    sessionmaker: async_sessionmaker[AsyncSession],
    client: WeChatClient,
    directory: Path,
    *,
    limit: int = 20,
) -> list[str]:
    """Download pending attachments; returns the media ids stored."""
    stored: list[str] = []
    async with sessionmaker() as session:
        pending = [
            (a.id, a.ticket_id, a.media_id)
            for a in await Repos.bind(session).attachments.pending(limit)
        ]
    for attachment_id, ticket_id, media_id in pending:
        try:
            media = await client.download_media(media_id)
        except WeChatError as exc:
            log.warning("media %s for ticket %s not downloaded: %s", media_id, ticket_id, exc)
            async with sessionmaker() as session, session.begin():
                row = await Repos.bind(session).attachments.get(attachment_id)
                if row is not None:
                    row.attempts += 1
                    row.status = (
                        "failed" if row.attempts >= MAX_ATTEMPTS or not exc.retryable else "pending"
                    )
            continue
        ext = mimetypes.guess_extension(media.content_type or "") or ".bin"
        target = directory / str(ticket_id) / f"{attachment_id}{ext}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(media.content)
        async with sessionmaker() as session, session.begin():
            row = await Repos.bind(session).attachments.get(attachment_id)
            if row is not None:
                row.status, row.path, row.size = "stored", str(target), len(media.content)
                row.content_type = media.content_type
        stored.append(media_id)
    return stored
