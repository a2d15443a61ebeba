"""The five demo accounts of the public contract, each in its editorial group."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from editorial import roles

ACCOUNTS = [
    # username, first name, last name, group (None: superuser)
    ("admin", "Quản trị", "hệ thống", None),
    ("truongban", "Dân", "Tô Văn", roles.LEADERSHIP),
    ("bientapvien", "Lan", "Trần Thị", roles.EDITORS),
    ("congtacvien", "Minh", "Lê Văn", roles.COLLABORATORS),
    ("biendichvien", "Hương", "Phạm Thu", roles.TRANSLATORS),
]


def load(ctx):
    User = get_user_model()
    for username, first_name, last_name, group_name in ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name = first_name
        user.last_name = last_name
        user.email = f"{username}@example.org"
        user.is_active = True
        user.is_staff = group_name is None
        user.is_superuser = group_name is None
        user.set_password(ctx.password)
        user.save()
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "vi"
        profile.save()
        ctx.users[username] = user
    ctx.stdout.write("  demo accounts: " + ", ".join(a[0] for a in ACCOUNTS))
