"""`paydoctor serve`: the web consultation and the JSON API."""

from __future__ import annotations

import functools
import gc

from commands import EXIT_OK
from commands.parser import Parser, port, positive, seconds
from visualise.language import Language


def run(argv: list[str], language: Language) -> int:
    from web.app import REQUEST_TIMEOUT

    _ = language.gettext
    parser = Parser(
        prog="paydoctor serve",
        description=_(
            "Serve the web consultation (one question a screen, for a phone) and the"
            " JSON API (/api/v1/...) until Ctrl-C."
        ),
        language=language,
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDRESS",
        help=_("address to listen on (default: 127.0.0.1: this machine only)"),
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help=_(
            "a host name the pages are served under (repeatable; '*.example.com' for its"
            " subdomains, '*' for any): a request naming another gets 400 (default: localhost,"
            " 127.0.0.1, this machine's name and the --host address)"
        ),
    )
    parser.add_argument(
        "--port",
        type=functools.partial(port, language=language),
        default=8000,
        metavar="N",
        help=_("port (default: 8000; 0: a free one)"),
    )
    parser.add_argument(
        "--workers",
        type=functools.partial(positive, language=language),
        default=1,
        metavar="N",
        help=_("processes (default: 1)"),
    )
    parser.add_argument(
        "--request-timeout",
        type=seconds,
        default=REQUEST_TIMEOUT,
        metavar="SECONDS",
        help=_(
            "close a connection that has not sent a whole request within this time of opening"
            " or of its last answer; an idle one is closed after 5 s (default: {seconds})"
        ).format(seconds=f"{REQUEST_TIMEOUT:g}"),
    )
    args = parser.parse_args(argv)
    from web.app import Settings
    from web.server import default_hosts, serve

    gc.enable()  # a server runs long: its garbage must be collected
    hosts = tuple(args.allowed_host) or default_hosts(args.host)
    knowledge = tuple(args.knowledge)
    serve(Settings(args.host, args.port, args.workers, knowledge, hosts, args.request_timeout))
    return EXIT_OK
