// The translation editor's "Convert to alias page" publishes the page at once: the server refuses it
// to users who may not publish (translation.localize_compat.convert_page_to_alias), and this script,
// loaded for them only, removes the button. It runs before the editor's own script, which reads its
// settings on DOMContentLoaded: this listener is registered first, so it edits them first.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var editor = document.querySelector(".js-translation-editor");
  if (!editor || !editor.dataset.props) {
    return;
  }
  var props = JSON.parse(editor.dataset.props);
  if (props.links) {
    props.links.convertToAliasUrl = null;
  }
  editor.dataset.props = JSON.stringify(props);
});
