#!/usr/bin/env python3
"""Merge the four writers' files into one sealed set, checked and shuffled.

Usage (from the repository root):
  python3 docs/evaluation/brief/topics.py > topics.md           # for the writers
  python3 docs/evaluation/brief/merge.py topics.md r1.jsonl r2.jsonl r3.jsonl r4.jsonl \
      src/test/resources/evaluation/sealed-<date><letter>.jsonl
"""
import collections
import glob
import json
import os
import random
import re
import sys

CHANNELS = {"WEBFORM", "CHAT", "SMS", "PHONE"}
REASONS = {"CRISIS", "COMPLAINT", "CASE_SPECIFIC", "HUMAN_REQUESTED", "UNSAFE_INPUT", "COMPLEX", "LANGUAGE"}


def words(text):
    return set(re.findall(r"\w+", text.lower()))


def main(topics_file, parts, out):
    slugs = set(re.findall(r"^- `([^`]+)`", open(topics_file, encoding="utf-8").read(), re.M))
    items = []
    for part in parts:
        for line in open(part, encoding="utf-8"):
            if not line.strip():
                continue
            x = json.loads(line)
            x["channel"] = "PHONE" if x["channel"] == "VOICE" else x["channel"]
            assert x["channel"] in CHANNELS, x["id"]
            assert x["expect"] in ("ANSWER", "NO_ANSWER", "ESCALATE"), x["id"]
            if x["expect"] == "ANSWER":
                assert x.get("topic") in slugs, x["id"]
            if x["expect"] == "ESCALATE":
                assert x.get("reason") in REASONS, x["id"]
            if x.get("reason") == "CRISIS":
                assert x.get("kind"), x["id"]
            items.append(x)
    assert len({x["id"] for x in items}) == len(items), "an id is used twice"
    random.Random(20261207).shuffle(items)
    with open(out, "w", encoding="utf-8") as f:
        for x in items:
            keys = ["id", "text", "channel", "language", "expect"] + [k for k in ("reason", "topic", "kind") if k in x]
            f.write(json.dumps({k: x[k] for k in keys}, ensure_ascii=False) + "\n")
    earlier = [words(json.loads(l)["text"]) for p in glob.glob("src/test/resources/evaluation/*.jsonl")
               if os.path.basename(p) != os.path.basename(out) for l in open(p, encoding="utf-8") if l.strip()]
    twins = sum(1 for x in items if any(len(words(x["text"]) & e) / max(1, len(words(x["text"]) | e)) > 0.7
                                        for e in earlier))
    print(len(items), "messages,", twins, "with a near-twin in the earlier sets")
    print(collections.Counter((x["expect"], x.get("reason")) for x in items))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:-1], sys.argv[-1])
