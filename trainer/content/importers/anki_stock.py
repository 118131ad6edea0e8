"""Anki's standard note types, for text files that name a note type but carry no
templates (Anki's "Notes in Plain Text" export with "Include notetype name"): their
fields and card templates as Anki creates them (tests check them against Anki's own)."""

from __future__ import annotations

from trainer.content.importers.anki_notes import NoteType, Template

_BACK = "{{FrontSide}}\n\n<hr id=answer>\n\n"

STOCK: dict[str, NoteType] = {nt.name: nt for nt in (
    NoteType("Basic", ("Front", "Back"),
             (Template(0, "Card 1", "{{Front}}", _BACK + "{{Back}}"),)),
    NoteType("Basic (and reversed card)", ("Front", "Back"),
             (Template(0, "Card 1", "{{Front}}", _BACK + "{{Back}}"),
              Template(1, "Card 2", "{{Back}}", _BACK + "{{Front}}"))),
    NoteType("Basic (optional reversed card)", ("Front", "Back", "Add Reverse"),
             (Template(0, "Card 1", "{{Front}}", _BACK + "{{Back}}"),
              Template(1, "Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}",
                       _BACK + "{{Front}}"))),
    NoteType("Basic (type in the answer)", ("Front", "Back"),
             (Template(0, "Card 1", "{{Front}}\n\n{{type:Back}}",
                       "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}"),)),
    NoteType("Cloze", ("Text", "Back Extra"),
             (Template(0, "Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"),),
             cloze=True),
)}
