"""The configurable category tree of wrap-ups: the shipped file, and clear messages for broken ones."""

from __future__ import annotations

import json

import pytest

from hcrm_desktop.domain.categories import CategoryConfigError, load_categories, parse_categories
from hcrm_desktop.paths import resource


def shipped():
    return json.loads(resource("recording", "categories.json").read_text(encoding="utf-8"))


def test_the_shipped_tree_has_the_agreed_categories_with_stable_codes():
    tree = load_categories()
    assert [c.zh for c in tree.categories_for("consultation")] == ["体检套餐", "就诊流程", "费用医保", "报告解读",
                                                                   "专家出诊", "其他"]
    assert [c.zh for c in tree.categories_for("complaint")] == ["服务态度", "等候时间", "收费", "医疗质量",
                                                                "环境设施", "预约挂号", "其他"]
    assert [c.zh for c in tree.categories_for("praise")] == ["服务态度", "医疗技术", "环境", "其他"]
    assert [c.zh for c in tree.categories_for("booking")] == ["体检", "专家门诊", "改约", "取消"]
    assert tree.categories_for("other") == ()
    assert tree.label("complaint.waiting_time") == "等候时间"
    assert tree.label("complaint.waiting_time", "en") == "Waiting time"
    assert tree.label("咨询3") == "咨询3"  # older rows hold plain text
    assert tree.disposition_label("callback_needed") == "需回电"


def test_dispositions_apply_to_their_types():
    tree = load_categories()
    assert tree.has_disposition("praise", "praise_recorded")
    assert not tree.has_disposition("consultation", "praise_recorded")
    assert tree.has_disposition("complaint", "resolved")  # listed for no type: every type
    for kind in tree.kinds:
        assert tree.dispositions_for(kind.code)


def test_children_make_a_deeper_tree():
    data = shipped()
    data["types"][0]["categories"][0]["children"] = [{"code": "consultation.checkup_package.price", "zh": "价格",
                                                      "en": "Prices"}]
    tree = parse_categories(data)
    assert tree.has_category("consultation", "consultation.checkup_package.price")
    assert tree.label("consultation.checkup_package.price") == "价格"


@pytest.mark.parametrize(("breakage", "message"), [
    (lambda d: d.pop("types"), "file: 'types' must be a list"),
    (lambda d: d["types"][1]["categories"].append({"code": "complaint.charges", "zh": "收费", "en": "x"}),
     "types[1].categories[7]: duplicate code 'complaint.charges'"),
    (lambda d: d["types"][0]["categories"][2].pop("zh"), "types[0].categories[2]: 'zh' must be a non-empty string"),
    (lambda d: d["types"][2].update(code="gossip"), "types[2]: unknown interaction type 'gossip'"),
    (lambda d: d["dispositions"][0].update(types=["nope"]), "dispositions[0]: 'types' names unknown types ['nope']"),
    (lambda d: d["dispositions"].append({"code": "resolved", "zh": "a", "en": "b"}),
     "dispositions[9]: duplicate disposition 'resolved'"),
    (lambda d: d["types"][0]["categories"].__setitem__(0, "体检套餐"), "types[0].categories[0]: must be an object"),
    (lambda d: d.update(dispositions=[{"code": "x", "zh": "x", "en": "x", "types": ["praise"]}]),
     "dispositions: none applies to type 'consultation'"),
])
def test_a_broken_file_names_the_problem(breakage, message):
    data = shipped()
    breakage(data)
    with pytest.raises(CategoryConfigError) as caught:
        parse_categories(data)
    assert str(caught.value) == message


def test_a_file_that_is_not_json_names_the_file_and_line(tmp_path):
    path = tmp_path / "categories.json"
    path.write_text('{"types": [\n  oops]}', encoding="utf-8")
    with pytest.raises(CategoryConfigError, match=r"categories.json: not valid JSON \(line 2"):
        load_categories(path)
    with pytest.raises(CategoryConfigError, match="cannot be read"):
        load_categories(tmp_path / "missing.json")
