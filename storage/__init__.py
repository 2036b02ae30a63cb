"""Persistence: models, the engine, and repositories (the only code that writes SQL)."""
