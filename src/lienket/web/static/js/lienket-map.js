/* The map of both countries with Leaflet (vendored) and lienket's own GeoJSON: no tile server.
   Reads its settings from the JSON block #map-config (the page's CSP allows no inline script). */
(function () {
  "use strict";
  var el = document.getElementById("leaflet-map");
  var configEl = document.getElementById("map-config");
  if (!el || !configEl || !window.L) { return; }
  var config = JSON.parse(configEl.textContent);
  var words = config.words;
  el.hidden = false;
  var fallback = document.getElementById("map-fallback");
  if (fallback) { fallback.hidden = true; }

  var COLOURS = { zone: "#7a4aa0", gate: "#c0392b", port: "#1f5f99",
                  enterprise: "#e67e22", project: "#16a085" };
  var FILL = { VNM: "#f3e6d8", LAO: "#dfeadb" };
  var map = L.map(el, { zoomSnap: 0.5, minZoom: 4, maxZoom: 11,
                        maxBounds: [[-2, 92], [28, 122]] });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("geoBoundaries (CC BY 4.0), OpenStreetMap contributors (ODbL)");
  map.fitBounds([[8.2, 101], [23.5, 116.5]]);

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function name(f) { return esc(f.properties.name || ""); }
  function only(kind) { return function (f) { return f.properties.kind === kind; }; }

  function labelsAtZoom() {
    el.classList.toggle("show-province-labels", map.getZoom() >= 7);
  }
  map.on("zoomend", labelsAtZoom);

  function points(data, kind, radius) {
    return L.geoJSON(data, {
      filter: only(kind),
      pointToLayer: function (f, latlng) {
        var r = radius;
        if (f.properties.count) { r = 4 + 3 * Math.sqrt(f.properties.count); }
        return L.circleMarker(latlng, { radius: r, color: "#fff", weight: 1,
                                        fillColor: COLOURS[kind], fillOpacity: 0.85 });
      },
      onEachFeature: function (f, layer) {
        var text = name(f);
        if (f.properties.count) { text += " — " + words.count + ": " + f.properties.count; }
        layer.bindTooltip(text);
      }
    });
  }

  function draw(data) {
    L.geoJSON(data, {
      filter: only("province"),
      style: function (f) {
        return { color: "#9aa5b1", weight: 0.7, fillColor: FILL[f.properties.country] || "#eee",
                 fillOpacity: 1 };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(name(f), { permanent: true, direction: "center",
                                     className: "province-label" });
      }
    }).addTo(map);
    L.geoJSON(data, {
      filter: only("archipelago"),
      style: function () {
        return { color: "#8a6d1f", weight: 1, fillColor: FILL.VNM, fillOpacity: 1 };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(name(f), { permanent: true, direction: "right",
                                     className: "archipelago-label" });
      }
    }).addTo(map);
    L.geoJSON(data, {
      filter: only("sea"),
      pointToLayer: function (f, latlng) {
        return L.marker(latlng, { interactive: false, keyboard: false,
          icon: L.divIcon({ className: "sea-label", html: "", iconSize: null }) })
          .bindTooltip(name(f), { permanent: true, direction: "center", className: "sea-label" });
      }
    }).addTo(map);
    var overlays = {};
    [["zone", 5], ["gate", 6], ["port", 6], ["enterprise", 5], ["project", 5]].forEach(function (k) {
      var layer = points(data, k[0], k[1]);
      if (layer.getLayers().length) {
        var label = '<span class="swatch" style="background:' + COLOURS[k[0]] + '"></span>' +
          words[k[0]];
        overlays[label] = layer;
        if (k[0] !== "project") { layer.addTo(map); }
      }
    });
    if (config.route) {
      var line = L.polyline(config.route.map(function (p) { return [p[0], p[1]]; }),
                            { color: "#d35400", weight: 4, opacity: 0.9 });
      config.route.forEach(function (p, i) {
        L.circleMarker([p[0], p[1]], { radius: i === 0 || i === config.route.length - 1 ? 6 : 3,
          color: "#d35400", fillColor: "#fff", fillOpacity: 1 }).bindTooltip(esc(p[2])).addTo(map);
      });
      line.addTo(map);
      overlays['<span class="swatch line" style="background:#d35400"></span>' + words.route] = line;
      map.fitBounds(line.getBounds(), { padding: [30, 30] });
    }
    L.control.layers(null, overlays, { collapsed: false }).addTo(map);
    var legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "map-legend");
      div.innerHTML = "<strong>" + esc(words.legend) + "</strong><br>" +
        '<span class="swatch" style="background:' + FILL.VNM + '"></span>' + words.vnm + "<br>" +
        '<span class="swatch" style="background:' + FILL.LAO + '"></span>' + words.lao + "<br>" +
        '<span class="swatch" style="background:' + FILL.VNM + ';border-color:#8a6d1f"></span>' +
        words.archipelago;
      return div;
    };
    legend.addTo(map);
    labelsAtZoom();
    el.setAttribute("data-ready", "1");
  }

  fetch(config.data, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(draw);
})();
