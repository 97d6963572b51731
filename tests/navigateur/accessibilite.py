"""axe-core checks (shipped by axe-playwright-python) on a page in the browser."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_axe = Axe()


def violations_graves(page: Page) -> list[str]:
    """Serious and critical violations, as readable lines."""
    results = _axe.run(page)
    return [
        f"{v['id']} ({v['impact']}) : {v['help']} — {len(v['nodes'])} élément(s), "
        f"ex. {v['nodes'][0]['target']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
