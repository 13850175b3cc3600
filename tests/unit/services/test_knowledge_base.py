"""Consultation knowledge: search (title, keywords, pinyin initials, body), categories, the supervisor-only
editing rule, deactivation, and seeding the shipped articles once."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hcrm_desktop.demo import catalog
from hcrm_desktop.services.knowledge import (
    KnowledgeError,
    categories,
    ensure_seeded,
    read_seed,
    save_article,
    search_articles,
    set_active,
)
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import KnowledgeArticle, Outbox


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "knowledge.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def seeded(db):
    assert ensure_seeded(db) == len(read_seed()) >= 25
    return db


def titles(articles):
    return [a.title for a in articles]


def test_seeding_happens_once_without_outbox_rows(seeded):
    assert ensure_seeded(seeded) == 0
    with seeded.session() as s:
        assert s.scalar(select(func.count()).select_from(KnowledgeArticle)) == len(read_seed())
        assert s.scalar(select(func.count()).select_from(Outbox)) == 0


def test_shipped_package_articles_match_the_demo_packages():
    bodies = {a.title: a.body for a in read_seed()}
    for _code, name, price, _sex, items in catalog.PACKAGES:
        body = bodies[f"{name}内容与价格"]
        assert f"价格{price}元" in body and all(item in body for item in items)


def test_search_by_title_keywords_initials_and_body(seeded):
    assert titles(search_articles(seeded, "空腹"))[0] == "体检前准备：空腹"  # the title first, then bodies
    assert "体检前准备：用药与停药" in titles(search_articles(seeded, "降压药"))  # a keyword
    assert titles(search_articles(seeded, "tjqzb"))[:3] and all(
        t.startswith("体检前准备") for t in titles(search_articles(seeded, "tjqzb")))  # 体检前准备 initials
    assert titles(search_articles(seeded, "异地 备案")) == ["异地医保备案"]  # every word must match
    assert search_articles(seeded, "火星旅行") == []
    assert "停车与交通" in titles(search_articles(seeded, "地铁", category="交通停车"))
    assert search_articles(seeded, "地铁", category="医保") == []


def test_categories_count_active_articles(seeded):
    counts = dict(categories(seeded))
    assert counts["体检套餐"] == len(catalog.PACKAGES) and counts["医保"] == 3


def test_only_supervisors_and_admins_edit(seeded):
    with pytest.raises(KnowledgeError) as refused:
        save_article(seeded, actor_id=None, actor_role="agent", category="x", title="x", body="x")
    assert (refused.value.field, refused.value.code) == ("actor", "not_allowed")
    article, changes = save_article(seeded, actor_id=None, actor_role="supervisor", category="门诊安排",
                                    title="春节门诊安排", body="除夕至初三仅开放急诊。", keywords="春节 过年")
    assert changes.touches("knowledge_articles")
    assert titles(search_articles(seeded, "过年")) == ["春节门诊安排"]
    edited, _ = save_article(seeded, actor_id=None, actor_role="admin", article_id=article.id, category="门诊安排",
                             title="春节门诊安排", body="除夕至初五仅开放急诊。", keywords="春节")
    assert edited.id == article.id and "初五" in edited.body
    with pytest.raises(KnowledgeError, match="not_allowed"):
        set_active(seeded, actor_id=None, actor_role="nurse", article_id=article.id, active=False)
    set_active(seeded, actor_id=None, actor_role="supervisor", article_id=article.id, active=False)
    assert search_articles(seeded, "春节") == []  # agents no longer find it
    assert titles(search_articles(seeded, "春节", include_inactive=True)) == ["春节门诊安排"]


@pytest.mark.parametrize(("fields", "field", "code"), [
    ({"title": " "}, "title", "required"),
    ({"body": ""}, "body", "required"),
    ({"title": "x" * 201}, "title", "too_long"),
    ({"category": "好😀"}, "category", "emoji"),
])
def test_edit_validation(db, fields, field, code):
    values = {"category": "服务", "title": "标题", "body": "正文", **fields}
    with pytest.raises(KnowledgeError) as refused:
        save_article(db, actor_id=None, actor_role="supervisor", **values)
    assert (refused.value.field, refused.value.code) == (field, code)
