"""The console's files and how they are served, without a browser: CSP and
content types, no path traversal, and no way for data to become markup (no
innerHTML and friends, no inline scripts, handlers or style attributes)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import Settings
from bot.console.pages import STATIC, register_pages
from bot.knowledge_service import KnowledgeService

JS = sorted((STATIC / "js").glob("*.js"))


def test_every_module_is_small_and_markup_free() -> None:
    assert len(JS) >= 8, "the console is split into ES modules"
    for path in JS:
        text = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("//")
        )  # code, not the comments that explain the rule
        for banned in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert banned not in text, f"{path.name} uses {banned}"
        assert not re.search(r"setAttribute\(\s*[\"']style", text), (
            f"{path.name} sets a style attribute"
        )
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), (
            f"{path.name} loads from another origin"
        )
        assert len(text.splitlines()) < 500, f"{path.name} is too big for one module"


def test_html_has_no_inline_script_style_or_handlers() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<script[^>]*\bsrc=\"/console/static/js/main\.js\"", html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert "http://" not in html and "https://" not in html, "no CDN"


def test_css_uses_no_remote_resources() -> None:
    css = (STATIC / "app.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css


@pytest.fixture
async def pages_client(
    make_settings: Callable[..., Settings], clock: FixedClock, knowledge: KnowledgeService
) -> AsyncIterator[TestClient[Any, Any]]:
    app = make_app(make_settings(), clock=clock, knowledge=knowledge)
    register_pages(app)
    register_pages(app)  # idempotent: the lead's make_app may call it too
    client: TestClient[Any, Any] = TestClient(TestServer(app))
    await client.start_server()
    yield client
    await client.close()


async def test_pages_are_served_with_csp(pages_client: TestClient[Any, Any]) -> None:
    app_client = pages_client
    resp = await app_client.get("/console/")
    assert resp.status == 200 and resp.content_type == "text/html"
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert "便民服务中心工作台" in await resp.text()

    resp = await app_client.get("/console/static/js/main.js")
    assert resp.status == 200 and resp.content_type == "text/javascript"
    assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
    resp = await app_client.get("/console/static/app.css")
    assert resp.status == 200 and resp.content_type == "text/css"

    resp = await app_client.get("/console", allow_redirects=False)
    assert resp.status == 302 and resp.headers["Location"] == "/console/"


async def test_static_refuses_traversal_and_unknown_files(
    pages_client: TestClient[Any, Any],
) -> None:
    app_client = pages_client
    for path in (
        "/console/static/../pages.py",
        "/console/static/%2e%2e/pages.py",
        "/console/static/js/nope.js",
        "/console/static/..%2fpages.py",
    ):
        resp = await app_client.get(path)
        assert resp.status == 404, path
