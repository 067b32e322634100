"""Adding a language is adding its catalog (docs/translating.md), done here on a copy of the
project: start it with `--new`, translate every entry, compile; it is then offered and shown."""

from __future__ import annotations

import shutil
import subprocess
import sys

from babel.messages.pofile import read_po, write_po

from tests.conftest import ROOT

STORY = "examples/story-renewed-passport-new-phone-new-taobao.json"


def _run(copy, *args):
    return subprocess.run(
        [sys.executable, *args], cwd=copy, capture_output=True, text=True, timeout=120
    )


def test_a_new_language_is_started_translated_compiled_and_offered(tmp_path):
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    copy = tmp_path / "paydoctor"
    for name in filter(None, tracked):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)

    assert _run(copy, "-m", "visualise.catalogs", "--new", "eo").returncode == 0
    po = copy / "visualise" / "locale" / "eo" / "LC_MESSAGES" / "paydoctor.po"
    with po.open("rb") as file:
        catalog = read_po(file, locale="eo")
    # Untranslated, the language is offered but check-kb names every entry it lacks.
    checked = _run(copy, "cli.py", "check-kb")
    assert checked.returncode == 1
    assert "visualise/locale/eo/LC_MESSAGES/paydoctor.po: no translation of 'Fix plan'" in (
        checked.stdout
    )

    for message in catalog:  # the translator's work: here each English text in «»
        if message.id:
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [f"«{text}»" for text in ids]
            message.string = tuple(strings) if message.pluralizable else strings[0]
    with po.open("wb") as file:
        write_po(file, catalog)
    assert _run(copy, "-m", "visualise.catalogs").returncode == 0

    assert _run(copy, "cli.py", "check-kb").returncode == 0
    report = _run(copy, "cli.py", STORY, "--lang", "eo", "--no-diagram")
    assert report.returncode == 0, report.stderr
    assert "«Fix plan»" in report.stdout  # the program's words
    assert "«Your bank still holds your old passport number»" in report.stdout  # a unit's
    assert "您好，我换了新护照。" in report.stdout  # the staff's sentence, as written
    wrong = _run(copy, "cli.py", STORY, "--lang", "xx", "--no-diagram")
    assert "choose one of en, eo, ja, ko, zh" in wrong.stderr
