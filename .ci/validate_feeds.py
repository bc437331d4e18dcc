#!/usr/bin/env python3
"""Validates every feed of a built site; prints {"path": entry_count, ...} as JSON.

Atom and RSS are parsed with feedparser (PyPI): any bozo (not well-formed,
undeclared namespace, wrong encoding...) is a failure, and so is an entry
without id, title, link or date. feedparser 6 does not read JSON Feed, so
feed.json is checked here against the JSON Feed 1.1 rules: version, title,
items with a string id, content, and RFC 3339 dates.

Usage: validate_feeds.py PUBLIC_DIR   (exit 1 and a message per problem)
"""

import datetime
import json
import pathlib
import sys

import feedparser


def rfc3339(text):
    # fromisoformat accepts every RFC 3339 date-time from Python 3.11 on.
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).tzinfo is not None


def check_xml(path, problems):
    d = feedparser.parse(str(path))
    if d.bozo:
        problems.append(f"{path}: {d.bozo_exception!r}")
    if not d.feed.get("title") or not d.feed.get("link"):
        problems.append(f"{path}: feed without title or link")
    for e in d.entries:
        for key in ("id", "title", "link", "published_parsed", "updated_parsed"):
            if not e.get(key):
                problems.append(f"{path}: entry {e.get('id')!r} without {key}")
        if not e.get("content") and not e.get("summary"):
            problems.append(f"{path}: entry {e.get('id')!r} without content")
    if d.version not in ("atom10", "rss20"):
        problems.append(f"{path}: parsed as {d.version!r}")
    return len(d.entries)


def check_json(path, problems):
    feed = json.loads(path.read_text(encoding="utf-8"))
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append(f"{path}: version {feed.get('version')!r}")
    if not isinstance(feed.get("title"), str):
        problems.append(f"{path}: no title")
    for item in feed.get("items", []):
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"{path}: item without id")
        if "content_html" not in item and "content_text" not in item:
            problems.append(f"{path}: item {item.get('id')} without content")
        for key in ("date_published", "date_modified"):
            if key in item and not rfc3339(item[key]):
                problems.append(f"{path}: item {item.get('id')} {key} not RFC 3339")
    return len(feed.get("items", []))


def main():
    root = pathlib.Path(sys.argv[1])
    problems, counts = [], {}
    for path in sorted(root.rglob("*")):
        if path.name in ("feed.xml", "rss.xml"):
            counts[str(path.relative_to(root))] = check_xml(path, problems)
        elif path.name == "feed.json":
            counts[str(path.relative_to(root))] = check_json(path, problems)
    for p in problems:
        print(p, file=sys.stderr)
    print(json.dumps(counts, sort_keys=True))
    if not counts:
        print("no feeds found", file=sys.stderr)
    sys.exit(1 if problems or not counts else 0)


if __name__ == "__main__":
    main()
