/* Site search on the static Pagefind index (OUT/pagefind): works offline, under the page's CSP (a file, no inline
   script; the search page alone allows 'wasm-unsafe-eval' for Pagefind's WebAssembly). Results are announced in a
   polite live region ("3 Ergebnisse für „Hitze“"); excerpts are built as text nodes, the only markup kept is the
   <mark> around the words found. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = form.dataset.root || "";
  var engine = null;

  function load() {
    if (!engine) {
      engine = import(new URL(root + "pagefind/pagefind.js", document.baseURI).href).then(function (pf) {
        return Promise.resolve(pf.init && pf.init()).then(function () { return pf; });
      });
    }
    return engine;
  }

  function local(url) {
    // Pagefind gives site-absolute folder URLs ("/slug/"); the site may live in a sub-folder or on file:
    var path = url.replace(/^\//, "");
    return root + (path === "" || /\/$/.test(path) ? path + "index.html" : path);
  }

  function say(template, count, query) {
    return template.replace("{n}", String(count)).replace("{q}", query);
  }

  function excerpt(html) {
    // Pagefind's excerpt is our own escaped text with <mark> around hits: rebuild it without innerHTML
    var p = document.createElement("p");
    var parts = html.split(/(<mark>|<\/mark>)/);
    var marked = false;
    var holder = document.createElement("textarea");
    parts.forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      holder.innerHTML = part;                       // decodes entities; a textarea never runs or renders markup
      var text = document.createTextNode(holder.value);
      if (marked) { var m = document.createElement("mark"); m.appendChild(text); p.appendChild(m); }
      else p.appendChild(text);
    });
    return p;
  }

  function show(query, items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = local(item.url);
      a.textContent = (item.meta && item.meta.title) || item.url;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(excerpt(item.excerpt || ""));
      list.appendChild(li);
    });
    var n = items.length;
    status.textContent = say(n === 0 ? form.dataset.resultsNone : n === 1 ? form.dataset.resultsOne
      : form.dataset.resultsMany, n, query);
  }

  function run(query) {
    query = query.trim();
    if (!query) return;
    status.textContent = form.dataset.loading;
    load().then(function (pf) { return pf.search(query); }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (items) { show(query, items); }, function () {
      status.textContent = form.dataset.failed;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
  });
  var given = new URLSearchParams(window.location.search).get("q");
  if (given) { input.value = given; run(given); }
})();
