// Keyboard use of the theme's drawers on narrow screens. The navigation and contents drawers are
// toggled by a hidden checkbox whose labels are the header's icons: make those icons buttons a
// keyboard can reach and press, let Escape close an open drawer, and take a closed drawer, which
// sits off screen, out of the Tab order (inert) so that Tab walks the page, not the hidden links.
(function () {
  "use strict";

  var DRAWERS = [
    { box: "__navigation", drawer: ".sidebar-drawer", icons: "label.nav-overlay-icon", name: "navigation" },
    { box: "__toc", drawer: ".toc-drawer", icons: "label.toc-overlay-icon", name: "contents" },
  ];

  function offScreen(element) {
    var box = element.getBoundingClientRect();
    return box.right <= 0 || box.left >= window.innerWidth;
  }

  function setUp(spec) {
    var box = document.getElementById(spec.box);
    var drawer = document.querySelector(spec.drawer);
    if (!box || !drawer) {
      return;
    }
    var icons = document.querySelectorAll(spec.icons);
    function sync() {
      drawer.inert = !box.checked && offScreen(drawer);
      icons.forEach(function (icon) { icon.setAttribute("aria-expanded", String(box.checked)); });
    }
    icons.forEach(function (icon) {
      icon.setAttribute("tabindex", "0");
      icon.setAttribute("role", "button");
      icon.setAttribute("aria-label", "open the " + spec.name);
      icon.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          box.checked = !box.checked;
          box.dispatchEvent(new Event("change"));
          var first = drawer.querySelector("a, input, button");
          if (box.checked && first) {
            first.focus();
          }
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && box.checked) {
        box.checked = false;
        box.dispatchEvent(new Event("change"));
      }
    });
    box.addEventListener("change", sync);
    drawer.addEventListener("transitionend", sync);
    window.addEventListener("resize", sync);
    sync();
  }

  function start() { DRAWERS.forEach(setUp); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
