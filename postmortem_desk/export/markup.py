"""Parse user Markdown once into a sanitised tree that every report format renders from.

Raw HTML is never interpreted (it stays literal text), entities stay literal, and only http, https
and mailto links survive; any other link keeps its text and loses its target. The PDF, Markdown and
Confluence writers all walk this tree, so what one shows the others show too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Union
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

_INVALID_XML_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
_MD_PLACEHOLDER = re.compile("[\x02\x03]")


def clean_text(text: str) -> str:
    """Drop control characters that no PDF, XML or Markdown reader can show, keep tabs and lines."""
    return _INVALID_XML_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def safe_url(url: str) -> str | None:
    """Return ``url`` when it is an http, https or mailto link, otherwise None."""
    candidate = clean_text(url).strip()
    if not candidate or any(ch.isspace() for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return None
    if parts.scheme.lower() == "mailto" and not parts.path:
        return None
    return candidate


@dataclass(frozen=True)
class Span:
    """A run of text with its inline styles; ``href`` is already known to be safe."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    line_break: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph of inline spans."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    """A heading the user wrote inside a free-text field; ``level`` 1 is the biggest."""

    level: int
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is a sequence of blocks."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class CodeBlock:
    """Preformatted text kept exactly as typed."""

    text: str


@dataclass(frozen=True)
class Quote:
    """A quoted passage."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Rule:
    """A horizontal rule."""


Block = Union[Para, Heading, ListBlock, CodeBlock, Quote, Rule]  # noqa: UP007


@dataclass(frozen=True)
class RichText:
    """One free-text field after parsing: blocks of sanitised content."""

    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """Tell whether there is nothing to show."""
        return not self.blocks

    def plain(self) -> str:
        """Return the visible text without styles, paragraphs separated by blank lines."""
        return "\n\n".join(_block_plain(block) for block in self.blocks)


def _spans_plain(spans: tuple[Span, ...]) -> str:
    return "".join("\n" if s.line_break else s.text for s in spans)


def _block_plain(block: Block) -> str:
    if isinstance(block, Para | Heading):
        return _spans_plain(block.spans)
    if isinstance(block, ListBlock):
        return "\n".join(" ".join(_block_plain(inner) for inner in item) for item in block.items)
    if isinstance(block, CodeBlock):
        return block.text
    if isinstance(block, Quote):
        return "\n".join(_block_plain(inner) for inner in block.blocks)
    return ""


class _Capture(Treeprocessor):  # type: ignore[misc]
    """Keep the finished element tree instead of letting Markdown serialise it."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.root: ET.Element | None = None

    def run(self, root: ET.Element) -> None:
        self.root = root


def _new_parser() -> tuple[markdown.Markdown, _Capture]:
    """Build a Markdown parser that treats HTML and entities as plain text."""
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("entity")
    capture = _Capture(md)
    md.treeprocessors.register(capture, "postmortem_desk_capture", -100)
    return md, capture


_CODE_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def _uncode(text: str) -> str:
    """Undo the escaping Markdown applies to code text, so it prints as typed."""
    for entity, char in _CODE_ENTITIES:
        text = text.replace(entity, char)
    return text


def _inline(
    element: ET.Element, *, bold: bool = False, italic: bool = False, href: str | None = None
) -> list[Span]:
    """Flatten an element's inline content into spans."""
    spans: list[Span] = []

    def add(text: str | None) -> None:
        if text:
            text = _MD_PLACEHOLDER.sub("", text)
            if text:
                spans.append(Span(text=text, bold=bold, italic=italic, href=href))

    add(element.text)
    for child in element:
        tag = child.tag
        if tag in ("strong", "b"):
            spans.extend(_inline(child, bold=True, italic=italic, href=href))
        elif tag in ("em", "i"):
            spans.extend(_inline(child, bold=bold, italic=True, href=href))
        elif tag == "code":
            code_text = _uncode("".join(child.itertext()))
            if code_text:
                spans.append(Span(text=code_text, bold=bold, italic=italic, code=True, href=href))
        elif tag == "a":
            target = safe_url(child.get("href", ""))
            inner = _inline(child, bold=bold, italic=italic, href=target)
            if not inner and target:
                inner = [Span(text=target, bold=bold, italic=italic, href=target)]
            spans.extend(inner)
        elif tag == "br":
            spans.append(Span(text="", line_break=True))
        elif tag == "img":
            add(child.get("alt", ""))
        else:
            spans.extend(_inline(child, bold=bold, italic=italic, href=href))
        add(child.tail)
    return spans


