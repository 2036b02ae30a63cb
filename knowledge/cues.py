"""Pattern families of the non-item intents: how villagers ask about their own request's
progress, complain, ask for a person, ask about the center's hours or place, say hello, or ask
for advice a service center does not give (which restaurant, which medicine, is it tasty).

Each family is built from small word classes combined into a few patterns (a progress word
after a reference to one's own earlier request; a time/place/contact question attached to
你们 / 中心 / 窗口 ...), so a new phrasing made of known parts is recognized without listing it.
Pure language: no catalog knowledge. Patterns run on normalized, Simplified text (normalize.basic)
in which spaces stand for punctuation, so gaps (`[^ ]`) never cross a clause boundary.
"""

from __future__ import annotations

import re


def _any(words: str) -> str:
    """A regex alternation of space-separated words, longest first ('' allowed as '_')."""
    alternatives = sorted(
        ("" if w == "_" else re.escape(w) for w in words.split()), key=len, reverse=True
    )
    return "(?:" + "|".join(alternatives) + ")"


def _gap(n: int) -> str:
    return "[^ ]{0,%d}" % n


Q_END = _any("没有 没得 没 吗 么 嘛 不 了没 了吗 没呢 呢 未 没啊 不了")

# --- status: the progress of the villager's own, already submitted request --------------------
# what a request is called: 申请, 材料, 单子, 件
REQUEST = _any("申请 材料 单子 件 办件 事 事情 手续 工单 业务 东西 资料 表")
# a past submission or an explicit "my request": 上个月交的, 交上去的, 我申请的, 我那个, 我个单
PAST = _any(
    "上次 上回 上个月 上月 上周 上星期 上礼拜 前天 昨天 前几天 前些天 前段时间 前阵子 之前 早就 "
    "去年 年初 月初 半个月前 一个月前 几天前 两个月前 好几天 好久 都一个月 个把月 快一个月 "
    "都半个月 已经 早都 老早"
)
SUBMIT = _any("交 报 递 提交 申请 送 办 带 登记 弄 填")
OWN = "|".join(
    (
        PAST + _gap(10) + SUBMIT,
        _any("交 报 递 送 提交 带") + _any("上去 过去 进去 上来 去县里 到县里 给你们 到你们 了"),
        "(?:我|俺|咱)" + _any("的 家的 们的 那个 那 个 申请的 报的 交的 办的 这个"),
        _any("帮我 替我 给我") + _any("带 送 交 报 递 代办"),
        _any("代办员 帮办员"),
        "我" + _gap(6) + _any("申请的 报的 交的 办的 递的 提交的"),
    )
)
# progress words that presuppose an existing request (to ask them is to ask about progress)
DONE_VERB = _any("批 审核 审批 审 办 弄 搞 处理 做 公示 核实 核查 调查 决定 评 鉴定 上报")
PROGRESS = "|".join(
    (
        _any("办 审 审核 审批 批 走 进行 弄 搞 处理 跑 报 转") + "到哪" + _any("一步 了 里 儿 个环节 块 _"),
        "到哪一步",
        _any("进度 进展 办理情况 办理状态 办件状态 审核情况 审批情况 处理情况 状态"),
        DONE_VERB + _any("好 完 结 下来 成 妥 过 出来 通过 掂") + "了?" + Q_END,
        DONE_VERB + "了" + _any("没有 没 没得 没呢 未"),
        _any("通过 批准 办结 受理 成功 下来 通知 同意 批复") + "了?" + _any("没有 没 吗 么 没呢 未"),
        # A-not-A: 批没批, 办没办好, 通过没通过
        "(批|办|审|弄|搞|好|成|过|通过|下来)没\\1",
        "有" + _any("结果 消息 回音 答复 回复 动静 信儿 眉目 下文 进展") + "了?" + Q_END,
        _any("结果 消息") + _any("出来 下来") + "了?" + Q_END,
        _any("办得 弄得 审得 批得 搞得 申请得 申请 办理 审核 处理得")
        + _any("怎么样 咋样 如何 咋个样 啥样")
        + "了",
        "还没" + _any(
            "批 下来 办好 办完 办下来 消息 通知 结果 动静 回音 审核 审批 通过 回复 答复 办结 公示"
        ),
        "查" + _any("一下 下 查 询 一查 _") + _any(
            "进度 办理情况 办件 我的申请 我的工单 审核结果 审批结果 办理结果 结果 我的事 我的材料 我的"
        ),
        _any("工单 办件编号 受理编号 受理单 回执单 回执 办件号 受理号 工单号"),
        _any("谁在办 谁在弄 谁在管 谁负责我 有人在弄 有人在办 有人管没 在弄没 在办没 在处理没"),
    )
)
# time/remaining questions about a result: status only with an own/past reference (else it asks
# for the item's time limit or materials)
WHEN = "|".join(
    (
        _any("啥时候 什么时候 哪天 多久 多长时间 几时 几天 多少天 咋还 怎么还")
        + _gap(4)
        + _any("好 批 下来 办好 拿到 到账 发 通知 出结果 办完 办结 领到 领 审 没 不 拿 打钱 给钱 发钱 到"),
        _any("到哪 怎么样了 咋样了 如何了 咋个样了 有信没 有没有信 还差 还缺 还要补 要补"),
    )
)

