// Copy buttons for the "Cite this" blocks of an identity's page: its permalink, BibTeX entry and
// plain-text reference (docs/_ext/handbook/render.py marks each block with the class cite-text).
// They copy with handbookCopy, from formula-copy.js (loaded first): no library and no network.
(function () {
  "use strict";
  var WHAT = { "cite-permalink": "the permalink", "cite-bibtex": "the BibTeX entry", "cite-plain": "the reference" };

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
      window.handbookCopy(pre.textContent.replace(/\n+$/, "")).then(
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
