"""A bounded map of the most recently used values, kept in this process (thread-safe).

Used for the pages the page cache also keeps in each worker (``portal.cache``) and for rendered
fragments (``portal.fragments``).
"""

import threading
from collections import OrderedDict

from django.conf import settings


class Memo:
    """At most ``settings.<setting>`` values (read at each write, so tests may change it; 0 keeps
    nothing); the least recently used goes first."""

    def __init__(self, setting, default):
        self.setting, self.default = setting, default
        self._values = OrderedDict()
        self._lock = threading.Lock()

    def size(self):
        return getattr(settings, self.setting, self.default)

    def get(self, key):
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key, value):
        size = self.size()
        if size <= 0:
            return
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > size:
                self._values.popitem(last=False)

    def pop(self, key):
        with self._lock:
            self._values.pop(key, None)

    def clear(self):
        with self._lock:
            self._values.clear()
