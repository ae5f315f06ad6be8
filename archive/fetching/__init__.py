"""Archiving the cited sources themselves: fetch each cited URL politely and
safely (``fetcher``), keep the exact bytes in WARC files (``warc``), archive
them as documents linked to their works, and record each URL's state
(``health``). ``run`` ties them together for ``archive fetch``."""
