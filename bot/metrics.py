"""Prometheus text-format counters, kept in process (scraped per replica)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Metrics:
    def __init__(self) -> None:
        self.requests: Counter[tuple[str, int]] = Counter()
        self.intents: Counter[str] = Counter()

    def render(
        self, extra: dict[str, int] | None = None, matcher: dict[str, int] | None = None
    ) -> str:
        lines = [
            "# HELP bianmin_http_requests_total HTTP requests by route and status.",
            "# TYPE bianmin_http_requests_total counter",
        ]
        for (route, status), n in sorted(self.requests.items()):
            lines.append(f'bianmin_http_requests_total{{route="{route}",status="{status}"}} {n}')
        lines += ["# HELP bianmin_outbox Pushes by state.", "# TYPE bianmin_outbox gauge"]
        for state, n in sorted((extra or {}).items()):
            lines.append(f'bianmin_outbox{{state="{state}"}} {n}')
        lines += [
            "# HELP bianmin_matcher_decisions_total Matcher decisions: scored, or repeated"
            " text answered from the recent decisions.",
            "# TYPE bianmin_matcher_decisions_total counter",
        ]
        for source, n in sorted((matcher or {}).items()):
            lines.append(f'bianmin_matcher_decisions_total{{source="{source}"}} {n}')
        return "\n".join(lines) + "\n"


def metrics_middleware(metrics: Metrics) -> Callable[..., Awaitable[web.StreamResponse]]:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        resource = request.match_info.route.resource
        route = resource.canonical if resource is not None else "unmatched"
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            metrics.requests[(route, exc.status)] += 1
            raise
        metrics.requests[(route, response.status)] += 1
        return response

    return middleware
