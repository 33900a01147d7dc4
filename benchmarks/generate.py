"""Generate a synthetic but valid govopen workspace of any size, for the benchmarks.

    python benchmarks/generate.py OUT --domains 8 --items 125 --counties 2800 --overlay 20

The workspace has the shape of the shipped standards (system.yaml, vocabulary, a law registry, gen-02
and gen-03 with their rule blocks, a 公开规范 and several standards per domain, county profiles) and
passes `govopen check` with no error and no warning, so every run measures the full pipeline and not
an early stop. Text is realistic Chinese of realistic length (`phrases.py`); the output depends only
on the parameters and the seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import phrases as P
else:
    from benchmarks import phrases as P

CHANNELS = ["政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点", "政务服务中心",
            "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送", "其他", "浙江政务服务网",
            "12345政务服务热线"]
LEVELS = ["省级", "市级", "县级", "乡级", "村级"]
OPENNESS = ["决策", "执行", "管理", "服务", "结果"]
AMENDABLE_DAYS = (10, 15, 20)  # a base "…N个工作日内" a county can shorten


@dataclass(frozen=True)
class Params:
    """What the generated workspace looks like."""

    domains: int = 8
    items: int = 125  # per domain
    counties: int = 90
    overlay: int = 20  # entries per county profile: amendments, not-applicable marks, local items
    standards: int = 6  # standards per domain besides the domain's 公开规范 (-00)
    laws: int = 40
    seed: int = 1

    def validate(self) -> None:
        if not 1 <= self.domains <= len(P.DOMAINS):
            raise SystemExit(f"--domains must be within 1..{len(P.DOMAINS)}")
        if not 1 <= self.items <= 89 * 99:
            raise SystemExit("--items must be within 1..8811 (the provincial code range of gen-02)")
        if not 0 <= self.counties <= 9999:
            raise SystemExit("--counties must be within 0..9999 (six-digit codes under province 33)")
        if self.overlay < 0 or self.standards < 1 or self.laws < 1:
            raise SystemExit("--overlay must be >= 0, --standards and --laws >= 1")


@dataclass
class BaseItem:
    code: str
    domain: str
    days: int | None  # the N of an amendable "…N个工作日内" deadline
    required: list[str]
    optional: list[str]


@dataclass
class Corpus:
    """What the county generator needs to know about the base it overlays."""

    subjects: dict[str, list[str]] = field(default_factory=dict)  # domain id -> generic subjects
    items: list[BaseItem] = field(default_factory=list)
    law_ids: list[str] = field(default_factory=list)


_PLAIN_UNSAFE = set(":#{}[],&*!|>'\"%@`")


def q(text: str) -> str:
    """A YAML scalar: plain like a person writes it where that is safe, else double-quoted."""
    if text and not (_PLAIN_UNSAFE & set(text)) and not text[0].isdigit() and text[0] not in "-?~ " \
            and text.lower() not in ("true", "false", "null", "yes", "no", "on", "off"):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(values: list[str]) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


# --- workspace-level files -----------------------------------------------------------------------

def govopen_yaml() -> str:
    return ("# 基准测试用合成工作区（benchmarks/generate.py 生成）\n"
            "name: 基准测试标准体系\nprovince: {code: \"33\", name: 浙江省}\n"
            "standards_dir: standards\ntemplates_dir: templates\nout_dir: build\n")


def vocabulary_yaml() -> str:
    lines = ["# 受控词表", "channels:"]
    lines += [f"  - {{name: {q(c)}, standard: {'true' if i < 13 else 'false'}}}" for i, c in enumerate(CHANNELS)]
    lines += ["audiences: [全社会, 特定群体]", "methods: [主动, 依申请]", f"levels: {flow(LEVELS)}",
              f"openness: {flow(OPENNESS)}"]
    return "\n".join(lines) + "\n"


def domain_ids(params: Params) -> list[tuple[str, str, str, list[str]]]:
    return P.DOMAINS[: params.domains]


def system_yaml(params: Params) -> str:
    lines = ["# 标准体系（合成）", "title: 基准测试标准体系", "source: benchmarks/generate.py",
             "defaults: {ics: 03.080.99, ccs: A 16}", "groups:",
             "  - id: general", "    title: 基础通用标准", "    number: 一",
             "    subgroups:", "      - {id: overall, title: 政务公开总体要求}"]
    for i, (gid, code, title, areas) in enumerate(domain_ids(params), 2):
        lines += [f"  - id: {gid}", f"    title: {title}", f"    number: {numeral(i)}", f"    code: {code}"]
        if areas:
            lines.append(f"    areas: {flow(areas)}")
    lines.append("standards:")
    for sid, title in (("gen-02", "基层政务信息分类与编码规范"), ("gen-03", "政务公开目录编制要求")):
        lines.append(f"  - {{id: {sid}, title: {title}, group: general, subgroup: overall, month: 2017-12, "
                     f"units: [省质监局], status: 起草}}")
    for gid, _, title, _ in domain_ids(params):
        for n in range(params.standards + 1):
            name = f"{title}公开规范" if n == 0 else f"{title}{P.TOPICS[(n - 1) % len(P.TOPICS)]}"
            lines.append(f"  - {{id: {gid}-{n:02d}, title: {name}, group: {gid}, month: 2018-04, "
                         f"units: [省级主管部门, 试点县(市、区)政府], status: 起草}}")
    return "\n".join(lines) + "\n"


def numeral(n: int) -> str:
    if n <= 10:
        return P.NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else P.NUMERALS[tens - 1]) + "十" + (P.NUMERALS[ones - 1] if ones else "")


def laws_yaml(params: Params, rng: random.Random, corpus: Corpus) -> str:
    lines = ["# 法规库（合成）"]
    for i in range(params.laws):
        suffix, rank, issuer = P.LAW_KINDS[i % len(P.LAW_KINDS)]
        dept = P.DEPARTMENTS[i % len(P.DEPARTMENTS)]
        obj = P.OBJECTS[i % len(P.OBJECTS)]
        law_id = f"law-{i + 1:03d}"
        corpus.law_ids.append(law_id)
        title = f"{'浙江省' if rank.startswith('地方') else ''}{obj}{dept}工作{suffix}（第{i + 1}号）"
        lines += [f"- id: {law_id}", f"  title: {title}", f"  short: [{obj}{suffix}{i + 1}]",
                  f"  number: 令第{100 + i}号", f"  rank: {rank}", f"  issuer: {issuer.format(dept=dept)}",
                  f"  version: {2010 + i % 12}年修订", f"  date: {2010 + i % 12}-0{1 + i % 9}-1{i % 10}"]
    return "\n".join(lines) + "\n"


def gen_02(params: Params) -> str:
    domains = "\n".join(f"    - {{code: {code}, name: {title}}}" for _, code, title, _ in domain_ids(params))
    return f"""# 基层政务信息分类与编码规范（合成）
