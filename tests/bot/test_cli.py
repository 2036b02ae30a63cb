"""The CLI is a thin door onto the same functions (EXAMPLES.md §11)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("BIANMIN_DATABASE_URL", db_url)
    monkeypatch.setenv("BIANMIN_WECHAT_TOKEN", "t")
    return {"BIANMIN_DATABASE_URL": db_url}


def test_ask_json_has_the_documented_shape() -> None:
    result = CliRunner().invoke(cli, ["ask", "当过兵的能领什么证", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) >= {"question", "intent", "item", "candidates", "reply"}
    assert out["intent"] == "guide" and out["item"] == "退役军人优待证申领"


def test_ask_jsonl_keeps_order() -> None:
    questions = "低保要带啥\n明天下雨吗\n转人工\n"
    result = CliRunner().invoke(cli, ["ask", "--jsonl"], input=questions)
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [x["question"] for x in lines] == ["低保要带啥", "明天下雨吗", "转人工"]
    assert [x["intent"] for x in lines] == ["guide", "unknown", "human"]


def test_kb_check_reports_file_and_line(tmp_path: Path) -> None:
    import shutil

    bad = tmp_path / "catalog"
    shutil.copytree(ROOT / "knowledge" / "catalog", bad)
    item = bad / "items" / "dibao.yaml"
    item.write_text(
        item.read_text(encoding="utf-8").replace("department: minzheng", "department: nowhere"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["kb", "check", str(bad)])
    assert result.exit_code == 1
    assert "dibao.yaml:4:" in result.output and "nowhere" in result.output
    ok = CliRunner().invoke(cli, ["kb", "check"])
    assert ok.exit_code == 0, ok.output


def test_kb_check_warns_about_vocabulary_without_failing(tmp_path: Path) -> None:
    import shutil

    risky = tmp_path / "catalog"
    shutil.copytree(ROOT / "knowledge" / "catalog", risky)
    lexicon = risky / "lexicon.yaml"
    text = lexicon.read_text(encoding="utf-8")
    # A careless synonym: every item word with 补办 in it would read as 低保.
    lexicon.write_text(text.replace("synonyms:\n", "synonyms:\n  补办: 低保\n", 1), "utf-8")
    result = CliRunner().invoke(cli, ["kb", "check", str(risky)])
    assert result.exit_code == 0, result.output
    assert "warning: synonym 补办 -> 低保 rewrites the alias '残疾证补办'" in result.output
    assert "vocabulary warnings (not errors)" in result.output
    quiet = CliRunner().invoke(cli, ["kb", "check", "--no-lint", str(risky)])
    assert quiet.exit_code == 0 and "warning:" not in quiet.output


def test_staff_add_reads_the_password_from_stdin(env: dict[str, str]) -> None:
    runner = CliRunner()
    short = runner.invoke(cli, ["staff", "add", "wang", "--role", "admin"], input="short\n")
    assert short.exit_code != 0 and "8 characters" in short.output
    ok = runner.invoke(cli, ["staff", "add", "wang", "--role", "admin"], input="a-long-password\n")
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(
        cli, ["staff", "add", "wang", "--role", "admin"], input="a-long-password\n"
    )
    assert again.exit_code != 0 and "already exists" in again.output
    no_dep = runner.invoke(
        cli, ["staff", "add", "li", "--role", "clerk"], input="a-long-password\n"
    )
    assert no_dep.exit_code != 0 and "--department" in no_dep.output


def test_tick_now_runs_one_pass(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["tick", "--now", "2026-12-01T09:00:00+08:00"])
    assert result.exit_code == 0, result.output
    assert (
        "tick at 2026-12-01T09:00:00+08:00" in result.output and "pushes: sent 0" in result.output
    )


def test_bad_configuration_names_the_variable(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIANMIN_SCHEDULER_INTERVAL", "soon")
    result = CliRunner().invoke(cli, ["tick"])
    assert result.exit_code != 0 and "BIANMIN_SCHEDULER_INTERVAL" in result.output


def test_python_dash_m_bot_is_the_same_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bot", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 0 and "kb" in out.stdout and "tick" in out.stdout


def test_kb_learn_taught_adds_the_consoles_lines(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines staff taught in the console (问题学习) are trained on with the files; one whose
    item has since left the catalog is skipped and said so, not fatal."""
    import asyncio
    import datetime as dt
    import shutil

    from knowledge.catalog import LEARNED_FILE
    from knowledge.learned import PhraseModel
    from knowledge.teach import TAUGHT_SOURCE
    from storage.db import make_engine, make_sessionmaker
    from storage.models import InboundMessage, Staff, TaughtQuestion

    catalog = tmp_path / "catalog"
    shutil.copytree(ROOT / "knowledge" / "catalog", catalog, ignore=shutil.ignore_patterns("*.npz"))
    monkeypatch.setenv("BIANMIN_KB_DIR", str(catalog))
    labelled = tmp_path / "few.tsv"
    labelled.write_text(
        "最低生活保障申请\t低保怎么申请\n最低生活保障申请\t低保要带什么\n"
        "unknown\t明天下雨吗\nunknown\t今天天气怎么样\n",
        encoding="utf-8",
    )
    taught = [
        ("临时救助申请", "家里着火了房子烧了咋办"),
        ("临时救助申请", "家里着火了东西都烧了"),
        ("早已撤销的事项", "这个事项没有了"),
    ]

    async def store() -> None:
        now = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
        engine = make_engine(env["BIANMIN_DATABASE_URL"])
        async with make_sessionmaker(engine)() as session, session.begin():
            staff = Staff(username="a", display_name="a", role="admin", password_hash="x")
            staff.created_at = now
            session.add(staff)
            for n, (label, text) in enumerate(taught):
                msg = InboundMessage(
                    dedup_key=f"k{n}", openid="o", msg_type="text", text=text, intent="unknown",
                    wechat_time=now, received_at=now,
                )  # fmt: skip
                session.add(msg)
                await session.flush()
                session.add(
                    TaughtQuestion(
                        message_id=msg.id, text=text, label=label, staff_id=staff.id, taught_at=now
                    )
                )
        await engine.dispose()

    asyncio.run(store())
    result = CliRunner().invoke(cli, ["kb", "learn", "--taught", str(labelled)])
    assert result.exit_code == 0, result.output
    assert "skipped 1 taught lines" in result.output and "and 2 taught lines" in result.output
    model = PhraseModel.load(catalog / LEARNED_FILE)
    assert [name for name, _ in model.sources] == ["few.tsv", TAUGHT_SOURCE]
    assert "临时救助申请" in model.labels and "早已撤销的事项" not in model.labels
