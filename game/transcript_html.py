"""A transcript as one self-contained HTML page: no scripts, no fonts or images fetched from
anywhere, readable on a phone, and printed to A4 with the debrief starting on a page of its own.

Every piece of text — the story's, the player's choices, the debrief's — passes through
:func:`html.escape` on its way into an element, and the page itself is a
:class:`string.Template` filled with those escaped pieces, so nothing a story says can become
markup.
"""

from __future__ import annotations

from html import escape
from string import Template

from game import debrief_document as doc
from game.engine.passage_words import paragraphs
from game.transcript import GLANCE_COLUMNS, SAME_WORLD, Transcript, about_lines, cell_text, glance_rows
from game.transcript_choices import record_of

_STYLE = """
:root { --ink: #1f1d1a; --dim: #5b554d; --paper: #fbf8f1; --rule: #d8cfbf; --seal: #9b2218;
        --plus: #1d6b35; --minus: #9b2218; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
       font: 1.05rem/1.55 Georgia, "Noto Serif", "DejaVu Serif", "Times New Roman", serif; }
main { max-width: 42rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1, h2, h3, h4, .kicker, .about dt, .label, th, .standing { font-family: "Noto Sans", "DejaVu Sans",
       Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .75rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.2rem; margin: .1rem 0 .6rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.about { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .9rem; margin: 0;
         padding: .75rem 1rem; border-left: 4px solid var(--seal); background: #fff; }
.about dt { font-weight: bold; font-size: .9rem; }
.about dd { margin: 0; overflow-wrap: anywhere; }
.about code { font-size: .85rem; white-space: nowrap; }
@media (max-width: 32rem) { .about { grid-template-columns: 1fr; } .about dd { margin-bottom: .3rem; } }
.passage { margin: 0; padding: .9rem 0; border-bottom: 1px solid var(--rule); }
.passage .heading { font-weight: bold; margin: 0 0 .4rem; }
.place { font-family: "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--dim);
         font-size: .85rem; text-align: center; margin: 1.2rem 0 0; letter-spacing: .03em; }
details.life > summary { cursor: pointer; list-style: none; }
details.life > summary h2 { display: inline-block; }
details.life > summary::before { content: "\25B8  "; color: var(--seal); }
details.life[open] > summary::before { content: "\25BE  "; }
table.glance td:first-child, table.glance th:first-child { text-align: right; white-space: nowrap; }
.passage p { margin: 0 0 .6rem; }
.passage .lines { background: #fff; padding: .6rem .8rem .1rem; border: 1px solid var(--rule); margin: 0 0 .6rem; }
.passage .lines p { white-space: pre-line; overflow-wrap: anywhere; }
.passage .signed { text-align: right; font-style: italic; }
.chosen { margin: .3rem 0 0; padding: .35rem .7rem; border-left: 3px solid var(--ink); background: #f1ece1; }
.label { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--dim);
         margin-right: .4rem; }
.debrief section { margin: 0 0 2rem; }
.kicker { color: var(--seal); font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; margin: 1.8rem 0 0; }
.quiet { font-style: italic; color: var(--dim); }
.table { overflow-x: auto; margin: .6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--rule); }
th { border-bottom: 2px solid var(--ink); font-size: .85rem; }
td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.day { white-space: nowrap; }
.plus { color: var(--plus); } .minus { color: var(--minus); }
.standing { display: flex; align-items: center; gap: 1rem; margin: .8rem 0 1rem; }
.seal { flex: none; width: 4.6rem; height: 4.6rem; border: 3px double var(--seal); border-radius: 50%;
        display: flex; align-items: center; justify-content: center; color: var(--seal);
        font-weight: bold; font-size: 1.35rem; }
.standing .score { font-size: 1.3rem; }
.standing .caption, .standing .change { color: var(--dim); font-size: .9rem; }
ol, ul { padding-left: 1.4rem; }
li { margin: .25rem 0; }
footer { margin-top: 2.5rem; color: var(--dim); font-size: .85rem; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { background: #fff; font-size: 10pt; line-height: 1.4; }
  details.life > summary::before { content: none; }
  details.life:not([open]) > summary .quiet { display: none; }
  table { font-size: 8.5pt; line-height: 1.25; }
  th, td { padding: .1rem .3rem; }
  .debrief { column-count: 2; column-gap: 7mm; font-size: 8.5pt; }
  .debrief h3 { font-size: 10.5pt; } .debrief .kicker { font-size: 7pt; }
  .debrief .seal { width: 3.4rem; height: 3.4rem; font-size: 1.05rem; }
  table.glance { font-size: 8pt; line-height: 1.2; }
  table.glance td { padding: .05rem .3rem; }
  .about { padding: .3rem .6rem; font-size: 9pt; }
  h1 { font-size: 14pt; margin-bottom: .4rem; }
  h2 { margin: 1.2rem 0 .6rem; }
  .kicker { margin-top: 1rem; }
  .debrief section { margin: 0 0 1rem; }
  main { max-width: none; padding: 0; }
  .about, .lines, .chosen { background: none; }
  h2.debrief-start { break-before: page; }
  h2, h3, h4, .kicker, .heading { break-after: avoid; }
  .passage, tr, li, .standing, .about { break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  p { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
}
"""

