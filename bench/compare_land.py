#!/usr/bin/python3
"""Compare `parkgis supply` / `parkgis idle` results with the PostGIS SQL of bench/postgis (supply.sql, idle.sql).

    /usr/bin/python3 bench/compare_land.py supply SUPPLY_JSON POSTGIS_JSON
    /usr/bin/python3 bench/compare_land.py idle IDLE_JSON POSTGIS_JSON

Prints each total from ParkGis and PostGIS with the relative difference; exits 1 when any differs by more than
1e-6 relative (counts must be equal).
"""
import json
import sys

TOLERANCE = 1e-6
kind, parkgis_path, postgis_path = sys.argv[1:4]
parkgis = json.load(open(parkgis_path, encoding="utf-8"))
postgis = json.load(open(postgis_path, encoding="utf-8"))


def supply_totals(d):
    window = d["window"]
    return {
        "batches": len(d["batches"]),
        "approved_m2": sum(b["approved_m2"] for b in d["batches"]),
        "supplied_m2": sum(b["supplied_m2"] for b in d["batches"]),
        "window_batches": window["batches"],
        "window_approved_m2": window["approved_m2"],
        "window_supplied_m2": window["supplied_m2"],
        "parks_approved_m2": sum(p["approved_m2"] for p in d["parks"]),
        "parks_supplied_m2": sum(p["supplied_m2"] for p in d["parks"]),
        "parks_window_approved_m2": sum(p["approved_m2"] for p in window["parks"]),
        "parks_window_supplied_m2": sum(p["supplied_m2"] for p in window["parks"]),
        "banners_approved_m2": sum(b["approved_m2"] for b in d["banners"]),
        "banners_supplied_m2": sum(b["supplied_m2"] for b in d["banners"]),
        "unapproved_m2": d["supplied_without_approval"]["area_m2"],
        "unapproved_parcels": d["supplied_without_approval"]["parcels"],
    }


def idle_totals(d):
    totals = {"status_" + k: v for k, v in d["status_counts"].items() if v}
    totals.update({k: d["totals"][k] for k in ("idle_parcels", "idle_m2", "idle_fee_wan", "reclaim_parcels", "reclaim_m2",
                                               "supplied_not_started_parcels", "supplied_not_started_m2")})
    for park in d["parks"]:
        totals[f"park {park['park_id'] or '(none)'} idle_parcels"] = park["idle_parcels"]
        totals[f"park {park['park_id'] or '(none)'} idle_m2"] = park["idle_m2"]
    return totals


def postgis_idle(d):
    totals = {"status_" + k: v for k, v in d["status_counts"].items() if v}
    totals.update({k: d[k] for k in ("idle_parcels", "idle_m2", "idle_fee_wan", "reclaim_parcels", "reclaim_m2",
                                     "supplied_not_started_parcels", "supplied_not_started_m2")})
    for park, figures in d["parks"].items():
        totals[f"park {park or '(none)'} idle_parcels"] = figures["idle_parcels"]
        totals[f"park {park or '(none)'} idle_m2"] = figures["idle_m2"]
    return totals


if kind == "supply":
    ours, theirs = supply_totals(parkgis), {k: postgis[k] for k in supply_totals(parkgis)}
elif kind == "idle":
    ours, theirs = idle_totals(parkgis), postgis_idle(postgis)
else:
    sys.exit(f"unknown kind {kind}")

worst = 0.0
failed = False
for key in sorted(set(ours) | set(theirs)):
    a, b = ours.get(key), theirs.get(key)
    if a is None or b is None:
        print(f"{key:40} parkgis {a!s:>22} postgis {b!s:>22}  MISSING")
        failed = True
        continue
    rel = abs(a - b) / max(abs(a), abs(b)) if a != b else 0.0
    worst = max(worst, rel)
    bad = rel > TOLERANCE or (isinstance(a, int) and isinstance(b, int) and a != b)
    failed |= bad
    shown = "{:>22,}" if isinstance(a, int) and isinstance(b, int) else "{:>22,.6f}"
    print(f"{key:40} parkgis {shown.format(a)} postgis {shown.format(b)}  rel {rel:.1e}{'  DIFFERS' if bad else ''}")
print(f"{kind}: worst relative difference {worst:.1e} ({'agree' if not failed else 'DISAGREE'} to {TOLERANCE:g})")
sys.exit(1 if failed else 0)
