"""Rules are TOML data: the bundled file loads, organisations extend it, bad files are refused."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from postmortem_desk.coach import Coach, RuleFileError, bundled_rules_path, load_rules
from postmortem_desk.paths import resource_dir


def test_bundled_file_lives_in_resources_and_is_documented() -> None:
    path = bundled_rules_path()
    assert path == resource_dir() / "rules" / "blame_rules.toml"
    head = path.read_text(encoding="utf-8").split("\n[[rule]]", 1)[0]
    for key in ("id", "category", "message", "suggestion", "phrases", "patterns", "subject"):
        assert f"#   {key}" in head
    with path.open("rb") as handle:
        assert tomllib.load(handle)["rule"]


def test_rule_ids_are_unique_and_messages_present() -> None:
    rules = load_rules().rules
    ids = [rule.id for rule in rules]
    assert len(ids) == len(set(ids))
    assert all(rule.message.strip() and rule.suggestion.strip() for rule in rules)


def test_organisation_file_adds_a_term(tmp_path: Path) -> None:
    extra = tmp_path / "acme.toml"
    extra.write_text(
        """
[[rule]]
id = "acme-yolo"
category = "judgmental"
phrases = ["yolo deploy"]
message = "Calling it a yolo deploy judges the person, not the pipeline."
suggestion = "Describe which checks the deploy skipped and why they were skippable."

[lexicon]
person_nouns = ["wrangler"]
""",
        encoding="utf-8",
    )
    text = "That was a YOLO deploy."
    assert Coach().check(text) == []
    coach = Coach(load_rules([extra]))
    (finding,) = coach.check(text)
    assert (finding.rule_id, finding.category, finding.matched) == (
        "acme-yolo",
        "judgmental",
        "YOLO deploy",
    )
    # The extra lexicon word makes a new role noun a person subject.
    assert coach.check("The wrangler failed to rotate the keys.")


def test_organisation_file_can_switch_off_and_reword_a_rule(tmp_path: Path) -> None:
    extra = tmp_path / "team.toml"
    extra.write_text(
        """
[[rule]]
id = "exclamation-run"
enabled = false

[[rule]]
id = "human-error-label"
suggestion = "Ask which guard was missing."
""",
        encoding="utf-8",
    )
    coach = Coach(load_rules([extra]))
    assert coach.check("Down again!!!") == []
    (finding,) = coach.check("Root cause: human error.")
    assert finding.suggestion == "Ask which guard was missing."


HEAD = '[[rule]]\nid = "x"\ncategory = "animated"\nmessage = "m"\n'


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        (HEAD.replace("animated", "rude") + 'phrases = ["a b"]\nsuggestion = "s"', "category"),
        (HEAD + 'suggestion = "s"', "phrase"),
        (HEAD + 'patterns = ["(oops"]\nsuggestion = "s"', "bad pattern"),
        (HEAD + 'phrases = ["a"]', "suggestion"),
        (HEAD + 'phrases = ["a"]\nsuggestion = "s"\nfilters = ["vibes"]', "filters"),
        ("not toml at all [", "not valid TOML"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, body: str, complaint: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError, match=complaint):
        load_rules([extra])


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="cannot read"):
        load_rules([tmp_path / "nope.toml"])
