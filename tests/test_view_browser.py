"""kg view in a real headless Chromium: loads without errors, shows the seed, focuses an entity and shows evidence on clicks.

Run with KG_UPDATE_SCREENSHOT=1 to rewrite docs/view.png, the README's picture.
"""

import os
import shutil
from pathlib import Path

import pytest

from kg.cli.main import main
from kg.store.oxigraph import Store
from kg.web.view import view_data

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b78362be98e5ff12.txt"
SCREENSHOT = ROOT / "docs" / "view.png"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900")
SENTENCE = ("U.S. President Joe Biden used a first official phone call with President Volodymyr Zelenskiy "
            "on Friday to offer staunch support in Ukraine's standoff over Russian troops near its border.")


def _binaries():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or (Path("/usr/bin/chromedriver").exists() and "/usr/bin/chromedriver")
    return browser, driver


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    """Yield a Selenium driver of the Debian chromium, with a fresh profile and no network services."""
    browser, driver = _binaries()
    if not (browser and driver):
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        yield session
    finally:
        session.quit()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    """Ingest the seed and write its view; return (page path, store path)."""
    tmp = tmp_path_factory.mktemp("view")
    (tmp / "seeds").mkdir()
    shutil.copy(SEED, tmp / "seeds" / SEED.name)
    store, page, here = tmp / "store", tmp / "view.html", os.getcwd()
    os.chdir(tmp)  # the document id is the path as given: seeds/000_....txt, as in the README
    try:
        assert main(["--store", str(store), "ingest", f"seeds/{SEED.name}"]) == 0
        assert main(["--store", str(store), "view", "-o", str(page)]) == 0
    finally:
        os.chdir(here)
    return page, store


def open_page(chromium, page, seconds=20):
    """Load the page and wait until its layout is done and drawn."""
    from selenium.webdriver.support.ui import WebDriverWait

    chromium.get(page.as_uri())
    WebDriverWait(chromium, seconds).until(lambda d: d.execute_script("return document.body.dataset.ready"))


def click_entity(chromium, label):
    """Click the entity's dot on the canvas, where vis-network drew it."""
    from selenium.webdriver.common.action_chains import ActionChains

    x, y = chromium.execute_script("""
        const n = [...kg.entities.values()].find(e => e.label === arguments[0]);
        const p = kg.network.canvasToDOM(kg.network.getPositions([n.id])[n.id]);
        const r = document.getElementById("graph").getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];""", label)
    body = chromium.find_element("tag name", "body")
    rect = body.rect
    ActionChains(chromium).move_to_element_with_offset(body, int(x - rect["width"] / 2), int(y - rect["height"] / 2)) \
        .click().perform()


def click_fact(chromium, subject, predicate, obj):
    """Click the fact's link in the entity's list of facts."""
    for link in chromium.find_elements("css selector", "#details a.fact"):
        if link.text == f"{subject} {predicate} {obj}":
            link.click()
            return
    raise AssertionError(f"no fact {subject} {predicate} {obj} listed")


def overlapping_labels(chromium):
    """Return the drawn labels' count and the pairs of them whose boxes (vis-network's own) overlap."""
    return chromium.execute_script("""
        const shown = [...kg.entities.values()].filter(n => n.shown);
        const boxes = shown.map(n => kg.network.getBoundingBox(n.id)), bad = [];
        for (const e of kg.edges.filter(e => e.shown)) {  // a focused entity's edge labels, as last drawn
          const size = kg.network.body.edges[e.id].labelModule.size;
          shown.push({label: e.label});
          boxes.push({left: size.left, right: size.left + size.width, top: size.top, bottom: size.top + size.height});
        }
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
            bad.push([shown[i].label, shown[j].label]);
        }
        return [shown.length, bad];""")


def test_view_browser_shows_the_seed_and_evidence_on_click(chromium, seed_page):
    page, store = seed_page
    open_page(chromium, page)
    errors = [entry for entry in chromium.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert errors == [], errors
    shown = set(chromium.execute_script("return [...kg.entities.values()].map(n => n.label)"))
    with Store.open(store, read_only=True) as opened:
        expected = {e["label"] for e in view_data(opened)["entities"]}
    assert {"Joe Biden", "Volodymyr Zelensky", "Ukraine", "Russia", "NATO"} <= expected
    assert shown == expected
    legend = chromium.find_element("id", "legend").text
    assert "Person" in legend and "Country" in legend
    click_entity(chromium, "Joe Biden")
    assert chromium.execute_script("return kg.network.getSelectedNodes()") == [
        "http://kg.example.org/id/person/Joe_Biden"]
    click_fact(chromium, "Joe Biden", "called", "Volodymyr Zelensky")
    details = chromium.find_element("id", "details").text
    assert SENTENCE in details
    assert f"seeds/{SEED.name}" in details and "0.75" in details and "2021-04-02" in details
    marks = chromium.execute_script("return [...document.querySelectorAll('#details mark')].map(m => m.textContent)")
    assert marks == ["President Joe Biden", "President Volodymyr Zelenskiy"]
    assert chromium.get_log("browser") == []
    if os.environ.get("KG_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        chromium.save_screenshot(str(SCREENSHOT))
