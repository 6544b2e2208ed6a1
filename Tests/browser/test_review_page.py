"""The review page of `declass diff --format html` in headless Chromium (Debian's, driven by Playwright).

Run by Scripts/browser-test.sh (and so by .ci/run). Each test makes its page with the declass binary
named by DECLASS_BIN, opens it from a file:// URL and checks what a reviewer gets: no console error, no
network request, `n`/`p` moving the focus between redactions, a page that libxml2's HTML parser reads
without error, cable markup shown as text with no script of its own running. Pages and screenshots go
to .ci-out/.
"""

import os
import pathlib
import subprocess

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / ".ci-out"
BIN = os.environ.get("DECLASS_BIN", str(ROOT / ".build" / "release" / "declass"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SEED = ROOT / "Samples" / "09ASTANA435.txt"
XSS = ROOT / "Tests" / "DeclassDiffTests" / "Fixtures" / "cables" / "xss.txt"
POLICY = ROOT / "Policies" / "foia-release.yaml"


def make_page(cable, name, *extra):
    """Writes the review page of `cable` (foia-release, as of 2026-11-24) to .ci-out/NAME.html."""
    OUT.mkdir(exist_ok=True)
    target = OUT / f"{name}.html"
    subprocess.run([BIN, "diff", str(cable), "--policy", str(POLICY), "--as-of", "2026-11-24",
                    "--format", "html", "-o", str(target), "--force", *extra],
                   check=True, capture_output=True)
    return target


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


class Visit:
    """A page opened in a fresh context, with its console errors, requests and dialogs recorded."""

    def __init__(self, browser, path, width=1400, height=1000):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def close(self):
        self.context.close()


def test_seed_page_parses_as_html_without_errors():
    page = make_page(SEED, "review-09ASTANA435")
    r = subprocess.run(["xmllint", "--html", "--noout", str(page)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""


def test_seed_page_has_no_console_error_and_no_request_but_itself(browser):
    v = Visit(browser, make_page(SEED, "review-09ASTANA435"))
    try:
        assert v.errors == []
        assert v.requests == [v.url]
    finally:
        v.close()


def test_n_and_p_move_the_focus_between_redactions_and_screenshot(browser):
    v = Visit(browser, make_page(SEED, "review-09ASTANA435"))
    try:
        ids = v.page.evaluate("Array.from(document.querySelectorAll('.redaction')).map(e => e.id)")
        assert len(ids) >= 3
        assert ids[:3] == ["redaction-1", "redaction-2", "redaction-3"]
        v.page.screenshot(path=str(OUT / "review-09ASTANA435.png"))
        v.page.screenshot(path=str(OUT / "review-09ASTANA435-full.png"), full_page=True)
        focused = lambda: v.page.evaluate("document.activeElement && document.activeElement.id")
        assert focused() != ids[0]
        v.page.keyboard.press("n")
        assert focused() == ids[0]
        v.page.keyboard.press("n")
        assert focused() == ids[1]
        v.page.keyboard.press("n")
        assert focused() == ids[2]
        v.page.keyboard.press("p")
        assert focused() == ids[1]
        # The focused redaction shows its rule and reason.
        tip = v.page.locator("#" + ids[1] + " > .tip")
        assert tip.is_visible()
        assert "by " in tip.inner_text()
        assert v.page.locator("#position").inner_text() == f"redaction 2 of {len(ids)}"
        v.page.screenshot(path=str(OUT / "review-09ASTANA435-focus.png"))
        assert v.errors == []
    finally:
        v.close()


def test_narrow_window_stacks_the_two_sides(browser):
    v = Visit(browser, make_page(SEED, "review-09ASTANA435"), width=480, height=900)
    try:
        columns = v.page.evaluate("getComputedStyle(document.querySelector('.unit.changed')).gridTemplateColumns")
        assert len(columns.split()) == 1, columns
        wide = v.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert wide, "the narrow page scrolls sideways"
        v.page.screenshot(path=str(OUT / "review-09ASTANA435-narrow.png"))
    finally:
        v.close()


def test_print_stylesheet_hides_the_keys_and_prints_each_part_with_its_rule(browser):
    v = Visit(browser, make_page(SEED, "review-09ASTANA435"))
    try:
        v.page.emulate_media(media="print")
        assert v.page.evaluate("getComputedStyle(document.querySelector('.keys')).display") == "none"
        assert v.page.evaluate("getComputedStyle(document.querySelector('.redaction .tip')).display") == "none"
        after = v.page.evaluate("getComputedStyle(document.querySelector('#redaction-2'), '::after').content")
        assert after == '" (routing-indicators)"', after
        assert v.page.evaluate("getComputedStyle(document.querySelector('.cols')).position") == "static"
        v.page.pdf(path=str(OUT / "review-09ASTANA435.pdf"), format="A4", print_background=True)
        assert (OUT / "review-09ASTANA435.pdf").stat().st_size > 10000
    finally:
        v.close()


def test_markup_in_a_cable_is_shown_as_text_and_no_script_runs(browser):
    for name, extra in (("review-xss", ()), ("review-xss-original", ("--show-original",))):
        page = make_page(XSS, name, *extra)
        v = Visit(browser, page)
        try:
            assert v.dialogs == []
            assert v.errors == []
            assert v.requests == [v.url]
            assert v.page.title().startswith("Review: ")
            assert v.page.evaluate("document.scripts.length") == 1
            assert v.page.evaluate("document.images.length") == 0
            assert v.page.evaluate("document.querySelectorAll('textarea, b, i').length") == 0
            body = v.page.inner_text(".main")
            assert "<script>alert(1)</script>" in body
            assert '"><img src=x onerror=alert(2)>' in body
            assert "</textarea><b>bold</b>" in body
            assert "&amp; &lt;i&gt;" in body
        finally:
            v.close()
        r = subprocess.run(["xmllint", "--html", "--noout", str(page)], capture_output=True, text=True)
        assert r.returncode == 0 and r.stderr == "", r.stderr
