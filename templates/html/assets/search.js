/* govopen catalog search: substring matching over a prebuilt index (assets/search-index.js), with a
   character-bigram fallback for near matches, facet filters, live update and the state in the URL hash.
   No network access, no inline script, no innerHTML: every value is inserted as text. */
(function () {
  "use strict";

  var data = window.GOVOPEN_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var tools = document.getElementById("result-tools");
  var csvButton = document.getElementById("search-csv");
  if (!data || !form || !input || !status || !list || !more || !tools || !csvButton) { return; }
  var wrap = document.getElementById("results-wrap");
  var rankButton = document.getElementById("sort-rank");
  if (!wrap || !rankButton) { return; }
  var sortButtons = Array.prototype.slice.call(wrap.querySelectorAll("thead button[data-sort]"));
  /* "" (relevance), or a column: name, code, domain, primary; "-" before it for descending. In the URL hash as sort=… */
  var sortKey = "";
  var collator = new Intl.Collator("zh-CN", { numeric: true });

  var FILTERS = ["domain", "subject", "method", "channel", "audience", "level", "openness", "status"];
  var PAGE = 50; /* results drawn at a time; "显示更多" draws the next PAGE */
  var shown = [];  /* the current hits and how many of them are drawn */
  var drawn = 0;
  var shownTerms = [];
  var items = data.items;
  var total = items.length;
  var grams = null;
  var composing = false;
  var timer = 0;

  var DIGITS = "零一二三四五六七八九";

  function norm(text) { return String(text || "").normalize("NFKC").toLowerCase(); }

  /* 47 -> 四十七, as laws number their articles (view/numerals.py chinese_number). */
  function chineseNumber(n) {
    if (n < 10) { return DIGITS[n]; }
    if (n < 20) { return "十" + (n > 10 ? DIGITS[n - 10] : ""); }
    if (n < 100) { return DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? DIGITS[n % 10] : ""); }
    var rest = n % 100;
    var head = DIGITS[Math.floor(n / 100)] + "百";
    if (rest === 0) { return head; }
    if (rest < 10) { return head + "零" + DIGITS[rest]; }
    return head + (rest >= 20 ? chineseNumber(rest) : "一" + chineseNumber(rest));
  }

  /* "第47条" is searched as the catalog prints it, "第四十七条". */
  function articleNumerals(term) {
    return term.replace(/第(\d{1,3})条/g, function (all, digits) { return "第" + chineseNumber(parseInt(digits, 10)) + "条"; });
  }

  function termsOf(query) {
    return norm(query).split(/\s+/).filter(function (t) { return t.length > 0; }).map(articleNumerals);
  }

  var SYNONYMS = data.syn || [];

  /* A term and the same term with a synonym swapped in (拆迁 -> 房屋征收, 公租房申请 -> 公共租赁住房申请): the
     standard writers' table (standards/synonyms.yaml), so a citizen's word finds the catalog's word. */
  function variants(term) {
    var out = [term];
    SYNONYMS.forEach(function (group) {
      group.forEach(function (word) {
        if (term.indexOf(word) < 0) { return; }
        group.forEach(function (other) {
          if (other === word) { return; }
          var swapped = term.split(word).join(other);
          if (out.indexOf(swapped) < 0) { out.push(swapped); }
        });
      });
    });
    return out;
  }

  /* Every variant of every term, for highlighting and snippets. */
  function flat(groups) { return [].concat.apply([], groups); }
  function select(name) { return form.elements.namedItem(name); }

  function readControls() {
    var state = { q: input.value.trim(), sort: sortKey };
    FILTERS.forEach(function (name) { state[name] = select(name) ? select(name).value : ""; });
    return state;
  }

  function writeControls(state) {
    input.value = state.q || "";
    setSort(state.sort || "");
    FILTERS.forEach(function (name) {
      var el = select(name);
      if (!el) { return; }  /* the status filter is on county sites only */
      el.value = state[name] || "";
      if (el.value !== (state[name] || "")) { el.value = ""; }
    });
  }

  function parseParams(text) {
    var state = {};
    var params = new URLSearchParams(text);
    ["q"].concat(FILTERS).forEach(function (name) { state[name] = params.get(name) || ""; });
    state.sort = params.get("sort") || "";
    return state;
  }

  function hashOf(state) {
    var parts = [];
    ["q"].concat(FILTERS).concat(["sort"]).forEach(function (name) {
      if (state[name]) { parts.push(name + "=" + encodeURIComponent(state[name])); }
    });
    return parts.join("&");
  }

  function writeUrl(state) {
    // An empty "#q=" (rather than no hash) when the page was opened with ?q=…, so a reload keeps the cleared state.
    var hash = hashOf(state) || (location.search.length > 1 ? "q=" : "");
    var target = location.pathname + location.search + (hash ? "#" + hash : "");
    if (target !== location.pathname + location.search + location.hash) {
      try { history.replaceState(null, "", target); } catch (err) { location.hash = hash; }
    }
  }

  function passes(item, state) {
    if (state.domain && item.d !== state.domain) { return false; }
    if (state.subject && item.s.indexOf(state.subject) < 0) { return false; }
    if (state.method && item.m !== state.method) { return false; }
    if (state.channel && item.ch.indexOf(state.channel) < 0) { return false; }
    if (state.audience && item.a !== state.audience) { return false; }
    if (state.level && item.l.indexOf(state.level) < 0) { return false; }
    if (state.openness && item.o !== state.openness) { return false; }
    if (state.status && (item.x || "base") !== state.status) { return false; }
    return true;
  }

  /* Every term must be a substring of the item's text or of its law+article keys (土地管理法第四十七条);
     a hit in the name counts double. */
  function exactScore(item, groups) {
    var score = 0;
    for (var i = 0; i < groups.length; i++) {
      var best = -1;
      for (var j = 0; j < groups[i].length && best < 2; j++) {
        var term = groups[i][j];
        if (item.t.indexOf(term) >= 0) { best = 2; }
        else if (item.b.indexOf(term) >= 0 || item.k.indexOf(term) >= 0) { best = Math.max(best, 1); }
        /* pinyin of the name, full or initials (gzf, gonggongzulin): letters only, at least two */
        else if (/^[a-z]{2,}$/.test(term) && item.py && item.py.indexOf(term) >= 0) { best = Math.max(best, 1); }
      }
      if (best < 0) { return -1; }
      score += best;
    }
    return score;
  }

  function bigrams(text) {
    var out = [];
    for (var i = 0; i + 1 < text.length; i++) {
      var g = text.substr(i, 2);
      if (!/\s/.test(g) && out.indexOf(g) < 0) { out.push(g); }
    }
    return out;
  }

  /* Built on first use: bigram -> item positions, from the prebuilt normalized texts. */
  function gramTable() {
    if (grams) { return grams; }
    grams = new Map();
    items.forEach(function (item, pos) {
      var seen = new Set();
      var text = item.t + "\n" + item.b;
      for (var i = 0; i + 1 < text.length; i++) {
        var g = text.substr(i, 2);
        if (seen.has(g)) { continue; }
        seen.add(g);
        var posting = grams.get(g);
        if (posting) { posting.push(pos); } else { grams.set(g, [pos]); }
      }
    });
    return grams;
  }

  /* Near matches: items sharing at least half of the query's character bigrams (word order may differ). */
  function fuzzy(terms, state) {
    var wanted = bigrams(terms.join(" "));
    if (wanted.length < 2) { return []; }
    var table = gramTable();
    var counts = new Map();
    wanted.forEach(function (g) {
      (table.get(g) || []).forEach(function (pos) { counts.set(pos, (counts.get(pos) || 0) + 1); });
    });
    var hits = [];
    counts.forEach(function (count, pos) {
      var score = count / wanted.length;
      if (score >= 0.5 && passes(items[pos], state)) { hits.push({ pos: pos, score: score }); }
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.pos - b.pos; });
  }

  /* Items that do not apply in the county come last, whatever their score: a citizen looks for what applies. */
  function byRank(a, b) {
    var na = (items[a.pos].x === "not_applicable") - (items[b.pos].x === "not_applicable");
    return na || b.score - a.score || a.pos - b.pos;
  }

  function search(state) {
    var terms = termsOf(state.q);
    var groups = terms.map(variants);
    var hits = [];
    items.forEach(function (item, pos) {
      if (!passes(item, state)) { return; }
      var score = terms.length ? exactScore(item, groups) : 0;
      if (score >= 0) { hits.push({ pos: pos, score: score }); }
    });
    hits.sort(byRank);
    if (hits.length === 0 && terms.length) { return { hits: fuzzy(terms, state).sort(byRank), near: true }; }
    return { hits: hits, near: false };
  }

  /* The name with each query term wrapped in <mark>, built from text nodes. */
  function highlighted(text, terms) {
    var frag = document.createDocumentFragment();
    var lower = norm(text);
    if (lower.length !== text.length || !terms.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    var marks = new Array(text.length).fill(false);
    terms.forEach(function (t) {
      for (var at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
        for (var k = at; k < at + t.length; k++) { marks[k] = true; }
      }
    });
    var i = 0;
    while (i < text.length) {
      var j = i;
      while (j < text.length && marks[j] === marks[i]) { j++; }
      var piece = document.createTextNode(text.slice(i, j));
      if (marks[i]) { var m = document.createElement("mark"); m.appendChild(piece); frag.appendChild(m); }
      else { frag.appendChild(piece); }
      i = j;
    }
    return frag;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* One result as a table row: the name (with its badge and where a term was found), code, domain, 一级事项, and
     subjects · method · levels. */
  function resultItem(item, terms) {
    var tr = el("tr");
    tr.setAttribute("data-item", item.c);
    if (item.x) { tr.setAttribute("data-status", item.x); }
    var name = el("td", "result-name");
    var link = el("a", "result-title");
    link.href = item.u;
    link.appendChild(highlighted(item.n, terms));
    name.appendChild(link);
    if (item.st) { name.appendChild(el("span", "badge badge-" + (item.x || "base"), item.st)); }
    var context = snippet(item, terms);
    if (context) {
      var line = el("span", "result-snippet");
      line.appendChild(document.createTextNode(context.before));
      line.appendChild(highlighted(context.text, terms));
      line.appendChild(document.createTextNode(context.after));
      name.appendChild(line);
    }
    tr.appendChild(name);
    tr.appendChild(el("td", "code", item.c));
    tr.appendChild(el("td", "result-domain", item.g));
    var primary = el("td", "result-primary");
    primary.appendChild(highlighted(item.p, terms));  /* the 一级事项 is searched with the title: matches marked */
    tr.appendChild(primary);
    tr.appendChild(el("td", "result-meta", [item.s.join("、"), item.m, item.l.join("、")].filter(Boolean).join(" · ")));
    return tr;
  }

  /* Where a term missing from the name was found (content, laws or subjects, else the law+article key that
     matched), with some context. */
  function snippet(item, terms) {
    var missing = terms.filter(function (t) { return item.t.indexOf(t) < 0; });
    var term = missing.filter(function (t) { return item.b.indexOf(t) >= 0; })[0];
    var text = item.b;
    if (!term) {
      term = missing.filter(function (t) { return item.k.indexOf(t) >= 0; })[0];
      text = item.k;
    }
    if (!term) { return null; }
    var at = text.indexOf(term);
    var start = text.lastIndexOf("\n", at) + 1;
    var end = text.indexOf("\n", at);
    if (end < 0) { end = text.length; }
    var from = Math.max(start, at - 24);
    var to = Math.min(end, at + term.length + 40);
    return { before: from > start ? "…" : "", text: text.slice(from, to), after: to < end ? "…" : "" };
  }

  function isActive(state) {
    return Boolean(state.q) || FILTERS.some(function (name) { return Boolean(state[name]); });
  }

  function render(state) {
    list.textContent = "";
    shown = [];
    drawn = 0;
    more.hidden = true;
    tools.hidden = true;
    wrap.hidden = true;
    if (!isActive(state)) {
      list.hidden = true;
      status.dataset.count = String(total);
      status.textContent = "共 " + total + " 个公开事项。输入关键词或选择筛选条件即可查找。";
      return;
    }
    shownTerms = flat(termsOf(state.q).map(variants));
    var result = search(state);
    shown = ordered(result.hits);
    status.dataset.count = String(shown.length);
    if (shown.length === 0) {
      status.textContent = emptyHint(state);
    } else if (result.near) {
      status.textContent = "没有完全匹配“" + state.q + "”的事项，以下是 " + shown.length + " 个相近的事项。";
    } else {
      status.textContent = "找到 " + shown.length + " 个公开事项。";
    }
    drawMore(false);
    list.hidden = shown.length === 0;
    tools.hidden = shown.length === 0;
    wrap.hidden = shown.length === 0;
  }

  var SORT_FIELDS = { name: "n", code: "c", domain: "g", primary: "p" };

  /* The hits in the chosen order: relevance (search order), or by a column, ties in catalog order. */
  function ordered(hits) {
    var desc = sortKey.charAt(0) === "-";
    var field = SORT_FIELDS[desc ? sortKey.slice(1) : sortKey];
    if (!field) { return hits; }
    return hits.slice().sort(function (a, b) {
      return (collator.compare(items[a.pos][field], items[b.pos][field]) || a.pos - b.pos) * (desc ? -1 : 1);
    });
  }

  /* aria-sort on the sorted column's header; the relevance button pressed when no column sorts. */
  function setSort(key) {
    var name = key.charAt(0) === "-" ? key.slice(1) : key;
    sortKey = SORT_FIELDS[name] ? key : "";
    sortButtons.forEach(function (b) {
      var th = b.parentNode;
      if (sortKey && b.dataset.sort === name) {
        th.setAttribute("aria-sort", sortKey.charAt(0) === "-" ? "descending" : "ascending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
    rankButton.setAttribute("aria-pressed", String(!sortKey));
  }

  /* Mirrors the build's downloads.formula_safe: a cell starting with = + - @ tab or CR is not run as a formula. */
  function formulaSafe(text) {
    text = String(text);
    return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  }

  function csvLine(cells) {
    return cells.map(function (c) { return '"' + formulaSafe(c).replace(/"/g, '""') + '"'; }).join(",");
  }

  /* Every current hit (not only those drawn), in the shown order, as a CSV file made in the browser. */
  function downloadCsv() {
    var lines = [csvLine(["事项编码", "事项名称", "一级事项", "领域", "公开主体", "公开方式", "公开渠道和载体",
                          "公开对象", "公开层级", "五公开", "本县变更", "事项页面"])];
    shown.forEach(function (hit) {
      var it = items[hit.pos];
      lines.push(csvLine([it.c, it.n, it.p, it.g, it.s.join("、"), it.m, it.ch.join("、"), it.a, it.l.join("、"),
                          it.o, it.st, it.u]));
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "公开事项检索结果.csv";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  /* What the catalog covers, and where other information is published, instead of "fewer words". */
  function emptyHint(state) {
    var text = "没有找到符合条件的公开事项。本目录收录" + (data.scope || "各试点领域") +
      "的公开事项（公开什么、依据什么、由谁在何时通过什么渠道公开），不含具体的政府信息本身。";
    text += state.q ? "可以换用同义词或更短的关键词，或放宽筛选条件；" : "可以放宽筛选条件；";
    return text + "具体的政府信息请到各级政府门户网站的政府信息公开专栏查询，或依申请公开。";
  }

  /* Draws the next PAGE hits; when asked by the button, focus moves to the first new result. */
  function drawMore(fromButton) {
    var first = null;
    var end = Math.min(shown.length, drawn + PAGE);
    for (var i = drawn; i < end; i++) {
      var li = resultItem(items[shown[i].pos], shownTerms);
      if (!first) { first = li; }
      list.appendChild(li);
    }
    drawn = end;
    var rest = shown.length - drawn;
    more.hidden = rest <= 0;
    more.textContent = "显示更多（已显示 " + drawn + " 个，还有 " + rest + " 个）";
    list.dataset.shown = String(drawn);
    if (fromButton && first) { first.querySelector("a").focus(); }
  }

  function update() {
    var state = readControls();
    render(state);
    writeUrl(state);
  }

  function schedule() {
    if (composing) { return; }
    clearTimeout(timer);
    timer = setTimeout(update, 60);
  }

  /* The hash is what this script writes; ?q=… comes from the form submitted without script. */
  function restore() {
    var state = parseParams(location.hash.length > 1 ? location.hash.slice(1) : location.search.slice(1));
    writeControls(state);
    render(readControls());
  }

  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; schedule(); });
  input.addEventListener("input", schedule);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) { input.value = ""; update(); }
  });
  FILTERS.forEach(function (name) { if (select(name)) { select(name).addEventListener("change", update); } });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); update(); });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    writeControls({ q: "" });
    update();
    input.focus();
  });
  more.addEventListener("click", function () { drawMore(true); });
  csvButton.addEventListener("click", downloadCsv);
  sortButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      /* a second click on the sorted column reverses it */
      setSort(sortKey === b.dataset.sort ? "-" + b.dataset.sort : b.dataset.sort);
      update();
    });
  });
  rankButton.addEventListener("click", function () { setSort(""); update(); });
  window.addEventListener("hashchange", restore);
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (event.key === "/" && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(tag) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
  restore();
}());
