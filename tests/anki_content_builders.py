"""Anki collections whose notes use what Anki users bring: templates that add words
around fields, sounds, MathJax, Unicode and hierarchical tags, Image Occlusion; built
with the real Anki (a test-only dependency) and exported as Anki exports them.

Also the yardstick the tests compare with: ``visible`` reduces Anki's own rendering of
a card and ours to the text a learner sees.
"""

from __future__ import annotations

import html
import math
import re
import struct
import wave
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anki_builders import note_adder

from trainer.content.render import render_markdown


def png(width: int, height: int, rgb: tuple[int, int, int] = (0, 128, 0)) -> bytes:
    """A plain-coloured PNG."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def wav(path: Path, seconds: float = 0.1) -> bytes:
    """A short tone as WAV bytes (also written to ``path``)."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"".join(struct.pack("<h", int(5000 * math.sin(i / 5)))
                                 for i in range(int(8000 * seconds))))
    return path.read_bytes()


OBJECTION_Q = ("{{Objection}}<br>{{#Example}}Example: {{Example}} Which objection does this "
               "answer?{{/Example}}{{^Extra}} (nothing extra){{/Extra}} {{hint:Hint}} "
               "<div style=\"display: none\">{{Private}}</div>[{{Type}} / {{Subdeck}} / "
               "{{Card}}] {{text:Objection}}")
OBJECTION_A = ("{{FrontSide}}<hr id=answer>Answer: {{Extra}}{{#Extra}} — see {{Deck}}"
               "{{/Extra}} <i>{{Tags}}</i>")
REVERSE_Q = "Which objection sounds like this? {{Example}}"
REVERSE_A = "{{FrontSide}}<hr id=answer>{{Objection}}"


@dataclass
class Built:
    """A collection built with Anki, its exports and what went into it."""

    folder: Path
    apkg: Path
    notes_txt: Path  # "Notes in Plain Text" with every "Include" box ticked
    guids: dict[str, str] = field(default_factory=dict)  # label -> note guid
    media: dict[str, bytes] = field(default_factory=dict)
    picture: bytes = b""

    def collection(self) -> Any:
        """The collection again (open: the caller closes it)."""
        from anki.collection import Collection

        return Collection(str(self.folder / "profile" / "collection.anki2"))


def build(folder: Path) -> Built:
    """One collection with every kind of note the tests compare."""
    from anki.collection import Collection, ExportAnkiPackageOptions

    (folder / "profile").mkdir(parents=True)
    col = Collection(str(folder / "profile" / "collection.anki2"))
    calls, pricing = col.decks.id("Sales::Calls"), col.decks.id("Sales::Pricing")
    assert calls is not None and pricing is not None
    built = Built(folder, folder / "notes.apkg", folder / "notes.txt")
    models = col.models
    objection = models.new("Objection")
    for name in ("Objection", "Example", "Hint", "Extra", "Private"):
        models.add_field(objection, models.new_field(name))
    for name, qfmt, afmt in (("Recognise", OBJECTION_Q, OBJECTION_A),
                             ("Reverse", REVERSE_Q, REVERSE_A)):
        template = models.new_template(name)
        template["qfmt"], template["afmt"] = qfmt, afmt
        models.add_template(objection, template)
    models.add(objection)

    add = note_adder(col, built.guids)
    tone = wav(folder / "tone.wav")
    col.media.write_data("hello.wav", tone)
    built.media["hello.wav"] = tone
    add("objection", "Objection", calls, ["Verkäufer", "日本語", "sales::cold-call"],
        Objection="Too <b>expensive</b> &amp; co", Example="We can't afford it",
        Hint="price <i>first</i>", Extra="Ask what it costs them [sound:hello.wav]",
        Private="never shown")
    add("bare", "Objection", calls, ["Sales::Cold-Call"], Objection="Not now",
        Example="", Hint="", Extra="")
    add("basic", "Basic", calls, ["Q&A"], Front="Open with [sound:hello.wav]",
        Back='<audio src="hello.wav"></audio> A question [sound:gone.mp3]')
    add("reversed", "Basic (and reversed card)", pricing, Front="Anchor",
        Back="Name the full value first")
    add("optional", "Basic (optional reversed card)", pricing, Front="Discount?",
        Back="Trade, never give", Add_Reverse="y")
    add("one-way", "Basic (optional reversed card)", pricing, Front="Price first?",
        Back="Value first")
    add("typed", "Basic (type in the answer)", pricing, Front="Best opener?",
        Back="A question about them")
    add("cloze", "Cloze", pricing, ["cloze"],
        Text="Say {{c1::the price}}, then {{c2::stop talking::what next?}}.",
        Back_Extra="Silence <i>works</i>.")
    add("math", "Basic", pricing, Front=r"Margin: \(m = \frac{p - c}{p}\)",
        Back=r"\[m^2 &lt; 1\] and \(\frac{a\)")
    add("latex", "Basic", pricing, Front="Old formula", Back="[$]x^2[/$]")
    col.export_anki_package(out_path=str(built.apkg), limit=None,
                            options=ExportAnkiPackageOptions(
                                with_scheduling=False, with_deck_configs=False,
                                with_media=True, legacy=False))
    col.export_note_csv(out_path=str(built.notes_txt), limit=None, with_html=True,
                        with_tags=True, with_deck=True, with_notetype=True, with_guid=True)
    col.close()
    return built


