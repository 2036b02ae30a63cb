"""`bianmin`: a thin door onto the functions the server and scheduler use."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.config import PRODUCTION_API_BASE, ConfigError, Settings

if TYPE_CHECKING:
    from knowledge.catalog import Catalog


def _settings(demo: bool | None = None) -> Settings:
    try:
        return Settings.from_env(demo=demo)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


def _offline_settings() -> Settings:
    """Settings for commands that never talk to WeChat (ask, eval, db, staff)."""
    try:
        return Settings.from_env(demo=True)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
def cli(verbose: bool) -> None:
    """bianmin: the township service center's WeChat front door."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@cli.command()
@click.option("--host", default=None, help="Listen address (BIANMIN_HOST).")
@click.option("--port", type=int, default=None, help="Listen port (BIANMIN_PORT).")
@click.option(
    "--demo", is_flag=True, help="Demo mode: fake WeChat API, sandbox at /sim, demo staff."
)
def serve(host: str | None, port: int | None, demo: bool) -> None:
    """Webhook + console + scheduler in one process."""
    from bot.serve import run

    settings = _settings(demo=demo or None)
    changes: dict[str, object] = {}
    if host:
        changes["host"] = host
    if port:
        changes["port"] = port
    settings = dataclasses.replace(settings, **changes)
    if settings.demo and settings.wechat_api_base == PRODUCTION_API_BASE:
        # The demo never reaches the real WeChat: the fake is mounted in-process.
        settings = dataclasses.replace(
            settings, wechat_api_base=f"http://{settings.host}:{settings.port}/fake-wechat"
        )
    run(settings)


@cli.command()
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--jsonl", is_flag=True, help="One question per stdin line, one JSON object per line."
)
def ask(text: str | None, as_json: bool, jsonl: bool) -> None:
    """Answer one villager message with the catalog: no server, no state."""
    from knowledge.ask import answer
    from knowledge.matcher import Matcher

    settings = _offline_settings()
    catalog = _load_catalog(settings.kb_path)
    matcher = Matcher(catalog, cache_dir=Path("data/cache"))
    if jsonl:
        for line in sys.stdin:
            question = line.rstrip("\n")
            out = answer(matcher, catalog.center, question, base_url=settings.base_url)
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    if text is None:
        raise click.UsageError("give a question, or --jsonl to read questions from stdin")
    out = answer(matcher, catalog.center, text, base_url=settings.base_url)
    click.echo(json.dumps(out, ensure_ascii=False, indent=2) if as_json else out["reply"])


def _load_catalog(path: Path) -> Catalog:
    from knowledge.catalog import CatalogError, load_catalog

    try:
        return load_catalog(path)
    except CatalogError as exc:
        for p in exc.problems:
            click.echo(f"{p.file}:{p.line}: {p.message}", err=True)
        raise click.ClickException(f"the catalog in {path} is invalid") from exc


@cli.group()
def kb() -> None:
    """The service catalog."""


@kb.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--lint/--no-lint", default=True, help="also warn about risky vocabulary")
def kb_check(directory: Path | None, lint: bool) -> None:
    """Validate the catalog; exit 1 with `file:line: message` lines on error.
    Vocabulary warnings (a synonym that rewrites another item's name, a homophone
    that pinyin repair would confuse) are printed as `warning:` and do not fail."""
    from knowledge.catalog import check_catalog

    path = directory or _offline_settings().kb_path
    problems = check_catalog(path)
    for p in problems:
        click.echo(f"{p.file}:{p.line}: {p.message}")
    if problems:
        sys.exit(1)
    if lint:
        from knowledge.lint import lint_catalog

        warnings = lint_catalog(path)
        for w in warnings:
            click.echo(f"{w.file}:{w.line}: {w.message}")
        if warnings:
            click.echo(f"{len(warnings)} vocabulary warnings (not errors)")
    click.echo(f"{path}: ok")


