"""The schema comes from the Alembic migrations, on SQLite (no set-up) and on PostgreSQL."""

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from accesspub.desk.db import Database, alembic_config

TABLES = {"users", "api_tokens", "releases", "versions", "version_files", "findings", "jobs", "signoffs", "events",
          "alembic_version"}


def _at_head(db: Database) -> bool:
    head = ScriptDirectory.from_config(alembic_config(db.url)).get_current_head()
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == head


def test_sqlite_schema_is_made_by_the_migrations(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite'}")
    assert TABLES <= set(inspect(db.engine).get_table_names())
    assert _at_head(db)
    again = Database(db.url)          # a second start migrates nothing and keeps the data
    assert _at_head(again)


def test_postgresql_schema_is_made_by_the_migrations(postgres_url):
    db = Database(postgres_url)
    assert db.url.startswith("postgresql+psycopg://")
    assert TABLES <= set(inspect(db.engine).get_table_names())
    assert _at_head(db)
    fks = inspect(db.engine).get_foreign_keys("releases")
    assert any(fk["referred_table"] == "versions" for fk in fks)
