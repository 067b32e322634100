"""The translation catalogs: extract the program's words, update each language, compile.

    python -m visualise.catalogs            # after changing words in the code
    python -m visualise.catalogs --new ja   # start a language: then translate locale/ja/.../*.po

Babel extracts every marked string (`gettext`, `ngettext`, `N_`, `Message`,
`InputError`) from cli.py, commands/, engine/, visualise/ and web/, the knowledge units'
texts (`Wording`) from knowledge/, and `_()` from the web pages' templates, into
`locale/paydoctor.pot`, merges it into each `LANGUAGE/LC_MESSAGES/paydoctor.po`
and compiles the `.mo` files that install with the package. The compiled
catalogs are committed, so a checkout runs without a build step;
tests/test_language.py fails when any of them is stale, and `check-kb` (through
`translation_problems`) names every entry a language lacks.
"""

from __future__ import annotations

import argparse
import io
import re
import string
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from engine.checking.check import Problem
from engine.text.wording import DOMAIN, LOCALE_DIR

ROOT = LOCALE_DIR.parent.parent
SOURCES = (
    ("cli.py", "python"),
    ("commands/**.py", "python"),
    ("engine/**.py", "python"),
    ("visualise/**.py", "python"),
    ("web/**.py", "python"),
    ("web/templates/**.html", "jinja2"),
    ("knowledge/**.py", "python"),
)
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "Message": None,
    "InputError": None,
    "Wording": None,
    "wallet_wording": None,
}
"""The calls whose first string is a text to translate; `Wording` is a unit's text."""
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
HEADER = "# The words paydoctor shows, made with `python -m visualise.catalogs`.\n#"
DATE = datetime(2026, 12, 1, tzinfo=timezone.utc)
"""A fixed date in the headers, so that only a change of words changes the files."""


def extract() -> Catalog:
    """Every marked string in the sources, with the comments tagged `translators:`."""
    catalog = _catalog(None)
    for path, line, message, comments, context in extract_from_dir(
        ROOT,
        method_map=SOURCES,
        keywords=KEYWORDS,
        comment_tags=("translators:",),
        strip_comment_tags=True,
        directory_filter=lambda folder: not Path(folder).name.startswith("."),
    ):
        catalog.add(message, None, [(path, line)], auto_comments=comments, context=context)
    return catalog


def _catalog(code: str | None) -> Catalog:
    """An empty catalog: the template (`code` None) or a language's."""
    return Catalog(
        locale=code,
        domain=DOMAIN,
        project="paydoctor",
        version="1",
        copyright_holder="the paydoctor authors",
        header_comment=HEADER,
        creation_date=DATE,
        fuzzy=False,
    )


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """The languages with a translation (a `.po` file), by code."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(code: str) -> Catalog:
    with po_path(code).open("rb") as file:
        return read_po(file, locale=code, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    """The `.mo` file of a catalog (fuzzy entries left out, as gettext expects)."""
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def untranslated(template: Catalog, catalog: Catalog) -> list[str]:
    """The entries of `template` that `catalog` lacks, leaves empty or marks fuzzy."""
    missing = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        strings = entry.string if entry is not None else None
        filled = all(strings) if isinstance(strings, (tuple, list)) else bool(strings)
        if entry is None or entry.fuzzy or not filled:
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


_MARKUP = re.compile(r"\[/?[a-z ]*\]")
"""rich's `[bold]...[/]` markup, which a translation keeps as it is."""


def blanks(text: str) -> set[str]:
    """The `{named}` and `{0}` blanks of a template (with their format: `{payment:,}`) and its
    markup; ValueError for a template `str.format` cannot read."""
    found = {
        f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
        for _text, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }
    return found | set(_MARKUP.findall(text))


def format_mismatches(catalog: Catalog) -> list[tuple[str, str]]:
    """The entries whose translation's blanks differ from the English ones (`{card}` kept,
    none added), as Babel's checkers and ours find them: (English, what is wrong)."""
    found = [
        (str(message.id), str(error))
        for message, errors in catalog.check()
        # Babel also reads "{percent}% done" as a %-format: a brace template is checked below.
        if "python-brace-format" not in message.flags
        for error in errors
    ]
    for message in catalog:
        if not message.id or "python-brace-format" not in message.flags:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for string_ in (s for s in strings if s):
            try:
                wrong = blanks(string_) != blanks(ids[-1])
            except ValueError as error:
                found.append((ids[0], f"cannot be filled in ({error})"))
                continue
            if wrong:
                shown = ", ".join(sorted(blanks(ids[-1]))) or "none"
                found.append((ids[0], f"its blanks differ from the English ones ({shown})"))
    return found


def translation_problems() -> list[Problem]:
    """One `check-kb` problem for every entry of the committed template a language lacks, and
    for every translation whose blanks differ from the English."""
    with TEMPLATE.open("rb") as file:
        template = read_po(file, domain=DOMAIN)
    problems = []
    for code in languages():
        catalog, where = read(code), po_path(code).relative_to(ROOT)
        problems += [
            Problem("untranslated", f"{where}: no translation of {text!r}")
            for text in untranslated(template, catalog)
        ]
        problems += [
            Problem("translation-blanks", f"{where}: the translation of {text!r}: {wrong}")
            for text, wrong in format_mismatches(catalog)
        ]
    return problems


def _write(path: Path, catalog: Catalog) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def update(new: tuple[str, ...] = ()) -> None:
    """Write the template, merge it into every language (and start `new` ones), compile."""
    template = extract()
    _write(TEMPLATE, template)
    for code in sorted({*languages(), *new}):
        if po_path(code).exists():
            catalog = read(code)
            catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
            catalog.obsolete.clear()
        else:
            catalog = _catalog(code)
            catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.project, catalog.version = template.project, template.version
        catalog.header_comment = HEADER
        catalog.revision_date = DATE
        _write(po_path(code), catalog)
        po_path(code).with_suffix(".mo").write_bytes(compiled(read(code)))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m visualise.catalogs", description=__doc__)
    parser.add_argument("--new", action="append", default=[], metavar="CODE")
    update(tuple(parser.parse_args().new))


if __name__ == "__main__":
    main()
