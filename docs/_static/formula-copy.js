// A "copy LaTeX" button on every display formula. The formulas are typeset when the handbook is
// built; each keeps its LaTeX source in the MathML annotation KaTeX writes beside the HTML, which
// is what the button copies (and what KaTeX's copy-tex puts on the clipboard for a selection).
(function () {
  "use strict";

  function latexOf(display) {
    var annotation = display.querySelector('annotation[encoding="application/x-tex"]');
    return annotation ? annotation.textContent.trim() : null;
  }

  function copy(text, button) {
    var done = function () {
      button.textContent = "copied";
      setTimeout(function () { button.textContent = "copy LaTeX"; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
  }

  function addButtons() {
    // Display formulas of the prose and derivations; formulas inside tables stay uncluttered.
    document.querySelectorAll("div.math").forEach(function (block) {
      if (block.closest("table")) {
        return;
      }
      var tex = latexOf(block);
      if (tex === null) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "formula-copy";
      button.textContent = "copy LaTeX";
      button.setAttribute("aria-label", "copy this formula's LaTeX source");
      button.addEventListener("click", function () { copy(tex, button); });
      block.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
