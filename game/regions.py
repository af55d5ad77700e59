"""Region data: help services and emergency numbers belong to a country, not to a language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .i18n import pgettext
from .resources import REGIONS

DATA = REGIONS


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    purpose: str
    reach: str
    verified: str
    source: str
    kind: str = ""


@dataclass(frozen=True)
class Region:
    code: str
    country: str
    locales: tuple[str, ...]
    services: tuple[Service, ...]


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    import yaml  # here, not at the top: the title screen starts without PyYAML (9 ms)

    with open(DATA, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out = []
    for code, entry in data["regions"].items():
        services = tuple(
            Service(
                s["id"],
                s["name"],
                s["for"],
                s["reach"],
                str(s["verified"]),
                s["source"],
                s.get("kind", ""),
            )
            for s in entry["services"]
        )
        out.append(Region(code, entry["country"], tuple(entry["locales"]), services))
    return tuple(out)


ALWAYS_ON_ENDINGS = ("helpline",)


def for_ending(region: Region, extra: tuple[str, ...] = ()) -> tuple[Service, ...]:
    """The services a story's ending shows: the helplines, then the kinds the story asks for
    (`help: [crisis, takedown]`)."""
    kinds = ALWAYS_ON_ENDINGS + tuple(extra)
    return tuple(s for s in region.services if s.kind in kinds)


def shown(region: Region, services=None) -> tuple[str, list[tuple[str, str, str]]]:
    """(country, [(name, what it is for, how to reach it)]) in the current language, for
    `services` (default: all of the region's)."""
    country = pgettext(f"region/{region.code}/country", region.country)

    def said(s: Service, field: str, value: str) -> str:
        return pgettext(f"region/{region.code}/{s.id}/{field}", value)

    return country, [
        (said(s, "name", s.name), said(s, "for", s.purpose), said(s, "reach", s.reach))
        for s in (region.services if services is None else services)
    ]


def for_locale(locale: str | None) -> tuple[Region, ...]:
    """The regions whose services a player of this locale sees; every region for English."""
    matching = tuple(r for r in regions() if locale in r.locales)
    return matching or regions()