# --- complaint: an accusation against staff, officials or village affairs, or a report verb ----
COMPLAINT_VERB = "|".join(
    (
        _any(
            "投诉 举报 检举 揭发 上访 信访 告状 曝光 差评 控告 申诉 意见建议 意见箱 监督电话 纪委 "
            "反映问题 反映情况 反映个 反映一下 我要反映 想反映 12345"
        ),
        "提" + _any("个 点 些 一点 条 _") + _any("意见 建议"),
        "告" + _any("你们 村 镇 干部 书记 主任 村长 镇长 组长 会计"),
        "写信" + _gap(4) + _any("反映 给镇 给县 给书记 给领导"),
    )
)
MISCONDUCT = "|".join(
    (
        "态度" + _any("太 很 非常 真 特别 好 也太 _") + _any("差 不好 恶劣 凶 蛮横 冷 坏 生硬"),
        _any(
            "不理人 爱理不理 不搭理 玩手机 推诿 推脱 推三阻四 踢皮球 刁难 为难人 吃拿卡要 乱收费 "
            "乱收钱 乱罚款 好处费 回扣 贪污 腐败 受贿 索贿 挪用 克扣 截留 冒领 优亲厚友 不公平 "
            "不公正 不公道 办事不公 暗箱 走后门 关系户 人情保 人情低保 不作为 乱作为 拖着不办 "
            "故意拖 不给办 不办事 骂人 吼人 欺负人 效率太低 效率低 办事拖拉 拖拖拉拉 不给开收据 "
            "不开收据 不给收据 不开发票 私吞 中饱私囊 吃回扣 不公开 乱收 黑幕 有意见 拖拉了"
        ),
        "多收" + _gap(2) + "钱",
        _any("太 很 真 好 也太 忒") + "拖拉",
        "意见" + _gap(4) + _any("提 找谁 反映 向谁"),
        "收" + _gap(6) + _any("好处 红包 礼"),
        "收了我" + _gap(6) + "钱",
        "不是说" + _any("不收费 免费 不要钱 不收钱"),
        "跑了" + _gap(3) + "趟" + _gap(4) + _any("没 都没 还没 还是 也没 不给"),
        "跑了" + _any("好几 好多 三四 四五 三 四 五 几") + "趟",
    )
)

# --- human: asks for a person ----------------------------------------------------------------
PERSON = _any(
    "人 个人 一个人 真人 活人 工作人员 同志 窗口的人 窗口的同志 窗口的 负责人 领导 干部 值班的 "
    "值班人员 管事的 办事的 你们的人 专人 人工 代办员 帮办员 客服"
)
HUMAN = "|".join(
    (
        _any("人工 真人 活人 客服 机器人 自动回复 转接 代办员 帮办员 接线员"),
        _any("找 叫 让 派 安排 换 请 要")
        + "(?:你们的?|个|一个|位|一位)?"
        + PERSON
        + _gap(2)
        + _any("来 过来 跟我 和我 给我 联系 回 说 讲 聊 接 打电话 处理")
        + "(?!来?(?:调解|评|鉴定|看|家|量|查|核|修|办))",
        _any("找 叫 派 安排 换")
        + "(?:你们的?|个|一个|位|一位)?"
        + _any("个人 一个人 真人 活人 工作人员 人来 值班的 负责人 领导来 同志来")
        + "(?!来?(?:调解|评|鉴定|看|家|量|查|核|修|办))",
        _any("跟 和 同") + PERSON + _gap(2) + _any("说 讲 聊 谈 通话 对话"),
        _any("问人 问个人 问真人 要人回 让人回 找人回 人工回 人在线 在线客服"),
        _any("给我 帮我") + "打" + _any("个 一个 _") + "电话",
        "打" + _any("个 一个 _") + "电话给我",
        "回" + _any("个 我 我个 _") + "电话",
        _any("联系我 回我 回复我 打给我 来电话"),
        _any("你是 是不是 别让 不要 不想跟") + _gap(2) + "机器",
        "机器" + _any("回 答 说"),
        "有没有人" + _gap(4) + _any("跟我 和我 能 接 回 管"),
    )
)

