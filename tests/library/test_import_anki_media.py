"""What an Anki import brings besides pictures: sound files, MathJax drawn as pictures
and Image Occlusion masks; the plan lists them, the import puts them in the profile, and
Check Database counts them as used (so a repair never removes them)."""

from __future__ import annotations

import pytest
from anki_content_builders import Built, build, build_occlusion

from trainer.app import Services


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built]:
    pytest.importorskip("anki")
    return (build(tmp_path_factory.mktemp("notes")),
            build_occlusion(tmp_path_factory.mktemp("occlusion")))


def stored(svc: Services) -> set[bytes]:
    root = svc.config.profile_dir / "media"
    return {p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_sounds_formulas_and_masks_land_in_the_profile(svc: Services,
                                                       packages: tuple[Built, Built]) -> None:
    notes, occlusion = packages
    plan = svc.imports.prepare(notes.apkg)
    listed = plan.to_json()["media"]
    assert isinstance(listed, list) and "hello.wav" in listed
    assert any(str(n).startswith("mathjax-") for n in listed)
    assert any("gone.mp3" in p.message for p in plan.bundle.skipped)
    svc.imports.apply(plan)
    other = svc.imports.prepare(occlusion.apkg)
    masks = {n: d for n, d in other.bundle.media.items() if n.startswith("occlusion-")}
    assert len(masks) == 10  # five cards, a front and a back each
    svc.imports.apply(other)
    files = stored(svc)
    assert notes.media["hello.wav"] in files
    assert set(masks.values()) <= files
    assert {d for n, d in plan.bundle.media.items() if n.startswith("mathjax-")} <= files
    assert svc.checks.check().ok
