"""The engine behind build.py: load -> validate -> model -> render -> write.

Modules, in the order data flows through them:

- `load`: read content files, split and parse front matter with line numbers
- `markup`: Markdown bodies to sanitized HTML
- `schema` and `validate`: what content must look like, and every way it can be wrong
- `data`: occupation figures from data/occupations.csv
- `model`: the site as frozen, resolved objects
- `render`: pages from templates
- `write`: the finished site onto disk, all or nothing
- `pipeline`: the phases in order, with caches for the dev server
- `serve`: the dev server; `cli`: what each command prints
"""
