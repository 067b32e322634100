"""paydoctor's command line: which command a line names, and its exit status.

Each command is a module of commands/ (commands/diagnose.py for a line that names
none); this file reads `--lang`, runs the command and turns what went wrong into
one line and an exit status.

    python cli.py FACTS.json [--format text|json] [--show-personal-data] [--explain ID]
    python cli.py --ask [FACTS.json]      (a consultation: questions, then the diagnosis)
    python cli.py interview FACTS.json [--format text|json]   (a consultation's next step)
    python cli.py schema
    python cli.py rules [--format text|json|markdown]
    python cli.py check-kb
    python cli.py batch CASES.jsonl|FOLDER [--output PATH] [--jobs N] [--show-personal-data]
    python cli.py serve [--host 127.0.0.1] [--port 8000] [--workers N]   (the web consultation)
Every command takes --knowledge DIR (repeatable): rule units from another folder, and
--lang en|zh (default: Chinese when LC_ALL, LC_MESSAGES or LANG starts with zh; otherwise
English; the list is the catalogs in visualise/locale/).

A diagnosis also writes its reasoning diagram (FACTS.diagnosis.svg; --diagram PATH, whose
extension picks .svg/.png/.pdf/.dot, or --no-diagram); `python cli.py graph [--diagram PATH]`
draws the whole knowledge base.

Exit status: 0 a diagnosis was made, 2 bad input or usage, 1 an internal fault.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import signal
import sys
import threading

from commands import COMMANDS, EXIT_BAD_INPUT, EXIT_FAULT, EXIT_OK
from engine.errors import EngineFault, InputError, KnowledgeError
from visualise import language as languages
from visualise.errors import DiagramError
from visualise.language import Language


class _LanguageParser(argparse.ArgumentParser):
    """Reads only `--lang`, before a command builds its parser in that language."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError("{problem} (see '{prog} --help')", problem=message, prog="paydoctor")


def _language(argv: list[str]) -> Language:
    """The language `--lang` names, else the locale's; InputError for a language not offered."""
    parser = _LanguageParser(add_help=False)
    parser.add_argument("--lang", default=languages.default_code())
    return languages.language(parser.parse_known_args(argv)[0].lang)


def _run(argv: list[str], language: Language) -> int:
    """Run the command `argv` names (its module in commands/, imported only now); a command
    line that names none is a diagnosis."""
    name = COMMANDS.get(argv[0]) if argv else None
    module = importlib.import_module(f"commands.{name or 'diagnose'}")
    return module.run(argv[1:] if name else argv, language)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _one_line(message: str) -> str:
    """An error as one printable line, whatever characters a file name or value held."""
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", message)


class _Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the run is, so what it was writing is cleaned up."""


def _terminate(signum: int, frame) -> None:
    raise _Terminated(signum)


def _on_termination(handler) -> dict[int, object]:
    """Handle SIGTERM and SIGHUP with `handler` (main thread only); the handlers replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    signals = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    return {signum: signal.signal(signum, handler) for signum in signals}


def main(argv: list[str] | None = None) -> int:
    from visualise.files import GuardedStream, discard_output

    argv = sys.argv[1:] if argv is None else argv
    collecting = gc.isenabled()
    gc.disable()  # a run allocates and exits: collecting during start-up cost ~30% (bench/)
    language = languages.language(languages.default_code())  # for an error in --lang itself
    stdout, sys.stdout = sys.stdout, GuardedStream(sys.stdout)
    replaced = _on_termination(_terminate)
    try:
        language = _language(argv)
        status = _run(argv, language)
        sys.stdout.flush()
        return status
    except (InputError, KnowledgeError) as error:
        print(f"paydoctor: {_one_line(language.text(error.message))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except EngineFault as error:
        problem = language.gettext("internal fault: {problem}").format(problem=error)
        print(f"paydoctor: {problem}", file=sys.stderr)
        return EXIT_FAULT
    except DiagramError as error:
        print(f"paydoctor: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_FAULT
    except KeyboardInterrupt:
        print(f"paydoctor: {language.gettext('interrupted')}", file=sys.stderr)
        return 130
    except _Terminated as stop:
        print("paydoctor: stopped by a signal; nothing was left half-written", file=sys.stderr)
        return 128 + stop.args[0]
    except BrokenPipeError:
        discard_output(stdout)
        return EXIT_OK
    finally:
        sys.stdout = stdout
        for signum, handler in replaced.items():
            signal.signal(signum, handler)
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
