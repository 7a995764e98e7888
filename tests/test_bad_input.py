"""Every kind of bad input gets `path:line: message`, all of them in one run, and no traceback."""

from __future__ import annotations

import pytest

from conftest import CLUSTER, PATHWAY, ROOT, run_build

P = "content/pathways/therapeutic-services.md"
C = "content/clusters/health-science.md"


OCCUPATIONS = (ROOT / "data/occupations.csv").read_text(encoding="utf-8")
CHIEF_EXECUTIVES = "11-1011.00,Chief Executives,11-1011,5,EC,204350,213990,"
assert CHIEF_EXECUTIVES in OCCUPATIONS.splitlines()[1]


def pathway(**replace: str) -> str:
    text = PATHWAY
    for old, new in replace.items():
        assert old in text or old.replace("_", " ") in text, old
        text = text.replace(old, new)
    return text


CASES = {
    "malformed yaml": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: Care: for patients")},
        f"{P}:4: invalid YAML: a value contains ': '; put the whole value in quotes"),
    "unclosed quote": (
        {P: PATHWAY.replace("summary: Care for patients directly.", 'summary: "Care for patients')},
        f"{P}:4: invalid YAML: a quote or bracket opened here is not closed"),
    "tab indentation": (
        {P: PATHWAY.replace("      - stage: entry", "\t- stage: entry")},
        f"{P}:8: invalid YAML: a tab in the indentation; indent with spaces, not tabs"),
    "an image": (
        {P: PATHWAY.replace("Nurses care for patients.", "Nurses care for patients.\n\n![A nurse at work](nurse.png)")},
        f"{P}:26: images are not part of the content format (a page shows no pictures); describe in words what the picture would show"),
    "a field without its colon": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary Care for patients directly.")},
        f"{P}:4: invalid YAML: no ':' after the field's name; each field is written 'name: value'"),
    # The parser gives up on the line after these, in its own words; the message names the line to fix.
    "the first field without its colon": (
        {P: PATHWAY.replace("title: Therapeutic Services", "title Therapeutic Services")},
        f"{P}:2: invalid YAML: no ':' after the field's name; each field is written 'name: value'"),
    "the first field without its colon, then a comment": (
        {P: PATHWAY.replace("title: Therapeutic Services", "title Therapeutic Services\n# the cluster")},
        f"{P}:2: invalid YAML: no ':' after the field's name; each field is written 'name: value'"),
    "a list item's field without its colon": (
        {P: PATHWAY.replace("      - stage: entry", "      - stage entry")},
        f"{P}:8: invalid YAML: no ':' after the field's name; each field is written 'name: value'"),
    "a field indented one space too far": (
        {P: PATHWAY.replace("        title: Licensed practical nurse", "         title: Licensed practical nurse")},
        f"{P}:14: invalid YAML: this line is indented further than the field above it; start it at the same column as that field"),
    "a field indented one space too little": (
        {P: PATHWAY.replace("        title: Licensed practical nurse", "       title: Licensed practical nurse")},
        f"{P}:14: invalid YAML: this line is not lined up with the lines above it: start each field of an item at the same column, with spaces"),
    "no space after a list's dash": (
        {P: PATHWAY.replace("      - stage: mid", "      -stage: mid")},
        f"{P}:13: invalid YAML: put a space after the '-' that starts an item of a list"),
    "a list not closed": (
        {P: PATHWAY.replace("occupations: [29-2061.00]", "occupations: [29-2061.00")},
        f"{P}:15: invalid YAML: a list opened with '[' here is not closed: end it with ']' on the same line"),
    "text after a closing quote": (
        {P: PATHWAY.replace("summary: Care for patients directly.", 'summary: "Care" for patients directly.')},
        f"{P}:4: invalid YAML: text after the closing quote; put the whole value in quotes, or use the other kind of quote"),
    "no front matter": (
        {P: "Just some text.\n"},
        f"{P}:1: no front matter: the file must start with a line '---', then the fields, then another '---' line"),
    "front matter not closed": (
        {P: "---\ntitle: Therapeutic Services\n"},
        f"{P}:1: front matter is not closed: add a line '---' after the last field"),
    "empty front matter": (
        {P: "---\n---\nBody.\n"},
        f"{P}:1: front matter is empty: add the required fields between the '---' lines"),
    "front matter is a list": (
        {P: "---\n- one\n- two\n---\n"},
        f"{P}:2: front matter must be a list of 'field: value' lines"),
    "empty file": (
        {P: ""},
        f"{P}:1: file is empty: it needs front matter between two '---' lines, then the text (see CONTRIBUTING.md, or run 'python build.py new')"),
    "not utf-8": (
        {P: PATHWAY.replace("Nurses care for patients.", "Caf\xe9 nurses.").encode("latin-1")},
        f"{P}:24: file is not valid UTF-8 (byte 0xe9 at column 4): save it with UTF-8 encoding"),
    "missing field": (
        {P: PATHWAY.replace("summary: Care for patients directly.\n", "")},
        f"{P}:1: missing required field 'summary'"),
    "missing step field": (
        {P: PATHWAY.replace("        experience: None\n      - stage: mid", "      - stage: mid")},
        f"{P}:8: step 1 of ladder 'Nursing' is missing required field 'experience'"),
    "unknown field": (
        {P: PATHWAY.replace("summary:", "sumary:")},
        f"{P}:4: unknown field 'sumary' (did you mean 'summary'?)"),
    "unknown step field": (
        {P: PATHWAY.replace("        experience: None\n      - stage: mid", "        experience: None\n        salary: 40000\n      - stage: mid")},
        f"{P}:13: unknown field 'salary' in step 1 of ladder 'Nursing'"),
    "wrong type: one code for a list": (
        {P: PATHWAY.replace("occupations: [29-2061.00]", "occupations: 29-2061.00")},
        f"{P}:15: 'occupations' in step 2 of ladder 'Nursing' must be a list: write it as [29-2061.00]"),
    "wrong type: list for text": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: [a, b]")},
        f"{P}:4: 'summary' must be text, not a list"),
    "wrong type: boolean": (
        {P: PATHWAY.replace("        experience: None\n      - stage: mid", "        experience: no\n      - stage: mid")},
        f"{P}:12: 'experience' in step 1 of ladder 'Nursing' must be text, but YAML reads this value as false: put it in quotes"),
    "wrong type: number": (
        {C: CLUSTER.replace("title: Health Science", "title: 1984")},
        f"{C}:2: 'title' must be text, but YAML reads this value as a number: put it in quotes"),
    "wrong type: order": (
        {C: CLUSTER.replace("order: 1", "order: first")},
        f"{C}:4: 'order' must be a whole number, such as 1"),
    "ladders not a list": (
        {P: PATHWAY.split("ladders:")[0] + "ladders: three\n---\nBody.\n"},
        f"{P}:5: 'ladders' must be a list, each item starting with '- '"),
    "no ladders": (
        {P: PATHWAY.split("ladders:")[0] + "ladders: []\n---\nBody.\n"},
        f"{P}:5: 'ladders' is empty: give it a value"),
    "ladder without a title": (
        {P: PATHWAY.replace("  - title: Nursing\n", "  - summary: Care.\n")},
        f"{P}:6: ladder 1 is missing required field 'title'"),
    "two ladders with one title": (
        {P: PATHWAY.replace("---\nNurses", "  - title: nursing\n    steps:\n"
                            + PATHWAY.split("    steps:\n")[1].split("---")[0] + "---\nNurses")},
        f"{P}:23: two ladders are called 'nursing' (the other is at line 6): give each ladder its own title"),
    "unknown ladder field": (
        {P: PATHWAY.replace("  - title: Nursing\n", "  - title: Nursing\n    sumary: Care.\n")},
        f"{P}:7: unknown field 'sumary' in ladder 'Nursing' (did you mean 'summary'?)"),
    "too few steps": (
        {P: PATHWAY.split("      - stage: mid")[0] + "---\nBody.\n"},
        f"{P}:7: 'steps' in ladder 'Nursing' needs at least 3 items; it has 1"),
    "empty required value": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary:")},
        f"{P}:4: 'summary' is empty: give it a value"),
    "unknown stage": (
        {P: PATHWAY.replace("stage: mid", "stage: middle")},
        f"{P}:13: 'stage' in step 2 of ladder 'Nursing' is 'middle'; it must be one of: entry, mid, advanced, leadership (did you mean 'mid'?)"),
    "stage written as a job level": (
        {P: PATHWAY.replace("stage: advanced", "stage: Senior")},
        f"{P}:18: 'stage' in step 3 of ladder 'Nursing' is 'Senior'; it must be one of: entry, mid, advanced, leadership (did you mean 'advanced'?)"),
    "interest written as what people like": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: Care for patients directly.\ninterests: [helping]")},
        f"{P}:5: 'interest' is 'helping'; it must be one of: realistic, investigative, artistic, social, enterprising, conventional (did you mean 'social'?)"),
    "stages out of order": (
        {P: PATHWAY.replace("stage: mid", "stage: leadership")},
        f"{P}:18: step 3 of ladder 'Nursing' goes back to stage 'advanced' after 'leadership': order steps entry -> mid -> advanced -> leadership"),
    "unknown cluster": (
        {P: PATHWAY.replace("cluster: health-science", "cluster: helth-science")},
        f"{P}:3: unknown cluster 'helth-science' (did you mean 'health-science'?)"),
    "unknown related pathway": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: Care for patients directly.\nrelated: [therapeutic-service]")},
        f"{P}:5: unknown related pathway 'therapeutic-service' (did you mean 'therapeutic-services'?)"),
    "related to itself": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: Care for patients directly.\nrelated: [therapeutic-services]")},
        f"{P}:5: a pathway cannot be related to itself"),
    "malformed occupation code": (
        {P: PATHWAY.replace("[31-1131.00]", "[31-1131]")},
        f"{P}:10: 'occupation' '31-1131' is not valid: an O*NET-SOC code looks like '29-1141.00' (did you mean '31-1131.00', Nursing Assistants?)"),
    "occupation written as its title": (
        {P: PATHWAY.replace("[29-1141.00]", "[registered nurse]")},
        f"{P}:20: 'occupation' 'registered nurse' is not valid: an O*NET-SOC code looks like '29-1141.00' (did you mean '29-1141.00', Registered Nurses?)"),
    "occupation written as part of a title": (
        {P: PATHWAY.replace("[29-1141.00]", "[nurse midwife]")},
        f"{P}:20: 'occupation' 'nurse midwife' is not valid: an O*NET-SOC code looks like '29-1141.00' (did you mean '29-1161.00', Nurse Midwives?)"),
    "cluster misspelled as one word of its name": (
        {P: PATHWAY.replace("cluster: health-science", "cluster: helth")},
        f"{P}:3: unknown cluster 'helth' (did you mean 'health-science'?)"),
    "text with a colon read as a field": (
        {P: PATHWAY.replace("        experience: None\n      - stage: mid",
                            "        experience: None\n        credentials: [CNA: Certified Nursing Assistant]\n      - stage: mid", 1)},
        f"{P}:13: 'credential' must be text, not a set of fields: in YAML, a colon followed by a space starts a field, so put the text in quotes: \"CNA: Certified Nursing Assistant\""),
    "text in a list twice": (
        {P: PATHWAY.replace("        experience: None\n      - stage: mid",
                            "        experience: None\n        credentials: [[CNA]]\n      - stage: mid", 1)},
        f"{P}:13: 'credential' must be text, not a list: remove the square brackets around 'CNA' (or, if the text itself starts with '[', put it in quotes)"),
    "occupation not in data": (
        {P: PATHWAY.replace("[31-1131.00]", "[31-1131.09]")},
        f"{P}:10: occupation '31-1131.09' is not in data/occupations.csv (did you mean '31-1131.00', Nursing Assistants?)"),
    "duplicate occupation in a step": (
        {P: PATHWAY.replace("[31-1131.00]", "[31-1131.00, 31-1131.00]")},
        f"{P}:10: 'occupations' in step 1 of ladder 'Nursing' lists '31-1131.00' twice"),
    "too many occupations": (
        {P: PATHWAY.replace("[31-1131.00]", "[31-1131.00, 31-1122.00, 31-1121.00, 31-1132.00, 31-9092.00, 31-9097.00, 31-9091.00]")},
        f"{P}:10: 'occupations' in step 1 of ladder 'Nursing' allows at most 6 items; it has 7"),
    "duplicate key": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: Care for patients directly.\nsummary: Again.")},
        f"{P}:5: field 'summary' is given twice: keep one"),
    "duplicate title": (
        {"content/pathways/therapy.md": PATHWAY},
        f"content/pathways/therapy.md:2: duplicate pathway title 'Therapeutic Services': {P}:2 has it too; give this one its own title"),
    "invalid file name": (
        {"content/pathways/Therapy Services.md": PATHWAY.replace("Therapeutic Services", "Therapy")},
        "content/pathways/Therapy Services.md:1: invalid file name 'Therapy Services.md': use lower-case letters, digits and hyphens, e.g. 'therapy-services.md'"),
    "not a markdown file": (
        {"content/pathways/notes.txt": "notes"},
        "content/pathways/notes.txt:1: unexpected file: content files are Markdown and end in '.md'"),
    "stray folder": (
        {"content/pathway/x.md": PATHWAY},
        "content/pathway:1: unexpected folder (did you mean 'pathways'?): content goes in content/clusters/, content/pathways/, content/occupations/, content/clusters-2024/, content/sub-clusters-2024/, content/pages/"),
    "python object tag": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: !!python/object/apply:os.system ['echo pwned']")},
        f"{P}:4: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system': use plain values"),
    "custom tag": (
        {P: PATHWAY.replace("summary: Care for patients directly.", "summary: !include other.md")},
        f"{P}:4: unsupported YAML tag '!include': use plain text, numbers, lists or fields"),
    "alias bomb": (
        {P: PATHWAY.replace("summary: Care for patients directly.\n",
                            "summary: Care for patients directly.\nx: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                            "y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                            "w: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n")},
        f"{P}:5: YAML anchors and aliases ('&name', '*name') are not allowed: write the value out"),
    "merge key": (
        {P: PATHWAY.replace("summary: Care for patients directly.\n", "summary: Care for patients directly.\n<<: {title: X}\n")},
        f"{P}:5: YAML merge keys ('<<') are not allowed: write the fields out"),
    "raw html in body": (
        {P: PATHWAY.replace("Nurses care for patients.", "Nurses care.\n\n<script>alert(1)</script>")},
        f"{P}:26: raw HTML is not allowed: '<script>' would be shown as text; use Markdown instead (or put it in `backticks` to show code)"),
    "event handler html": (
        {P: PATHWAY.replace("Nurses care for patients.", 'Look: <img src=x onerror="alert(1)">')},
        f"{P}:24: raw HTML is not allowed: '<img src=x onerror=\"alert(1)\">' would be shown as text; use Markdown instead (or put it in `backticks` to show code)"),
    "javascript link": (
        {P: PATHWAY.replace("Nurses care for patients.", "[Click](javascript:alert(1))")},
        f"{P}:24: link 'javascript:alert(1' uses 'javascript:'; only http, https and mailto links are allowed"),
    "root-absolute link": (
        {P: PATHWAY.replace("Nurses care for patients.", "See [nursing](/pathways/therapeutic-services/).")},
        f"{P}:24: link '/pathways/therapeutic-services/' starts with '/', which breaks when the site is published under a sub-path; link to the content file instead, such as 'therapeutic-services.md'"),
    "root-absolute link to a page in another folder": (
        {P: PATHWAY.replace("Nurses care for patients.", "See [health](/clusters/health-science/#career-pathways).")},
        f"{P}:24: link '/clusters/health-science/#career-pathway' starts with '/', which breaks when the site is published under a sub-path; link to the content file instead, such as '../clusters/health-science.md#career-pathways'"),
    "content link without its folder": (
        {C: CLUSTER.replace("Health work happens in hospitals and clinics.", "See [nursing](therapeutic-services.md).")},
        f"{C}:6: link to 'content/clusters/therapeutic-services.md', which does not exist (did you mean '../pathways/therapeutic-services.md'?)"),
    "broken content link": (
        {P: PATHWAY.replace("Nurses care for patients.", "See [nursing](diagnostic-services.md).")},
        f"{P}:24: link to 'content/pathways/diagnostic-services.md', which does not exist (did you mean 'therapeutic-services.md'?)"),
    "level-1 heading": (
        {P: PATHWAY.replace("Nurses care for patients.", "# Overview\n\nNurses care.")},
        f"{P}:24: level-1 heading: the page title comes from 'title'; start sections with '## '"),
    "occupation data without a column": (
        {"data/occupations.csv": OCCUPATIONS.replace(",annual_median_wage,", ",median,", 1)},
        "data/occupations.csv:1: occupation data lacks columns: annual_median_wage"),
    "occupation data with a figure that is not a number": (
        {"data/occupations.csv": OCCUPATIONS.replace(CHIEF_EXECUTIVES, CHIEF_EXECUTIVES.replace("213990", "$213990"))},
        "data/occupations.csv:2: annual_median_wage is '$213990', which is not a number; leave it empty if it is not published"),
    "occupation listed twice": (
        {"data/occupations.csv": OCCUPATIONS + OCCUPATIONS.splitlines()[1] + "\n"},
        f"data/occupations.csv:{len(OCCUPATIONS.splitlines()) + 1}: occupation 11-1011.00 is listed twice"),
    "related occupations without their columns": (
        {"data/related-occupations.csv": "code,related\n11-1011.00,11-1021.00\n"},
        "data/related-occupations.csv:1: related occupations need the columns onet_soc_code, related_onet_soc_code, tier, rank"),
    "related occupations with a bad row": (
        {"data/related-occupations.csv": "onet_soc_code,related_onet_soc_code,tier,rank\n"
                                         "11-1011.00,11-1021.00,Primary-Short,1\n11-1011.00,11-2021.00,Primary,2\n"
                                         "11-1011.00,11-3021.00,Supplemental,x\n11-1011.00,11-9021.00\n"},
        "data/related-occupations.csv:3: unknown tier 'Primary': use Primary-Short, Primary-Long or Supplemental"),
    "credential rule without names to match": (
        {"data/credentials-needing-experience.yml": "- name: Professional Engineer (PE) license\n  needs: four years\n"},
        "data/credentials-needing-experience.yml:1: 'matches' must be a list of names, such as [Professional Engineer, PE license]"),
    "credential rule with an unknown field": (
        {"data/credentials-needing-experience.yml": "- name: PE license\n  match: [PE license]\n  needs: four years\n"},
        "data/credentials-needing-experience.yml:2: unknown field 'match' (did you mean 'matches'?)"),
    "credential rules that are not a list": (
        {"data/credentials-needing-experience.yml": "name: PE license\n"},
        "data/credentials-needing-experience.yml:1: the file must be a list of credentials, each starting with '- name:'"),
    "broad-group figures without a column": (
        {"data/broad-group-wages.csv": (ROOT / "data/broad-group-wages.csv").read_text().replace("group_title", "group", 1)},
        "data/broad-group-wages.csv:1: broad-group figures lack columns: group_title"),
    "state pay that is not a number": (
        {"data/state-wages.csv": "state,soc_code,employment,annual_p10_wage,annual_median_wage,annual_p90_wage,"
                                 "hourly_median_wage,location_quotient\nTexas,29-1141,1000,50000,$80000,100000,40.0,1.0\n"},
        "data/state-wages.csv:2: a figure is not a number; leave it empty if it is not published"),
    "a transferable-skill match that is not a number": (
        {"data/transferable-skills.csv": "onet_soc_code,similar_onet_soc_code,match\n29-1141.00,29-2061.00,high\n"},
        "data/transferable-skills.csv:2: match 'high' is not a whole number"),
    "a skill without an explanation": (
        {"data/skill-descriptions.yml": "skills:\n  Writing:\nknowledge: {}\n"},
        "data/skill-descriptions.yml:2: 'Writing' needs an explanation"),
    "search words with an unknown section": (
        {"data/search-words.yml": "synonyms:\n  doctor: [physician]\nfillers: [become]\n"},
        "data/search-words.yml:3: unknown section 'fillers' (did you mean 'filler'?)"),
    "a synonym without the site's words for it": (
        {"data/search-words.yml": "synonyms:\n  doctor: [physician]\n  cop:\n"},
        "data/search-words.yml:3: 'cop' must be followed by the site's words for it, such as 'cop: [physician, surgeon]'"),
    "a synonym that lists itself": (
        {"data/search-words.yml": "synonyms:\n  nurse: [nurse]\n"},
        "data/search-words.yml:2: 'nurse' lists itself; name the words the site uses instead"),
    "a synonym of several words holding a stop word": (
        {"data/search-words.yml": "synonyms:\n  doctor: [physician]\n  right for me: [interest quiz]\n"},
        "data/search-words.yml:3: 'right for me' holds 'for' and 'me', which search leaves out of a query; write the synonym without them"),
    "a synonym written twice": (
        {"data/search-words.yml": "synonyms:\n  doctor: [physician]\n  doctor: [surgeon]\n"},
        "data/search-words.yml:3: field 'doctor' is given twice: keep one"),
    "an explorer phrase of digits alone": (
        {"data/search-words.yml": "synonyms:\n  doctor: [physician]\nexplorer:\n  40000: min_pay=40000\n"},
        "data/search-words.yml:4: '40000' is read as a number, not as text: put it in quotes, as \"40000\":"),
    "a filler word with punctuation": (
        {"data/search-words.yml": "filler: [become, how-to]\n"},
        "data/search-words.yml:1: 'how-to' in 'filler' must be a word or a phrase ('work with'), without punctuation"),
    "a pay word that is a phrase": (
        {"data/search-words.yml": "pay: [earn, take home]\n"},
        "data/search-words.yml:1: 'take home' in 'pay' must be one word, without punctuation"),
    "a field word with punctuation": (
        {"data/search-words.yml": "fields: [careers, line-of-work]\n"},
        "data/search-words.yml:1: 'line-of-work' in 'fields' must be a word or a phrase ('working for'), without "
        "punctuation"),
    "a next phrase with punctuation": (
        {"data/search-words.yml": "next: [what comes after, next-step]\n"},
        "data/search-words.yml:1: 'next-step' in 'next' must be a word or a phrase ('what comes after'), without punctuation"),
    "a next section that is not a list": (
        {"data/search-words.yml": "next: what comes after\n"},
        "data/search-words.yml:1: 'next' must be a list of words, such as [what comes after, career path]"),
    "a similar phrase that is not text": (
        {"data/search-words.yml": "similar: [jobs like, {a: b}]\n"},
        "data/search-words.yml:1: '{'a': 'b'}' in 'similar' must be a word or a phrase ('jobs like'), without punctuation"),
    "a compare phrase with punctuation": (
        {"data/search-words.yml": "compare: [vs, vs.]\n"},
        "data/search-words.yml:1: 'vs.' in 'compare' must be a word or a phrase ('vs'), without punctuation"),
    "a compare section that is not a list": (
        {"data/search-words.yml": "compare: versus\n"},
        "data/search-words.yml:1: 'compare' must be a list of words, such as [vs, difference between]"),
    "a strength that is not one of O*NET's": (
        {"data/search-words.yml": "strengths:\n  Mathematics: [math]\n  Repairs: [fixing]\n"},
        "data/search-words.yml:3: 'Repairs' is not one of O*NET's skills or knowledge areas (did you mean "
        "'Repairing'?); they are listed in data/skill-descriptions.yml"),
    "strengths written as a list": (
        {"data/search-words.yml": "strengths: [math, fixing]\n"},
        "data/search-words.yml:1: 'strengths' must list lines such as 'Mathematics: [math, algebra]'"),
    "a strength without its words": (
        {"data/search-words.yml": "strengths:\n  Repairing:\n"},
        "data/search-words.yml:2: 'Repairing' must be followed by the words people use for it, without "
        "punctuation, such as 'Repairing: [fixing, repair]'"),
    "a strength's word that is filler": (
        {"data/search-words.yml": "filler: [become, helping]\nstrengths:\n  Service Orientation: [helping]\n"},
        "data/search-words.yml:3: 'helping' for 'Service Orientation' is a filler word, which is never searched for; "
        "take it out of one of them"),
    "a study word that is a phrase": (
        {"data/search-words.yml": "study: [major, college degree]\n"},
        "data/search-words.yml:1: 'college degree' in 'study' must be one word, without punctuation"),
    "a study word that is also a synonym": (
        {"data/search-words.yml": "synonyms:\n  major: [army officers]\nstudy: [major, degree]\n"},
        "data/search-words.yml:3: 'major' is both a synonym and a study word; a study word is dropped from queries, "
        "so keep it in one place"),
    "a describer that is a phrase": (
        {"data/search-words.yml": "describers: [people, young people]\n"},
        "data/search-words.yml:1: 'young people' in 'describers' must be one word, without punctuation"),
    "a describer that is also a filler word": (
        {"data/search-words.yml": "filler: [become, person]\ndescribers:\n  - people\n  - person\n"},
        "data/search-words.yml:4: 'person' is both a describer and a filler word; a filler word is always dropped, "
        "a describer only after a word it describes, so keep it in one place"),
    "a dislike phrase with an apostrophe": (
        {"data/search-words.yml": "dislike: [hate, don't like]\n"},
        "data/search-words.yml:1: 'don't like' in 'dislike' must be a word or a phrase ('hate'), without punctuation"),
    "a dislike_after phrase that is also a filler phrase": (
        {"data/search-words.yml": "filler: [become, scares me]\ndislike_after:\n  - makes me sick\n  - scares me\n"},
        "data/search-words.yml:4: 'scares me' is also a filler phrase; a dislike_after phrase drops the words before "
        "it, so keep it in one place"),
    "a goal phrase that is also a next phrase": (
        {"data/search-words.yml": "next: [what comes after, move up to]\ngoal:\n  - wants to become\n  - move up to\n"},
        "data/search-words.yml:4: 'move up to' is also a next phrase; a goal phrase asks where the job named before "
        "it can lead, so keep it in one place"),
    "a leaving phrase that is also a similar phrase": (
        {"data/search-words.yml": "similar: [jobs like, ex]\nleaving:\n  - leaving\n  - ex\n"},
        "data/search-words.yml:4: 'ex' is also a similar phrase; a leaving phrase asks for jobs like one outside its "
        "line of work, so keep it in one place"),
    "a dislike word that is also a filler word": (
        {"data/search-words.yml": "filler: [become, hate]\ndislike:\n  - dont like\n  - hate\n"},
        "data/search-words.yml:4: 'hate' is both a dislike and a filler word; a filler word is only dropped, a "
        "dislike word drops what follows too, so keep it in one place"),
    "an unknown section that is not a list of lines": (
        {"data/search-words.yml": "unknown: [work from home]\n"},
        "data/search-words.yml:1: 'unknown' must list lines such as 'work from home: working from home'"),
    "an unknown phrase with punctuation": (
        {"data/search-words.yml": "unknown:\n  work from home?: working from home\n"},
        "data/search-words.yml:2: 'work from home?' must be the words people type, without punctuation, such as "
        "'work from home: working from home'"),
    "an unknown phrase without what the data lacks": (
        {"data/search-words.yml": "unknown:\n  night shift: working from home\n  remote jobs:\n"},
        "data/search-words.yml:3: 'remote jobs' must be followed by what the data has no figures on, as the results "
        "will name it, such as 'work from home: working from home'"),
    "a filler word that is also a synonym": (
        {"data/search-words.yml": "synonyms:\n  vet: [veterinarians]\nfiller:\n  - become\n  - vet\n"},
        "data/search-words.yml:5: 'vet' is both a synonym and a filler word; a filler word is dropped from queries, so keep it in one place"),
    "an explorer phrase with an unknown filter": (
        {"data/search-words.yml": "explorer:\n  high paying: sorted=pay\n"},
        "data/search-words.yml:2: 'high paying' must be followed by one of the explorer's filters (education=, experience=, "
        "training=, min_pay=, sort=, outlook=), such as 'high paying: sort=pay' (did you mean 'sort'?)"),
    "an explorer phrase with a kind of training the filter does not take": (
        {"data/search-words.yml": "explorer:\n  apprenticeships: training=apprentice\n"},
        "data/search-words.yml:2: 'training=apprentice' is not a value of the explorer's 'training' filter (did you "
        "mean 'apprenticeship'?); it takes none, short-term, moderate-term, long-term, apprenticeship, "
        "internship-residency"),
    "an explorer phrase with a value the filter does not take": (
        {"data/search-words.yml": "explorer:\n  no degree: education=highschool\n"},
        "data/search-words.yml:2: 'education=highschool' is not a value of the explorer's 'education' filter (did "
        "you mean 'high-school'?); it takes none, high-school, postsecondary, some-college, associate, bachelor, "
        "master, doctoral"),
    "an explorer phrase with a pay that is not in whole dollars": (
        {"data/search-words.yml": "explorer:\n  six figure: min_pay=100k\n"},
        "data/search-words.yml:2: 'min_pay=100k' is not a value of the explorer's 'min_pay' filter; it takes a "
        "yearly pay in whole dollars, such as min_pay=100000"),
    "an explorer phrase with 'or less' on a filter other than education": (
        {"data/search-words.yml": "explorer:\n  good pay: sort=pay or less\n"},
        "data/search-words.yml:2: 'sort=pay or less': only the 'education' filter takes 'or less', as in "
        "'no degree: education=some-college or less'"),
    "an explorer phrase with punctuation": (
        {"data/search-words.yml": "explorer:\n  high paying!: sort=pay\n"},
        "data/search-words.yml:2: 'high paying!' must be the words people type, without punctuation, such as "
        "'high paying: sort=pay'"),
    "a 2024 framework file that is not a list of names": (
        {"data/modern-career-clusters.yml": "- Agriculture\n"},
        "data/modern-career-clusters.yml:1: the file must list each cluster's name, then its sub-clusters' names as "
        "'- name' lines"),
    "bad site.yml": (
        {"site.yml": "title: Test\nbase_urll: /x/\n"},
        "site.yml:2: unknown setting 'base_urll' (did you mean 'base_url'?)"),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_bad_input_is_reported_at_its_line(make_project, files, expected):
    root = make_project(files)
    result = run_build("check", cwd=root)
    assert result.returncode == 1, result.stderr
    assert expected in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("check failed: ")


