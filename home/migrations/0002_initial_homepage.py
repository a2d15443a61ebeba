"""Replace Wagtail's welcome page with the Vietnamese home page and point the site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    # Wagtail's default welcome page, if it is still there untouched.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    vi, _ = Locale.objects.get_or_create(language_code="vi")
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    siblings = Page.objects.filter(depth=2).count()
    path = root.path + f"{siblings + 1:04d}"
    home = HomePage.objects.create(
        title="Trang chủ",
        draft_title="Trang chủ",
        slug="trang-chu",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=vi,
        live=True,
    )
    root.numchild = siblings + 1
    root.save(update_fields=["numchild"])
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page_id = home.id
        site.save(update_fields=["root_page"])
    else:
        Site.objects.create(hostname="localhost", root_page_id=home.id, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("portal", "0002_locales"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
