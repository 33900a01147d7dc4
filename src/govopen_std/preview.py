"""`govopen serve`: build the catalog site, serve it on localhost and rebuild it whenever a source file or a
template changes (watchfiles), so authors can preview their edits in a browser.

Only the HTML output is built. A rebuild with errors reports them and keeps serving the previous site,
because the build publishes its outputs only when it succeeds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_std.build import BuildOptions, BuildResult, run
from govopen_std.load.discover import find_workspace
from govopen_std.render.base import safe_name

if TYPE_CHECKING:
    from govopen_std.report.build_report import BuildConsole

LOCALHOST = "127.0.0.1"


@dataclass(frozen=True)
class PreviewOptions:
    workspace: Path | None = None
    out_dir: Path | None = None
    county: str | None = None
    port: int = 8000


class _Handler(SimpleHTTPRequestHandler):
    """Static files with caching off (a reload must show the rebuilt page) and without request logging."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


class Preview:
    """One workspace previewed: its build options, the served folder and the paths to watch."""

    def __init__(self, opts: PreviewOptions) -> None:
        self.opts = opts
        self.workspace = find_workspace(opts.workspace)
        self.build_opts = BuildOptions(
            workspace=self.workspace.root, out_dir=opts.out_dir, formats=("html",),
            counties=(opts.county,) if opts.county else (), province=opts.county is None, jobs=1,
        )

    def build(self) -> BuildResult:
        return run(self.build_opts)

    def site_dir(self, result: BuildResult) -> Path:
        out = result.out_dir or self.opts.out_dir or Path.cwd() / "build"
        return (out / safe_name(self.opts.county) if self.opts.county else out) / "site"

    def watched(self) -> list[Path]:
        root = self.workspace.root
        return [p for p in (root / "govopen.yaml", root / "standards", root / "templates") if p.exists()]

    def server(self, site: Path) -> ThreadingHTTPServer:
        """An HTTP server on 127.0.0.1 (port 0: any free port), serving `site`, already running in a thread."""
        site.mkdir(parents=True, exist_ok=True)
        httpd = ThreadingHTTPServer((LOCALHOST, self.opts.port), partial(_Handler, directory=str(site)))
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, name="govopen-serve", daemon=True).start()
        return httpd

    def watch(self, on_rebuild: Callable[[BuildResult], None], stop: threading.Event) -> None:
        """Rebuild after each batch of changes until `stop` is set."""
        from watchfiles import watch

        for _changes in watch(*self.watched(), stop_event=stop, debounce=400, raise_interrupt=False):
            on_rebuild(self.build())


def url_of(httpd: ThreadingHTTPServer) -> str:
    return f"http://{LOCALHOST}:{httpd.server_address[1]}/"


def start_server(preview: Preview, site: Path) -> ThreadingHTTPServer:
    """`preview.server(site)`, with a busy or forbidden port reported as B620 instead of a traceback."""
    from govopen_std.diagnostics import GovOpenError

    try:
        return preview.server(site)
    except OSError as exc:
        raise GovOpenError("B620", host=LOCALHOST, port=preview.opts.port, detail=exc.strerror or str(exc)) from exc


MESSAGES = {
    "serving": ("正在预览：{url} （修改源文件或模板后自动重新构建；按 Ctrl+C 停止）",
                "serving {url} (rebuilds when a source file or template changes; Ctrl+C to stop)"),
    "rebuilt": ("已重新构建：{url}", "rebuilt: {url}"),
    "failed": ("重新构建失败，仍提供上一次的网站", "rebuild failed; still serving the previous site"),
}


def message(key: str, lang: str, **params: str) -> str:
    zh, en = MESSAGES[key]
    return (en if lang == "en" else zh).format(**params)


def run_preview(preview: Preview, console: BuildConsole, lang: str, say: Callable[[str], None] = print) -> None:
    """Build, serve, then rebuild on every change until interrupted (Ctrl+C)."""
    first = preview.build()
    console.report(first)
    httpd = start_server(preview, preview.site_dir(first))
    url = url_of(httpd)
    say(message("serving", lang, url=url))

    def rebuilt(result: BuildResult) -> None:
        console.report(result)
        say(message("rebuilt" if result.ok else "failed", lang, url=url))

    try:
        preview.watch(rebuilt, threading.Event())
    finally:
        httpd.shutdown()
