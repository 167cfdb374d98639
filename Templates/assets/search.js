// Broadsheet's search page: loads search-index.json once and matches every word of the query
// against title, summary, section and tags, ignoring case and Vietnamese diacritics. No library.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  var entries = null;
  function load() {
    if (entries) return Promise.resolve(entries);
    return fetch(list.getAttribute("data-index")).then(function (response) { return response.json(); })
      .then(function (data) {
        entries = data.map(function (entry) {
          entry.haystack = fold([entry.title, entry.summary, entry.section, (entry.tags || []).join(" ")].join(" "));
          return entry;
        });
        return entries;
      });
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    load().then(function (all) {
      var found = all.filter(function (entry) {
        return words.every(function (word) { return entry.haystack.indexOf(word) >= 0; });
      }).slice(0, 50);
      status.textContent = found.length ? "" : status.getAttribute("data-no-results");
      found.forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.title;
        var meta = document.createElement("p");
        meta.className = "card-meta";
        meta.textContent = [entry.section, entry.date.slice(0, 10)].filter(Boolean).join(" · ");
        var summary = document.createElement("p");
        summary.className = "card-summary";
        summary.textContent = entry.summary;
        item.appendChild(meta);
        item.appendChild(link);
        item.appendChild(summary);
        list.appendChild(item);
      });
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  status.textContent = "";
  show(input.value);
  input.addEventListener("input", function () { show(input.value); });
})();
