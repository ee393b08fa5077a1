#!/usr/bin/env python3
"""Assigns each line of a newly gathered error corpus to `train` or `heldout`, once.

The split depends only on the message text (SHA-256, first byte even: held out), so it is
reproducible and independent of order, of the label and of whoever writes the rules. Rules are then
written from the `train` lines alone, and the `heldout` figure is the one to quote.

    python3 scripts/split-error-corpus.py gathered.jsonl [more.jsonl ...] > Tests/LoupeCoreTests/Errors/Fixtures/error-corpus-external-2.jsonl
"""
import hashlib
import json
import sys

KEYS = ["provider", "status", "type", "code", "message", "operation", "expected", "source"]

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            entry = json.loads(line)
            digest = hashlib.sha256(entry["message"].encode("utf-8")).digest()
            out = {key: entry.get(key) for key in KEYS}
            out["split"] = "heldout" if digest[0] % 2 == 0 else "train"
            print(json.dumps(out, ensure_ascii=False))
