"""`paydoctor serve` as a person starts it: the address it binds, its workers, its logs."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import load_example
from web_support import Forms, answer_fields

from knowledge import builtin_knowledge

ROOT = Path(__file__).resolve().parent.parent
STORY = "story-renewed-passport-new-phone-new-taobao.json"
KB = builtin_knowledge()


def _request(url: str, data: bytes | None = None) -> tuple[int, str]:
    """A request as a browser without JavaScript sends it: GET, or POST of a body."""
    try:
        with urllib.request.urlopen(url, data=data, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _serve(*options: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    first = process.stdout.readline()
    match = re.search(r"serving on (http://\S+/)", first)
    assert match, first
    url = match.group(1)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if _request(url + "api/v1/health")[0] == 200:
                return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not answer")


def _stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    return output


def test_two_workers_serve_a_consultation_and_log_no_personal_data():
    process, url = _serve("--workers", "2")
    try:
        assert url.startswith("http://127.0.0.1:")
        facts = load_example(STORY)
        status, html = _request(url + "consult", b"")
        page = Forms(html)
        while (question := page.question()) is not None:
            fields = {**page.hidden(question), **answer_fields(facts, question, KB)}
            sent = urllib.parse.urlencode(fields, doseq=True).encode()
            status, html = _request(url + "consult", sent)
            assert status == 200
            page = Forms(html)
        assert ("bank-passport-outdated", "suspected") in page.causes  # the bank's records: a check
        body = json.dumps(facts).encode()
        assert _request(url + "api/v1/diagnose", body)[0] == 200
    finally:
        output = _stop(process)
    assert "POST /consult" in output and "POST /api/v1/diagnose" in output
    assert len(re.findall(r"Started server process", output)) == 2
    personal = [
        facts["passport"]["number"],
        facts["passport"]["previous_number"],
        facts["phone"]["number"],
        "13912345678",
        facts["person"]["surname"],
    ]
    assert [value for value in personal if value in output] == []


def test_a_port_in_use_is_one_clear_message():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        result = subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), "serve", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.startswith(f"paydoctor: cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--port", "70000"], "expected a port number from 0 to 65535, got '70000'"),
        (["--workers", "0"], "expected a whole number >= 1, got '0'"),
        (
            ["--port", "0", "--knowledge", "/nonexistent"],
            "--knowledge /nonexistent: no such folder",
        ),
    ],
)
def test_bad_options_are_usage_errors(option, message):
    result = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "serve", *option],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 2
    assert message in result.stderr


def test_errors_keep_the_connection_hosts_are_checked_and_slow_clients_are_closed():
    """One connection: a 400 page, then a page again on it. A Host not allowed gets 400, and
    nothing redirects to it. A client that sends half a request is closed after
    --request-timeout; the access log masks a query's values."""
    import http.client

    process, url = _serve("--request-timeout", "1")
    port = int(url.rsplit(":", 1)[1].strip("/"))
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for path, status in [("/api/v1/rules?lang=ZQ7734291", 400), ("/", 200)]:
            connection.request("GET", path)
            response = connection.getresponse()
            assert (response.status, response.read() != b"") == (status, True)
        connection.request("GET", "/static", headers={"Host": "evil.example.com"})
        refused = connection.getresponse()
        assert refused.status == 400 and refused.getheader("location") is None
        refused.read()
        connection.close()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as slow:
            slow.sendall(b"POST /api/v1/diagnose HTTP/1.1\r\nHost: localhost\r\n")
            started = time.monotonic()
            assert slow.recv(100) == b""  # closed by the server
            assert time.monotonic() - started < 5
    finally:
        output = _stop(process)
    assert "ZQ7734291" not in output and "lang=Z****" in output
    assert "Traceback" not in output
