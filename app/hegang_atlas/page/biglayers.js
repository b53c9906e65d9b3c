/* Hegang Atlas big layers: layers too large to inline, drawn on canvas view by view.
 * Each big layer has its own pane (so order and opacity stay per layer) holding one canvas
 * renderer. After every move it asks `<featuresUrl><layer>?bbox=s,w,n,e&zoom=z` for the features
 * in (a padded) view at the detail of the zoom: a binary answer described in
 * hegang_atlas/model/wire.py, with coordinates in whole pixels of that zoom. The panes ignore the
 * pointer, so clicks reach the SVG layers and the map, which reports them as "mapclick" with the
 * position; Python identifies the big-layer feature there against the full geometry. A click on an
 * SVG feature under a spot a big layer above has painted is taken for the big layer (caught in the
 * capture phase and posted as a mapclick). HegangBigLayers returns the page API (atlas.js)
 * extended so that setVisible, setOpacity, setOrder, highlight, zoomToFeature and getState cover
 * big layers.
 */
function HegangBigLayers(api, state, featuresUrl) {
  "use strict";
  var map = api.map;
  var DATA_PAD = 0.3;    // features are asked for 0.3 of a view beyond each edge: small pans need no request
  var CANVAS_PAD = 0.1;  // the canvas reaches a tenth of a view beyond each edge (as Leaflet's renderers)
  var BATCH = 16;        // features per canvas path
  var TINY = 2;          // pixels: smaller features are drawn as squares
  var MAX_LAT = 85.0511287798;
  var big = {};          // id -> entry: {def, pane, renderer, on, data, loading, again, counters}
  var known = {};        // every layer id the page draws
  var order = [];
  var original = Object.assign({}, api);
  var highlightRenderer = L.svg({pane: "ha-highlight"});
  var highlightLayer = null;
  var highlighted = null;

  var BigCanvas = L.Renderer.extend({
    _initContainer: function () {
      this._container = L.DomUtil.create("canvas", "ha-big-canvas");
      this._ctx = this._container.getContext("2d");
    },
    _destroyContainer: function () {
      L.DomUtil.remove(this._container);
      delete this._ctx;
      delete this._container;
    },
    _update: function () {
      if (this._map._animatingZoom && this._bounds) { return; }
      var entry = this.options.entry;
      if (!entry.on) { entry.stale = true; return; }  // hidden: redrawn when shown again
      entry.stale = false;
      L.Renderer.prototype._update.call(this);
      var b = this._bounds, size = b.getSize(), canvas = this._container;
      this._ratio = L.Browser.retina ? 2 : 1;
      L.DomUtil.setPosition(canvas, b.min);
      canvas.width = this._ratio * size.x;
      canvas.height = this._ratio * size.y;
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      request(entry);
      draw(entry);
    }
  });

  /* The binary answer: header JSON, then int32 arrays named in header.arrays. */
  function decode(buffer) {
    var length = new DataView(buffer).getUint32(0, true);
    var data = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
    var offset = (4 + length + 3) & ~3;
    data.arrays.forEach(function (a) {
      data[a[0]] = new Int32Array(buffer, offset, a[1]);
      offset += 4 * a[1];
    });
    return data;
  }

  function viewBox(pad) {
    var b = map.getBounds().pad(pad);
    return [Math.max(b.getSouth(), -MAX_LAT), Math.max(b.getWest(), -180),
            Math.min(b.getNorth(), MAX_LAT), Math.min(b.getEast(), 180)];
  }

  /* Whether the data answers the current view: same zoom level, and its box holds the canvas. */
  function covers(data) {
    if (!data || data.zoom !== Math.round(map.getZoom())) { return false; }
    var need = viewBox(CANVAS_PAD), box = data.bbox;
    return box[0] <= need[0] && box[1] <= need[1] && box[2] >= need[2] && box[3] >= need[3];
  }

  function request(entry) {
    if (!entry.on || covers(entry.data)) { return; }
    if (entry.loading) { entry.again = true; return; }
    var url = featuresUrl + encodeURIComponent(entry.def.id) + "?bbox=" + viewBox(DATA_PAD).join(",") +
              "&zoom=" + Math.round(map.getZoom());
    entry.loading = true;
    entry.requests += 1;
    var t0 = performance.now();
    fetch(url).then(function (response) {
      if (!response.ok) { throw new Error("status " + response.status); }
      return response.arrayBuffer();
    }).then(function (buffer) {
      entry.data = decode(buffer);
      entry.fetchMs = performance.now() - t0;
      settle(entry);
      draw(entry);
    }, function (error) {
      entry.failed += 1;
      console.warn("big layer " + entry.def.id + ": " + error);
      settle(entry);
    });
  }

  function settle(entry) {
    entry.loading = false;
    if (entry.again) { entry.again = false; request(entry); }
  }

  function draw(entry) {
    var renderer = entry.renderer, ctx = renderer._ctx, data = entry.data;
    if (!ctx) { return; }
    var t0 = performance.now(), canvas = renderer._container, b = renderer._bounds, m = renderer._ratio;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    entry.painted = 0;
    if (!data) { return; }
    ctx.setTransform(m, 0, 0, m, -m * b.min.x, -m * b.min.y);
    // A pixel of the data's zoom is `scale` pixels now; (ox, oy) is the data's origin as a layer point.
    var scale = Math.pow(2, map.getZoom() - data.zoom), origin = map.getPixelOrigin();
    var to = {scale: scale, ox: data.x0 * scale - origin.x, oy: data.y0 * scale - origin.y, box: b, ratio: m};
    data.styles.forEach(function (style, k) {
      var look = lookOf(style);
      entry.painted += data.kind === "point" ? drawPoints(ctx, data, k, look, to) : drawShapes(ctx, data, k, look, to);
    });
    ctx.globalAlpha = 1;
    entry.draws += 1;
    entry.drawMs = performance.now() - t0;
  }

  /* A Leaflet path style with Leaflet's defaults filled in. */
  function lookOf(style) {
    var color = style.color || "#3388ff";
    return {color: color, weight: style.weight === undefined ? 3 : style.weight, stroke: style.stroke !== false,
            opacity: style.opacity === undefined ? 1 : style.opacity, fill: style.fill !== false,
            fillColor: style.fillColor || color, fillOpacity: style.fillOpacity === undefined ? 0.2 : style.fillOpacity,
            radius: style.radius === undefined ? 10 : style.radius,
            dash: style.dashArray ? style.dashArray.split(/[ ,]+/).filter(Boolean).map(Number) : []};
  }

  function outside(x0, y0, x1, y1, box, margin) {
    return x1 < box.min.x - margin || x0 > box.max.x + margin || y1 < box.min.y - margin || y0 > box.max.y + margin;
  }

  /* Circle markers as copies of one circle drawn once: software canvases blit far faster than they fill arcs. */
  function drawPoints(ctx, data, k, look, to) {
    var pad = Math.ceil(look.radius + look.weight / 2 + 1), size = 2 * pad, sprite = document.createElement("canvas");
    sprite.width = sprite.height = size * to.ratio;
    var sc = sprite.getContext("2d");
    sc.scale(to.ratio, to.ratio);
    sc.beginPath();
    sc.arc(pad, pad, look.radius, 0, 2 * Math.PI);
    fillAndStroke(sc, look, false);
    var c = data.c, cls = data.s, painted = 0;
    for (var i = 0; i < data.count; i++) {
      if (cls && cls[i] !== k) { continue; }
      var x = Math.round(c[2 * i] * to.scale + to.ox), y = Math.round(c[2 * i + 1] * to.scale + to.oy);
      if (outside(x, y, x, y, to.box, pad)) { continue; }
      ctx.drawImage(sprite, x - pad, y - pad, size, size);
      painted += 1;
    }
    return painted;
  }

  /* Lines and polygons, BATCH features to a path (software rasterisers slow down on huge paths);
   * features under TINY pixels across become squares. */
  function drawShapes(ctx, data, k, look, to) {
    var c = data.c, cls = data.s, rings = data.r, perFeature = data.f, closed = data.kind === "polygon";
    var s = to.scale, ring = 0, v = 0, inPath = 0, painted = 0, tiny = [];
    ctx.beginPath();
    for (var i = 0; i < perFeature.length; i++) {
      var first = ring, start = v, count = 0;
      for (var j = 0; j < perFeature[i]; j++, ring++) { count += rings[ring]; }
      v += count;
      if ((cls && cls[i] !== k) || count === 0) { continue; }
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (var q = start; q < start + count; q++) {
        var x = c[2 * q], y = c[2 * q + 1];
        if (x < x0) { x0 = x; } if (x > x1) { x1 = x; } if (y < y0) { y0 = y; } if (y > y1) { y1 = y; }
      }
      x0 = x0 * s + to.ox; x1 = x1 * s + to.ox; y0 = y0 * s + to.oy; y1 = y1 * s + to.oy;
      if (outside(x0, y0, x1, y1, to.box, look.weight)) { continue; }
      painted += 1;
      if (x1 - x0 < TINY && y1 - y0 < TINY) { tiny.push(x0, y0, x1 - x0, y1 - y0); continue; }
      for (var r = first, w = start; r < ring; w += rings[r], r++) {
        ctx.moveTo(c[2 * w] * s + to.ox, c[2 * w + 1] * s + to.oy);
        for (q = w + 1; q < w + rings[r]; q++) { ctx.lineTo(c[2 * q] * s + to.ox, c[2 * q + 1] * s + to.oy); }
        if (closed) { ctx.closePath(); }
      }
      if (++inPath === BATCH) { fillAndStroke(ctx, look, !closed); ctx.beginPath(); inPath = 0; }
    }
    if (inPath) { fillAndStroke(ctx, look, !closed); }
    drawTiny(ctx, tiny, look, closed);
    return painted;
  }

  function drawTiny(ctx, tiny, look, closed) {
    var edge = look.stroke && look.weight > 0;
    ctx.globalAlpha = edge ? look.opacity : look.fillOpacity;
    ctx.fillStyle = edge || !closed ? look.color : look.fillColor;
    var grow = edge ? look.weight : 0;
    for (var i = 0; i < tiny.length; i += 4) {
      ctx.fillRect(tiny[i] - grow / 2, tiny[i + 1] - grow / 2, Math.max(1, tiny[i + 2] + grow), Math.max(1, tiny[i + 3] + grow));
    }
  }

  function fillAndStroke(ctx, look, line) {
    if (!line && look.fill) {
      ctx.globalAlpha = look.fillOpacity;
      ctx.fillStyle = look.fillColor;
      ctx.fill("nonzero");
    }
    if (look.stroke && look.weight > 0) {
      ctx.globalAlpha = look.opacity;
      ctx.strokeStyle = look.color;
      ctx.lineWidth = look.weight;
      ctx.lineCap = ctx.lineJoin = "round";
      ctx.setLineDash(look.dash);
      ctx.stroke();
    }
  }

  /* True when every visible big layer has drawn the features of the current view. */
  function settled() {
    return Object.keys(big).every(function (id) {
      var e = big[id];
      return !e.on || (!e.loading && !e.again && covers(e.data));
    });
  }

  /* Whether a big layer drawn above the SVG feature under a mouse event has paint at its pixel. */
  function paintedAbove(event) {
    var pane = event.target && event.target.closest ? event.target.closest(".leaflet-pane") : null;
    if (!pane || !pane.style.zIndex || !map.getContainer().contains(pane)) { return false; }
    var below = Number(pane.style.zIndex), point = map.mouseEventToContainerPoint(event);
    return Object.keys(big).some(function (id) {
      var e = big[id], style = map.getPane(e.pane).style;
      return e.on && Number(style.zIndex) > below && Number(style.opacity || 1) > 0 && paintedAt(e, point);
    });
  }

  function paintedAt(entry, containerPoint) {
    var r = entry.renderer, ctx = r._ctx;
    if (!ctx) { return false; }
    var p = map.containerPointToLayerPoint(containerPoint).subtract(r._bounds.min).multiplyBy(r._ratio);
    var reach = 2 * r._ratio, size = 2 * reach + 1;
    var x = Math.round(p.x) - reach, y = Math.round(p.y) - reach;
    if (x + size <= 0 || y + size <= 0 || x >= r._container.width || y >= r._container.height) { return false; }
    var alpha = ctx.getImageData(x, y, size, size).data;
    for (var i = 3; i < alpha.length; i += 4) { if (alpha[i]) { return true; } }
    return false;
  }

  function takeClick(event) {
    if (!paintedAbove(event)) { return; }
    event.stopPropagation();
    if (event.type === "click") {
      var latlng = map.mouseEventToLatLng(event);
      document.dispatchEvent(new CustomEvent("hegang-atlas-message",
        {detail: JSON.stringify({type: "mapclick", lat: latlng.lat, lon: latlng.lng})}));
    }
  }

  /* Hiding keeps the canvas (its pane is hidden); showing it again redraws only if the map
   * moved meanwhile, so a toggle back and forth costs no drawing. */
  function setVisible(id, on) {
    var entry = big[id];
    if (!entry) { return original.setVisible(id, on); }
    entry.on = !!on;
    map.getPane(entry.pane).style.display = entry.on ? "" : "none";
    if (!map.hasLayer(entry.renderer)) {
      if (entry.on) { entry.renderer.addTo(map); }
    } else if (entry.on && entry.stale) {
      entry.renderer._update();
    }
    return true;
  }

  function setOpacity(id, value) {
    var entry = big[id];
    if (!entry) { return original.setOpacity(id, value); }
    map.getPane(entry.pane).style.opacity = String(value);
    return true;
  }

  function setOrder(ids) {
    original.setOrder(ids);
    ids.forEach(function (id, i) {
      if (big[id]) { map.getPane(big[id].pane).style.zIndex = String(400 + i); }
    });
    order = ids.filter(function (id) { return known[id]; });
    return order.slice();
  }

  /* Outline a feature; for a big layer Python passes its GeoJSON geometry (the page has none). */
  function highlight(layerId, featureId, geometry) {
    if (highlightLayer) { map.removeLayer(highlightLayer); highlightLayer = null; }
    highlighted = null;
    if (!big[layerId]) { return original.highlight(layerId, featureId); }
    original.highlight(null, null);
    if (!geometry) { return false; }
    var style = {pane: "ha-highlight", renderer: highlightRenderer, interactive: false,
                 color: "#00c8ff", weight: 5, opacity: 1, fill: false};
    highlightLayer = L.geoJSON(geometry, {
      pane: "ha-highlight", renderer: highlightRenderer, interactive: false,
      style: function () { return style; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, Object.assign({radius: 13}, style)); }
    }).addTo(map);
    highlighted = [layerId, featureId];
    return true;
  }

  /* Fly to a feature; for a big layer Python passes its bounds [s, w, n, e]. */
  function zoomToFeature(layerId, featureId, bounds) {
    if (!big[layerId]) { return original.zoomToFeature(layerId, featureId); }
    if (!bounds) { return false; }
    var b = L.latLngBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]]);
    map.flyToBounds(b.pad(0.3), {maxZoom: 13, duration: 0.8});
    return true;
  }

  function getState() {
    var s = original.getState();
    s.big = {};
    Object.keys(big).forEach(function (id) {
      var e = big[id], d = e.data;
      s.visible[id] = e.on;
      s.opacity[id] = Number(map.getPane(e.pane).style.opacity || 1);
      s.big[id] = {drawn: e.on && d ? d.count : 0, total: d ? d.total : 0, zoom: d ? d.zoom : null, bbox: d ? d.bbox : null,
                   painted: e.on ? e.painted : 0, aggregated: d ? d.aggregated : false, more: d ? d.more : false, loading: e.loading,
                   requests: e.requests, failed: e.failed, draws: e.draws, drawMs: e.drawMs, fetchMs: e.fetchMs};
    });
    s.order = order.slice();
    if (highlighted) { s.highlighted = highlighted.slice(); }
    s.bigSettled = settled();
    return s;
  }

  state.layers.forEach(function (def) { known[def.id] = true; });
  state.big.forEach(function (def, i) {
    var pane = "ha-big-" + i;
    map.createPane(pane).style.pointerEvents = "none";
    var entry = {def: def, pane: pane, on: false, stale: false, data: null, loading: false, again: false,
                 requests: 0, failed: 0, draws: 0, drawMs: 0, fetchMs: 0, painted: 0};
    entry.renderer = new BigCanvas({pane: pane, padding: CANVAS_PAD, entry: entry});
    big[def.id] = entry;
    known[def.id] = true;
  });
  setOrder(state.order);
  map.getContainer().addEventListener("click", takeClick, true);
  map.getContainer().addEventListener("dblclick", takeClick, true);
  Object.keys(big).forEach(function (id) {
    setOpacity(id, state.opacity[id] === undefined ? 1 : state.opacity[id]);
    setVisible(id, state.visible[id] !== false);
  });

  return Object.assign(api, {
    setVisible: setVisible,
    setOpacity: setOpacity,
    setOrder: setOrder,
    highlight: highlight,
    zoomToFeature: zoomToFeature,
    getState: getState,
    bigSettled: settled
  });
}
