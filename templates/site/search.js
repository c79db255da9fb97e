/* Search over every briefing's summary sentences and article titles, in the browser, with no
   request leaving the site. The index is search-index.json, or search-index.js from file://
   where browsers refuse fetch(). Results are built from DOM nodes and textContent only: the
   text is article text and must never be parsed as markup. */
(function () {
  "use strict";
  var SHOWN = 100;
  var KINDS = { s: "Summary", a: "Article" };
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) { return; }
  var index = null;
  var folded = null;
  var WORD = /[\p{L}\p{N}]/u;

  // Case and accents do not matter; `origin` maps each folded character back to the original.
  function fold(text) {
    var out = "";
    var origin = [];
    var position = 0;
    for (var ch of text) {
      var piece = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      for (var i = 0; i < piece.length; i++) { origin.push(position); }
      out += piece;
      position += ch.length;
    }
    origin.push(position);
    return { text: out, origin: origin };
  }

  function terms(query) {
    return fold(query).text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Where `term` starts a word in `text`: "talk" finds "talks", not "stalk".
  function wordStarts(text, term) {
    var found = [];
    var at = text.indexOf(term);
    while (at !== -1) {
      if (at === 0 || !WORD.test(text.charAt(at - 1))) { found.push(at); }
      at = text.indexOf(term, at + 1);
    }
    return found;
  }

  function search(query) {
    var wanted = terms(query);
    if (!wanted.length) { return { terms: wanted, hits: [] }; }
    var phrase = wanted.join(" ");
    var hits = [];
    for (var n = 0; n < index.entries.length; n++) {
      var text = folded[n].text;
      var score = 0;
      var ranges = [];
      for (var t = 0; t < wanted.length; t++) {
        var starts = wordStarts(text, wanted[t]);
        if (!starts.length) { score = 0; break; }
        score += starts.length;
        for (var s = 0; s < starts.length; s++) { ranges.push([starts[s], starts[s] + wanted[t].length]); }
      }
      if (score) {
        if (wanted.length > 1 && text.indexOf(phrase) !== -1) { score += wanted.length; }  // the words together
        if (index.entries[n][1] === "a") { score += 0.5; }
        hits.push({ entry: n, score: score, ranges: ranges });
      }
    }
    // Best first; among equals, the newer briefing (the index lists digests newest first).
    hits.sort(function (a, b) {
      return b.score - a.score || index.entries[a.entry][0] - index.entries[b.entry][0] || a.entry - b.entry;
    });
    return { terms: wanted, hits: hits };
  }

  function highlighted(n, ranges) {
    var original = index.entries[n][3];
    var origin = folded[n].origin;
    var fragment = document.createDocumentFragment();
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var done = 0;
    ranges.forEach(function (range) {
      var start = origin[range[0]];
      var end = origin[range[1]];
      if (start < done) { start = done; }
      if (end <= start) { return; }
      fragment.appendChild(document.createTextNode(original.slice(done, start)));
      var mark = document.createElement("mark");
      mark.textContent = original.slice(start, end);
      fragment.appendChild(mark);
      done = end;
    });
    fragment.appendChild(document.createTextNode(original.slice(done)));
    return fragment;
  }

  function show(query) {
    var result = search(query);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!result.terms.length) { status.textContent = "Type words to find in every briefing."; return; }
    var count = result.hits.length;
    var quoted = "\u201c" + query.trim() + "\u201d";
    status.textContent = count === 0 ? "No results for " + quoted + "."
      : (count === 1 ? "1 result" : count + " results") + " for " + quoted
        + (count > SHOWN ? "; the best " + SHOWN + " are shown." : ".");
    result.hits.slice(0, SHOWN).forEach(function (hit) {
      var entry = index.entries[hit.entry];
      var digest = index.digests[entry[0]];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = digest.url + "#" + entry[4];
      link.appendChild(highlighted(hit.entry, hit.ranges));
      var meta = document.createElement("span");
      meta.className = "result-meta";
      meta.textContent = digest.label + " \u00b7 " + (index.tracks[entry[2]] || entry[2]) + " \u00b7 " + KINDS[entry[1]];
      item.appendChild(meta);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function remember(query) {
    try {
      history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    } catch (error) { /* some file:// setups refuse it; the results are shown all the same */ }
  }

  function loadScript() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = "search-index.js";
      script.onload = function () {
        if (window.digestSearchIndex) { resolve(window.digestSearchIndex); } else { reject(new Error("empty index")); }
      };
      script.onerror = function () { reject(new Error("search-index.js could not be loaded")); };
      document.head.appendChild(script);
    });
  }

  function loadIndex() {
    if (window.digestSearchIndex) { return Promise.resolve(window.digestSearchIndex); }
    if (location.protocol === "file:") { return loadScript(); }
    return fetch("search-index.json").then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).catch(loadScript);
  }

  var timer = null;
  input.addEventListener("input", function () {
    if (!index) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); remember(input.value.trim()); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!index) { return; }
    clearTimeout(timer);
    show(input.value);
    remember(input.value.trim());
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  status.textContent = "Loading the index\u2026";
  loadIndex().then(function (data) {
    index = data;
    folded = index.entries.map(function (entry) { return fold(entry[3]); });
    document.documentElement.setAttribute("data-search-ready", String(index.entries.length));
    show(input.value);
  }, function (error) {
    status.textContent = "The search index could not be loaded (" + error.message + ").";
  });
}());
