// Recolour the server-drawn map when the definition or date changes, without a reload.
// Without JavaScript the pickers' Show button reloads the page with the new choice.
(function () {
  "use strict";
  var LABELS = ["yes", "partial", "no", "unknown"];
  var wrap = document.querySelector(".map");
  var form = document.querySelector("form.pickers");
  if (!wrap || !form) return;
  var definition = form.querySelector("#definition");
  var date = form.querySelector("#date");

  function setClass(el, prefix, label) {
    LABELS.forEach(function (l) { el.classList.remove(prefix + l); });
    el.classList.add(prefix + label);
  }

  function paint(data) {
    var counts = { counties: {}, states: {}, places: {} };
    LABELS.forEach(function (l) { counts.counties[l] = counts.states[l] = counts.places[l] = 0; });
    wrap.querySelectorAll(".counties path").forEach(function (path) {
      var label = data.counties[path.dataset.geoid] || "unknown";
      setClass(path, "l-", label);
      counts.counties[label] += 1;
      var title = path.querySelector("title");
      if (title) title.textContent = title.textContent.replace(/: \w+$/, ": " + label);
      var link = path.parentNode;
      if (link && link.tagName.toLowerCase() === "a") {
        link.setAttribute("href", "/jurisdiction/" + path.dataset.geoid + "/?date=" + data.date);
      }
    });
    wrap.querySelectorAll(".states path").forEach(function (path) {
      var label = data.states[path.dataset.geoid] || "unknown";
      setClass(path, "s-", label);
      counts.states[label] += 1;
    });
    var places = wrap.querySelector(".places");
    while (places.firstChild) places.removeChild(places.firstChild);
    var ns = "http://www.w3.org/2000/svg";
    data.places.forEach(function (p) {
      var a = document.createElementNS(ns, "a");
      a.setAttribute("href", "/jurisdiction/" + p[0] + "/?date=" + data.date);
      var c = document.createElementNS(ns, "circle");
      c.setAttribute("cx", p[3]); c.setAttribute("cy", p[4]); c.setAttribute("r", 3);
      c.setAttribute("class", "p-" + p[5]);
      c.dataset.geoid = p[0];
      var t = document.createElementNS(ns, "title");
      t.textContent = p[1] + ", " + p[2] + ": " + p[5];  // text, never markup
      c.appendChild(t); a.appendChild(c); places.appendChild(a);
      counts.places[p[5]] += 1;
    });
    document.querySelectorAll("#counts td").forEach(function (td) {
      td.textContent = counts[td.dataset.layer][td.dataset.label];
    });
    var chosen = definition.options[definition.selectedIndex];
    var summary = document.getElementById("definition-summary");
    var source = document.getElementById("definition-source");
    if (chosen && summary) summary.textContent = chosen.dataset.summary || "";
    if (chosen && source) source.setAttribute("href", chosen.dataset.source || "#");
    // colours and legend words follow what the definition measures (sanctuary, cooperation...)
    var measures = (chosen && chosen.dataset.measures) || "sanctuary";
    wrap.parentNode.dataset.measures = measures;
    var legend = document.getElementById("legend");
    if (legend) legend.dataset.measures = measures;
    var heading = document.getElementById("map-heading");
    if (heading) heading.dataset.measures = measures;
    wrap.dataset.definition = data.definition;
    wrap.dataset.date = data.date;
    var query = "?definition=" + encodeURIComponent(data.definition) + "&date=" + data.date;
    var tableLink = document.getElementById("table-link");
    if (tableLink) tableLink.setAttribute("href", "/table/" + query);
    history.replaceState(null, "", "/" + query);
  }

  function update() {
    var url = "/api/map?definition=" + encodeURIComponent(definition.value) +
      "&date=" + encodeURIComponent(date.value);
    wrap.classList.add("loading");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) { if (body.ok) paint(body.data); })
      .finally(function () { wrap.classList.remove("loading"); });
  }

  definition.addEventListener("change", update);
  date.addEventListener("change", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
})();
