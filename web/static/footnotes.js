// Footnote previews: hovering or focusing a footnote marker shows its footnote in
// place. Without this script the marker is still a plain link to the footnote.
(function () {
  "use strict";

  var PREVIEW_ID = "fn-preview";
  var preview = null;
  var owner = null;
  var hideTimer = null;

  function targetOf(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    if (hash < 0 || href.slice(0, hash) !== "" && href.slice(0, hash) !== location.pathname) {
      return null;
    }
    var note = document.getElementById(decodeURIComponent(href.slice(hash + 1)));
    return note ? note.querySelector(".note-body") || note : null;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (preview) {
      preview.remove();
      preview = null;
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
      owner = null;
    }
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = preview.offsetWidth;
    var left = Math.min(
      Math.max(8, window.scrollX + box.left - 24),
      window.scrollX + document.documentElement.clientWidth - width - 8
    );
    var top = window.scrollY + box.bottom + 6;
    if (box.bottom + preview.offsetHeight + 12 > window.innerHeight && box.top > preview.offsetHeight + 12) {
      top = window.scrollY + box.top - preview.offsetHeight - 6;
    }
    preview.style.left = Math.max(8, left) + "px";
    preview.style.top = top + "px";
  }

  function show(link) {
    var body = targetOf(link);
    if (!body) {
      return;
    }
    clearTimeout(hideTimer);
    if (owner === link) {
      return;
    }
    hide();
    preview = document.createElement("div");
    preview.id = PREVIEW_ID;
    preview.className = "fn-preview";
    preview.setAttribute("role", "tooltip");
    preview.appendChild(body.cloneNode(true));
    preview.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", hideSoon);
    document.body.appendChild(preview);
    link.setAttribute("aria-describedby", PREVIEW_ID);
    owner = link;
    place(link);
  }

  function markerLink(event) {
    var target = event.target;
    return target && target.closest ? target.closest("a.fn-link") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = markerLink(event);
    if (link) {
      show(link);
    }
  });
  document.addEventListener("mouseout", function (event) {
    if (markerLink(event) && (!preview || !preview.contains(event.relatedTarget))) {
      hideSoon();
    }
  });
  document.addEventListener("focusin", function (event) {
    var link = markerLink(event);
    if (link) {
      show(link);
    } else if (!preview || !preview.contains(event.target)) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hide();
    }
  });
  document.addEventListener("click", function (event) {
    if (markerLink(event)) {
      hide();
    }
  });
})();
