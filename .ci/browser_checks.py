"""Browser checks of built sites (run by .ci/run after the tests): axe-core on every page type,
light and dark, at 1280 and 390 px, no page wider than a phone outside an element meant to scroll,
and the applications table's filter and sort, and serve's live reload, driven as a person would.

usage: browser_checks.py SITE [SITE...] [--sample SITE...] [--serve FOLLOWUP CONTENT]
(sites after --sample are checked at 1280 px light and 390 px dark only: large generated sites)
"""
import glob, json, os, shutil, subprocess, sys, tempfile, time
import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

AXE = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8").read()

def driver():
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    browser.set_script_timeout(900)  # axe over a page of 1,000 rows takes a while
    return browser

def first(site, pattern):
    found = sorted(glob.glob(os.path.join(site, pattern)))
    return found[0] if found else None

def pages(site):
    """One page of every type the site has."""
    patterns = ["index.html", "applications/index.html", "applications/*/index.html", "timeline/index.html",
                "companies/index.html", "companies/*/index.html", "stats/index.html", "stats/*/index.html",
                "report/index.html", "advice/index.html", "advice/*/index.html", "advice/tags/*/index.html"]
    return [p for p in (first(site, pattern) for pattern in patterns) if p]

OVERFLOW = """
const width = document.documentElement.clientWidth;
const scrolls = el => { for (let e = el.parentElement; e; e = e.parentElement) {
  const s = getComputedStyle(e); if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') return true; } return false; };
const wide = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > width + 1 && !scrolls(el)) wide.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
}
return {page: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 5)};
"""

FITS = """
const out = [];
for (const el of document.querySelectorAll('svg.app-timeline')) {
  const box = el.parentElement.getBoundingClientRect(), r = el.getBoundingClientRect();
  if (r.right > box.right + 1) out.push('an application timeline is cut off: ' + Math.round(r.right) + ' > ' + Math.round(box.right));
}
const lane = document.querySelector('svg.lanes line.lane');
if (lane) {
  const box = lane.closest('.lanes-box').getBoundingClientRect(), r = lane.getBoundingClientRect();
  if (r.left > box.right) out.push('the newest month shows no lane: its first starts at ' + Math.round(r.left) + ' px');
}
const small = [];
for (const el of document.querySelectorAll('svg.chart text.tick, svg.chart text.label, svg.app-timeline text')) {
  const svg = el.ownerSVGElement, box = svg.viewBox.baseVal;
  if (!box || !box.width) continue;
  const shown = parseFloat(getComputedStyle(el).fontSize) * svg.getBoundingClientRect().width / box.width;
  if (shown > 0 && shown < 8) small.push((el.textContent || '').slice(0, 20) + ' ' + shown.toFixed(1) + ' px');
}
if (small.length) out.push('chart words too small to read: ' + small.slice(0, 3).join(', '));
return out;
"""

def check_pages(browser, sites, sampled=()):
    failures = []
    for site in list(sites) + list(sampled):
        combos = [(1280, "light"), (390, "dark"), (390, "light")] if site in sampled else \
            [(w, s) for w in (1280, 390) for s in ("light", "dark")]
        for page in pages(site):
            url = "file://" + os.path.abspath(page)
            for width, scheme in combos:
                if True:
                    browser.set_window_size(width, 900)
                    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                            {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                    browser.get(url)
                    browser.execute_script(AXE)
                    result = browser.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>"
                        " ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));")
                    for violation in result:
                        failures.append(f"{page} {width}px {scheme}: axe {violation['id']} ({violation['impact']}): {violation['nodes']}")
                    if width == 390 and scheme == "light":
                        overflow = browser.execute_script(OVERFLOW)
                        if overflow["page"] > overflow["width"] + 1:
                            failures.append(f"{page} 390px: page is {overflow['page']} px wide: {overflow['wide']}")
                        for problem in browser.execute_script(FITS):
                            failures.append(f"{page} 390px: {problem}")
    return failures

