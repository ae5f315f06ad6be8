"""Synthetic COI reports: sections sharing one footnote numbering, with counts.

A report is planned once (publisher, title, date, footnote count) and written as
one file per section. Each section holds numbered sub-headings, paragraphs whose
sentences carry footnote markers (now and then a second marker mid-sentence, or
a marker pointing back at an earlier footnote), a short list, and its own
footnotes of 1-5 citations each. ``bench.formats`` renders a section as the
EUAA text export, Markdown or HTML; the counts are what the ingester must find.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.names import GOVERNORATES
from bench.prose import MONTHS, SUBHEADINGS, Prose
from bench.works import Work, Works

# A sentence is a run of (text, footnote label or None) pieces.
Sentence = list[tuple[str, str | None]]
TOPICS = (
    "Security Situation", "Country Focus", "Targeting of Individuals",
    "Actors of Protection", "Humanitarian Situation", "Returns and Reintegration",
    "Treatment of Kurds", "Military Service", "Detention and Prisons",
    "Situation of Women", "Civil Documentation", "Internally Displaced Persons",
)  # fmt: skip
CITATIONS_PER_NOTE = (1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5)


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "list"
    text: str = ""
    level: int = 2
    sentences: list[Sentence] = field(default_factory=list)  # paragraph: sentences
    items: list[Sentence] = field(default_factory=list)  # list: one sentence each


@dataclass
class Note:
    label: str
    citations: list[Work | str]  # a str is an "Ibid., p. 4" item


@dataclass
class Section:
    number: str
    heading: str
    blocks: list[Block]
    notes: list[Note]

    def counts(self, headings: int) -> dict[str, int]:
        """What the ingester finds; ``headings`` the format adds (title, section)."""
        passages, claims = headings, 0
        for block in self.blocks:
            runs = block.sentences if block.kind == "paragraph" else block.items
            passages += len(block.items) if block.kind == "list" else 1
            claims += sum(any(label for _, label in s) for s in runs)
        return {
            "passages": passages,
            "claims": claims,
            "footnotes": len(self.notes),
            "citations": sum(len(n.citations) for n in self.notes),
        }


@dataclass(frozen=True, slots=True)
class ReportPlan:
    publisher: str
    country: str
    topic: str
    year: int
    month: int
    footnotes: int
    sections: int
    first_section: int

    @property
    def title_date(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"


def sections(plan: ReportPlan, rng: random.Random, works: Works):
    """The report's sections in order; footnote labels run on from one to the next."""
    prose = Prose(rng)
    chapter = plan.first_section
    label = 1
    per_section = -(-plan.footnotes // plan.sections)
    for number in range(1, plan.sections + 1):
        last = min(plan.footnotes, label + per_section - 1)
        section_no = f"{chapter}.{number}"
        heading = f"{rng.choice(SUBHEADINGS)} in {prose.place()}"
        yield _section(section_no, heading, range(label, last + 1), plan, prose, works)
        label = last + 1
        if label > plan.footnotes:
            return


def _section(
    number: str,
    heading: str,
    labels: range,
    plan: ReportPlan,
    prose: Prose,
    works: Works,
) -> Section:
    rng = prose.rng
    blocks: list[Block] = []
    pending = list(reversed([str(n) for n in labels]))
    used: list[str] = []
    sub = 0
    while pending:
        if not blocks or rng.random() < 0.12:
            sub += 1
            title = f"{number}.{sub}. {rng.choice(SUBHEADINGS)}"
            blocks.append(Block("heading", title, level=3))
        if rng.random() < 0.05 and len(pending) > 3:
            items = [_item(prose, pending, used) for _ in range(rng.randint(2, 4))]
            blocks.append(Block("list", items=items))
        blocks.append(
            Block("paragraph", sentences=_paragraph(prose, plan, pending, used))
        )
    if rng.random() < 0.3:
        blocks.append(Block("paragraph", sentences=[[(_see_also(rng, plan), None)]]))
    notes = [_note(str(n), rng, works) for n in labels]
    return Section(number, heading, blocks, notes)


def _paragraph(
    prose: Prose, plan: ReportPlan, pending: list[str], used: list[str]
) -> list[Sentence]:
    rng = prose.rng
    sentences: list[Sentence] = []
    for _ in range(rng.randint(2, 5)):
        if not pending or rng.random() < 0.18:
            sentences.append([(prose.context_sentence(plan.year), None)])
            continue
        head, tail = prose.report_sentence(plan.year, rng.choice(("SOHR", "SNHR")))
        if tail is not None and len(pending) > 1 and rng.random() < 0.4:
            sentences.append(
                [
                    (head + ",", _label(rng, pending, used)),
                    (f" {tail}.", _label(rng, pending, used)),
                ]
            )
        else:
            text = f"{head}, {tail}." if tail else f"{head}."
            sentences.append([(text, _label(rng, pending, used))])
    if not any(label for s in sentences for _, label in s) and pending:
        sentences[-1] = [(sentences[-1][0][0], _label(rng, pending, used))]
    return sentences


def _label(rng: random.Random, pending: list[str], used: list[str]) -> str:
    """The next footnote, or (rarely) one this section already cited."""
    if used and rng.random() < 0.03:
        return rng.choice(used[-20:])
    label = pending.pop()
    used.append(label)
    return label


def _item(prose: Prose, pending: list[str], used: list[str]) -> Sentence:
    rng = prose.rng
    text = f"{rng.choice(GOVERNORATES)}: {prose.number()} incidents"
    return [(text, _label(rng, pending, used))]


def _note(label: str, rng: random.Random, works: Works) -> Note:
    count = rng.choice(CITATIONS_PER_NOTE)
    cited: list[Work | str] = [works.pick(rng) for _ in range(count)]
    if count == 1 and rng.random() < 0.03:
        cited = [f"Ibid., p. {rng.randint(2, 40)}"]
    return Note(label, cited)


def _see_also(rng: random.Random, plan: ReportPlan) -> str:
    topic = rng.choice(TOPICS)
    month = MONTHS[rng.randrange(12)]
    return (
        f"For more information on this topic, see section {rng.randint(1, 4)}."
        f"{rng.randint(1, 9)}. of the {plan.publisher} report {plan.country} – "
        f"{topic} ({month} {plan.year - 1})."
    )
