/* Hegang Atlas offline page: a layer switcher, a feature panel and the story player around the map
 * API of atlas.js (window.hegangAtlas). Data comes from the JSON block #ha-export and enters the DOM
 * only as text. The one exception is chapter text: Python rendered it from the safe Markdown subset
 * (escaped first), and only that string is set as HTML.
 */
(function () {
  "use strict";
  var own = Object.prototype.hasOwnProperty;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* A Leaflet control holding one of our panels; clicks and wheel turns stay in the panel. */
  function panel(map, position, className) {
    var control = L.control({position: position});
    control.onAdd = function () {
      var div = el("div", "ha-panel " + className);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(map);
    return control.getContainer();
  }

  function swatch(geometry, style) {
    var node = el("span", "ha-swatch ha-swatch-" + String(geometry).toLowerCase());
    node.style.borderColor = style.color || "#3388ff";
    node.style.borderStyle = style.dashArray ? "dashed" : "solid";
    if (geometry !== "LineString") {
      node.style.backgroundColor = style.fillColor || style.color || "#3388ff";
      node.style.opacity = String(style.fillOpacity === undefined ? 0.6 : Math.max(style.fillOpacity, 0.25));
    }
    return node;
  }

  /* Checkboxes per layer, grouped, top layer first; sync() reads the map's state back. */
  function layerSwitcher(api, data) {
    var ui = data.ui;
    var root = panel(api.map, "topright", "ha-layers");
    var boxes = {};
    root.appendChild(el("h2", "ha-heading", ui.layers));
    ["story", "context", "user"].forEach(function (group) {
      var layers = data.layers.filter(function (l) { return l.group === group; }).reverse();
      if (!layers.length) { return; }
      var section = el("section", "ha-group");
      section.appendChild(el("h3", "ha-group-title", ui[group]));
      layers.forEach(function (layer) { section.appendChild(layerRow(api, layer, boxes)); });
      root.appendChild(section);
    });
    function sync() {
      var visible = api.getState().visible;
      Object.keys(boxes).forEach(function (id) { boxes[id].checked = !!visible[id]; });
    }
    sync();
    return {sync: sync};
  }

  function layerRow(api, layer, boxes) {
    var row = el("div", "ha-layer");
    var label = el("label", "ha-layer-label");
    var box = el("input");
    box.type = "checkbox";
    box.addEventListener("change", function () { api.setVisible(layer.id, box.checked); });
    boxes[layer.id] = box;
    label.appendChild(box);
    var single = layer.legend.length === 1 && layer.legend[0][0] === layer.title;
    if (single) { label.appendChild(swatch(layer.geometry, layer.legend[0][1])); }
    label.appendChild(el("span", "ha-layer-title", layer.title));
    row.appendChild(label);
    if (!single) {
      var list = el("ul", "ha-legend");
      layer.legend.forEach(function (entry) {
        var item = el("li");
        item.appendChild(swatch(layer.geometry, entry[1]));
        item.appendChild(el("span", null, entry[0]));
        list.appendChild(item);
      });
      row.appendChild(list);
    }
    return row;
  }

  /* Claim groups as lists: statement, figure, citation; disagreeing claims under one heading. */
  function claimList(groups, ui) {
    var root = el("div", "ha-claims");
    groups.forEach(function (group) {
      var list = el("ul", "ha-claim-list");
      group.claims.forEach(function (claim) {
        var item = el("li", "ha-claim");
        item.appendChild(el("span", "ha-statement", claim.text));
        if (claim.figure) { item.appendChild(el("span", "ha-figure", claim.figure)); }
        item.appendChild(el("cite", "ha-citation", claim.citation));
        list.appendChild(item);
      });
      if (group.disagree) {
        var box = el("div", "ha-disagree");
        box.appendChild(el("h4", "ha-disagree-title", ui.disagree));
        box.appendChild(list);
        root.appendChild(box);
      } else {
        root.appendChild(list);
      }
    });
    return root;
  }

  function definitionRow(list, term, value, note) {
    list.appendChild(el("dt", null, term));
    var dd = el("dd", null, value);
    if (note) { dd.appendChild(el("small", "ha-note", note)); }
    list.appendChild(dd);
  }

  /* The feature panel, filled from the payload when the map reports a click on a feature. */
  function featurePanel(api, data) {
    var ui = data.ui;
    var root = panel(api.map, "bottomright", "ha-feature");
    root.hidden = true;

    function show(layerId, featureId) {
      var byLayer = own.call(data.features, layerId) ? data.features[layerId] : {};
      if (!own.call(byLayer, featureId)) { return; }
      var f = byLayer[featureId];
      root.replaceChildren();
      var close = el("button", "ha-close", "\u00d7");
      close.type = "button";
      close.setAttribute("aria-label", ui.close);
      close.addEventListener("click", function () { root.hidden = true; api.highlight(null); });
      var title = el("h2", "ha-feature-name", f.name);
      if (f.name_zh) { title.appendChild(el("span", "ha-zh", " " + f.name_zh)); }
      root.append(close, title, el("p", "ha-feature-layer", f.layer));
      var list = el("dl", "ha-fields");
      f.fields.forEach(function (row) { definitionRow(list, row[0], row[1]); });
      f.derived.forEach(function (row) { definitionRow(list, row[0], row[1], row[2]); });
      definitionRow(list, ui.position, f.quality, f.note);
      root.appendChild(list);
      if (f.claims.length) {
        root.append(el("h3", "ha-heading", ui.sources), claimList(f.claims, ui));
      }
      root.hidden = false;
      root.scrollTop = 0;
      api.highlight(layerId, featureId);
    }

    document.addEventListener("hegang-atlas-message", function (event) {
      var msg;
      try { msg = JSON.parse(event.detail); } catch (err) { return; }
      if (msg && msg.type === "click") { show(String(msg.layer), String(msg.feature)); }
    });
  }

  /* The story player: one chapter at a time, with its camera, layers, highlights and sources. */
  function storyPlayer(api, data, switcher) {
    var ui = data.ui, story = data.story, chapters = story.chapters, index = 0;
    var root = panel(api.map, "topleft", "ha-story");
    var title = el("h2", "ha-chapter-title");
    var text = el("div", "ha-chapter-text");
    var sources = el("div", "ha-chapter-sources");
    var prev = el("button", "ha-prev", "\u2039 " + ui.previous);
    var next = el("button", "ha-next", ui.next + " \u203a");
    var progress = el("span", "ha-progress");
    var chapter = el("section", "ha-chapter");
    var nav = el("nav", "ha-story-nav");
    prev.type = next.type = "button";
    chapter.setAttribute("aria-live", "polite");
    chapter.append(title, text, sources);
    nav.append(prev, progress, next);
    root.append(el("p", "ha-story-title", story.title), chapter, nav);
    prev.addEventListener("click", function () { go(index - 1); });
    next.addEventListener("click", function () { go(index + 1); });

    function apply(c) {
      data.layers.forEach(function (layer) {
        var on = own.call(c.layers, layer.id);
        api.setVisible(layer.id, on);
        if (on) { api.setOpacity(layer.id, c.layers[layer.id]); }
      });
      var first = c.highlight[0];
      api.highlight(first ? first[0] : null, first ? first[1] : null);
      api.mark(c.highlight);
      var cam = c.camera;
      if (cam.bounds) { api.flyToBounds(cam.bounds[0], cam.bounds[1], cam.bounds[2], cam.bounds[3]); }
      else { api.flyTo(cam.center[0], cam.center[1], cam.zoom); }
      switcher.sync();
    }

    function go(n) {
      index = Math.max(0, Math.min(chapters.length - 1, n));
      var c = chapters[index];
      title.textContent = c.title;
      text.innerHTML = c.html; /* safe Markdown subset, escaped in Python (model/markdown.py) */
      sources.replaceChildren();
      if (c.claims.length) { sources.append(el("h3", "ha-heading", ui.sources), claimList(c.claims, ui)); }
      progress.textContent = (index + 1) + " / " + chapters.length;
      prev.disabled = index === 0;
      next.disabled = index === chapters.length - 1;
      apply(c);
      return index;
    }

    var keys = {ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1};
    window.addEventListener("keydown", function (event) {
      var target = event.target.closest ? event.target : document.body;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (target.closest("textarea, select, [contenteditable], input:not([type=checkbox])")) { return; }
      if (event.key === " " && target.closest("button, a, input")) { return; } /* Space activates these */
      if (own.call(keys, event.key)) { go(index + keys[event.key]); }
      else if (event.key === "Home") { go(0); }
      else if (event.key === "End") { go(chapters.length - 1); }
      else { return; }
      event.preventDefault();
      event.stopPropagation(); /* the map would pan on the same arrow keys */
    }, true);

    go(0);
    return {
      index: function () { return index; },
      go: go,
      next: function () { return go(index + 1); },
      prev: function () { return go(index - 1); },
      count: chapters.length
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = JSON.parse(document.getElementById("ha-export").textContent);
    var api = window.hegangAtlas;
    var switcher = layerSwitcher(api, data);
    featurePanel(api, data);
    if (data.story) { window.hegangStory = storyPlayer(api, data, switcher); }
  });
})();
