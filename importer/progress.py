"""Progress of a long import: a bar with counts and an estimate on a terminal, plain lines otherwise."""

import time

from django.utils.translation import gettext as _


class Progress:
    WIDTH = 30

    def __init__(self, stream, total, tty, verbosity=1, dry_run=False):
        self.stream = stream
        self.total = total
        self.tty = tty
        self.verbosity = verbosity
        self.done = 0
        self.dry_run = dry_run
        self.start = time.monotonic()
        self.last_draw = 0.0

    def step(self, outcome, label, detail=""):
        self.done += 1
        if self.tty:
            if outcome == "failed":
                self._line(f"{outcome_label(outcome, self.dry_run)}: {label}: {detail}")
            now = time.monotonic()
            if now - self.last_draw > 0.2 or self.done == self.total:
                self.last_draw = now
                self._bar()
        elif self.verbosity >= 1 or outcome == "failed":
            text = f"[{self.done}/{self.total}] {outcome_label(outcome, self.dry_run)}: {label}"
            self.stream.write(f"{text} — {detail}" if detail else text)

    def _line(self, text):
        self.stream.write("\r\033[K" + text)

    def _bar(self):
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed else 0
        left = (self.total - self.done) / rate if rate else 0
        filled = int(self.WIDTH * self.done / self.total) if self.total else self.WIDTH
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        text = _("%(done)s/%(total)s · %(rate).1f/s · about %(left)s left") % {
            "done": self.done,
            "total": self.total,
            "rate": rate,
            "left": duration(left),
        }
        self.stream.write(f"\r\033[K[{bar}] {text}", ending="")
        self.stream.flush()

    def finish(self):
        if self.tty and self.total:
            self.stream.write("")


def duration(seconds):
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def outcome_label(outcome, dry_run=False):
    if dry_run:
        return {
            "created": _("would create"),
            "updated": _("would update"),
            "unchanged": _("unchanged"),
            "skipped": _("would skip"),
            "failed": _("failed"),
        }[outcome]
    return {
        "created": _("created"),
        "updated": _("updated"),
        "unchanged": _("unchanged"),
        "skipped": _("skipped"),
        "failed": _("failed"),
    }[outcome]
