/* ParkGis report: draws the embedded layers with Leaflet (bundled in this file at build time, no network). */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('parkgis-data').textContent);
  var colours = {
    parks: '#1f78b4', ecological_redline: '#33a02c', permanent_farmland: '#b2df8a', urban_boundary: '#6a3d9a',
    approvals: '#ff7f00', parcels: '#8c8c8c'
  };
  // Drawing order: context lines below, parks, then approvals and parcels, then the results on top.
  var order = { urban_boundary: 0, ecological_redline: 1, permanent_farmland: 2, parks: 3, approvals: 4, parcels: 5 };
  var severityColours = { error: '#e31a1c', warning: '#ff9900', info: '#555555' };
  var map = L.map('map', { preferCanvas: false, zoomControl: true, attributionControl: true });
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
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function popup(layerTitle, feature) {
    var rows = Object.keys(feature.properties).map(function (key) {
      var value = feature.properties[key];
      return '<tr><th>' + escapeHtml(key) + '</th><td>' + escapeHtml(value === null ? '' : value) + '</td></tr>';
    }).join('');
    return '<div class="popup"><h3>' + escapeHtml(layerTitle) + '</h3><table>' + rows + '</table></div>';
  }
  var overlays = {};
  var bounds = L.latLngBounds([]);
  var counts = {};
  data.layers.forEach(function (layer, index) {
    var pane = 'pg-pane-' + index;
    var rank = layer.name in order ? order[layer.name] : 10 + index;
    map.createPane(pane).style.zIndex = String(400 + rank + (layer.highlight ? 100 : 0));
    var group = L.geoJSON(layer.geojson, {
      pane: pane,
      style: function (feature) {
        var p = feature.properties;
        if (layer.is_result) {
          var c = severityColours[p.severity] || '#e31a1c';
          return { color: c, weight: 2, fillColor: c, fillOpacity: layer.highlight ? 0.55 : 0.35, className: 'pg-' + layer.name };
        }
        var colour = colours[layer.name] || '#444';
        // The urban development boundary is an outline only, so clicks reach the parks inside it.
        var filled = layer.name !== 'urban_boundary';
        return { color: colour, weight: layer.name === 'parks' ? 2.5 : 1, dashArray: filled ? null : '6 4', fill: filled,
          fillColor: colour, fillOpacity: 0.15, className: 'pg-' + layer.name };
      },
      onEachFeature: function (feature, leafletLayer) {
        leafletLayer.bindPopup(popup(layer.title, feature), { maxWidth: 420, maxHeight: 360 });
      }
    });
    counts[layer.name] = layer.geojson.features.length;
    if (layer.geojson.features.length > 0) {
      bounds.extend(group.getBounds());
    }
    group.addTo(map);
    overlays[layer.title + ' (' + layer.geojson.features.length + ')'] = group;
  });
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [10, 10] });
  } else {
    map.setView([39.6, 109.8], 8);
  }
  window.parkgisReport = { featureCounts: counts, ready: true };
})();
