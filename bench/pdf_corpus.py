"""PDF reports for the tests and the PDF benchmark, made with reportlab.

``write_fixtures(folder)`` writes the test fixtures (tests/fixtures/pdf/): a
two-column report with page-foot notes, a one-column report with endnotes, a
scanned page without a text layer, an encrypted report, a truncated one and a
file named .pdf that is not a PDF. ``long_report(path, pages, notes_per_page)``
writes a report of about ``pages`` pages for the benchmark. Everything is made
from a seed and is byte-for-byte the same on every run.

    python -m bench.pdf_corpus tests/fixtures/pdf
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from anyascii import anyascii
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from bench.names import GOVERNORATES
from bench.pdf_layout import Paragraph, Report, write_report
from bench.prose import Prose
from bench.works import Works

TWO_COLUMN = "ngo_two_column.pdf"
ENDNOTES = "endnotes_one_column.pdf"
SCANNED = "scanned_page.pdf"
ENCRYPTED = "encrypted.pdf"
TRUNCATED = "truncated.pdf"
NOT_PDF = "not_a_pdf.pdf"
LATER_CHAPTER = "ngo_two_column_notes_96_to_114.pdf"
LONG_4 = "long_report_4_pages.pdf"
LONG_5 = "long_report_5_pages.pdf"
FEW_SOURCES = "long_report_few_sources.pdf"
GENERATED = (
    TWO_COLUMN,
    ENDNOTES,
    SCANNED,
    ENCRYPTED,
    TRUNCATED,
    NOT_PDF,
    LATER_CHAPTER,
    LONG_4,
    LONG_5,
    FEW_SOURCES,
)
PASSWORD = "open-sesame"
SENTENCES_PER_PAGE = 44.3  # generated sentences that fill a two-column page
SECTION = 90  # sentences to a section of the long report

HEAD = Paragraph((("Summary", None),), "heading")
DETENTION = Paragraph((("1. Arbitrary detention at checkpoints", None),), "heading")
SEIZURE = Paragraph((("2. Seizure of property", None),), "heading")
OPENING = Paragraph(
    (
        (
            "Since December 2024, at least 1,200 people have been detained at "
            "checkpoints on the roads leading back to the northern governorates.",
            "Northern Governorates Monitoring Group, Detention Database, entries "
            "for December 2024 to February 2025, on file with the authors.",
        ),
        (
            "Most were released within two weeks, but the families of 86 detainees "
            "still did not know in February 2025 where their relatives were held.",
            "Interviews with relatives of detainees, Qamishli and Hasakah, "
            "3-14 February 2025.",
        ),
    )
)
CHECKPOINT = Paragraph(
    (
        (
            "Returnees told researchers that officers at the Tal Tamr checkpoint",
            "Interview with a returnee from Tal Tamr, 5 February 2025.",
        ),
        (
            "confiscated identity documents and phones before any questioning",
            "UN Human Rights Council, Report of the Independent International "
            "Commission of Inquiry, A/HRC/58/67, 12 March 2025, para. 41.",
        ),
        (
            "and held men for days without any administrative "
            "decision or a lawyer. \u201cThey took my brother because his "
            "name was on a list,\u201d one woman said.",
            "Interview with a woman from Ras al-Ain, 9 February 2025.",
        ),
    )
)
LONG_NOTE = (
    "Syrian Network for Human Rights, Monthly Report on Arbitrary Arrests, "
    "February 2025, https://snhr.org/reports/arrests-2025-02. The network counts "
    "a detention as arbitrary when no warrant was shown, when the detainee was "
    "not brought before a judge within the period the law allows, or when the "
    "family was not told where the detainee was held; it reached its figures by "
    "comparing its own field reports with lists kept by local councils and by "
    "relatives, and it notes that its counts for the northern governorates are "
    "lower than the real numbers because many families do not report arrests "
    "for fear of reprisals. Figures for January 2025 were revised upwards in "
    "the February report after relatives came forward. See also Amnesty "
    "International, Detained on the Way Home, MDE 24/9012/2025, 20 February "
    "2025, pp. 12-19, which describes the same pattern of detention at "
    "checkpoints and gives the accounts of eleven former detainees."
)
PROPERTY = Paragraph(
    (
        (
            "In several villages, houses of displaced families were occupied "
            "by fighters or allocated to new residents, and local councils issued "
            "no documents that would let owners reclaim them.",
            "Enab Baladi, \u201cDisplaced families find strangers in their homes\u201d,"
            " "
            "14 January 2025, https://english.enabbaladi.net/archives/2025/01/homes.",
        ),
    )
)
REFERRAL = Paragraph(
    (
        (
            "Arrest figures for the whole country are discussed in the network\u2019s "
            "monthly reports.",
            LONG_NOTE,
        ),
    )
)


def ngo_report(
    filler: int = 4, seed: int = 8, endnotes: bool = False, first_note: int = 1
) -> Report:
    """The fixture report: hand-written passages with ``filler`` generated ones."""
    rng = random.Random(seed)
    works = Works(seed, 60)
    paragraphs = [HEAD, OPENING, *_filler(rng, works, 3), DETENTION, CHECKPOINT]
    paragraphs += _filler(rng, works, filler)
    paragraphs += [REFERRAL, SEIZURE, PROPERTY, *_filler(rng, works, 4)]
    return Report(
        title="Nowhere Safe to Return",
        subtitle="Detention and seizure of property in the northern governorates",
        publisher="Northern Governorates Monitoring Group",
        author="Northern Governorates Monitoring Group",
        printed_date="March 2025",
        pdf_date="D:20250311090000Z",
        header="Nowhere Safe to Return \u2013 March 2025",
        paragraphs=tuple(paragraphs),
        columns=1 if endnotes else 2,
        endnotes=endnotes,
        first_note=first_note,
    )


def _filler(rng: random.Random, works: Works, count: int) -> list[Paragraph]:
    prose = Prose(rng)
    paragraphs = []
    for _ in range(count):
        parts: list[tuple[str, str | None]] = []
        for _ in range(rng.randint(3, 5)):
            if rng.random() < 0.6:
                parts.append((_plain(prose.context_sentence(2025)), None))
                continue
            head, tail = prose.report_sentence(2025, "SOHR")
            text = head + (f", {tail}" if tail else "") + "."
            work = works.pick(rng)
            note = f"{work.outlet}, \u201c{work.title}\u201d, {work.date}, {work.url}."
            parts.append((_plain(text), _plain(note)))
        paragraphs.append(Paragraph(tuple(parts)))
    return paragraphs


def _plain(text: str) -> str:
    """``text`` with what the standard PDF fonts cannot show spelt in ASCII."""
    return "".join(c if _shown(c) else anyascii(c) for c in text)


def _shown(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def long_report(
    path: Path,
    pages: int,
    notes_per_page: int = 5,
    seed: int = 1,
    sources: int | None = None,
):
    """Write a report of about ``pages`` pages with ``notes_per_page`` times
    ``pages`` notes citing a pool of ``sources`` works (40 a page unless said);
    return its ``Layout`` (pages and notes as set)."""
    rng = random.Random(seed)
    prose, works = Prose(rng), Works(seed, sources or 40 * pages)
    sentences = round(pages * SENTENCES_PER_PAGE)
    notes = min(sentences, pages * notes_per_page)
    cited = {i * sentences // notes for i in range(notes)}
    paragraphs: list[Paragraph] = []
    parts: list[tuple[str, str | None]] = []
    for number in range(sentences):
        if number % SECTION == 0:
            title = f"{number // SECTION + 1}. {rng.choice(GOVERNORATES)} governorate"
            paragraphs.append(Paragraph(((title, None),), "heading"))
        parts.append(_sentence(prose, works, number in cited))
        if len(parts) >= rng.randint(3, 6):
            paragraphs.append(Paragraph(tuple(parts)))
            parts = []
    if parts:
        paragraphs.append(Paragraph(tuple(parts)))
    fields = {name: getattr(ngo_report(), name) for name in Report.__slots__}
    report = Report(**{**fields, "paragraphs": tuple(paragraphs)})
    return write_report(str(path), report)


def _sentence(prose: Prose, works: Works, noted: bool) -> tuple[str, str | None]:
    if not noted and prose.rng.random() < 0.5:
        return _plain(prose.context_sentence(2025)), None
    head, tail = prose.report_sentence(2025, "SOHR")
    text = _plain(head + (f", {tail}" if tail else "") + ".")
    if not noted:
        return text, None
    work = works.pick(prose.rng)
    return text, _plain(
        f"{work.outlet}, \u201c{work.title}\u201d, {work.date}, {work.url}."
    )


def scanned_page(path: Path) -> None:
    """One page holding only a picture of text, as a scanner makes it."""
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for row in range(30):
        draw.text(
            (60, 60 + row * 24),
            f"Scanned page, line {row + 1}: text only in the image.",
            fill=0,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, *A4)
    canvas.showPage()
    canvas.save()


def write_fixtures(folder: Path) -> list[Path]:
    """Write every fixture into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    write_report(str(folder / TWO_COLUMN), ngo_report())
    write_report(str(folder / ENDNOTES), ngo_report(filler=3, endnotes=True))
    scanned_page(folder / SCANNED)
    _encrypted(folder / ENCRYPTED)
    whole = (folder / TWO_COLUMN).read_bytes()
    (folder / TRUNCATED).write_bytes(whole[: len(whole) // 2])
    (folder / NOT_PDF).write_bytes(random.Random(3).randbytes(4096))
    write_report(str(folder / LATER_CHAPTER), ngo_report(first_note=96))
    long_report(folder / LONG_4, 4, seed=1)
    long_report(folder / LONG_5, 5, seed=1)
    long_report(folder / FEW_SOURCES, 6, seed=1, sources=20)
    return [folder / name for name in GENERATED]


def _encrypted(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    canvas = Canvas(
        str(path),
        pagesize=A4,
        invariant=1,
        encrypt=StandardEncryption(PASSWORD, strength=128),
    )
    canvas.setFont("Helvetica", 11)
    canvas.drawString(56, 780, "This report opens only with its password.")
    canvas.showPage()
    canvas.save()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m bench.pdf_corpus FOLDER\n")
        return 2
    for path in write_fixtures(Path(args[0])):
        sys.stdout.write(f"{path} {path.stat().st_size} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
