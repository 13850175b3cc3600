"""Questionnaires (问卷): templates the nurse reads on a follow-up call, the answers' checks, score and red flags.

A template is JSON: `{"code", "name": {"zh", "en"}, "kind": "satisfaction"|"symptoms", "version",
"questions": [...]}`. Each question has an `id`, a `type` and the Chinese `text` read to the patient
(`text_en` optional):
- `choice`: `options` (texts); `red_flag_if`: options that raise a red flag;
- `scale`: `min`..`max` (default 1..5), `labels` optional; counts in the satisfaction score;
- `yes_no`: `red_flag_if` true or false (e.g. "发热超过38.5℃?" yes -> red flag); `scored` counts yes as 100;
- `number`: `min`, `max`, `unit`; `red_flag_below` / `red_flag_above` (e.g. systolic blood pressure >= 180);
- `text`: free text, `max_length` (default 500).
`required` (default true) applies while the question is shown. Skip logic: `"show_if": {"question": "A",
"equals": x}` or `{"question": "A", "in": [x, y]}` shows the question only when A's answer matches.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPES = ("choice", "scale", "yes_no", "number", "text")
QUESTION_ID = re.compile(r"[a-z][a-z0-9_]{0,31}")


class QuestionnaireError(ValueError):
    """A template that cannot be used; `where` names the file and question."""

    def __init__(self, message: str, *, where: str = "") -> None:
        self.message, self.where = message, where
        super().__init__(f"{where}: {message}" if where else message)


class AnswerError(ValueError):
    """An answer that does not fit its question; `question_id` and `code` for the UI to show next to it."""

    def __init__(self, question_id: str, code: str) -> None:
        super().__init__(f"{question_id}: {code}")
        self.question_id, self.code = question_id, code


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: str
    text_en: str = ""
    options: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    labels: tuple[str, ...] = ()
    required: bool = True
    scored: bool = False
    show_if: tuple[str, tuple[Any, ...]] | None = None  # (question id, answers that show this one)
    red_flag_values: tuple[Any, ...] = ()  # choice options or a yes/no answer that raise a red flag
    red_flag_below: float | None = None
    red_flag_above: float | None = None
    max_length: int = 500


@dataclass(frozen=True)
class RedFlag:
    question_id: str
    text: str
    answer: Any


@dataclass(frozen=True)
class Questionnaire:
    code: str
    name: str
    name_en: str
    kind: str
    questions: tuple[Question, ...]
    definition: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def visible_questions(self, answers: dict[str, Any]) -> list[Question]:
        """The questions to ask given the answers so far (skip logic follows the order of the template)."""
        shown: list[Question] = []
        visible: set[str] = set()
        for q in self.questions:
            if q.show_if is None or (q.show_if[0] in visible and answers.get(q.show_if[0]) in q.show_if[1]):
                shown.append(q)
                visible.add(q.id)
        return shown

    def validate_answers(self, answers: dict[str, Any]) -> dict[str, Any]:
        """The answers of the visible questions, checked; raises `AnswerError(question_id, code)` with code
        `required`, `not_an_option`, `not_yes_no`, `not_a_number`, `out_of_range`, `too_long` or `unknown`."""
        known = {q.id for q in self.questions}
        for key in answers:
            if key not in known:
                raise AnswerError(key, "unknown")
        clean: dict[str, Any] = {}
        for q in self.visible_questions(answers):
            value = answers.get(q.id)
            if value is None or value == "":
                if q.required:
                    raise AnswerError(q.id, "required")
                continue
            clean[q.id] = _checked(q, value)
        return clean

    def score(self, answers: dict[str, Any]) -> float | None:
        """Satisfaction 0-100: the mean of the answered scored questions (a scale's min is 0, its max 100;
        a scored yes/no: yes 100, no 0), rounded to 0.1; None when nothing scored was answered."""
        parts: list[float] = []
        for q in self.visible_questions(answers):
            value = answers.get(q.id)
            if value is None or not q.scored:
                continue
            if q.type == "scale" and q.minimum is not None and q.maximum is not None:
                parts.append((float(value) - q.minimum) / (q.maximum - q.minimum) * 100)
            elif q.type == "yes_no":
                parts.append(100.0 if value is True else 0.0)
        return round(sum(parts) / len(parts), 1) if parts else None

    def red_flags(self, answers: dict[str, Any]) -> list[RedFlag]:
        """The visible answers that must reach a doctor, in the template's order."""
        flags = []
        for q in self.visible_questions(answers):
            value = answers.get(q.id)
            if value is None:
                continue
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            if (q.red_flag_values and value in q.red_flag_values and not (numeric and q.type == "yes_no")) or (
                numeric and q.red_flag_below is not None and value < q.red_flag_below) or (
                numeric and q.red_flag_above is not None and value >= q.red_flag_above):  # fmt: skip
                flags.append(RedFlag(q.id, q.text, value))
        return flags


def _checked(q: Question, value: Any) -> Any:
    if q.type == "choice":
        if value not in q.options:
            raise AnswerError(q.id, "not_an_option")
        return value
    if q.type == "yes_no":
        if not isinstance(value, bool):
            raise AnswerError(q.id, "not_yes_no")
        return value
    if q.type == "text":
        if not isinstance(value, str):
            raise AnswerError(q.id, "not_text")
        if len(value) > q.max_length:
            raise AnswerError(q.id, "too_long")
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AnswerError(q.id, "not_a_number")
    if q.type == "scale" and value != int(value):
        raise AnswerError(q.id, "not_a_number")
    if (q.minimum is not None and value < q.minimum) or (q.maximum is not None and value > q.maximum):
        raise AnswerError(q.id, "out_of_range")
    return value


