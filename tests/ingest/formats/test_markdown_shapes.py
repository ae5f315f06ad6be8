"""The shapes Markdown notes, links, front matter and templates take, one by one,
and the malformed inputs the Markdown reader must refuse or finish quickly."""

from __future__ import annotations

import time

import pytest

from ingest import ParseError
from ingest.blocks import Block, Fields, Link, Mark
from ingest.formats import markdown
from ingest.loader import load_bytes


def read(text: str, name: str = "a.md") -> tuple[Block, ...]:
    return load_bytes(name, text.encode()).blocks


def notes(blocks) -> dict[str, str]:
    return {b.label: b.text for b in blocks if b.kind == "note"}


# [^n] footnotes


def test_stacked_markers_after_the_full_stop_are_each_a_mark_in_order() -> None:
    (body, *_) = read("It works.[^2][^10][^3] Next.\n\n[^2]: a\n[^3]: b\n[^10]: c\n")
    assert body.text == "It works. Next."
    assert body.marks == (Mark("2", 9), Mark("10", 9), Mark("3", 9))


def test_definitions_one_a_line_without_blank_lines_are_separate_notes() -> None:
    blocks = read("A.[^1] B.[^2] C.[^3]\n[^1]: One.\n[^2]: Two.\n[^3]: Three.\n")
    assert notes(blocks) == {"1": "One.", "2": "Two.", "3": "Three."}


def test_multi_paragraph_note_is_one_note() -> None:
    text = "Claim.[^1]\n\n[^1]: First part.\n\n    Second part, indented.\n\nAfter.\n"
    blocks = read(text)
    assert notes(blocks) == {"1": "First part. Second part, indented."}
    assert [b.text for b in blocks if b.kind != "note"] == ["Claim.", "After."]


def test_note_labelled_with_a_word_keeps_its_label() -> None:
    blocks = read("HRW says so.[^hrw]\n\n[^hrw]: Human Rights Watch, *Report*, 2025.\n")
    assert blocks[0].marks == (Mark("hrw", 12),)
    assert notes(blocks) == {"hrw": "Human Rights Watch, Report, 2025."}


def test_markers_inside_table_cells_are_kept_with_the_row() -> None:
    text = "| Claim | Source |\n|---|---|\n| Blocked.[^1] | HRW[^2] |\n\n"
    text += "[^1]: a\n[^2]: b\n"
    header, row, *_ = read(text)
    assert header.text == "Claim | Source"
    assert row.text == "Blocked. | HRW"
    assert row.marks == (Mark("1", 8), Mark("2", 14))


def test_unreferenced_and_twice_defined_notes_are_all_kept_in_written_order() -> None:
    text = "A.[^3] B.[^1]\n\n[^1]: one\n[^2]: unused\n[^3]: three\n[^1]: again\n"
    labels = [(b.label, b.text) for b in read(text) if b.kind == "note"]
    assert labels == [("1", "one"), ("2", "unused"), ("3", "three"), ("1", "again")]


def test_inline_note_is_numbered_by_its_place() -> None:
    blocks = read("Said so.^[Interview, 2024.]\n")
    assert blocks[0].marks == (Mark("1", 8),)
    assert notes(blocks) == {"1": "Interview, 2024."}


def test_undefined_marker_stays_a_marker() -> None:
    (block,) = read("Said so.[^9]\n")
    assert (block.text, block.marks) == ("Said so.", (Mark("9", 8),))


def test_raw_html_superscript_number_is_a_marker() -> None:
    (block, _) = read("Said so.<sup>4</sup> **Bold**\n\n4. Source.\n")
    assert (block.text, block.marks) == ("Said so. Bold", (Mark("4", 8),))


# numbered reference links


def test_numbered_reference_links_gathered_at_the_end_are_notes() -> None:
    text = (
        'It is "[the best system][1]" and [a named one][site] and [inline](https://i.org).\n\n'
        "[site]: https://site.org\n"
        '[1]: https://news.org/a "A story"\n'
        "[2]: https://news.org/b\n"
    )
    body, *rest = read(text)
    assert body.text == 'It is "the best system" and a named one and inline.'
    assert body.marks == (Mark("1", 22),)
    assert [(link.text, link.href) for link in body.links] == [
        ("a named one", "https://site.org"),
        ("inline", "https://i.org"),
    ]
    first, second = rest
    assert (first.label, first.text) == ("1", "A story, https://news.org/a")
    assert first.links == (Link("https://news.org/a", "https://news.org/a", 9, 27),)
    assert (first.works[0].title, first.works[0].url) == (
        "A story",
        "https://news.org/a",
    )
    assert (second.label, second.text) == ("2", "https://news.org/b")


def test_numbered_definitions_scattered_through_the_text_stay_links() -> None:
    text = "See [this][1].\n\n[1]: https://a.org\n\nMore text.\n\n[2]: https://b.org\n"
    blocks = read(text)
    assert not notes(blocks)
    assert blocks[0].links == (Link("this", "https://a.org", 4, 8),)


def test_document_with_footnotes_keeps_numbered_reference_links_as_links() -> None:
    text = "A [site][1].[^1]\n\n[^1]: Note.\n\n[1]: https://a.org\n"
    blocks = read(text)
    assert notes(blocks) == {"1": "Note."}
    assert blocks[0].links == (Link("site", "https://a.org", 2, 6),)


# front matter and templates


