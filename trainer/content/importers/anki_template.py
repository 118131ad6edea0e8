"""Anki's card templates, rendered the way Anki renders them: ``{{Field}}``, sections
``{{#Field}}...{{/Field}}`` and ``{{^Field}}...{{/Field}}``, ``{{FrontSide}}``, the
special fields (``{{Tags}}``, ``{{Deck}}``, ...) and the filters (``text:``, ``hint:``,
``cloze:``, ``type:``, ``furigana:`` ...), so that the words a template adds around its
fields ("Example: {{Example}} Which objection does this answer?") reach the card.

The result is Anki's HTML, not yet safe: ``anki_html`` converts and sanitizes it.
What our cards cannot do is rendered as near to Anki as a static page allows: a typed
answer shows no box on the front and the right answer on the back; a hint is its field's
name, with the hint as the tooltip; text to speech is shown as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from trainer.i18n import Context


class AnkiTemplateText(Context):
    """Why an Anki card template cannot be rendered."""


# Fields Anki fills in itself (only where the note has no field of that name).
SPECIAL_FIELDS = ("FrontSide", "Tags", "Type", "Deck", "Subdeck", "CardFlag", "Card",
                  "CardID")
_ALT_SYNTAX = "{{=<% %>=}}"
_EMPTY_FIELD = re.compile(r"^(?:\s|</?(?:br|div) ?/?>)*$", re.IGNORECASE)
_CLOZE_KEY = re.compile(r"c\d+")
_FURIGANA = re.compile(r" ?([^ >]+?)\[(.+?)\]")
_COMMENT_OR_SCRIPT = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>",
                                re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_MAX_DEPTH = 100  # sections nested deeper than any real template: refused, not recursed


class TemplateProblem(Exception):
    """A template Anki itself would refuse to render; the message says why."""


@dataclass
class _Section:
    key: str
    negated: bool
    children: list[_Node] = field(default_factory=list)


@dataclass(frozen=True)
class _Replacement:
    key: str
    filters: tuple[str, ...]  # in the order they are applied (innermost first)


_Node = str | _Replacement | _Section


def _tokens(template: str) -> list[tuple[str, str]]:
    """("text", ...), ("comment", ...) and ("handle", inside the braces) in order."""
    start, end = "{{", "}}"
    stripped = template.lstrip()
    if stripped.startswith(_ALT_SYNTAX):  # the old alternative delimiters
        template, start, end = stripped[len(_ALT_SYNTAX):], "<%", "%>"
    pattern = re.compile(r"<!--.*?-->|" + re.escape(start) + r"(.*?)" + re.escape(end),
                         re.DOTALL)
    out: list[tuple[str, str]] = []
    position = 0
    for match in pattern.finditer(template):
        if match.start() > position:
            out.append(("text", template[position:match.start()]))
        if match.group(1) is None:
            out.append(("comment", match.group()))
        else:
            out.append(("handle", match.group(1)))
        position = match.end()
    if position < len(template):
        out.append(("text", template[position:]))
    return out


def parse(template: str) -> list[_Node]:
    """The template as text, replacements and (nested) sections; raises
    ``TemplateProblem`` for a section that is not closed or closed wrongly."""
    root: list[_Node] = []
    stack: list[_Section] = []
    for kind, value in _tokens(template):
        target = stack[-1].children if stack else root
        if kind != "handle":
            target.append(value)  # a comment stays as text: the sanitizer drops it
            continue
        handle = value.lstrip("{").strip()
        if len(handle) >= 2 and handle[0] in "#^":
            if len(stack) >= _MAX_DEPTH:
                raise TemplateProblem(AnkiTemplateText.tr(
                    "its template nests sections too deeply"))
            section = _Section(handle[1:].lstrip(), handle[0] == "^")
            target.append(section)
            stack.append(section)
        elif len(handle) >= 2 and handle[0] == "/":
            key = handle[1:].lstrip()
            if not stack or stack[-1].key != key:
                raise TemplateProblem(AnkiTemplateText.tr(
                    "its template closes {tag} where no such section is open"
                ).format(tag="{{/" + key + "}}"))
            stack.pop()
        else:
            *filters, key = handle.split(":")
            target.append(_Replacement(key.strip(), tuple(f.strip() for f in
                                                          reversed(filters))))
    if stack:
        raise TemplateProblem(AnkiTemplateText.tr(
            "its template opens {tag} and never closes it").format(
                tag="{{#" + stack[-1].key + "}}"))
    return root


def field_is_empty(text: str) -> bool:
    """Anki's test: only white space and empty ``<br>``/``<div>`` tags."""
    return _EMPTY_FIELD.match(text) is not None


def strip_html(text: str) -> str:
    """Anki's ``text:`` filter: the words without tags, comments, scripts or styles,
    entities decoded (and escaped again, so the result stays text)."""
    plain = html.unescape(_TAG.sub("", _COMMENT_OR_SCRIPT.sub("", text)))
    return html.escape(plain, quote=False)