def check_table(browser, site):
    failures = []
    browser.set_window_size(1280, 900)
    browser.get("file://" + os.path.abspath(os.path.join(site, "applications/index.html")))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.apps tbody tr")
    box = browser.find_element(By.ID, "filter")
    box.send_keys("status:rejected")
    shown = [r for r in rows if r.is_displayed()]
    count = browser.find_element(By.ID, "filter-count").text
    if not shown or len(shown) >= len(rows) or count != f"{len(shown)} shown":
        failures.append(f"filter: {len(shown)} of {len(rows)} rows shown, count says '{count}'")
    if any(r.get_attribute("data-status") != "rejected" for r in shown):
        failures.append("filter: status:rejected shows other rows")
    if "q=status%3Arejected" not in browser.current_url:
        failures.append(f"filter: not kept in the address ({browser.current_url})")
    box.clear(); box.send_keys("-rejected")
    if any(r.get_attribute("data-status") == "rejected" for r in rows if r.is_displayed()):
        failures.append("filter: -rejected still shows rejected rows")
    box.clear(); box.send_keys("zzzz-no-such-thing")
    if not browser.find_element(By.CSS_SELECTOR, ".no-matches").is_displayed():
        failures.append("filter: no 'no matches' message for an empty result")
    box.clear(); box.send_keys(" "); box.send_keys(Keys.BACKSPACE)
    header = browser.find_elements(By.CSS_SELECTOR, "table.apps thead th button.sort")[0]
    header.click()
    names = [r.find_elements(By.TAG_NAME, "td")[0].text.lower() for r in browser.find_elements(By.CSS_SELECTOR, "table.apps tbody tr")]
    if names != sorted(names):
        failures.append("sort: the company column is not in order after a click")
    if header.find_element(By.XPATH, "..").get_attribute("aria-sort") != "ascending":
        failures.append("sort: aria-sort not set")
    return failures

def check_reload(browser, followup, content):
    failures = []
    work = tempfile.mkdtemp()
    shutil.copytree(content, os.path.join(work, "Content"))
    server = subprocess.Popen([followup, "serve", "--content", "Content", "--output", "Output", "--port", "8123",
                               "--today", "2026-11-20", "--quiet"], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while time.time() < deadline and b"Ctrl-C" not in server.stdout.readline():
            pass
        browser.get("http://127.0.0.1:8123/index.html")
        browser.execute_script("window.__marker = 1;")
        journal = sorted(glob.glob(os.path.join(work, "Content/journal/*.md")))[0]
        with open(journal, "a", encoding="utf-8") as f:
            f.write("\n")
        deadline = time.time() + 60
        while time.time() < deadline:
            time.sleep(0.2)
            try:
                if browser.execute_script("return window.__marker") is None:
                    break
            except Exception:
                pass
        else:
            failures.append("live reload: the page did not reload after a save")
        failures += check_panels(browser, journal)
    finally:
        server.terminate(); server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return failures

def wait_for(browser, script, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if browser.execute_script(script):
                return True
        except Exception:
            pass
        time.sleep(0.2)
    return False

def check_panels(browser, journal):
    """Warnings show in a small bar, errors in a panel; both can be dismissed."""
    failures = []
    with open(journal, encoding="utf-8") as f:
        good = f.read()
    with open(journal, "a", encoding="utf-8") as f:
        f.write("\n## Quiet Harbor — Tester\n- 2026-11-19 coffe: a typo in the kind\n")
    if not wait_for(browser, "return !!document.querySelector('[data-followup=warnings]')"):
        failures.append("serve: a warning did not show in the browser")
    else:
        browser.find_element(By.CSS_SELECTOR, "[data-followup=warnings] button").click()
        if browser.execute_script("return !!document.querySelector('[data-followup=warnings]')"):
            failures.append("serve: the warnings bar could not be dismissed")
    with open(journal, "a", encoding="utf-8") as f:
        f.write("\n- 2026-02-30 reply: an impossible date\n")
    if not wait_for(browser, "return !!document.querySelector('[data-followup=errors]')"):
        failures.append("serve: the error panel did not show")
    else:
        text = browser.find_element(By.CSS_SELECTOR, "[data-followup=errors]").text
        if "2026-02-30" not in text:
            failures.append("serve: the error panel does not show the error: " + text[:200])
        browser.find_element(By.CSS_SELECTOR, "[data-followup=errors] button").click()
        if browser.execute_script("return !!document.querySelector('[data-followup=errors]')"):
            failures.append("serve: the error panel could not be dismissed")
    with open(journal, "w", encoding="utf-8") as f:
        f.write(good)
    return failures

def main(argv):
    serve = None
    if "--serve" in argv:
        i = argv.index("--serve"); serve = (argv[i + 1], argv[i + 2]); argv = argv[:i] + argv[i + 3:]
    sampled = []
    if "--sample" in argv:
        i = argv.index("--sample"); sampled = argv[i + 1:]; argv = argv[:i]
    browser = driver()
    try:
        failures = check_pages(browser, argv, sampled)
        failures += check_table(browser, argv[0])
        if serve: failures += check_reload(browser, *serve)
    finally:
        browser.quit()
    checked = sum(len(pages(s)) for s in argv + sampled)
    for failure in failures: print("FAIL", failure)
    print(f"browser checks: {checked} pages at 1280 and 390 px, light and dark; {len(failures)} problems")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
