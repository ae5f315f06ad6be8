"""The kinds of document, each a module with ``sniff(source, registry)`` and ``parse``.

``report``: numbered notes, each marker tied to its sentence; ``wire``: a news
story with its agency or outlet, dateline, date, byline and attributions;
``document``: anything else that has text.
"""
