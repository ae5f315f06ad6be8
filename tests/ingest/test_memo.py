"""A kind's sniff and parse share their first step through ``same_as_last``."""

from __future__ import annotations

from ingest.memo import same_as_last


def test_the_same_objects_get_the_last_result_and_others_a_new_one() -> None:
    calls = []

    @same_as_last
    def words(text: str, limit: list) -> list[str]:
        calls.append(text)
        return text.split()[: len(limit)]

    text, limit = "one two three", [1, 2]
    first = words(text, limit)
    assert words(text, limit) is first
    assert calls == [text]
    equal_but_another = "one two three four"[:13]
    assert equal_but_another == text and equal_but_another is not text
    assert words(equal_but_another, limit) == first
    assert words(text, [1]) == ["one"]
    assert len(calls) == 3
