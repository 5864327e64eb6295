/* ParkGis report: draws the embedded layers with Leaflet — inline GeoJSON, or, for layers too big to inline, the
   embedded PMTiles archive through pmtiles and protomaps-leaflet — and the figures with ECharts (all bundled in this
   file at build time; the page makes no network request unless a 天地图 key was given). One style table below
   styles the map, the legend and the print sheet alike. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('parkgis-data').textContent);
  var figures = data.figures || {};

  // One style per layer, or per layer and kind (layer:kind) where the kinds mean different things.
  var STYLES = {
    district: { color: '#9a958c', weight: 1, fill: true, fillColor: '#f3efe6', fillOpacity: 1 },
    urban_boundary: { color: '#6a3d9a', weight: 2, dashArray: '6 4', fill: false },
    ecological_redline: { color: '#1b7837', weight: 1, fillColor: '#5aae61', fillOpacity: 0.35 },
    permanent_farmland: { color: '#a08600', weight: 1, fillColor: '#e6d75a', fillOpacity: 0.45 },
    parks: { color: '#1f4e9c', weight: 2.5, fillColor: '#6baed6', fillOpacity: 0.12 },
    approvals: { color: '#d95f0e', weight: 1, dashArray: '3 3', fillColor: '#fdae6b', fillOpacity: 0.12 },
    parcels: { color: '#6e6e6e', weight: 0.8, fillColor: '#bdbdbd', fillOpacity: 0.25 },
    roads: { color: '#525252', weight: 3, fill: false },
    water_supply: { color: '#1f78b4', weight: 2, fill: false },
    drainage: { color: '#41b6c4', weight: 2, dashArray: '6 3', fill: false },
    sewage: { color: '#8c510a', weight: 2, dashArray: '2 3', fill: false },
    power: { color: '#e31a1c', weight: 2, dashArray: '8 3 2 3', fill: false },
    telecom: { color: '#6a51a3', weight: 1.5, dashArray: '1 3', fill: false },
    gas: { color: '#f0a000', weight: 2, fill: false },
    heating: { color: '#d95f02', weight: 2, dashArray: '10 4', fill: false },
    steam: { color: '#e7298a', weight: 2, dashArray: '4 2', fill: false },
    'conflicts:ecological_redline': { color: '#99000d', weight: 1.5, fillColor: '#e31a1c', fillOpacity: 0.6 },
    'conflicts:permanent_farmland': { color: '#a63603', weight: 1.5, fillColor: '#fd8d3c', fillOpacity: 0.6 },
    'conflicts:outside_urban_boundary': { color: '#7a0177', weight: 1.5, fillColor: '#dd3497', fillOpacity: 0.5 },
    'conflicts:park_overlap': { color: '#08306b', weight: 1.5, fillColor: '#4292c6', fillOpacity: 0.5 },
    conflicts: { color: '#99000d', weight: 1.5, fillColor: '#fb6a4a', fillOpacity: 0.5 },
    unsupplied: { color: '#e6550d', weight: 1, fillColor: '#fdd0a2', fillOpacity: 0.55 },
    unapproved_supply: { color: '#67000d', weight: 2, fillColor: '#a50f15', fillOpacity: 0.6 },
    'idle:idle_unstarted': { color: '#54278f', weight: 1.2, fillColor: '#807dba', fillOpacity: 0.6 },
    'idle:idle_halted': { color: '#3f007d', weight: 1.2, fillColor: '#54278f', fillOpacity: 0.7 },
    'idle:government_delay': { color: '#525252', weight: 1.2, fillColor: '#969696', fillOpacity: 0.55 },
    idle: { color: '#54278f', weight: 1.2, fillColor: '#9e9ac8', fillOpacity: 0.55 },
    unserved: { color: '#cb181d', weight: 1.2, fillColor: '#fcbba1', fillOpacity: 0.55 }
  };
  var FALLBACK = { error: '#e31a1c', warning: '#ff9900', info: '#555555' };
  var NETWORKS = ['roads', 'water_supply', 'drainage', 'sewage', 'power', 'telecom', 'gas', 'heating', 'steam'];
  // Drawing order: context lines below, parks, approvals and parcels, networks, then the results on top.
  var ORDER = { urban_boundary: 0, ecological_redline: 1, permanent_farmland: 2, parks: 3, approvals: 4, parcels: 5 };

  // Chinese labels (and units) of the attributes ParkGis and the sample schema use; other attributes keep their own name.
  // Field labels and units in the run's language, from ParkGis's one label table (FieldLabels).
  var LABELS = data.field_labels || {};
  // The page's own text and the names of the kinds, in the run's language (--lang).
  var T = data.ui || {};
  var KINDS = data.kinds || {};
  var SEVERITIES = { error: T.SeverityError, warning: T.SeverityWarning, info: T.SeverityInfo };
  function fmt(template) {
    var args = arguments;
    return String(template).replace(/\{(\d+)\}/g, function (m, i) { return String(args[Number(i) + 1]); });
  }
  var HIDDEN = { area_m2: 1, area_mu: 1, area_ha: 1, kind: 1, severity: 1, kind_zh: 1, status_zh: 1, status: 1 };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function number(value, digits) {
    return Number(value).toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function styleKey(layer, feature) {
    var kind = feature && feature.properties ? feature.properties.kind : null;
    if (kind && STYLES[layer.name + ':' + kind]) return layer.name + ':' + kind;
    return layer.name;
  }
  function styleOf(layer, key, severity) {
    var s = STYLES[key] || STYLES[layer.name];
    if (!s) {
      var c = layer.is_result ? (FALLBACK[severity] || '#e31a1c') : '#444444';
      s = { color: c, weight: 1.5, fillColor: c, fillOpacity: layer.is_result ? 0.45 : 0.15 };
    }
    return s;
  }
  function kindLabel(layer, feature) {
    var p = feature.properties;
    return KINDS[p.status] || KINDS[p.kind] || p.kind_zh || p.status_zh || layer.title;
  }
  function popup(layer, feature) {
    var p = feature.properties;
    var rows = [];
    if (layer.is_result || p.kind_zh || p.status_zh) {
      rows.push([layer.name === 'conflicts' ? T.KindConflict : layer.name === 'idle' ? T.KindIdle : T.Kind, kindLabel(layer, feature)]);
    }
    if (layer.is_result && SEVERITIES[p.severity]) rows.push([T.Severity, SEVERITIES[p.severity]]);
    Object.keys(p).forEach(function (key) {
      if (HIDDEN[key]) return;
      var value = p[key];
      if (value === null || value === undefined || value === '') return;
      var entry = Object.prototype.hasOwnProperty.call(LABELS, key) ? LABELS[key] : null;
      var label = entry ? entry[0] : key;
      var unit = entry ? entry[1] : null;
      if (typeof value === 'boolean') value = value ? T.Yes : T.No;
      else if (unit === '%' && typeof value === 'number') value = number(value * 100, 1) + '%';
      else if (typeof value === 'number') value = number(value, Number.isInteger(value) ? 0 : 2) + (unit ? ' ' + unit : '');
      else if (unit) value = value + ' ' + unit;
      rows.push([label, value, entry ? key : null]);
    });
    if (typeof p.area_m2 === 'number' && p.area_m2 > 0) {
      rows.push([T.Area, fmt(T.AreaValue, number(p.area_ha, 2), number(p.area_mu, 1))]);
    }
    var title = layer.is_result ? kindLabel(layer, feature) : (p.name || p.park_name || layer.title);
    return '<div class="popup"><h3>' + escapeHtml(title) + '</h3><p class="popup-layer">' + escapeHtml(layer.title) +
      '</p><table>' + rows.map(function (r) {
        return '<tr><th' + (r[2] ? ' title="' + escapeHtml(r[2]) + '"' : '') + '>' + escapeHtml(r[0]) + '</th><td>' + escapeHtml(r[1]) + '</td></tr>';
      }).join('') + '</table></div>';
  }

  // ---- Map -------------------------------------------------------------------------------------------------
  var map = L.map('map', { zoomControl: true, attributionControl: true, zoomSnap: 0.25 });
  map.attributionControl.setPrefix('ParkGis · Leaflet');
  if (data.tianditu_key) {
    var tk = encodeURIComponent(data.tianditu_key);
    var wmts = function (layer) {
      return 'https://t{s}.tianditu.gov.cn/' + layer + '_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=' + layer +
        '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=' + tk;
    };
    var options = { subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'], maxZoom: 18, attribution: '天地图 (CGCS2000)' };
    L.layerGroup([L.tileLayer(wmts('vec'), options), L.tileLayer(wmts('cva'), options)]).addTo(map);
  }
  var popupOptions = { maxWidth: 380, maxHeight: 320, autoPanPaddingTopLeft: L.point(64, 96), autoPanPaddingBottomRight: L.point(24, 24) };
  var counts = {};
  var bounds = L.latLngBounds([]);
  var legendEntries = [];

  if (data.base && data.base.features && data.base.features.length > 0) {
    map.createPane('pg-base').style.zIndex = '350';
    var baseStyle = STYLES.district;
    var base = L.geoJSON(data.base, {
      pane: 'pg-base',
      interactive: false,
      style: function () {
        return L.extend({}, baseStyle, { fillOpacity: data.tianditu_key ? 0 : baseStyle.fillOpacity, className: 'pg-base' });
      },
      onEachFeature: function (feature, leafletLayer) {
        leafletLayer.bindTooltip(escapeHtml(feature.properties['区县']), {
          permanent: true, direction: 'center', className: 'pg-district-label', interactive: false
        });
      }
    }).addTo(map);
    counts.base = data.base.features.length;
    legendEntries.push({ key: 'district', title: fmt(T.Districts, (data.base_cities || []).join(T.ListSeparator)), layer: base, geometry: 'polygon', count: counts.base });
  }

  // The embedded vector-tile archive (PMTiles, base64) of the layers too big to inline, read from memory: a page opened
  // from file:// cannot fetch a file beside it.
  var archive = null;
  if (data.tiles) {
    var encoded = document.getElementById(data.tiles.script).textContent;
    var bytes;
    if (typeof Uint8Array.fromBase64 === 'function') {
      bytes = Uint8Array.fromBase64(encoded);
    } else {
      var binary = atob(encoded);
      bytes = new Uint8Array(binary.length);
      for (var b = 0; b < binary.length; b++) bytes[b] = binary.charCodeAt(b);
    }
    encoded = null;
    archive = new pmtiles.PMTiles({
      getKey: function () { return 'parkgis-report.pmtiles'; },
      getBytes: function (offset, length) {
        return Promise.resolve({ data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + Math.min(offset + length, bytes.length)) });
      }
    });
  }
  var GEOM = { point: 1, line: 2, polygon: 3 };
  function dashes(text) { return text ? text.split(' ').map(Number) : null; }
  var tiled = [];
  var tilesPending = 0;
  var tilesLoaded = {};
  var tilesReady = function () { return tilesPending === 0; };

  // A layer drawn from the archive: one canvas grid layer (protomaps-leaflet) in the layer's pane, styled from the same
  // style table as the inline layers, one paint rule per style key (and geometry: fill, outline, line, point).
  function tiledGroup(layer, pane, keys) {
    var keyList = [];
    (layer.kinds.length > 0 ? layer.kinds : [null]).forEach(function (kind) {
      var key = styleKey(layer, { properties: { kind: kind } });
      if (keyList.indexOf(key) < 0) keyList.push(key);
      keys[key] = key === layer.name ? layer.title : (KINDS[kind] || kind);
    });
    var rules = [];
    keyList.forEach(function (key) {
      var s = styleOf(layer, key, null);
      var matches = function (geom) {
        return function (z, f) { return f.geomType === geom && styleKey(layer, { properties: f.props }) === key; };
      };
      if (s.fill !== false) {
        rules.push({ dataLayer: layer.name, filter: matches(GEOM.polygon),
          symbolizer: new protomapsL.PolygonSymbolizer({ fill: s.fillColor || s.color, opacity: s.fillOpacity === undefined ? 0.2 : s.fillOpacity }) });
      }
      rules.push({ dataLayer: layer.name, filter: matches(GEOM.polygon),
        symbolizer: new protomapsL.LineSymbolizer({ color: s.color, width: s.weight || 1, dash: dashes(s.dashArray) }) });
      rules.push({ dataLayer: layer.name, filter: matches(GEOM.line),
        symbolizer: new protomapsL.LineSymbolizer({ color: s.color, width: s.weight || 1, dash: dashes(s.dashArray) }) });
      rules.push({ dataLayer: layer.name, filter: matches(GEOM.point),
        symbolizer: new protomapsL.CircleSymbolizer({ radius: 4, fill: s.fillColor || s.color, stroke: s.color, width: 1 }) });
    });
    var grid = protomapsL.leafletLayer({ url: archive, paintRules: rules, labelRules: [], pane: pane, attribution: '', maxDataZoom: data.tiles.maxzoom });
    grid.on('loading', function () {
      if (tilesLoaded[layer.name] !== false) tilesPending++;
      tilesLoaded[layer.name] = false;
    });
    grid.on('load', function () {
      if (tilesLoaded[layer.name] === false) tilesPending--;
      tilesLoaded[layer.name] = true;
    });
    var parts = [grid];
    (layer.labels || []).forEach(function (label) {
      parts.push(L.tooltip({ permanent: true, direction: 'center', className: 'pg-park-label', interactive: false })
        .setLatLng([label[1], label[2]]).setContent(escapeHtml(label[0])));
    });
    var group = L.layerGroup(parts);
    tiled.push({ layer: layer, grid: grid, group: group, pane: pane, zIndex: Number(map.getPane(pane).style.zIndex) });
    return { group: group, keys: keyList, lines: layer.geometry === 'line' };
  }

  // The features of the tiled layers drawn at a point, topmost layer first (the popups and the browser test use it).
  function queryTiled(latlng) {
    var found = [];
    tiled.slice().sort(function (a, b) { return b.zIndex - a.zIndex; }).forEach(function (t) {
      if (!map.hasLayer(t.group)) return;
      var picked = t.grid.queryTileFeaturesDebug(latlng.lng, latlng.lat, 4).get('') || [];
      picked.filter(function (p) { return p.layerName === t.layer.name; }).reverse().forEach(function (p) {
        found.push({ layer: t.layer, zIndex: t.zIndex, properties: p.feature.props });
      });
    });
    return found;
  }

  data.layers.forEach(function (layer, index) {
    var pane = 'pg-pane-' + index;
    var rank = layer.name in ORDER ? ORDER[layer.name] : 10 + index;
    map.createPane(pane).style.zIndex = String(400 + rank + (layer.is_result ? 50 : 0) + (layer.highlight ? 50 : 0));
    var keys = {};
    var lines = false;
    var group;
    var keyList;
    var isNetwork = NETWORKS.indexOf(layer.name) >= 0;
    if (layer.tiled) {
      var drawn = tiledGroup(layer, pane, keys);
      group = drawn.group;
      keyList = drawn.keys;
      lines = drawn.lines;
      if (!isNetwork) bounds.extend([[layer.bounds[1], layer.bounds[0]], [layer.bounds[3], layer.bounds[2]]]);
    } else {
      var geojson = JSON.parse(document.getElementById(layer.script).textContent);
      group = L.geoJSON(geojson, {
        pane: pane,
        style: function (feature) {
          var key = styleKey(layer, feature);
          keys[key] = kindLabel(layer, feature);
          var type = feature.geometry.type;
          if (type === 'LineString' || type === 'MultiLineString') lines = true;
          var s = styleOf(layer, key, feature.properties.severity);
          return L.extend({}, s, { className: 'pg-' + layer.name + ' pg-s-' + key.replace(':', '-') });
        },
        onEachFeature: function (feature, leafletLayer) {
          if (archive) {
            // A tiled layer may be drawn above this one (parcels over parks): its feature gets the click.
            leafletLayer.on('click', function (e) {
              L.DomEvent.stop(e);
              var top = queryTiled(e.latlng)[0];
              var zIndex = Number(map.getPane(pane).style.zIndex);
              var content = top && top.zIndex > zIndex ? popup(top.layer, { properties: top.properties }) : popup(layer, feature);
              L.popup(popupOptions).setLatLng(e.latlng).setContent(content).openOn(map);
            });
          } else {
            leafletLayer.bindPopup(popup(layer, feature), popupOptions);
          }
          if (layer.name === 'parks') {
            var label = feature.properties.name || feature.properties.park_id || '';
            leafletLayer.bindTooltip(escapeHtml(label), { permanent: true, direction: 'center', className: 'pg-park-label', interactive: false });
          }
        }
      });
      if (layer.count > 0 && !isNetwork) bounds.extend(group.getBounds());
      keyList = Object.keys(keys).sort();
    }
    counts[layer.name] = layer.count;
    // Utility networks are off by default (nine networks over a park hide it); the legend switches them on.
    if (!isNetwork) group.addTo(map);
    if (keyList.length === 0) keyList = [layer.name];
    // A layer drawn in several styles gets a heading (the switch) and one entry per style.
    if (keyList.length > 1) {
      legendEntries.push({ header: true, layerName: layer.name, title: layer.title, layer: group, count: layer.count, network: isNetwork });
    }
    keyList.forEach(function (key) {
      legendEntries.push({
        key: key, layerName: layer.name, title: keyList.length > 1 ? keys[key] : layer.title, sub: keyList.length > 1,
        layer: group, geometry: lines ? 'line' : 'polygon', count: layer.count,
        network: isNetwork, style: styleOf(layer, key, null), tiled: !!layer.tiled
      });
    });
  });

  // A click on the map outside every inline feature opens the popup of the topmost tiled feature there.
  if (tiled.length > 0) {
    map.on('click', function (e) {
      var top = queryTiled(e.latlng)[0];
      if (top) L.popup(popupOptions).setLatLng(e.latlng).setContent(popup(top.layer, { properties: top.properties })).openOn(map);
    });
  }

  // North arrow (指北针): the map is always north-up (Web Mercator).
  var North = L.Control.extend({
    options: { position: 'topright' },
    onAdd: function () {
      var div = L.DomUtil.create('div', 'pg-north');
      div.innerHTML = '<svg width="36" height="52" viewBox="0 0 36 52" aria-label="' + escapeHtml(T.NorthArrow) + '"><polygon points="18,4 28,36 18,30 8,36" fill="#222"/>' +
        '<polygon points="18,4 18,30 8,36" fill="#fff" stroke="#222" stroke-width="1"/><text x="18" y="50" text-anchor="middle" font-size="13" font-weight="bold">N</text></svg>';
      return div;
    }
  });
  new North().addTo(map);
  L.control.scale({ imperial: false, maxWidth: 160, position: 'bottomleft' }).addTo(map);
  function fit() {
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    else map.setView([39.6, 109.8], 8);
  }
  fit();

  // ---- Legend (图例): the same style objects as the layers; the checkbox switches the layer ---------------------
  function swatch(entry) {
    var s = entry.key === 'district' ? STYLES.district : entry.style;
    var stroke = s.color, width = Math.max(1, Math.min(s.weight || 1, 3)), dash = s.dashArray ? ' stroke-dasharray="' + s.dashArray + '"' : '';
    if (entry.geometry === 'line') {
      return '<svg class="pg-swatch" width="34" height="16" data-stroke="' + stroke + '"><line x1="1" y1="8" x2="33" y2="8" stroke="' + stroke +
        '" stroke-width="' + width + '"' + dash + '/></svg>';
    }
    var filled = s.fill !== false;
    return '<svg class="pg-swatch" width="34" height="16" data-stroke="' + stroke + '" data-fill="' + (filled ? s.fillColor : 'none') +
      '"><rect x="1.5" y="1.5" width="31" height="13" stroke="' + stroke + '" stroke-width="' + width + '"' + dash + ' fill="' +
      (filled ? s.fillColor : 'none') + '" fill-opacity="' + (filled ? (s.fillOpacity || 0) : 0) + '"/></svg>';
  }
  var legend = document.getElementById('legend-entries');
  legendEntries.forEach(function (entry) {
    var row = document.createElement('label');
    row.className = 'pg-legend-entry' + (entry.network ? ' pg-legend-network' : '') + (entry.header ? ' pg-legend-header' : '') + (entry.sub ? ' pg-legend-sub' : '');
    if (!entry.header) row.setAttribute('data-style', entry.key);
    if (entry.tiled) row.setAttribute('data-tiled', 'true');
    row.setAttribute('data-layer', entry.layerName || 'base');
    var box = entry.sub ? '<span class="pg-box-spacer"></span>' : '<input type="checkbox"' + (map.hasLayer(entry.layer) ? ' checked' : '') + '>';
    row.innerHTML = box + (entry.header ? '' : swatch(entry)) + '<span class="pg-legend-title">' + escapeHtml(entry.title) +
      (!entry.sub && entry.key !== 'district' ? '<span class="pg-count">' + entry.count + '</span>' : '') + '</span>';
    var input = row.querySelector('input');
    if (input) {
      input.addEventListener('change', function () {
        if (input.checked) entry.layer.addTo(map); else map.removeLayer(entry.layer);
        document.querySelectorAll('.pg-legend-entry[data-layer="' + (entry.layerName || 'base') + '"]').forEach(function (r) {
          r.classList.toggle('pg-off', !input.checked);
        });
      });
    }
    if (!map.hasLayer(entry.layer)) row.classList.add('pg-off');
    legend.appendChild(row);
  });

  // ---- Charts (ECharts, SVG renderer so that they print sharp) --------------------------------------------------
  var charts = {};
  var chartData = {};
  var COLOURS = ['#1f4e9c', '#e6550d', '#31a354', '#756bb1', '#636363', '#d6616b', '#3182bd'];
  function chart(id, option, summary) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    option.color = option.color || COLOURS;
    option.textStyle = { fontFamily: 'Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif' };
    c.setOption(option);
    charts[id] = c;
    chartData[id] = summary;
  }
  function missing(id, reason) {
    var el = document.getElementById(id);
    if (!el) return;
    el.classList.add('pg-chart-missing');
    el.textContent = reason;
  }
  function percent(v) { return v === null || v === undefined ? null : Math.round(v * 10000) / 100; }
  var percentLabel = { show: true, position: 'right', formatter: function (p) { return p.value === null || p.value === undefined ? '—' : number(p.value, 1) + '%'; } };
  var yardstickLine = function (rate) {
    return { silent: true, symbol: 'none', lineStyle: { color: '#c00', type: 'dashed', width: 1.5 },
      label: { formatter: fmt(T.Yardstick, number(rate * 100, 0)), position: 'insideEndTop', color: '#c00' }, data: [{ xAxis: rate * 100 }] };
  };

  // 三区三线 conflicts: area per park and kind (公顷).
  if (figures.conflicts && figures.conflicts.rows.length > 0) {
    var cparks = figures.conflicts.parks;
    var ckinds = figures.conflicts.kinds;
    chart('chart-conflicts', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: T.Hectares },
      yAxis: { type: 'category', data: cparks, inverse: true },
      series: ckinds.map(function (kind) {
        return { type: 'bar', stack: 'total', name: kind, data: cparks.map(function (park) {
          var row = figures.conflicts.rows.find(function (r) { return r.park === park && r.kind === kind; });
          return row ? Math.round(row.ha * 100) / 100 : 0;
        }), itemStyle: { color: (STYLES['conflicts:' + (figures.conflicts.kind_keys[kind] || '')] || STYLES.conflicts).fillColor } };
      })
    }, { parks: cparks, kinds: ckinds, total_ha: figures.conflicts.total_ha, rows: figures.conflicts.rows });
  } else {
    missing('chart-conflicts', figures.conflicts ? T.NoConflicts : T.NoConflictCheck);
  }

  // 供地率: the 5-year window and all time, per park, against the 60 % line.
  if (figures.supply) {
    var sp = figures.supply;
    var names = sp.parks.map(function (p) { return p.name; });
    var windowRates = sp.parks.map(function (p) { return percent(p.window_rate); });
    var allRates = sp.parks.map(function (p) { return percent(p.rate); });
    var headline = document.getElementById('supply-headline');
    if (headline && sp.window) {
      headline.textContent = fmt(T.SupplyHeadline, sp.window_years, sp.window.from, sp.window.to, number(sp.window.rate * 100, 2),
        sp.window.rate < sp.yardstick ? T.Below : T.NotBelow, number(sp.yardstick * 100, 0), sp.rate === null ? '—' : number(sp.rate * 100, 2) + '%');
      headline.classList.toggle('pg-bad', sp.window.rate < sp.yardstick);
    }
    chart('chart-supply', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, name: '%' },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        { type: 'bar', name: fmt(T.WindowRate, sp.window_years), data: windowRates, label: percentLabel, itemStyle: { color: '#e6550d' },
          markLine: yardstickLine(sp.yardstick) },
        { type: 'bar', name: T.AllTimeRate, data: allRates, label: percentLabel, itemStyle: { color: '#1f4e9c' } }
      ]
    }, { parks: names, window: windowRates, all: allRates, window_total: percent(sp.window ? sp.window.rate : null) });
    if (sp.banners && sp.banners.length > 0) {
      var bnames = sp.banners.map(function (b) { return b.name; });
      var bwindow = sp.banners.map(function (b) { return percent(b.window_rate); });
      var ball = sp.banners.map(function (b) { return percent(b.rate); });
      var bseries = [{ type: 'bar', name: T.AllTimeRate, data: ball, label: percentLabel, itemStyle: { color: '#1f4e9c' }, markLine: yardstickLine(sp.yardstick) }];
      if (sp.banners_have_window) {
        bseries.unshift({ type: 'bar', name: fmt(T.WindowRate, sp.window_years), data: bwindow, label: percentLabel, itemStyle: { color: '#e6550d' } });
      }
      chart('chart-supply-banners', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100, name: '%' },
        yAxis: { type: 'category', data: bnames, inverse: true },
        series: bseries
      }, { banners: bnames, all: ball, window: sp.banners_have_window ? bwindow : null });
    } else {
      missing('chart-supply-banners', T.NoBannerSupply);
    }
  } else {
    missing('chart-supply', figures.missing && figures.missing.supply || T.NoSupply);
    missing('chart-supply-banners', figures.missing && figures.missing.supply || T.NoSupply);
  }

  // 闲置土地 by cause.
  if (figures.idle && figures.idle.length > 0) {
    var causes = figures.idle.map(function (r) { return r.cause; });
    chart('chart-idle', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
      xAxis: [{ type: 'value', name: T.Hectares }],
      yAxis: { type: 'category', data: causes, inverse: true },
      series: [
        { type: 'bar', name: T.AreaHa, data: figures.idle.map(function (r) { return Math.round(r.ha * 100) / 100; }), label: { show: true, position: 'right' },
          itemStyle: { color: '#756bb1' } },
        { type: 'bar', name: T.Parcels, data: figures.idle.map(function (r) { return r.parcels; }), label: { show: true, position: 'right' }, itemStyle: { color: '#bcbddc' } }
      ]
    }, { causes: causes, parcels: figures.idle.map(function (r) { return r.parcels; }), ha: figures.idle.map(function (r) { return r.ha; }) });
  } else {
    missing('chart-idle', figures.idle_missing || (figures.missing && figures.missing.idle) || T.NoIdle);
  }

  // 亩均效益 and the enterprises' grades (A–D).
  var GRADE_COLOURS = { A: '#1a9850', B: '#91cf60', C: '#fdae61', D: '#d73027' };
  if (figures.intensity && figures.intensity.parks.length > 0) {
    var ip = figures.intensity.parks;
    var inames = ip.map(function (p) { return p.name; });
    var ivalues = ip.map(function (p) { return p.value === null ? null : Math.round(p.value * 100) / 100; });
    chart('chart-intensity', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 60, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: figures.intensity.unit },
      yAxis: { type: 'category', data: inames, inverse: true },
      series: [{ type: 'bar', name: figures.intensity.indicator + (figures.intensity.year ? fmt(T.Year, figures.intensity.year) : ''), data: ivalues,
        itemStyle: { color: '#2c7fb8' }, label: { show: true, position: 'right', formatter: function (q) { return q.value === null || q.value === undefined ? '—' : number(q.value, 2); } } }]
    }, { parks: inames, values: ivalues, year: figures.intensity.year });
    var grades = ['A', 'B', 'C', 'D'];
    chart('chart-grades', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 30, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: T.Enterprises },
      yAxis: { type: 'category', data: inames, inverse: true },
      series: grades.map(function (g) {
        return { type: 'bar', stack: 'grades', name: fmt(T.Grade, g), itemStyle: { color: GRADE_COLOURS[g] },
          data: ip.map(function (p) { return (p.grades && p.grades[g]) || 0; }) };
      })
    }, { parks: inames, grades: ip.map(function (p) { return p.grades; }) });
  } else {
    var reason = figures.missing && figures.missing.intensity || T.NoIntensity;
    missing('chart-intensity', reason);
    missing('chart-grades', reason);
  }

  // 九通一平: items met per park.
  if (figures.infrastructure && figures.infrastructure.parks.length > 0) {
    var inf = figures.infrastructure;
    chart('chart-infrastructure', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (ps) {
        var p = inf.parks[ps[0].dataIndex];
        return escapeHtml(p.name) + '<br>' + escapeHtml(fmt(T.ItemsMet, p.present, p.of)) + (p.missing.length ? '<br>' + escapeHtml(fmt(T.ItemsMissing, p.missing.join(T.ListSeparator))) : '');
      } },
      grid: { left: 8, right: 60, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: inf.of, name: T.Items },
      yAxis: { type: 'category', data: inf.parks.map(function (p) { return p.name; }), inverse: true },
      series: [{ type: 'bar', name: T.Met, data: inf.parks.map(function (p) { return p.present; }), itemStyle: { color: '#3182bd' },
        label: { show: true, position: 'right', formatter: function (q) { return q.value + ' / ' + inf.parks[q.dataIndex].of; } } }]
    }, { parks: inf.parks.map(function (p) { return p.name; }), present: inf.parks.map(function (p) { return p.present; }), of: inf.parks.map(function (p) { return p.of; }) });
  } else {
    missing('chart-infrastructure', figures.missing && figures.missing.infrastructure || T.NoInfrastructure);
  }

  // 年度考核 ranking.
  if (figures.scorecard && figures.scorecard.parks.length > 0) {
    var sc = figures.scorecard.parks;
    chart('chart-scorecard', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 60, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: T.Score + (figures.scorecard.year ? fmt(T.Year, figures.scorecard.year) : '') },
      yAxis: { type: 'category', data: sc.map(function (p) { return (p.rank === null ? '—' : p.rank) + '. ' + p.name; }), inverse: true },
      series: [{ type: 'bar', name: T.Score, data: sc.map(function (p) { return p.score === null ? null : Math.round(p.score * 100) / 100; }),
        itemStyle: { color: '#31a354' }, label: { show: true, position: 'right' } }]
    }, { parks: sc.map(function (p) { return p.name; }), ranks: sc.map(function (p) { return p.rank; }), scores: sc.map(function (p) { return p.score; }) });
  } else {
    missing('chart-scorecard', figures.missing && figures.missing.scorecard || T.NoScorecard);
  }

  // ---- Print: the sheet is resized by the print style; redraw the map and charts for it, and back after -------
  function resize() {
    map.invalidateSize({ animate: false, pan: false });
    fit();
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  }
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  if (window.matchMedia) {
    var print = window.matchMedia('print');
    if (print.addEventListener) print.addEventListener('change', resize);
  }

  window.parkgisReport = {
    featureCounts: counts, charts: chartData, styles: STYLES, ready: true, resize: resize,
    map: map, tiledLayers: tiled.map(function (t) { return { name: t.layer.name, pane: t.pane }; }), tilesReady: tilesReady,
    queryTiled: function (lng, lat) {
      return queryTiled(L.latLng(lat, lng)).map(function (f) { return { layer: f.layer.name, properties: f.properties }; });
    }
  };
})();
