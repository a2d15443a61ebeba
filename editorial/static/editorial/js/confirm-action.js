// Buttons marked data-editorial-confirm ask before they act ("Hủy quy trình duyệt" cannot be undone).
document.addEventListener(
  "click",
  function (event) {
    var button = event.target.closest && event.target.closest("[data-editorial-confirm]");
    if (button && !window.confirm(button.getAttribute("data-editorial-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true
);