@kb.command("learn")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--taught",
    is_flag=True,
    help="Also the messages staff taught on the console's questions page, read from the database.",
)
def kb_learn(files: tuple[Path, ...], taught: bool) -> None:
    """Train the classifier of labelled messages (FILES: label<TAB>question) and save it
    beside the catalog, where the matcher picks it up (needs scikit-learn). A running
    server reloads it with the catalog."""
    from knowledge.catalog import LEARNED_FILE
    from knowledge.teach import learn

    settings = _offline_settings()
    lines = asyncio.run(_taught_lines(settings)) if taught else []
    try:
        model, skipped = learn(_load_catalog(settings.kb_path), files, Path("data/cache"), lines)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    model.save(settings.kb_path / LEARNED_FILE)
    if skipped:
        click.echo(f"skipped {len(skipped)} taught lines whose item is no longer in the catalog")
    extra = f" and {len(lines) - len(skipped)} taught lines" if taught else ""
    click.echo(
        f"wrote {settings.kb_path / LEARNED_FILE}: {len(model.labels)} labels, "
        f"{len(model.vocabulary)} features, from {len(files)} files{extra}"
    )


async def _taught_lines(settings: Settings) -> list[tuple[str, str]]:
    from storage.db import make_engine, make_sessionmaker
    from storage.repositories.taught import TaughtRepository

    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            return await TaughtRepository(session).lines()
    finally:
        await engine.dispose()


@kb.command("export")
@click.argument("xlsx", type=click.Path(path_type=Path))
def kb_export(xlsx: Path) -> None:
    """Write the catalog as an Excel sheet (事项清单)."""
    from knowledge.excel import export_xlsx

    settings = _offline_settings()
    export_xlsx(_load_catalog(settings.kb_path), xlsx)
    click.echo(f"wrote {xlsx}")


@kb.command("import")
@click.argument("xlsx", type=click.Path(exists=True, path_type=Path))
@click.argument("directory", type=click.Path(path_type=Path))
def kb_import(xlsx: Path, directory: Path) -> None:
    """Write YAML files under DIRECTORY from an Excel sheet, then validate them."""
    from knowledge.excel import import_xlsx

    import_xlsx(xlsx, directory)
    click.echo(f"wrote {directory}")


@cli.command("eval")
@click.argument("file", required=False, type=click.Path(exists=True, path_type=Path))
def eval_(file: Path | None) -> None:
    """Score a labelled TSV (expected<TAB>question) and print the table."""
    from knowledge.evaluate import evaluate, format_report, load_labelled
    from knowledge.matcher import Matcher

    settings = _offline_settings()
    catalog = _load_catalog(settings.kb_path)
    rows = load_labelled(
        file or Path(__file__).resolve().parent.parent / "tests/data/questions.tsv"
    )
    click.echo(format_report(evaluate(Matcher(catalog, cache_dir=Path("data/cache")), rows)))


@cli.command()
@click.option(
    "--now", "now", default=None, help="ISO 8601 instant to run the pass as of (default: now)."
)
def tick(now: str | None) -> None:
    """One scheduler pass: due reminders, SLA warnings, escalations, push retries."""
    from bot.tick import run_once

    settings = _settings()
    report = asyncio.run(run_once(settings, now))
    click.echo(report)


@cli.group()
def staff() -> None:
    """Staff accounts."""


@staff.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["clerk", "head", "leader", "admin"]), required=True)
@click.option("--department", default=None, help="Department id from center.yaml (clerk, head).")
@click.option("--display-name", default=None)
def staff_add(name: str, role: str, department: str | None, display_name: str | None) -> None:
    """Add a staff account; the password is read from the first line of stdin."""
    from bot.staff_admin import add_staff

    password = sys.stdin.readline().rstrip("\n")
    if len(password) < 8:
        raise click.ClickException(
            "the password (first line of stdin) must have at least 8 characters"
        )
    if role in ("clerk", "head") and not department:
        raise click.ClickException(f"--department is required for role {role}")
    try:
        asyncio.run(add_staff(_offline_settings(), name, role, department, display_name, password))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added {name} ({role})")


@cli.group()
def db() -> None:
    """The database."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations to BIANMIN_DATABASE_URL."""
    from storage.db import upgrade

    url = _offline_settings().database_url
    upgrade(url)
    click.echo("database is up to date")


def main() -> None:
    cli(prog_name="bianmin")
