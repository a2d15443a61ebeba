/* Album viewer: the list of pictures opens one at a time in a dialog.
   Enter or a click on a picture opens it; ← and → (or the buttons) move through the album;
   Escape or "Close" closes it and gives focus back to the picture it was opened from.
   Without JavaScript (or <dialog>), the album stays a plain list of captioned pictures. */
(function () {
  "use strict";
  var list = document.querySelector("[data-gallery]");
  var dialog = document.querySelector("[data-gallery-viewer]");
  if (!list || !dialog || typeof dialog.showModal !== "function") return;

  var items = Array.prototype.slice.call(list.querySelectorAll("[data-gallery-item]"));
  if (!items.length) return;
  // The large picture is made here: an <img> without a source is not valid HTML.
  var image = document.createElement("img");
  image.className = "gl-viewer__image";
  image.setAttribute("data-viewer-image", "");
  dialog.querySelector("[data-viewer-picture]").appendChild(image);
  var caption = dialog.querySelector("[data-viewer-caption]");
  var count = dialog.querySelector("[data-viewer-count]");
  var current = 0;
  var opener = null;

  document.documentElement.classList.add("gl-enhanced");

  function show(index) {
    current = (index + items.length) % items.length;
    var link = items[current];
    var thumb = link.querySelector("img");
    var figcaption = link.closest("figure").querySelector("figcaption");
    image.src = link.getAttribute("data-full");
    image.width = parseInt(link.getAttribute("data-width"), 10) || 0;
    image.height = parseInt(link.getAttribute("data-height"), 10) || 0;
    image.alt = thumb ? thumb.alt : "";
    caption.textContent = figcaption ? figcaption.textContent.trim() : "";
    count.textContent = count.getAttribute("data-template")
      .replace("%(n)s", String(current + 1))
      .replace("%(total)s", String(items.length));
  }

  function open(index, from) {
    opener = from;
    show(index);
    dialog.showModal();
    dialog.querySelector("[data-viewer-next]").focus();
  }

  items.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      open(index, link);
    });
  });

  dialog.querySelector("[data-viewer-prev]").addEventListener("click", function () { show(current - 1); });
  dialog.querySelector("[data-viewer-next]").addEventListener("click", function () { show(current + 1); });
  dialog.querySelector("[data-viewer-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
    else if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
  });
  dialog.addEventListener("close", function () {
    image.removeAttribute("src");
    if (opener) opener.focus();
  });
})();