def _tidy(spans: list[Span]) -> tuple[Span, ...]:
    """Merge neighbours with the same style and trim the outer whitespace."""
    merged: list[Span] = []
    for span in spans:
        if span.line_break:
            merged.append(span)
            continue
        text = clean_text(span.text)
        if not text:
            continue
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not previous.line_break
            and (previous.bold, previous.italic, previous.code, previous.href)
            == (span.bold, span.italic, span.code, span.href)
        ):
            merged[-1] = Span(
                previous.text + text, previous.bold, previous.italic, previous.code, previous.href
            )
        else:
            merged.append(Span(text, span.bold, span.italic, span.code, span.href))
    while merged and (merged[0].line_break or not merged[0].text.strip()):
        merged.pop(0)
    while merged and (merged[-1].line_break or not merged[-1].text.strip()):
        merged.pop()
    if merged and not merged[0].code:
        first = merged[0]
        merged[0] = Span(first.text.lstrip(), first.bold, first.italic, first.code, first.href)
    if merged and not merged[-1].code:
        last = merged[-1]
        merged[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.code, last.href)
    return tuple(merged)


def _blocks(parent: ET.Element) -> list[Block]:
    """Convert the block-level children of ``parent``."""
    blocks: list[Block] = []
    loose = _inline_only(parent)
    if loose:
        blocks.append(Para(loose))
    for child in parent:
        tag = child.tag
        if tag == "p":
            spans = _tidy(_inline(child))
            if spans:
                blocks.append(Para(spans))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            spans = _tidy(_inline(child))
            if spans:
                blocks.append(Heading(int(tag[1]), spans))
        elif tag in ("ul", "ol"):
            items = tuple(tuple(_blocks(item)) for item in child if item.tag == "li")
            items = tuple(item for item in items if item)
            if items:
                blocks.append(ListBlock(ordered=tag == "ol", items=items))
        elif tag == "pre":
            text = clean_text(_uncode("".join(child.itertext()))).rstrip("\n")
            if text:
                blocks.append(CodeBlock(text))
        elif tag == "blockquote":
            inner = tuple(_blocks(child))
            if inner:
                blocks.append(Quote(inner))
        elif tag == "hr":
            blocks.append(Rule())
        else:
            spans = _tidy(_inline(child))
            if spans:
                blocks.append(Para(spans))
        tail = clean_text(_MD_PLACEHOLDER.sub("", child.tail or "")).strip()
        if tail and parent.tag == "li":
            blocks.append(Para((Span(tail),)))
    return blocks


def _inline_only(parent: ET.Element) -> tuple[Span, ...]:
    """Collect the text sitting directly in a list item before any block child."""
    if parent.tag != "li":
        return ()
    shallow = ET.Element("span")
    shallow.text = parent.text
    for child in parent:
        if child.tag in ("p", "ul", "ol", "pre", "blockquote", "hr") or child.tag.startswith("h"):
            break
        copy = ET.SubElement(shallow, child.tag, dict(child.attrib))
        copy.text = child.text
        copy.extend(list(child))
        copy.tail = child.tail
    spans = _tidy(_inline(shallow))
    for child in list(parent):
        if child.tag in ("p", "ul", "ol", "pre", "blockquote", "hr") or child.tag.startswith("h"):
            break
        parent.remove(child)
    parent.text = None
    return spans


def parse_markdown(source: str) -> RichText:
    """Parse one free-text field; HTML stays literal and unsafe links lose their target."""
    text = clean_text(source)
    if not text.strip():
        return RichText()
    md, capture = _new_parser()
    md.convert(text)
    if capture.root is None:
        return RichText()
    return RichText(tuple(_blocks(capture.root)))


def plain_paragraphs(source: str) -> RichText:
    """Wrap text that is not Markdown (chat lines, titles) as paragraphs, untouched."""
    text = clean_text(source).strip()
    if not text:
        return RichText()
    return RichText(
        tuple(Para((Span(part.strip()),)) for part in re.split(r"\n\s*\n", text) if part.strip())
    )


def map_text(rich: RichText, transform: Callable[[str], str]) -> RichText:
    """Apply ``transform`` to every visible piece of text (anonymising names, for instance)."""

    def spans(items: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(s if s.line_break else span(s) for s in items)

    def span(item: Span) -> Span:
        href = safe_url(transform(item.href)) if item.href else None
        return Span(transform(item.text), item.bold, item.italic, item.code, href)

    def block(item: Block) -> Block:
        if isinstance(item, Para):
            return Para(spans(item.spans))
        if isinstance(item, Heading):
            return Heading(item.level, spans(item.spans))
        if isinstance(item, ListBlock):
            return ListBlock(item.ordered, tuple(tuple(block(b) for b in it) for it in item.items))
        if isinstance(item, CodeBlock):
            return CodeBlock(transform(item.text))
        if isinstance(item, Quote):
            return Quote(tuple(block(b) for b in item.blocks))
        return item

    return RichText(tuple(block(b) for b in rich.blocks))
