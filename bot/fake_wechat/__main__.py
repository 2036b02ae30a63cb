"""`python -m bot.fake_wechat --port 9001`: the fake WeChat API on its own, for the
demo and manual testing (point BIANMIN_WECHAT_API_BASE at it)."""

from __future__ import annotations

import argparse
import logging

from aiohttp import web

from bot.clock import SystemClock
from bot.config import DEMO
from bot.fake_wechat.api import make_fake_app
from bot.fake_wechat.state import FakeWeChat


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.fake_wechat", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9001)
    parser.add_argument("--appid", default=DEMO["wechat_appid"])
    parser.add_argument("--secret", default=DEMO["wechat_secret"])
    parser.add_argument(
        "--custom-quota",
        type=int,
        default=5,
        help="customer-service pushes allowed per 48 h window (real WeChat: up to 20)",
    )
    parser.add_argument(
        "--template",
        action="append",
        default=[],
        help="a template id the account has added (repeatable)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    fake = FakeWeChat(
        appid=args.appid, secret=args.secret, clock=SystemClock(), custom_quota=args.custom_quota
    )
    for template_id in args.template:
        fake.add_template(template_id)
    web.run_app(make_fake_app(fake), host=args.host, port=args.port)


if __name__ == "__main__":
    main()
