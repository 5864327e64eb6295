// The map page of `parkgis serve`: every layer of the server's vector-tile archive drawn with MapLibre GL JS on a
// blank background (no base map: nothing is requested beyond this server). A checkbox per layer; a click shows the
// feature's attributes. window.parkgisMap exposes the map and its state for the browser test.
(function () {
  'use strict';
  const palette = {
    parks: '#1f5fbf', conflicts: '#d7191c', ecological_redline: '#1a9641', permanent_farmland: '#e6c200',
    urban_boundary: '#7b3294', approvals: '#fdae61', parcels: '#6b6b6b', unsupplied: '#f46d43',
    unapproved_supply: '#a50026', idle: '#ff7f00',
  };
  const fallback = ['#2b83ba', '#abdda4', '#984ea3', '#4daf4a', '#a6761d', '#e7298a', '#66a61e', '#1b9e77', '#666666'];
  const state = { ready: false, error: null, layers: [], map: null };
  window.parkgisMap = state;

  function colour(id, i) { return palette[id] || fallback[i % fallback.length]; }

  function show(text) {
    const box = document.getElementById('message');
    box.textContent = text;
    box.style.display = 'block';
  }

  fetch('/tiles.json').then((r) => {
    if (!r.ok) throw new Error('这个文件夹没有矢量瓦片');
    return r.json();
  }).then((tiles) => {
    const source = { type: 'vector', tiles: tiles.tiles, minzoom: tiles.minzoom, maxzoom: tiles.maxzoom, bounds: tiles.bounds };
    const layers = [];
    const ids = (tiles.vector_layers || []).map((l) => l.id);
    // Areas first, results (conflicts …) and parks last so that they are drawn on top.
    const order = (id) => (id === 'parks' ? 2 : ['conflicts', 'unsupplied', 'unapproved_supply', 'idle'].includes(id) ? 1 : 0);
    ids.sort((a, b) => order(a) - order(b));
    ids.forEach((id, i) => {
      const c = colour(id, i);
      const visible = id.match(/^(roads|water_supply|drainage|sewage|power|gas|heating|telecom|steam)$/) ? 'none' : 'visible';
      layers.push({ id: id + '-fill', type: 'fill', source: 'parkgis', 'source-layer': id, filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': c, 'fill-opacity': id === 'parks' ? 0.12 : 0.35 }, layout: { visibility: visible } });
      layers.push({ id: id + '-line', type: 'line', source: 'parkgis', 'source-layer': id,
        filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'LineString']]],
        paint: { 'line-color': c, 'line-width': id === 'parks' ? 2 : 1 }, layout: { visibility: visible } });
      layers.push({ id: id + '-point', type: 'circle', source: 'parkgis', 'source-layer': id, filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': c, 'circle-radius': 4 }, layout: { visibility: visible } });
      state.layers.push({ id, visible: visible === 'visible', colour: c });
    });
    const map = new maplibregl.Map({
      container: 'map',
      style: { version: 8, sources: { parkgis: source }, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } }].concat(layers) },
      bounds: tiles.bounds,
      fitBoundsOptions: { padding: 20 },
      minZoom: tiles.minzoom,
      attributionControl: false,
    });
    state.map = map;
    map.addControl(new maplibregl.NavigationControl(), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const panel = document.getElementById('layers');
    state.layers.forEach((layer) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = layer.visible;
      box.addEventListener('change', () => {
        ['-fill', '-line', '-point'].forEach((s) => map.setLayoutProperty(layer.id + s, 'visibility', box.checked ? 'visible' : 'none'));
      });
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = layer.colour;
      const meta = (tiles.vector_layers || []).find((l) => l.id === layer.id);
      label.append(box, swatch, document.createTextNode((meta && meta.description) || layer.id));
      panel.append(label);
    });
    map.on('click', (e) => {
      const hit = map.queryRenderedFeatures(e.point)[0];
      if (!hit) return;
      const table = document.createElement('table');
      Object.entries(hit.properties).forEach(([k, v]) => {
        const row = table.insertRow();
        row.insertCell().textContent = k;
        row.insertCell().textContent = String(v);
      });
      new maplibregl.Popup().setLngLat(e.lngLat).setDOMContent(table).addTo(map);
    });
    map.on('error', (e) => { state.error = String((e && e.error && e.error.message) || e); });
    map.once('idle', () => { state.ready = true; });
  }).catch((e) => { state.error = String(e); state.ready = true; show(String(e.message || e)); });
})();
