"""Pinyin of personal names, for search by ``zhangwei`` or ``zw``.

Surnames are read as surnames (曾 zeng, 单 shan, 尉迟 yuchi...), not with the character's common reading;
given-name characters use pypinyin's usual reading, without tones, with ``v`` for ``ü``. Letters and
digits of non-Chinese names are kept, lower-cased. Results are cached per character and per name, and
pypinyin (about 0.5 s and 70 MB to load) is imported on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Han ideographs (basic, extension A, compatibility, extensions B-G) and 〇; other letters and digits.
_HANZI_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HANZI = re.compile(f"[{_HANZI_CLASS}]")
_PLAIN_HAN_NAME = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]{2,4}")  # the common case: no NFKC, no splitting
_SEGMENT = re.compile(f"[{_HANZI_CLASS}]+|[^\\W_{_HANZI_CLASS}]+")

# Characters whose reading as a surname differs from their usual reading, or that are easily misread.
SINGLE_SURNAMES: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
    "盖": "ge", "乐": "yue", "缪": "miao", "翟": "zhai", "覃": "qin", "召": "shao", "种": "chong",
    "员": "yun", "秘": "bi", "黑": "he", "褚": "chu", "繁": "po", "折": "she", "能": "nai", "任": "ren",
    "沈": "shen", "葛": "ge", "华": "hua", "燕": "yan", "纪": "ji", "薄": "bo", "卜": "bu", "重": "chong",
    "都": "du", "隗": "wei", "洗": "xian", "冼": "xian", "阚": "kan", "句": "gou", "尉": "wei",
    "柏": "bai", "宿": "su", "那": "na", "莘": "shen", "谌": "chen", "贲": "ben", "芮": "rui",
}  # fmt: skip

COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"), "上官": ("shang", "guan"),
    "东方": ("dong", "fang"), "皇甫": ("huang", "fu"), "令狐": ("ling", "hu"), "慕容": ("mu", "rong"),
    "司徒": ("si", "tu"), "夏侯": ("xia", "hou"), "公孙": ("gong", "sun"), "宇文": ("yu", "wen"),
    "端木": ("duan", "mu"), "闻人": ("wen", "ren"), "澹台": ("tan", "tai"), "轩辕": ("xuan", "yuan"),
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"), "单于": ("chan", "yu"),
    "呼延": ("hu", "yan"), "申屠": ("shen", "tu"), "南宫": ("nan", "gong"), "西门": ("xi", "men"),
    "拓跋": ("tuo", "ba"), "钟离": ("zhong", "li"), "宗政": ("zong", "zheng"), "濮阳": ("pu", "yang"),
    "淳于": ("chun", "yu"), "赫连": ("he", "lian"), "百里": ("bai", "li"), "东郭": ("dong", "guo"),
    "公冶": ("gong", "ye"), "太叔": ("tai", "shu"), "乐正": ("yue", "zheng"), "司空": ("si", "kong"),
    "亓官": ("qi", "guan"), "司寇": ("si", "kou"), "仲孙": ("zhong", "sun"), "左丘": ("zuo", "qiu"),
}  # fmt: skip


@lru_cache(maxsize=32_768)
def name_pinyin(name: str) -> tuple[str, str]:
    """``("zhangwei", "zw")`` for 张伟: full pinyin and initials, lower case, no tones or spaces."""
    if _PLAIN_HAN_NAME.fullmatch(name) is not None and name[:2] not in COMPOUND_SURNAMES:
        surname = SINGLE_SURNAMES.get(name[0]) or _char_reading(name[0])[0]
        syllables = [surname, *_hanzi_syllables(name[1:])] if surname else [*_hanzi_syllables(name[1:])]
    else:
        syllables = _syllables(unicodedata.normalize("NFKC", name).strip())
    return "".join(syllables), "".join([syllable[0] for syllable in syllables])


def _syllables(name: str) -> list[str]:
    """The surname read on its own (from the tables when listed), then the rest of the name."""
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound is not None:
        return [*compound, *_words(name[2:])]
    if _HANZI.match(name) is None:
        return _words(name)
    surname = SINGLE_SURNAMES.get(name[0]) or _char_reading(name[0])[0]
    return [surname, *_words(name[1:])] if surname else _words(name[1:])


def _words(text: str) -> list[str]:
    """One syllable per Chinese character, one word per run of other letters and digits."""
    words: list[str] = []
    for segment in _SEGMENT.findall(text):
        if _HANZI.match(segment) is None:
            words.append(segment.lower())
        else:
            words.extend(_hanzi_syllables(segment))
    return words


@lru_cache(maxsize=32_768)
def _hanzi_syllables(chars: str) -> tuple[str, ...]:
    """Per-character readings; a run with a character of several readings is read as a phrase (长江)."""
    readings = [_char_reading(char) for char in chars]
    if len(chars) > 1 and any(ambiguous for _, ambiguous in readings):
        from pypinyin import Style, lazy_pinyin  # heavy: loaded on first use

        return tuple(lazy_pinyin(chars, style=Style.NORMAL, errors="ignore"))
    return tuple(reading for reading, _ in readings if reading)


@lru_cache(maxsize=65_536)
def _char_reading(char: str) -> tuple[str, bool]:
    """Usual toneless reading of one character (``v`` for ``ü``), and whether it has others."""
    from pypinyin import Style, pinyin  # heavy: loaded on first use

    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    if not readings:
        return "", False
    return readings[0][0], len(readings[0]) > 1
