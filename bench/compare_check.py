#!/usr/bin/python3
"""Compare a ParkGis check.json with a peer's per-park / per-parcel results (../shared/bench).

    /usr/bin/python3 bench/compare_check.py CHECK_JSON PEER_RESULTS_DIR [PEER=geopandas_sjoin]

PEER_RESULTS_DIR holds PEER_parks.csv (park_id, farmland_m2, redline_m2, outside_udb_m2) and
PEER_parcels.csv (parcel_id, farmland_m2, redline_m2), as written by the peer baseline scripts.
Prints, per total, ParkGis, the peer, and the relative difference; exits 1 when any differs by more
than 1e-6 relative.
"""
import csv
import json
import sys

check_path, peer_dir = sys.argv[1], sys.argv[2]
peer = sys.argv[3] if len(sys.argv) > 3 else "geopandas_sjoin"
check = json.load(open(check_path, encoding="utf-8"))


def peer_totals(table, columns):
    totals = {c: 0.0 for c in columns}
    with open(f"{peer_dir}/{peer}_{table}.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for c in columns:
                totals[c] += float(row[c])
    return totals


parks = peer_totals("parks", ["farmland_m2", "redline_m2", "outside_udb_m2"])
rows = [
    ("parks ∩ permanent_farmland", sum(p["conflicts"]["permanent_farmland"]["area_m2"] for p in check["parks"]), parks["farmland_m2"]),
    ("parks ∩ ecological_redline", sum(p["conflicts"]["ecological_redline"]["area_m2"] for p in check["parks"]), parks["redline_m2"]),
    ("parks outside urban_boundary", sum(p["conflicts"]["outside_urban_boundary"]["area_m2"] for p in check["parks"]), parks["outside_udb_m2"]),
]
if check.get("parcels"):
    try:
        parcels = peer_totals("parcels", ["farmland_m2", "redline_m2"])
        c = check["parcels"]["conflicts"]
        rows += [
            ("parcels ∩ permanent_farmland", c["permanent_farmland"]["area_m2"], parcels["farmland_m2"]),
            ("parcels ∩ ecological_redline", c["ecological_redline"]["area_m2"], parcels["redline_m2"]),
        ]
    except FileNotFoundError:
        pass

worst = 0.0
for name, ours, theirs in rows:
    rel = abs(ours - theirs) / max(abs(ours), abs(theirs), 1e-300)
    worst = max(worst, rel)
    print(f"{name:32s} parkgis={ours:20.6f} {peer}={theirs:20.6f} rel_diff={rel:.3e}")
print(f"worst relative difference {worst:.3e} ({'OK' if worst <= 1e-6 else 'FAIL'}: tolerance 1e-6)")
sys.exit(0 if worst <= 1e-6 else 1)
