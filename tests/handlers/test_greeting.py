"""Hello, thanks, goodbye and "got it", through the real app: only a hello introduces the
bot; the others, which end a talk, are answered in one line."""

from __future__ import annotations

import pytest

from tests.handlers.conftest import Chat


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("你好", "我是青石镇便民服务中心的小助手"),
        ("在吗", "我是青石镇便民服务中心的小助手"),
        ("谢谢啊", "不客气"),
        ("好的 谢谢", "不客气"),  # thanks first
        ("好的知道了", "好的。还有别的事随时问我"),
        ("嗯嗯", "好的。还有别的事随时问我"),
        ("明白了", "好的。还有别的事随时问我"),
        ("再见", "再见！"),
        ("拜拜", "再见！"),
        # emoji and WeChat stickers, read as the matcher reads them
        ("👍", "好的。还有别的事随时问我"),
        ("[抱拳]", "不客气"),
        ("🙏", "不客气"),
        ("👋", "再见！"),
        # words written win over stickers: a polite hello, not thanks
        ("您好[合十]", "我是青石镇便民服务中心的小助手"),
        ("你好🙏", "我是青石镇便民服务中心的小助手"),
    ],
)
async def test_each_gets_its_line(chat: Chat, said: str, answer: str) -> None:
    reply = await chat.say(said)
    assert answer in reply
    if "小助手" not in answer:
        assert "小助手" not in reply and "\n" not in reply
