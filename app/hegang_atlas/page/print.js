/* Hegang Atlas print page (export/print_page.py): one Leaflet map per sheet, drawn by atlas.js.
 * Python already wrote every text into the page; this script draws the maps from the JSON block
 * #ha-print, shrinks the text column and the credits until they fit their boxes, and reports through
 * window.haPrint.status() when everything is ready to print.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ha-print").textContent);
  var maps = data.sheets.map(function (sheet, index) {
    var map = L.map("ha-map-" + index, {
      zoomControl: false, attributionControl: false, zoomSnap: 0,
      fadeAnimation: false, zoomAnimation: false, markerZoomAnimation: false, inertia: false,
      dragging: false, keyboard: false, scrollWheelZoom: false, doubleClickZoom: false,
      boxZoom: false, touchZoom: false
    });
    L.control.scale({imperial: false, maxWidth: 160}).addTo(map);
    var state = Object.assign({}, data.state, {visible: sheet.visible, opacity: sheet.opacity, bounds: sheet.bounds});
    var api = HegangAtlas(map, state, data.basemap);
    if (sheet.center) { map.setView(sheet.center, sheet.zoom, {animate: false}); }
    if (sheet.highlight) { api.highlight(sheet.highlight[0], sheet.highlight[1]); }
    if (sheet.marks.length) { api.mark(sheet.marks); }
    return map;
  });

  var MIN_FONT_PX = 6;
  function fitText(box) {
    var size = parseFloat(getComputedStyle(box).fontSize);
    while (box.scrollHeight > box.clientHeight && size > MIN_FONT_PX) {
      size -= 0.25;
      box.style.fontSize = size + "px";
    }
  }

  var fitted = false;
  document.fonts.ready.then(function () {
    document.querySelectorAll(".ha-side, .ha-credits").forEach(fitText);
    fitted = true;
  });

  function loading() {
    var busy = false;
    maps.forEach(function (map) {
      map.eachLayer(function (layer) { busy = busy || (layer instanceof L.GridLayer && layer.isLoading()); });
    });
    return busy || !fitted;
  }

  window.haPrint = {
    /* {done, tiles, loaded}: done once the columns fit and no tile is loading; failed tiles lack
     * the class leaflet-tile-loaded. */
    status: function () {
      return {
        done: !loading(),
        tiles: document.querySelectorAll("img.leaflet-tile").length,
        loaded: document.querySelectorAll("img.leaflet-tile-loaded").length
      };
    }
  };
})();
