"""Helpers for the browser tests (a module, not a conftest, so its name is unique on sys.path).

Chromium is Debian's /usr/bin/chromium driven by Playwright through `executable_path`: no browser is ever
downloaded. Each launch gets a fresh user-data-dir and flags that keep Chromium off the network, and every
request a page makes is recorded and, unless it is local (file:// or this machine), aborted.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from conftest import require_tool, skip_or_fail

# Shared with the HTML tests; the browser tests import them from here.
from helpers.site import build_site, mini_with_county, xss_workspace  # noqa: F401

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "about", "blob"):
        return True
    return parts.scheme in ("http", "https", "ws") and (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class Traffic:
    """Everything the browser tried: every request URL, and those that were stopped for not being local."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


def launch(tmp_root: Path) -> Iterator[tuple[Any, Traffic]]:
    """A persistent Chromium context with a fresh profile; yields (context, traffic)."""
    executable = require_tool("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install -e '.[test]')")
    traffic = Traffic()
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp_root))
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block",
        )

        def guard(route: Any) -> None:
            url = route.request.url
            traffic.requests.append(url)
            if is_local(url):
                route.continue_()
            else:
                traffic.blocked.append(url)
                route.abort()

        context.route("**/*", guard)
        try:
            yield context, traffic
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)


@dataclass
class PageLog:
    """What one page reported: console errors and warnings, uncaught errors, dialogs and requests."""

    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.console, self.console
        assert not self.dialogs, self.dialogs
        outside = [u for u in self.requests if not is_local(u)]
        assert not outside, f"requests left the machine: {outside}"


def open_page(context: Any, url: str, *, width: int = 1280) -> tuple[Any, PageLog]:
    """A new tab on `url`, with everything it reports captured in a PageLog."""
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    log = PageLog()
    page.on("console", lambda m: log.console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))

    def dismiss(dialog: Any) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, log


def axe_source() -> str:
    """axe-core from tests/browser/node_modules (installed by `npm ci` in tests/run.sh)."""
    if not AXE.is_file():
        skip_or_fail("axe-core is not installed: run `npm ci` in tests/browser (tests/run.sh does)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any, source: str) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations of the page as it is now (evaluated over CDP, so the CSP allows it)."""
    page.evaluate(source)
    result: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            // preload off: axe would fetch() the stylesheets, which the site's CSP (connect-src none) rightly refuses
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
                                               preload: false});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
        }""",
        WCAG_AA,
    )
    return result


def file_url(path: Path) -> str:
    return path.resolve().as_uri()
