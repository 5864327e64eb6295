-- 闲置土地认定 in PostGIS by the rules of src/ParkGis.Core/Idle/IdleLandRule.cs (闲置土地处置办法 2012) with the default
-- local choices (IdleRules.Default), for the benchmark comparison in bench/land_peers.sh. Tables parks and parcels
-- (ogr2ogr from the bench GeoPackage). psql variable asof (YYYY-MM-DD). A parcel is: not supplied (no supplied_on, or
-- later); supplied and not started — in grace until one full year after agreed_start, then idle (unknown without
-- agreed_start); started — in use unless halted a full year with developed < 1/3 or invested < 25 % (unknown when a
-- missing ratio decides it); a government cause turns idle into government delay, which is still idle land
-- (docs/rules.md#idle-government-cause: in every idle total) with no fee and no 无偿收回. Full years as .NET's
-- AddYears and PostgreSQL's interval (29 Feb → 28 Feb). Idle fee 20 % of land_price_wan on enterprise-caused idle land,
-- halted included (#idle-halted-penalties); 无偿收回 only for enterprise-caused land not started two full years after
-- the agreed start. A parcel is in the park its park_id names when that park exists, else in the park it overlaps most
-- (ties: smaller id), else in none (Parks/ParcelParks.cs). Prints one JSON object with the totals and per-park
-- figures bench/compare_land.py compares.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE TEMP TABLE judged AS
WITH facts AS (
  SELECT p.fid, p.geom, ST_Area(p.geom) AS area_m2,
         COALESCE((SELECT k.park_id::text FROM parks k WHERE k.park_id::text = NULLIF(btrim(p.park_id::text), '') LIMIT 1),
                  (SELECT o.park_id FROM (SELECT k.park_id::text AS park_id, ST_Area(ST_Intersection(k.geom, p.geom)) AS a
                                          FROM parks k WHERE ST_Intersects(k.geom, p.geom)) o
                   WHERE o.a > 0 ORDER BY o.a DESC, o.park_id LIMIT 1), '') AS park_id,
         p.supplied_on IS NOT NULL AND p.supplied_on <= :'asof'::date AS supplied,
         p.actual_start IS NOT NULL AND p.actual_start <= :'asof'::date AS started,
         p.agreed_start, p.halted_since, p.developed_ratio, p.invested_ratio, p.land_price_wan,
         NULLIF(btrim(p.government_cause), '') IS NOT NULL AS government
  FROM parcels p),
rule AS (
  SELECT f.*,
    CASE
      WHEN NOT supplied THEN 'not_supplied'
      WHEN NOT started THEN CASE
        WHEN agreed_start IS NULL THEN 'unknown'
        WHEN agreed_start + interval '1 year' > :'asof'::date THEN 'in_grace'
        WHEN government THEN 'government_delay'
        ELSE 'idle_unstarted' END
      WHEN halted_since IS NULL OR halted_since > :'asof'::date OR halted_since + interval '1 year' > :'asof'::date THEN 'in_use'
      WHEN developed_ratio < 1.0 / 3.0 OR invested_ratio < 0.25 THEN CASE WHEN government THEN 'government_delay' ELSE 'idle_halted' END
      WHEN developed_ratio IS NULL OR invested_ratio IS NULL THEN 'unknown'
      ELSE 'in_use' END AS status,
    CASE WHEN supplied AND NOT started THEN agreed_start WHEN supplied THEN halted_since END AS idle_since
  FROM facts f)
SELECT fid, park_id, area_m2, status,
       supplied AND NOT started AS supplied_not_started,
       status IN ('idle_unstarted', 'idle_halted', 'government_delay') AS idle,
       status = 'idle_unstarted' AND idle_since + interval '2 years' <= :'asof'::date AS reclaim,
       CASE WHEN status IN ('idle_unstarted', 'idle_halted') THEN 0.2 * land_price_wan END AS fee_wan
FROM rule;

SELECT json_build_object(
  'status_counts', (SELECT json_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM judged GROUP BY status) c),
  'idle_parcels', (SELECT count(*) FROM judged WHERE idle),
  'idle_m2', (SELECT COALESCE(sum(area_m2), 0) FROM judged WHERE idle),
  'idle_fee_wan', (SELECT COALESCE(sum(fee_wan), 0) FROM judged),
  'reclaim_parcels', (SELECT count(*) FROM judged WHERE reclaim),
  'reclaim_m2', (SELECT COALESCE(sum(area_m2), 0) FROM judged WHERE reclaim),
  'supplied_not_started_parcels', (SELECT count(*) FROM judged WHERE supplied_not_started),
  'supplied_not_started_m2', (SELECT COALESCE(sum(area_m2), 0) FROM judged WHERE supplied_not_started),
  'parks', (SELECT json_object_agg(park_id, json_build_object('idle_parcels', n, 'idle_m2', m2)) FROM (
     SELECT park_id, count(*) FILTER (WHERE idle) AS n, COALESCE(sum(area_m2) FILTER (WHERE idle), 0) AS m2
     FROM judged GROUP BY park_id) q));
