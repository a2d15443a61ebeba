#!/usr/bin/env python
"""Fill translations into a .po catalogue from a JSON object {msgid: msgstr}.

A plural entry takes a list of forms. Entries given are un-fuzzied; the rest are left as they are.
Usage: python scripts/po_translate.py app/locale/vi/LC_MESSAGES/django.po translations.json
       (use - to read the JSON from standard input), then `make messages` to compile.
"""

import json
import sys

import polib


def main(po_path, json_path):
    mapping = json.load(sys.stdin if json_path == "-" else open(json_path, encoding="utf-8"))
    catalogue = polib.pofile(po_path, wrapwidth=0)
    known = {entry.msgid: entry for entry in catalogue}
    missing = [msgid for msgid in mapping if msgid not in known]
    for msgid, translation in mapping.items():
        entry = known.get(msgid)
        if entry is None:
            continue
        if entry.msgid_plural:
            forms = translation if isinstance(translation, list) else [translation]
            entry.msgstr_plural = {
                i: forms[min(i, len(forms) - 1)] for i in range(max(len(forms), len(entry.msgstr_plural) or 1))
            }
        else:
            entry.msgstr = translation
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(po_path)
    if missing:
        print(f"{len(missing)} msgid(s) not in {po_path}: {missing[:5]}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
