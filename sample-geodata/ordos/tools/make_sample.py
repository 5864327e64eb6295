#!/usr/bin/python3
"""Deterministic generator of the ParkGis Ordos sample dataset (sample-geodata/ordos/).

    /usr/bin/python3 sample-geodata/ordos/tools/make_sample.py [--out DIR]

Needs Debian's python3-shapely (1.8), python3-pyproj, python3-fiona, python3-numpy and GDAL.
Everything is synthetic: park NAMES are real, LOCATIONS are approximate, SHAPES and all attributes are
invented. Fixed seed, no clock, stable ordering: two runs give byte-identical files (the GeoPackage too,
thanks to OGR_CURRENT_DATE; see README.md).

Design: every park (and every control feature around it) is drawn in metres in the 3-degree
Gauss-Kruger zone of the park (EPSG:4545 = CM 108E for zone 36, EPSG:4546 = CM 111E for zone 37), then
transformed into the storage CRS of its layer. After writing, the files are read back and the expected
conflict areas are recomputed from what was written (tools/expected.json).
"""
import argparse
import csv
import datetime as dt
import io
import json
import math
import os
import shutil
import sys

import numpy as np
import fiona
from fiona.crs import CRS as FionaCRS
from pyproj import Transformer
from shapely.affinity import scale as shp_scale
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import transform as shp_transform, unary_union

SEED = 20260630
AS_OF = dt.date(2026, 6, 30)
MU = 10000.0 / 15.0
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.dirname(HERE)

# storage CRS per layer
CRS_PARKS = 4490        # shapefile, lon/lat, GBK
CRS_GPKG = 4545         # ecological_redline, permanent_farmland: CGCS2000 3-degree GK CM 108E, no zone prefix
CRS_URBAN = 4490        # RFC 7946 GeoJSON (no crs member)
CRS_APPROVALS = 4524    # CGCS2000 3-degree GK zone 36 (CM 108E) WITH zone prefix: 8-digit eastings
CRS_PARCELS = 4490      # GeoJSON with legacy crs member urn:ogc:def:crs:EPSG::4490

_TF = {}


def tf(src, dst):
    if (src, dst) not in _TF:
        _TF[(src, dst)] = Transformer.from_crs(src, dst, always_xy=True)
    return _TF[(src, dst)]


def reproject(geom, src, dst):
    if src == dst:
        return geom
    return shp_transform(tf(src, dst).transform, geom)


def zone_epsg(lon):
    """3-degree zone of a longitude and the unprefixed CGCS2000 GK EPSG code (4534 + zone - 25)."""
    zone = int(round(lon / 3.0))
    return zone, 4534 + zone - 25


def rng_for(*keys):
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([SEED, *keys])))


def star(rng, cx, cy, radius, nverts, harmonics=5, amp=0.45, phase=None):
    """Star-shaped (hence simple, valid) polygon; radius varies by at most +-amp."""
    theta = np.linspace(0.0, 2.0 * math.pi, nverts, endpoint=False)
    if phase is not None:
        theta = theta + phase
    a = rng.uniform(0.2, 1.0, harmonics) / np.arange(1, harmonics + 1) ** 1.3
    a *= amp / a.sum()
    ph = rng.uniform(0, 2 * math.pi, harmonics)
    r = np.ones(nverts)
    for k in range(harmonics):
        r += a[k] * np.cos((k + 1) * theta + ph[k])
    r *= radius
    return Polygon(np.column_stack([cx + r * np.cos(theta), cy + r * np.sin(theta)]))


def bisect(f, lo, hi, target, n=50):
    """f decreasing in x: find x in [lo, hi] with f(x) ~ target."""
    for _ in range(n):
        mid = (lo + hi) / 2
        if f(mid) > target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def parts(g):
    if g.is_empty:
        return []
    if g.geom_type == "Polygon":
        return [g]
    if g.geom_type == "MultiPolygon":
        return list(g.geoms)
    if g.geom_type == "GeometryCollection":
        out = []
        for x in g.geoms:
            out += parts(x)
        return out
    return []


def polys_only(g):
    ps = parts(g)
    if len(ps) == 1:
        return ps[0]
    return MultiPolygon(ps)


# ------------------------------------------------------------------------------------------------------
# Parks
# ------------------------------------------------------------------------------------------------------
# pid, name, banner, lon, lat, level, radius (m), vertices, industries (weighted), urban-boundary town name
PARKS = [
    ("P01", "鄂托克经济开发区", "鄂托克旗", 107.00, 39.50, "自治区级", 1250, 96,
     ["煤化工", "煤化工", "新材料", "现代煤化工", "物流"], "棋盘井镇"),
    ("P02", "准格尔经济开发区", "准格尔旗", 111.20, 39.85, "自治区级", 1200, 140,
     ["现代煤化工", "新材料", "新材料", "装备制造", "物流"], "薛家湾镇"),
    ("P03", "苏里格经济开发区", "乌审旗", 108.80, 38.60, "自治区级", 1050, 64,
     ["天然气化工", "天然气化工", "新材料", "物流"], "嘎鲁图镇"),
    ("P04", "蒙苏经济开发区", "乌审旗", 109.10, 39.20, "自治区级", 1150, 120,
     ["现代煤化工", "现代煤化工", "新材料", "氢能"], "图克镇"),
    ("P05", "鄂尔多斯高新技术产业开发区", "康巴什区", 109.80, 39.60, "国家级", 1300, 180,
     ["装备制造", "新材料", "氢能", "光伏", "装备制造"], "康巴什区"),
    ("P06", "达拉特经济开发区", "达拉特旗", 110.00, 40.35, "自治区级", 1200, 110,
     ["光伏", "光伏", "新材料", "装备制造", "物流"], "树林召镇"),
    ("P07", "杭锦经济开发区", "杭锦旗", 108.70, 40.40, "自治区级", 1100, 48,
     ["光伏", "氢能", "新材料", "物流"], "独贵塔拉镇"),
    ("P08", "上海庙经济开发区", "鄂托克前旗", 106.90, 38.30, "自治区级", 1150, 72,
     ["煤化工", "现代煤化工", "光伏", "物流"], "上海庙镇"),
]
PI = {p[0]: i for i, p in enumerate(PARKS)}

LAND_USE = {  # 用地用海分类 codes
    "煤化工": "100103", "现代煤化工": "100103", "天然气化工": "100103", "新材料": "100102",
    "装备制造": "100101", "光伏": "100102", "氢能": "100102", "物流": "1101",
}
ENT_SUFFIX = {
    "煤化工": "煤化有限公司", "现代煤化工": "能源化工有限公司", "天然气化工": "天然气化工有限公司",
    "新材料": "新材料科技有限公司", "装备制造": "装备制造有限公司", "光伏": "光伏科技有限公司",
    "氢能": "氢能科技有限公司", "物流": "物流有限公司", "公用设施": "公用事业有限公司",
}
ENT_CHARS = "恒泰瑞丰鑫源宏达晟盛昊坤嘉禾祥通远锦辰德润兴隆昌"
GOV_CAUSES = ["政府未按期交地", "规划调整", "国家政策调整", "涉及军事管制", "涉及文物保护", "信访维稳"]


