"""Templates as data: the description files load and validate, a document is matched to its
template by what it prints, and a bad template file is refused naming what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support import DOCUMENT_PATH, PUTUO, write_lines

from final_accounts.document import identify, read_document
from final_accounts.errors import ExtractionError
from final_accounts.reading.text import read_text
from final_accounts.templates import TEMPLATES, TemplateError, all_templates, load_template


def test_both_templates_load():
    ids = [t.template_id for t in all_templates()]
    assert ids == ["shanghai_2024", "xinjiang_2024"]


def test_every_section_names_its_topic_and_parser():
    for template in all_templates():
        for spec in template.sections:
            if spec.level != "part" and spec.parse != "frame":
                assert spec.topic, f"{template.template_id} {spec.code} has no topic"


def test_the_same_content_has_the_same_topic_in_both_templates():
    """Xinjiang's 2.九 and Shanghai's 3.七 are both the "三公" section: the rules key on that."""
    topics = {t.template_id: {s.topic: s.code for s in t.sections} for t in all_templates()}
    assert topics["xinjiang_2024"]["three_public_expenses"] == "2.九"
    assert topics["shanghai_2024"]["three_public_expenses"] == "3.七"
    assert topics["xinjiang_2024"]["general_public_budget_items"] == "2.五(三)"
    assert topics["shanghai_2024"]["general_public_budget_items"] == "3.五(三)"


def test_documents_are_matched_by_what_they_print(tmp_path):
    # the file names say nothing: a Xinjiang text named like a Shanghai PDF stays Xinjiang
    misnamed = tmp_path / "shanghai_something.txt"
    misnamed.write_bytes(DOCUMENT_PATH.read_bytes())
    assert read_document(misnamed).template.template_id == "xinjiang_2024"
    assert read_document(PUTUO).template.template_id == "shanghai_2024"


def test_a_document_of_no_template_names_what_each_expects(tmp_path):
    path = write_lines(tmp_path / "memo.txt", ["关于召开会议的通知", "各单位：……"])
    with pytest.raises(ExtractionError) as caught:
        read_document(path)
    message = str(caught.value)
    assert "xinjiang_2024: the first line is not" in message
    assert "shanghai_2024: the cover (page 1) is not" in message


def write_template(directory: Path, data: dict) -> Path:
    path = directory / "t.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def base_template() -> dict:
    return yaml.safe_load((TEMPLATES / "xinjiang_2024.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.pop("identity"), "needs `identity`"),
        (lambda t: t["identity"].update(pattern="(?P<year>\\d{4})"), "groups ['department']"),
        (lambda t: t["identity"].update(caliber="汇总"), "caliber_rule"),
        (lambda t: t["parts"][1]["sections"][0].update(parse="poetry"), "parse must be one of"),
        (lambda t: t["narrative"]["labels"].update(guess=".*"), "unknown label measures"),
        (lambda t: t["narrative"].update(change_subject="("), "bad pattern"),
    ],
)
def test_a_bad_template_is_refused(tmp_path, change, message):
    data = base_template()
    change(data)
    with pytest.raises(TemplateError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_template(write_template(tmp_path, data))


def test_a_new_province_is_a_file(tmp_path):
    """A variant of the Xinjiang template whose title says 决算说明 instead of 决算公开说明 is one
    more file: the same document, so retitled, is read with it and no code changes."""
    data = base_template()
    data["id"] = "variant_2024"
    data["identity"]["pattern"] = data["identity"]["pattern"].replace("公开说明", "说明")
    path = write_template(tmp_path, data)
    variant = load_template(path)
    lines = DOCUMENT_PATH.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace("部门决算公开说明", "部门决算说明")
    source = read_text("variant.txt", "\n".join(lines).encode())
    with pytest.raises(ExtractionError):
        identify(source)  # the bundled templates do not read it
    document = identify(source, (*all_templates(), variant))
    assert document.template.template_id == "variant_2024"
    assert document.department_name == "乌鲁木齐市人力资源和社会保障局"
