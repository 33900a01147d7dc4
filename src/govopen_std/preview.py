"""`govopen serve`: build the catalog site, serve it on localhost and rebuild it whenever a source file or a
template changes (watchfiles), so authors can preview their edits in a browser.

Only the HTML output is built: adding the DOCX would about triple the CPU time of each rebuild, and the
preview is for seeing an edit at once. The site's DOCX links point into its downloads folder
(`downloads/docx/…`, which a full build fills), so `/downloads/docx/` is served from the output's docx folder:
the files `govopen build` wrote there, or, where there is none, a page that says to run it.

A rebuild with errors reports them and keeps serving the previous site, because the build publishes its
outputs only when it succeeds.
"""

from __future__ import annotations

import html
import io
import os
import shlex
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import unquote, urlsplit

from govopen_std.build import BuildOptions, BuildResult, run
from govopen_std.load.discover import find_workspace
from govopen_std.render.base import safe_name

if TYPE_CHECKING:
    from govopen_std.report.build_report import BuildConsole

LOCALHOST = "127.0.0.1"
QUIET_MS = 500  # how often the watcher wakes up without changes (to notice a stop request)
DOCX_URL = "/downloads/docx/"  # the site's DOCX links (a full build copies the files there; serve builds none)
NO_DOCX_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>预览中没有 DOCX 文件</title></head>
<body>
<h1>预览中没有 DOCX 文件</h1>
<p>govopen serve 只生成网站，不生成 DOCX，修改源文件后很快就能看到网站的变化。</p>
<p>要下载 {name}，请运行 <code>{command}</code>，它把 DOCX 写入输出目录的 docx 文件夹；此后预览中的下载链接提供这些文件
（它们是运行 govopen build 时的内容，预览不会更新它们）。</p>
<p><a href="/">返回首页</a></p>
</body>
</html>
"""


@dataclass(frozen=True)
class PreviewOptions:
    workspace: Path | None = None
    out_dir: Path | None = None
    county: str | None = None
    port: int = 8000


class _Handler(SimpleHTTPRequestHandler):
    """Static files with caching off (a reload must show the rebuilt page) and without request logging;
    `/downloads/docx/…` from the output's docx folder, or the NO_DOCX_PAGE (404) where it holds no such file."""

    def __init__(self, *args: Any, directory: str, docx_dir: str, build_command: str, **kwargs: Any) -> None:
        self.docx_dir = docx_dir  # set first: the base class answers the request inside __init__
        self.build_command = build_command
        super().__init__(*args, directory=directory, **kwargs)

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if not route.startswith(DOCX_URL):
            return super().translate_path(path)
        # the base class drops "..", so the file stays inside the docx folder
        inside = Path(super().translate_path("/" + route[len(DOCX_URL):])).relative_to(self.directory)
        return os.path.join(self.docx_dir, inside)

    def send_head(self) -> BinaryIO | None:
        route = urlsplit(self.path).path
        if route.startswith(DOCX_URL) and not os.path.isfile(self.translate_path(self.path)):
            return self._no_docx(unquote(route[len(DOCX_URL):]))
        return super().send_head()

    def _no_docx(self, name: str) -> BinaryIO:
        body = NO_DOCX_PAGE.format(name=html.escape(name), command=html.escape(self.build_command)).encode("utf-8")
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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

    def build_command(self) -> str:
        """The `govopen build` that writes the DOCX the previewed site links to (into the same output folder)."""
        words = ["govopen", "build"]
        if self.opts.workspace is not None:
            words += ["-w", str(self.opts.workspace)]
        if self.opts.out_dir is not None:
            words += ["-o", str(self.opts.out_dir)]
        if self.opts.county:
            words += ["--county", self.opts.county]
        return shlex.join(words)

    def server(self, site: Path) -> ThreadingHTTPServer:
        """An HTTP server on 127.0.0.1 (port 0: any free port), serving `site` (and its sibling docx folder
        at /downloads/docx/), already running in a thread."""
        site.mkdir(parents=True, exist_ok=True)
        handler = partial(_Handler, directory=str(site), docx_dir=str(site.parent / "docx"),
                          build_command=self.build_command())
        httpd = ThreadingHTTPServer((LOCALHOST, self.opts.port), handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, name="govopen-serve", daemon=True).start()
        return httpd

    def changes(self, stop: threading.Event) -> Iterator[set[Any]]:
        """Batches of changed paths until `stop` is set, watching from this call on: the watcher is registered
        before the first build, so an edit saved while it builds or just after is not lost. An empty batch is
        a quiet interval (the watcher wakes up to look at `stop`)."""
        from watchfiles import watch

        batches = watch(*self.watched(), stop_event=stop, debounce=400, raise_interrupt=False,
                        yield_on_timeout=True, rust_timeout=QUIET_MS)
        next(batches)  # registers the watcher: returns after the first quiet interval (or a first change)
        return batches

    def watch(self, on_rebuild: Callable[[BuildResult], None], batches: Iterator[set[Any]]) -> None:
        """Rebuild after each batch of changes, until the batches end."""
        for changed in batches:
            if changed:
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
    batches = preview.changes(threading.Event())
    first = preview.build()
    console.report(first)
    httpd = start_server(preview, preview.site_dir(first))
    url = url_of(httpd)
    say(message("serving", lang, url=url))

    def rebuilt(result: BuildResult) -> None:
        console.report(result)
        say(message("rebuilt" if result.ok else "failed", lang, url=url))

    try:
        preview.watch(rebuilt, batches)
    finally:
        httpd.shutdown()