def test_every_bad_row_of_a_data_file_is_reported(make_project):
    root = make_project({"data/related-occupations.csv": "onet_soc_code,related_onet_soc_code,tier,rank\n"
                                                         "11-1011.00,11-2021.00,Primary,2\n"
                                                         "11-1011.00,11-3021.00,Supplemental,x\n"
                                                         "11-1011.00,11-9021.00\n"})
    result = run_build("build", "--out", str(root / "site"), cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "data/related-occupations.csv:2: unknown tier 'Primary': use Primary-Short, Primary-Long or Supplemental",
        "data/related-occupations.csv:3: rank 'x' is not a whole number",
        "data/related-occupations.csv:4: expected 4 columns (onet_soc_code, related_onet_soc_code, tier, rank), found 2",
        "build failed: 3 errors in 1 file; site/ was left as it was",
    ]


BROKEN_TEMPLATES = {
    "template syntax": (
        {"templates/page.html": '{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}\n'},
        "templates/page.html:3: template error: Expected an expression, got 'end of statement block'"),
    "template naming a missing field": (
        {"templates/pathway.html": '{% extends "base.html" %}\n{% block content %}\n<h1>{{ pathway.titel }}</h1>\n'
                                   '{% endblock %}\n'},
        "templates/pathway.html:3: template error while rendering pathways/therapeutic-services/: "
        "'engine.model.Pathway object' has no attribute 'titel'"),
}


