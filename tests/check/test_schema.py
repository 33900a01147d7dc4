"""`govopen schema`: the JSON Schemas accept the shipped sources (including Chinese alias keys) and reject
unknown keys, so an editor's YAML language server agrees with `govopen check`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    out = tmp_path_factory.mktemp("schema")
    result = run_cli("schema", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8"))
            for p in out.glob("*.schema.json")}


def _load(path: Path) -> object:
    yaml = YAML(typ="safe")
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = yaml.constructor.yaml_constructors[
        "tag:yaml.org,2002:str"]
    return yaml.load(path.read_text(encoding="utf-8"))


def test_shipped_sources_validate(schemas: dict[str, dict[str, object]]) -> None:
    std = ROOT / "standards"
    jsonschema.validate(_load(std / "system.yaml"), schemas["system"])
    jsonschema.validate(_load(std / "vocabulary.yaml"), schemas["vocabulary"])
    jsonschema.validate(_load(std / "laws.yaml"), schemas["laws"])
    texts = sorted((std / "general").glob("*.yaml")) + sorted((std / "domains").glob("*/*.yaml"))
    assert len(texts) == 73
    for path in texts:
        jsonschema.validate(_load(path), schemas["standard"])
    matrices = sorted((std / "coverage").glob("*.yaml"))
    assert len(matrices) == 8
    for path in matrices:
        jsonschema.validate(_load(path), schemas["coverage"])


def test_chinese_alias_keys_accepted_and_unknown_keys_rejected(schemas: dict[str, dict[str, object]]) -> None:
    item = {"事项编码": "ZDBC-02-01", "事项分类": ["征地前期准备"], "事项名称": "征收土地预公告",
            "公开时限": "征收土地预公告时间不少于10个工作日"}
    text = {"id": "zdbc-01", "scope": ["本文件规定了……"], "items": [item]}
    jsonschema.validate(text, schemas["standard"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**text, "items": [{**item, "basiss": []}]}, schemas["standard"])
