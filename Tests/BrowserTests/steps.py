"""Named steps of a browser test: a step that fails leaves a screenshot of the page."""

import os
import re
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page


class Steps:
    def __init__(self, page: Page, test_name: str):
        self.page = page
        self.test_name = test_name
        self.count = 0

    @contextmanager
    def __call__(self, name: str):
        self.count += 1
        try:
            yield
        except BaseException:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            folder = Path(os.environ["CHRONOVIEW_SCREENSHOTS"])
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{self.test_name}-{self.count:02d}-{slug}.png"
            self.page.screenshot(path=str(path), full_page=True)
            print(f"step '{name}' failed; screenshot: {path}")
            raise
