// Copying from the handbook without a library or the network. `handbookCopy(text)` (used by the
// "Cite this" buttons too) puts text on the clipboard: the Clipboard API where the browser allows it
// (https, localhost), else a selected, off-screen text area and execCommand("copy"), which also works
// on a page opened from disk. And a "copy LaTeX" button on every display formula: the formulas are
// typeset when the handbook is built, and each keeps its LaTeX source in the MathML annotation KaTeX
// writes beside the HTML, which is what the button copies (and what KaTeX's copy-tex puts on the
// clipboard for a selection).
(function () {
  "use strict";

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return fallback(text);
  }
  window.handbookCopy = copy;

  function latexOf(block) {
    var annotation = block.querySelector('annotation[encoding="application/x-tex"]');
    return annotation ? annotation.textContent.trim() : null;
  }

  function addButtons() {
    // Display formulas of the prose and derivations; formulas inside tables stay uncluttered.
    document.querySelectorAll("div.math").forEach(function (block) {
      var tex = latexOf(block);
      if (block.closest("table") || tex === null) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "formula-copy";
      button.textContent = "copy LaTeX";
      button.setAttribute("aria-label", "copy this formula's LaTeX source");
      button.addEventListener("click", function () {
        copy(tex).then(function () { button.textContent = "copied"; },
                       function () { button.textContent = "select and copy"; });
        setTimeout(function () { button.textContent = "copy LaTeX"; }, 1500);
      });
      block.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