def build_occlusion(folder: Path) -> Built:
    """A collection with Image Occlusion notes made by Anki's own editor code: one in
    "hide all, guess one" with every shape Anki draws, one "hide one" note, and one
    whose picture is gone from the package."""
    from anki.collection import Collection, ExportAnkiPackageOptions

    (folder / "profile").mkdir(parents=True)
    col = Collection(str(folder / "profile" / "collection.anki2"))
    col.add_image_occlusion_notetype()
    notetype = col.models.by_name("Image Occlusion")
    assert notetype is not None
    picture = png(200, 100)
    (folder / "shelf.png").write_bytes(picture)
    built = Built(folder, folder / "occlusion.apkg", folder / "unused.txt",
                  picture=picture)
    all_masks = ("{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}<br>"
                 "{{c2::image-occlusion:ellipse:left=.5:top=.1:rx=.1:ry=.2:oi=1}}<br>"
                 "{{c3::image-occlusion:polygon:left=.1:top=.1:points=.1,.1 .2,.3 .3,.1:"
                 "oi=1}}")
    one_mask = ("{{c1::image-occlusion:rect:left=.6:top=.6:width=.2:height=.2}}<br>"
                "{{c2::image-occlusion:rect:left=.05:top=.05:width=.1:height=.1}}")
    for header, masks in (("Shelf <b>layout</b>", all_masks), ("Hide one", one_mask)):
        col.add_image_occlusion_note(notetype_id=notetype["id"],
                                     image_path=str(folder / "shelf.png"),
                                     occlusions=masks, header=header,
                                     back_extra="Top shelf sells best", tags=["io"])
    for nid in col.find_notes(""):
        built.guids[col.get_note(nid)["Header"]] = col.get_note(nid).guid
    basic = col.models.by_name("Basic")
    assert basic is not None
    note = col.new_note(basic)
    note["Front"], note["Back"] = "Which shelf sells best?", "The top one"
    col.add_note(note, col.decks.id("Default"))  # type: ignore[arg-type]
    col.export_anki_package(out_path=str(built.apkg), limit=None,
                            options=ExportAnkiPackageOptions(
                                with_scheduling=False, with_deck_configs=False,
                                with_media=True, legacy=False))
    col.close()
    return built


# ---------------------------------------------------------------- what a learner sees

_STYLE = re.compile(r"<style\b.*?</style\s*>", re.IGNORECASE | re.DOTALL)
_HIDDEN = re.compile(r"<(div|span)\b[^>]*display:\s*none[^>]*>.*?</\1>", re.IGNORECASE |
                     re.DOTALL)
_PLAY = re.compile(r"\[anki:play:([qa]):(\d+)\]")
_ANSWER = re.compile(r"^.*<hr id=answer>", re.DOTALL)
_MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)
_IMG_ALT = re.compile(r"<img\b[^>]*\balt=\"([^\"]*)\"[^>]*>")
_AUDIO = re.compile(r"<audio\b[^>]*\bsrc=\"([^\"]*)\"[^>]*>(?:</audio>)?")
_TYPED = re.compile(r"\[\[type:([^\]]*)\]\]")
_BLOCK = re.compile(r"<(?:br|/?div|/?p|hr|/?li)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def _words(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", _BLOCK.sub(" ", markup))).split())


def anki_side(card: Any, answer: bool) -> str:
    """What Anki shows on a card's side (the back without the front it repeats): its
    own rendering, with each sound as "▶ name" and each MathJax formula as its LaTeX
    (what the picture drawn here describes)."""
    side = card.answer() if answer else card.question()
    tags = card.answer_av_tags() if answer else card.question_av_tags()
    front_tags = card.question_av_tags()
    side = _HIDDEN.sub("", _STYLE.sub("", side))
    if answer:
        side = _ANSWER.sub("", side)

    def play(match: re.Match[str]) -> str:
        listed = front_tags if match.group(1) == "q" else tags
        return f" ▶ {listed[int(match.group(2))].filename} "

    side = _PLAY.sub(play, side)
    # The web view shows a player for an <audio> element (a play button here), and the
    # reviewer puts a box to type in where [[type:...]] is, the right answer on the back.
    side = _AUDIO.sub(lambda m: f" ▶ {m.group(1)} ", side)
    note = card.note()
    side = _TYPED.sub(lambda m: note[m.group(1)] if answer else "", side)
    side = _MATH.sub(lambda m: " " + html.unescape(m.group(1) or m.group(2) or "") + " ",
                     side)
    return _words(side)


def our_side(markdown: str) -> str:
    """What the card view shows of one side of ours, pictures as their description
    (and a formula left as source as its LaTeX, as for Anki's)."""
    rendered = render_markdown(markdown)
    text = _words(_IMG_ALT.sub(lambda m: " " + m.group(1) + " ", rendered))
    return " ".join(_MATH.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ",
                              text).split())
