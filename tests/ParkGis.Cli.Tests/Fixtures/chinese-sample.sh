#!/usr/bin/env bash
# Converts the Ordos sample into what a bureau hands on: GBK shapefiles (with .cpg and .prj) whose layers and
# fields carry Chinese names or the codes of the national 国土空间规划 / 地籍 database standards, and no parkgis.json.
# Usage: chinese-sample.sh SAMPLE_DIR OUT_DIR   (needs ogr2ogr from gdal-bin)
set -euo pipefail
src=$1
out=$2
mkdir -p "$out"

shp() { # shp OUT_NAME SOURCE SQL
  ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -dialect OGRSQL "$out/$1.shp" "$2" -sql "$3" -nln "$1"
}

shp 园区范围 "$src/parks.shp" \
  'SELECT park_id AS "园区编号", name AS "园区名称", banner AS "旗区", appr_ha AS "批准面积", level AS "级别", blocks AS "区块数", block_ha AS "区块面积" FROM parks'
shp 生态保护红线 "$src/layers.gpkg" \
  'SELECT redline_id AS "红线编号", name AS "名称", kind AS "类型", banner AS "旗区" FROM ecological_redline'
shp YJJBNTBHTB "$src/layers.gpkg" \
  'SELECT patch_id AS "图斑编号", dlbm AS "DLBM", dlmc AS "DLMC", banner AS "旗区", tbmj_mu AS "TBMJ" FROM permanent_farmland'
shp CZKFBJ "$src/urban_boundary.geojson" \
  'SELECT udb_id AS "边界编号", name AS "名称", banner AS "旗区" FROM urban_boundary'
shp 批次 "$src/approvals.geojson" \
  'SELECT batch_id AS "批次编号", batch_name AS "批次名称", approval_no AS "批准文号", approved_on AS "批准日期", banner AS "旗区" FROM approvals'
shp ZD "$src/parcels.geojson" \
  'SELECT parcel_id AS "ZDDM", park_id AS "所属园区", supplied_on AS "供地日期", supply_method AS "供地方式", agreed_start AS "YDDGRQ", actual_start AS "SJDGRQ", halted_since AS "停工日期", land_price_wan AS "土地价款", government_cause AS "政府原因", land_use AS "用途", industry AS "产业", enterprise AS "用地单位", developed_ratio AS "开发比例", invested_ratio AS "投资比例" FROM parcels'
for pair in roads:道路 water_supply:给水 drainage:排水 sewage:污水 power:供电 gas:燃气 heating:供热 telecom:通信 steam:蒸汽; do
  shp "${pair#*:}" "$src/${pair%%:*}.geojson" "SELECT id AS \"BSM\", park_id AS \"所属园区\", name AS \"名称\" FROM ${pair%%:*}"
done
cp "$src/economics.csv" "$out/"
