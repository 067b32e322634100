"""The fix order kept on disk (engine/kb/cache.py): never stale, never in a run's way, no facts.

networkx computes the order; a run whose knowledge has not changed reads it back and
does not import networkx (bench/startup.py measures what that saves).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import cli
from engine.kb import cache as kb_cache
from engine.kb import order as plan
from engine.kb.loader import load_knowledge
from engine.reasoning.diagnosis import Doctor
from knowledge import FOLDER
from tests.conftest import EXAMPLES, ROOT

STORY = EXAMPLES / "story-renewed-passport-new-phone-new-taobao.json"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder of the test's own; the layers' depths forgotten in this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(kb_cache.ENVIRONMENT, str(folder))
    plan._depths.cache_clear()
    yield folder
    plan._depths.cache_clear()


def _networkx_order(kb) -> tuple[str, ...]:
    """The order networkx computes for `kb` now, with no cache at all."""
    return plan._sorted(kb.causes, kb.layers)


def _run(cache: Path, *args: str) -> subprocess.CompletedProcess:
    """`python cli.py ARGS` in a process of its own, reporting whether it imported networkx."""
    code = (
        "import sys, cli\n"
        "status = cli.main(sys.argv[1:])\n"
        "print('networkx' in sys.modules, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    environment = {**os.environ, kb_cache.ENVIRONMENT: str(cache)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )


def test_a_run_with_unchanged_knowledge_reads_the_order_back_without_networkx(cache):
    args = (str(STORY), "--format", "json", "--no-diagram")
    first, second = _run(cache, *args), _run(cache, *args)
    assert first.stderr.split() == ["True"], "the first run computes the order with networkx"
    assert second.stderr.split() == ["False"]
    assert second.stdout == first.stdout
    text = _run(cache, str(STORY), "--no-diagram")
    assert text.stderr.split()[-1] == "False", "the text report's layers read back too"


def test_the_order_read_back_is_networkx_order(cache):
    kb = load_knowledge([FOLDER], trusted=[FOLDER])
    computed = Doctor(kb).order
    assert sorted(path.name.split("-")[0] for path in cache.iterdir()) == ["fix", "layer"]
    plan._depths.cache_clear()
    read_back = Doctor(kb).order
    assert read_back == computed == _networkx_order(kb)


def test_a_kept_order_is_read_back_not_computed(cache, monkeypatch):
    kb = load_knowledge([FOLDER], trusted=[FOLDER])
    computed = Doctor(kb).order
    depths = {layer: plan.depth(kb.layers, layer) for layer in plan.keys(kb.layers)}
    plan._depths.cache_clear()

    def networkx(*args):
        raise AssertionError("computed again")

    monkeypatch.setattr(plan, "_sorted", networkx)
    monkeypatch.setattr(plan, "_depths_in_graph", networkx)
    assert Doctor(kb).order == computed
    assert {layer: plan.depth(kb.layers, layer) for layer in plan.keys(kb.layers)} == depths


def _changed_layers(name: str, layers):
    """The layers' declarations with one thing changed, as a knowledge change would."""
    by_key = {layer.key: layer for layer in layers}
    if name == "a pair's first":  # Alipay after the documents instead of the bank
        by_key["alipay"] = replace(by_key["alipay"], after=("documents",))
    if name == "a pair's second":  # the bank before Taobao instead of WeChat Pay
        by_key["wechat_pay"] = replace(by_key["wechat_pay"], after=())
        by_key["taobao"] = replace(by_key["taobao"], after=("alipay", "bank"))
    if name == "the first layer":  # who is paid opens a plan instead of the phone
        by_key["device"] = replace(by_key["device"], first=False)
        by_key["payee"] = replace(by_key["payee"], first=True)
    changed = tuple(by_key.values())
    return tuple(reversed(changed)) if name == "the layers' order" else changed


@pytest.mark.parametrize(
    "change", ["a pair's first", "a pair's second", "the layers' order", "the first layer"]
)
def test_the_order_and_depths_follow_changed_layers(cache, change):
    kb = load_knowledge([FOLDER], trusted=[FOLDER])
    before = (Doctor(kb).order, plan._depths(kb.layers))
    kb = replace(kb, layers=_changed_layers(change, kb.layers))
    after = (Doctor(kb).order, plan._depths(kb.layers))
    plan.layer_graph.cache_clear()
    assert after == (_networkx_order(kb), plan._depths_in_graph(kb.layers))
    assert after != before


