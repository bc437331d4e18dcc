// dateline search: finds stories in the index under /search/ as you type.
// No libraries, no external services. Words are normalised exactly as the
// site builder does it (src/search/text.rs); every word typed must match
// the start of a word of the story (AND), and results come newest first.
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
  var MAX_RESULTS = 50;
  var DEBOUNCE_MS = 150;
  var fold = {};
  FOLDS.forEach(function (f) {
    Array.from(f[0]).forEach(function (c) { fold[c] = f[1]; });
  });

  function words(text) {
    var lower = Array.from(text.toLowerCase()).map(function (c) {
      return fold[c] || c;
    }).join("");
    return lower.split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      var n = Array.from(w).length;
      return (n >= 2 && n <= 40) || (n === 1 && w.charCodeAt(0) > 127);
    });
  }

  function shardKey(word) {
    return Array.from(word).slice(0, 2).map(function (c) {
      return /^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  var form = document.querySelector("form[data-index]");
  if (!form) { return; }
  var base = form.getAttribute("data-index");
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var cache = {};
  var manifest = null;
  var shardSet = null;
  var latest = 0;
  var timer = null;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) { throw new Error(path + ": HTTP " + r.status); }
        return r.json();
      });
    }
    return cache[path];
  }

  function loadManifest() {
    return load("manifest.json").then(function (m) {
      manifest = m;
      shardSet = {};
      m.shards.forEach(function (k) { shardSet[k] = true; });
      return m;
    });
  }

  // Ids of every story with a word starting with `word`, ascending.
  function matches(word) {
    var key = shardKey(word);
    if (!shardSet[key]) { return Promise.resolve([]); }
    return load("index/" + key + ".json").then(function (shard) {
      var found = {};
      Object.keys(shard).forEach(function (w) {
        if (w.lastIndexOf(word, 0) !== 0) { return; }
        var id = 0;
        shard[w].forEach(function (d) { id += d; found[id] = true; });
      });
      return Object.keys(found).map(Number).sort(function (a, b) { return a - b; });
    });
  }

  function intersect(lists) {
    return lists.reduce(function (acc, ids) {
      var keep = {};
      ids.forEach(function (id) { keep[id] = true; });
      return acc.filter(function (id) { return keep[id]; });
    });
  }

  function docs(ids) {
    var per = manifest.per_shard;
    return Promise.all(ids.map(function (id) {
      return load("docs/" + Math.floor(id / per) + ".json").then(function (d) {
        return d[id % per];
      });
    }));
  }

  function show(query, total, found) {
    list.textContent = "";
    found.forEach(function (doc) {
      var li = document.createElement("li");
      li.className = "search-result";
      var h = document.createElement("h2");
      h.className = "story-title";
      var a = document.createElement("a");
      a.href = doc.url;
      a.textContent = doc.title;
      h.appendChild(a);
      var meta = document.createElement("p");
      meta.className = "story-meta";
      var time = document.createElement("time");
      time.setAttribute("datetime", doc.date);
      time.textContent = doc.shown;
      meta.appendChild(time);
      var p = document.createElement("p");
      p.className = "story-summary";
      p.textContent = doc.summary;
      li.appendChild(h);
      li.appendChild(meta);
      li.appendChild(p);
      list.appendChild(li);
    });
    var what = (total === 1 ? "1 story matches" : total + " stories match") + " “" + query + "”";
    status.textContent = total === 0 ? "No stories match “" + query + "”." :
      total > found.length ? what + "; the newest " + found.length + " are shown." : what + ".";
  }

  function search() {
    var query = input.value.trim();
    var terms = words(query);
    var ticket = ++latest;
    if (history.replaceState) {
      var url = new URL(window.location.href);
      if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
      history.replaceState(null, "", url);
    }
    if (terms.length === 0) {
      list.textContent = "";
      status.textContent = query ? "Type at least two letters." : "";
      return;
    }
    status.textContent = "Searching…";
    loadManifest()
      .then(function () { return Promise.all(terms.map(matches)); })
      .then(function (lists) {
        var ids = intersect(lists);
        return docs(ids.slice(0, MAX_RESULTS)).then(function (found) {
          if (ticket === latest) { show(query, ids.length, found); }
        });
      })
      .catch(function (e) {
        if (ticket === latest) { status.textContent = "The search index could not be loaded (" + e.message + ")."; }
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    search();
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search();
  }
})();
