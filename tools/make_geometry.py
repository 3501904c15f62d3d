"""Write bomca_data/geo/central_asia.json from Natural Earth's admin-0 countries.

Source: the npm package `world-atlas` 2.0.2 (Natural Earth 4.1.0 vector data as
TopoJSON; Natural Earth is in the public domain, world-atlas is ISC-licensed).
Get it with `npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`, then:

    python tools/make_geometry.py package/countries-50m.json

Keeps the five Central Asian countries and the rings of their neighbours that fall
in the map's frame, as plain lon/lat rings rounded to 0.01 degree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bomca_data" / "geo" / "central_asia.json"
CODES = {"Kazakhstan": "KZ", "Kyrgyzstan": "KG", "Tajikistan": "TJ", "Turkmenistan": "TM",
         "Uzbekistan": "UZ"}
NEIGHBOURS = ("Afghanistan", "China", "Russia", "Iran", "Mongolia", "Pakistan", "Azerbaijan")
FRAME = (44.0, 33.0, 90.0, 57.0)  # lon min, lat min, lon max, lat max


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    rounded = []
    for lon, lat in points:
        p = (round(lon, 2), round(lat, 2))
        if not rounded or rounded[-1] != p:
            rounded.append(p)
    return rounded


def in_frame(points: list[tuple[float, float]]) -> bool:
    return any(FRAME[0] <= lon <= FRAME[2] and FRAME[1] <= lat <= FRAME[3] for lon, lat in points)


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries, neighbours = {}, []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        if name not in CODES and name not in NEIGHBOURS:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring(polygon[0], arcs) for polygon in polygons]  # outer rings only
        if name in CODES:
            countries[CODES[name]] = rings
        else:
            neighbours += [r for r in rings if in_frame(r)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "source": "Natural Earth 4.1.0 admin-0 countries (public domain), 1:50m, via the npm "
                  "package world-atlas 2.0.2 (ISC); outer rings, rounded to 0.01 degree",
        "frame": FRAME, "countries": countries, "neighbours": neighbours},
        separators=(",", ":")), encoding="utf-8")
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1])