def test_front_matter_becomes_fields_and_leaves_the_text() -> None:
    text = (
        "---\ntitle: 'Returns to Homs'\ndate: 2025-01-09 10:30:00\n"
        "authors:\n  - Jane Doe\n  - name: John Roe\npermalink: /2025/homs/\n"
        "source: UNHCR\n---\nBody.\n"
    )
    content = markdown.read("a.md", text.encode())
    assert content.fields == Fields(
        title="Returns to Homs",
        date="2025-01-09T10:30:00",
        authors=("Jane Doe", "John Roe"),
        url="/2025/homs/",
        publisher="UNHCR",
    )
    assert [b.text for b in content.blocks] == ["Body."]


def test_front_matter_source_that_is_a_url_is_the_url() -> None:
    text = "---\ntitle: A\nsource: https://example.org/a\nauthor: Jane Doe\n---\nB.\n"
    content = markdown.read("a.md", text.encode())
    assert content.fields == Fields(
        title="A", url="https://example.org/a", authors=("Jane Doe",)
    )


def test_hugo_toml_front_matter_becomes_fields() -> None:
    text = (
        '+++\ntitle = "Hugo post"\ndate = 2024-05-01\nauthors = ["A B", "C D"]\n+++\nB.'
    )
    content = markdown.read("a.md", text.encode())
    assert content.fields == Fields(
        title="Hugo post", date="2024-05-01", authors=("A B", "C D")
    )
    assert [b.text for b in content.blocks] == ["B."]


def test_pandoc_title_block_becomes_fields() -> None:
    text = "% Returns to Homs\n% Jane Doe; John Roe\n% 3 May 2024\n\nBody.\n"
    content = markdown.read("a.md", text.encode())
    assert content.fields == Fields(
        title="Returns to Homs", date="3 May 2024", authors=("Jane Doe", "John Roe")
    )
    assert [b.text for b in content.blocks] == ["Body."]


def test_rule_and_heading_at_the_start_are_not_front_matter() -> None:
    content = markdown.read("a.md", b"---\nJust a heading\n---\nText.\n")
    assert content.fields == Fields()
    assert [(b.kind, b.text) for b in content.blocks] == [
        ("heading", "Just a heading"),
        ("paragraph", "Text."),
    ]


def test_liquid_tags_comments_and_attribute_lists_are_dropped() -> None:
    text = (
        "{% include toc.html %}\nIntro {{ page.title }} here.<!-- draft\nnote -->\n"
        '{: .lead}\n\nSee [post]({% post_url 2020-03-07-x %}).{:target="_blank"}\n'
    )
    assert [b.text for b in read(text)] == ["Intro here.", "See post."]


def test_text_file_with_markdown_notes_is_read_as_markdown() -> None:
    source = load_bytes("notes.txt", b"Claim [one][1].\n\n[1]: https://a.org\n")
    assert source.format == "markdown"
    assert notes(source.blocks) == {"1": "https://a.org"}


# bad input


def test_front_matter_that_is_not_yaml_is_refused_with_its_line() -> None:
    with pytest.raises(ParseError) as caught:
        read("---\ntitle: [unclosed\ndate: 2020\n---\nText.\n")
    assert caught.value.reason.startswith("front matter is not valid YAML at line ")


def test_front_matter_that_is_not_toml_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        read("+++\ntitle = \n+++\nText.\n")
    assert caught.value.reason == (
        "front matter is not valid TOML: Invalid value (at line 1, column 9)"
    )


def test_file_of_front_matter_alone_holds_no_text() -> None:
    with pytest.raises(ParseError) as caught:
        read("---\ntitle: Only this\n---\n")
    assert caught.value.reason == "holds no text"


def test_front_matter_that_is_a_list_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        read("---\ntitle: a\n- b\n---\nText.\n")
    assert caught.value.reason.startswith("front matter is not valid YAML")


def test_list_nested_800_deep_is_refused_quickly() -> None:
    text = "".join("  " * depth + "- item\n" for depth in range(800))
    started = time.perf_counter()
    with pytest.raises(ParseError) as caught:
        read(text)
    assert caught.value.reason == (
        "nests lists or block quotes deeper than 50 levels; no document needs that many"
    )
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "text",
    [
        "Text " + "[" * 4000 + " end.\n",
        "".join(f"word [{n} " for n in range(4000)) + "\n",
        "x " + "]" * 4000 + "[a]" * 4000 + "\n",
        "*a **b " * 4000 + "\n",
        "{% " * 4000 + "<!-- " * 4000 + "\n",
    ],
    ids=["4000 [", "4000 [ spread", "brackets closed first", "stars", "open tags"],
)
def test_unmatched_brackets_and_stars_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    (block,) = read(text)
    assert block.text
    assert time.perf_counter() - started < 5


def test_twenty_thousand_notes_read_in_bounded_time() -> None:
    count = 20_000
    text = "".join(f"Claim {n}.[^{n}]\n\n" for n in range(count))
    text += "".join(f"[^{n}]: Note {n}.\n" for n in range(count))
    started = time.perf_counter()
    blocks = read(text)
    assert sum(b.kind == "note" for b in blocks) == count
    assert time.perf_counter() - started < 60


def test_note_whose_csl_json_is_broken_keeps_its_text() -> None:
    text = 'Cited.[^1]\n\n[^1]:\n    ```csl-json\n    {"title": "Unclosed"\n    ```\n'
    blocks = read(text)
    assert notes(blocks) == {"1": '{"title": "Unclosed"'}
    assert not blocks[-1].works


def test_what_stands_inside_inline_script_and_style_is_not_text() -> None:
    source = load_bytes(
        "a.md",
        b'9.9. <script>alert("x")</script> Hostile <style>p{}</style>section\n',
    )
    assert [b.text for b in source.blocks] == ["9.9. Hostile section"]
