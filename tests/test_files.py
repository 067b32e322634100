"""Output files: atomic, never over the input, with the permissions a plain write gives."""

from __future__ import annotations

import os

import pytest

from engine.errors import InputError
from visualise.files import open_atomically, write_atomically


def test_a_new_file_gets_the_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "out.svg", b"<svg/>")
    finally:
        os.umask(old)
    assert (tmp_path / "out.svg").stat().st_mode & 0o777 == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "out.svg"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_files_are_written_where_os_has_no_fchmod(tmp_path, monkeypatch):
    """Windows before Python 3.13."""
    monkeypatch.delattr(os, "fchmod")
    target = tmp_path / "out.svg"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_the_input_file_is_never_overwritten(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="input file"):
        write_atomically(tmp_path / "." / "facts.json", b"x", protect=(facts,))
    assert facts.read_text(encoding="utf-8") == "{}"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "records.jsonl"
    target.write_bytes(b"kept")
    with pytest.raises(KeyboardInterrupt), open_atomically(target) as stream:
        stream.write(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


def test_a_missing_folder_is_one_clear_message(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        write_atomically(tmp_path / "nope" / "out.svg", b"x")
