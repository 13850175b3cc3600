"""Consultation knowledge (咨询知识库): ready answers agents search and paste from; supervisors edit them.

**Search** matches every word of the query (AND) against the title, keywords and body, and Latin letters
also against the pinyin initials of the title (`tjxz` finds 体检须知…). Titles come first, then
keywords, initials, body. The knowledge base is small (tens to a few hundred articles), so a search reads
the active rows and ranks them in Python; pinyin initials are cached per title.

**Seeding.** The shipped articles (`resources/recording/knowledge.json`) are written into an empty local
cache on first use (`ensure_seeded`) as reference data, like the central baseline: with ids derived from
each article's key and no outbox rows, so several workstations seeding the same file agree on the rows.
A meta flag records it, so deactivated or deleted articles are never seeded again. The demo generator
writes the same rows (`demo.knowledge`).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hcrm_desktop import paths
from hcrm_desktop.domain.bookings import BookingError, clean_text
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.base import utcnow
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import KnowledgeArticle, Meta

SEED_FILE = ("recording", "knowledge.json")
SEED_NAMESPACE = uuid.UUID("5f0c8f3e-3b7a-4f43-9a57-6a1f0c6c1a01")
SEEDED_KEY = "knowledge_seeded"
EDITOR_ROLES = (Role.SUPERVISOR, Role.ADMIN)
CATEGORY_MAX, TITLE_MAX, BODY_MAX, KEYWORDS_MAX = 64, 200, 5000, 255
TITLE, KEYWORDS, INITIALS, BODY = 0, 1, 2, 3
_LATIN = re.compile(r"[a-z]+")


class KnowledgeError(ValueError):
    """An edit the rules refuse: `field` (category, title, body, keywords, actor, article) and `code`
    (required, too_long, emoji, not_allowed, not_found)."""

    def __init__(self, field: str, code: str) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


@dataclass(frozen=True)
class Article:
    id: str
    category: str
    title: str
    body: str
    keywords: str
    active: bool
    updated_at: datetime


@dataclass(frozen=True)
class SeedArticle:
    key: str
    category: str
    title: str
    body: str
    keywords: str

    @property
    def id(self) -> str:
        return str(uuid.uuid5(SEED_NAMESPACE, self.key))


def _article(row: KnowledgeArticle) -> Article:
    return Article(row.id, row.category, row.title, row.body, row.keywords or "", row.active, row.updated_at)


# --- reading ----------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def title_initials(title: str) -> str:
    """Pinyin initials of a title's Chinese characters and words (体检须知 → tjxz)."""
    return name_pinyin(title)[1] if title.strip() else ""


def _rank(article: Article, terms: list[str]) -> int | None:
    """The best field every term is found in (lower is better), or None when a term is missing."""
    title, keywords, body = article.title.lower(), article.keywords.lower(), article.body.lower()
    initials = title_initials(article.title)
    worst = TITLE
    for term in terms:
        if term in title:
            best = TITLE
        elif term in keywords:
            best = KEYWORDS
        elif _LATIN.fullmatch(term) and term in initials:
            best = INITIALS
        elif term in body:
            best = BODY
        else:
            return None
        worst = max(worst, best)
    return worst


def _load(db: Database, *, category: str | None, include_inactive: bool) -> list[Article]:
    query = select(KnowledgeArticle).where(~KnowledgeArticle.deleted)
    if not include_inactive:
        query = query.where(KnowledgeArticle.active)
    if category:
        query = query.where(KnowledgeArticle.category == category)
    with db.session() as s:
        rows = s.scalars(query.order_by(KnowledgeArticle.category, KnowledgeArticle.title)).all()
        return [_article(row) for row in rows]


def search_articles(db: Database, query: str, *, category: str | None = None, include_inactive: bool = False,
                    limit: int = 100) -> list[Article]:
    """Articles matching every word of `query` (all of them for an empty query), best first."""
    terms = query.lower().split()
    articles = _load(db, category=category, include_inactive=include_inactive)
    if not terms:
        return articles[:limit]
    ranked = [(rank, article) for article in articles if (rank := _rank(article, terms)) is not None]
    ranked.sort(key=lambda pair: (pair[0], pair[1].category, pair[1].title))
    return [article for _rank_value, article in ranked[:limit]]


