// The edition's files as the page holds them: each file's parsed value (edited
// in place, so its key order stays the file's), the text and hash it was opened
// with, and the undo history of unsaved changes.

/** @type {Map<string, {name:string, kind:string, hash:string, text:string, data:any, raw:string|null, saved:string}>} */
export const docs = new Map();
export const edition = { name: "", title: "", dir: "", parts: [], schemas: {} };

const listeners = new Set();
/** Called after every change to a file (name of the file). */
export function onChange(fn) { listeners.add(fn); }
function changed(name) { for (const fn of listeners) fn(name); }

/** A file as it was opened: parsed if it parses, else kept as raw text. */
export function openFile(f) {
  let data = null;
  let raw = null;
  try { data = JSON.parse(f.text); } catch { raw = f.text; }
  const original = data === null ? null : structuredClone(data);
  const doc = { name: f.name, kind: f.kind, hash: f.hash, text: f.text, data, raw, original, saved: "" };
  doc.saved = serialize(doc);
  docs.set(f.name, doc);
  return doc;
}

/** The text the page sends for a file: its value as JSON, or the raw text. */
export function serialize(doc) {
  return doc.raw !== null ? doc.raw : JSON.stringify(doc.data, null, 2) + "\n";
}

export function isDirty(doc) { return serialize(doc) !== doc.saved; }
export function dirtyDocs() { return [...docs.values()].filter(isDirty); }

// The statuses a target may take when edition.json names none (the model's
// DEFAULT_STATUSES; the schema's help names them too).
const DEFAULT_STATUSES = ["達成", "一部達成", "未達成"];

/** The choices of a field marked `x-values`: edition.json's list of that name, as edited. */
export function editionList(name) {
  const list = docs.get("edition.json")?.data?.[name];
  if (Array.isArray(list)) return list.filter((x) => typeof x === "string");
  return name === "statuses" ? DEFAULT_STATUSES : [];
}

// JSON pointers (RFC 6901).
export function tokens(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}
export function join(pointer, key) {
  return pointer + "/" + String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}
export function parent(pointer) { return pointer.slice(0, Math.max(0, pointer.lastIndexOf("/"))); }
export function under(pointer, base) { return pointer === base || pointer.startsWith(base + "/"); }

/** The value at `pointer` in `value` (undefined when absent). */
export function get(value, pointer) {
  let v = value;
  for (const t of tokens(pointer)) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, t)) return undefined;
    v = v[t];
  }
  return v;
}

/** Whether the file as opened held `pointer` (so removing it keeps a null). */
export function hadKey(doc, pointer) {
  return get(doc.original, pointer) !== undefined;
}

// Undo: the file's text before each change; typing in one field coalesces.
const history = [];
let lastKey = null;
let lastAt = 0;

/** Record the state of `doc` before a change. `key` coalesces a run of typing. */
export function remember(doc, key = null) {
  const now = Date.now();
  if (key && key === lastKey && now - lastAt < 2000) { lastAt = now; return; }
  history.push({ name: doc.name, text: serialize(doc) });
  if (history.length > 500) history.shift();
  lastKey = key;
  lastAt = now;
}

/** After an edit of `doc`: listeners (form, checks, dirty marks) run. */
export function touch(doc) { changed(doc.name); }

export function canUndo() { return history.some((h) => docs.has(h.name)); }

/** Undo the last change; returns the file's name or null. */
export function undo() {
  const h = history.pop();
  lastKey = null;
  if (!h) return null;
  const doc = docs.get(h.name);
  if (!doc) return null;
  if (doc.raw !== null) doc.raw = h.text;
  else doc.data = JSON.parse(h.text);
  changed(doc.name);
  return doc.name;
}

/** Forget the history of a file (after it was reloaded from disk). */
export function forget(name) {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].name === name) history.splice(i, 1);
  lastKey = null;
}

/** Set (or, with `undefined`, remove) the value at `pointer` inside `doc`. */
export function put(doc, pointer, value) {
  const ts = tokens(pointer);
  if (!ts.length) { doc.data = value; return; }
  const last = ts.pop();
  const holder = get(doc.data, ts.length ? "/" + ts.map((t) => t.replace(/~/g, "~0").replace(/\//g, "~1")).join("/") : "");
  if (holder === null || typeof holder !== "object") return;
  if (value === undefined) {
    if (Array.isArray(holder)) holder.splice(Number(last), 1);
    else delete holder[last];
  } else {
    holder[last] = value;
  }
}