def make_parks():
    """Park geometries in their own zone (metres). Returns dict pid -> info."""
    info = {}
    for pid, name, banner, lon, lat, level, R, nv, inds, town in PARKS:
        zone, epsg = zone_epsg(lon)
        cx, cy = tf(4490, epsg).transform(lon, lat)
        rng = rng_for(PI[pid], 1)
        poly = star(rng, cx, cy, R, nv, harmonics=4, amp=0.35)
        info[pid] = dict(pid=pid, name=name, banner=banner, level=level, zone=zone, epsg=epsg,
                         c=(cx, cy), R=R, blocks=[poly], industries=inds, town=town)
    # P03 苏里格 gets a second block: its 图克 project area, which slightly overlaps 蒙苏 (P04).
    p4 = info["P04"]["blocks"][0]
    rng = rng_for(PI["P03"], 2)
    c4 = info["P04"]["c"]
    th = math.radians(200.0)  # west-south-west of P04
    b0 = star(rng, 0.0, 0.0, 600, 40, harmonics=3, amp=0.25)

    def ov(d):
        b = shp_transform(lambda x, y: (x + c4[0] + d * math.cos(th), y + c4[1] + d * math.sin(th)), b0)
        return b.intersection(p4).area

    d = bisect(ov, 500, 4000, 40000.0)  # ~4 ha overlap
    blockB = shp_transform(lambda x, y: (x + c4[0] + d * math.cos(th), y + c4[1] + d * math.sin(th)), b0)
    assert info["P03"]["epsg"] == info["P04"]["epsg"] == 4545
    info["P03"]["blocks"].append(blockB)
    info["P03"]["towns"] = ["嘎鲁图镇", "图克镇"]
    for p in info.values():
        p["geom"] = p["blocks"][0] if len(p["blocks"]) == 1 else MultiPolygon(p["blocks"])
        assert p["geom"].is_valid
    return info


# ------------------------------------------------------------------------------------------------------
# Control lines: ecological red line, permanent farmland, urban development boundary
# ------------------------------------------------------------------------------------------------------
def make_redline(parks):
    """Red-line polygons in the zone of the park they belong to: list of (pid, kind, geom)."""
    out = []
    # partial overlaps: P01 (8%), P06 (10%), P07 (6%)
    for pid, target, deg, kind in (("P01", 0.08, 30.0, "防风固沙"), ("P06", 0.10, 95.0, "水源涵养"),
                                   ("P07", 0.06, 250.0, "防风固沙")):
        p = parks[pid]
        rng = rng_for(PI[pid], 10)
        R = p["R"] * 1.6
        base = star(rng, 0.0, 0.0, R, 260, harmonics=6, amp=0.2)
        th = math.radians(deg)
        pg = p["geom"]

        def place(d, base=base, th=th, c=p["c"]):
            return shp_transform(lambda x, y: (x + c[0] + d * math.cos(th), y + c[1] + d * math.sin(th)), base)

        d = bisect(lambda d: place(d).intersection(pg).area / pg.area, 0, 6 * p["R"], target)
        out.append((pid, kind, place(d)))
    # P04 蒙苏: red line touching the park along its eastern edge only (shared boundary, no overlap)
    p = parks["P04"]
    cx, cy = p["c"]
    R = p["R"]
    rng = rng_for(PI["P04"], 10)
    blob = star(rng, cx + 2.2 * R, cy, 1.8 * R, 200, harmonics=4, amp=0.15)
    region = blob.union(box(cx + 0.55 * R, cy - 0.9 * R, cx + 2.5 * R, cy + 0.9 * R))
    touch = region.difference(p["geom"])
    assert touch.geom_type == "Polygon", touch.geom_type
    out.append(("P04", "水土保持", touch))
    # P08 上海庙: a red-line ring whose hole holds the whole park
    p = parks["P08"]
    cx, cy = p["c"]
    rng = rng_for(PI["P08"], 10)
    outer = star(rng, cx, cy, 4.2 * p["R"], 320, harmonics=5, amp=0.22)
    hole = p["geom"].buffer(250, resolution=6).simplify(5)
    ring = Polygon(outer.exterior.coords, [hole.exterior.coords])
    assert ring.is_valid and outer.contains(hole) and not ring.intersects(p["geom"])
    out.append(("P08", "防风固沙", ring))
    # background red line away from parks (no conflict expected)
    for pid, deg, dist, kind in (("P05", 300.0, 9000, "水土保持"), ("P02", 160.0, 8000, "水土保持"),
                                 ("P03", 20.0, 7000, "生物多样性维护")):
        p = parks[pid]
        rng = rng_for(PI[pid], 11)
        th = math.radians(deg)
        g = star(rng, p["c"][0] + dist * math.cos(th), p["c"][1] + dist * math.sin(th), 2500, 180,
                 harmonics=5, amp=0.3)
        out.append((pid, kind, g))
    return out


