"""Card Markdown renders, and nothing dangerous or remote survives."""

from __future__ import annotations

from trainer.content.render import render_markdown


def test_markdown_renders_emphasis_lists_and_tables() -> None:
    html = render_markdown("**Bold** and *soft*\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>Bold</strong>" in html and "<em>soft</em>" in html
    assert "<li>one</li>" in html and "<td>2</td>" in html


def test_scripts_handlers_frames_forms_and_remote_images_are_removed() -> None:
    html = render_markdown(
        'Hi <script>alert(1)</script><b onclick="steal()">x</b>'
        '<iframe src="https://evil.example"></iframe><form action="/x"><input name="p"></form>'
        '<img src="https://tracker.example/p.png" alt="t"><img src="local.png" alt="ok">'
        '[link](javascript:alert(1)) <a href="https://example.com">site</a>'
    )
    for banned in ("script", "alert(1)", "onclick", "evil.example", "<iframe", "<form", "<input",
                   "tracker.example", "javascript:"):
        assert banned not in html
    assert '<img src="local.png" alt="ok">' in html
    assert "example.com" not in html and ">site</a>" in html  # the words stay, the URL goes