id: gen-02
scope:
  - 本文件规定了基层政务公开事项的分类和编码规则。
  - 本文件适用于基层政务公开事项目录的编制。
clauses:
  - title: 编码规则
    body:
      - 事项编码由领域代码、一级事项序号和二级事项序号组成，以“-”连接。
coding:
  separator: "-"
  segments:
    - {{name: 领域代码, field: domain, kind: letters, length: 4}}
    - {{name: 一级事项序号, field: primary, kind: digits, length: 2}}
    - {{name: 二级事项序号, field: secondary, kind: digits, length: 2}}
  domains:
{domains}
  ranges:
    provincial: [1, 89]
    local: [90, 99]
"""


GEN_03 = """# 政务公开目录编制要求（合成）
id: gen-03
scope:
  - 本文件规定了基层政务公开事项目录的编制要求。
  - 本文件适用于基层政务公开事项目录的编制。
clauses:
  - title: 目录要素
    body:
      - 每个公开事项应具备名称、依据、内容、主体、时限、方式六要素。
catalog_rules:
  required_elements: [name, basis, content, subject, deadline, method]
  recommended_elements: [audience, level, channels, openness]
  columns: [序号, 一级事项, 二级事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级]
  placeholder_terms: [待补充, 待定, 待完善, TODO, TBD, XXX, lorem ipsum]
