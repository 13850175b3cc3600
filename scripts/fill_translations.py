"""Fill unfinished Chinese entries of the .ts file from JSON glossaries, then report what is left.

    python scripts/fill_translations.py resources/translations/hcrm_zh_CN.ts GLOSSARY.json [...]

Each glossary maps an English source string to its Chinese text (`{"Save": "保存"}`), or a
"Context|source" key to a translation used only in that context. The same English word may mean different
things on different screens ("New" case 新建, "New" review 未读): each context takes its words first from the
glossary that knows most of that context's strings (the one written with that screen), then from the rest. Run after `pyside6-lupdate` (which
marks new strings `type="unfinished"`) and before `pyside6-lrelease`; `make translations` does all three.
Exits 1 and lists the strings still untranslated, so a missing translation cannot slip through.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def load_glossaries(paths: list[Path]) -> list[dict[str, str]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


def _ranked(glossaries: list[dict[str, str]], sources: list[str]) -> list[dict[str, str]]:
    """The glossaries, the one covering most of `sources` first (ties keep the given order)."""
    return sorted(glossaries, key=lambda g: -sum(source in g for source in sources))


def fill(ts: Path, glossaries: list[dict[str, str]]) -> tuple[int, list[tuple[str, str]]]:
    """Fill what the glossaries know; return (filled, still missing as (context, source))."""
    tree = ET.parse(ts)
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        ranked = _ranked(glossaries, [m.findtext("source") or "" for m in context.iter("message")])
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            text = next((g[key] for key in (f"{name}|{source}", source) for g in ranked if g.get(key)), None)
            if not text:
                missing.append((name, source))
                continue
            if message.get("numerus") == "yes":  # %n plurals: Chinese has one form
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            del translation.attrib["type"]
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled, missing


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ts, *glossaries = (Path(arg) for arg in argv)
    filled, missing = fill(ts, load_glossaries(glossaries))
    print(f"filled {filled} translation(s) in {ts}")
    for name, source in missing:
        print(f"untranslated: {name}: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
