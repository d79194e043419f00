// Folded sections (<details>): the page says what it holds in each summary and a phone
// reader opens what they need. On a wide screen the definitions' cards open, side by side;
// a link to a folded part (the verdict's definitions, "what is not known", the money)
// opens it, as does arriving at its address. Without JavaScript every summary still opens.
(function () {
  "use strict";
  function reveal(id) {
    var target = id && document.getElementById(id);
    if (!target) return;
    var own = target.tagName.toLowerCase() === "details" ? target : target.querySelector(":scope > details");
    if (own) own.open = true;
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
  }
  function fragment(href) {
    var at = href.indexOf("#");
    return at < 0 ? "" : decodeURIComponent(href.slice(at + 1));
  }
  if (window.matchMedia("(min-width: 801px)").matches) {
    document.querySelectorAll(".status > details").forEach(function (d) { d.open = true; });
  }
  reveal(fragment(location.hash));
  window.addEventListener("hashchange", function () { reveal(fragment(location.hash)); });
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[href^='#']");
    if (link) reveal(fragment(link.getAttribute("href")));
  });
})();
