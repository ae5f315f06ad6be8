// The bar of a search's matches on a document page ("1 2 3 4 of 4, previous,
// next"). Without this script its links go to the first and last match, and
// each match carries its own previous/next links. With it, the bar follows the
// match shown: it marks its number and points previous and next at its
// neighbours.
(function () {
  "use strict";

  var bar = document.getElementById("match-bar");
  if (!bar) {
    return;
  }
  var links = Array.prototype.slice.call(bar.querySelectorAll("a.match-link"));
  var previous = bar.querySelector("a.match-previous");
  var next = bar.querySelector("a.match-next");
  if (!links.length || !previous || !next) {
    return;
  }
  var anchors = links.map(function (link) { return link.getAttribute("data-anchor"); });
  var current = -1;

  function show(index) {
    current = index;
    links.forEach(function (link, i) {
      if (i === index) {
        link.setAttribute("aria-current", "location");
      } else {
        link.removeAttribute("aria-current");
      }
    });
    var count = anchors.length;
    var before = index < 0 ? count - 1 : (index - 1 + count) % count;
    var after = index < 0 ? 0 : (index + 1) % count;
    previous.setAttribute("href", "#" + anchors[before]);
    next.setAttribute("href", "#" + anchors[after]);
  }

  function fromHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var index = anchors.indexOf(hash);
    if (index < 0 && /^match-\d+$/.test(hash)) {
      index = parseInt(hash.slice(6), 10) - 1;
    }
    show(index >= 0 && index < anchors.length ? index : current);
  }

  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
