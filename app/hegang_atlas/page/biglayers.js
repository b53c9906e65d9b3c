/* Hegang Atlas big layers: layers too large to inline, drawn on canvas view by view.
 * Each big layer has its own pane (so order and opacity stay per layer) holding one canvas
 * renderer. After a move it asks `<featuresUrl><layer>?bbox=s,w,n,e&zoom=z` for the features in
 * (a padded) view at the detail of the zoom: a binary answer described in
 * hegang_atlas/model/wire.py, with coordinates in whole pixels of that zoom. Once the view has
 * been on screen a moment, it looks ahead, one request at a time: it draws the ground around the
 * view on a new canvas and swaps it in, then draws canvases for the zooms either side, so that the
 * next pan or zoom usually finds its picture drawn (a move cancels the look-ahead). What it draws
 * ahead is shown as a still picture, which, unlike a canvas, costs a frame nothing to keep. Where
 * the layer's whole drawing at a zoom is small, it also asks for that (`?whole=1&zoom=z`) and keeps
 * it for the zooms near the view (HOLD_STEPS): moves at those zooms then draw at once, unasked.
 * The panes ignore the pointer, so clicks reach the SVG layers and the map, which reports them as
 * "mapclick" with the position; Python identifies the big-layer feature there against the full
 * geometry. A click on an SVG feature under a spot a big layer above has painted is taken for the
 * big layer (caught in the capture phase and posted as a mapclick). HegangBigLayers returns the
 * page API (atlas.js) extended so that setVisible, setOpacity, setOrder, highlight, zoomToFeature
 * and getState cover big layers.
 */
