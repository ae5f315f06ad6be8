// Copy buttons: a claim or passage, in quotation marks with its sources, its
// document's "cite as" text and a link to it, goes on the clipboard. Without
// this script the buttons stay hidden and the same text is shown to select.
(function () {
  "use strict";

  var status = null;

  function announce(message) {
    if (!status) {
      status = document.createElement("p");
      status.className = "visually-hidden";
      status.id = "copy-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = message;
  }

  function quoteOf(button) {
    var from = button.getAttribute("data-quote-from");
    if (from) {
      var box = document.getElementById(from);
      return box ? box.value : "";
    }
    return button.getAttribute("data-quote") || "";
  }

  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "copy-buffer";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("not copied"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyBySelection(text);
      });
    }
    return copyBySelection(text);
  }

  function show(button, words) {
    var label = button.querySelector(".copy-label");
    if (!label) {
      return;
    }
    var before = label.getAttribute("data-label") || label.textContent;
    label.setAttribute("data-label", before);
    label.textContent = words;
    setTimeout(function () {
      label.textContent = before;
    }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".copy-quote") : null;
    if (!button) {
      return;
    }
    copy(quoteOf(button)).then(
      function () {
        show(button, "copied");
        announce("Copied the quote with its sources and link.");
      },
      function () {
        show(button, "not copied");
        announce("The browser refused to copy: open “Quote this passage” and copy the text.");
      }
    );
  });

  document.documentElement.classList.add("js-quotes");
  var buttons = document.querySelectorAll(".copy-quote[hidden]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
  }
})();
