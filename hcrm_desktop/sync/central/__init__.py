"""The central side: PostgreSQL schema and apply logic (PL/pgSQL, one truth for both transports), the
HTTP service, and the `hcrm-central` command line. See docs/sync.md."""