# --- loading ------------------------------------------------------------------------------------------


def parse_questionnaire(data: Any, *, where: str = "") -> Questionnaire:
    """A template from its JSON value; raises `QuestionnaireError` naming the question at fault."""
    if not isinstance(data, dict):
        raise QuestionnaireError("a questionnaire is a JSON object", where=where)
    code, name = data.get("code"), data.get("name")
    if not isinstance(code, str) or not QUESTION_ID.fullmatch(code):
        raise QuestionnaireError("code: lower-case letters, digits and _", where=where)
    if not isinstance(name, dict) or not isinstance(name.get("zh"), str) or not name["zh"]:
        raise QuestionnaireError("name: {\"zh\": ..., \"en\": ...}", where=where)
    if data.get("kind") not in ("satisfaction", "symptoms"):
        raise QuestionnaireError("kind: satisfaction or symptoms", where=where)
    raw = data.get("questions")
    if not isinstance(raw, list) or not raw:
        raise QuestionnaireError("questions: a non-empty list", where=where)
    questions: list[Question] = []
    for item in raw:
        questions.append(_question(item, questions, f"{where or code}: question {len(questions) + 1}"))
    return Questionnaire(code, name["zh"], str(name.get("en") or name["zh"]), data["kind"], tuple(questions), data)


def _question(item: Any, before: list[Question], where: str) -> Question:
    if not isinstance(item, dict):
        raise QuestionnaireError("a question is an object", where=where)
    qid, qtype, text = item.get("id"), item.get("type"), item.get("text")
    if not isinstance(qid, str) or not QUESTION_ID.fullmatch(qid) or any(q.id == qid for q in before):
        raise QuestionnaireError(f"id {qid!r}: unique, lower-case letters, digits and _", where=where)
    where = f"{where} ({qid})"
    if qtype not in TYPES:
        raise QuestionnaireError(f"type must be one of {', '.join(TYPES)}", where=where)
    if not isinstance(text, str) or not text:
        raise QuestionnaireError("text is required", where=where)
    options = tuple(item.get("options", ()))
    if (qtype == "choice") != bool(options) or not all(isinstance(o, str) for o in options):
        raise QuestionnaireError("options (texts) are needed by, and only by, choice questions", where=where)
    low: Any = item.get("min", 1 if qtype == "scale" else None)
    high: Any = item.get("max", 5 if qtype == "scale" else None)
    if qtype == "number" and (not _is_number(low) or not _is_number(high) or low >= high):
        raise QuestionnaireError("number questions need min < max", where=where)
    if qtype == "scale" and (not isinstance(low, int) or not isinstance(high, int) or low >= high):
        raise QuestionnaireError("scale min and max are whole numbers, min < max", where=where)
    return Question(
        id=qid, type=qtype, text=text, text_en=str(item.get("text_en", "")), options=options,
        minimum=low if qtype in ("number", "scale") else None, maximum=high if qtype in ("number", "scale") else None,
        unit=str(item.get("unit", "")), labels=tuple(item.get("labels", ())), required=bool(item.get("required", True)),
        scored=bool(item.get("scored", qtype == "scale")), show_if=_show_if(item.get("show_if"), before, where),
        red_flag_values=_red_flag_values(qtype, item.get("red_flag_if"), options, where),
        red_flag_below=item.get("red_flag_below"), red_flag_above=item.get("red_flag_above"),
        max_length=int(item.get("max_length", 500)),
    )  # fmt: skip


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _show_if(raw: Any, before: list[Question], where: str) -> tuple[str, tuple[Any, ...]] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not any(q.id == raw.get("question") for q in before):
        raise QuestionnaireError("show_if names an earlier question: {\"question\": id, \"equals\": x}", where=where)
    if ("equals" in raw) == ("in" in raw) or ("in" in raw and not isinstance(raw["in"], list)):
        raise QuestionnaireError("show_if takes either equals or in (a list)", where=where)
    return raw["question"], tuple(raw["in"]) if "in" in raw else (raw["equals"],)


def _red_flag_values(qtype: str, raw: Any, options: tuple[str, ...], where: str) -> tuple[Any, ...]:
    if raw is None:
        return ()
    if qtype == "yes_no" and isinstance(raw, bool):
        return (raw,)
    if qtype == "choice" and isinstance(raw, list) and set(raw) <= set(options):
        return tuple(raw)
    raise QuestionnaireError("red_flag_if: true/false for yes_no, a list of options for choice", where=where)


def load_questionnaires(folder: Path) -> list[Questionnaire]:
    """Every `*.json` template in `folder`, sorted by file name; the first bad one raises."""
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise QuestionnaireError(f"JSON syntax at line {exc.lineno}: {exc.msg}", where=path.name) from None
        found.append(parse_questionnaire(data, where=path.name))
    codes = [q.code for q in found]
    if len(set(codes)) != len(codes):
        raise QuestionnaireError("two templates share a code", where=str(folder))
    return found