# not a request for a person, but a reason to want one when nothing else is asked
HUMAN_WEAK = _any(
    "听不懂 说不清 讲不清 说不明白 讲不明白 不会打字 打字不方便 打字太慢 打不来字 不识字 不认识字 "
    "认不得字 看不懂字 不会用手机 眼睛看不清 看不清字"
)

# --- center_info: the center's hours, place, contact, weekend duty, windows ----------------------
CENTER_REF = _any("你哋 你们 您们 中心 便民 服务中心 大厅 窗口 镇政府 政务 办事处 你那 你们那")
TIME_Q = "|".join(
    (
        _any(
            "几点 几时开 上班 下班 开门 关门 营业 办公时间 工作时间 作息 周六 周日 周天 周末 星期六 "
            "星期天 星期日 礼拜六 礼拜天 礼拜日 节假日 放假 假期 国庆 春节 过年 五一 元旦 端午 中秋 "
            "清明 午休 中午休息 值班 早上 中午 晚上 下午 上午 预约 排队 拿号 取号 叫号 人多不多 "
            "人多吗 初几"
        ),
        "\\d+点",
        "[两二三四五六七八九十]点",
        "一点" + _any("钟 半 前 后 以 到 之前 之后"),
        "放" + _gap(3) + "假",
    )
)
PLACE_Q = "|".join(
    (
        "在哪" + _any("里 儿 块 个位置 条街 条路 个村 边 _"),
        _any(
            "地址 位置 地点 定位 导航 路线 停车 停车场 几楼 楼上 楼下 哪条街 哪条路 里面还是外面 "
            "坐车 坐几路 门口 里面 里头 大院 院里"
        ),
        _any("怎么 咋 咋个 如何") + _any("走 去 过去 过来 到 找 坐"),
        _any("坐公交 坐什么车 几路车 坐班车 班车"),
        _any("几号 哪个 哪一个 哪") + "窗口",
        "窗口" + _gap(2) + _any("几号 在哪 哪个"),
    )
)
CONTACT_Q = _any("电话 联系方式 号码 手机号 座机 热线 微信号 公众号")
# what may stand around such a question without making it about something else (便民中心几点开门)
CENTER_FILLER = _any(
    "你们 您们 便民服务中心 便民中心 服务中心 中心 大厅 窗口 镇政府 政府 政务服务 政务 办事大厅 这边 "
    "那边 那里 这里 你那 镇上 办事 办 去 来 到 能 可以 可不可以 能不能 是 有 有人 开 今天 明天 后天 "
    "现在 平时 每天 几 多少 吗 么 嘛 不 没 呢 啊 呀 的 了 请问 问下 问一下 一下 想 要 我 还 也 都 "
    "还是 在 上 下 们 些 个 啥 什么 时候 时间 点 号 多 等 咨询 那个 这个 就是 过 得 最 早 晚 几号 "
    "哪 哪里 哪儿 地方 从 车站 汽车站 客运站 路口 好 方便 停 车 以后 以前 之前 之后 前 后 几天 "
    "开始 提前 初 正月 年后 节后 号码 夏天 冬天 夏季 冬季 改 变 调整 你哋 哪天 节 打不通 别的 其他 另外 换 一个"
)

