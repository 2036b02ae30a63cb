"""Pre-generated WeChat callbacks from many simulated villagers, for wrk.

Every villager follows a script of realistic turns: catalog questions from
tests/data/questions.tsv, the 办理 form ("办理", a name, a mobile number, a village,
the case when the item has several, "确认") and status queries ("进度", "我的工单").
The scripts are interleaved over `lanes` villagers talking at the same time, so one
villager's next message is sent hundreds of requests after the previous one (long
after its reply, at the connection counts used here) and the form sees its turns in
order. Every request has its own MsgId and nonce; in AES mode each body is encrypted
and carries its own msg_signature (which covers the ciphertext).

Output: one request per line, `path<TAB>body` (the XML has no tabs or newlines), read
by bench/villagers.lua. `python bench/loadgen.py --help` writes a file by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import secrets
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.fake_wechat.crypto import MessageCrypto  # noqa: E402

TOKEN = "bench-token-7f3a9c"
APPID = "wxbench0000000001"
SECRET = "bench-secret-0123456789abcdef"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
ACCOUNT = "gh_benchaccount01"
QUESTIONS = ROOT / "tests" / "data" / "questions.tsv"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = (
    "秀英 桂英 秀兰 玉兰 建国 建华 国强 志强 春梅 海燕 红梅 德明 永福 金凤 丽华 "
    "淑珍 文军 凤英 小红 明亮 秋菊 长春 玉珍 建平 翠花 福生 宝山 晓东 彩霞 新民"
).split()
VILLAGES = (
    "李家村 王庄村 东风村 杨树村 河西村 新华村 前进村 柳林村 石桥村 枣园村 "
    "马坊村 上河村 南湾村 北坡村 红星村 大营村 桃园村 白沙村 黄土坡村 青山村"
).split()
STATUS_WORDS = ("进度", "我的工单", "进度", "查进度")


@dataclass
class Turn:
    openid: str
    text: str
    kind: str  # question | banli | name | phone | village | case | confirm | status


@dataclass
class Plan:
    turns: list[Turn]
    villagers: int
    tag: str = ""
    kinds: Counter[str] = field(default_factory=Counter)


def load_questions(path: Path = QUESTIONS) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            out.append(line.split("\t", 1)[1].strip())
    return [q for q in out if q]


@dataclass
class Vocabulary:
    """Questions split by what the matcher will do with them, and name/village
    answers the form will take (the matcher must not read them as a question)."""

    questions: list[str]
    guided: list[tuple[str, int]]  # (question answered with one item, its number of cases)
    names: list[str]
    villages: list[str]


def vocabulary(questions_path: Path = QUESTIONS) -> Vocabulary:
    from knowledge.catalog import load_catalog
    from knowledge.matcher import Matcher

    cache = ROOT / "data" / "cache"
    catalog = load_catalog(ROOT / "knowledge" / "catalog")
    with tempfile.TemporaryDirectory() as tmp:
        matcher = Matcher(catalog, cache_dir=cache if cache.is_dir() else Path(tmp))
        questions = load_questions(questions_path)
        guided = []
        for q in questions:
            d = matcher.decide(q)
            if d.intent == "guide" and d.item is not None:
                guided.append((q, len(d.item.cases)))
        rng = random.Random(5)
        names = {s + g for s in SURNAMES for g in GIVEN}
        names = sorted(
            n for n in rng.sample(sorted(names), 300) if matcher.decide(n).intent == "unknown"
        )
        villages = [v for v in VILLAGES if matcher.decide(v).intent == "unknown"]
    return Vocabulary(questions, guided, names, villages)


def scripts(
    vocab: Vocabulary, n: int, *, tag: str, rng: random.Random, known: list[str]
) -> list[list[Turn]]:
    """n villagers' conversations. 45 % register (question, 办理, form, 确认, 进度),
    40 % only ask (one or two questions, sometimes 进度), 15 % are villagers with
    tickets on file who ask 我的工单/进度."""
    out: list[list[Turn]] = []
    for i in range(n):
        r = rng.random()
        if r < 0.15 and known:
            openid = rng.choice(known)
            out.append([Turn(openid, rng.choice(STATUS_WORDS), "status")])
            continue
        openid = f"oBench{tag}{i:08d}{secrets.token_hex(4)}"[:28]
        if r < 0.60:
            q, cases = rng.choice(vocab.guided)
            turns = [
                Turn(openid, q, "question"),
                Turn(openid, rng.choice(("办理", "办理", "我要办理")), "banli"),
                Turn(openid, rng.choice(vocab.names), "name"),
                Turn(
                    openid,
                    "1" + rng.choice("3578") + "".join(rng.choices("0123456789", k=9)),
                    "phone",
                ),
                Turn(openid, rng.choice(vocab.villages), "village"),
            ]
            if cases > 1:
                turns.append(Turn(openid, str(rng.randint(1, cases)), "case"))
            turns.append(Turn(openid, "确认", "confirm"))
            turns.append(Turn(openid, rng.choice(STATUS_WORDS), "status"))
        else:
            turns = [Turn(openid, rng.choice(vocab.questions), "question")]
            if rng.random() < 0.5:
                turns.append(Turn(openid, rng.choice(vocab.questions), "question"))
            if rng.random() < 0.2:
                turns.append(Turn(openid, rng.choice(STATUS_WORDS), "status"))
        out.append(turns)
    return out


def interleave(convs: list[list[Turn]], lanes: int, total: int) -> list[Turn]:
    """Round-robin over `lanes` concurrent conversations; a finished lane takes the
    next conversation. Stops after `total` turns."""
    queue = iter(convs)
    active: list[list[Turn] | None] = [next(queue, None) for _ in range(lanes)]
    pos = [0] * lanes
    out: list[Turn] = []
    while len(out) < total and any(a is not None for a in active):
        for lane in range(lanes):
            conv = active[lane]
            if conv is None:
                continue
            out.append(conv[pos[lane]])
            pos[lane] += 1
            if pos[lane] == len(conv):
                active[lane], pos[lane] = next(queue, None), 0
            if len(out) >= total:
                break
    return out


def plan(
    vocab: Vocabulary, total: int, *, tag: str, seed: int, lanes: int, known: list[str]
) -> Plan:
    rng = random.Random(seed)
    convs = scripts(vocab, total // 2 + lanes, tag=tag, rng=rng, known=known)
    turns = interleave(convs, lanes, total)
    if len(turns) < total:
        raise SystemExit(f"only {len(turns)} turns planned, {total} wanted")
    p = Plan(turns, villagers=len({t.openid for t in turns}), tag=tag)
    p.kinds.update(t.kind for t in turns)
    return p


def cdata(v: str) -> str:
    return "<![CDATA[" + v.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_xml(openid: str, content: str, created: int, msg_id: int) -> str:
    return (
        f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><FromUserName>{cdata(openid)}</FromUserName>"
        f"<CreateTime>{created}</CreateTime><MsgType>{cdata('text')}</MsgType>"
        f"<Content>{cdata(content)}</Content><MsgId>{msg_id}</MsgId></xml>"
    )


def sign(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def render(
    turns: list[Turn], *, aes: bool, msg_id_base: int, now: int | None = None
) -> list[tuple[str, str]]:
    """(path with query, body) for each turn: signed, unique MsgId and nonce, fresh timestamp."""
    crypto = MessageCrypto(TOKEN, AES_KEY, APPID) if aes else None
    ts = str(now or int(time.time()))
    out = []
    for i, turn in enumerate(turns):
        nonce = str(secrets.randbelow(10**10))
        xml = text_xml(turn.openid, turn.text, int(ts), msg_id_base + i)
        params = {
            "signature": sign(TOKEN, ts, nonce),
            "timestamp": ts,
            "nonce": nonce,
            "openid": turn.openid,
        }
        if crypto is None:
            body = xml
        else:
            enc = crypto.encrypt(xml)
            params["encrypt_type"] = "aes"
            params["msg_signature"] = crypto.signature(ts, nonce, enc)
            body = f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><Encrypt>{cdata(enc)}</Encrypt></xml>"
        out.append(("/wechat?" + urlencode(params), body))
    return out


def write(path: Path, requests: list[tuple[str, str]]) -> int:
    with path.open("w", encoding="utf-8") as fh:
        for p, body in requests:
            assert "\t" not in body and "\n" not in body
            fh.write(p + "\t" + body + "\n")
    return path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=20_000)
    ap.add_argument("--aes", action="store_true")
    ap.add_argument("--lanes", type=int, default=512)
    ap.add_argument("--tag", default="X")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    vocab = vocabulary()
    p = plan(vocab, args.count, tag=args.tag, seed=args.seed, lanes=args.lanes, known=[])
    size = write(
        args.out,
        render(p.turns, aes=args.aes, msg_id_base=7_000_000_000_000_000 + args.seed * 10**9),
    )
    print(
        json.dumps(
            {"requests": len(p.turns), "villagers": p.villagers, "kinds": p.kinds, "bytes": size}
        )
    )


if __name__ == "__main__":
    main()
