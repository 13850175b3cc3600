"""Questionnaires: the shipped templates, skip logic, answers out of range, satisfaction score, red flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcrm_desktop.domain.questionnaire import (
    AnswerError,
    QuestionnaireError,
    load_questionnaires,
    parse_questionnaire,
)
from hcrm_desktop.services.followup_catalog import questionnaires_folder

TEMPLATES = {q.code: q for q in load_questionnaires(questionnaires_folder())}


def test_the_shipped_templates_cover_satisfaction_and_symptom_checks() -> None:
    assert set(TEMPLATES) == {"satisfaction", "post_discharge", "post_surgery", "diabetes", "hypertension"}
    types = {q.type for t in TEMPLATES.values() for q in t.questions}
    assert types == {"choice", "scale", "yes_no", "number", "text"}
    assert any(q.show_if for t in TEMPLATES.values() for q in t.questions)
    fever = TEMPLATES["post_surgery"].question("fever")
    assert fever.text == "发热超过38.5℃？" and fever.red_flag_values == (True,)


def test_skip_logic_shows_a_question_only_after_the_answer_it_depends_on() -> None:
    q = TEMPLATES["post_discharge"]
    ids = [x.id for x in q.visible_questions({"fever": False, "medication": True})]
    assert "temperature" not in ids and "missed_reason" not in ids
    ids = [x.id for x in q.visible_questions({"fever": True, "medication": False})]
    assert ids.index("temperature") == ids.index("fever") + 1 and "missed_reason" in ids
    # an answer to a hidden question is dropped, not kept
    answers = {"recovery": "良好", "fever": False, "temperature": 39.0, "breathless": False, "medication": True,
               "revisit": True}  # fmt: skip
    assert "temperature" not in q.validate_answers(answers)


def test_skip_logic_with_in_and_chains() -> None:
    q = TEMPLATES["satisfaction"]
    assert "unhappy_with" not in [x.id for x in q.visible_questions({"overall": 4})]
    assert "unhappy_with" in [x.id for x in q.visible_questions({"overall": 2})]


def test_an_answer_out_of_range_names_its_question() -> None:
    q = TEMPLATES["hypertension"]
    good = {"adherence": True, "systolic": 150, "diastolic": 95, "chest_pain": False, "salt": "坚持"}
    assert q.validate_answers(good)["systolic"] == 150
    for question, value, code in (("systolic", 300, "out_of_range"), ("diastolic", 10, "out_of_range"),
                                  ("systolic", "高", "not_a_number"), ("salt", "偶尔", "not_an_option"),
                                  ("adherence", "yes", "not_yes_no"), ("chest_pain", None, "required")):  # fmt: skip
        with pytest.raises(AnswerError) as caught:
            q.validate_answers({**good, question: value})
        assert (caught.value.question_id, caught.value.code) == (question, code)
    with pytest.raises(AnswerError) as caught:
        TEMPLATES["satisfaction"].validate_answers({"overall": 6})
    assert (caught.value.question_id, caught.value.code) == ("overall", "out_of_range")
    with pytest.raises(AnswerError) as caught:
        q.validate_answers({**good, "made_up": 1})
    assert caught.value.code == "unknown"


def test_satisfaction_score_is_0_to_100() -> None:
    q = TEMPLATES["satisfaction"]
    best = {"overall": 5, "doctor": 5, "nurse": 5, "wait": 5, "environment": 5, "recommend": True}
    worst = {"overall": 1, "doctor": 1, "nurse": 1, "wait": 1, "environment": 1, "recommend": False,
             "unhappy_with": "收费", "complaint": False}  # fmt: skip
    assert q.score(best) == 100.0 and q.score(worst) == 0.0
    assert q.score({"overall": 4, "doctor": 4, "nurse": 3, "wait": 2, "environment": 5, "recommend": True}) == 70.8
    assert q.score({}) is None
    assert TEMPLATES["hypertension"].score({"systolic": 150}) is None  # symptom checks are not scored


def test_red_flags_list_the_question_and_its_text() -> None:
    q = TEMPLATES["post_surgery"]
    calm = {"wound": "愈合良好", "pain": 2, "fever": False, "rehab": "按计划完成"}
    assert q.red_flags(calm) == []
    flags = q.red_flags({**calm, "fever": True, "temperature": 39.2, "wound": "红肿渗液"})
    assert [(f.question_id, f.text) for f in flags] == [("wound", "伤口情况如何？"), ("fever", "发热超过38.5℃？")]
    assert [f.question_id for f in q.red_flags({**calm, "pain": 5, "pain_relief": False})] == ["pain_relief"]
    bp = TEMPLATES["hypertension"]
    assert [f.question_id for f in bp.red_flags({"systolic": 185, "diastolic": 100})] == ["systolic"]
    assert [f.question_id for f in bp.red_flags({"systolic": 150, "diastolic": 112})] == ["diastolic"]
    sugar = TEMPLATES["diabetes"]
    assert [f.question_id for f in sugar.red_flags({"fasting_glucose": 3.1, "hypo": True})] == ["fasting_glucose",
                                                                                                  "hypo"]
    # a red-flag answer to a question hidden by skip logic does not count
    assert bp.red_flags({"chest_pain": False, "chest_pain_minutes": 30}) == []


@pytest.mark.parametrize(("change", "words"), [
    ({"type": "slider"}, "type must be one of"),
    ({"show_if": {"question": "later", "equals": 1}}, "show_if names an earlier question"),
    ({"type": "number", "min": 5, "max": 1}, "min < max"),
    ({"type": "choice"}, "options"),
    ({"red_flag_if": ["nope"], "type": "choice", "options": ["a"]}, "red_flag_if"),
])  # fmt: skip
def test_a_bad_template_names_the_question(change: dict[str, object], words: str) -> None:
    question = {"id": "q1", "type": "yes_no", "text": "问题", **change}
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire({"code": "t", "name": {"zh": "测试"}, "kind": "symptoms", "questions": [question]},
                            where="t.json")
    assert words in str(caught.value) and "question 1 (q1)" in str(caught.value)


def test_a_template_with_broken_json_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{\n  "code": "x",\n  "name": }\n', encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaires(tmp_path)
    assert "broken.json" in str(caught.value) and "line 3" in str(caught.value)
