from tests.handlers.conftest import Chat

async def test_smoke(chat: Chat) -> None:
    for t in ["低保要带什么", "办理", "张建明", "138 1234 5678", "青石村", "2", "确认", "预约", "1", "进度", "撤回", "是", "我要投诉", "村里有人占了我家的地界，说了好几次都不听", "人工", "你好"]:
        print(">>", t)
        print(await chat.say(t))
    print(await chat.tickets())