def make_farmland(parks, redline):
    """Farmland patches: list of (pid, geom) in the park's zone, plus notes on the deliberate cases."""
    notes = {}
    accepted = []  # (pid, geom_zone, geom_4545)
    red_4545 = unary_union([reproject(g, parks[pid]["epsg"], CRS_GPKG) for pid, _, g in redline])
    parks_4545 = {pid: reproject(p["geom"], p["epsg"], CRS_GPKG) for pid, p in parks.items()}

    def try_add(pid, g, allow_park=None, check=True):
        g4 = reproject(g, parks[pid]["epsg"], CRS_GPKG)
        if check:
            if g4.buffer(5).intersects(red_4545):
                return False
            if any(g4.buffer(5).intersects(a[2]) for a in accepted):
                return False
            for q, pg in parks_4545.items():
                if q != allow_park and g4.buffer(5).intersects(pg):
                    return False
        accepted.append((pid, g, g4))
        return True

    # patches straddling / inside the park: P02, P03 (block A), P06
    for pid, n_in in (("P02", 4), ("P03", 3), ("P06", 4)):
        p = parks[pid]
        pg = p["blocks"][0]
        rng = rng_for(PI[pid], 20)
        got, tries = 0, 0
        while got < n_in and tries < 500:
            tries += 1
            th = rng.uniform(0, 2 * math.pi)
            # distance from the centre to the park boundary along direction th
            far = (p["c"][0] + 5 * p["R"] * math.cos(th), p["c"][1] + 5 * p["R"] * math.sin(th))
            hit = LineString([p["c"], far]).intersection(pg.exterior)
            pts = [hit] if hit.geom_type == "Point" else list(hit.geoms)
            r_edge = max(Point(p["c"]).distance(q) for q in pts)
            f = rng.uniform(0.75, 1.05)
            x, y = p["c"][0] + f * r_edge * math.cos(th), p["c"][1] + f * r_edge * math.sin(th)
            g = star(rng, x, y, rng.uniform(90, 190), int(rng.integers(12, 36)), harmonics=3, amp=0.3)
            if try_add(pid, g, allow_park=pid):
                got += 1
        notes.setdefault("in_park_patches", {})[pid] = got
    # P06: one extra patch deliberately overlapping an accepted in-park patch (double counting trap)
    p6 = [a for a in accepted if a[0] == "P06" and a[1].intersects(parks["P06"]["geom"])]
    base = max(p6, key=lambda a: a[1].intersection(parks["P06"]["geom"]).area)
    bc = base[1].centroid
    rng = rng_for(PI["P06"], 21)
    g = star(rng, bc.x + 70, bc.y + 40, 110, 20, harmonics=3, amp=0.25)
    assert g.intersects(base[1])
    try_add("P06", g, check=False)
    notes["overlapping_pair_index"] = [accepted.index(base), len(accepted) - 1]
    # P07: a patch outside the park with a tiny spike reaching < 1 m2 into it (sliver suppression)
    p = parks["P07"]
    pg = p["geom"]
    th = math.radians(70.0)
    far = (p["c"][0] + 5 * p["R"] * math.cos(th), p["c"][1] + 5 * p["R"] * math.sin(th))
    hit = LineString([p["c"], far]).intersection(pg.exterior)
    bp = hit if hit.geom_type == "Point" else max(hit.geoms, key=lambda q: Point(p["c"]).distance(q))
    # outward normal of the park edge hit by the ray
    coords = list(pg.exterior.coords)
    best = min(range(len(coords) - 1),
               key=lambda i: LineString([coords[i], coords[i + 1]]).distance(bp))
    (x1, y1), (x2, y2) = coords[best], coords[best + 1]
    tx, ty = (x2 - x1), (y2 - y1)
    L = math.hypot(tx, ty)
    tx, ty = tx / L, ty / L
    nx, ny = ty, -tx  # right-hand normal
    if pg.contains(Point(bp.x + nx * 2, bp.y + ny * 2)):
        nx, ny = -nx, -ny
    rng = rng_for(PI["P07"], 22)
    r = 140.0
    blob = star(rng, bp.x + nx * 0.7 * r, bp.y + ny * 0.7 * r, r, 28, harmonics=3, amp=0.12)
    blob = blob.difference(pg.buffer(5, resolution=8))
    blob = max(parts(blob), key=lambda q: q.area)
    depth, half = 1.5, 4.0
    spike = Polygon([(bp.x - nx * depth, bp.y - ny * depth),
                     (bp.x + nx * 12 + tx * half, bp.y + ny * 12 + ty * half),
                     (bp.x + nx * 12 - tx * half, bp.y + ny * 12 - ty * half)])
    sliver = blob.union(spike)
    assert sliver.geom_type == "Polygon" and sliver.is_valid
    notes["sliver_design_m2"] = sliver.intersection(pg).area
    assert 0.1 < notes["sliver_design_m2"] < 1.0, notes["sliver_design_m2"]
    try_add("P07", sliver, check=False)
    notes["sliver_index"] = len(accepted) - 1
    # background patches around every park (no conflict)
    for pid, p in parks.items():
        rng = rng_for(PI[pid], 23)
        got, tries = 0, 0
        while got < 8 and tries < 400:
            tries += 1
            th = rng.uniform(0, 2 * math.pi)
            d = rng.uniform(2.0, 4.5) * p["R"]
            g = star(rng, p["c"][0] + d * math.cos(th), p["c"][1] + d * math.sin(th), rng.uniform(80, 260),
                     int(rng.integers(10, 41)), harmonics=3, amp=0.3)
            if try_add(pid, g):
                got += 1
    return [(a[0], a[1]) for a in accepted], notes


def make_urban(parks, redline, farmland):
    """Urban development boundary per town, in the zone of its park(s): list of (pid, town, geom)."""
    out = []
    groups = [("P01",), ("P02",), ("P03A",), ("P03B", "P04"), ("P05",), ("P06",), ("P07",), ("P08",)]
    for grp in groups:
        geoms, pid0 = [], grp[0][:3]
        for key in grp:
            pid = key[:3]
            p = parks[pid]
            g = p["blocks"][1] if key == "P03B" else p["blocks"][0]
            rng = rng_for(PI[pid], 30, len(key))
            geoms.append(g.buffer(float(rng.uniform(450, 900)), resolution=4))
        ep = parks[pid0]["epsg"]
        u = unary_union(geoms).simplify(4)
        # three control lines must not overlap: cut out red line and farmland
        u = u.difference(unary_union([reproject(g, parks[q]["epsg"], ep) for q, _, g in redline]))
        u = u.difference(unary_union([reproject(g, parks[q]["epsg"], ep) for q, g in farmland]))
        town = {"P03A": "嘎鲁图镇", "P03B": "图克镇"}.get(grp[0], parks[pid0]["town"])
        out.append((pid0, town, u))
    # deliberate cuts: P01 (south-west ~12%) and P02 (north ~15%) partly outside the boundary
    res = []
    for pid0, town, u in out:
        if pid0 in ("P01", "P02") and town == parks[pid0]["town"]:
            p = parks[pid0]
            th = math.radians({"P01": 225.0, "P02": 80.0}[pid0])
            target = {"P01": 0.12, "P02": 0.15}[pid0]
            cx, cy = p["c"]
            ux, uy = math.cos(th), math.sin(th)
            big = 20 * p["R"]

            def halfplane(d):
                # everything beyond distance d from the centre in direction th
                px, py = cx + d * ux, cy + d * uy
                return Polygon([(px - uy * big, py + ux * big), (px + uy * big, py - ux * big),
                                (px + uy * big + ux * big, py - ux * big + uy * big),
                                (px - uy * big + ux * big, py + ux * big + uy * big)])

            pg = p["geom"]
            already = pg.difference(u).area
            d = bisect(lambda d: (pg.difference(u.difference(halfplane(d))).area - already) / pg.area,
                       -2 * p["R"], 3 * p["R"], target)
            u = u.difference(halfplane(d))
        res.append((pid0, town, polys_only(u)))
    return res


# ------------------------------------------------------------------------------------------------------
# Parcels and approval batches
# ------------------------------------------------------------------------------------------------------
def d2s(d):
    return d.isoformat() if d else ""


