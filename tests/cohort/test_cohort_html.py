"""The HTML report: self-contained, escaped, every section with the cohort's figures."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from cohort_builders import SCRIPT_NAME, CohortFiles

from trainer.reports import cohort_html
from trainer.reports.cohort import load_cohort
from trainer.reports.cohort_html import render_html


class Page(HTMLParser):
    """Tags with their attributes, and the text, of an HTML document."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False
        self.feed(document)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def classed(self, css: str) -> list[dict[str, str | None]]:
        return [attrs for _name, attrs in self.tags if css in (attrs.get("class") or "").split()]

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture
def page(cohort_files: CohortFiles) -> Page:
    return Page(render_html(load_cohort([cohort_files.folder])))


def test_self_contained_no_script_nothing_fetched(page: Page) -> None:
    names = {tag for tag, _attrs in page.tags}
    assert names.isdisjoint({"script", "link", "img", "iframe", "object", "embed", "base"})
    for _tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), attrs  # no event handlers
        for key in ("src", "href", "xlink:href", "srcset"):
            assert key not in attrs, attrs
        for value in attrs.values():
            assert "://" not in (value or "")
    assert "@import" not in page.style and "url(" not in page.style
    assert "@font-face" not in page.style


def test_names_from_exports_come_out_as_text(cohort_files: CohortFiles, page: Page) -> None:
    assert SCRIPT_NAME in page.all_text
    assert not page.named("script")
    raw = render_html(load_cohort([cohort_files.folder]))
    assert "<script" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw


def test_heatmap_cells_and_legend(page: Page) -> None:
    [svg] = [s for s in page.named("svg") if "Mastery" in (s.get("aria-label") or "")]
    assert svg["viewbox"]  # scales with the page instead of being cut off
    # 3 learners x 3 topics: only Ana's "general" (5 answers) has enough data.
    assert len(page.classed("cell-na")) == 8
    shown = [t for t, a in page.tags if t == "g" and (a.get("class") or "").startswith("cell-m")]
    assert len(shown) == 1
    assert "not enough data (under 5 answers)" in page.all_text
    assert f"{SCRIPT_NAME}, objections: not enough data (2 answers, 5 needed)" in page.all_text
    assert "Ana, general: mastery" in page.all_text
    assert all(label in page.all_text for _b, _c, label in cohort_html.BANDS)


def test_heatmap_is_cut_into_printable_blocks(cohort_files: CohortFiles,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cohort_html, "HEATMAP_ROWS", 2)
    page = Page(render_html(load_cohort([cohort_files.folder])))
    blocks = [s for s in page.named("svg") if "Mastery" in (s.get("aria-label") or "")]
    assert len(blocks) == 2
    patterns = [p["id"] for p in page.named("pattern")]
    assert len(patterns) == len(set(patterns)) == 3  # two blocks and the legend
    assert "@media print" in page.style and "break-inside: avoid" in page.style


def test_sections_carry_the_figures(cohort_files: CohortFiles, page: Page) -> None:
    text = page.all_text
    assert "3 learners, 3 topics" in text and "4 files skipped" in text
    # Pass rates: two of three finished "mixed", one passed.
    assert "Quiz test deck Mixed quiz 2 of 3 1 50%" in text
    assert "Test week (2 of 3 behind)" in text
    assert (f"{SCRIPT_NAME} day 4 0 of 3 Study Quiz test deck; Pass the quiz: Mixed quiz; "
            "Take the self-check: Ready?") in text
    assert "Ana day 2 2 of 3 on track" in text
    assert re.search(r"Which is best\? Quiz test deck Mixed quiz 2 2", text)
    assert "Ana — — 83% of 12 well calibrated (+7 points) +1.50" in text
    assert "overconfident (+40 points)" in text  # the script-named rep: 50% right when sure
    assert "Whole cohort" in text
    assert f"{cohort_files.broken}: not valid JSON" in text.replace(" : ", ": ")
    assert "huge.json" in text and "package.json" in text
    assert f"{cohort_files.ana_old} : replaced by {cohort_files.ana_new}" in text


def test_empty_cohort_still_renders(tmp_path: object) -> None:
    page = Page(render_html(load_cohort([])))
    assert "No learner has answered anything yet." in page.all_text
    assert "Nobody has finished a quiz yet." in page.all_text
    assert "No export has a learning path." in page.all_text