"""


# --- standard texts ------------------------------------------------------------------------------

def paragraph(rng: random.Random, subjects: list[str]) -> str:
    return "".join(rng.choice(P.SENTENCES).format(unit=rng.choice(subjects), topic=rng.choice(P.TOPICS),
                                                  object=rng.choice(P.OBJECTS), channel=rng.choice(CHANNELS[:3]))
                   for _ in range(rng.randint(1, 3)))


def text_head(sid: str, title: str, subjects: list[str], rng: random.Random, *, spec: bool) -> list[str]:
    lines = [f"# {title}（合成）", f"id: {sid}", "foreword:", "  proposer: 浙江省人民政府办公厅",
             "  owner: 浙江省市场监督管理局", "  drafting_units: [浙江省人民政府办公厅]", "scope:",
             f"  - {q(f'本文件规定了{title}信息公开的主体、内容、方式和时限。')}",
             f"  - {q(f'本文件适用于县（市、区）{title}信息公开工作。')}"]
    if spec:
        lines.append("subjects:")
        lines += [f"  - {{name: {q(s)}, description: {q('县（市、区）' + s)}}}" for s in subjects]
    lines.append("clauses:")
    for topic in rng.sample(P.TOPICS, 3):
        lines += [f"  - title: {topic}", "    body:"]
        lines += [f"      - {q(paragraph(rng, subjects))}" for _ in range(rng.randint(2, 3))]
    return lines


def deadline(rng: random.Random) -> tuple[str, int | None]:
    roll = rng.random()
    if roll < 0.6:
        days = rng.choice(AMENDABLE_DAYS)
        return f"信息形成或者变更之日起{days}个工作日内", days
    if roll < 0.85:
        return f"公示期不少于{rng.choice((5, 7, 10))}个工作日", None
    return "及时公开", None


def item_lines(code: str, domain: tuple[str, str, str, list[str]], subjects: list[str], laws: list[str],
               names: set[str], rng: random.Random, *, local: bool = False) -> tuple[list[str], BaseItem]:
    gid, _, _, areas = domain
    name = unique_name(rng, names)
    content = rng.sample(P.ELEMENTS, rng.randint(3, 6))
    required = rng.sample(CHANNELS[:11], rng.randint(1, 3))
    # a bare 其他 is C416 (gen-03: 选用“其他”的，应写明具体渠道名称), so generated items never pick it
    optional = rng.sample([c for c in CHANNELS if c not in required and c != "其他"], rng.randint(0, 2))
    text, days = deadline(rng)
    lines = [f"  - code: {code}", f"    category: [{rng.choice(P.TOPICS)}, {name}]", f"    name: {name}"]
    if areas:
        lines.append(f"    area: {rng.choice(areas)}")
    lines.append("    content:")
    lines += [f"      - {c}" for c in content[:-1]] + [f"      - {{text: {q(content[-1])}, required: false}}"]
    lines.append("    basis:")
    lines += [f"      - {{law: {law}, articles: [{rng.randint(1, 60)}]}}" for law in laws]
    lines += [f"    subject: {flow(rng.sample(subjects, min(len(subjects), rng.randint(1, 2))))}",
              f"    deadline: {text}", f"    method: {'依申请' if rng.random() < 0.1 else '主动'}",
              "    channels:", f"      required: {flow(required)}"]
    if optional:
        lines.append(f"      optional: {flow(optional)}")
    audience = "全社会" if rng.random() < 0.5 else f"{{kind: 特定群体, who: {q(rng.choice(P.WHO))}}}"
    lines += [f"    audience: {audience}", f"    level: {flow(sorted(rng.sample(LEVELS[2:], rng.randint(1, 2)), key=LEVELS.index))}",
              f"    openness: {rng.choice(OPENNESS)}"]
    return lines, BaseItem(code, gid, None if local else days, required, optional)


def unique_name(rng: random.Random, names: set[str]) -> str:
    base = rng.choice(P.OBJECTS) + rng.choice(P.ACTIONS)
    name, n = base, 1
    while name in names:
        n += 1
        name = f"{base}（{numeral(n) if n <= 99 else n}）"
    names.add(name)
    return name


def domain_subjects(domain: tuple[str, str, str, list[str]], rng: random.Random) -> list[str]:
    depts = rng.sample(P.DEPARTMENTS, 3)
    return ["县级人民政府", *(f"县级{d}主管部门" for d in depts), "乡镇人民政府（街道办事处）"]


def write_domain(root: Path, params: Params, domain: tuple[str, str, str, list[str]], corpus: Corpus,
                 rng: random.Random, law_cursor: list[int]) -> None:
    gid, code, title, _ = domain
    subjects = domain_subjects(domain, rng)
    corpus.subjects[gid] = subjects
    folder = root / "standards" / "domains" / gid
    folder.mkdir(parents=True, exist_ok=True)
    per_standard = split(params.items, params.standards + 1)
    names: set[str] = set()
    serial = 0
    for n, count in enumerate(per_standard):
        sid = f"{gid}-{n:02d}"
        name = f"{title}公开规范" if n == 0 else f"{title}{P.TOPICS[(n - 1) % len(P.TOPICS)]}"
        lines = text_head(sid, name, subjects, rng, spec=n == 0)
        if count:
            lines.append("items:")
        for _ in range(count):
            primary, secondary = divmod(serial, 99)
            serial += 1
            laws = cite(corpus.law_ids, law_cursor, rng)
            block, item = item_lines(f"{code}-{primary + 1:02d}-{secondary + 1:02d}", domain, subjects, laws,
                                     names, rng)
            lines += block
            corpus.items.append(item)
        (folder / f"{sid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def cite(law_ids: list[str], cursor: list[int], rng: random.Random) -> list[str]:
    """One law in registry order (so every law is cited somewhere) plus up to one at random."""
    first = law_ids[cursor[0] % len(law_ids)]
    cursor[0] += 1
    other = rng.choice(law_ids)
    return [first] if other == first or rng.random() < 0.5 else [first, other]


# --- county profiles -----------------------------------------------------------------------------

def county_code(i: int) -> str:
    """Distinct six-digit codes under province 33, spread over the cities like real ones."""
    city, county = divmod(i, 99)
    return f"33{city + 1:02d}{county + 1:02d}"


def county_name(i: int, rng: random.Random) -> tuple[str, str]:
    city = P.CITY_NAMES[(i // 99) % len(P.CITY_NAMES)]
    name = "".join(rng.sample(P.PLACE_CHARS, 2)) + rng.choice("县区市")
    return city, city + name


def county_yaml(i: int, params: Params, corpus: Corpus, rng: random.Random) -> str:
    code = county_code(i)
    city, name = county_name(i, rng)
    lines = [f"# {name}本地目录配置（合成）", f"county: {{code: \"{code}\", name: {name}, city: {city}}}", "subjects:"]
    generic = sorted({s for subjects in corpus.subjects.values() for s in subjects})
    lines += [f"  {q(s)}: {q(name + s.removeprefix('县级'))}" for s in generic]
    lines += ["channels:", f"  政府网站: https://www.{code}.gov.cn"]
    amend, not_applicable, add = overlay_mix(params.overlay)
    amended, amend_lines = amendments(corpus, amend, rng)
    lines += amend_lines + not_applicable_marks(corpus, not_applicable, amended, rng)
    lines += local_items(params, corpus, add, rng)
    return "\n".join(lines) + "\n"


def overlay_mix(size: int) -> tuple[int, int, int]:
    """How a profile's entries split: half amendments, a fifth not applicable, the rest local items."""
    amend = size // 2
    not_applicable = size // 5
    return amend, not_applicable, size - amend - not_applicable


