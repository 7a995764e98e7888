"""Write a synthetic project with many valid pathways, for benchmarks.

    python bench/synthetic.py OUT --pathways 10000

The project reuses the real templates, static files and data, and builds
without errors or warnings: occupations are chosen so that each step's
stage, Job Zone and education agree with the data. Bodies are made of
sentences from the real content, reshuffled, so Markdown and search see
realistic text. The same arguments always write the same files.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = 16
LEVEL_TEXT = {1: "High school diploma", 2: "Postsecondary certificate", 3: "Associate's degree",
              4: "Bachelor's degree", 5: "Master's degree"}
EDUCATION = {"High school diploma or equivalent": 1, "Postsecondary nondegree award": 2, "Associate's degree": 3,
             "Bachelor's degree": 4, "Master's degree": 5}
LADDER = (("entry", 1), ("mid", 2), ("advanced", 4), ("leadership", 5))


def occupation_pools() -> dict[int, list[str]]:
    """Occupation codes by education level, limited to ones that fit the stage they are used at."""
    pools: dict[int, list[str]] = {level: [] for level in LEVEL_TEXT}
    with (ROOT / "data/occupations.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            level = EDUCATION.get(row["typical_entry_education"])
            zone = int(row["job_zone"]) if row["job_zone"] else None
            if level is None or zone is None or not row["annual_median_wage"]:
                continue
            if level == 1 and (zone >= 4 or row["work_experience"] == "5 years or more"):
                continue
            if level >= 2 and zone == 1:
                continue
            pools[level].append(row["onet_soc_code"])
    return pools


def sentences() -> list[str]:
    """Sentences from the real pathway descriptions."""
    found: list[str] = []
    for path in sorted((ROOT / "content/pathways").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for paragraph in body.split("\n\n"):
            if paragraph.startswith(("#", "-", "*")):
                continue
            found.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", paragraph.replace("\n", " ")) if len(s) > 30)
    return found


def summary(rng: random.Random, pool: list[str]) -> str:
    """A one-line summary that needs no YAML quoting."""
    return re.sub(r"[^A-Za-z0-9,.' -]", "", rng.choice(pool))[:200].strip() or "A synthetic pathway."


def body(rng: random.Random, pool: list[str]) -> str:
    parts = []
    for heading in ("What the work is like", "Where people work", "Moving up"):
        parts.append(f"## {heading}")
        parts.append(" ".join(rng.sample(pool, 4)))
        parts.append(" ".join(rng.sample(pool, 3)))
    parts.append("\n".join(f"- {s}" for s in rng.sample(pool, 3)))
    return "\n\n".join(parts) + "\n"


def write_project(out: Path, pathways: int, seed: int = 1) -> Path:
    """Write a complete project with `pathways` pathways into `out` (replaced if present)."""
    if out.exists():
        shutil.rmtree(out)
    for name in ("templates", "static", "data"):
        shutil.copytree(ROOT / name, out / name)
    (out / "site.yml").write_text("title: Synthetic Careers\nbase_url: /\n")
    rng = random.Random(seed)
    pools, text = occupation_pools(), sentences()
    clusters, pathway_dir = out / "content/clusters", out / "content/pathways"
    clusters.mkdir(parents=True)
    pathway_dir.mkdir(parents=True)
    for c in range(CLUSTERS):
        (clusters / f"cluster-{c:02d}.md").write_text(
            f"---\ntitle: Cluster {c:02d}\nsummary: {summary(rng, text)}\norder: {c + 1}\n---\n{body(rng, text)}")
    for p in range(pathways):
        steps = []
        for stage, level in LADDER[: 3 + p % 2]:
            codes = rng.sample(pools[level], 1 + rng.randrange(4))
            steps.append(
                f"  - stage: {stage}\n    title: Step {stage} {p}\n    occupations: [{', '.join(codes)}]\n"
                f"    education: {LEVEL_TEXT[level]} in a related field\n    experience: None\n"
                f"    credentials: [Credential {rng.randrange(500)}]\n"
                f"    skills: [{', '.join(f'Skill {n}' for n in rng.sample(range(300), 2))}]\n")
        (pathway_dir / f"pathway-{p:05d}.md").write_text(
            f"---\ntitle: Pathway {p:05d}\ncluster: cluster-{p % CLUSTERS:02d}\nsummary: {summary(rng, text)}\n"
            f"steps:\n{''.join(steps)}---\n{body(rng, text)}")
    return out


def copy_real_project(out: Path) -> Path:
    """A copy of the real project (content included) in `out`, for benchmarks that edit files."""
    for name in ("content", "templates", "static", "data"):
        shutil.copytree(ROOT / name, out / name)
    shutil.copy(ROOT / "site.yml", out / "site.yml")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pathways", type=int, default=1000)
    args = parser.parse_args(argv)
    write_project(args.out, args.pathways)
    print(f"wrote {args.pathways} pathways into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