def categories(db: Database) -> list[tuple[str, int]]:
    """Categories of the active articles with how many each holds."""
    with db.session() as s:
        rows = s.execute(select(KnowledgeArticle.category, func.count()).where(
            ~KnowledgeArticle.deleted, KnowledgeArticle.active).group_by(KnowledgeArticle.category)
            .order_by(KnowledgeArticle.category)).all()
    return [(category, int(count)) for category, count in rows]


# --- editing (supervisors and admins) ---------------------------------------------------------------


def can_edit(role: str) -> bool:
    return role in EDITOR_ROLES


def _fields(category: str, title: str, body: str, keywords: str | None) -> dict[str, Any]:
    try:
        return {
            "category": clean_text(category, field="category", limit=CATEGORY_MAX, required=True),
            "title": clean_text(title, field="title", limit=TITLE_MAX, required=True),
            "body": _body(body),
            "keywords": clean_text(keywords, field="keywords", limit=KEYWORDS_MAX),
        }
    except BookingError as error:
        raise KnowledgeError(error.field, error.code) from error


def _body(body: str) -> str:
    text = (body or "").strip()
    if not text:
        raise KnowledgeError("body", "required")
    if len(text) > BODY_MAX:
        raise KnowledgeError("body", "too_long")
    return text


def save_article(db: Database, *, actor_id: str | None, actor_role: str, article_id: str | None = None,
                 category: str, title: str, body: str, keywords: str | None = None) -> tuple[Article, Changes]:
    """Create (no `article_id`) or edit an article."""
    if not can_edit(actor_role):
        raise KnowledgeError("actor", "not_allowed")
    values = _fields(category, title, body, keywords)
    with db.write() as s:
        if article_id is None:
            row = KnowledgeArticle(**values, active=True, updated_by_id=actor_id)
            s.add(row)
        else:
            found = s.get(KnowledgeArticle, article_id)
            if found is None or found.deleted:
                raise KnowledgeError("article", "not_found")
            row = found
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_by_id = actor_id
        row.updated_at = utcnow()
        s.flush()
        article = _article(row)
    return article, Changes.of("knowledge_articles", article.id)


def set_active(db: Database, *, actor_id: str | None, actor_role: str, article_id: str,
               active: bool) -> tuple[Article, Changes]:
    """Deactivate an article (agents no longer find it) or bring it back."""
    if not can_edit(actor_role):
        raise KnowledgeError("actor", "not_allowed")
    with db.write() as s:
        row = s.get(KnowledgeArticle, article_id)
        if row is None or row.deleted:
            raise KnowledgeError("article", "not_found")
        row.active, row.updated_by_id, row.updated_at = active, actor_id, utcnow()
        s.flush()
        article = _article(row)
    return article, Changes.of("knowledge_articles", article.id)


# --- seeding ----------------------------------------------------------------------------------------


def read_seed(path: Path | None = None) -> list[SeedArticle]:
    """The shipped articles, checked: each needs a unique key, a category, a title and a body."""
    path = path or paths.resource(*SEED_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["articles"]
        articles = [SeedArticle(str(i["key"]), str(i["category"]), str(i["title"]), str(i["body"]),
                                str(i.get("keywords") or "")) for i in items]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a knowledge file ({exc})") from exc
    keys = [a.key for a in articles]
    if len(set(keys)) != len(keys) or any(not (a.category and a.title and a.body) for a in articles):
        raise ValueError(f"{path}: each article needs a unique key, a category, a title and a body")
    return articles


def ensure_seeded(db: Database, *, path: Path | None = None) -> int:
    """Write the shipped articles into a cache that never had any; return how many were written."""
    if db.meta(SEEDED_KEY) is not None:
        return 0
    with db.write(remote=True) as s:  # reference data: no outbox rows (see the module notes)
        empty = s.scalar(select(func.count()).select_from(KnowledgeArticle)) == 0
        articles = read_seed(path) if empty else []
        for a in articles:
            s.add(KnowledgeArticle(id=a.id, category=a.category, title=a.title, body=a.body, keywords=a.keywords,
                                   active=True, origin="seed"))
        s.merge(Meta(key=SEEDED_KEY, value=str(len(articles))))
    return len(articles)
