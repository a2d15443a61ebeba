// Progressive enhancement only: the site works without JavaScript.
(function () {
  "use strict";
  var toggle = document.querySelector(".main-nav__toggle");
  var list = document.getElementById("main-nav-list");
  if (toggle && list) {
    toggle.addEventListener("click", function () {
      var open = list.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // Text size: A− / A / A+ set html[data-text-size], which sets --text-scale; remembered in localStorage.
  var SIZES = ["0.875", "1", "1.125", "1.25", "1.5"];
  var sizeControl = document.querySelector("[data-text-size]");
  function storedSize() {
    try { return window.localStorage.getItem("portal-text-scale"); } catch (e) { return null; }
  }
  function applySize(value) {
    if (SIZES.indexOf(value) < 0) { value = "1"; }
    document.documentElement.setAttribute("data-text-size", value);
    try { window.localStorage.setItem("portal-text-scale", value); } catch (e) { /* storage disabled */ }
    if (sizeControl) {
      sizeControl.querySelectorAll("button").forEach(function (button) {
        var step = button.getAttribute("data-text-scale");
        button.setAttribute("aria-pressed", step === "0" && value === "1" ? "true" : "false");
      });
    }
  }
  applySize(storedSize() || "1");
  if (sizeControl) {
    sizeControl.hidden = false;
    sizeControl.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-text-scale]");
      if (!button) { return; }
      var step = parseInt(button.getAttribute("data-text-scale"), 10);
      var index = SIZES.indexOf(document.documentElement.getAttribute("data-text-size"));
      index = step === 0 ? 1 : Math.min(SIZES.length - 1, Math.max(0, index + step));
      applySize(SIZES[index]);
    });
  }
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
