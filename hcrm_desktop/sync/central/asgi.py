"""ASGI factory for several worker processes: `uvicorn --factory hcrm_desktop.sync.central.asgi:make_app`
with HCRM_CENTRAL_DSN set (what `hcrm-central serve --workers N` does)."""

from __future__ import annotations

import os

from fastapi import FastAPI

from hcrm_desktop.sync.central.service import create_app


def make_app() -> FastAPI:
    return create_app(os.environ["HCRM_CENTRAL_DSN"])
