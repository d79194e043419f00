// The map: recolour when the definition or date changes (no reload), zoom and pan (wheel,
// drag, pinch, buttons, keys), find a jurisdiction by name and zoom to it. An error answer shows
// its message and hides the map (never a stale one); a date being typed waits until it
// settles; an answer that arrives after a newer request is dropped.
// Without JavaScript the pickers' Show button reloads the page with the new choice.
(function () {
  "use strict";
  var LABELS = ["yes", "partial", "no", "unknown"];
  var wrap = document.querySelector(".map");
  var form = document.querySelector("form.pickers");
  if (!wrap || !form) return;
  var svg = wrap.querySelector("svg");
  var panel = wrap.closest(".map-wrap");
  var definition = form.querySelector("#definition");
  var date = form.querySelector("#date");
  var errorBox = document.getElementById("map-error");
  var W = 975, H = 610, DOT = 1.5;
  var view = { x: 0, y: 0, w: W, h: H };
  var latest = 0, timer = null;

  function setClass(el, prefix, label) {
    LABELS.forEach(function (l) { el.classList.remove(prefix + l); });
    el.classList.add(prefix + label);
  }

  function retitle(title, label) {
    if (title) title.textContent = title.textContent.replace(/: \w+$/, ": " + label);
  }

  function evidenceText(c) {
    var shown = ["yes", "partial", "no"].filter(function (l) { return c[l]; })
      .map(function (l) { return c[l].toLocaleString("en-US") + " " + l; });
    return shown.length ? shown.join(", ") : "no evidence";
  }

  function paint(data) {
    var counts = { counties: {}, states: {}, places: {} };
    LABELS.forEach(function (l) { counts.counties[l] = counts.states[l] = counts.places[l] = 0; });
    wrap.querySelectorAll(".counties path").forEach(function (path) {
      var label = data.counties[path.dataset.geoid] || "unknown";
      setClass(path, "l-", label);
      counts.counties[label] += 1;
      var link = path.parentNode;
      if (link && link.tagName.toLowerCase() === "a") {
        link.setAttribute("href", "/jurisdiction/" + path.dataset.geoid + "/?date=" + data.date);
        retitle(link.querySelector("title"), label);
      } else {
        retitle(path.querySelector("title"), label);
      }
    });
    wrap.querySelectorAll(".states-fill path").forEach(function (path) {
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
      var t = document.createElementNS(ns, "title");
      t.textContent = p[1] + ", " + p[2] + ": " + p[5];  // text, never markup
      var c = document.createElementNS(ns, "circle");
      c.setAttribute("cx", p[3]); c.setAttribute("cy", p[4]);
      c.setAttribute("r", (DOT * Math.pow(view.w / W, 0.75)).toFixed(3));
      c.setAttribute("class", "p-" + p[5]);
      c.dataset.geoid = p[0];
      a.appendChild(t); a.appendChild(c); places.appendChild(a);
      counts.places[p[5]] += 1;
    });
    document.querySelectorAll("#counts td").forEach(function (td) {
      td.textContent = counts[td.dataset.layer][td.dataset.label];
    });
    if (data.evidence) {
      Array.prototype.forEach.call(definition.options, function (o) {
        var c = data.evidence[o.value];
        if (c) o.textContent = (o.dataset.name || o.value) + " (" + evidenceText(c) + ")";
      });
    }
    var chosen = definition.options[definition.selectedIndex];
    var summary = document.getElementById("definition-summary");
    var source = document.getElementById("definition-source");
    if (chosen && summary) summary.textContent = chosen.dataset.summary || "";
    if (chosen && source) {
      source.setAttribute("href", chosen.dataset.source || "#");
      source.textContent = chosen.dataset.sourceLabel || chosen.dataset.name || chosen.value;
    }
    // colours and legend words follow what the definition measures (sanctuary, cooperation...)
    var measures = (chosen && chosen.dataset.measures) || "sanctuary";
    panel.dataset.measures = measures;
    var legend = document.getElementById("legend");
    if (legend) legend.dataset.measures = measures;
    var heading = document.getElementById("map-heading");
    if (heading) heading.dataset.measures = measures;
    wrap.dataset.definition = data.definition;
    wrap.dataset.date = data.date;
    document.querySelectorAll(".map-date").forEach(function (s) { s.textContent = data.date; });
    var query = "?definition=" + encodeURIComponent(data.definition) + "&date=" + data.date;
    var tableLink = document.getElementById("table-link");
    if (tableLink) tableLink.setAttribute("href", "/table/" + query);
    document.querySelectorAll("a[href^='/api/exports/']").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href")
        .replace(/definition=[^&]*/, "definition=" + encodeURIComponent(data.definition))
        .replace(/date=[^&]*/, "date=" + data.date));
    });
    history.replaceState(null, "", "/" + query);
  }

  function fail(message) {
    wrap.classList.add("failed");
    wrap.dataset.definition = "";
    // the counts belong to the map that is no longer shown
    document.querySelectorAll("#counts td").forEach(function (td) { td.textContent = "\u2013"; });
    if (!errorBox) return;
    errorBox.textContent = "";
    var p = document.createElement("p");
    p.textContent = message;  // text, never markup
    errorBox.appendChild(p);
    errorBox.hidden = false;
  }

  function clear() {
    wrap.classList.remove("failed");
    if (errorBox) { errorBox.hidden = true; errorBox.textContent = ""; }
  }

  function message(body, status) {
    var e = body && body.error;
    if (!e) return "The map could not be loaded (status " + status + ").";
    var where = (e.details || []).map(function (d) {
      return ((d.loc || []).slice(-1)[0] || "") + ": " + (d.msg || "");
    }).join("; ");
    return "The map could not be shown: " + e.message + (where ? " (" + where + ")" : "") + ".";
  }

  function update() {
    if (date.validity && date.validity.badInput) {
      fail("The date is not a date: enter a full day (YYYY-MM-DD).");
      return;
    }
    var url = "/api/map?definition=" + encodeURIComponent(definition.value) +
      "&date=" + encodeURIComponent(date.value);
    var mine = ++latest;
    wrap.classList.add("loading");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().catch(function () { return null; }).then(function (body) {
          if (mine !== latest) return;  // a newer request was made: this answer is stale
          if (r.ok && body && body.ok) { clear(); paint(body.data); }
          else fail(message(body, r.status));
        });
      })
      .catch(function () { if (mine === latest) fail("The map could not be loaded (no answer)."); })
      .finally(function () { if (mine === latest) wrap.classList.remove("loading"); });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 500);
  }

  definition.addEventListener("change", function () { clearTimeout(timer); update(); });
  date.addEventListener("input", later);
  date.addEventListener("change", later);
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); update(); });

  // ---- zoom and pan -------------------------------------------------------------
  if (!svg) return;
  function setView(v) {
    var w = Math.min(W, Math.max(W / 64, v.w)), h = w * H / W;
    var x = Math.min(W - w, Math.max(0, v.x));
    var y = Math.min(H - h, Math.max(0, v.y));
    view = { x: x, y: y, w: w, h: h };
    svg.setAttribute("viewBox", [x, y, w, h].map(function (n) { return n.toFixed(2); }).join(" "));
    var r = (DOT * Math.pow(w / W, 0.75)).toFixed(3);  // dots grow a little as one zooms in
    svg.querySelectorAll(".places circle").forEach(function (c) { c.setAttribute("r", r); });
    wrap.dataset.zoom = (W / w).toFixed(2);
  }
  function zoomAt(factor, cx, cy) {
    var w = Math.min(W, Math.max(W / 64, view.w / factor));
    var k = w / view.w;
    setView({ x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k, w: w });
  }
  function centre() { return [view.x + view.w / 2, view.y + view.h / 2]; }
  function toMap(clientX, clientY) {
    var box = svg.getBoundingClientRect();
    return [view.x + (clientX - box.left) / box.width * view.w,
            view.y + (clientY - box.top) / box.height * view.h];
  }
  function pan(dx, dy) { setView({ x: view.x + dx * view.w, y: view.y + dy * view.h, w: view.w }); }

  wrap.addEventListener("wheel", function (e) {
    e.preventDefault();
    var p = toMap(e.clientX, e.clientY);
    zoomAt(e.deltaY < 0 ? 1.25 : 0.8, p[0], p[1]);
  }, { passive: false });

  // one finger (or the mouse) drags the map; two fingers pinch it in and out
  var drag = null, dragged = false, fingers = {}, pinch = null;
  function two() {
    var ids = Object.keys(fingers).sort();
    return ids.length === 2 ? [fingers[ids[0]], fingers[ids[1]]] : null;
  }
  function spread(f) { return Math.max(1, Math.hypot(f[0][0] - f[1][0], f[0][1] - f[1][1])); }
  function middle(f) { return [(f[0][0] + f[1][0]) / 2, (f[0][1] + f[1][1]) / 2]; }
  wrap.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) return;
    if (e.pointerType === "touch") fingers[e.pointerId] = [e.clientX, e.clientY];
    var f = two();
    if (f) {  // a second finger: a pinch, not a drag, and not a click
      var m = middle(f);
      pinch = { spread: spread(f), view: view, at: toMap(m[0], m[1]) };
      drag = null;
      dragged = true;
      return;
    }
    drag = { x: e.clientX, y: e.clientY, view: view };
    dragged = false;
  });
  window.addEventListener("pointermove", function (e) {
    if (e.pointerId in fingers) fingers[e.pointerId] = [e.clientX, e.clientY];
    var f = pinch && two();
    if (f) {  // the map point between the fingers stays between them
      var box = svg.getBoundingClientRect(), m = middle(f);
      var w = Math.min(W, Math.max(W / 64, pinch.view.w * pinch.spread / spread(f)));
      setView({ x: pinch.at[0] - (m[0] - box.left) / box.width * w,
                y: pinch.at[1] - (m[1] - box.top) / box.height * w * H / W, w: w });
      return;
    }
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 5) return;
    dragged = true;
    var box2 = svg.getBoundingClientRect();
    setView({ x: drag.view.x - dx / box2.width * drag.view.w,
              y: drag.view.y - dy / box2.height * drag.view.h, w: drag.view.w });
  });
  function lift(e) {
    delete fingers[e.pointerId];
    if (!two()) pinch = null;
    drag = null;
  }
  window.addEventListener("pointerup", lift);
  window.addEventListener("pointercancel", lift);
  // a drag is not a click: the shape under the pointer is not opened
  wrap.addEventListener("click", function (e) {
    if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; }
  }, true);

  document.querySelectorAll(".map-zoom button").forEach(function (b) {
    b.addEventListener("click", function () {
      var c = centre();
      if (b.dataset.zoom === "in") zoomAt(2, c[0], c[1]);
      else if (b.dataset.zoom === "out") zoomAt(0.5, c[0], c[1]);
      else setView({ x: 0, y: 0, w: W });
    });
  });
  wrap.addEventListener("keydown", function (e) {
    var c = centre(), k = e.key;
    if (k === "+" || k === "=") zoomAt(2, c[0], c[1]);
    else if (k === "-" || k === "_") zoomAt(0.5, c[0], c[1]);
    else if (k === "0") setView({ x: 0, y: 0, w: W });
    else if (k === "ArrowLeft") pan(-0.2, 0);
    else if (k === "ArrowRight") pan(0.2, 0);
    else if (k === "ArrowUp") pan(0, -0.2);
    else if (k === "ArrowDown") pan(0, 0.2);
    else return;
    e.preventDefault();
  });

  var toggle = document.getElementById("show-states");
  if (toggle) {
    toggle.addEventListener("change", function () {
      panel.classList.toggle("no-states", !toggle.checked);
    });
  }

  // ---- find a jurisdiction by name and zoom to it --------------------------------
  var finder = document.querySelector("form.map-find");
  var found = document.getElementById("map-found");
  var names = null;
  function index() {
    if (names) return names;
    names = [];
    svg.querySelectorAll(".counties title, .places title").forEach(function (t) {
      var shape = t.parentNode.tagName.toLowerCase() === "a"
        ? t.parentNode.querySelector("path, circle") : t.parentNode;
      names.push({ name: t.textContent.replace(/: \w+$/, ""), shape: shape });
    });
    svg.querySelectorAll(".states-fill path").forEach(function (p) {
      names.push({ name: p.dataset.name, shape: p });
    });
    names.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
    var list = document.getElementById("map-names");
    if (list) {
      names.forEach(function (n) {
        var o = document.createElement("option");
        o.value = n.name;
        list.appendChild(o);
      });
    }
    return names;
  }
  if (finder) {
    var input = finder.querySelector("input");
    input.addEventListener("focus", index, { once: true });
    finder.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = input.value.trim().toLowerCase();
      if (!q) return;
      var all = index();
      var hit = all.filter(function (n) { return n.name.toLowerCase() === q; })[0] ||
        all.filter(function (n) { return n.name.toLowerCase().indexOf(q) === 0; })[0] ||
        all.filter(function (n) { return n.name.toLowerCase().indexOf(q) >= 0; })[0];
      svg.querySelectorAll(".found").forEach(function (el) { el.classList.remove("found"); });
      if (!hit) { found.textContent = "Nothing on the map is called \u201c" + input.value + "\u201d."; return; }
      // refresh the list of names' labels lazily: the title holds the current one
      var b = hit.shape.getBBox(), pad = Math.max(b.width, b.height) * 0.6 + 4;
      var w = Math.max(b.width + 2 * pad, (b.height + 2 * pad) * W / H);
      setView({ x: b.x + b.width / 2 - w / 2, y: b.y + b.height / 2 - w * H / W / 2, w: w });
      hit.shape.classList.add("found");
      found.textContent = "";
      var link = hit.shape.closest("a");
      found.appendChild(document.createTextNode("Shown: " + hit.name + ". "));
      if (link) {
        var a = document.createElement("a");
        a.href = link.getAttribute("href");
        a.textContent = "Open " + hit.name + "'s page";
        found.appendChild(a);
      }
    });
  }
})();