def _write_entry(path: Path, value) -> None:
    """An entry with the key and checksum it should have, holding `value`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    checksum = kb_cache._checksum(data["key"], value)
    path.write_text(json.dumps({"key": data["key"], "value": value, "checksum": checksum}))


@pytest.mark.parametrize(
    ("entry", "wrong"),
    [
        ("fix-order", lambda order: order[:-1]),
        ("fix-order", lambda order: [*order, "no-such-cause"]),
        ("fix-order", lambda order: [order[0], *order[:-1]]),
        ("fix-order", lambda order: dict.fromkeys(order, 0)),
        ("layer-depths", lambda depths: dict(list(depths.items())[1:])),
        ("layer-depths", lambda depths: dict.fromkeys(depths, "1")),
        ("layer-depths", lambda depths: dict.fromkeys(depths, True)),
        ("layer-depths", lambda depths: list(depths)),
    ],
    ids=[
        "a key left out",
        "a key added",
        "a key twice",
        "not a list",
        "a layer left out",
        "a depth in words",
        "a depth not a number",
        "not a mapping",
    ],
)
def test_a_file_whose_value_is_not_an_order_is_written_again(cache, entry, wrong):
    kb = load_knowledge([FOLDER], trusted=[FOLDER])
    expected = (Doctor(kb).order, plan._depths(kb.layers))
    (path,) = cache.glob(f"{entry}-*.json")
    good = path.read_text(encoding="utf-8")
    _write_entry(path, wrong(json.loads(good)["value"]))
    plan._depths.cache_clear()
    assert (Doctor(kb).order, plan._depths(kb.layers)) == expected
    assert path.read_text(encoding="utf-8") == good


@pytest.mark.parametrize(
    ("unit", "before", "after"),
    [
        # bank-name-mismatch waits for bank-passport-outdated; without it, its key sorts first
        ("bank_name_mismatch.py", 'after=("bank-passport-outdated",)', "after=()"),
        # vpn-during-payment moved from the phone's layer, first in a plan, to the payee's
        ("vpn_during_payment.py", 'layer="device"', 'layer="payee"'),
    ],
    ids=["after", "layer"],
)
def test_the_order_follows_a_changed_unit(cache, tmp_path, unit, before, after):
    folder = tmp_path / "knowledge"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__"))
    old = Doctor(load_knowledge([folder], trusted=[folder])).order
    path = folder / "causes" / unit
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1
    path.write_text(text.replace(before, after), encoding="utf-8")
    kb = load_knowledge([folder], trusted=[folder])
    new = Doctor(kb).order
    assert new != old
    assert new == _networkx_order(kb)
    if unit == "bank_name_mismatch.py":
        assert new.index("bank-name-mismatch") < new.index("bank-passport-outdated")
        assert old.index("bank-name-mismatch") > old.index("bank-passport-outdated")
    else:
        banks = [c.key for c in kb.causes if c.layer == "bank"]
        assert all(new.index("vpn-during-payment") > new.index(key) for key in banks)
        assert all(old.index("vpn-during-payment") < old.index(key) for key in banks)


def test_another_version_of_the_code_is_another_entry(cache, tmp_path):
    code = tmp_path / "order.py"
    code.write_text("version 1")
    made = []

    def compute():
        made.append(1)
        return ["a", "b"]

    def valid(value):
        return value == ["a", "b"]

    for _ in range(2):
        assert kb_cache.cached("order", {"x": 1}, (code,), compute, valid) == ["a", "b"]
    assert len(made) == 1
    code.write_text("version 2")
    kb_cache.cached("order", {"x": 1}, (code,), compute, valid)
    kb_cache.cached("order", {"x": 2}, (code,), compute, valid)
    assert len(made) == 3
    missing = (tmp_path / "gone.py",)
    kb_cache.cached("order", {"x": 1}, missing, compute, valid)  # unreadable code: no cache
    kb_cache.cached("order", {"x": 1}, missing, compute, valid)
    assert len(made) == 5


@pytest.mark.parametrize("how", ["below a file", "not writable", "turned off"])
def test_a_cache_folder_that_cannot_be_used_costs_the_run_nothing(
    tmp_path, monkeypatch, capsys, how
):
    if how == "below a file":
        (tmp_path / "file").write_text("")
        folder = tmp_path / "file" / "cache"
    elif how == "not writable":
        folder = tmp_path / "cache"

        def refused(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("tempfile.mkstemp", refused)  # root writes where chmod says not
    else:
        folder = Path("")
    monkeypatch.setenv(kb_cache.ENVIRONMENT, str(folder) if how != "turned off" else "")
    plan._depths.cache_clear()
    assert cli.main([str(STORY), "--format", "json", "--no-diagram"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["causes"] and captured.err == ""
    if how != "turned off":
        assert not folder.exists() or not any(folder.iterdir())
    plan._depths.cache_clear()


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "",
        lambda text: "[1, 2]",
        lambda text: text.replace('"value": ["', '"value": ["x', 1),
        lambda text: re.sub(r'"checksum": "\w+"', '"checksum": "0"', text),
    ],
    ids=["cut", "empty", "other json", "changed order", "wrong checksum"],
)
def test_a_damaged_file_is_ignored_and_written_again(cache, damage):
    kb = load_knowledge([FOLDER], trusted=[FOLDER])
    expected = Doctor(kb).order
    (entry,) = cache.glob("fix-order-*.json")
    good = entry.read_text(encoding="utf-8")
    entry.write_text(damage(good), encoding="utf-8")
    assert Doctor(kb).order == expected
    assert entry.read_text(encoding="utf-8") == good


def test_the_cache_holds_no_personal_data_and_is_not_in_the_package(cache, capsys):
    assert cli.main([str(STORY), "--format", "json", "--no-diagram"]) == 0
    capsys.readouterr()
    kept = "".join(path.read_text(encoding="utf-8") for path in cache.iterdir())
    for typed in ("E98765432", "E12345678", "YX7654321", "139 1234 5678", "SMITH", "Bank of"):
        assert typed not in kept


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(kb_cache.ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert kb_cache.folder() == tmp_path / "paydoctor"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert kb_cache.folder() == tmp_path / "home" / ".cache" / "paydoctor"
    assert not kb_cache.folder().is_relative_to(ROOT)
