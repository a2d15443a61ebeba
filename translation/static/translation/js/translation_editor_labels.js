// Two labels of wagtail-localize's translation editor are written into its compiled script, out of
// reach of any catalogue (wagtail_localize/static/wagtail_localize/js/wagtail-localize.js, line 29;
// sources static_src/editor/components/TranslationEditor/index.tsx lines 281 and 301, and
// static_src/common/components/ActionMenu/index.tsx lines 101 and 167):
//   - the heading of the segment list, "<source language> to <target language> translation";
//   - the hidden name of the footer's menu button, "More actions".
// The page gives their translations (#translation-editor-labels, from the portal's catalogues) and
// this script puts them in place of the English text whenever the editor renders it. The editor's
// code is not changed. tests/translation/test_editor_labels.py checks that upstream still hard-codes
// them, so this goes when they become translatable.
// The admin loads page scripts in the document's head: this waits for the page to be parsed.
function relabelTranslationEditor() {
  "use strict";
  var data = document.getElementById("translation-editor-labels");
  var editor = document.querySelector(".js-translation-editor");
  if (!data || !editor || !editor.dataset.props || !window.MutationObserver) {
    return;
  }
  var labels = JSON.parse(data.textContent);
  var props = JSON.parse(editor.dataset.props);
  var heading = props.sourceLocale.displayName + " to " + props.locale.displayName + " translation";

  function relabel() {
    editor.querySelectorAll("section h3").forEach(function (h3) {
      if (h3.textContent === heading) {
        h3.textContent = labels.heading;
      }
    });
    document.querySelectorAll(".w-dropdown__toggle .w-sr-only").forEach(function (span) {
      if (span.textContent === "More actions") {
        span.textContent = labels.moreActions;
      }
    });
  }

  new MutationObserver(relabel).observe(document.body, { childList: true, subtree: true, characterData: true });
  relabel();
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", relabelTranslationEditor);
} else {
  relabelTranslationEditor();
}
