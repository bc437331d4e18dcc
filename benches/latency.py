#!/usr/bin/env python3
"""Watch-mode latency of dateline: the time from saving a file to the output
showing the change. Run through `benches/bench.sh latency`, which builds
dateline and generates the archive.

Starts `dateline watch` on the site, waits for its first build, then for each
kind of edit (an article's body, an article's tags, a template, a new article)
saves the edit, polls the output file that must change every millisecond
until it holds the change, and undoes the edit. Prints medians, beside the
rebuild time dateline reports itself ("rebuilt in N ms"), which excludes the
debounce wait and the time to notice the event.
"""
import argparse
import os
import pathlib
import re
import statistics
import subprocess
import sys
import threading
import time

OVERRIDE = '{%% extends "builtin/article.html" %%}{%% block head %%}<meta name="bench" content="%s">{%% endblock head %%}\n'


class Watch:
    """`dateline watch` running in the background, its output lines collected."""

    def __init__(self, dateline, site, out):
        self.proc = subprocess.Popen(
            [dateline, "watch", "--root", str(site), "--output", str(out)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append(line.rstrip("\n"))

    def builds(self):
        with self.lock:
            return [l for l in self.lines if l.startswith(("built ", "rebuilt ", "the output keeps the last good build"))]

    def wait_builds(self, count, timeout=300):
        """Waits until `count` builds were reported, then for quiet: a save
        can trigger a second rebuild when its events straddle the debounce."""
        deadline = time.monotonic() + timeout
        while len(self.builds()) < count:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("dateline watch stopped or hung:\n" + "\n".join(self.lines[-20:]))
            time.sleep(0.01)
        seen = len(self.builds())
        while True:
            time.sleep(0.5)
            if len(self.builds()) == seen:
                return seen
            seen = len(self.builds())

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def poll(path, needle, absent=False, timeout=120):
    """Seconds until `path` holds `needle` (or, with `absent`, no longer exists)."""
    start = time.perf_counter()
    needle = needle.encode()
    while time.perf_counter() - start < timeout:
        try:
            data = path.read_bytes()
            if not absent and needle in data:
                return time.perf_counter() - start
        except FileNotFoundError:
            if absent:
                return time.perf_counter() - start
        time.sleep(0.001)
    sys.exit(f"timed out waiting for {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dateline", required=True)
    ap.add_argument("--site", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--reps", type=int, default=7)
    args = ap.parse_args()
    site, out = args.site, args.out

    # A template override that every article page uses, to change later.
    template = site / "templates" / "article.html"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(OVERRIDE % "start")
    # The newest article: the one most likely to be edited.
    articles = sorted((site / "content").rglob("*.md"))
    article = articles[-1]
    original = article.read_text()
    slug = article.stem
    tags_line = re.search(r"^tags: \[(.*)\]$", original, re.M)

    watch = Watch(args.dateline, site, out)
    builds = watch.wait_builds(1)
    if watch.builds()[-1].startswith("the output keeps"):
        sys.exit("\n".join(watch.lines))
    page = next(out.rglob(f"{slug}/index.html"))
    print(f"first build: {watch.builds()[-1]}", file=sys.stderr)

    def measure(kind, edit, check, undo):
        nonlocal builds
        polled, reported = [], []
        for i in range(args.reps):
            before = len(watch.builds())
            marker = f"bench{kind.replace(' ', '')}{i}x{os.getpid()}"
            edit(marker)
            polled.append(check(marker))
            builds = watch.wait_builds(before + 1)
            ms = [float(m) for l in watch.builds()[before:]
                  for m in re.findall(r"^rebuilt in (\d+) ms", l)]
            if ms:
                reported.append(ms[0])
            before = len(watch.builds())
            undo()
            builds = watch.wait_builds(before + 1)
        return kind, statistics.median(polled) * 1000, min(polled) * 1000, max(polled) * 1000, \
            statistics.median(reported) if reported else float("nan")

    def body(marker):
        article.write_text(original + f"\nA late paragraph {marker}.\n")

    def tags(marker):
        article.write_text(original.replace(tags_line.group(0), f"tags: [{tags_line.group(1)}, \"{marker}\"]"))

    def restore():
        article.write_text(original)

    def templ(marker):
        template.write_text(OVERRIDE % marker)

    def templ_undo():
        template.write_text(OVERRIDE % "start")

    new = site / "content" / "2001" / "bench-new-article.md"
    new_page = out / "2001" / "01" / "02" / "bench-new-article" / "index.html"

    def add(marker):
        new.parent.mkdir(parents=True, exist_ok=True)
        new.write_text(f"---\ntitle: \"New {marker}\"\ndate: 2001-01-02 10:00\ntags: [bench]\n---\n\nText.\n")

    def remove():
        new.unlink()

    rows = [
        measure("body edit", body, lambda m: poll(page, m), restore),
        # The tag page is written in the same rebuild; the article page names the tag.
        measure("tag change", tags, lambda m: poll(page, m), restore),
        measure("template change", templ, lambda m: poll(page, m), templ_undo),
        measure("new article", add, lambda m: poll(new_page, m), remove),
    ]
    watch.stop()
    print(f"\nwatch-mode latency, {len(articles):,} articles, {args.reps} repetitions each (ms)")
    print(f"{'edit':<16} {'written':>8} {'min-max':>12} {'rebuild (reported)':>19}")
    for kind, med, lo, hi, rep in rows:
        print(f"{kind:<16} {med:>8.0f} {lo:>5.0f}-{hi:<6.0f} {rep:>19.0f}")
    print("written: save to the changed output page holding the edit, polled every 1 ms;")
    print("it includes the watcher's debounce (20 ms by default). rebuild: dateline's own figure.")


if __name__ == "__main__":
    main()
