"""The seven pilot counties of 浙政办发〔2017〕82号 ship as profiles, pass `govopen check`, and resolve to
local catalogs where every base item is present (or marked not applicable with a reason), generic
subjects are replaced by local bodies and local additions are present and marked.

The shipped catalog is still growing, so nothing here counts items."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from conftest import ROOT, require_module
from govopen_std.diagnostics import Diagnostics, Severity
from govopen_std.pipeline import CheckResult, check_workspace
from govopen_std.resolve.catalog import Catalog, resolve_province
from govopen_std.resolve.overlay import resolve_counties
from govopen_std.resolve.profile import Profile, read_profiles
from govopen_std.scaffold import PILOT_COUNTIES

# Written out here, not imported from scaffold.PILOT_COUNTIES: this is the test's own reading of 浙政办发〔2017〕82号
# (and GB/T 2260), so a wrong code or name in the table `govopen init` uses fails a test instead of passing it.
PILOTS = {  # 行政区划代码 (GB/T 2260) -> (name, 设区市)
    "330105": ("杭州市拱墅区", "杭州市"),
    "330205": ("宁波市江北区", "宁波市"),
    "330304": ("温州市瓯海区", "温州市"),
    "330421": ("嘉善县", "嘉兴市"),
    "330782": ("义乌市", "金华市"),
    "330881": ("江山市", "衢州市"),
    "331082": ("临海市", "台州市"),
}


@cache
def shipped() -> tuple[CheckResult, Catalog, dict[str, Catalog], dict[str, Profile]]:
    check = check_workspace(ROOT)
    sources = check.sources
    assert sources.system is not None
    base = resolve_province(sources, {p.id: p.group for p in sources.system.value.standards})
    counties = {c.key: c for c in resolve_counties(sources, base, None, Diagnostics())}
    profiles = {p.code: p for p in read_profiles(sources, Diagnostics())}
    return check, base, counties, profiles


def test_the_seven_pilot_profiles_ship() -> None:
    _, _, counties, profiles = shipped()
    assert sorted(profiles) == sorted(PILOTS)
    for code, (name, city) in PILOTS.items():
        county = profiles[code].value.county
        assert (county.name, county.city) == (name, city)
        assert profiles[code].source.display == f"standards/counties/{code}.yaml"
        assert code in counties


def test_init_knows_the_seven_pilots() -> None:
    """`govopen init --county <code>` fills in a pilot's name and city from scaffold.PILOT_COUNTIES."""
    assert PILOT_COUNTIES == PILOTS


def test_pilot_profiles_have_no_errors_or_warnings() -> None:
    check, *_ = shipped()
    found = [f"{d.location} {d.code} {d.message()}" for d in check.diagnostics.items
             if d.location and d.location.path.startswith("standards/counties/") and d.severity >= Severity.WARNING]
    assert found == []


@pytest.mark.parametrize("code", sorted(PILOTS))
def test_every_base_item_is_present_or_not_applicable_with_reason(code: str) -> None:
    _, base, counties, profiles = shipped()
    county = {r.code: r for r in counties[code].items}
    adopted = profiles[code].value.domains
    for item in base.items:
        resolved = county.get(item.code)
        assert resolved is not None, f"{code}: base item {item.code} missing"
        if adopted is not None and item.group_id not in adopted:
            assert resolved.status == "not_applicable", f"{code}: {item.code} of a domain not adopted"
        if resolved.status == "not_applicable":
            assert resolved.reason and resolved.reason.strip()
            assert resolved.origins["reason"].layer == "county"
        else:
            assert resolved.status in ("base", "amended")
    assert any(r.status == "amended" for r in county.values())


@pytest.mark.parametrize("code", sorted(PILOTS))
def test_generic_subjects_are_replaced_by_local_bodies(code: str) -> None:
    _, base, counties, profiles = shipped()
    mapping = profiles[code].value.subject_map()
    renamed = {generic: local for generic, local in mapping.items() if generic != local}
    assert renamed, f"{code} maps no subject to a local body"
    assert renamed["县级人民政府"] == f"{PILOTS[code][0]}人民政府"
    county = {r.code: r for r in counties[code].items}
    for item in base.items:
        local = county[item.code].item.subject
        for generic in item.item.subject:
            if generic in renamed:
                assert renamed[generic] in local and generic not in local, (code, item.code, generic)
        if any(s in renamed for s in item.item.subject):
            assert county[item.code].origins["subject"].path == f"standards/counties/{code}.yaml"


@pytest.mark.parametrize("code", sorted(PILOTS))
def test_local_additions_are_present_and_marked(code: str) -> None:
    _, base, counties, profiles = shipped()
    added = [located.value.code for located in profiles[code].add]
    assert added, f"{code} ships no local item"
    county = {r.code: r for r in counties[code].items}
    base_codes = {r.code for r in base.items}
    for item_code in added:
        resolved = county[item_code]
        assert item_code not in base_codes and 90 <= int(item_code.split("-")[1]) <= 99
        assert resolved.status == "local"
        assert {o.layer for o in resolved.origins.values()} == {"county"}
        assert resolved.origins["code"].path == f"standards/counties/{code}.yaml"


def test_profiles_validate_against_the_county_json_schema(tmp_path: Path) -> None:
    jsonschema = require_module("jsonschema")
    from ruamel.yaml import YAML

    from govopen_std.schema import write_schemas

    paths = {p.name: p for p in write_schemas(tmp_path)}
    schema = json.loads(paths["county.schema.json"].read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for code in PILOTS:
        data = YAML(typ="safe").load((ROOT / "standards" / "counties" / f"{code}.yaml").read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], (code, errors[:3])
