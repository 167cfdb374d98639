// Broadsheet's search page: loads search-index.json once and matches every word of the query
// against title, summary, section and tags, ignoring case and Vietnamese diacritics. No library.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;
  // More results than this are counted but not shown: a one-letter query matches the whole site.
  var shownAtMost = 50;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  // One promise shared by every keystroke: typing before the index arrives must not start a
  // fetch per key (each used to append its own results when it landed).
  var index = null;
  function load() {
    if (!index) {
      index = fetch(list.getAttribute("data-index"))
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          return data.map(function (entry) {
            entry.haystack = fold([entry.title, entry.summary, entry.section, (entry.tags || []).join(" ")].join(" "));
            return entry;
          });
        });
      index.catch(function () { index = null; });
    }
    return index;
  }

  // `2021-11-30T22:58:00+07:00` → `30/11/2021`: the day in the article's own offset, as every
  // other page prints it.
  function dayText(iso) {
    return iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4);
  }

  function countText(count) {
    var text = count === 1 ? status.getAttribute("data-one") : status.getAttribute("data-count").replace("%d", count);
    if (count > shownAtMost) text += " " + status.getAttribute("data-shown").replace("%d", shownAtMost);
    return text;
  }

  function item(entry) {
    var li = document.createElement("li");
    var meta = document.createElement("p");
    meta.className = "card-meta";
    if (entry.section) {
      var section = document.createElement("span");
      section.className = "kicker";
      section.textContent = entry.section;
      meta.appendChild(section);
    }
    var time = document.createElement("time");
    time.className = "date";
    time.dateTime = entry.date;
    time.textContent = dayText(entry.date);
    meta.appendChild(time);
    var title = document.createElement("h2");
    title.className = "card-title";
    var link = document.createElement("a");
    link.href = entry.url;
    link.textContent = entry.title;
    title.appendChild(link);
    li.appendChild(meta);
    li.appendChild(title);
    if (entry.summary) {
      var summary = document.createElement("p");
      summary.className = "card-summary";
      summary.textContent = entry.summary;
      li.appendChild(summary);
    }
    return li;
  }

  // Each query gets a number; results that arrive after a newer query started are dropped, so
  // what is shown always belongs to what is in the box, and is shown once.
  var latest = 0;
  function show(query) {
    var asked = ++latest;
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    load().then(function (all) {
      if (asked !== latest) return;
      var found = all.filter(function (entry) {
        return words.every(function (word) { return entry.haystack.indexOf(word) >= 0; });
      });
      list.replaceChildren.apply(list, found.slice(0, shownAtMost).map(item));
      status.textContent = found.length ? countText(found.length) : status.getAttribute("data-no-results");
    }, function () {
      if (asked === latest) status.textContent = status.getAttribute("data-failed");
    });
  }

  // The query lives in the address (`?q=`), so a search can be bookmarked, shared and reloaded.
  function remember(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  status.textContent = "";
  show(input.value);
  input.addEventListener("input", function () {
    remember(input.value);
    show(input.value);
  });
  // Enter keeps the page (results are already shown) and goes to the first result.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  // Arrow keys move between the box and the results; Escape goes back to the box.
  document.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      if (at + 1 < links.length) links[at + 1].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at > 0 ? links[at - 1] : input).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && at >= 0) {
      input.focus();
    }
  });
})();