function HegangBigLayers(api, state, featuresUrl) {
  "use strict";
  var map = api.map;
  var VIEW_PAD = 0.3;    // after a move, features are asked for 0.3 of a view beyond each edge
  var RING_PAD = 0.75;   // once idle, the sheet on show is redrawn 3/4 of a view beyond each edge: such pans only move it
  var IN_PAD = 0.6;      // and sheets for the zooms either side, this far beyond the view at their zoom:
  var OUT_PAD = 0.35;    // enough for zooming in or out by one about any point of the view
  var CANVAS_PAD = 0.1;  // a canvas drawn right after a move reaches a tenth of a view beyond each edge
  var MAX_CANVAS = 8e6;  // device pixels: a sheet drawn ahead larger than this is cut down around the view
  var IDLE_MS = 100;     // the look-ahead starts this long after the view is on screen, if nothing moved
  var SLICE = 150;       // features a look-ahead task draws (and has rasterised) before yielding
  var BATCH = 16;        // features per canvas path
  var TINY = 2;          // pixels: smaller features are drawn as squares
  // Offsets (device pixels, per device pixel of outline beyond one) of the three hairlines that
  // draw an outline 1 to 2 pixels wide: the corners of a triangle around the line, whose spread
  // across the line is about the same whatever its direction. Against a true 2-pixel stroke the
  // picture differs by about 1/255 on average.
  var HAIRLINES = [[0, -0.62], [0.537, 0.31], [-0.537, 0.31]];
  var MAX_LAT = 85.0511287798;
  var MAX_ZOOM = 22;     // the server's (hegang_atlas/model/wire.py)
  // The look-ahead's steps, in order: [zoom relative to the view's, pad of a sheet to draw, or null
  // for the layer's whole drawing, kept for zooms up to HOLD_STEPS levels from the view's].
  var AHEAD = [[0, null], [0, RING_PAD], [1, null], [1, IN_PAD], [-1, null], [-1, OUT_PAD], [2, null], [-2, null]];
  var HOLD_STEPS = 2;
  var big = {};          // id -> entry: {def, pane, renderer, on, sheet, ahead, held, unheld, loading, fetching, counters}
  var known = {};        // every layer id the page draws
  var order = [];
  var original = Object.assign({}, api);
  var highlightRenderer = L.svg({pane: "ha-highlight"});
  var highlightLayer = null;
  var highlighted = null;
  var lastInput = -Infinity;  // when the person last clicked, typed, scrolled or changed a layer: the look-ahead waits

  /* A sheet: the data drawn on a canvas, covering the world-pixel box `abs` at zoom `zoom`. Its
   * element `el` (the renderer's container while it is on show) is that canvas, or, for a sheet
   * drawn ahead, a still picture of it (see freeze). Sheets for the zooms either side are drawn
   * while idle and swapped in when the map zooms to them. */
  function newSheet() {
    var canvas = newCanvas();
    return {canvas: canvas, ctx: canvas.getContext("2d"), el: canvas, abs: null, zoom: null, data: null, whole: false,
            full: false, ratio: 1, painted: 0};
  }

  function newCanvas() {
    return L.DomUtil.create("canvas", "ha-big-canvas leaflet-zoom-animated");
  }

  /* The renderer of one big layer. A move that stays inside the box of a sheet drawn whole only
   * places the canvas again; a zoom to a sheet drawn ahead swaps it in. */
  var BigCanvas = L.Renderer.extend({
    _initContainer: function () {
      this._container = this.options.entry.sheet.el;
    },
    _destroyContainer: function () {
      L.DomUtil.remove(this._container);
      delete this._container;
    },
    _updateTransform: function (center, zoom) {
      var sheet = this.options.entry.sheet;
      if (!sheet.abs) { return; }
      var scale = this._map.getZoomScale(zoom, sheet.zoom);
      var offset = sheet.abs.min.multiplyBy(scale).subtract(this._map._getNewPixelOrigin(center, zoom));
      if (L.Browser.any3d) { L.DomUtil.setTransform(this._container, offset, scale); } else { L.DomUtil.setPosition(this._container, offset); }
    },
    _update: function () {
      if (this._map._animatingZoom && this._bounds) { return; }
      var entry = this.options.entry;
      if (!entry.on) { return; }  // drawn when shown again
      cancel(entry);
      this._center = map.getCenter();
      this._zoom = map.getZoom();
      var need = worldBox(this._zoom, CANVAS_PAD), ahead = entry.ahead[this._zoom];
      if (!showsWhole(entry.sheet, this._zoom, need) && showsWhole(ahead, this._zoom, need)) { swap(entry, ahead); }
      if (showsWhole(entry.sheet, this._zoom, need)) {
        place(entry);  // the picture already holds the view
        idle(entry);
      } else {
        adopt(entry, Math.round(this._zoom));
        request(entry);
        redraw(entry, need);
      }
      announce();
    }
  });

  /* Whether `sheet` is drawn whole and holds `box` (world pixels at `zoom`) where the world has ground. */
  function showsWhole(sheet, zoom, box) {
    if (!sheet || !sheet.whole || sheet.zoom !== zoom) { return false; }
    var world = 256 * Math.pow(2, zoom);
    return sheet.abs.contains(L.bounds([Math.max(box.min.x, 0), Math.max(box.min.y, 0)],
                                       [Math.min(box.max.x, world), Math.min(box.max.y, world)]));
  }

  /* Stop the look-ahead (a move, or the layer hidden): its fetch, its timer, its drawing. */
  function cancel(entry) {
    entry.moves += 1;
    clearTimeout(entry.idleTimer);
    if (entry.fetching) { entry.fetching.abort(); entry.fetching = null; }
  }

  function release(sheet) {
    if (!sheet) { return; }
    sheet.canvas.width = sheet.canvas.height = 0;  // its memory goes now, not at the next collection
    if (sheet.el !== sheet.canvas) { dropPicture(sheet.el); }
  }

  /* Free a still picture's memory now. Emptying it at its size would first allocate a blank
   * picture that size (tens of milliseconds): it is shrunk to a pixel first. */
  function dropPicture(el) {
    el.width = el.height = 1;
    el.getContext("bitmaprenderer").transferFromImageBitmap(null);
  }

  /* Put `el` in the page where `old` is, as the renderer's container. */
  function putInPlace(entry, old, el) {
    if (old.parentNode) { old.parentNode.replaceChild(el, old); }
    entry.renderer._container = el;
  }

  /* Show `el` for the sheet on show instead of the element it has now. */
  function display(entry, el) {
    var old = entry.sheet.el;
    if (old === el) { return; }
    putInPlace(entry, old, el);
    if (old !== entry.sheet.canvas) { dropPicture(old); }
    entry.sheet.el = el;
  }

  /* Turn a sheet drawn ahead into a still picture (an ImageBitmap on a "bitmaprenderer" canvas)
   * and free its drawing canvas; then `done()`. A 2D canvas in the page costs every frame in
   * proportion to its size, as Chromium cannot know it has not changed; a still picture costs
   * only when first shown. `done` is not called if the picture could not be made. */
  function freeze(sheet, done) {
    createImageBitmap(sheet.canvas).then(function (bitmap) {
      var el = newCanvas(), size = sheet.abs.getSize();
      el.width = bitmap.width;
      el.height = bitmap.height;
      el.getContext("bitmaprenderer").transferFromImageBitmap(bitmap);
      el.style.width = size.x + "px";
      el.style.height = size.y + "px";
      sheet.el = el;
      sheet.canvas.width = sheet.canvas.height = 0;
      done();
    }, function (error) {
      console.warn("big layer: no still picture of a sheet: " + error);
      release(sheet);
    });
  }

  /* Put the sheet on show where its box is in the current view (and show it: see redraw). */
  function place(entry) {
    var renderer = entry.renderer, sheet = entry.sheet, min = sheet.abs.min.subtract(map.getPixelOrigin());
    renderer._bounds = L.bounds(min, min.add(sheet.abs.getSize()));
    L.DomUtil.setPosition(sheet.el, min);
    sheet.el.style.visibility = "";
  }

  /* Show `sheet` (drawn ahead) instead of the current one, which is kept for zooming back. */
  function swap(entry, sheet) {
    var old = entry.sheet;
    putInPlace(entry, old.el, sheet.el);
    delete entry.ahead[sheet.zoom];
    if (old.whole && old.zoom !== sheet.zoom) {
      entry.ahead[old.zoom] = old;
    } else {
      release(old);
    }
    entry.sheet = sheet;
    entry.swaps += 1;
    prune(entry, sheet.zoom);
  }

  /* The binary answer: header JSON, then int32 arrays named in header.arrays. */
  function decode(buffer) {
    var length = new DataView(buffer).getUint32(0, true);
    var data = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
    var offset = (4 + length + 3) & ~3;
    data.arrays.forEach(function (a) {
      data[a[0]] = new Int32Array(buffer, offset, a[1]);
      offset += 4 * a[1];
    });
    var b = data.bbox;  // its box in whole world pixels of its zoom
    data.abs = L.bounds(map.project([b[2], b[1]], data.zoom).round(), map.project([b[0], b[3]], data.zoom).round());
    return data;
  }

  /* The view around the map's centre at `zoom`, `pad` of its size beyond each edge, in world pixels. */
  function worldBox(zoom, pad) {
    var half = map.getSize().multiplyBy(0.5 + pad), c = map.project(map.getCenter(), zoom);
    return L.bounds(c.subtract(half).floor(), c.add(half).ceil());
  }

  /* The same as [south, west, north, east] degrees, clipped to the world. */
  function degreeBox(zoom, pad) {
    var box = worldBox(zoom, pad), sw = map.unproject([box.min.x, box.max.y], zoom), ne = map.unproject([box.max.x, box.min.y], zoom);
    return [Math.max(sw.lat, -MAX_LAT), Math.max(sw.lng, -180), Math.min(ne.lat, MAX_LAT), Math.min(ne.lng, 180)];
  }

  /* Whether `data` holds the world-pixel `box` at `zoom` (edges clipped to the world count as held;
   * the layer's whole drawing holds any box). */
  function holds(data, zoom, box) {
    if (!data || data.zoom !== zoom) { return false; }
    if (data.whole) { return true; }
    var world = 256 * Math.pow(2, zoom), a = data.abs;
    return (a.min.x <= box.min.x || data.bbox[1] <= -180) && (a.max.x >= box.max.x || data.bbox[3] >= 180) &&
           (a.min.y <= Math.max(box.min.y, 0) || data.bbox[2] >= MAX_LAT) && (a.max.y >= Math.min(box.max.y, world) || data.bbox[0] <= -MAX_LAT);
  }

  /* Whether the data answers the current view: same zoom level, and its box holds the canvas. */
  function covers(data) {
    var zoom = Math.round(map.getZoom());
    return holds(data, zoom, worldBox(zoom, CANVAS_PAD));
  }

  /* Draw with the layer's whole drawing at this zoom if it is kept, else with the data of this zoom
   * if a sheet drawn ahead has it; forget sheets and drawings of zooms far away. */
  function adopt(entry, zoom) {
    var sheet = entry.sheet, ahead = entry.ahead[zoom];
    if (entry.held[zoom] && !covers(sheet.data)) {
      sheet.data = entry.held[zoom];
    } else if ((!sheet.data || sheet.data.zoom !== zoom) && ahead && ahead.data) {
      sheet.data = ahead.data;
    }
    release(ahead);
    delete entry.ahead[zoom];
    prune(entry, zoom);
  }

  function prune(entry, zoom) {
    Object.keys(entry.ahead).forEach(function (z) {
      if (Math.abs(z - zoom) > 1) { release(entry.ahead[z]); delete entry.ahead[z]; }
    });
    Object.keys(entry.held).forEach(function (z) {
      if (Math.abs(z - zoom) > HOLD_STEPS) { delete entry.held[z]; }
    });
  }

  /* Fetch the features in `box` at `zoom`, or the whole layer if `box` is null (`ahead`: for the
   * look-ahead, which the server answers after any view's request that waits); `then(data, ms)` or
   * `then(null, 0, error)`. */
  function get(entry, box, zoom, ahead, then) {
    var controller = new AbortController(), t0 = performance.now();
    var url = featuresUrl + encodeURIComponent(entry.def.id) + (box ? "?bbox=" + box.join(",") : "?whole=1") +
              "&zoom=" + zoom + (ahead ? "&ahead=1" : "");
    fetch(url, {signal: controller.signal}).then(function (response) {
      if (!response.ok) { throw new Error("status " + response.status); }
      return response.arrayBuffer();
    }).then(decode).then(function (data) { then(data, performance.now() - t0); },
                         function (error) { then(null, 0, error); });
    return controller;
  }

  /* Ask for the view's features unless the data in hand covers it; a look-ahead under way gives way. */
  function request(entry) {
    if (!entry.on || covers(entry.sheet.data)) { return; }
    if (entry.loading) { entry.again = true; return; }
    if (entry.fetching) { entry.fetching.abort(); entry.fetching = null; }
    var zoom = Math.round(map.getZoom());
    entry.loading = true;
    entry.requests += 1;
    get(entry, degreeBox(zoom, VIEW_PAD), zoom, false, function (data, ms, error) {
      entry.loading = false;
      if (data) {
        entry.fetchMs = ms;
      } else {
        entry.failed += 1;
        console.warn("big layer " + entry.def.id + ": " + error);
      }
      var box = worldBox(map.getZoom(), CANVAS_PAD);
      var shown = showsWhole(entry.sheet, map.getZoom(), box);  // a sheet drawn ahead may have come in meanwhile
      if (data && !shown) {  // the picture on show (hidden, scaled or of a place left) is not of this data
        entry.sheet.data = data;
        entry.sheet.whole = false;
      }
      if (entry.again) { entry.again = false; request(entry); }
      if (entry.on && !map._animatingZoom) {  // else drawn when shown, or at the zoom's end
        if (data && !shown) {
          redraw(entry, box);
        } else if (shown && !entry.loading) {
          idle(entry);
        }
      }
      announce();
    });
  }

  /* The look-ahead, one request at a time once the view has been on screen a moment and nothing
   * moved (AHEAD, in order): the layer's whole drawing at this zoom, to keep if small enough; a
   * sheet of the ground around the view, swapped in when drawn (so that pans only move it); then
   * the same for the zooms either side; then the whole drawings two levels away. A sheet is drawn
   * from the whole drawing of its zoom when it is kept, without asking. */
  function idle(entry) {
    clearTimeout(entry.idleTimer);
    var moves = entry.moves;
    requestAnimationFrame(function () {
      if (entry.moves !== moves) { return; }
      clearTimeout(entry.idleTimer);
      entry.idleTimer = setTimeout(function () { lookAhead(entry, moves); }, IDLE_MS);
    });
  }

  function lookAhead(entry, moves) {
    if (!entry.on || entry.moves !== moves || entry.fetching || !covers(entry.sheet.data)) { return; }
    if (busy() || entry.loading || map._animatingZoom) {
      entry.idleTimer = setTimeout(function () { lookAhead(entry, moves); }, IDLE_MS);
      return;
    }
    var zoom = Math.round(map.getZoom()), top = Math.min(map.getMaxZoom(), MAX_ZOOM);
    var wants = AHEAD.filter(function (want) {
      var z = zoom + want[0], sheet = z === zoom ? entry.sheet : entry.ahead[z];
      if (z < map.getMinZoom() || z > top) { return false; }
      if (want[1] === null) { return !entry.held[z] && entry.unheld[z] !== true && entry.unheld[z] !== moves; }
      return !(z === zoom && padOf(RING_PAD) <= VIEW_PAD) && !(sheet && sheet.full && showsWhole(sheet, z, worldBox(z, padOf(want[1]))));
    });
    if (!wants.length) { return; }
    var z = zoom + wants[0][0], held = entry.held[z];
    if (wants[0][1] === null) {
      hold(entry, z, moves);
    } else if (held) {
      soon(function () { drawAhead(entry, held, z, padOf(wants[0][1]), moves); });
    } else {
      entry.prefetches += 1;
      var pad = padOf(wants[0][1]);
      var fetching = entry.fetching = get(entry, degreeBox(z, pad), z, true, function (data) {
        if (entry.fetching === fetching) { entry.fetching = null; }
        drawAhead(entry, data, z, pad, moves);
      });
    }
  }

  /* Ask for the layer's whole drawing at `z`: keep it, or note that it is not to be had (too big,
   * or the answer failed); then look further ahead. */
  function hold(entry, z, moves) {
    entry.prefetches += 1;
    var fetching = entry.fetching = get(entry, null, z, true, function (data, ms, error) {
      if (entry.fetching === fetching) { entry.fetching = null; }
      if (!data && error && error.name === "AbortError") { return; }  // a move: asked again once idle
      if (data && data.whole) {
        entry.held[z] = data;
        prune(entry, Math.round(map.getZoom()));
        soon(function () { prepare(data); lookAhead(entry, moves); });  // a task of its own: a big drawing takes a while
        return;
      }
      entry.unheld[z] = data ? true : moves;  // too big: never asked again; failed: asked again after the next move
      if (!data) { console.warn("big layer " + entry.def.id + ": no whole drawing at zoom " + z + ": " + error); }
      lookAhead(entry, moves);
    });
  }

  /* Find once what every drawing of `data` needs: its features by style class and their boxes. */
  function prepare(data) {
    rowsByClass(data);
    if (data.kind !== "point") { boxesOf(data); }
  }

  /* Draw a sheet of `data` at zoom `z`, `pad` of a view beyond each edge, and swap it in or keep
   * it for its zoom; then look further ahead. */
  function drawAhead(entry, data, z, pad, moves) {
    if (!data || entry.moves !== moves || !entry.on) { return; }  // aborted or failed (the view's own request says), or moved
    var zoom = Math.round(map.getZoom()), sheet = newSheet(), cut = worldBox(z, pad), world = 256 * Math.pow(2, z);
    var a = data.whole ? L.bounds([0, 0], [world, world]) : data.abs;
    sheet.data = data;
    resize(sheet, L.bounds([Math.max(a.min.x, cut.min.x), Math.max(a.min.y, cut.min.y)],
                           [Math.min(a.max.x, cut.max.x), Math.min(a.max.y, cut.max.y)]), z);
    drawInSlices(entry, sheet, slices(data, SLICE), moves, function () {
      sheet.whole = holds(data, z, cut);
      sheet.full = true;
      if (!sheet.whole) { release(sheet); return; }  // the answer fell short: nothing more ahead until the next move
      freeze(sheet, function () {
        if (entry.moves !== moves || !entry.on) { release(sheet); return; }
        if (z !== zoom) {
          release(entry.ahead[z]);
          entry.ahead[z] = sheet;
        } else if (showsWhole(sheet, zoom, worldBox(zoom, CANVAS_PAD))) {
          swap(entry, sheet);
          place(entry);
        } else {
          release(sheet);
        }
        lookAhead(entry, moves);
      });
    });
  }

  /* Draw `parts` of a sheet not on show, each part in its own task and rasterised before the next,
   * so the page stays responsive; stop if the map moves, else call `done`. */
  function drawInSlices(entry, sheet, parts, moves, done) {
    clear(sheet);
    var i = 0;
    (function next() {
      if (entry.moves !== moves || !entry.on) { release(sheet); return; }
      if (busy() || map._animatingZoom) { setTimeout(next, IDLE_MS); return; }
      if (i === parts.length) { done(); return; }
      sheet.painted += drawSlice(sheet, parts[i++]);
      sheet.ctx.getImageData(0, 0, 1, 1);  // a canvas is rasterised when next read or shown: read it now, while idle
      soon(next);
    })();
  }

  /* Run `task` after whatever else waits (a message: nested timeouts are held back 4 ms each). */
  var queued = [], channel = new MessageChannel();
  channel.port1.onmessage = function () { queued.shift()(); };
  function soon(task) {
    queued.push(task);
    channel.port2.postMessage(null);
  }

  /* Whether the person did something a moment ago (the look-ahead gives way). */
  function busy() {
    return performance.now() - lastInput < IDLE_MS;
  }

  function noteInput() {
    lastInput = performance.now();
  }

  /* `pad`, less where a sheet reaching that far would pass MAX_CANVAS device pixels. */
  function padOf(pad) {
    var size = map.getSize(), m = L.Browser.retina ? 2 : 1;
    var most = (Math.sqrt(MAX_CANVAS / (m * m * size.x * size.y)) - 1) / 2;
    return Math.max(CANVAS_PAD, Math.min(pad, most));
  }

  /* Give `sheet` the world-pixel `box` at `zoom` (this clears it). */
  function resize(sheet, box, zoom) {
    var size = box.getSize(), canvas = sheet.canvas;
    sheet.ratio = L.Browser.retina ? 2 : 1;
    sheet.abs = box;
    sheet.zoom = zoom;
    canvas.width = sheet.ratio * size.x;
    canvas.height = sheet.ratio * size.y;
    canvas.style.width = size.x + "px";
    canvas.style.height = size.y + "px";
  }

  /* Redraw the sheet on show over `box` (at the map's zoom) with the data in hand, if it covers the
   * view or no answer is on its way. Else, while the view's own data comes: if the data in hand is
   * of another zoom, the picture on show is scaled, as Leaflet does while a zoom animates (drawing
   * that data scaled would hold the page meanwhile); if it has nothing there (a far jump), the sheet
   * is hidden, sparing the page a blank canvas to make and hand over to the compositor meanwhile. */
  function redraw(entry, box) {
    var data = entry.sheet.data, waits = entry.loading && !covers(data);  // (an answer for a place left changes nothing)
    if (waits && data && data.zoom !== Math.round(map.getZoom())) {
      entry.renderer._updateTransform(map.getCenter(), map.getZoom());
    } else if (waits && !(data && reaches(data, box))) {
      entry.sheet.el.style.visibility = "hidden";
    } else {
      paint(entry, box);
    }
  }

  /* Whether the drawing of `data` can reach into `box` (world pixels at the map's zoom). */
  function reaches(data, box) {
    var ink = inkOf(data), scale = map.getZoomScale(map.getZoom(), data.zoom);
    return !!ink && L.bounds(ink.min.multiplyBy(scale), ink.max.multiplyBy(scale)).intersects(box);
  }

  /* Where the drawing of `data` can have paint, in world pixels of its zoom (null if nowhere): its
   * features' boxes, which may reach beyond the box asked for, grown by the widest outline and
   * marker. Found once. */
  function inkOf(data) {
    if (data.ink === undefined) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, grow = 0, points = data.kind === "point", i;
      data.styles.forEach(function (style) {
        var look = lookOf(style);
        grow = Math.max(grow, look.weight + (points ? look.radius : 0));
      });
      var b = points ? data.c : boxesOf(data), step = points ? 2 : 4, far = points ? 0 : 2;
      for (i = 0; i < b.length; i += step) {
        if (b[i] > b[i + far]) { continue; }  // an empty feature: its box is inside out
        x0 = Math.min(x0, b[i]); y0 = Math.min(y0, b[i + 1]);
        x1 = Math.max(x1, b[i + far]); y1 = Math.max(y1, b[i + far + 1]);
      }
      data.ink = x0 > x1 ? null : L.bounds([data.x0 + x0 - grow, data.y0 + y0 - grow], [data.x0 + x1 + grow, data.y0 + y1 + grow]);
    }
    return data.ink;
  }

  /* Redraw the sheet on show over `box` (at the map's zoom) with the data in hand, at once. */
  function paint(entry, box) {
    var sheet = entry.sheet;
    resize(sheet, box, map.getZoom());
    display(entry, sheet.canvas);
    place(entry);
    var t0 = performance.now();
    clear(sheet);
    if (sheet.data) {
      slices(sheet.data, Infinity).forEach(function (part) { sheet.painted += drawSlice(sheet, part); });
      entry.draws += 1;
    }
    entry.drawMs = performance.now() - t0;
    sheet.whole = holds(sheet.data, sheet.zoom, box);
    sheet.full = false;
    if (sheet.whole && !entry.loading) { idle(entry); }
  }

  function clear(sheet) {
    sheet.ctx.setTransform(1, 0, 0, 1, 0, 0);
    sheet.ctx.clearRect(0, 0, sheet.canvas.width, sheet.canvas.height);
    sheet.painted = 0;
  }

  /* The drawing of `data` in order, as [style class, rows] parts of up to `size` features. */
  function slices(data, size) {
    var parts = [];
    rowsByClass(data).forEach(function (rows, k) {
      for (var i = 0; i < rows.length; i += size) { parts.push([k, rows.subarray(i, Math.min(rows.length, i + size))]); }
    });
    return parts;
  }

  /* Each style class's features, in order, found once. */
  function rowsByClass(data) {
    if (!data.byClass) {
      var count = data.kind === "point" ? data.count : data.f.length, cls = data.s, sizes = new Int32Array(data.styles.length), i, k;
      for (i = 0; i < count; i++) { sizes[cls ? cls[i] : 0] += 1; }
      data.byClass = Array.from(sizes, function (size) { return new Int32Array(size); });
      sizes.fill(0);
      for (i = 0; i < count; i++) { k = cls ? cls[i] : 0; data.byClass[k][sizes[k]++] = i; }
    }
    return data.byClass;
  }

  /* Draw one part; returns how many features it painted. */
  function drawSlice(sheet, part) {
    var data = sheet.data, m = sheet.ratio, min = sheet.abs.min, look = lookOf(data.styles[part[0]]);
    // A pixel of the data's zoom is `scale` pixels of the sheet's; (ox, oy) is the data's origin on the canvas.
    var scale = Math.pow(2, sheet.zoom - data.zoom);
    var to = {scale: scale, ox: data.x0 * scale - min.x, oy: data.y0 * scale - min.y,
              box: L.bounds([0, 0], sheet.abs.getSize()), ratio: m, rows: part[1]};
    sheet.ctx.setTransform(m, 0, 0, m, 0, 0);
    var painted = data.kind === "point" ? drawPoints(sheet.ctx, data, look, to) : drawShapes(sheet.ctx, data, look, to);
    sheet.ctx.globalAlpha = 1;
    return painted;
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
  function drawPoints(ctx, data, look, to) {
    var pad = Math.ceil(look.radius + look.weight / 2 + 1), size = 2 * pad, sprite = document.createElement("canvas");
    sprite.width = sprite.height = size * to.ratio;
    var sc = sprite.getContext("2d"), circle = new Path2D();
    sc.scale(to.ratio, to.ratio);
    circle.arc(pad, pad, look.radius, 0, 2 * Math.PI);
    fillAndStroke(sc, circle, look, false, to.ratio);
    var c = data.c, rows = to.rows, painted = 0;
    for (var j = 0; j < rows.length; j++) {
      var i = rows[j], x = Math.round(c[2 * i] * to.scale + to.ox), y = Math.round(c[2 * i + 1] * to.scale + to.oy);
      if (outside(x, y, x, y, to.box, pad)) { continue; }
      ctx.drawImage(sprite, x - pad, y - pad, size, size);
      painted += 1;
    }
    return painted;
  }

  /* Lines and polygons, BATCH features to a path (software rasterisers slow down on huge paths);
   * features under TINY pixels across become squares. */
  function drawShapes(ctx, data, look, to) {
    var c = data.c, rows = to.rows, rings = data.r, at = offsets(data), b = boxesOf(data), closed = data.kind === "polygon";
    var s = to.scale, inPath = 0, painted = 0, tiny = [], path = new Path2D();
    for (var j = 0; j < rows.length; j++) {
      var i = rows[j], first = at.ring[i], ring = at.ring[i + 1], start = at.vertex[first], q;
      var x0 = b[4 * i] * s + to.ox, y0 = b[4 * i + 1] * s + to.oy, x1 = b[4 * i + 2] * s + to.ox, y1 = b[4 * i + 3] * s + to.oy;
      if (outside(x0, y0, x1, y1, to.box, look.weight)) { continue; }  // empty features too: their box is inside out
      painted += 1;
      if (x1 - x0 < TINY && y1 - y0 < TINY) { tiny.push(x0, y0, x1 - x0, y1 - y0); continue; }
      for (var r = first, w = start; r < ring; w += rings[r], r++) {
        path.moveTo(c[2 * w] * s + to.ox, c[2 * w + 1] * s + to.oy);
        for (q = w + 1; q < w + rings[r]; q++) { path.lineTo(c[2 * q] * s + to.ox, c[2 * q + 1] * s + to.oy); }
        if (closed) { path.closePath(); }
      }
      if (++inPath === BATCH) { fillAndStroke(ctx, path, look, !closed, to.ratio); path = new Path2D(); inPath = 0; }
    }
    if (inPath) { fillAndStroke(ctx, path, look, !closed, to.ratio); }
    drawTiny(ctx, tiny, look, closed);
    return painted;
  }

  /* Each feature's box [x0, y0, x1, y1] in pixels of the data's zoom, found once (an empty
   * feature's is inside out, from +Infinity to -Infinity): a view's drawing then skips the
   * features outside it without reading their vertices. */
  function boxesOf(data) {
    if (!data.boxes) {
      var c = data.c, at = offsets(data), n = data.f.length, b = new Float64Array(4 * n);
      for (var i = 0; i < n; i++) {
        var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (var q = at.vertex[at.ring[i]]; q < at.vertex[at.ring[i + 1]]; q++) {
          var x = c[2 * q], y = c[2 * q + 1];
          if (x < x0) { x0 = x; } if (x > x1) { x1 = x; } if (y < y0) { y0 = y; } if (y > y1) { y1 = y; }
        }
        b[4 * i] = x0; b[4 * i + 1] = y0; b[4 * i + 2] = x1; b[4 * i + 3] = y1;
      }
      data.boxes = b;
    }
    return data.boxes;
  }

  /* Where each feature's rings and each ring's vertices start (one past the end last), computed once. */
  function offsets(data) {
    if (!data.at) {
      var ring = new Int32Array(data.f.length + 1), vertex = new Int32Array(data.r.length + 1), i;
      for (i = 0; i < data.f.length; i++) { ring[i + 1] = ring[i] + data.f[i]; }
      for (i = 0; i < data.r.length; i++) { vertex[i + 1] = vertex[i] + data.r[i]; }
      data.at = {ring: ring, vertex: vertex};
    }
    return data.at;
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

  /* Fill and outline `path` (drawn with the canvas scaled by `m`, device pixels per CSS pixel).
   * A software canvas rasterises a 1-device-pixel ("hairline") stroke several times faster than
   * a wider one, so a solid outline of 1 to 2 device pixels is drawn as three hairlines offset
   * around the line (see HAIRLINES); outlines that are wider, dashed or see-through are stroked. */
  function fillAndStroke(ctx, path, look, line, m) {
    if (!line && look.fill) {
      ctx.globalAlpha = look.fillOpacity;
      ctx.fillStyle = look.fillColor;
      ctx.fill(path, "nonzero");
    }
    if (!look.stroke || look.weight <= 0) { return; }
    var width = look.weight * m;
    ctx.globalAlpha = look.opacity;
    ctx.strokeStyle = look.color;
    ctx.lineCap = ctx.lineJoin = "round";
    ctx.setLineDash(look.dash);
    if (width > 1 && width <= 2 && look.opacity >= 1 && !look.dash.length) {
      var base = ctx.getTransform();
      ctx.lineWidth = 1 / m;
      HAIRLINES.forEach(function (d) {
        ctx.setTransform(base.a, base.b, base.c, base.d, base.e + d[0] * (width - 1), base.f + d[1] * (width - 1));
        ctx.stroke(path);
      });
      ctx.setTransform(base);
    } else {
      ctx.lineWidth = look.weight;
      ctx.stroke(path);
    }
  }

  /* True when every visible big layer has drawn the features of the current view. */
  function settled() {
    return Object.keys(big).every(function (id) {
      var e = big[id];
      return !e.on || (!e.loading && !e.again && covers(e.sheet.data) &&
                       showsWhole(e.sheet, map.getZoom(), worldBox(map.getZoom(), CANVAS_PAD)));
    });
  }

  /* Tell whoever waits for the big layers (map event "bigsettled") once they all show the view. */
  function announce() {
    if (settled()) { map.fire("bigsettled"); }
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

  /* Whether the sheet on show has paint within 2 pixels of the container point (read from its
   * element, canvas or still picture, through a small scratch canvas). */
  var scratch = document.createElement("canvas").getContext("2d", {willReadFrequently: true});
  function paintedAt(entry, containerPoint) {
    var sheet = entry.sheet;
    // (Hidden, it shows no paint. The point is found at the sheet's own zoom: it may be on show scaled.)
    if (!sheet.abs || sheet.el.style.visibility === "hidden") { return false; }
    var p = map.project(map.containerPointToLatLng(containerPoint), sheet.zoom).subtract(sheet.abs.min).multiplyBy(sheet.ratio);
    var reach = 2 * sheet.ratio, size = 2 * reach + 1;
    var x = Math.round(p.x) - reach, y = Math.round(p.y) - reach;
    if (x + size <= 0 || y + size <= 0 || x >= sheet.el.width || y >= sheet.el.height) { return false; }
    scratch.canvas.width = scratch.canvas.height = size;  // (this clears it)
    scratch.drawImage(sheet.el, x, y, size, size, 0, 0, size, size);
    var alpha = scratch.getImageData(0, 0, size, size).data;
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

  /* Hiding keeps the canvas (its pane is hidden) and stops the look-ahead; showing it again redraws
   * only if the map moved meanwhile, so a toggle back and forth costs no drawing. */
  function setVisible(id, on) {
    var entry = big[id];
    if (!entry) { return original.setVisible(id, on); }
    entry.on = !!on;
    map.getPane(entry.pane).style.display = entry.on ? "" : "none";
    if (!entry.on) {
      cancel(entry);
      announce();
    } else if (!map.hasLayer(entry.renderer)) {
      entry.renderer.addTo(map);
    } else {
      entry.renderer._update();  // draws only if the map moved or a drawing was cut short meanwhile
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

  function zooms(byZoom) {
    return Object.keys(byZoom).map(Number).sort(function (a, b) { return a - b; });
  }

  function getState() {
    var s = original.getState();
    s.big = {};
    Object.keys(big).forEach(function (id) {
      var e = big[id], d = e.sheet.data;
      s.visible[id] = e.on;
      s.opacity[id] = Number(map.getPane(e.pane).style.opacity || 1);
      s.big[id] = {drawn: e.on && d ? d.count : 0, total: d ? d.total : 0, zoom: d ? d.zoom : null, bbox: d ? d.bbox : null,
                   painted: e.on ? e.sheet.painted : 0, aggregated: d ? d.aggregated : false, more: d ? d.more : false, loading: e.loading,
                   requests: e.requests, failed: e.failed, draws: e.draws, drawMs: e.drawMs, fetchMs: e.fetchMs,
                   prefetches: e.prefetches, moves: e.moves, swaps: e.swaps, still: e.sheet.el !== e.sheet.canvas,
                   sheet: e.sheet.abs ? [e.sheet.zoom, e.sheet.abs.min.x, e.sheet.abs.min.y, e.sheet.abs.max.x, e.sheet.abs.max.y] : null,
                   ahead: zooms(e.ahead), held: zooms(e.held)};
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
    var entry = {def: def, pane: pane, on: false, sheet: newSheet(), ahead: {}, held: {}, unheld: {},
                 loading: false, again: false, fetching: null, idleTimer: null,
                 requests: 0, prefetches: 0, moves: 0, swaps: 0, failed: 0, draws: 0, drawMs: 0, fetchMs: 0};
    entry.renderer = new BigCanvas({pane: pane, entry: entry});
    big[def.id] = entry;
    known[def.id] = true;
  });
  setOrder(state.order);
  ["pointerdown", "keydown", "wheel"].forEach(function (type) { map.getContainer().addEventListener(type, noteInput, true); });
  map.on("movestart zoomstart", function () {  // a drag, an animated pan or zoom: the look-ahead stops until it ends
    Object.keys(big).forEach(function (id) { cancel(big[id]); });
  });
  map.getContainer().addEventListener("click", takeClick, true);
  map.getContainer().addEventListener("dblclick", takeClick, true);
  Object.keys(big).forEach(function (id) {
    setOpacity(id, state.opacity[id] === undefined ? 1 : state.opacity[id]);
    setVisible(id, state.visible[id] !== false);
  });

  /* Changes through the page API follow a click or a menu: they count as the person's doing. */
  function noted(change) {
    return function () { noteInput(); return change.apply(null, arguments); };
  }

  return Object.assign(api, {
    setVisible: noted(setVisible),
    setOpacity: noted(setOpacity),
    setOrder: noted(setOrder),
    highlight: noted(highlight),
    zoomToFeature: noted(zoomToFeature),
    getState: getState,
    bigSettled: settled
  });
}
