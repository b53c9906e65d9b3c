/* Hegang Atlas page API.
 * Draws the atlas's layers (one pane and one SVG renderer per layer, so order and opacity are per
 * layer; a canvas would cover the whole map and take every click from the layers below it) and reports clicks, hovers and view changes as JSON strings in DOM events that the
 * application's isolated world forwards to Python. Data values only ever enter the DOM as text.
 * While measuring (setMeasuring), a click on a feature is reported as a map click at its position,
 * and the measured path or polygon is drawn in its own non-interactive pane above the layers.
 */
function HegangAtlas(map, state, basemap) {
  "use strict";
  var EVENT = "hegang-atlas-message";
  var layers = {};        // id -> {def, group, pane, items: {featureId: leaflet layer}}
  var order = [];         // layer ids, bottom to top
  var highlighted = null; // [layerId, featureId]
  var highlightLayer = null;
  var markLayer = null;
  var tiles = null;
  var lastMove = 0;
  var measuring = false;
  var measureLayer = null;  // the measured line or polygon and its vertices
  var measured = {points: 0, closed: false};

  function post(msg) {
    document.dispatchEvent(new CustomEvent(EVENT, {detail: JSON.stringify(msg)}));
  }

  function styleFor(def, props) {
    var byCat = (props.cat !== null && props.cat !== undefined && def.style.by[props.cat]) || {};
    return Object.assign({}, def.style.base, byCat, def.style.quality[props.q] || {});
  }

  function nameNode(props) {
    var el = document.createElement("span");
    el.className = "ha-name";
    el.textContent = props.name;
    if (props.name_zh) {
      var zh = document.createElement("span");
      zh.className = "ha-zh";
      zh.textContent = " " + props.name_zh;
      el.appendChild(zh);
    }
    return el;
  }

  function bind(def, feature, item) {
    var fid = feature.properties.id;
    item.on("click", function (e) {
      L.DomEvent.stopPropagation(e);
      if (measuring) {
        post({type: "mapclick", lat: e.latlng.lat, lon: e.latlng.lng});
      } else {
        post({type: "click", layer: def.id, feature: fid});
      }
    });
    item.on("dblclick", function (e) {
      L.DomEvent.stopPropagation(e);
      if (!measuring) { post({type: "dblclick", layer: def.id, feature: fid}); }
    });
    if (def.labels) {
      item.bindTooltip(nameNode(feature.properties), {permanent: true, direction: "right", className: "ha-label"});
    } else {
      item.bindTooltip(nameNode(feature.properties), {sticky: true, className: "ha-tooltip"});
    }
  }

  function addLayer(def, index) {
    var pane = "ha-layer-" + index;
    map.createPane(pane);
    var renderer = L.svg({pane: pane});
    var items = {};
    var group = L.geoJSON(def.data, {
      pane: pane,
      renderer: renderer,
      style: function (f) { return styleFor(def, f.properties); },
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, Object.assign({pane: pane, renderer: renderer}, styleFor(def, f.properties)));
      },
      onEachFeature: function (f, item) { items[f.properties.id] = item; bind(def, f, item); }
    });
    layers[def.id] = {def: def, group: group, pane: pane, items: items};
    order.push(def.id);
  }

  function setVisible(id, on) {
    var layer = layers[id];
    if (!layer) { return false; }
    if (on && !map.hasLayer(layer.group)) { layer.group.addTo(map); }
    if (!on && map.hasLayer(layer.group)) { map.removeLayer(layer.group); }
    return true;
  }

  function setOpacity(id, value) {
    var layer = layers[id];
    if (!layer) { return false; }
    map.getPane(layer.pane).style.opacity = String(value);
    return true;
  }

  function setOrder(ids) {
    ids.forEach(function (id, i) {
      if (layers[id]) { map.getPane(layers[id].pane).style.zIndex = String(400 + i); }
    });
    order = ids.filter(function (id) { return layers[id]; });
    return order;
  }

  function featureGeoJSON(layerId, featureId) {
    var layer = layers[layerId];
    var item = layer && layer.items[featureId];
    return item ? item.feature : null;
  }

  function outline(features, style, radius) {
    return L.geoJSON(features, {
      pane: "ha-highlight",
      renderer: highlightRenderer,
      interactive: false,
      style: function () { return style; },
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, Object.assign({radius: radius, interactive: false, renderer: highlightRenderer}, style));
      }
    }).addTo(map);
  }

  function highlight(layerId, featureId) {
    if (highlightLayer) { map.removeLayer(highlightLayer); highlightLayer = null; }
    highlighted = null;
    var feature = layerId === null ? null : featureGeoJSON(layerId, featureId);
    if (!feature) { return false; }
    highlightLayer = outline(feature, {color: "#00c8ff", weight: 5, opacity: 1, fill: false, pane: "ha-highlight"}, 13);
    highlighted = [layerId, featureId];
    return true;
  }

  function mark(pairs) {
    if (markLayer) { map.removeLayer(markLayer); markLayer = null; }
    var features = pairs.map(function (p) { return featureGeoJSON(p[0], p[1]); }).filter(Boolean);
    if (features.length) {
      markLayer = outline({type: "FeatureCollection", features: features},
        {color: "#ff7f00", weight: 4, opacity: 1, fill: false, dashArray: "", pane: "ha-highlight"}, 11);
    }
    return features.length;
  }

  function boundsOf(layerId, featureId) {
    var layer = layers[layerId];
    var item = layer && layer.items[featureId];
    if (!item) { return null; }
    return item.getBounds ? item.getBounds() : L.latLngBounds([item.getLatLng(), item.getLatLng()]);
  }

  function zoomToFeature(layerId, featureId) {
    var b = boundsOf(layerId, featureId);
    if (!b) { return false; }
    map.flyToBounds(b.pad(0.3), {maxZoom: 13, duration: 0.8});
    return true;
  }

  function setBasemap(b) {
    if (tiles) { map.removeLayer(tiles); tiles = null; }
    if (b) {
      tiles = L.tileLayer(b.url, {attribution: b.attribution, maxZoom: b.maxZoom, subdomains: "abc"}).addTo(map);
    }
    return !!tiles;
  }

  function clearMeasure() {
    if (measureLayer) { map.removeLayer(measureLayer); measureLayer = null; }
    measured = {points: 0, closed: false};
    return true;
  }

  /* Draw the measured points ([[lat, lon], ...]) as a line, or as a polygon when closed. */
  function drawMeasure(points, closed) {
    clearMeasure();
    var latlngs = points.map(function (p) { return L.latLng(p[0], p[1]); });
    var line = {pane: "ha-measure", renderer: measureRenderer, interactive: false,
                color: "#e4007c", weight: 3, opacity: 1, dashArray: "8 6"};
    var parts = [];
    if (closed && latlngs.length >= 3) {
      parts.push(L.polygon(latlngs, Object.assign({fillColor: "#e4007c", fillOpacity: 0.15}, line)));
    } else if (latlngs.length >= 2) {
      parts.push(L.polyline(latlngs, line));
    }
    latlngs.forEach(function (ll) {
      parts.push(L.circleMarker(ll, {pane: "ha-measure", renderer: measureRenderer, interactive: false, radius: 4,
                                     color: "#e4007c", weight: 2, fillColor: "#ffffff", fillOpacity: 1}));
    });
    measureLayer = L.layerGroup(parts).addTo(map);
    measured = {points: latlngs.length, closed: !!closed};
    return latlngs.length;
  }

  /* While on, clicks anywhere (features too) are map clicks and the cursor is a crosshair. */
  function setMeasuring(on) {
    measuring = !!on;
    var container = map.getContainer();
    if (measuring) {
      L.DomUtil.addClass(container, "ha-measuring");
      map.doubleClickZoom.disable();
    } else {
      L.DomUtil.removeClass(container, "ha-measuring");
      map.doubleClickZoom.enable();
    }
    return measuring;
  }

  function view() {
    var c = map.getCenter(), b = map.getBounds();
    return {lat: c.lat, lon: c.lng, zoom: map.getZoom(),
            bounds: [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]};
  }

  var highlightPane = map.createPane("ha-highlight");
  highlightPane.style.zIndex = "590";
  highlightPane.style.pointerEvents = "none";
  var highlightRenderer = L.svg({pane: "ha-highlight"});
  var measurePane = map.createPane("ha-measure");
  measurePane.style.zIndex = "610";
  measurePane.style.pointerEvents = "none";
  var measureRenderer = L.svg({pane: "ha-measure"});
  var crosshair = document.createElement("style");
  crosshair.textContent = ".ha-measuring, .ha-measuring .leaflet-interactive { cursor: crosshair !important; }";
  document.head.appendChild(crosshair);
  state.layers.forEach(addLayer);
  setOrder(order.slice());
  Object.keys(layers).forEach(function (id) {
    setVisible(id, state.visible[id] !== false);
    setOpacity(id, state.opacity[id] === undefined ? 1 : state.opacity[id]);
  });
  setBasemap(basemap);
  var b = state.bounds;
  map.fitBounds([[b[0], b[1]], [b[2], b[3]]], {animate: false});

  map.on("click", function (e) { post({type: "mapclick", lat: e.latlng.lat, lon: e.latlng.lng}); });
  map.on("mousemove", function (e) {
    var now = Date.now();
    if (now - lastMove < 40) { return; }
    lastMove = now;
    post({type: "mousemove", lat: e.latlng.lat, lon: e.latlng.lng});
  });
  map.on("moveend", function () { post(Object.assign({type: "view"}, view())); });

  var api = {
    setVisible: setVisible,
    setOpacity: setOpacity,
    setOrder: setOrder,
    highlight: highlight,
    mark: mark,
    zoomToFeature: zoomToFeature,
    setBasemap: setBasemap,
    drawMeasure: drawMeasure,
    clearMeasure: clearMeasure,
    setMeasuring: setMeasuring,
    flyTo: function (lat, lon, zoom) { map.flyTo([lat, lon], zoom, {duration: 0.8}); return true; },
    flyToBounds: function (s, w, n, e) { map.flyToBounds([[s, w], [n, e]], {duration: 0.8}); return true; },
    setView: function (lat, lon, zoom) { map.setView([lat, lon], zoom, {animate: false}); return view(); },
    getView: view,
    /* For tests and the app: what the page shows now. */
    getState: function () {
      var visible = {}, opacity = {};
      Object.keys(layers).forEach(function (id) {
        visible[id] = map.hasLayer(layers[id].group);
        opacity[id] = Number(map.getPane(layers[id].pane).style.opacity || 1);
      });
      return {visible: visible, opacity: opacity, order: order.slice(), highlighted: highlighted,
              marked: markLayer ? markLayer.getLayers().length : 0, basemap: !!tiles, view: view(),
              measuring: measuring, measure: measured};
    },
    /* The container pixel of a feature (its centre, or a point on it), so tests can click it. */
    screenPoint: function (layerId, featureId) {
      var layer = layers[layerId];
      var item = layer && layer.items[featureId];
      if (!item) { return null; }
      var ll = item.getLatLng ? item.getLatLng() : item.getCenter();
      var p = map.latLngToContainerPoint(ll);
      return {x: p.x, y: p.y};
    },
    map: map
  };
  post({type: "ready"});
  post(Object.assign({type: "view"}, view()));
  return api;
}
