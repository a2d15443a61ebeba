"""An input for a language tag that suggests the union's usual languages and accepts any other."""

from django import forms

from .languages import LANGUAGE_SUGGESTIONS


class LanguageTagInput(forms.TextInput):
    """A text input with a ``<datalist>`` of suggested tags ("ja — Japanese")."""

    template_name = "foreign_relations/widgets/language_tag_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        list_id = f"{widget['attrs'].get('id') or name}-suggestions"
        widget["attrs"]["list"] = list_id
        widget["attrs"].setdefault("autocomplete", "off")
        widget["attrs"].setdefault("spellcheck", "false")
        widget["list_id"] = list_id
        widget["suggestions"] = LANGUAGE_SUGGESTIONS
        return context
