"""lupdate only sees literal strings: `QT_TRANSLATE_NOOP(CONTEXT, "Morning")` with a variable context is
silently left out of the .ts, and the screen shows English. Every marked string names its context literally."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "hcrm_desktop"
MARKERS = {"QT_TRANSLATE_NOOP", "translate"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def non_literal_contexts(source: str) -> list[int]:
    """Lines where a translation marker gets a literal text but a computed context."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node.func) in MARKERS and len(node.args) >= 2:
            context, text = node.args[0], node.args[1]
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if literal and not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
                lines.append(node.lineno)
    return lines


def test_the_check_catches_a_variable_context():
    assert non_literal_contexts('CONTEXT = "W"\nA = QT_TRANSLATE_NOOP(CONTEXT, "Morning")\n') == [2]
    assert non_literal_contexts('A = QT_TRANSLATE_NOOP("W", "Morning")\nb = translate("W", text)\n') == []


def test_every_translatable_string_names_its_context_literally():
    found = {str(path.relative_to(PACKAGE)): lines for path in sorted(PACKAGE.rglob("*.py"))
             if (lines := non_literal_contexts(path.read_text(encoding="utf-8")))}
    assert found == {}, "lupdate cannot see these strings; write the context as a literal"
