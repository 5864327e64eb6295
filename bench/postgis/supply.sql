-- 批供台账 in PostGIS, the same work as `parkgis supply` (src/ParkGis.Core/Supply/SupplyLedger.cs), for the benchmark
-- comparison in bench/land_peers.sh. Tables parks, approvals, parcels (ogr2ogr from the bench GeoPackage, EPSG:4545,
-- planar areas as ParkGis measures projected data). psql variables: asof (YYYY-MM-DD), window_years.
--   供 of a batch     = area(batch ∩ ∪ parcels supplied on or before the as-of date); 批而未供 = approved − supplied
--   per park/banner  = area(area ∩ ∪approvals) and area(that ∩ ∪supplied), window = batches approved in the N
--                      complete calendar years up to the as-of date (31 December closes its own year), by the
--                      batch's approval date (SupplyLedger.Window)
--   未批先供          = ∪(supplied parcel − ∪approvals); a parcel is listed with ≥ 1 m² outside
--   batches approved after the as-of date are left out of everything (docs/rules.md#supply-rate)
-- Prints one JSON object with the totals bench/compare_land.py compares.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE TEMP TABLE sp AS SELECT fid, geom FROM parcels WHERE supplied_on IS NOT NULL AND supplied_on <= :'asof'::date;
CREATE INDEX ON sp USING gist (geom);
ANALYZE sp;
CREATE TEMP TABLE batch AS SELECT batch_id, min(approved_on) AS approved_on, ST_Union(geom) AS geom FROM approvals GROUP BY batch_id
  HAVING min(approved_on) IS NULL OR min(approved_on) <= :'asof'::date;
CREATE INDEX ON batch USING gist (geom);
ANALYZE batch;
CREATE TEMP TABLE win AS
  SELECT make_date(y - :window_years + 1, 1, 1) AS d0, make_date(y, 12, 31) AS d1
  FROM (SELECT extract(year FROM :'asof'::date)::int - CASE WHEN to_char(:'asof'::date, 'MM-DD') = '12-31' THEN 0 ELSE 1 END AS y) l;

CREATE TEMP TABLE batch_supply AS
  SELECT b.batch_id, b.approved_on, ST_Area(b.geom) AS approved_m2,
         LEAST(ST_Area(b.geom), COALESCE((SELECT ST_Area(ST_Intersection(b.geom, ST_Union(s.geom))) FROM sp s WHERE ST_Intersects(s.geom, b.geom)), 0)) AS supplied_m2
  FROM batch b;

-- An area (a park, a banner's parks) against the approvals of some batches and the supplied parcels.
CREATE FUNCTION pg_temp.measure(area geometry, in_window boolean, OUT approved_m2 float8, OUT supplied_m2 float8) AS $$
  WITH a AS (
    SELECT ST_Intersection(area, ST_Union(p.geom)) AS g
    FROM approvals p JOIN batch b USING (batch_id), win
    WHERE ST_Intersects(p.geom, area) AND (NOT in_window OR b.approved_on BETWEEN win.d0 AND win.d1))
  SELECT COALESCE(ST_Area(a.g), 0),
         COALESCE(LEAST(ST_Area(a.g), (SELECT ST_Area(ST_Intersection(a.g, ST_Union(s.geom))) FROM sp s WHERE ST_Intersects(s.geom, a.g))), 0)
  FROM a
$$ LANGUAGE sql;

CREATE TEMP TABLE park_supply AS
  SELECT k.park_id::text AS park_id, m.approved_m2, m.supplied_m2, w.approved_m2 AS window_approved_m2, w.supplied_m2 AS window_supplied_m2
  FROM parks k, pg_temp.measure(k.geom, false) m, pg_temp.measure(k.geom, true) w;
CREATE TEMP TABLE banner_supply AS
  SELECT g.banner, m.approved_m2, m.supplied_m2
  FROM (SELECT banner, CASE WHEN count(*) = 1 THEN (array_agg(geom))[1] ELSE ST_Union(geom) END AS geom FROM parks WHERE banner <> '' GROUP BY banner) g,
       pg_temp.measure(g.geom, false) m;

CREATE TEMP TABLE outside AS
  SELECT s.fid, CASE WHEN x.u IS NULL THEN s.geom ELSE ST_CollectionExtract(ST_Difference(s.geom, x.u), 3) END AS geom
  FROM sp s LEFT JOIN LATERAL (SELECT ST_Union(a.geom) AS u FROM approvals a JOIN batch USING (batch_id) WHERE ST_Intersects(a.geom, s.geom)) x ON true;
DELETE FROM outside WHERE ST_IsEmpty(geom);

SELECT json_build_object(
  'batches', (SELECT count(*) FROM batch_supply),
  'approved_m2', (SELECT sum(approved_m2) FROM batch_supply),
  'supplied_m2', (SELECT sum(supplied_m2) FROM batch_supply),
  'window_batches', (SELECT count(*) FROM batch_supply, win WHERE approved_on BETWEEN d0 AND d1),
  'window_approved_m2', (SELECT sum(approved_m2) FROM batch_supply, win WHERE approved_on BETWEEN d0 AND d1),
  'window_supplied_m2', (SELECT sum(supplied_m2) FROM batch_supply, win WHERE approved_on BETWEEN d0 AND d1),
  'parks_approved_m2', (SELECT sum(approved_m2) FROM park_supply),
  'parks_supplied_m2', (SELECT sum(supplied_m2) FROM park_supply),
  'parks_window_approved_m2', (SELECT sum(window_approved_m2) FROM park_supply),
  'parks_window_supplied_m2', (SELECT sum(window_supplied_m2) FROM park_supply),
  'banners_approved_m2', (SELECT sum(approved_m2) FROM banner_supply),
  'banners_supplied_m2', (SELECT sum(supplied_m2) FROM banner_supply),
  'unapproved_m2', (SELECT COALESCE(ST_Area(ST_Union(geom)), 0) FROM outside),
  'unapproved_parcels', (SELECT count(*) FROM outside WHERE ST_Area(geom) >= 1));
