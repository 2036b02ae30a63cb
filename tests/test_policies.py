"""Project rules checked by reading the source (EXAMPLES.md §5, §6, §7, §9, §10, §11)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for d in ("bot", "handlers", "knowledge", "storage") for p in (ROOT / d).rglob("*.py")]
HAN = re.compile(r"[\u4e00-\u9fff]")


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def code_of(path: Path) -> str:
    """Source without comments and docstrings, so rules apply to code only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body[0].value.value = ""
    return ast.unparse(tree)


def string_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


def test_the_clock_is_read_only_in_clock_py() -> None:
    pattern = re.compile(
        r"\b(datetime|dt)\.(datetime\.)?now\(|\btime\.time\(\)|\bdate\.today\(\)|\.utcnow\("
    )
    offenders = [rel(p) for p in SOURCES if p.name != "clock.py" and pattern.search(code_of(p))]
    assert offenders == []


def test_sql_lives_in_storage() -> None:
    pattern = re.compile(r"\b(select|insert|update|delete|text)\(|session\.execute")
    outside = [p for p in SOURCES if not rel(p).startswith("storage/")]
    offenders = [
        rel(p) for p in outside if "sqlalchemy" in code_of(p) and pattern.search(code_of(p))
    ]
    assert offenders == []


def test_only_the_wechat_client_opens_http_sessions() -> None:
    allowed = {"bot/wechat_client.py", "bot/config.py"}
    offenders = [
        rel(p)
        for p in SOURCES
        if rel(p) not in allowed
        and not rel(p).startswith("bot/fake_wechat/")  # the fake platform is WeChat itself
        and ("ClientSession(" in code_of(p) or "api.weixin.qq.com" in code_of(p))
    ]
    assert offenders == []


def test_inner_layers_do_not_import_outer_ones() -> None:
    forbidden = re.compile(r"^\s*(from|import) (aiohttp|wechatpy|sqlalchemy|bot)\b", re.M)
    offenders = [
        rel(p)
        for d in ("handlers", "knowledge")
        for p in (ROOT / d).rglob("*.py")
        if forbidden.search(p.read_text(encoding="utf-8").split("if TYPE_CHECKING:")[0])
    ]
    assert offenders == []


def test_only_the_settings_read_the_environment() -> None:
    offenders = [rel(p) for p in SOURCES if p.name != "config.py" and "os.environ" in code_of(p)]
    assert offenders == []


def test_villager_chinese_lives_in_texts_modules() -> None:
    # Data (catalog YAML) and texts.py modules hold the Chinese; code holds none.
    offenders = {
        rel(p): [s for s in string_literals(p) if HAN.search(s)][:3]
        for p in SOURCES
        if p.name != "texts.py" and any(HAN.search(s) for s in string_literals(p))
    }
    assert offenders == {}


@pytest.mark.parametrize("family", ["handlers", "knowledge", "bot/tickets", "bot/console"])
def test_every_text_is_used(family: str) -> None:
    texts = ROOT / family / "texts.py"
    if not texts.exists():
        pytest.skip(f"{family} has no texts.py yet")
    names = re.findall(r"^([A-Z][A-Z0-9_]+)\s*=", texts.read_text(encoding="utf-8"), re.M)
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    # Defined once; used at least once more (in code, or composed into another text).
    unused = [n for n in names if len(re.findall(rf"\b{n}\b", corpus)) < 2]
    assert unused == []


def test_readme_documents_every_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [var for var, _default, _help in Settings().describe() if var not in readme]
    assert missing == []


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    missing = []
    for name, command in cli.commands.items():
        sub = getattr(command, "commands", None)
        for full in [f"{name} {s}" for s in sub] if sub else [name]:
            if f"bianmin {full}" not in readme:
                missing.append(full)
    assert missing == []
    assert runner.invoke(cli, ["--help"]).exit_code == 0
