"""One page of each kind in the real site, shared by the browser tests."""

from __future__ import annotations

PAGE_TYPES = {
    "home": "",
    "cluster": "clusters/health-science/",
    "pathway": "pathways/therapeutic-services/",
    "occupation": "occupations/29-1141.00/",
    "occupations": "occupations/",
    "explorer": "occupations/?education=bachelor&min_pay=60000&sort=pay",
    "compare": "compare/?jobs=29-1141.00,29-1171.00,11-9111.00",
    "plan": "plan/?job=29-1141.00",
    "modern-cluster": "clusters-2024/healthcare-human-services/",
    "sub-cluster": "sub-clusters-2024/physical-health/",
    "crosswalk": "crosswalk/",
    "about": "about/",
    "interests": "interests/",
    "interest": "interests/social/",
    "search": "search/",
    "explore": "explore/",
    "quiz": "explore/quiz/",
    "quiz-results": "explore/quiz/results/?r=90&i=40&a=20&s=30&e=50&c=60&zone=3",
    "skills-explorer": "explore/skills/?have=speaking,programming,repairing",
    "from-job": "explore/from-job/?job=29-2061.00",
    "values": "explore/values/",
    "value": "explore/values/independence/",
    "offline": "offline/",
    "404": "no/such/page/",
}
"""Page kind -> URL below the site root. The 404 page is what the server sends for any unknown address."""

WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")