def amendments(corpus: Corpus, count: int, rng: random.Random) -> tuple[set[str], list[str]]:
    candidates = [it for it in corpus.items if it.days is not None]
    chosen = rng.sample(candidates, min(count, len(candidates)))
    if not chosen:
        return set(), []
    lines = ["amend:"]
    for item in sorted(chosen, key=lambda it: it.code):
        assert item.days is not None
        lines += [f"  {item.code}:", f"    deadline: 信息形成或者变更之日起{item.days - rng.randint(2, 5)}个工作日内"]
        extra = [c for c in CHANNELS[:11] if c not in item.required and c not in item.optional]
        if extra and rng.random() < 0.5:
            lines.append(f"    channels: {{required: [{q(rng.choice(extra))}]}}")
    return {it.code for it in chosen}, lines


def not_applicable_marks(corpus: Corpus, count: int, amended: set[str], rng: random.Random) -> list[str]:
    """Items the county does not apply (never one it also amends: that is O516)."""
    candidates = [it for it in corpus.items if it.code not in amended]
    chosen = rng.sample(candidates, min(count, len(candidates)))
    if not chosen:
        return []
    return ["not_applicable:", *(f"  {it.code}: {rng.choice(P.REASONS)}" for it in sorted(chosen, key=lambda it: it.code))]


