"""Name pinyin for search: surnames read as surnames, given names as usual, initials."""

from __future__ import annotations

import pytest

from hcrm_desktop.domain.pinyin import name_pinyin

SURNAMES = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "盖": "ge",
    "乐": "yue", "缪": "miao", "翟": "zhai", "覃": "qin", "召": "shao", "种": "chong", "员": "yun", "秘": "bi",
    "黑": "he", "褚": "chu", "繁": "po", "折": "she", "能": "nai", "任": "ren", "沈": "shen", "葛": "ge",
    "华": "hua", "燕": "yan", "纪": "ji", "张": "zhang", "王": "wang", "吕": "lv",
}  # fmt: skip

COMPOUND_SURNAMES = {
    "尉迟": ("yuchi", "yc"), "万俟": ("moqi", "mq"), "长孙": ("zhangsun", "zs"), "单于": ("chanyu", "cy"),
    "欧阳": ("ouyang", "oy"), "司马": ("sima", "sm"), "诸葛": ("zhuge", "zg"), "上官": ("shangguan", "sg"),
    "东方": ("dongfang", "df"), "皇甫": ("huangfu", "hf"), "令狐": ("linghu", "lh"), "慕容": ("murong", "mr"),
    "司徒": ("situ", "st"), "夏侯": ("xiahou", "xh"), "公孙": ("gongsun", "gs"), "宇文": ("yuwen", "yw"),
    "端木": ("duanmu", "dm"), "闻人": ("wenren", "wr"), "澹台": ("tantai", "tt"), "轩辕": ("xuanyuan", "xy"),
}  # fmt: skip


@pytest.mark.parametrize(("surname", "reading"), SURNAMES.items())
def test_single_surname_is_read_as_a_surname(surname: str, reading: str) -> None:
    assert name_pinyin(surname + "伟") == (reading + "wei", reading[0] + "w")
    assert name_pinyin(surname + "小明") == (reading + "xiaoming", reading[0] + "xm")


@pytest.mark.parametrize(("surname", "expected"), COMPOUND_SURNAMES.items())
def test_compound_surname_is_read_as_a_surname(surname: str, expected: tuple[str, str]) -> None:
    full, initials = expected
    assert name_pinyin(surname + "明") == (full + "ming", initials + "m")


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张伟", "zhangwei", "zw"),
        ("王秀英", "wangxiuying", "wxy"),
        ("曾国藩", "zengguofan", "zgf"),
        ("单田芳", "shantianfang", "stf"),
        ("仇英", "qiuying", "qy"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("诸葛亮", "zhugeliang", "zgl"),
        ("吕布", "lvbu", "lb"),
        ("张绿", "zhanglv", "zl"),
        ("李长江", "lichangjiang", "lcj"),
        ("John Smith", "johnsmith", "js"),
        ("JOHN  SMITH", "johnsmith", "js"),
        ("Ｊｏｈｎ", "john", "j"),
        ("张Wei", "zhangwei", "zw"),
        ("阿依古丽·买买提", "ayigulimaimaiti", "ayglmmt"),
        ("  李 小龙 ", "lixiaolong", "lxl"),
        ("王小明2", "wangxiaoming2", "wxm2"),
        ("", "", ""),
    ],
)
def test_name_pinyin(name: str, full: str, initials: str) -> None:
    assert name_pinyin(name) == (full, initials)


def test_results_are_stable_across_cache_hits() -> None:
    first = name_pinyin("覃海燕")
    assert name_pinyin("覃海燕") == first == ("qinhaiyan", "qhy")
