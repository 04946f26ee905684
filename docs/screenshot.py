"""Take the screenshot README shows: the demo's busiest measure timeline, in a phone-sized
headless Chromium (Debian's package, driven by Playwright).

Run by `make screenshot`, after `make demo` has filled .demo/monitor.db.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import uvicorn
from playwright.sync_api import sync_playwright
from sqlalchemy.orm import Session

from monitor.config import load_settings
from monitor.store.db import make_engine
from monitor.web.app import create_app
from monitor.web.queries import measure_summaries

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "timeline.png"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def main() -> int:
    settings = load_settings(ROOT / "config" / "demo.toml", environ={})
    engine = make_engine(settings.monitor.database_url)
    watch = settings.watches[0].name
    with Session(engine) as session:
        measures = measure_summaries(session, watch)
    if not measures:
        print("the demo database holds no figures: run `make demo` first", file=sys.stderr)
        return 1
    busiest = max(measures, key=lambda m: (m.reports, m.values))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, engine), port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}/watches/{quote(watch)}/measure?name={quote(busiest.measure)}"
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 430, "height": 900}, device_scale_factor=2)
        page.goto(url)
        page.screenshot(path=str(OUT), full_page=True)
        browser.close()
    server.should_exit = True
    print(f"{OUT.relative_to(ROOT)}: {busiest.measure} ({url})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
