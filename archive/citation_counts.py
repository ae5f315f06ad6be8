"""The archive's citations counted by what they name, so that every page and
``archive stats`` give figures that add up: the outlets page ranks only the
citations that name an outlet and were read with confidence; the rest are
anonymous attributions ("a US official said"), citations naming no outlet, and
readings too uncertain to rank."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from archive.browse.sources import read_surely
from archive.models import Citation


@dataclass(frozen=True, slots=True)
class CitationCounts:
    """``total`` citations: ``named`` + ``uncertain`` + ``anonymous`` + ``unnamed``."""

    total: int
    named: int  # name an outlet, read with confidence: the outlets page's count
    uncertain: int  # name an outlet, read with confidence below 0.5
    anonymous: int  # anonymous attributions, naming no outlet
    unnamed: int  # name no outlet and are not anonymous (a law, a book ...)


def citation_counts(session: Session) -> CitationCounts:
    has_outlet = Citation.outlet_id.is_not(None)

    def counted(condition) -> object:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    total, named, uncertain, anonymous = session.execute(
        select(
            func.count(Citation.id),
            counted(has_outlet & read_surely()),
            counted(has_outlet & ~read_surely()),
            counted(~has_outlet & Citation.anonymous.is_(True)),
        )
    ).one()
    return CitationCounts(
        total=total,
        named=named,
        uncertain=uncertain,
        anonymous=anonymous,
        unnamed=total - named - uncertain - anonymous,
    )
