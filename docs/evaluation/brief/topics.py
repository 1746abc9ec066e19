#!/usr/bin/env python3
"""Print topics.md for the writers: every topic of the knowledge base with its Dutch and English title and summary."""
import os
import re

BASE = "src/main/resources/knowledge"


def front(path):
    return open(path, encoding="utf-8").read().split("---")[1]


def field(fm, key):
    m = re.search(r"^" + key + r":\s*(.*)$", fm, re.M)
    return m.group(1).strip().strip('"') if m else ""


english = {field(front(os.path.join(BASE, "en", f)), "topic"): field(front(os.path.join(BASE, "en", f)), "title")
           for f in os.listdir(os.path.join(BASE, "en")) if f.endswith(".md")}
print("# Topics Loket's knowledge base covers (slug — Dutch title (English title), summary)\n")
for f in sorted(os.listdir(os.path.join(BASE, "nl"))):
    if not f.endswith(".md"):
        continue
    fm = front(os.path.join(BASE, "nl", f))
    topic = field(fm, "topic")
    print(f"- `{topic}` — {field(fm, 'title')} (EN: {english.get(topic, '')})\n  {field(fm, 'summary')}")
