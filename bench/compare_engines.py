#!/usr/bin/python3
"""Compare the totals of several ParkGis check.json files (local, one PostGIS server, sharded; bench/scale.sh).

    /usr/bin/python3 bench/compare_engines.py REFERENCE.json OTHER.json [OTHER.json ...]

Totals: per conflict kind the sum over parks of area_m2 and patches, and the parcel count, areas and counts. Prints each
total of the reference and the largest relative difference of the others; exits 1 when any differs by more than 1e-6
relative (counts must be equal).
"""
import json
import sys


def totals(path):
    check = json.load(open(path, encoding="utf-8"))
    result = {}
    for park in check["parks"]:
        for kind, tally in park["conflicts"].items():
            result[f"parks {kind} area_m2"] = result.get(f"parks {kind} area_m2", 0.0) + tally["area_m2"]
            result[f"parks {kind} patches"] = result.get(f"parks {kind} patches", 0) + tally["patches"]
    result["parks"] = len(check["parks"])
    parcels = check.get("parcels")
    if parcels:
        result["parcels count"] = parcels["count"]
        for kind, tally in parcels["conflicts"].items():
            result[f"parcels {kind} area_m2"] = tally["area_m2"]
            result[f"parcels {kind} {'pairs' if 'pairs' in tally else 'parcels'}"] = tally.get("pairs", tally.get("parcels"))
    return result


reference = totals(sys.argv[1])
others = [totals(p) for p in sys.argv[2:]]
worst = 0.0
failed = False
for name, value in sorted(reference.items()):
    diffs = []
    for other in others:
        theirs = other.get(name)
        if theirs is None:
            diffs.append(float("inf"))
        elif isinstance(value, int):
            diffs.append(0.0 if theirs == value else float("inf"))
        else:
            diffs.append(abs(theirs - value) / max(abs(value), 1e-9) if value != theirs else 0.0)
    d = max(diffs) if diffs else 0.0
    worst = max(worst, d)
    failed |= d > 1e-6
    print(f"{name:45s} {value:>22,.6f}  max rel diff {d:.1e}" if isinstance(value, float) else f"{name:45s} {value:>22,}  {'equal' if d == 0 else 'DIFFERENT'}")
print(f"largest relative difference: {worst:.1e} ({'within' if not failed else 'NOT within'} 1e-6)")
sys.exit(1 if failed else 0)
