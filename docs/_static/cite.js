// Copy buttons for the "Cite this" blocks of an identity's page: its permalink, BibTeX entry and
// plain-text reference (docs/_ext/handbook/render.py marks each block with the class cite-text).
// No library and no network: the Clipboard API where the browser allows it (https, localhost), else
// a selected, off-screen text area and execCommand("copy"), which also works on a page opened from disk.
(function () {
  "use strict";
  var WHAT = { "cite-permalink": "the permalink", "cite-bibtex": "the BibTeX entry", "cite-plain": "the reference" };

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

  function addButton(block) {
    var pre = block.querySelector("pre");
    if (!pre || block.querySelector("button.cite-copy")) return;
    var what = "this text";
    Object.keys(WHAT).forEach(function (cls) { if (block.classList.contains(cls)) what = WHAT[cls]; });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + what);
    button.addEventListener("click", function () {
      copy(pre.textContent.replace(/\n+$/, "")).then(
        function () { button.textContent = "Copied"; },
        function () { button.textContent = "Select and copy"; });
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    });
    block.insertBefore(button, block.firstChild);
  }

  function init() { document.querySelectorAll("div.cite-text").forEach(addButton); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