_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Keeping Trust">
<title>$title</title>
<style>$style</style>
</head>
<body>
<main>
<h1>$title</h1>
$about
$glance
<details class="life">
<summary><h2>The life, as it was read</h2> <span class="quiet">$life_count — open it to read, and to print it with the rest</span></summary>
$life
</details>
$debrief
<footer>$footer</footer>
</main>
$record
</body>
</html>
""")


def _el(name: str, text: str, cls: str | None = None) -> str:
    """One element holding ``text``, escaped: the only way story text enters the page."""
    attr = f' class="{escape(cls)}"' if cls else ""
    return f"<{name}{attr}>{escape(text)}</{name}>"


def _paragraphs(text: str, keep: bool) -> list[str]:
    parts = [p.strip() for p in paragraphs(text)]
    if keep:
        # A bill's or a notice's lines are its look: one framed sheet, every line as written.
        return ['<div class="lines">' + "".join(_el("p", p) for p in parts) + "</div>"]
    return [_el("p", " ".join(p.split())) for p in parts]


def _life(transcript: Transcript) -> str:
    out = []
    for reading in transcript.readings:
        if reading.place:
            out.append(_el("p", f"— {reading.place} —", "place"))
        inner = [_el("p", " ".join(p.split()), "narration") for p in reading.before]
        if reading.heading:
            inner.append(_el("p", reading.heading, "heading"))
        inner += _paragraphs(reading.text, reading.keeps_lines)
        if reading.signed:
            inner.append(_el("p", f"— {reading.signed}", "signed"))
        inner += [_el("p", " ".join(p.split()), "narration") for p in reading.after]
        if reading.chosen:
            label = f"You chose · {reading.decision}" if reading.decision else "You chose"
            inner.append(f'<p class="chosen">{_el("span", label, "label")}{escape(reading.chosen)}</p>')
        out.append('<article class="passage">' + "".join(inner) + "</article>")
    return "\n".join(out)


def _glance(transcript: Transcript) -> str:
    """The choices at a glance: each decision, numbered as the life marks it, with its day and
    what the record made of it."""
    if not transcript.decisions:
        return ""
    head = "".join(_el("th", title) for title in GLANCE_COLUMNS)
    rows = "".join("<tr>" + "".join(_el("td", cell, "day" if i < 2 else None) for i, cell in enumerate(row)) + "</tr>"
                   for row in glance_rows(transcript))
    return ('<h2 id="choices">Choices at a glance</h2>\n<div class="table"><table class="glance"><thead><tr>'
            + head + "</tr></thead><tbody>" + rows + "</tbody></table></div>")


def _cell(cell: doc.Cell, column: doc.Column) -> str:
    classes = []
    if column.numeric:
        classes.append("number")
    elif not column.wraps:
        classes.append("day")
    if isinstance(cell, doc.Points) and cell.value:
        classes.append("plus" if cell.value > 0 else "minus")
    return _el("td", cell_text(cell), " ".join(classes) or None)


def _table(table: doc.Table, cls: str) -> str:
    head = "".join(_el("th", c.title, "number" if c.numeric else None) for c in table.columns)
    rows = "".join("<tr>" + "".join(_cell(cell, column) for cell, column in zip(row, table.columns)) + "</tr>"
                   for row in table.rows)
    return f'<div class="table"><table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


def _standing(standing: doc.Standing) -> str:
    return ('<div class="standing">' + _el("div", standing.grade, "seal") + "<div>"
            + _el("div", standing.caption, "caption") + _el("div", f"{standing.score:,} points", "score")
            + _el("div", f"Started at {standing.start:,} — {standing.change()}", "change") + "</div></div>")


def section_html(section: doc.Section, level: int = 3) -> str:
    """One section of the debrief as HTML: its kicker, its heading at ``level`` (a transcript
    heads the debrief with an h2 and its sections with h3; a page that is the debrief alone
    starts them at h2) and its blocks, subheads one level below."""
    out = [_el("p", section.kicker, "kicker"), _el(f"h{level}", section.heading)]
    items: list[doc.Item] = []

    def close_list() -> None:
        if items:
            numbered = items[0].mark[:1].isdigit()
            tag = "ol" if numbered else "ul"
            out.append(f"<{tag}>" + "".join(_el("li", i.text) for i in items) + f"</{tag}>")
            items.clear()

    for block in section.blocks:
        if isinstance(block, doc.Item):
            if items and items[0].mark[:1].isdigit() != block.mark[:1].isdigit():
                close_list()
            items.append(block)
            continue
        close_list()
        if isinstance(block, doc.Paragraph):
            out.append(_el("p", block.text, "quiet" if block.quiet else None))
        elif isinstance(block, doc.Subhead):
            out.append(_el(f"h{level + 1}", block.text))
        elif isinstance(block, doc.Standing):
            out.append(_standing(block))
        elif isinstance(block, doc.Table):
            out.append(_table(block, "ledger" if block.columns == doc.LEDGER_COLUMNS else "compare"))
        else:
            raise TypeError(f"no HTML for {block!r}")
    close_list()
    return "<section>" + "".join(out) + "</section>"


def _debrief(transcript: Transcript) -> str:
    if transcript.debrief is None:
        return _el("p", "The game was stopped before its ending, so there is no debrief.", "quiet")
    sections = [section_html(s) for s in transcript.debrief.sections]
    return '<h2 class="debrief-start" id="debrief">Debrief</h2>\n<div class="debrief">' + "\n".join(sections) + "</div>"


def html_page(transcript: Transcript) -> str:
    """The whole transcript as a page that needs nothing but a browser."""
    about = '<dl class="about">' + "".join(
        _el("dt", label) + (f"<dd>{_el('code', value)}</dd>" if label == SAME_WORLD else _el("dd", value))
        for label, value in about_lines(transcript)) + "</dl>"
    return _PAGE.substitute(
        title=escape(f"{transcript.story_title}: a transcript"),
        style=_STYLE,
        about=about,
        glance=_glance(transcript),
        life=_life(transcript),
        life_count=escape(f"{len(transcript.readings)} passages, {transcript.choices_made} choices"),
        record=record_of(transcript.record) if transcript.record is not None else "",
        debrief=_debrief(transcript),
        footer=escape(f"Written by {transcript.story_title} on {transcript.written:%Y-%m-%d at %H:%M}. "
                      "Nothing in this file was sent anywhere."),
    )
