"""Where a submission was made: station, DEC and region codes resolved against
the election's unit tree, and whether a team's deployment covers the place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Unit
from saylau.observation.models import Deployment


@dataclass(frozen=True)
class Place:
    station_code: str = ""
    dec_code: str = ""
    region_code: str = ""
    urban: bool | None = None
    path: str = ""

    def covered_by(self, paths: Iterable[str]) -> bool:
        return bool(self.path) and any(self.path == p or self.path.startswith(p + "/") for p in paths)


def station_place(code: str, path: str, dec: str | None, region: str | None, area: str | None) -> Place:
    return Place(code, dec or "", region or "", area == "urban" if area else None, path)


class PlaceIndex:
    """Places by code at each level; :meth:`load` reads a batch's codes with one
    query per level (only the codes asked for)."""

    def __init__(self, stations: dict[str, Place], decs: dict[str, Place], regions: dict[str, Place]) -> None:
        self.stations, self.decs, self.regions = stations, decs, regions

    @classmethod
    def load(cls, election: Election, stations: Iterable[str] = (), decs: Iterable[str] = (),
             regions: Iterable[str] = ()) -> PlaceIndex:
        stations, decs, regions = set(stations) - {""}, set(decs) - {""}, set(regions) - {""}
        return cls({} if not stations else {
            code: station_place(code, path, dec, region, area)
            for code, path, dec, region, area in Unit.objects.filter(
                election=election, level=UnitLevel.STATION, code__in=stations,
            ).order_by().values_list("code", "path", "parent__code", "parent__parent__code", "station__area")
        }, {} if not decs else {
            code: Place("", code, region, None, path)
            for code, path, region in Unit.objects.filter(
                election=election, level=UnitLevel.DISTRICT, code__in=decs,
            ).order_by().values_list("code", "path", "parent__code")
        }, {} if not regions else {
            code: Place("", "", code, None, path)
            for code, path in Unit.objects.filter(
                election=election, level=UnitLevel.REGION, code__in=regions,
            ).order_by().values_list("code", "path")
        })

    def resolve(self, station: str, dec: str, region: str) -> tuple[Place | None, dict[str, list[str]]]:
        """The most precise place named, checked for consistency; or errors per field."""
        if station:
            place = self.stations.get(station)
            if place is None:
                return None, {"station_code": [f"no station {station!r} in this election"]}
            if (dec and dec != place.dec_code) or (region and region != place.region_code):
                return None, {"station_code": [f"station {station!r} is in DEC {place.dec_code} "
                                               f"of region {place.region_code}"]}
            return place, {}
        if dec:
            place = self.decs.get(dec)
            if place is None:
                return None, {"dec_code": [f"no DEC {dec!r} in this election"]}
            if region and region != place.region_code:
                return None, {"dec_code": [f"DEC {dec!r} is in region {place.region_code}"]}
            return place, {}
        if region:
            place = self.regions.get(region)
            if place is None:
                return None, {"region_code": [f"no region {region!r} in this election"]}
            return place, {}
        return None, {"station_code": ["name the place: station_code, dec_code or region_code"]}


def deployment_paths(team_ids: Iterable[int]) -> dict[int, list[str]]:
    """Team id -> the unit paths it is deployed to."""
    out: dict[int, list[str]] = {}
    for team_id, path in Deployment.objects.filter(team_id__in=set(team_ids)).order_by().values_list(
            "team_id", "unit__path"):
        out.setdefault(team_id, []).append(path)
    return out
