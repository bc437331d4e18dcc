// dateline search: full-text search of the whole archive in the reader's
// browser, from the index that `dateline build` writes under /search/ (see
// src/search/ for its files). No libraries, no outside service. Every word
// typed must match (AND); the last one also matches as the start of a word;
// "quoted words" must stand together. Results are ranked BM25-style from the
// weights in the index, newest first on ties. Everything taken from articles
// reaches the page through textContent and text nodes, never as HTML.
(function () {
  "use strict";
  var FOLDS = [
    ["àáâãäåāăą", "a"],
    ["çćĉċč", "c"],
    ["ďđ", "d"],
    ["èéêëēĕėęě", "e"],
    ["ĝğġģ", "g"],
    ["ĥħ", "h"],
    ["ìíîïĩīĭįı", "i"],
    ["ĵ", "j"],
    ["ķ", "k"],
    ["ĺļľŀł", "l"],
    ["ñńņňŉ", "n"],
    ["òóôõöøōŏő", "o"],
    ["ŕŗř", "r"],
    ["śŝşšș", "s"],
    ["ţťŧț", "t"],
    ["ùúûüũūŭůűų", "u"],
    ["ŵ", "w"],
    ["ýÿŷ", "y"],
    ["źżž", "z"],
    ["ß", "ss"],
    ["æ", "ae"],
    ["œ", "oe"],
    ["þ", "th"]
  ];
  // Digits of the index's numbers (src/search/encode.rs).
  var LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
  var MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_";
  var PER_PAGE = 10;
  var CHECK_PHRASES = 200; // candidates whose text is fetched to check a phrase
  var MAX_PREFIX_STEMS = 200;
  var DEBOUNCE_MS = 150;
  var K1 = 1.2;
  var HEAD_BONUS = 1.5;
  var EXCERPT_WORDS = 30;
  var FACETS = [["tag", "Topic"], ["author", "Reporter"], ["year", "Year"]];

  var fold = {};
  FOLDS.forEach(function (f) {
    Array.from(f[0]).forEach(function (c) { fold[c] = f[1]; });
  });
  var digit = {};
  Array.from(LAST).forEach(function (c, i) { digit[c] = i; });
  Array.from(MORE).forEach(function (c, i) { digit[c] = i + 32; });

  function normal(word) {
    return Array.from(word.toLowerCase()).map(function (c) { return fold[c] || c; }).join("");
  }
  function keep(word) {
    var n = Array.from(word).length;
    return (n >= 2 && n <= 40) || (n === 1 && word.charCodeAt(0) > 127);
  }
  // Han, hiragana and katakana: written without spaces between words, so
  // indexed (by text.rs, with the same ranges) as pairs of characters.
  function isCjk(c) {
    var p = c.codePointAt(0);
    return (p >= 0x3040 && p <= 0x30ff) || (p >= 0x3400 && p <= 0x4dbf) || (p >= 0x4e00 && p <= 0x9fff) ||
      (p >= 0xf900 && p <= 0xfaff) || (p >= 0xff66 && p <= 0xff9f) || (p >= 0x20000 && p <= 0x2ffff);
  }
  // A run of letters with Chinese or Japanese in it, as text.rs splits it.
  function cjkTokens(run, at, out) {
    var chars = Array.from(run);
    var offs = [];
    var o = at;
    chars.forEach(function (c) { offs.push(o); o += c.length; });
    offs.push(o);
    var i = 0;
    while (i < chars.length) {
      var cjk = isCjk(chars[i]);
      var end = i;
      while (end < chars.length && isCjk(chars[end]) === cjk) { end++; }
      if (cjk && end - i > 1) {
        for (var k = i; k + 1 < end; k++) {
          out.push({ w: normal(chars[k] + chars[k + 1]), start: offs[k], end: offs[k + 2] });
        }
      } else {
        var w = normal(chars.slice(i, end).join(""));
        if (keep(w)) { out.push({ w: w, start: offs[i], end: offs[end] }); }
      }
      i = end;
    }
  }
  // The words of `text` with where they stand: [{w, start, end}].
  function tokens(text) {
    var out = [];
    var re = /[\p{Alphabetic}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (Array.from(m[0]).some(isCjk)) { cjkTokens(m[0], m.index, out); continue; }
      var w = normal(m[0]);
      if (keep(w)) { out.push({ w: w, start: m.index, end: m.index + m[0].length }); }
    }
    return out;
  }
  // Terms and phrases of a query; the last bare word also matches as a prefix.
  function parse(query) {
    var terms = [];
    var phrases = [];
    var re = /"([^"]*)"?|[^\s"]+/g;
    var m;
    while ((m = re.exec(query)) !== null) {
      var quoted = m[1] !== undefined;
      var words = tokens(quoted ? m[1] : m[0]).map(function (t) {
        return { word: t.w, prefix: false };
      });
      if (quoted && words.length > 1) { phrases.push(words); }
      terms = terms.concat(words);
      if (!quoted && words.length && re.lastIndex === query.length) {
        words[words.length - 1].prefix = true;
      }
    }
    return { terms: terms, phrases: phrases };
  }
  // Reads numbers (and weights when `weighed`) written by encode.rs.
  function decode(text, weighed) {
    var ids = [];
    var weights = [];
    var n = 0;
    var shift = 1;
    var id = 0;
    var wantWeight = false;
    for (var i = 0; i < text.length; i++) {
      var d = digit[text[i]];
      if (d >= 32) { n += (d - 32) * shift; shift *= 32; continue; }
      n += d * shift;
      if (wantWeight) { weights.push(n); wantWeight = false; } else {
        id += n;
        ids.push(id);
        wantWeight = weighed;
      }
      n = 0;
      shift = 1;
    }
    return { ids: ids, weights: weights };
  }

  var form = document.querySelector("form[data-index]");
  if (!form) { return; }
  var base = form.getAttribute("data-index");
  var input = form.querySelector("input[name=q]");
  var sortBox = form.querySelector("select[name=sort]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var facetBox = document.getElementById("search-facets");
  var pager = document.getElementById("search-pages");
  var files = {};
  var manifest = null;
  var latest = 0;
  var timer = null;

  function load(path, options) {
    if (!files[path]) {
      files[path] = fetch(base + path, options).then(function (r) {
        if (!r.ok) { throw new Error(path + ": HTTP " + r.status); }
        return r.json();
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }
  function loadManifest() {
    if (manifest) { return Promise.resolve(manifest); }
    // The one file without a hash in its name: ask the server each time.
    return load("manifest.json", { cache: "no-cache" }).then(function (m) {
      if (m.version !== 2) { throw new Error("index version " + m.version); }
      manifest = m;
      return m;
    });
  }
  function shardAt(key) {
    var s = manifest.shards;
    var lo = 0;
    var hi = s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (s[mid][0] <= key) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }
  function shard(i) { return load("shard/" + manifest.shards[i][1] + ".json"); }
  function entry(key) { return shard(shardAt(key)); }
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  // The stems a term stands for, with the words that are aliases of them.
  function stemsOf(term) {
    var chars = Array.from(term.word);
    var shortest = Math.max(chars.length - 4, Math.min(chars.length, 2));
    var keys = [];
    for (var n = chars.length; n >= shortest; n--) { keys.push(chars.slice(0, n).join("")); }
    return Promise.all(keys.map(entry)).then(function (shards) {
      var found = { stems: [], aliases: [] };
      if (own(shards[0].aliases, term.word)) {
        found.stems.push(shards[0].aliases[term.word]);
        found.aliases.push(term.word);
      } else {
        for (var i = 0; i < keys.length; i++) {
          if (own(shards[i].postings, keys[i])) { found.stems.push(keys[i]); break; }
        }
      }
      return term.prefix ? withPrefix(term.word, shardAt(term.word), found) : found;
    });
  }
  // Adds every stem and alias starting with `word`, from shard `i` on.
  function withPrefix(word, i, found) {
    return shard(i).then(function (s) {
      Object.keys(s.postings).forEach(function (k) {
        if (k.lastIndexOf(word, 0) === 0 && found.stems.length < MAX_PREFIX_STEMS) { found.stems.push(k); }
      });
      Object.keys(s.aliases).forEach(function (k) {
        if (k.lastIndexOf(word, 0) === 0) { found.stems.push(s.aliases[k]); found.aliases.push(k); }
      });
      var next = manifest.shards[i + 1];
      if (next && next[0].lastIndexOf(word, 0) === 0 && found.stems.length < MAX_PREFIX_STEMS) {
        return withPrefix(word, i + 1, found);
      }
      return found;
    });
  }
  // Article id -> this term's score, the best of its stems.
  function scores(found) {
    var out = new Map();
    var stems = Array.from(new Set(found.stems));
    return Promise.all(stems.map(function (stem) {
      return entry(stem).then(function (s) {
        if (!own(s.postings, stem)) { return; }
        var p = decode(s.postings[stem], true);
        var df = p.ids.length;
        var idf = Math.log(1 + (manifest.count - df + 0.5) / (df + 0.5));
        p.ids.forEach(function (id, k) {
          var w = p.weights[k];
          var score = idf * (((w & 15) / 15) * (K1 + 1) + (w & 16 ? HEAD_BONUS : 0));
          if (!(out.get(id) >= score)) { out.set(id, score); }
        });
      });
    })).then(function () { return out; });
  }
  // Whether a word of the text is one the term matches.
  function matcher(term, found) {
    var aliases = new Set(found.aliases);
    return function (w) {
      if (aliases.has(w) || (term.prefix && w.lastIndexOf(term.word, 0) === 0)) { return true; }
      return found.stems.some(function (s) {
        return w.lastIndexOf(s, 0) === 0 && Array.from(w).length - Array.from(s).length <= 4;
      });
    };
  }

  // The result line of an article: its entry in a docs/ file.
  function docOf(id) {
    var file = Math.floor(id / manifest.docs_per_file);
    var ids = manifest.ids[Math.floor(file / manifest.files_per_ids)];
    return load("ids/" + ids + ".json").then(function (names) {
      return load("docs/" + names[file % manifest.files_per_ids] + ".json");
    }).then(function (docs) { return docs[id % manifest.docs_per_file]; });
  }
  // The article with its text, taken from its own page (the index keeps no
  // copy of the bodies). DOMParser runs no script of the page it reads.
  var texts = {};
  function fullDoc(id) {
    return docOf(id).then(function (doc) {
      if (!texts[doc.url]) {
        texts[doc.url] = fetch(doc.url).then(function (r) {
          if (!r.ok) { throw new Error(doc.url + ": HTTP " + r.status); }
          return r.text();
        }).then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var body = ["[data-search-body]", ".article-body", "article", "main", "body"].map(function (css) {
            return page.querySelector(css);
          }).filter(Boolean)[0];
          return body ? body.textContent.replace(/\s+/g, " ").trim() : "";
        });
        texts[doc.url].catch(function () { delete texts[doc.url]; });
      }
      return texts[doc.url].then(function (text) {
        return { title: doc.title, url: doc.url, date: doc.date, shown: doc.shown, authors: doc.authors, text: text };
      });
    });
  }
  function hasPhrase(doc, phrase) {
    return [doc.title, doc.text].some(function (text) {
      var t = tokens(text);
      for (var i = 0; i + phrase.length <= t.length; i++) {
        var all = true;
        for (var k = 0; k < phrase.length && all; k++) { all = phrase[k](t[i + k].w); }
        if (all) { return true; }
      }
      return false;
    });
  }

  var facetData = null;
  function facets() {
    if (facetData) { return Promise.resolve(facetData); }
    return load("facets/" + manifest.facets + ".json").then(function (f) {
      var of = { tag: new Map(), author: new Map() };
      [["tag", f.tags], ["author", f.authors]].forEach(function (kind) {
        kind[1].forEach(function (pair) {
          decode(pair[1], false).ids.forEach(function (id) {
            if (!of[kind[0]].has(id)) { of[kind[0]].set(id, []); }
            of[kind[0]].get(id).push(pair[0]);
          });
        });
      });
      facetData = of;
      return of;
    });
  }
  function yearOf(id) {
    var y = manifest.years;
    var found = y.length ? y[0][0] : "";
    for (var i = 0; i < y.length && y[i][1] <= id; i++) { found = y[i][0]; }
    return found;
  }
  function valuesOf(kind, id) {
    if (kind === "year") { return [yearOf(id)]; }
    return facetData[kind].get(id) || [];
  }

  // ---- the state in the URL ----
  function readState() {
    var p = new URLSearchParams(window.location.search);
    return {
      q: p.get("q") || "",
      tag: p.get("tag") || "",
      author: p.get("author") || "",
      year: p.get("year") || "",
      sort: p.get("sort") || "",
      page: Math.max(1, parseInt(p.get("page"), 10) || 1)
    };
  }
  var state = readState();
  function writeState(push) {
    var url = new URL(window.location.href);
    ["q", "tag", "author", "year", "sort"].forEach(function (k) {
      if (state[k]) { url.searchParams.set(k, state[k]); } else { url.searchParams.delete(k); }
    });
    if (state.page > 1) { url.searchParams.set("page", state.page); } else { url.searchParams.delete("page"); }
    if (url.href !== window.location.href) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  // ---- searching ----
  function run() {
    var ticket = ++latest;
    var parsed = parse(state.q);
    if (parsed.terms.length === 0) {
      clear(state.q.trim() ? "Type at least two letters." : "");
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    var found;
    return loadManifest()
      .then(function () { return Promise.all(parsed.terms.map(stemsOf)); })
      .then(function (f) {
        found = f;
        return Promise.all(found.map(scores).concat([facets()]));
      })
      .then(function (maps) {
        maps.pop();
        var matches = intersect(maps);
        var match = parsed.terms.map(function (t, i) { return matcher(t, found[i]); });
        var phrases = parsed.phrases.map(function (ph) {
          return ph.map(function (t) { return match[parsed.terms.indexOf(t)]; });
        });
        return checkPhrases(rank(matches), phrases).then(function (checked) {
          if (ticket !== latest) { return; }
          return show(checked, match, ticket);
        });
      })
      .catch(function (e) {
        if (ticket === latest) { clear("The search index could not be loaded (" + e.message + ")."); }
      });
  }
  function intersect(maps) {
    maps.sort(function (a, b) { return a.size - b.size; });
    var out = [];
    maps[0].forEach(function (score, id) {
      var total = score;
      for (var i = 1; i < maps.length; i++) {
        var s = maps[i].get(id);
        if (s === undefined) { return; }
        total += s;
      }
      out.push({ id: id, score: total });
    });
    return out;
  }
  function rank(matches) {
    return matches.sort(function (a, b) { return b.score - a.score || b.id - a.id; });
  }
  // Keeps the candidates whose text holds every phrase, best first; only
  // the first CHECK_PHRASES are fetched and checked.
  function checkPhrases(ranked, phrases) {
    if (phrases.length === 0) { return Promise.resolve({ matches: ranked, more: false }); }
    var head = ranked.slice(0, CHECK_PHRASES);
    return Promise.all(head.map(function (m) { return fullDoc(m.id); })).then(function (docs) {
      var kept = head.filter(function (m, i) {
        return phrases.every(function (ph) { return hasPhrase(docs[i], ph); });
      });
      return { matches: kept, more: ranked.length > CHECK_PHRASES };
    });
  }

  function show(checked, match, ticket) {
    var filtered = checked.matches.filter(function (m) {
      return FACETS.every(function (f) {
        return !state[f[0]] || valuesOf(f[0], m.id).indexOf(state[f[0]]) >= 0;
      });
    });
    if (state.sort === "newest") { filtered.sort(function (a, b) { return b.id - a.id; }); }
    if (state.sort === "oldest") { filtered.sort(function (a, b) { return a.id - b.id; }); }
    var pages = Math.max(1, Math.ceil(filtered.length / PER_PAGE));
    state.page = Math.min(state.page, pages);
    var shown = filtered.slice((state.page - 1) * PER_PAGE, state.page * PER_PAGE);
    return Promise.all(shown.map(function (m) { return fullDoc(m.id); })).then(function (docs) {
      if (ticket !== latest) { return; }
      var focused = document.activeElement && document.activeElement.getAttribute("data-key");
      list.textContent = "";
      docs.forEach(function (doc) { list.appendChild(result(doc, match)); });
      drawFacets(filtered);
      drawPager(pages);
      status.textContent = summary(filtered.length, checked.more, pages);
      restoreFocus(focused);
    });
  }
  function summary(total, more, pages) {
    var what = "“" + state.q.trim() + "”";
    FACETS.forEach(function (f) { if (state[f[0]]) { what += ", " + f[1].toLowerCase() + " " + state[f[0]]; } });
    if (total === 0) { return "No stories match " + what + "."; }
    var count = (more ? "At least " : "") + total + (total === 1 ? " story matches " : " stories match ");
    return count + what + (pages > 1 ? "; page " + state.page + " of " + pages + "." : ".");
  }
  function clear(message) {
    list.textContent = "";
    facetBox.textContent = "";
    pager.textContent = "";
    status.textContent = message;
  }

  // ---- drawing (text nodes only) ----
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function result(doc, match) {
    var li = el("li", "search-result");
    var h = el("h2", "story-title");
    var a = el("a", "", doc.title);
    a.href = doc.url;
    h.appendChild(a);
    var meta = el("p", "story-meta");
    var time = el("time", "", doc.shown);
    time.setAttribute("datetime", doc.date);
    meta.appendChild(time);
    if (doc.authors.length) { meta.appendChild(document.createTextNode(" · " + doc.authors.join(", "))); }
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(excerpt(doc.text, match));
    return li;
  }
  // The stretch of text with the most different query words, marked.
  function excerpt(text, match) {
    var t = tokens(text);
    var hit = t.map(function (tok) {
      for (var i = 0; i < match.length; i++) { if (match[i](tok.w)) { return i; } }
      return -1;
    });
    var best = 0;
    var bestCount = -1;
    for (var s = 0; s < Math.max(1, t.length - EXCERPT_WORDS + 1); s++) {
      if (s > 0 && hit[s] < 0) { continue; }
      var seen = new Set(hit.slice(s, s + EXCERPT_WORDS).filter(function (h) { return h >= 0; }));
      if (seen.size > bestCount) { best = s; bestCount = seen.size; }
    }
    var from = Math.max(0, best - 5);
    var to = Math.min(t.length, from + EXCERPT_WORDS);
    var p = el("p", "story-summary search-excerpt");
    var at = from > 0 ? t[from].start : 0;
    if (from > 0) { p.appendChild(document.createTextNode("… ")); }
    for (var k = from; k < to; k++) {
      if (hit[k] < 0) { continue; }
      // Pairs of characters overlap: a mark starts where the last one ended.
      var from_ = Math.max(at, t[k].start);
      p.appendChild(document.createTextNode(text.slice(at, from_)));
      p.appendChild(el("mark", "", text.slice(from_, t[k].end)));
      at = t[k].end;
    }
    var end = to < t.length ? t[to - 1].end : text.length;
    p.appendChild(document.createTextNode(text.slice(at, end) + (to < t.length ? " …" : "")));
    return p;
  }
  function drawFacets(matches) {
    facetBox.textContent = "";
    FACETS.forEach(function (f) {
      var counts = new Map();
      matches.forEach(function (m) {
        valuesOf(f[0], m.id).forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
      });
      var values = Array.from(counts.keys()).sort(function (a, b) {
        return counts.get(b) - counts.get(a) || (a < b ? -1 : 1);
      }).slice(0, 8);
      if (state[f[0]] && values.indexOf(state[f[0]]) < 0) { values.unshift(state[f[0]]); }
      if (values.length === 0) { return; }
      var box = el("fieldset", "search-facet");
      box.appendChild(el("legend", "", f[1]));
      values.forEach(function (v) {
        var on = state[f[0]] === v;
        var b = el("button", "", v + " (" + (counts.get(v) || 0) + ")");
        b.type = "button";
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.setAttribute("data-key", f[0] + ":" + v);
        b.addEventListener("click", function () {
          state[f[0]] = on ? "" : v;
          state.page = 1;
          go(true);
        });
        box.appendChild(b);
      });
      facetBox.appendChild(box);
    });
  }
  function drawPager(pages) {
    pager.textContent = "";
    if (pages < 2) { return; }
    [["prev", "Previous page", state.page - 1], ["next", "Next page", state.page + 1]].forEach(function (b) {
      if (b[2] < 1 || b[2] > pages) { return; }
      var button = el("button", "", b[1]);
      button.type = "button";
      button.setAttribute("data-key", "page:" + b[0]);
      button.addEventListener("click", function () {
        state.page = b[2];
        go(true);
      });
      pager.appendChild(button);
    });
  }
  function restoreFocus(key) {
    if (!key) { return; }
    var again = document.querySelector("[data-key=\"" + CSS.escape(key) + "\"]");
    (again || list.querySelector("a") || input).focus();
  }

  function go(push) {
    writeState(push);
    return run();
  }
  function fromForm(push) {
    state.q = input.value;
    state.sort = sortBox ? sortBox.value : "";
    state.page = 1;
    go(push);
  }
  function fill() {
    input.value = state.q;
    if (sortBox) { sortBox.value = state.sort; }
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { fromForm(false); }, DEBOUNCE_MS);
  });
  if (sortBox) { sortBox.addEventListener("change", function () { fromForm(true); }); }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    fromForm(true);
  });
  window.addEventListener("popstate", function () {
    state = readState();
    fill();
    run();
  });
  fill();
  if (state.q) { run(); }
})();