@pytest.mark.parametrize("files, expected", BROKEN_TEMPLATES.values(), ids=BROKEN_TEMPLATES.keys())
def test_a_template_mistake_is_reported_at_its_line(make_project, files, expected):
    root = make_project(files)
    (root / "site").mkdir()
    (root / "site" / ".nojekyll").write_text("")
    (root / "site" / "index.html").write_text("the last good build")
    result = run_build("build", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [expected, "build failed: 1 error in 1 file; site/ was left as it was"]
    assert (root / "site" / "index.html").read_text() == "the last good build"


def test_a_template_mistake_in_a_worker_process_is_reported_whole(make_project):
    from engine.pipeline import Builder, Project
    from engine.problems import ContentError

    root = make_project(BROKEN_TEMPLATES["template naming a missing field"][0])
    with pytest.raises(ContentError) as raised:
        Builder(Project.at(root), workers=2, parallel_min=1).write(root / "site")
    assert [str(p) for p in raised.value.problems] == [BROKEN_TEMPLATES["template naming a missing field"][1]]
    assert not (root / "site").exists()


def test_all_problems_are_reported_in_one_run(make_project):
    root = make_project({
        P: PATHWAY.replace("cluster: health-science", "cluster: helth-science").replace("[31-1131.00]", "[31-1131]"),
        C: CLUSTER.replace("summary:", "sumary:"),
    })
    result = run_build("build", "--out", str(root / "site"), cwd=root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"{C}:1: missing required field 'summary'" in lines
    assert f"{C}:3: unknown field 'sumary' (did you mean 'summary'?)" in lines
    assert f"{P}:3: unknown cluster 'helth-science' (did you mean 'health-science'?)" in lines
    assert f"{P}:10: 'occupation' '31-1131' is not valid: an O*NET-SOC code looks like '29-1141.00' (did you mean " \
           "'31-1131.00', Nursing Assistants?)" in lines
    assert lines[-1] == "build failed: 4 errors in 2 files; site/ was left as it was"


WARNINGS = {
    "entry step with job zone 5": (
        PATHWAY.replace("[31-1131.00]", "[31-1131.00, 29-1215.00]"),
        f"{P}:10: warning: step 1 of ladder 'Nursing' is entry level, but Family Medicine Physicians (29-1215.00) is Job Zone 5 (extensive preparation): move it to a later step"),
    "education far from the occupation's": (
        PATHWAY.replace("education: Bachelor's degree in nursing", "education: High school diploma"),
        f"{P}:21: warning: the education of step 3 of ladder 'Nursing' names a high school diploma, but Registered Nurses (29-1141.00) typically needs a bachelor's degree to enter: change the education or the occupation; if both are true, name both, such as \"High school diploma; many have a bachelor's degree\""),
    "education names no level": (
        PATHWAY.replace("education: Bachelor's degree in nursing", "education: Nursing school"),
        f"{P}:21: warning: the education of step 3 of ladder 'Nursing' does not name a level of schooling: start it with one, such as \"High school diploma\", \"Postsecondary certificate\", \"Associate's degree\" or \"Bachelor's degree\""),
    "job zone 1 after entry": (
        PATHWAY.replace("[29-2061.00]", "[29-2061.00, 35-9021.00]"),
        f"{P}:15: warning: step 2 of ladder 'Nursing' is at stage 'mid', but Dishwashers (35-9021.00) is Job Zone 1 (little or no preparation): move it to the entry step"),
    "a step that pays less than the one before": (
        PATHWAY.replace("[29-2061.00]", "[29-1141.00, 29-1171.00]").replace("[29-1141.00]\n        education: Bachelor's",
                                                                            "[29-2061.00]\n        education: Bachelor's"),
        f"{P}:20: warning: step 3 of ladder 'Nursing' pays less than the step before it (median $64,400 against $114,925, 44% less): a step up should not pay less; reorder the steps, choose other occupations or put them on separate ladders"),
    "steps that nothing connects": (
        PATHWAY.replace("[29-2061.00]", "[47-2111.00]"),
        f"{P}:15: warning: step 2 of ladder 'Nursing' has no occupation in the same family as step 1's, and O*NET lists none of them as related: check that people really move from one to the other, or put them on separate ladders"),
    "a licence that takes experience, with none": (
        PATHWAY.replace("education: Bachelor's degree in nursing\n        experience: None",
                        "education: Bachelor's degree in nursing\n        experience: None\n"
                        "        credentials: [Licensed Clinical Social Worker (LCSW)]"),
        f"{P}:22: warning: step 3 of ladder 'Nursing' lists 'Licensed Clinical Social Worker (LCSW)', which takes about two years (often 3,000 hours) of supervised clinical work after a master's degree in social work, but its experience says 'None': say how much experience it takes"),
    "a list item split by a comma": (
        PATHWAY.replace("education: Postsecondary certificate in practical nursing\n        experience: None",
                        "education: Postsecondary certificate in practical nursing\n        experience: None\n"
                        "        skills: [Giving medicine, shots and wound care, Watching for changes]"),
        f"{P}:18: warning: skills item 2 of step 2 of ladder 'Nursing' starts in lower case ('shots and wound care'): a comma inside an item ends it, so if it belongs to the item before, put that whole item in quotes, such as [\"Designing roads, bridges and water systems\", Estimating costs]"),
    "pay for a broader group, unlabelled": (
        PATHWAY.replace("[31-1131.00]", "[31-1121.00]"),
        f"{P}:10: warning: the pay of step 1 of ladder 'Nursing' is published only for the broader group 'Home Health and Personal Care Aides': say so in a 'pay_note', such as pay_note: \"Pay is for all home health and personal care aides together.\""),
    "a pay note on a step that shows no pay": (
        PATHWAY.replace("[29-1141.00]\n        education: Bachelor's degree in nursing\n        experience: None",
                        "[11-9199.02]\n        education: Bachelor's degree in nursing\n        experience: None\n"
                        "        pay_note: Pay is for all managers."),
        f"{P}:23: warning: step 3 of ladder 'Nursing' has a 'pay_note', but no pay is published for its occupations, so the site shows none: remove the pay_note"),
    "a body above grade 10": (
        PATHWAY[:PATHWAY.rindex("---\n") + 4] + " ".join(
            ["Interdisciplinary rehabilitation professionals systematically evaluate physiological capabilities, "
             "administer therapeutic interventions, and document functional improvements comprehensively."] * 8),
        f"{P}:24: warning: the text reads at grade 41.4 (Flesch-Kincaid); aim for 9 or below so that a 14-year-old can read it: use shorter sentences and everyday words"),
    "a sentence over 35 words": (
        PATHWAY.replace("Nurses care for patients.", "Nurses care for patients.\n\n" + " ".join(["nurses help"] * 20) + "."),
        f"{P}:26: warning: a sentence of 40 words ('nurses help nurses help nurses help nurses help ...'): keep sentences to 30 words or fewer, for example by splitting it in two"),
}


@pytest.mark.parametrize("text, expected", WARNINGS.values(), ids=WARNINGS.keys())
def test_disagreement_with_the_data_is_a_warning(make_project, text, expected):
    root = make_project({P: text})
    result = run_build("check", cwd=root)
    assert result.returncode == 0, result.stderr
    assert expected in result.stderr.splitlines(), result.stderr
    strict = run_build("check", "--strict", cwd=root)
    assert strict.returncode == 1



@pytest.mark.parametrize("education, flagged", [
    ("High school diploma", True),  # a bachelor's degree is the usual way in: two levels apart
    ("High school diploma; many have a bachelor's degree", False),  # a range that holds the data's level
    ("Associate's degree in nursing; many hospitals prefer a bachelor's", False),
    ("No formal education; some have a postsecondary certificate", True),  # the range stops short of it
])
def test_a_step_may_name_a_range_of_education_that_holds_the_datas_level(make_project, education, flagged):
    result = run_build("check", cwd=make_project({P: PATHWAY.replace("education: Bachelor's degree in nursing",
                                                                     f"education: \"{education}\"")}))
    assert result.returncode == 0, result.stderr
    assert ("Registered Nurses (29-1141.00) typically needs a bachelor's degree to enter" in result.stderr) == flagged, \
        result.stderr


@pytest.mark.parametrize("credential, flagged", [
    ("Professional in Human Resources (PHR)", True),
    ("Associate Professional in Human Resources (aPHR)", False),  # needs no experience, though its name holds the PHR's
])
def test_a_credential_listed_as_an_exception_is_not_flagged(make_project, credential, flagged):
    text = PATHWAY.replace("education: Bachelor's degree in nursing\n        experience: None",
                           "education: Bachelor's degree in nursing\n        experience: None\n"
                           f"        credentials: [{credential}]")
    result = run_build("check", cwd=make_project({P: text}))
    assert (f"lists '{credential}', which takes" in result.stderr) == flagged, result.stderr


def test_two_clusters_with_one_order_are_a_warning_on_the_newer(make_project):
    import os
    other = CLUSTER.replace("title: Health Science", "title: Human Services")
    root = make_project({"content/clusters/human-services.md": other})
    os.utime(root / C, (1_000_000_000, 1_000_000_000))  # the existing file, written long ago
    result = run_build("check", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (f"content/clusters/human-services.md:4: warning: clusters {C}:4 and this one both have order 1: give each "
            "cluster its own number, so that the list of clusters is in the order you mean") in result.stderr.splitlines()


def test_a_cluster_written_as_its_title_is_one_error_with_its_slug(make_project):
    root = make_project({P: PATHWAY.replace("cluster: health-science", "cluster: Health Science")})
    result = run_build("check", cwd=root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(f"{P}:3:")]
    assert errors == [f"{P}:3: unknown cluster 'Health Science' (did you mean 'health-science'?)"], result.stderr


def test_a_file_that_cannot_be_read_is_reported_once_not_again_by_every_link_to_it(make_project):
    broken = PATHWAY.replace("summary: Care for patients directly.", "summary Care for patients directly.")
    linking = CLUSTER + "\nSee [Therapeutic Services](../pathways/therapeutic-services.md).\n"
    root = make_project({P: broken, C: linking})
    result = run_build("check", cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{P}:4: invalid YAML: no ':' after the field's name; each field is written 'name: value'",
        "check failed: 1 error in 1 file"]


def test_a_duplicate_title_is_reported_on_the_newer_file(make_project):
    import os
    root = make_project({"content/pathways/a-copy.md": PATHWAY})
    os.utime(root / P, (1_000_000_000, 1_000_000_000))  # the existing file, written long ago
    result = run_build("check", cwd=root)
    assert f"content/pathways/a-copy.md:2: duplicate pathway title 'Therapeutic Services': {P}:2 has it too; " \
           "give this one its own title" in result.stderr.splitlines(), result.stderr
