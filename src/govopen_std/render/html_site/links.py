"""Web addresses inside a county's channel text (政府网站: https://www.gongshu.gov.cn/) shown as links.

Only http and https addresses become links (never javascript: or file:); the rest of the text and the
address itself are escaped, so a profile value stays text. The links leave the site on purpose (they are the
county's own portals), so they carry rel="external noopener noreferrer".
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# an address ends at white space or at Chinese punctuation that follows it in running text
URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s；;，,、。）)（(<>\"']*)?")


def url_links(text: str) -> Markup:
    """`text` escaped, with every http(s) address in it as <a class="channel-url">."""
    parts: list[str] = []
    last = 0
    for match in URL.finditer(text):
        parts.append(escape(text[last:match.start()]))
        url = match.group(0)
        parts.append(Markup('<a class="channel-url" href="{0}" rel="external noopener noreferrer">{0}</a>').format(url))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)
