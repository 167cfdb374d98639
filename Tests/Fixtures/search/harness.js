// Runs Templates/assets/search.js in Node against a small stand-in for the search page's DOM and
// prints what a reader would see as JSON. Used by SearchScriptTests; no browser needed.
// Usage: node harness.js SCRIPT INDEX_JSON LOCATION_QUERY KEYSTROKES...
"use strict";
const fs = require("fs");
const [script, indexPath, search, ...keystrokes] = process.argv.slice(2);

class Element {
  constructor(tag, attributes = {}) {
    this.tagName = tag.toUpperCase();
    this.attributes = attributes;
    this.children = [];
    this.text = "";
    this.listeners = {};
  }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  set textContent(text) { this.text = String(text); this.children = []; }
  get textContent() { return this.text + this.children.map((child) => child.textContent).join(""); }
  appendChild(child) { this.children.push(child); return child; }
  replaceChildren(...children) { this.children = children; this.text = ""; }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  dispatch(type, event = {}) { for (const listener of this.listeners[type] || []) listener(event); }
  descendants() { return this.children.flatMap((child) => [child, ...child.descendants()]); }
  querySelectorAll(tag) { return this.descendants().filter((element) => element.tagName === tag.toUpperCase()); }
  querySelector(tag) { return this.querySelectorAll(tag)[0] || null; }
  focus() { document.activeElement = this; }
}

const status = new Element("p", {
  "data-no-results": "none", "data-failed": "failed", "data-one": "1 found", "data-count": "%d found", "data-shown": "first %d",
});
const elements = {
  "search-form": new Element("form"), "search-input": new Element("input"),
  "search-results": new Element("ol", { "data-index": "/search-index.json" }), "search-status": status,
};
const document = {
  activeElement: null,
  getElementById: (id) => elements[id] || null,
  createElement: (tag) => new Element(tag),
  addEventListener: () => {},
};
let fetches = 0;
const pending = [];
const location = new URL("http://127.0.0.1/search/" + search);
global.document = document;
global.window = {
  location,
  history: { replaceState: (_, __, url) => { window.location = new URL(String(url)); } },
};
// The index arrives only when the test says so, after every keystroke: the slow network case.
global.fetch = () => {
  fetches += 1;
  return new Promise((resolve) => pending.push(() => resolve({ ok: true, json: () => JSON.parse(fs.readFileSync(indexPath, "utf8")) })));
};
require(script);

const input = elements["search-input"];
const typed = input.value;
for (const text of keystrokes) {
  input.value = text;
  input.dispatch("input");
}
setTimeout(() => {
  pending.forEach((resolve) => resolve());
  setTimeout(() => {
    const list = elements["search-results"];
    process.stdout.write(JSON.stringify({
      fetches,
      valueOnLoad: typed,
      url: window.location.search,
      status: status.textContent,
      titles: list.querySelectorAll("a").map((link) => link.textContent),
      dates: list.querySelectorAll("time").map((time) => time.textContent),
    }));
  }, 10);
}, 10);
