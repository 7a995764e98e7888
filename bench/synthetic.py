"""Write a synthetic project with many valid pathways, for benchmarks.

    python bench/synthetic.py OUT --pathways 10000

The project reuses the real templates, static files and data, and builds
without errors: each synthetic pathway takes the ladders of a real pathway
(its occupations, stages and education, so that they agree with the data),
with its own step titles, credentials and skills. Bodies are made of
sentences from the real content, reshuffled, so Markdown and search see
realistic text. The same arguments always write the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = 16
def real_ladders() -> list[list[list[tuple[str, list[str], str, str]]]]:
    """The ladders of each real pathway: for each ladder, its steps as (stage, occupations, education, pay note)."""
    import yaml
    found = []
    for path in sorted((ROOT / "content/pathways").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        found.append([[(step["stage"], step["occupations"], " ".join(step["education"].split()),
                        " ".join(str(step.get("pay_note", "")).split()))
                       for step in ladder["steps"]] for ladder in front["ladders"]])
    return found


def sentences() -> list[str]:
    """Sentences from the real pathway descriptions."""
    found: list[str] = []
    for path in sorted((ROOT / "content/pathways").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for paragraph in body.split("\n\n"):
            if paragraph.startswith(("#", "-", "*")):
                continue
            paragraph = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", paragraph)  # links would point nowhere here
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
    ladders, text = real_ladders(), sentences()
    clusters, pathway_dir = out / "content/clusters", out / "content/pathways"
    clusters.mkdir(parents=True)
    pathway_dir.mkdir(parents=True)
    for c in range(CLUSTERS):
        (clusters / f"cluster-{c:02d}.md").write_text(
            f"---\ntitle: Cluster {c:02d}\nsummary: {summary(rng, text)}\norder: {c + 1}\n---\n{body(rng, text)}")
    for p in range(pathways):
        written = []
        for n, ladder in enumerate(ladders[rng.randrange(len(ladders))], 1):
            steps = "".join(
                f"      - stage: {stage}\n        title: Step {stage} {p}\n        occupations: [{', '.join(codes)}]\n"
                f"        education: \"{education.replace(chr(34), chr(39))}\"\n        experience: Some years of work\n"
                f"        credentials: [Credential {rng.randrange(500)}]\n"
                f"        skills: [{', '.join(f'Skill {n}' for n in rng.sample(range(300), 2))}]\n"
                + (f"        pay_note: \"{note.replace(chr(34), chr(39))}\"\n" if note else "")
                for stage, codes, education, note in ladder)
            written.append(f"  - title: Ladder {p}-{n}\n    steps:\n{steps}")
        (pathway_dir / f"pathway-{p:05d}.md").write_text(
            f"---\ntitle: Pathway {p:05d}\ncluster: cluster-{p % CLUSTERS:02d}\nsummary: {summary(rng, text)}\n"
            f"ladders:\n{''.join(written)}---\n{body(rng, text)}")
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
