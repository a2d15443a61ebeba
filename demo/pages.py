"""Small helpers for building the demo page tree idempotently."""

from wagtail.rich_text import RichText


def child(parent, model, slug, **fields):
    """The live child of ``parent`` with ``slug``, created and published when missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def paragraphs(*texts):
    """StreamField data: one rich-text paragraph block per text."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]
