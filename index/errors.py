"""What can go wrong with a search or with the index, in words a user can act on.

``SearchQueryError`` and its subclasses are the user's to fix (the web layer shows
them as a 400, the command line as an error line). ``IndexUnavailable`` and its
subclasses are the operator's: each message says what to run.
"""

from __future__ import annotations


class SearchQueryError(Exception):
    """A query the user can fix; ``problems`` lists every problem found."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def problems(self) -> list[str]:
        return [self.message]


class UnknownField(SearchQueryError):
    def __init__(self, field: str, known: list[str]) -> None:
        super().__init__(
            f"unknown field {field!r} in '{field}:...'; "
            f"known fields: {', '.join(known)}"
        )
        self.field = field


class InvalidDateQuery(SearchQueryError):
    def __init__(self, value: str, reason: str) -> None:
        super().__init__(f"date:{value}: {reason}")
        self.value = value


class QueryTooLong(SearchQueryError):
    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"the query is {length} characters long; the limit is {limit} "
            "(the query parser's cost grows faster than the query)"
        )
        self.length = length
        self.limit = limit


class WildcardTooBroad(SearchQueryError):
    def __init__(self, term: str, reason: str) -> None:
        super().__init__(f"{term!r}: {reason}")
        self.term = term


class InvalidFilter(SearchQueryError):
    def __init__(self, facet: str, known: list[str]) -> None:
        super().__init__(
            f"unknown facet {facet!r}; facets you can filter on: {', '.join(known)}"
        )
        self.facet = facet


class InvalidPage(SearchQueryError):
    def __init__(self, name: str, value: int, minimum: int, maximum: int) -> None:
        super().__init__(f"{name} must be between {minimum} and {maximum}, not {value}")


class MultipleSearchQueryErrors(SearchQueryError):
    """Several problems in one query, all reported at once."""

    def __init__(self, errors: list[SearchQueryError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors

    @property
    def problems(self) -> list[str]:
        return [error.message for error in self.errors]


class IndexUnavailable(Exception):
    """The index cannot be used as it is; the message says what to do."""


class WrongWhoosh(IndexUnavailable):
    def __init__(self, found: str | None) -> None:
        super().__init__(
            f"the search index needs whoosh-reloaded {_for_whoosh()}, but "
            f"{found or 'another Whoosh'} is installed: run "
            f"`pip install whoosh-reloaded=={_for_whoosh()}`"
        )


def _for_whoosh() -> str:
    from index.engine_fixes import FOR_WHOOSH

    return FOR_WHOOSH


class IndexMissing(IndexUnavailable):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"there is no search index at {path}: run `archive reindex` to build it"
        )


class IndexOutdated(IndexUnavailable):
    def __init__(self, path: object, found: int | None, expected: int) -> None:
        built = "an unknown version" if found is None else f"schema version {found}"
        super().__init__(
            f"the search index at {path} was built with {built} and this version "
            f"of the archive needs schema version {expected}: "
            "run `archive reindex` to rebuild it"
        )
        self.found = found
        self.expected = expected


class IndexBusy(IndexUnavailable):
    def __init__(self, path: object, waited: float) -> None:
        super().__init__(
            f"another process held the search index at {path} for {waited:.0f} s; "
            "the archive is up to date but the index may not be: "
            "run `archive check`, then `archive reindex` if it reports differences"
        )
        self.waited = waited


class IndexWriteFailed(IndexUnavailable):
    """A write to the index failed; the message says why and what to run."""


def write_failure(error: BaseException) -> IndexWriteFailed:
    """What to tell the user when writing the index raised ``error``.

    A fault inside the search engine must not stop an ingest or leave a traceback:
    the database holds the documents, and ``archive check`` finds what the index
    missed.
    """
    if isinstance(error, IndexUnavailable):
        return IndexWriteFailed(str(error))
    if isinstance(error, OSError):
        return IndexWriteFailed(f"the search index could not be written: {error}")
    return IndexWriteFailed(
        f"the search index failed ({type(error).__name__}: {error}); "
        "run `archive check`, then `archive reindex`"
    )
