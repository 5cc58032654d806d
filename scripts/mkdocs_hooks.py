"""MkDocs hook: generate the pages before each build and finish each rendered page. The work is
done in factcheck.site.build; this file only connects it to MkDocs."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from factcheck.site.build import SiteError, finish_html, generate, sitemap_date


def on_pre_build(config, **kwargs):
    repo = os.environ.get("GITHUB_REPOSITORY")
    try:
        generate(
            Path(config.config_file_path).parent,
            Path(config.docs_dir),
            repo_url=f"https://github.com/{repo}" if repo else None,
            site_url=config.site_url,
            project=config.extra.get("project"),
            publish=os.environ.get("FACTCHECK_PUBLISH") == "1",
        )
    except SiteError as exc:
        raise PluginError(str(exc)) from exc


def on_page_context(context, page, config, nav):
    page.update_date = sitemap_date(page.meta, page.update_date)
    return context


def on_post_page(output, page, config):
    return finish_html(output)


def on_post_template(output_content, template_name, config):
    """The 404 page is a theme template, not a page: it gets the same last touches."""
    return finish_html(output_content) if template_name == "404.html" else output_content