def rand_date(rng, lo, hi):
    n = (hi - lo).days
    return lo + dt.timedelta(days=int(rng.integers(0, max(n, 0) + 1)))


def cell_grid(rng, poly, cx, cy, s, avoid):
    """Jittered grid of 8-vertex cells over poly's bounding box; shared edges identical."""
    minx, miny, maxx, maxy = poly.bounds
    i0, i1 = int(math.floor((minx - cx) / s)) - 1, int(math.ceil((maxx - cx) / s)) + 1
    j0, j1 = int(math.floor((miny - cy) / s)) - 1, int(math.ceil((maxy - cy) / s)) + 1
    ni, nj = i1 - i0 + 1, j1 - j0 + 1
    jc, jm = 0.14 * s, 0.05 * s
    X = cx + (np.arange(i0, i1 + 1)[:, None] * s) + rng.uniform(-jc, jc, (ni, nj))
    Y = cy + (np.arange(j0, j1 + 1)[None, :] * s) + rng.uniform(-jc, jc, (ni, nj))
    hj = rng.uniform(-jm, jm, (ni, nj))
    vj = rng.uniform(-jm, jm, (ni, nj))
    inner = poly.buffer(-3)
    cells = []
    for a in range(ni - 1):
        for b in range(nj - 1):
            p00 = (X[a, b], Y[a, b]); p10 = (X[a + 1, b], Y[a + 1, b])
            p11 = (X[a + 1, b + 1], Y[a + 1, b + 1]); p01 = (X[a, b + 1], Y[a, b + 1])
            mb = ((p00[0] + p10[0]) / 2, (p00[1] + p10[1]) / 2 + hj[a, b])
            mr = ((p10[0] + p11[0]) / 2 + vj[a + 1, b], (p10[1] + p11[1]) / 2)
            mt = ((p01[0] + p11[0]) / 2, (p01[1] + p11[1]) / 2 + hj[a, b + 1])
            ml = ((p00[0] + p01[0]) / 2 + vj[a, b], (p00[1] + p01[1]) / 2)
            g = Polygon([p00, mb, p10, mr, p11, mt, p01, ml])
            if not g.intersects(poly) or (avoid is not None and g.intersects(avoid)):
                continue
            cells.append(dict(geom=g, corners=(p00, p10, p11, p01), inside=inner.contains(g),
                              centre_in=poly.contains(g.centroid)))
    return cells


CATS = [("ok", 0.40), ("late", 0.05), ("idle1", 0.09), ("idle2", 0.08), ("recent", 0.09), ("gov", 0.05),
        ("halted", 0.12), ("halted_recent", 0.04), ("halted_high", 0.08)]
WINDOWS = {
    "ok": (dt.date(2016, 6, 1), dt.date(2025, 12, 31)),
    "late": (dt.date(2016, 6, 1), dt.date(2024, 3, 31)),
    "idle1": (dt.date(2024, 7, 1), dt.date(2025, 6, 29)),      # 1-2 years idle on 2026-06-30
    "idle2": (dt.date(2017, 1, 1), dt.date(2024, 6, 29)),      # >= 2 years idle
    "recent": (dt.date(2025, 7, 2), dt.date(2026, 12, 31)),    # not yet due / < 1 year
    "gov": (dt.date(2018, 1, 1), dt.date(2025, 6, 29)),
    "halted": (dt.date(2016, 6, 1), dt.date(2023, 12, 31)),
    "halted_recent": (dt.date(2016, 6, 1), dt.date(2024, 6, 30)),
    "halted_high": (dt.date(2016, 6, 1), dt.date(2023, 12, 31)),
}


