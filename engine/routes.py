"""Routes: every kind of page, its address and its template, in one table.

The model, the renderer, links between content files, the sitemap, the
navigation and the search index all read this table, so a new kind of page
is one entry here and one template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OCCUPATION_CODE = r"\d{2}-\d{4}\.\d{2}"
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"


@dataclass(frozen=True)
class Route:
    """One kind of page."""

    kind: str
    pattern: str  # the page's site-relative URL, with `{slug}` for the part that names it
    template: str
    folder: str | None = None  # the content folder its source files live in, if it has them
    name: str = SLUG  # what a source file's name (without '.md') must look like
    name_hint: str = "use lower-case letters, digits and hyphens"
    named_by_data: bool = False  # its files are named by a code of the data, which validation checks, suggesting one
    search_label: str = ""  # how search results name this kind; '' for pages search does not list
    title: str = ""  # a tool page, which has one address: its title
    description: str = ""  # and what it does, for its <meta> description and search results
    needs: str = ""  # the part of the site model it shows, where a site may lack it: no page without it
    listed: bool = True  # in the sitemap; not for pages served in place of another (404, offline)
    field: bool = False  # a page about a field of work, which search puts first for 'railroad careers'

    def url(self, slug: str = "") -> str:
        return self.pattern.format(slug=slug)

    @property
    def prefix(self) -> str:
        """The first folder of its URLs ('pathways'), or '' for pages at the top."""
        head = self.pattern.split("/", 1)[0]
        return "" if "{" in head else head


ROUTES: dict[str, Route] = {route.kind: route for route in (
    Route("home", "", "home.html"),
    Route("cluster", "clusters/{slug}/", "cluster.html", folder="clusters", search_label="Cluster", field=True),
    Route("pathway", "pathways/{slug}/", "pathway.html", folder="pathways", search_label="Pathway", field=True),
    Route("occupations", "occupations/", "occupations.html", search_label="Tool", title="Occupations A to Z",
          description="Every occupation: what the work is, pay, outlook and how to prepare. Filter and sort the "
                      "list by education, pay, outlook, cluster and interest."),
    Route("occupation", "occupations/{slug}/", "occupation.html", folder="occupations", name=OCCUPATION_CODE,
          name_hint="name the file by its O*NET-SOC code, such as '29-1141.00.md'", search_label="Occupation",
          named_by_data=True),
    Route("modern-clusters", "clusters-2024/", "modern-clusters.html", search_label="Page",
          title="The 2024 Career Clusters", description="The 14 clusters and their sub-clusters of the 2024 National "
                                                        "Career Clusters Framework, and how they map onto the 16 "
                                                        "clusters.", needs="modern"),
    Route("modern-cluster", "clusters-2024/{slug}/", "modern-cluster.html", folder="clusters-2024",
          search_label="2024 cluster", field=True),
    Route("sub-cluster", "sub-clusters-2024/{slug}/", "sub-cluster.html", folder="sub-clusters-2024",
          search_label="2024 sub-cluster", field=True),
    Route("crosswalk", "crosswalk/", "crosswalk.html", search_label="Page",
          title="From 16 clusters to 14: the crosswalk",
          description="How the 16 career clusters map onto the 14 clusters of the 2024 framework.",
          needs="modern"),
    Route("interests", "interests/", "interests.html", search_label="Tool", title="Explore by interest",
          description="Find career pathways that fit what you like to do, in six interest areas."),
    Route("interest", "interests/{slug}/", "interest.html", search_label="Interest area"),
    Route("values", "explore/values/", "values.html", search_label="Tool", title="Explore by work values",
          description="Find jobs that offer what matters most to you at work, such as independence, helping "
                      "people or a steady job."),
    Route("value", "explore/values/{slug}/", "value.html", search_label="Work value"),
    Route("search", "search/", "search.html"),
    Route("explore", "explore/", "explore.html", search_label="Tool", title="Find your path",
          description="Tools to find jobs that fit you: an interest quiz, a skills explorer, where your job can "
                      "lead, and more."),
    Route("quiz", "explore/quiz/", "quiz.html", search_label="Tool", title="Interest quiz",
          description="Say how much you would like each activity, and see the kinds of work that fit you."),
    Route("quiz-results", "explore/quiz/results/", "quiz-results.html"),
    Route("skills-explorer", "explore/skills/", "skills-explorer.html", search_label="Tool",
          title="Jobs that use your skills", description="Mark the skills you have and see the jobs that use them "
                                                         "most."),
    Route("from-job", "explore/from-job/", "from-job.html", search_label="Tool", title="Where your job can lead",
          description="Pick a job and see where it leads: next steps, related jobs and jobs that use the same "
                      "skills, with the change in pay and education."),
    Route("compare", "compare/", "compare.html", search_label="Tool", title="Compare jobs",  # ?jobs=<code>,...
          description="Two or three jobs side by side: pay, outlook, education, training, skills and the career "
                      "ladders each is on."),
    Route("plan", "plan/", "plan.html", search_label="Tool", title="My career plan",  # ?job=<code>[&ladder=...]
          description="A one-page plan to print: a target job, the steps to it, how to prepare, pay and outlook."),
    Route("page", "{slug}/", "page.html", folder="pages", search_label="Page"),
    Route("offline", "offline/", "offline.html", listed=False),  # served by sw.js when a page is not saved
    Route("404", "404.html", "404.html", listed=False),
)}

BY_FOLDER: dict[str, Route] = {r.folder: r for r in ROUTES.values() if r.folder}
"""Content folder name -> the route of the pages made from its files."""

RESERVED_SLUGS = frozenset(r.prefix for r in ROUTES.values() if r.prefix) | {"assets", "index", "sitemap.xml"}
"""Top-level names the site uses itself, which a free-standing page may not take."""


DATA_FILES = {
    "jobs": "assets/explore/jobs.js",  # every occupation's figures and interest scores, and the pathways
    "skills": "assets/explore/skills.js",  # every occupation's skill ratings
    "links": "assets/explore/links.js",  # titles people use, and where each job leads
}
"""The explorers' data files (engine/explore.py), by name: written by the build, loaded by the pages that use them."""


