#!/usr/bin/python3
"""Deterministic generator of the utility networks (九通一平 layers) of the ParkGis Ordos sample.

    /usr/bin/python3 sample-geodata/ordos/tools/make_utilities.py [--dataset DIR]

Reads the existing parks.shp and parcels.geojson (written by make_sample.py, which this script never
changes) and writes NEW files only: one RFC 7946 GeoJSON per utility role (roads.geojson,
water_supply.geojson, drainage.geojson, sewage.geojson, power.geojson, gas.geojson, heating.geojson,
telecom.geojson, steam.geojson), lon/lat CGCS2000, 7 decimals. No randomness, no clock: two runs give
byte-identical files.

Design (every network is drawn in metres in the park's own 3-degree zone, then written in lon/lat):
- Each network is a set of parallel trunk lines across the park every SPACING_M metres, clipped to the park
  grown by 100 m; every parcel cell (190-235 m tall) is crossed by a line, so it is served at any distance.
  Each utility is offset a little so the lines do not coincide; roads run east-west, pipes follow them.
- P05 高新区: all eight networks, no steam             -> meets 九通 (steam not applicable).
- P03 苏里格 (two blocks): all eight plus steam         -> meets 九通 with steam.
- P01 鄂托克: all eight, but gas stops at 60 % of the width of the park's supplied/built parcels (west to
  east) and the steam network (a chemical park: it has one) at 50 % -> fails gas and steam.
- P02 准格尔: only roads, water supply and power         -> fails the other five.
- The other parks have no network features: 0 % coverage.
"""
import argparse
import json
import os

import fiona
from pyproj import Transformer
from shapely.geometry import LineString, mapping, shape
from shapely.ops import transform as shp_transform

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATASET = os.path.dirname(HERE)
SPACING_M = 150.0
UTILITIES = ["roads", "water_supply", "drainage", "sewage", "power", "gas", "heating", "telecom", "steam"]
CHINESE = {"roads": "道路", "water_supply": "给水管网", "drainage": "雨水排水管网", "sewage": "污水管网",
           "power": "供电线路", "gas": "燃气管网", "heating": "供热管网", "telecom": "通信管线", "steam": "蒸汽管网"}
EIGHT = UTILITIES[:8]
# park -> {utility: share of the width (west to east) of the park's supplied/built parcels the network reaches}
PLAN = {
    "P01": dict({u: 1.0 for u in EIGHT}, gas=0.6, steam=0.5),
    "P02": {"roads": 1.0, "water_supply": 1.0, "power": 1.0},
    "P03": {u: 1.0 for u in UTILITIES},
    "P05": {u: 1.0 for u in EIGHT},
}


def zone_epsg(lon):
    return 4534 + int(round(lon / 3.0)) - 25


def rnd(geom, nd=7):
    return shp_transform(lambda x, y, z=None: (round(x, nd), round(y, nd)), geom)


def park_shapes(dataset):
    with fiona.open(os.path.join(dataset, "parks.shp"), encoding="cp936") as src:
        return {f["properties"]["park_id"]: shape(f["geometry"]) for f in src}


def supplied_parcels(dataset):
    """Park id -> shapes of its supplied or built parcels (supplied_on or actual_start filled), lon/lat."""
    with open(os.path.join(dataset, "parcels.geojson"), encoding="utf-8") as src:
        data = json.load(src)
    result = {}
    for f in data["features"]:
        p = f["properties"]
        if p.get("park_id") and (p.get("supplied_on") or p.get("actual_start")):
            result.setdefault(p["park_id"], []).append(shape(f["geometry"]))
    return result


def network(park_m, parcels_m, utility, reach):
    """Parallel east-west lines every SPACING_M over the park grown by 100 m, cut at `reach` of the parcels' width."""
    grown = park_m.buffer(100.0)
    minx, miny, maxx, maxy = grown.bounds
    offset = 7.0 * UTILITIES.index(utility)
    pminx = min((g.bounds[0] for g in parcels_m), default=minx)
    pmaxx = max((g.bounds[2] for g in parcels_m), default=maxx)
    cut = maxx + 1 if reach >= 1.0 else pminx + reach * (pmaxx - pminx)
    lines = []
    y = miny + SPACING_M / 2 + offset
    while y < maxy:
        clipped = LineString([(minx - 1, y), (cut, y)]).intersection(grown)
        for part in getattr(clipped, "geoms", [clipped]):
            if part.geom_type == "LineString" and part.length > 1.0:
                lines.append(part)
        y += SPACING_M
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default=DEFAULT_DATASET)
    args = ap.parse_args()
    parks = park_shapes(args.dataset)
    parcels = supplied_parcels(args.dataset)
    for utility in UTILITIES:
        features = []
        for pid in sorted(PLAN):
            reach = PLAN[pid].get(utility)
            if reach is None:
                continue
            geom = parks[pid]
            epsg = zone_epsg(geom.centroid.x)
            to_m = Transformer.from_crs(4490, epsg, always_xy=True).transform
            to_ll = Transformer.from_crs(epsg, 4490, always_xy=True).transform
            park_m = shp_transform(to_m, geom)
            parcels_m = [shp_transform(to_m, g) for g in parcels.get(pid, [])]
            blocks = list(getattr(park_m, "geoms", [park_m]))
            n = 0
            for block in blocks:
                for line in network(block, [g for g in parcels_m if g.intersects(block)], utility, reach):
                    n += 1
                    features.append({
                        "type": "Feature",
                        "properties": {"id": f"{utility}-{pid}-{n:02d}", "park_id": pid,
                                       "name": f"{pid} {CHINESE[utility]} {n:02d}"},
                        "geometry": mapping(rnd(shp_transform(to_ll, line))),
                    })
        path = os.path.join(args.dataset, utility + ".geojson")
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write('{"type":"FeatureCollection","features":[\n')
            out.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features))
            out.write("\n]}\n")
        print(f"{path}: {len(features)} features")


if __name__ == "__main__":
    main()