def local_items(params: Params, corpus: Corpus, count: int, rng: random.Random) -> list[str]:
    if count <= 0:
        return []
    lines = ["add:"]
    domains = domain_ids(params)
    names: set[str] = set()
    for k in range(count):
        domain = domains[k % len(domains)]
        primary, secondary = divmod(k // len(domains), 99)
        code = f"{domain[1]}-{90 + primary % 10:02d}-{secondary + 1:02d}"
        block, _ = item_lines(code, domain, corpus.subjects[domain[0]], [rng.choice(corpus.law_ids)], names, rng,
                              local=True)
        lines += block
    return lines


# --- the whole workspace -------------------------------------------------------------------------

def generate(out: Path, params: Params) -> dict[str, int]:
    """Write the workspace into `out` (replacing it); returns what it holds."""
    params.validate()
    if out.exists():
        shutil.rmtree(out)
    standards = out / "standards"
    (standards / "general").mkdir(parents=True)
    rng = random.Random(params.seed)
    corpus = Corpus()
    (out / "govopen.yaml").write_text(govopen_yaml(), encoding="utf-8")
    (standards / "system.yaml").write_text(system_yaml(params), encoding="utf-8")
    (standards / "vocabulary.yaml").write_text(vocabulary_yaml(), encoding="utf-8")
    (standards / "laws.yaml").write_text(laws_yaml(params, rng, corpus), encoding="utf-8")
    (standards / "general" / "gen-02.yaml").write_text(gen_02(params), encoding="utf-8")
    (standards / "general" / "gen-03.yaml").write_text(GEN_03, encoding="utf-8")
    cursor = [0]
    for domain in domain_ids(params):
        write_domain(out, params, domain, corpus, rng, cursor)
    if params.counties:
        (standards / "counties").mkdir()
    for i in range(params.counties):
        (standards / "counties" / f"{county_code(i)}.yaml").write_text(county_yaml(i, params, corpus, rng),
                                                                      encoding="utf-8")
    return stats(params)


def stats(params: Params) -> dict[str, int]:
    """The sizes the runner reports: base items, overlay entries, and the items of all resolved catalogs."""
    _, _, add = overlay_mix(params.overlay)
    base = params.domains * params.items
    return {
        "base_items": base,
        "overlay_entries": params.counties * params.overlay,
        "source_items": base + params.counties * params.overlay,
        "resolved_items": base + params.counties * (base + add),
        "counties": params.counties,
    }


def parse_args(argv: list[str] | None = None) -> tuple[Path, Params]:
    parser = argparse.ArgumentParser(description="Generate a synthetic, valid govopen workspace.")
    parser.add_argument("out", type=Path, help="the workspace folder to (re)create")
    parser.add_argument("--domains", type=int, default=Params.domains, help="domains (1..26, the first 8 are the pilot ones)")
    parser.add_argument("--items", type=int, default=Params.items, help="items per domain")
    parser.add_argument("--counties", type=int, default=Params.counties, help="county profiles")
    parser.add_argument("--overlay", type=int, default=Params.overlay, help="entries per county profile")
    parser.add_argument("--standards", type=int, default=Params.standards, help="standards per domain besides -00")
    parser.add_argument("--laws", type=int, default=Params.laws, help="laws in the registry")
    parser.add_argument("--seed", type=int, default=Params.seed)
    args = parser.parse_args(argv)
    return args.out, Params(args.domains, args.items, args.counties, args.overlay, args.standards, args.laws, args.seed)


def main(argv: list[str] | None = None) -> None:
    out, params = parse_args(argv)
    sizes = generate(out, params)
    print(" ".join(f"{k}={v}" for k, v in sizes.items()))


if __name__ == "__main__":
    main()
