"""Tools for editors: scaffolds, check's output formats, the schema export."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

from conftest import PATHWAY, ROOT, run_build

P = "content/pathways/therapeutic-services.md"


def test_new_pathway_passes_check_at_once_and_warns_until_written(make_project):
    root = make_project()
    created = run_build("new", "pathway", "Veterinary Care: Small Animals", "--cluster", "health-science", cwd=root)
    assert created.returncode == 0, created.stderr
    path = root / "content/pathways/veterinary-care-small-animals.md"
    text = path.read_text()
    assert 'title: "Veterinary Care: Small Animals"' in text
    for field in ("title", "cluster", "summary", "interests", "related", "steps", "education", "experience",
                  "credentials", "skills"):
        assert re.search(rf"^\s*#? ?{field}\b", text, re.M), field
    check = run_build("check", cwd=root)
    assert check.returncode == 0, check.stderr
    assert "content/pathways/veterinary-care-small-animals.md:7: warning: 'summary' still holds placeholder text " \
           "from the new-file template: write your own" in check.stderr
    assert run_build("check", "--strict", cwd=root).returncode == 1
    assert run_build("build", cwd=root).returncode == 0


def test_new_cluster_and_page_pass_check(make_project):
    root = make_project()
    assert run_build("new", "cluster", "Energy & Utilities", cwd=root).returncode == 0
    assert run_build("new", "page", "Glossary", cwd=root).returncode == 0
    assert (root / "content/clusters/energy-utilities.md").read_text().startswith("---\n")
    assert (root / "content/pages/glossary.md").exists()
    check = run_build("check", cwd=root)
    assert check.returncode == 0 and "error" not in check.stderr, check.stderr


def test_new_refuses_to_overwrite(make_project):
    root = make_project()
    before = (root / P).read_text()
    result = run_build("new", "pathway", "Therapeutic Services", "--cluster", "health-science", cwd=root)
    assert result.returncode == 2
    assert "content/pathways/therapeutic-services.md already exists" in result.stderr
    assert (root / P).read_text() == before


def test_new_suggests_a_cluster_from_one_misspelled_word_of_its_name(make_project):
    root = make_project({})
    result = run_build("new", "pathway", "Dental Care", "--cluster", "helth", cwd=root)
    assert result.returncode == 2
    assert result.stderr.strip() == "new: unknown cluster 'helth' (did you mean 'health-science'?)"


def test_new_rejects_an_unknown_cluster_with_a_suggestion(make_project):
    root = make_project()
    result = run_build("new", "pathway", "Dental Care", "--cluster", "helth-science", cwd=root)
    assert result.returncode == 2
    assert result.stderr.strip() == "new: unknown cluster 'helth-science' (did you mean 'health-science'?)"
    assert not (root / "content/pathways/dental-care.md").exists()


def broken(make_project) -> Path:
    return make_project({P: PATHWAY.replace("cluster: health-science", "cluster: helth-science")
                                .replace("education: Bachelor's degree in nursing", "education: High school diploma")})


def test_check_text_format(make_project):
    result = run_build("check", cwd=broken(make_project))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{P}:3: unknown cluster 'helth-science' (did you mean 'health-science'?)",
        f"{P}:21: warning: the education of step 3 of ladder 'Nursing' names a high school diploma, but Registered "
        "Nurses (29-1141.00) "
        "typically needs a bachelor's degree to enter: change the education or the occupation; if both are true, name both, such as \"High school diploma; many have a bachelor's degree\"",
        "check failed: 1 error in 1 file (and 1 warning)",
    ]


def test_check_github_format_annotates_lines(make_project):
    result = run_build("check", "--format", "github", cwd=broken(make_project))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={P},line=3::unknown cluster 'helth-science' (did you mean 'health-science'?)",
        f"::warning file={P},line=21::the education of step 3 of ladder 'Nursing' names a high school diploma, "
        "but Registered Nurses "
        "(29-1141.00) typically needs a bachelor's degree to enter: change the education or the occupation; if both are true, name both, such as \"High school diploma; many have a bachelor's degree\"",
    ]


def test_check_json_format(make_project):
    result = run_build("check", "--format", "json", cwd=broken(make_project))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 1 and report["warnings"] == 1
    assert report["problems"][0] == {"path": P, "line": 3, "severity": "error",
                                     "message": "unknown cluster 'helth-science' (did you mean 'health-science'?)"}


def test_check_json_format_when_clean(make_project):
    result = run_build("check", "--format", "json", cwd=make_project())
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"errors": 0, "problems": [], "warnings": 0}


def test_schema_describes_the_real_content():
    result = run_build("schema")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert set(document["$defs"]) == {"cluster", "pathway", "page", "occupation", "modern-cluster", "sub-cluster"}
    pathway = document["$defs"]["pathway"]
    assert pathway["required"] == ["title", "cluster", "summary", "ladders"]
    assert pathway["additionalProperties"] is False
    ladder = pathway["properties"]["ladders"]["items"]
    assert ladder["required"] == ["title", "steps"] and ladder["properties"]["steps"]["minItems"] == 3
    step = ladder["properties"]["steps"]["items"]
    assert step["properties"]["stage"]["enum"] == ["entry", "mid", "advanced", "leadership"]
    assert step["properties"]["occupations"]["items"]["pattern"] == r"^\d{2}-\d{4}\.\d{2}$"
    # Every real file's front matter validates against the exported schema.
    from engine.load import find_content_files, load_source

    files, problems = find_content_files(ROOT / "content", ROOT)
    assert problems == []
    for path in files:
        source, found = load_source(path, ROOT)
        assert found == [] and source is not None
        assert_valid(source.front.data, document["$defs"][source.kind], source.path)


def assert_valid(value, schema, where):
    """A small JSON Schema check covering the keywords the export uses."""
    kind = schema["type"]
    if kind == "object":
        assert isinstance(value, dict), where
        assert set(schema["required"]) <= set(value), where
        assert set(value) <= set(schema["properties"]), where
        for key, item in value.items():
            assert_valid(item, schema["properties"][key], f"{where}:{key}")
    elif kind == "array":
        assert isinstance(value, list), where
        assert schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", 10**9), where
        for item in value:
            assert_valid(item, schema["items"], where)
    elif kind == "string":
        assert isinstance(value, str) and value, where
        if "enum" in schema:
            assert value in schema["enum"], where
        if "pattern" in schema:
            assert re.match(schema["pattern"], value), where
        assert len(value) <= schema.get("maxLength", 10**9), where
    elif kind == "integer":
        assert isinstance(value, int) and schema["minimum"] <= value <= schema["maximum"], where


def test_contributing_guide_holds_the_generated_field_reference():
    reference = run_build("schema", "--markdown").stdout.strip()
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    start, end = "<!-- field reference: generated by `python build.py schema --markdown` -->", "<!-- end of field reference -->"
    assert start in guide and end in guide
    assert guide.split(start, 1)[1].split(end, 1)[0].strip() == reference


def test_a_new_pathway_fails_strict_until_its_example_occupations_and_short_text_are_replaced(make_project):
    root = make_project()
    assert run_build("new", "pathway", "Drone Services", "--cluster", "health-science", cwd=root).returncode == 0
    path = root / "content/pathways/drone-services.md"
    path.write_text(path.read_text().replace("REPLACE with ", "").replace("REPLACE: ", ""))  # only the marked text
    check = run_build("check", "--strict", cwd=root)
    assert check.returncode == 1
    lines = check.stderr.splitlines()
    assert any("ladder 1 still holds the new-file template's example occupations (43-9199.00, 13-1199.00, "
               "11-9199.00)" in line for line in lines), lines
    assert any(re.search(r"drone-services.md:\d+: the text has \d+ words; a pathway needs at least 200", line)
               for line in lines), lines
    assert not any("REPLACE" in line or "placeholder text" in line for line in lines), lines


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_only_on_a_terminal_and_only_for_long_work():
    from engine.cli import Progress

    quick = _Terminal()
    progress = Progress(quick, delay=0.2)
    progress("reading 3 files")
    progress.close()
    assert quick.getvalue() == "", "work shorter than the delay prints nothing"

    slow = _Terminal()
    progress = Progress(slow, delay=0.05)
    progress("reading 1200 files")
    time.sleep(0.3)
    progress("rendering 79 pathways")
    progress.close()
    assert slow.getvalue() == ("\r\033[K  reading 1200 files...\r\033[K  rendering 79 pathways...\r\033[K"), \
        repr(slow.getvalue())

    log = io.StringIO()  # a CI log: not a terminal
    progress = Progress(log, delay=0.05)
    progress("reading 1200 files")
    time.sleep(0.2)
    progress.close()
    assert log.getvalue() == ""


def test_quiet_prints_only_problems(make_project):
    root = make_project()
    built = run_build("build", "--quiet", "--out", str(root / "site"), cwd=root)
    assert built.returncode == 0 and built.stderr == "" and built.stdout == "", built.stderr
    assert (root / "site/index.html").exists()
    checked = run_build("check", "--quiet", cwd=root)
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    (root / P).write_text(PATHWAY.replace("cluster: health-science", "cluster: helth"))
    failed = run_build("check", "--quiet", cwd=root)
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [f"{P}:3: unknown cluster 'helth' (did you mean 'health-science'?)",
                                          "check failed: 1 error in 1 file"]
