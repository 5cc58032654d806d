"""The static site: pages generated from the loaded dataset, in Arabic (default) and English.

`build.generate` is the one entry point; the mkdocs hook only calls it.
"""
