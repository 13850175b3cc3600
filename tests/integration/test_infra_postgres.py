"""The PostgreSQL fixture gives a real server and a database of the test's own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.postgres


def test_stores_and_reads_back_chinese_text(postgres_db):
    with postgres_db.connect() as conn:
        conn.execute("CREATE TABLE complaint (id serial PRIMARY KEY, summary text NOT NULL)")
        conn.execute("INSERT INTO complaint (summary) VALUES (%s)", ("候诊时间太长，护士态度好 😊",))
        conn.commit()

    with postgres_db.connect() as conn:
        rows = conn.execute("SELECT summary FROM complaint").fetchall()
        encoding = conn.execute("SHOW server_encoding").fetchone()

    assert rows == [("候诊时间太长，护士态度好 😊",)]
    assert encoding == ("UTF8",)


def test_each_test_gets_an_empty_database(postgres_db):
    with postgres_db.connect() as conn:
        tables = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()

    assert tables == []


def test_dsn_is_a_sqlalchemy_url_on_loopback(postgres_server, postgres_db):
    import sqlalchemy

    engine = sqlalchemy.create_engine(postgres_db.dsn)
    try:
        with engine.connect() as conn:
            assert conn.scalar(sqlalchemy.text("SELECT current_database()")) == postgres_db.name
    finally:
        engine.dispose()

    assert (
        postgres_db.dsn
        == f"postgresql+psycopg://postgres@127.0.0.1:{postgres_server.port}/{postgres_db.name}"
    )