def make_parcels_and_batches(parks):
    parcels, batches = [], []
    used_batch_no = set()
    special = {}
    for pid, p in parks.items():
        rng = rng_for(PI[pid], 40)
        s = float(rng.uniform(190, 235))
        n_total = int(rng.integers(48, 76))
        blocks = p["blocks"]
        shares = [1.0] if len(blocks) == 1 else [0.72, 0.28]
        avoid = None
        if pid == "P04":
            avoid = parks["P03"]["blocks"][1].buffer(5)
        park_cells = []  # per block: (block index, approved cells (ordered), parcel cells)
        for bi, blk in enumerate(blocks):
            av = parks["P04"]["geom"].buffer(5) if (pid == "P03" and bi == 1) else avoid
            c = blk.centroid
            cells = cell_grid(rng, blk, c.x, c.y, s, av)
            inside = [x for x in cells if x["inside"]]
            # development starts at one side of the block and grows inward
            th = rng.uniform(0, 2 * math.pi)
            ox, oy = c.x + 4 * p["R"] * math.cos(th), c.y + 4 * p["R"] * math.sin(th)
            key = [math.hypot(x["geom"].centroid.x - ox, x["geom"].centroid.y - oy) + rng.uniform(0, 0.1 * s)
                   for x in inside]
            order = [inside[k] for k in np.argsort(key, kind="stable")]
            n = min(int(round(n_total * shares[bi])), int(len(order) * 0.75))
            extra = max(3, int(round(n * 0.15)))
            park_cells.append((bi, order, n, extra, cells, (ox, oy)))
        seq = 0
        n_batches_done = 0
        y0 = int(rng.integers(2016, 2019))
        for bi, order, n, extra, cells, (ox, oy) in park_cells:
            parcel_cells = order[:n]
            approved = order[:n + extra]
            # 未批先供: one or two supplied parcels outside every batch (P02, P05, P06, P08)
            unapproved = []
            if pid in ("P02", "P05", "P06", "P08") and bi == 0:
                k = 2 if pid == "P06" else 1
                pick = sorted(rng.choice(np.arange(n // 3, n), k, replace=False).tolist())
                unapproved = [parcel_cells[i] for i in pick]
                approved = [x for x in approved if not any(x is u for u in unapproved)]
            # a few parcels crossing the park boundary (P01, P05, P07): boundary cells nearest the origin
            crossing = []
            if pid in ("P01", "P05", "P07") and bi == 0:
                edge = [x for x in cells if not x["inside"] and x["centre_in"]]
                edge.sort(key=lambda x: math.hypot(x["geom"].centroid.x - ox, x["geom"].centroid.y - oy))
                crossing = edge[:1 if pid != "P05" else 2]
            nb = 1 if bi == 1 else int(rng.integers(3, 6))
            chunks = np.array_split(np.arange(len(approved)), nb)
            batch_of = {}
            prev_date = dt.date(y0, 1, 1) if n_batches_done == 0 else batches[-1]["_date"]
            for ci, ch in enumerate(chunks):
                yr = min(2025, (prev_date.year if n_batches_done == 0 and ci == 0 else prev_date.year + int(rng.integers(1, 3))))
                date = rand_date(rng, dt.date(yr, 1, 10), dt.date(yr, 6, 28) if yr == 2025 else dt.date(yr, 12, 20))
                if date <= prev_date:
                    date = prev_date + dt.timedelta(days=45)
                prev_date = date
                members = [approved[i] for i in ch]
                if ci == len(chunks) - 1 and crossing:
                    members = members + crossing
                # MultiPolygon batches: P02 and P07 last batches also take a detached group of far cells
                if pid in ("P02", "P07") and ci == len(chunks) - 1 and bi == 0:
                    far = order[-2:]
                    members = members + far
                geom = unary_union([x["geom"] for x in members])
                while True:
                    no = int(rng.integers(1, 200))
                    if (date.year, no) not in used_batch_no:
                        used_batch_no.add((date.year, no))
                        break
                state = date.year >= 2020 and (n_batches_done % 4 == 2)
                b = dict(batch_id=f"{date.year}-内蒙古-批-{no:03d}",
                         batch_name=f"{p['banner']}{date.year}年度第{ci + 1 + n_batches_done}批次城镇建设用地",
                         approval_no=(f"自然资函〔{date.year}〕{int(rng.integers(100, 999))}号" if state
                                      else f"内政土发〔{date.year}〕{int(rng.integers(10, 300))}号"),
                         approved_on=date.isoformat(), approved_area_ha=round(geom.area / 1e4, 4),
                         banner=p["banner"], _date=date, _geom=geom, _epsg=p["epsg"], _park=pid)
                batches.append(b)
                for x in members:
                    batch_of[id(x)] = len(batches) - 1
            n_batches_done += len(chunks)
            for x in parcel_cells + crossing:
                seq += 1
                parcels.append(dict(_park=pid, _epsg=p["epsg"], _geom=x["geom"], _corners=x["corners"],
                                    _batch=batch_of.get(id(x)), _unapproved=any(x is u for u in unapproved),
                                    _crossing=any(x is u for u in crossing), parcel_id=f"{pid}-{seq:03d}"))
    return parcels, batches


def parcel_attributes(parcels, batches, parks):
    rng = rng_for(99, 1)
    cat_names = [c for c, _ in CATS]
    cat_p = np.array([w for _, w in CATS]); cat_p /= cat_p.sum()
    ent_pool = {}
    fmt_cycle = 0
    for i, q in enumerate(parcels):
        p = parks[q["_park"]]
        area = q["_geom"].area
        b = batches[q["_batch"]] if q["_batch"] is not None else None
        bd = b["_date"] if b else rand_date(rng, dt.date(2019, 1, 1), dt.date(2023, 12, 31))
        last_batch = b is not None and b is max((x for x in batches if x["_park"] == q["_park"]), key=lambda x: x["_date"])
        industry = str(rng.choice(p["industries"]))
        utility = rng.random() < 0.05
        if utility:
            industry, land_use, method = "公用设施", str(rng.choice(["1302", "1303"])), "划拨"
        else:
            land_use, method = LAND_USE[industry], "出让"
        unsupplied = (not q["_unapproved"]) and rng.random() < (0.45 if last_batch else 0.08)
        rec = dict(parcel_id=q["parcel_id"], park_id=q["_park"], supplied_on="", supply_method="",
                   agreed_start="", actual_start="", developed_ratio=0.0, invested_ratio=0.0, halted_since="",
                   land_price_wan=0.0, government_cause="", land_use=land_use, industry="", enterprise="",
                   floor_area_m2=0.0, footprint_area_m2=0.0, yard_area_m2=0.0, admin_area_m2=0.0,
                   green_area_m2=0.0)
        q["_cat"] = "unsupplied"
        if not unsupplied:
            cat = str(rng.choice(cat_names, p=cat_p))
            lo, hi = WINDOWS[cat]
            lo = max(lo, bd + dt.timedelta(days=120))
            if lo > hi:
                cat = "recent"
                lo, hi = max(WINDOWS["recent"][0], bd + dt.timedelta(days=120)), WINDOWS["recent"][1]
            agreed = rand_date(rng, lo, hi)
            room = (agreed - (bd + dt.timedelta(days=30))).days
            supplied = agreed - dt.timedelta(days=int(rng.integers(90, max(91, min(365, room) + 1))))
            supplied = min(supplied, AS_OF - dt.timedelta(days=20))
            actual = halted = None
            dev = inv = 0.0
            if cat == "ok":
                actual = min(agreed + dt.timedelta(days=int(rng.integers(-30, 200))), AS_OF - dt.timedelta(days=5))
                dev, inv = rng.uniform(0.4, 1.0), rng.uniform(0.35, 1.0)
            elif cat == "late":
                actual = min(agreed + dt.timedelta(days=int(rng.integers(400, 900))), AS_OF - dt.timedelta(days=10))
                dev, inv = rng.uniform(0.15, 0.7), rng.uniform(0.2, 0.7)
            elif cat in ("halted", "halted_recent", "halted_high"):
                actual = agreed + dt.timedelta(days=int(rng.integers(0, 150)))
                if cat == "halted_recent":
                    halted = rand_date(rng, dt.date(2025, 7, 15), dt.date(2026, 5, 31))
                else:
                    halted = min(actual + dt.timedelta(days=int(rng.integers(120, 900))), dt.date(2025, 6, 1))
                if cat == "halted_high":
                    dev, inv = rng.uniform(0.36, 0.8), rng.uniform(0.3, 0.8)
                elif rng.random() < 0.5:
                    dev, inv = rng.uniform(0.05, 0.3), rng.uniform(0.3, 0.6)   # developed < 1/3
                else:
                    dev, inv = rng.uniform(0.35, 0.6), rng.uniform(0.05, 0.22)  # invested < 25 %
            if cat == "gov":
                rec["government_cause"] = str(rng.choice(GOV_CAUSES))
            q["_cat"] = cat
            if industry not in ent_pool or rng.random() < 0.7:
                a, bb = ENT_CHARS[int(rng.integers(len(ENT_CHARS)))], ENT_CHARS[int(rng.integers(len(ENT_CHARS)))]
                ent_pool[industry] = f"鄂尔多斯市{a}{bb}{ENT_SUFFIX[industry]}"
            price_m2 = rng.uniform(110, 260) * (0.4 if method == "划拨" else 1.0)  # 元/m2
            rec.update(supply_method=method, agreed_start=d2s(agreed), actual_start=d2s(actual),
                       developed_ratio=round(float(dev), 3), invested_ratio=round(float(inv), 3),
                       halted_since=d2s(halted), land_price_wan=round(area * price_m2 / 1e4, 2),
                       industry=industry, enterprise=ent_pool[industry])
            q["_supplied"] = supplied
            q["_actual"] = actual
            if actual:
                cov = rng.uniform(0.28, 0.6) * dev
                foot = area * cov
                rec.update(footprint_area_m2=round(foot, 1),
                           floor_area_m2=round(foot * rng.uniform(0.9, 2.4), 1),
                           yard_area_m2=round(area * rng.uniform(0.03, 0.18) * dev, 1),
                           admin_area_m2=round(area * rng.uniform(0.02, 0.10), 1),
                           green_area_m2=round(area * rng.uniform(0.06, 0.26), 1))
            # supplied_on in several formats
            fmt_cycle += 1
            k = fmt_cycle % 11
            if k == 3:
                s = f"{supplied.year}/{supplied.month}/{supplied.day}"
            elif k == 6:
                s = supplied.strftime("%Y%m%d")
            elif k == 9:
                s = f"{supplied.year}年{supplied.month}月{supplied.day}日"
            else:
                s = supplied.isoformat()
            rec["supplied_on"] = s
        else:
            rec["industry"] = ""
        # some parcels without park_id: the engine must assign them spatially
        if rng.random() < 0.07 and not q["_crossing"]:
            rec["park_id"] = ""
        q["props"] = rec
    # deliberate special cases -------------------------------------------------------------------
    sup = [q for q in parcels if q["props"]["supplied_on"]]
    ok = [q for q in sup if q["_cat"] == "ok"]
    # one unparseable supply date
    ok[7]["props"]["supplied_on"] = "2023-13-45"
    ok[7]["_note"] = "unparseable supplied_on"
    # boundary cases of "one full year" / "two full years" on 2026-06-30 (not started)
    for q, agreed, note in ((ok[20], dt.date(2025, 6, 30), "agreed_start exactly 1 year before as-of"),
                            (ok[33], dt.date(2024, 6, 30), "agreed_start exactly 2 years before as-of")):
        sdate = agreed - dt.timedelta(days=120)
        q["props"].update(agreed_start=agreed.isoformat(), actual_start="", developed_ratio=0.0,
                          invested_ratio=0.0, supplied_on=sdate.isoformat(), floor_area_m2=0.0,
                          footprint_area_m2=0.0, yard_area_m2=0.0, admin_area_m2=0.0, green_area_m2=0.0)
        q["_cat"] = "boundary"
        q["_note"] = note
        q["_actual"] = None
    # the bow-tie: one parcel in P02 gets a self-intersecting ring (corners in the wrong order)
    p02 = [q for q in parcels if q["_park"] == "P02" and not q["_unapproved"]]
    bt = p02[10]
    a, b_, c, d = bt["_corners"]
    bt["_geom"] = Polygon([a, b_, d, c])
    bt["_note"] = "bow-tie (invalid)"
    assert not bt["_geom"].is_valid
    # two parcels enlarged by 12 % so they overlap their neighbours (P05, P06)
    for pid, k in (("P05", 15), ("P06", 9)):
        q = [x for x in parcels if x["_park"] == pid][k]
        q["_geom"] = shp_scale(q["_geom"], 1.12, 1.12, origin="centroid")
        q["_note"] = "enlarged 12 %: overlaps neighbours"
    return parcels


def economics_rows(parcels):
    rng = rng_for(99, 2)
    rows = []
    for q in parcels:
        pr = q["props"]
        if not pr["actual_start"]:
            continue
        actual = dt.date.fromisoformat(pr["actual_start"])
        mu = q["_geom"].area / MU
        halted = bool(pr["halted_since"])
        intensity = {"煤化工": 1.6, "现代煤化工": 2.0, "天然气化工": 1.5, "新材料": 1.2, "装备制造": 0.9,
                     "光伏": 1.4, "氢能": 1.1, "物流": 0.4, "公用设施": 0.3}[pr["industry"]]
        per_mu_2025 = rng.uniform(40, 320) * intensity * (0.2 if halted else 1.0)  # 万元 output per mu
        growth = rng.uniform(1.1, 2.3)
        # cumulative fixed investment (incl. land price), non-decreasing from 2021 to 2025
        fi_2025 = mu * rng.uniform(150, 420) * max(pr["invested_ratio"], 0.05) + pr["land_price_wan"]
        fi_share_2021 = rng.uniform(0.6, 0.95)
        for year in (2021, 2025):
            if year == 2021 and actual > dt.date(2020, 12, 31):
                continue
            f = 1.0 if year == 2025 else 1.0 / growth
            dev = max(pr["developed_ratio"], 0.05)
            out = mu * per_mu_2025 * f * dev
            va = out * rng.uniform(0.18, 0.34)
            energy_per_va = {"煤化工": 2.2, "现代煤化工": 2.6, "天然气化工": 1.8}.get(pr["industry"], 0.6)
            rows.append(dict(parcel_id=pr["parcel_id"], enterprise=pr["enterprise"], year=year,
                             output_wan=round(out, 1), tax_wan=round(out * rng.uniform(0.02, 0.08), 1),
                             value_added_wan=round(va, 1),
                             fixed_investment_wan=round(fi_2025 * (1.0 if year == 2025 else fi_share_2021), 1),
                             energy_tce=round(va * energy_per_va * rng.uniform(0.7, 1.3), 1),
                             employees=int(max(3, round(mu * rng.uniform(0.3, 1.6) * dev)))))
    rows.sort(key=lambda r: (r["parcel_id"], r["year"]))
    return rows


# ------------------------------------------------------------------------------------------------------
# Writers
# ------------------------------------------------------------------------------------------------------
def rnd(geom, nd):
    def r(x, y):
        return np.round(np.asarray(x), nd), np.round(np.asarray(y), nd)
    return shp_transform(r, geom)


def gj_geom(geom, nd, ccw=True):
    """GeoJSON geometry dict with rounded coordinates (RFC 7946 winding when ccw)."""
    def ring(cs):
        return [[round(float(x), nd), round(float(y), nd)] for x, y in cs]

    def poly(p):
        if ccw and p.is_valid:
            p = orient(p, 1.0)
        return [ring(p.exterior.coords)] + [ring(h.coords) for h in p.interiors]

    if geom.geom_type == "Polygon":
        return {"type": "Polygon", "coordinates": poly(geom)}
    return {"type": "MultiPolygon", "coordinates": [poly(p) for p in geom.geoms]}


def write_geojson(path, name, feats, nd, crs_urn=None):
    buf = io.StringIO()
    buf.write('{\n"type": "FeatureCollection",\n"name": ' + json.dumps(name) + ',\n')
    if crs_urn:
        buf.write('"crs": {"type": "name", "properties": {"name": "' + crs_urn + '"}},\n')
    buf.write('"features": [\n')
    for i, (props, geom) in enumerate(feats):
        f = {"type": "Feature", "properties": props, "geometry": gj_geom(geom, nd)}
        buf.write(json.dumps(f, ensure_ascii=False, separators=(",", ":")))
        buf.write(",\n" if i < len(feats) - 1 else "\n")
    buf.write("]\n}\n")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(buf.getvalue())


def write_shapefile(outdir, parks):
    base = os.path.join(outdir, "parks")
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        if os.path.exists(base + ext):
            os.remove(base + ext)
    schema = {"geometry": "Polygon", "properties": {
        "park_id": "str:8", "name": "str:64", "banner": "str:32", "appr_ha": "float:12.2",
        "level": "str:16", "blocks": "int:2", "block_ha": "str:40"}}
    with fiona.Env():
        with fiona.open(base + ".shp", "w", driver="ESRI Shapefile", schema=schema, crs=FionaCRS.from_epsg(CRS_PARKS),
                        encoding="cp936") as dst:
            for pid, p in parks.items():
                g = reproject(p["geom"], p["epsg"], CRS_PARKS)
                bha = [round(b.area / 1e4, 2) for b in p["blocks"]]
                dst.write({"geometry": mapping(g), "properties": {
                    "park_id": pid, "name": p["name"], "banner": p["banner"], "appr_ha": round(sum(bha), 2),
                    "level": p["level"], "blocks": len(p["blocks"]), "block_ha": ";".join(f"{x:.2f}" for x in bha)}})
    with open(base + ".cpg", "w", newline="") as fh:
        fh.write("CP936")
    # DBF header bytes 1-3 carry the "last update" date: pin it to the as-of date (determinism)
    with open(base + ".dbf", "r+b") as fh:
        fh.seek(1)
        fh.write(bytes([AS_OF.year - 1900, AS_OF.month, AS_OF.day]))
        fh.seek(29)
        ldid = fh.read(1)
    return ldid


def write_gpkg(outdir, redline, farmland, parks):
    path = os.path.join(outdir, "layers.gpkg")
    if os.path.exists(path):
        os.remove(path)
    red_schema = {"geometry": "Polygon", "properties": {
        "redline_id": "str:16", "name": "str:64", "kind": "str:16", "banner": "str:16"}}
    farm_schema = {"geometry": "Polygon", "properties": {
        "patch_id": "str:16", "dlbm": "str:4", "dlmc": "str:8", "banner": "str:16", "tbmj_mu": "float"}}
    dl = [("0101", "水田"), ("0102", "水浇地"), ("0103", "旱地")]
    with fiona.Env(OGR_CURRENT_DATE="2026-06-30T00:00:00Z", OGR_SQLITE_JOURNAL="OFF"):
        with fiona.open(path, "w", driver="GPKG", layer="ecological_redline", schema=red_schema,
                        crs=FionaCRS.from_epsg(CRS_GPKG)) as dst:
            for i, (pid, kind, g) in enumerate(redline):
                g4 = reproject(g, parks[pid]["epsg"], CRS_GPKG)
                dst.write({"geometry": mapping(g4), "properties": {
                    "redline_id": f"STBHHX-{i + 1:03d}", "name": f"{parks[pid]['banner']}{kind}生态保护红线-{i + 1:02d}",
                    "kind": kind, "banner": parks[pid]["banner"]}})
        rng = rng_for(99, 3)
        with fiona.open(path, "w", driver="GPKG", layer="permanent_farmland", schema=farm_schema,
                        crs=FionaCRS.from_epsg(CRS_GPKG)) as dst:
            for i, (pid, g) in enumerate(farmland):
                g4 = reproject(g, parks[pid]["epsg"], CRS_GPKG)
                code, nm = dl[int(rng.integers(0, 3))] if pid not in ("P06",) else dl[1]
                dst.write({"geometry": mapping(g4), "properties": {
                    "patch_id": f"YJJBNT-{i + 1:04d}", "dlbm": code, "dlmc": nm, "banner": parks[pid]["banner"],
                    "tbmj_mu": round(g.area / MU, 2)}})
    return path


# ------------------------------------------------------------------------------------------------------
# Read back and compute the expected conflict areas
# ------------------------------------------------------------------------------------------------------
def read_geojson(path):
    with open(path, encoding="utf-8") as fh:
        d = json.load(fh)
    epsg = 4490
    if "crs" in d:
        epsg = int(d["crs"]["properties"]["name"].split(":")[-1])
    return [(f["properties"], shape(f["geometry"])) for f in d["features"]], epsg


def summarize(g, min_area=1.0):
    ps = parts(g)
    big = [p.area for p in ps if p.area >= min_area]
    small = [p.area for p in ps if p.area < min_area]
    return {"area_m2": round(g.area, 3), "area_m2_pieces_ge_1m2": round(sum(big), 3),
            "pieces_ge_1m2": len(big), "pieces_suppressed_lt_1m2": len(small),
            "suppressed_area_m2": round(sum(small), 6)}


def expected(outdir):
    with fiona.open(os.path.join(outdir, "parks.shp"), encoding="cp936") as src:
        parks_ll = [(f["properties"]["park_id"], f["properties"]["name"], shape(f["geometry"])) for f in src]
    gp = os.path.join(outdir, "layers.gpkg")
    with fiona.open(gp, layer="ecological_redline") as src:
        red = [(f["properties"]["redline_id"], shape(f["geometry"])) for f in src]
    with fiona.open(gp, layer="permanent_farmland") as src:
        farm = [(f["properties"]["patch_id"], shape(f["geometry"])) for f in src]
    urban, urban_epsg = read_geojson(os.path.join(outdir, "urban_boundary.geojson"))
    res = {}
    for pid, name, g in parks_ll:
        lon = g.centroid.x
        zone, epsg = zone_epsg(lon)
        pg = reproject(g, CRS_PARKS, epsg)
        redz = [(i, reproject(x, CRS_GPKG, epsg)) for i, x in red]
        farmz = [(i, reproject(x, CRS_GPKG, epsg)) for i, x in farm]
        urbz = unary_union([reproject(x, urban_epsg, epsg) for _, x in urban])
        others = unary_union([reproject(x, CRS_PARKS, epsg) for q, _, x in parks_ll if q != pid])
        red_hit = [i for i, x in redz if x.intersects(pg) and x.intersection(pg).area > 1e-3]
        red_touch = [i for i, x in redz if x.intersects(pg) and i not in red_hit]
        farm_hit = [(i, x.intersection(pg).area) for i, x in farmz if x.intersects(pg)]
        res[pid] = {
            "name": name, "centroid_lon": round(lon, 6), "zone": zone, "epsg": epsg,
            "park_area_m2": round(pg.area, 3),
            "redline": summarize(pg.intersection(unary_union([x for _, x in redz]))),
            "redline_features_overlapping": red_hit,
            "redline_features_touching_only": red_touch,
            "farmland": summarize(pg.intersection(unary_union([x for _, x in farmz]))),
            "farmland_sum_per_patch_m2 (double-counted)": round(sum(a for _, a in farm_hit), 3),
            "farmland_patches_intersecting": {i: round(a, 3) for i, a in farm_hit},
            "outside_urban": summarize(pg.difference(urbz)),
            "other_parks": summarize(pg.intersection(others)),
        }
    return res


# ------------------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    a = ap.parse_args()
    out = a.out
    os.makedirs(out, exist_ok=True)

    parks = make_parks()
    redline = make_redline(parks)
    farmland, fnotes = make_farmland(parks, redline)
    urban = make_urban(parks, redline, farmland)
    parcels, batches = make_parcels_and_batches(parks)
    parcels = parcel_attributes(parcels, batches, parks)
    econ = economics_rows(parcels)

    # validity: everything valid except the one bow-tie parcel
    for pid, p in parks.items():
        assert p["geom"].is_valid, pid
    for _, _, g in redline:
        assert g.is_valid
    for _, g in farmland:
        assert g.is_valid
    for _, _, g in urban:
        assert g.is_valid
    for b in batches:
        assert b["_geom"].is_valid
    bad = [q["parcel_id"] for q in parcels if not q["_geom"].is_valid]
    assert len(bad) == 1, bad
    # farmland pairwise disjoint except the deliberate pair
    f4 = [reproject(g, parks[pid]["epsg"], CRS_GPKG) for pid, g in farmland]
    pairs = [(i, j) for i in range(len(f4)) for j in range(i + 1, len(f4)) if f4[i].intersects(f4[j])]
    assert pairs == [tuple(fnotes["overlapping_pair_index"])], pairs

    # ---- write ------------------------------------------------------------------------------
    ldid = write_shapefile(out, parks)
    write_gpkg(out, redline, farmland, parks)
    write_geojson(os.path.join(out, "urban_boundary.geojson"), "urban_boundary",
                  [({"udb_id": f"CZKFBJ-{i + 1:02d}", "name": f"{town}城镇开发边界",
                     "banner": parks[pid]["banner"]}, rnd(reproject(g, parks[pid]["epsg"], CRS_URBAN), 7))
                   for i, (pid, town, g) in enumerate(urban)], nd=7)
    write_geojson(os.path.join(out, "approvals.geojson"), "approvals",
                  [({k: v for k, v in b.items() if not k.startswith("_")},
                    reproject(b["_geom"], b["_epsg"], CRS_APPROVALS)) for b in batches], nd=4,
                  crs_urn=f"urn:ogc:def:crs:EPSG::{CRS_APPROVALS}")
    write_geojson(os.path.join(out, "parcels.geojson"), "parcels",
                  [(q["props"], reproject(q["_geom"], q["_epsg"], CRS_PARCELS)) for q in parcels], nd=9,
                  crs_urn=f"urn:ogc:def:crs:EPSG::{CRS_PARCELS}")
    with open(os.path.join(out, "economics.csv"), "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(econ[0].keys()), lineterminator="\n")
        w.writeheader()
        for r in econ:
            w.writerow(r)

    # ---- expected values (from the files as written) ----------------------------------------
    exp = expected(out)
    cats = {}
    for q in parcels:
        cats.setdefault(q["_park"], {}).setdefault(q["_cat"], 0)
        cats[q["_park"]][q["_cat"]] += 1
    doc = {
        "about": "Expected values for the Ordos sample, recomputed by make_sample.py from the written files. "
                 "Planar Gauss-Kruger areas (m2) in the 3-degree zone of each park's centroid "
                 "(zone = round(lon/3), EPSG = 4534 + zone - 25), shapely/GEOS union semantics: "
                 "area(park & union(redline)), area(park & union(farmland)), area(park - union(urban)), "
                 "area(park & union(other parks)). 'pieces' are the parts of that result; parts < 1 m2 are "
                 "what a 1 m2 minimum-area filter suppresses.",
        "as_of": AS_OF.isoformat(),
        "parks": exp,
        "lifecycle_design_counts": {k: dict(sorted(v.items())) for k, v in sorted(cats.items())},
        "lifecycle_categories": {
            "unsupplied": "supplied_on empty (批而未供 within its batch)",
            "ok": "started within the agreed window",
            "late": "started, but more than one year after agreed_start (was idle, now started)",
            "idle1": "not started; agreed_start 2024-07-01..2025-06-29 (idle 1-2 years on the as-of date)",
            "idle2": "not started; agreed_start before 2024-06-30 (idle >= 2 years)",
            "recent": "not started; agreed_start after 2025-07-01 (supplied not used, not yet idle)",
            "gov": "not started over one year, government_cause set (Art. 8: no penalty)",
            "halted": "started, halted since before 2025-06-30, developed < 1/3 or invested < 25%",
            "halted_recent": "started, halted for less than one year",
            "halted_high": "started, halted > 1 year but developed >= 1/3 and invested >= 25% (not idle)",
            "boundary": "not started; agreed_start exactly 1 or 2 years before the as-of date",
        },
        "special_parcels": {q["parcel_id"]: q["_note"] for q in parcels if q.get("_note")},
        "unapproved_supplied_parcels (未批先供)": [q["parcel_id"] for q in parcels if q["_unapproved"]],
        "parcels_crossing_park_boundary": [q["parcel_id"] for q in parcels if q["_crossing"]],
        "parcels_without_park_id": [q["parcel_id"] for q in parcels if not q["props"]["park_id"]],
        "farmland_overlapping_pair": [f"YJJBNT-{i + 1:04d}" for i in fnotes["overlapping_pair_index"]],
        "farmland_sliver_patch": f"YJJBNT-{fnotes['sliver_index'] + 1:04d}",
        "multipolygon_batches": [b["batch_id"] for b in batches if b["_geom"].geom_type == "MultiPolygon"],
        "counts": {"parks": len(parks), "ecological_redline": len(redline), "permanent_farmland": len(farmland),
                   "urban_boundary": len(urban), "approvals": len(batches), "parcels": len(parcels),
                   "economics_rows": len(econ)},
        "dbf_language_driver_id": ldid.hex(),
    }
    with open(os.path.join(HERE, "expected.json") if os.path.abspath(out) == DEFAULT_OUT
              else os.path.join(out, "expected.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(json.dumps({k: {kk: (vv["area_m2"] if isinstance(vv, dict) and "area_m2" in vv else vv)
                          for kk, vv in v.items() if kk in ("redline", "farmland", "outside_urban", "other_parks",
                                                              "park_area_m2", "zone")}
                      for k, v in exp.items()}, ensure_ascii=False, indent=1))
    print(json.dumps(doc["counts"], ensure_ascii=False))


if __name__ == "__main__":
    main()
