#!/usr/bin/env python3
"""What a reader's browser downloads for a search, replayed on a built site.

    python3 benches/search_query.py PUBLIC_DIR "query one" "query two" ...

Follows templates/search.js: the manifest, the shards of each word (and of
the shorter keys it tries for the stem), the facets file, then the ids
and docs files and the article pages of the first page of ten results
(excerpts are cut from the pages themselves). Prints one line
per query (bytes as served, uncompressed, and gzip'd) and a JSON summary
on the last line. Only the bytes are measured; no timing.
"""
import gzip
import json
import math
import os
import sys

LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_"
DIGIT = {c: i for i, c in enumerate(LAST)} | {c: i + 32 for i, c in enumerate(MORE)}


def decode(text):
    out, n, shift = [], 0, 1
    for c in text:
        d = DIGIT[c]
        if d >= 32:
            n += (d - 32) * shift
            shift *= 32
            continue
        out.append(n + d * shift)
        n, shift = 0, 1
    return out


class Reader:
    def __init__(self, public):
        self.public = public
        self.root = os.path.join(public, "search")
        self.fetched = {}
        self.manifest = self.load("manifest.json")

    def load(self, rel):
        path = os.path.join(self.root, rel)
        if rel not in self.fetched:
            with open(path, "rb") as f:
                self.fetched[rel] = f.read()
        return json.loads(self.fetched[rel])

    def shard(self, key):
        shards = self.manifest["shards"]
        at = max(i for i, s in enumerate(shards) if s[0] <= key)
        return self.load("shard/%s.json" % shards[at][1])

    def stem(self, word):
        s = self.shard(word)
        if word in s["aliases"]:
            return s["aliases"][word]
        shortest = max(len(word) - 4, min(len(word), 2))
        for n in range(len(word), shortest - 1, -1):
            if word[:n] in self.shard(word[:n])["postings"]:
                return word[:n]
        return None

    def scores(self, stem):
        n = self.manifest["count"]
        nums = decode(self.shard(stem)["postings"][stem])
        ids, weights = nums[0::2], nums[1::2]
        acc, out = 0, {}
        idf = math.log(1 + (n - len(ids) + 0.5) / (len(ids) + 0.5))
        for gap, w in zip(ids, weights):
            acc += gap
            out[acc] = idf * ((w & 15) / 15 * 2.2 + (1.5 if w & 16 else 0))
        return out

    def search(self, query):
        maps = []
        for word in query.lower().split():
            stem = self.stem(word)
            maps.append(self.scores(stem) if stem else {})
        self.load("facets/%s.json" % self.manifest["facets"])
        maps.sort(key=len)
        hits = [(sum(m[i] for m in maps), i) for i in maps[0] if all(i in m for m in maps[1:])]
        hits.sort(reverse=True)
        m = self.manifest
        base = m.get("base", "/")
        for _, i in hits[:10]:
            f = i // m["docs_per_file"]
            names = self.load("ids/%s.json" % m["ids"][f // m["files_per_ids"]])
            doc = self.load("docs/%s.json" % names[f % m["files_per_ids"]])[i % m["docs_per_file"]]
            page = os.path.join(self.public, doc["url"][len(base):], "index.html")
            with open(page, "rb") as fh:
                self.fetched[page] = fh.read()
        return len(hits)


def main():
    public, queries = sys.argv[1], sys.argv[2:]
    sizes, zipped = [], []
    for q in queries:
        r = Reader(public)
        found = r.search(q)
        raw = sum(len(b) for b in r.fetched.values())
        gz = sum(len(gzip.compress(b, 6)) for b in r.fetched.values())
        sizes.append(raw)
        zipped.append(gz)
        print("%-28s %6d results %4d files %9d bytes %8d gzip" % (q, found, len(r.fetched), raw, gz))
    sizes.sort()
    zipped.sort()
    print(json.dumps({"median": sizes[len(sizes) // 2], "max": sizes[-1],
                      "median_gzip": zipped[len(zipped) // 2], "max_gzip": zipped[-1]}))


if __name__ == "__main__":
    main()
