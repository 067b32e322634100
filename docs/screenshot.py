"""Rebuild docs/web-consultation.png, the README's picture of the web consultation on a phone.

    python docs/screenshot.py [OUTPUT.png]

Serves the real app on a free loopback port and drives Debian's Chromium
(/usr/bin/chromium, through Playwright) at a phone's size through the README's
story, answered as its traveller would (dates to the month, "I don't know" to
what only the bank knows). Three screens, side by side: the card's question,
the report's fix plan, the sentence to show at the bank's counter. The picture is put
together by the same browser, so nothing but Playwright is needed.
"""

from __future__ import annotations

import base64
import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from web.app import Settings, create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
OUTPUT = ROOT / "docs" / "web-consultation.png"
PICTURED = "bank_cards[0].status"
"""The question pictured: what happens with the card, the story's first card question."""
TRAVELLER = {
    "symptom.where": "taobao",
    "symptom.error_message": "与预留手机号不符",
    "bank_cards": "1",
    "bank_cards[0].status": "cannot_be_verified",
    "alipay.document_expiry_notice": "false",
    "taobao.security_error": "true",
    "taobao.account_age_days": "12",
    "passport.expiry_date": "2036-08",
    "passport.renewed_on": "2026-09",
    "residence_permit.expiry_date": "2027-09",
    "phone.changed_on": "2026-10",
}
"""What the story's traveller answers (examples/story-renewed-passport-new-phone-new-taobao.json),
dates to the month; any other question gets "I don't know"."""


def main(output: Path = OUTPUT) -> None:
    listening = socket.create_server(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(Settings()), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{listening.getsockname()[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = phone.new_page()
        page.goto(base + "/")
        shots = [_consult(page)]
        page.evaluate("scrollTo(0, document.getElementById('plan-title').offsetTop - 12)")
        shots.append(page.screenshot())  # the numbered fix cards, the first with its sentence
        with page.expect_navigation():
            page.get_by_role("button", name="Show this to staff").first.click()
        shots.append(page.screenshot())
        sheet = browser.new_page(viewport={"width": 1240, "height": 878})
        sheet.set_content(_side_by_side(shots))
        sheet.screenshot(path=str(output))
        browser.close()
    server.should_exit = True
    print(f"wrote {output}")


def _consult(page: Page) -> bytes:
    """Answer every question as the traveller; the pictured question's screen."""
    pictured = b""
    with page.expect_navigation():
        page.get_by_role("button", name="Start").click()
    while (form := page.locator("form[data-fact]")).count():
        fact = form.get_attribute("data-fact")
        answer = TRAVELLER.get(fact)
        if fact == PICTURED:
            pictured = page.screenshot()
        if answer is None:
            button = form.locator("button[name=dont_know]")
        elif form.locator("input[type=radio]").count():
            form.locator(f'input[type=radio][value="{answer}"]').check()
            button = form.locator("button[type=submit]:not([name])")
        else:
            form.locator("input[name=answer]").fill(answer)
            button = form.locator("button[type=submit]:not([name])")
        with page.expect_navigation():
            button.click()
    if not pictured:
        raise SystemExit(f"the consultation never asked {PICTURED}: update docs/screenshot.py")
    return pictured


def _side_by_side(shots: list[bytes]) -> str:
    frames = "".join(
        f'<img src="data:image/png;base64,{base64.b64encode(shot).decode()}">' for shot in shots
    )
    return (
        "<style>body{margin:0;padding:16px;display:flex;gap:17px;background:#fff}"
        "img{width:390px;height:844px;border:1px solid #d0d7de;border-radius:12px}</style>" + frames
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
