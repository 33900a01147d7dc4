"""`govopen serve` builds only the site, whose DOCX links point into downloads/docx/ (filled by a full build):
the preview serves /downloads/docx/ from the output's docx folder once `govopen build` wrote it, and until then
a page saying to run it."""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from govopen_std.build import BuildOptions, run
from govopen_std.preview import Preview, PreviewOptions, url_of

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


@pytest.fixture
def preview(mini: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The mini workspace previewed as `govopen serve -w <ws> -o <out> --port 0` does: built, then served."""
    out = tmp_path / "out"
    previewer = Preview(PreviewOptions(workspace=mini, out_dir=out, port=0))
    result = previewer.build()
    assert result.ok
    httpd = previewer.server(previewer.site_dir(result))
    try:
        yield url_of(httpd), out
    finally:
        httpd.shutdown()
        httpd.server_close()


def docx_link(page_url: str) -> str:
    status, _, body = fetch(page_url)
    assert status == 200
    (href,) = re.findall(r'<a href="([^"]+\.docx)"', body.decode("utf-8"))
    return urljoin(page_url, href)


def test_docx_links_explain_until_built_then_serve_the_file(preview: tuple[str, Path], mini: Path) -> None:
    url, out = preview
    link = docx_link(url + "standards/zdbc-01.html")
    assert link == url + "downloads/docx/zdbc-01.docx"
    assert not (out / "docx").exists()  # the preview built no DOCX

    status, kind, body = fetch(link)
    page = body.decode("utf-8")
    assert (status, kind) == (404, "text/html; charset=utf-8")
    assert "预览中没有 DOCX 文件" in page and "zdbc-01.docx" in page
    assert f"<code>govopen build -w {mini} -o {out}</code>" in page

    assert run(BuildOptions(workspace=mini, out_dir=out, formats=("docx",), jobs=1)).ok
    status, kind, body = fetch(link)
    assert (status, kind) == (200, DOCX_TYPE)
    assert body == (out / "docx" / "zdbc-01.docx").read_bytes()


def test_docx_paths_stay_inside_the_docx_folder(preview: tuple[str, Path]) -> None:
    url, out = preview
    assert (out / "govopen-manifest.json").is_file()
    connection = http.client.HTTPConnection(url.split("//")[1].rstrip("/"), timeout=10)
    try:
        connection.request("GET", "/downloads/docx/../../govopen-manifest.json")  # sent as written, not normalised
        response = connection.getresponse()
        assert response.status == 404 and "预览中没有 DOCX 文件" in response.read().decode("utf-8")
    finally:
        connection.close()


def test_a_county_preview_names_its_build(mini: Path, tmp_path: Path) -> None:
    previewer = Preview(PreviewOptions(workspace=mini, out_dir=tmp_path / "my out", county="330105"))
    assert previewer.build_command() == f"govopen build -w {mini} -o '{tmp_path / 'my out'}' --county 330105"
