from django.core.management.base import BaseCommand

from search.quality import evaluate, summary


class Command(BaseCommand):
    help = (
        "Measure the site search's ranking on the judged set (search/judged): nDCG@10 and MRR@10 "
        "overall and per kind of query. The corpus is loaded in a transaction that is rolled back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queries", action="store_true", help="Also print each query's scores and top results.")
        parser.add_argument(
            "--engine",
            choices=["site", "wagtail"],
            default="site",
            help="site: the site search (default); wagtail: Wagtail's own index, as the admin searches.",
        )

    def handle(self, *args, **options):
        rows = evaluate(options["engine"])
        if options["queries"]:
            for row in rows:
                self.stdout.write(
                    f"{row['kind']:10} {row['language']} {row['ndcg']:.3f} {row['rr']:.3f}  {row['query']}"
                    f"  → {' '.join(row['ranked'][:5])}"
                )
            self.stdout.write("")
        self.stdout.write(f"{'kind':10} {'queries':>7} {'nDCG@10':>8} {'MRR@10':>7}")
        for kind, (count, ndcg, mrr) in summary(rows).items():
            self.stdout.write(f"{kind:10} {count:7d} {ndcg:8.3f} {mrr:7.3f}")
