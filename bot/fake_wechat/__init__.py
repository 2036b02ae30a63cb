"""A fake WeChat shipped with the product for tests and the demo: the API server
bianmin calls (api.py, state.py), the villager's side that calls bianmin's /wechat
(platform.py), and an independent implementation of WeChat's message crypto."""

from bot.fake_wechat.api import FAKE_KEY, make_fake_app
from bot.fake_wechat.platform import FakePlatform, PlatformResult
from bot.fake_wechat.state import DEMO_TEMPLATE_ID, FakeWeChat

__all__ = [
    "DEMO_TEMPLATE_ID",
    "FAKE_KEY",
    "FakePlatform",
    "FakeWeChat",
    "PlatformResult",
    "make_fake_app",
]