def job_group(code: str) -> str:
    """The name of the file of assets/jobs/ that holds an occupation's record: its SOC minor group, '29-11' for
    29-1141.00."""
    return code[:5]


def data_file_url(name: str) -> str:
    """The site-relative URL of the explorers' data file `name`."""
    return DATA_FILES[name]


def url_for(kind: str, slug: str = "") -> str:
    """The site-relative URL of the page of `kind` named `slug`."""
    return ROUTES[kind].url(slug)


def content_url(path: str) -> str | None:
    """The URL of the page made from a content file, by its folder and name, wherever the content folder is:
    `content/pathways/x.md` and `/elsewhere/pathways/x.md` both give `pathways/x/`. None if it makes no page."""
    parts = path.replace("\\", "/").rsplit("/", 2)
    if len(parts) < 2 or not parts[-1].endswith(".md"):
        return None
    route = BY_FOLDER.get(parts[-2])
    name = parts[-1][:-3]
    if route is None or not re.fullmatch(route.name, name):
        return None
    return route.url(name)


def content_file(url: str) -> str | None:
    """The content file (folder/name.md) whose page is at the site address `url`, such as
    '/pathways/x/' or 'pathways/x/index.html' -> 'pathways/x.md'; None if no content file makes that page."""
    path = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    path = path[:-len("index.html")] if path.endswith("index.html") else path
    path = path if not path or path.endswith("/") else path + "/"
    if any(path == route.pattern for route in ROUTES.values()):
        return None  # a page the site makes itself, such as the quiz
    for folder, route in sorted(BY_FOLDER.items(), key=lambda item: -len(item[1].prefix)):
        head, _, tail = route.pattern.partition("{slug}")
        name = path[len(head):len(path) - len(tail)] if path.startswith(head) and path.endswith(tail) else ""
        if name and re.fullmatch(route.name, name):
            return f"{folder}/{name}.md"
    return None


def compare_url(codes: "list[str] | tuple[str, ...]" = ()) -> str:
    """The compare page's address for two or three occupations (by O*NET-SOC code)."""
    return url_for("compare") + (f"?jobs={','.join(codes)}" if codes else "")


def plan_url(code: str, pathway: str = "", number: int = 0) -> str:
    """The plan page's address for a target job, optionally on ladder `number` (from 1) of a pathway."""
    return url_for("plan") + f"?job={code}" + (f"&ladder={pathway}:{number}" if pathway else "")
