"""The admin login form with a translated password label.

Wagtail's ``LoginForm`` redeclares the password field without a label, so Django derives the
English "Password" from the field name in every language. Django's own translated label is
put back (``WAGTAILADMIN_USER_LOGIN_FORM`` points here).
"""

from django.contrib.auth.forms import AuthenticationForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = AuthenticationForm.base_fields["password"].label
