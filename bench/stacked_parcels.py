#!/usr/bin/env python3
"""Stacked and duplicated parcels for the stacked-parcels benchmark (bench/stacked.sh). Standard library only.

    stacked_parcels.py stack N OUT [--seed S]   N distinct parcels that all cover one point, in one park (EPSG:4545)
    stacked_parcels.py same N OUT               N copies of one parcel (ids S0000001, …), in one park
    stacked_parcels.py copies K SAMPLE OUT      the dataset SAMPLE with every parcel repeated K times (ids suffixed -c2, -c3, …)

Each OUT is a ParkGis dataset folder (parks.geojson, parcels.geojson; `copies` keeps every other file of SAMPLE).
"""
import json
import os
import random
import shutil
import sys

CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4545"}}


def square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def write(path, features):
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "crs": CRS, "features": features}, out, ensure_ascii=False)


def stack(n, out, seed):
    """Rectangles of 40-160 m whose interiors all contain the point (500000, 4400000)."""
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    cx, cy = 500000.0, 4400000.0
    write(os.path.join(out, "parks.geojson"), [{"type": "Feature", "properties": {"park_id": "P1", "name": "叠置园区"},
                                                 "geometry": square(cx - 1000, cy - 1000, cx + 1000, cy + 1000)}])
    parcels = []
    for i in range(n):
        w, h = rng.uniform(40, 160), rng.uniform(40, 160)
        x0, y0 = cx - rng.uniform(1, w - 1), cy - rng.uniform(1, h - 1)
        parcels.append({"type": "Feature", "properties": {"parcel_id": f"S{i + 1:07d}", "park_id": "P1"},
                        "geometry": square(round(x0, 3), round(y0, 3), round(x0 + w, 3), round(y0 + h, 3))})
    write(os.path.join(out, "parcels.geojson"), parcels)


def same(n, out):
    os.makedirs(out, exist_ok=True)
    cx, cy = 500000.0, 4400000.0
    write(os.path.join(out, "parks.geojson"), [{"type": "Feature", "properties": {"park_id": "P1", "name": "叠置园区"},
                                                 "geometry": square(cx - 1000, cy - 1000, cx + 1000, cy + 1000)}])
    write(os.path.join(out, "parcels.geojson"), [{"type": "Feature", "properties": {"parcel_id": f"S{i + 1:07d}", "park_id": "P1"},
                                                   "geometry": square(cx - 50, cy - 50, cx + 50, cy + 50)} for i in range(n)])


def copies(k, sample, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(sample, out, ignore=shutil.ignore_patterns("tools", "README.md"))
    path = os.path.join(out, "parcels.geojson")
    with open(path, encoding="utf-8") as f:
        layer = json.load(f)
    features = []
    for feature in layer["features"]:
        features.append(feature)
        for c in range(2, k + 1):
            copy = json.loads(json.dumps(feature))
            copy["properties"]["parcel_id"] = f"{feature['properties']['parcel_id']}-c{c}"
            features.append(copy)
    layer["features"] = features
    with open(path, "w", encoding="utf-8") as f:
        json.dump(layer, f, ensure_ascii=False)


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "stack":
        seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 20240601
        stack(int(args[1]), args[2], seed)
    elif len(args) == 3 and args[0] == "same":
        same(int(args[1]), args[2])
    elif len(args) == 4 and args[0] == "copies":
        copies(int(args[1]), args[2], args[3])
    else:
        sys.exit(__doc__)
