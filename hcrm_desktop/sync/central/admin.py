"""Central database administration: create the schema, add users, read the service's secret."""

from __future__ import annotations

import re

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from hcrm_desktop.domain.passwords import hash_password
from hcrm_desktop.sync.central import migrations
from hcrm_desktop.sync.central.schema import ROLES

_ROLE_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,63}$")


def central_engine(dsn: str, **kwargs: object) -> Engine:
    """An engine on the central PostgreSQL (psycopg 3); a plain postgresql:// DSN is accepted too."""
    url = make_url(dsn)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return create_engine(url, **kwargs)


def init_db(dsn: str) -> str:
    """Create or upgrade the central schema; return the revision it is at."""
    engine = central_engine(dsn)
    try:
        migrations.upgrade_to_head(engine)
        return migrations.current_revision(engine) or ""
    finally:
        engine.dispose()


def create_user(engine: Engine, username: str, role: str, password: str, *, staff_user_id: str | None = None,
                db_login: bool = True) -> None:
    """Add or update a user: a scrypt hash for the HTTP service and, with `db_login`, a PostgreSQL login
    of the same name that belongs to `hcrm_<role>` and so may only EXECUTE the sync functions."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if not _ROLE_NAME.match(username):
        raise ValueError("user names are 1-63 letters, digits or _ . @ -")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sync_users (username, role, password_hash, db_role, staff_user_id) "
                "VALUES (:u, :r, :h, :db, :s) ON CONFLICT (username) DO UPDATE SET role = excluded.role, "
                "password_hash = excluded.password_hash, db_role = excluded.db_role, "
                "staff_user_id = coalesce(excluded.staff_user_id, sync_users.staff_user_id), active = true"
            ),
            {"u": username, "r": role, "h": hash_password(password), "db": username if db_login else None,
             "s": staff_user_id},
        )
        if db_login:
            _database_login(conn, username, role, password)


def _database_login(conn: object, username: str, role: str, password: str) -> None:
    ident = '"' + username.replace('"', '""') + '"'
    literal = "'" + password.replace("'", "''") + "'"
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": username}).first()  # type: ignore[attr-defined]
    verb = "ALTER" if exists else "CREATE"
    conn.exec_driver_sql(f"{verb} ROLE {ident} LOGIN INHERIT PASSWORD {literal}")  # type: ignore[attr-defined]
    for other in ROLES:
        if other != role:
            conn.exec_driver_sql(f"REVOKE hcrm_{other} FROM {ident}")  # type: ignore[attr-defined]
    conn.exec_driver_sql(f"GRANT hcrm_{role} TO {ident}")  # type: ignore[attr-defined]
    conn.exec_driver_sql(  # type: ignore[attr-defined]
        f"ALTER ROLE {ident} SET idle_in_transaction_session_timeout = '10s'"
    )
    conn.exec_driver_sql(f"ALTER ROLE {ident} SET statement_timeout = '120s'")  # type: ignore[attr-defined]


def token_secret(engine: Engine) -> bytes:
    with engine.connect() as conn:
        value = conn.execute(text("SELECT value FROM sync_secrets WHERE name = 'token_hmac'")).scalar_one()
    return bytes(value)