# --- greeting: only hello / thanks / bye / ok, with fillers ---------------------------------------
GREETING_WORDS = _any(
    "你好 您好 你们好 大家好 在吗 在嘛 在么 在不在 在没 在没有 有人吗 有人在吗 有人么 早上好 早晨好 "
    "早安 早啊 上午好 中午好 下午好 晚上好 晚安 谢谢 谢了 多谢 感谢 辛苦 麻烦了 麻烦你了 麻烦您了 "
    "打扰了 打扰 再见 拜拜 回见 好的 好嘞 好滴 好吧 好 行 收到 知道了 明白了 懂了 晓得了 ok okay "
    "哈喽 hello hi 嗨 新年好 过年好 春节快乐 新年快乐 节日快乐 中秋快乐 点赞 赞 早 要得 中 好嘛 "
    "没事了 不用了 可以了 行了 晓得 知道啦 谢谢啦"
)
GREETING_FILLER = _any(
    "小助手 助手 同志 老师 师傅 领导 小妹 小哥 美女 帅哥 工作人员 你们 你 您 恁 大家 啦 了 呀 啊 "
    "哈 呢 喔 嘛 的 哈哈 很 非常 太 真 一下 哦 嗯 呐 哟 哇 咯 请问 那个 啊啊 在 吗 么 各位 亲 晒 "
    "噻 撒 嘞 咧 哒 嗷 哦哦 嗯嗯 好好 啊呀"
)

# --- out of scope: advice and shopping a service center does not give ---------------------------
# 哪家医院看糖尿病最好, 野猪肉好吃不, 高血压吃什么药, 八十大寿去哪订酒席, 贷款买车
ADVICE = "|".join(
    (
        _any("哪家 哪个 哪种 哪款 哪里的 什么牌子 哪个牌子")
        + _gap(8)
        + _any("好 厉害 便宜 靠谱 划算 正规 实惠 最好 好用 好吃 出名"),
        _any("好吃 好不好吃 怎么吃 怎么做菜 怎么做饭 吃什么药 什么药好 什么药管用 偏方 怎么治 治得好"),
        "(?:能|可以)吃(?!低保|上低保|五保|救济|特困)",
        "吃什么(?!低保|保险)",
        _any("订 预订 预定") + _any("酒席 酒店 饭店 餐 票 桌 房间 宾馆"),
        _any(
            "去哪订 买车 买房 买手机 贷款买 多少钱一斤 多少钱一台 多少钱一克 多少钱一块 多少钱一吨 "
            "多少钱一袋 推荐一下 推荐个 便宜 划算 实惠"
        ),
        _any("哪里 哪儿 去哪 在哪 哪家") + _any("买 卖 修 订 租"),
    )
)

# --- a relative who "went" has died: 我爹去年冬天走了, 俺娘没了, 老伴不在了 --------------------
KIN = _any(
    "爹 娘 爸 妈 爸爸 妈妈 父亲 母亲 老爹 老娘 老爸 老妈 老伴 老头 老头子 老婆子 爷爷 奶奶 外公 外婆 "
    "姥姥 姥爷 公公 婆婆 丈夫 老公 男人 媳妇 老婆 儿子 闺女 女儿 孩子 独生子 独生女 哥 姐 弟 妹 "
    "叔 伯 大伯 舅 姑 姨 老人 家人 亲人 家里人"
)
# between the relative and the verb only words of time or cause (孩子的身份证没了 is a lost card)
DEATH_GAP = "[去前今上个月年天刚已经突然得病生出车祸意外冬春夏秋初底半几两三一多就也都那时候后号日周星期]{0,8}"
DEATH = KIN + DEATH_GAP + _any("走了 没了 不在了 过身了 死了")

# --- a child already born: 媳妇刚生了个闺女, 娃娃生下来半个月 (出生登记, not 生育登记) ----------
BIRTH = (
    "(?<![学先医卫发产派陌花人一])"
    + _any("生了 生下 生下来 刚生 出生了 刚出生 满月了 生了个")
    + _gap(3)
    + _any("孩子 娃 娃娃 闺女 儿子 女儿 小孩 宝宝 男孩 女孩 二胎 三胎 个 _")
)

STATUS_PROGRESS = re.compile(PROGRESS)
STATUS_OWN = re.compile(OWN)
STATUS_WHEN = re.compile(WHEN)
COMPLAINT = re.compile(COMPLAINT_VERB + "|" + MISCONDUCT)
HUMAN_RE = re.compile(HUMAN)
HUMAN_WEAK_RE = re.compile(HUMAN_WEAK)
CENTER_REF_RE = re.compile(CENTER_REF)
CENTER_Q = re.compile(TIME_Q + "|" + PLACE_Q + "|" + CONTACT_Q)
CENTER_FILLER_RE = re.compile(CENTER_FILLER)
GREETING_RE = re.compile(GREETING_WORDS)
GREETING_REST = re.compile(GREETING_FILLER + "|[ ~～!！?？,，.。…\\d]")
ADVICE_RE = re.compile(ADVICE)
DEATH_RE = re.compile(DEATH)
BIRTH_RE = re.compile(BIRTH)
