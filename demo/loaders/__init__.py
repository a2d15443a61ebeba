"""Demo content loaders, run in this order by ``load_demo_content``.

Each module has ``load(ctx)``; ``ctx`` carries the password, the output stream and what earlier
loaders made (``ctx.homes["vi"]``, ``ctx.users["truongban"]``…). Every loader is idempotent.
"""

LOADERS = [
    "demo.loaders.site",
    "demo.loaders.accounts",
    "demo.loaders.news",
    "demo.loaders.foreign_relations",
    "demo.loaders.contact",
    "demo.loaders.union_life",
    "demo.loaders.editorial",
]