ClozeFilter = Callable[[str, bool], str]  # (field text, only the deletions) -> HTML


@dataclass
class RenderContext:
    """What a template is rendered with: every field by name (the note's, then the
    special ones), the side, the front (for ``{{FrontSide}}``) and the cloze filter."""

    fields: dict[str, str]
    question: bool
    cloze: ClozeFilter
    frontside: str = ""


def render(nodes: list[_Node], context: RenderContext) -> str:
    """The HTML a parsed template gives; raises ``TemplateProblem`` for a field the
    note type does not have (Anki shows an error instead of the card)."""
    out: list[str] = []
    _render_into(out, nodes, context)
    return "".join(out)


def _render_into(out: list[str], nodes: list[_Node], context: RenderContext) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Section):
            shown = _condition(node.key, context) != node.negated
            # Hidden sections are still rendered, as Anki does, so a broken
            # reference inside one is reported all the same.
            _render_into(out if shown else [], node.children, context)
        elif node.key == "FrontSide":
            out.append("" if context.question else context.frontside)
        elif not node.key:
            continue  # "{{tts en_US:}}" and the like: text an add-on would supply
        elif node.key not in context.fields:
            written = ":".join((*reversed(node.filters), node.key))
            raise TemplateProblem(AnkiTemplateText.tr(
                "its template shows {tag}, but the note type has no field '{name}'"
            ).format(tag="{{" + written + "}}", name=node.key))
        else:
            out.append(_filtered(context.fields[node.key], node, context))


def _condition(key: str, context: RenderContext) -> bool:
    if key in context.fields:
        return not field_is_empty(context.fields[key])
    if _CLOZE_KEY.fullmatch(key):
        return False  # {{#c2}} on any card but the second: not an error in Anki
    raise TemplateProblem(AnkiTemplateText.tr(
        "its template has a section {tag}, but the note type has no field '{name}'"
    ).format(tag="{{#" + key + "}}", name=key))


def _filtered(text: str, node: _Replacement, context: RenderContext) -> str:
    filters = node.filters
    if filters and filters[-1] == "type":
        # A typed answer: no box to type in here, so the front shows nothing and the
        # back shows the right answer (what Anki compares the typed one with).
        if context.question:
            return ""
        if filters[:-1] == ("cloze",):
            return context.cloze(text, True)
        return text
    for name in filters:
        if name == "text":
            text = strip_html(text)
        elif name == "cloze":
            text = context.cloze(text, False)
        elif name == "cloze-only":
            text = context.cloze(text, True)
        elif name in ("furigana", "kana", "kanji"):
            text = _ruby(text, name)
        elif name == "hint":
            text = _hint(text, node.key)
        # Anything else ("tts en_US", "", an add-on's own filter) leaves the text as
        # it is, as Anki does when nothing handles the filter.
    return text


def _ruby(text: str, kind: str) -> str:
    """Japanese readings written "漢字[かんじ]": ``kanji`` keeps the base, ``kana`` the
    reading, ``furigana`` both (as "漢字(かんじ)": the card view has no ruby text)."""
    def replace(match: re.Match[str]) -> str:
        base, reading = match.group(1), match.group(2)
        if reading.startswith("sound:"):
            return match.group()
        if kind == "kanji":
            return base
        if kind == "kana":
            return reading
        return f"{base}({reading})"

    return _FURIGANA.sub(replace, text.replace("&nbsp;", " "))


def _hint(text: str, field_name: str) -> str:
    """Anki shows the field's name as a link that reveals the hint; a card here cannot
    run that script, so the hint is the tooltip of the field's name."""
    if not text.strip():
        return text
    plain = " ".join(html.unescape(_TAG.sub(" ", _COMMENT_OR_SCRIPT.sub("", text))).split())
    return f'<a title="{html.escape(plain)}">{html.escape(field_name)}</a>'


_ANSWER_RULE = re.compile(r"^.*<hr\s+id\s*=\s*[\"']?answer[\"']?\s*/?>", re.IGNORECASE |
                          re.DOTALL)


def answer_part(answer: str, question: str) -> str:
    """What the back adds to the front: after ``<hr id=answer>`` (as Anki's own text
    export does), or after the front it repeats; the whole back otherwise."""
    found = _ANSWER_RULE.match(answer)
    if found:
        return answer[found.end():]
    if question and answer.startswith(question):
        return answer[len(question):]
    return answer


def renders_with_fields(nodes: list[_Node], nonempty: set[str]) -> bool:
    """Whether a question template shows some field with these fields filled in:
    Anki makes a note's card from a template only then."""
    for node in nodes:
        if isinstance(node, _Replacement):
            if node.key in nonempty:
                return True
        elif isinstance(node, _Section):
            if (node.key in nonempty) == node.negated:
                continue
            if renders_with_fields(node.children, nonempty):
                return True
    return False
