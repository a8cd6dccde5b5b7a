// planpress edit: the page. Loads the edition, lists its parts as the printed
// document names them, shows the chosen part's form, and saves, undoes, checks
// and makes files through the local server. Contract: EDITOR.md (issue 24).

import { h, idFor, composing, setComposing } from "./dom.js";
import * as state from "./state.js";
import * as api from "./api.js";
import * as problems from "./problems.js";
import * as preview from "./preview.js";
import { at } from "./schema.js";
import { renderPart } from "./form.js";
import { saveAll, reload, makeFile, notify } from "./actions.js";

const $ = (id) => document.getElementById(id);

/** What the form modules share: the part on screen and how to act on the page. */
export const ctx = {
  doc: null, part: null, parts: [], root: {},
  schemaAt(pointer) { return at(this.root, this.root, this.doc.data, pointer, state.tokens); },
  partAt(pointer) { return this.parts.find((p) => p.file === this.doc.name && p.pointer === pointer && p !== this.part) || null; },
  open(part, pointer) { location.hash = encodeURIComponent(part.id); select(part, pointer); },
  /** New parts (from a check of the unsaved files): the list is redrawn, the form is not. */
  setParts(parts) {
    this.parts = parts;
    this.part = parts.find((p) => p.id === this.part?.id) || this.part;
    nav();
  },
  rerender, announce, goto, notify: (...a) => notify(...a),
  /** Focus the first field of the value at `pointer` in the form. */
  focusIn(pointer) {
    const box = document.querySelector(`#form [data-pointer="${CSS.escape(pointer)}"]`);
    const el = box?.matches("input, textarea, select") ? box : box?.querySelector("input, textarea, select, button");
    if (el) { el.focus({ preventScroll: true }); el.scrollIntoView({ block: "nearest" }); }
  },
};

function announce(text) {
  const el = $("announce");
  el.textContent = "";
  setTimeout(() => { el.textContent = text; }, 50);
}

async function load() {
  const { status: code, body } = await api.getEdition();
  if (code !== 200) {
    $("form").replaceChildren(h("p", { class: "err" }, body?.message || `版を読めませんでした（${code}）。`));
    return;
  }
  Object.assign(state.edition, body);
  for (const f of body.files) state.openFile(f);
  ctx.parts = body.parts;
  const own = state.docs.get("edition.json")?.data;
  const title = body.title || (typeof own?.title === "string" && own.title) || body.edition;
  $("title").textContent = `${title}（${body.edition}）`;
  document.title = `編集: ${title}`;
  nav();
  const wanted = decodeURIComponent(location.hash.slice(1));
  select(ctx.parts.find((p) => p.id === wanted) || ctx.parts[0], null, false);
  if (Array.isArray(body.problems)) problems.set(ctx, body.problems);
  else problems.run(ctx);
  status();
}

/** The parts list: chapters and annexes, with each file's sub-parts under it by group. */
export function nav() {
  const top = ctx.parts.filter((p) => p.pointer === "");
  const item = (p) => h("li", {}, h("a", { href: `#${encodeURIComponent(p.id)}`, dataset: { part: p.id },
    onclick: (e) => { e.preventDefault(); ctx.open(p, null); } },
  h("span", { class: "name" }, p.label), h("span", { class: "badge", hidden: true })));
  const groups = [];
  for (const p of top) {
    let g = groups.at(-1);
    if (!g || g.name !== p.group) groups.push(g = { name: p.group, parts: [] });
    g.parts.push(p);
  }
  const lists = groups.map((g) => {
    const ul = h("ul", {}, ...g.parts.map((p) => {
      const li = item(p);
      const subs = ctx.parts.filter((s) => s.file === p.file && s.pointer !== "");
      const subgroups = [...new Set(subs.map((s) => s.group))];
      if (subs.length) {
        li.append(h("ul", { class: "sub" }, ...subgroups.map((name) => h("li", { class: "subgroup" },
          h("span", { class: "group-name" }, name), h("ul", {}, ...subs.filter((s) => s.group === name).map(item))))));
      }
      return li;
    }));
    return g.name ? h("section", { class: "group" }, h("h2", {}, g.name), ul) : ul;
  });
  $("parts").replaceChildren(h("h2", { class: "visually-hidden" }, "編集する部分"), ...lists);
  markCurrent();
}

function markCurrent() {
  for (const a of document.querySelectorAll("#parts a[data-part]")) {
    if (ctx.part && a.dataset.part === ctx.part.id) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

/** Show a part's form; focus the field at `pointer` (or the part's heading). */
export function select(part, pointer = null, focus = true) {
  if (!part) return;
  ctx.part = part;
  ctx.doc = state.docs.get(part.file);
  ctx.root = state.edition.schemas[ctx.doc?.kind] || {};
  markCurrent();
  draw();
  const target = pointer ? fieldFor(part.file, pointer) : $("part-title");
  if (focus && target) { target.focus(); target.scrollIntoView({ block: "center" }); }
  preview.schedule(ctx, part.file, pointer || part.pointer, 0);
}

function draw() {
  const form = $("form");
  if (!ctx.doc) { form.replaceChildren(h("p", {}, "このファイルはありません。")); return; }
  if (ctx.doc.raw !== null) rawForm(form);
  else renderPart(ctx, form);
  problems.show(ctx);
}

/** A file that does not parse: its text, editable, and a way back to the form. */
function rawForm(form) {
  const doc = ctx.doc;
  const area = h("textarea", { id: "raw", class: "json raw", rows: 20, spellcheck: "false", "aria-describedby": "raw-help" });
  area.value = doc.raw;
  area.addEventListener("input", (e) => {
    if (e.isComposing || composing) return;
    state.remember(doc, "raw");
    doc.raw = area.value;
    state.touch(doc);
  });
  const toForm = h("button", { type: "button", onclick: () => {
    try {
      doc.data = JSON.parse(doc.raw); doc.original = structuredClone(doc.data); doc.raw = null; draw();
    } catch (e) { notify("error", `まだ JSON として読めません: ${e.message}`); }
  } }, "フォームで編集する");
  form.replaceChildren(h("h2", { id: "part-title", tabindex: "-1" }, ctx.part.label),
    h("p", { id: "raw-help", class: "err" }, `${doc.name} は JSON として読めないため、文字のまま表示しています。括弧やカンマを直してから「フォームで編集する」を押してください。`),
    h("label", { for: "raw" }, `${doc.name} の内容`), area, h("p", {}, toForm),
    h("div", { class: "problem", id: idFor(doc.name, "", "p") }));
}

/** The input of (file, pointer), or of the nearest enclosing value shown. */
function fieldFor(file, pointer) {
  for (let p = pointer; ; p = state.parent(p)) {
    const el = document.getElementById(idFor(file, p)) || document.querySelector(`#form [data-pointer="${CSS.escape(p)}"] :is(input, textarea, select, button)`);
    if (el) return el;
    if (!p) return null;
  }
}

/** Open the part holding (file, pointer) and focus its field. */
function goto(file, pointer) {
  const part = problems.partOf(ctx.parts, file, pointer || "");
  if (!part) {
    // A value of the city's common file (the common standards, principles,
    // policy): not this edition's to change here.
    if (file && file.endsWith("common.json")) {
      notify("info", `ここは市の共通の内容（${file}）に書かれています。共通の内容は、各区の版ではなく市の担当が直します。この区だけ言葉を変えるときは、その項目の「区で言い換える共通…」の欄に書いてください。`);
    }
    return;
  }
  if (part !== ctx.part) { location.hash = encodeURIComponent(part.id); select(part, pointer); return; }
  const el = fieldFor(file, pointer || "");
  if (el) { el.focus(); el.scrollIntoView({ block: "center" }); }
  preview.schedule(ctx, file, pointer, 0);
}

/** Redraw the form after a change of its structure, keeping the place. */
function rerender(focusId = null, selectText = false) {
  if (composing) return;
  const main = $("main");
  const top = main.scrollTop;
  const active = document.activeElement?.id;
  draw();
  main.scrollTop = top;
  const el = (focusId && document.getElementById(focusId)) || (active && document.getElementById(active));
  if (el) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
    if (selectText && el.select) el.select();
  }
}

/** The save and undo buttons and the unsaved-changes line. */
export function status() {
  const dirty = state.dirtyDocs();
  $("save").disabled = !dirty.length;
  $("undo").disabled = !state.canUndo();
  $("dirty").textContent = dirty.length ? `未保存の変更があります（${dirty.map((d) => d.name).join("、")}）` : "保存済み";
  $("dirty").classList.toggle("unsaved", dirty.length > 0);
}

function undo() {
  const name = state.undo();
  if (!name) return;
  if (ctx.doc && ctx.doc.name === name) rerender();
  announce("元に戻しました。");
}

state.onChange(() => {
  status();
  problems.schedule(ctx);
  const pointer = document.activeElement?.dataset?.pointer;
  if (ctx.part) preview.schedule(ctx, ctx.part.file, pointer || ctx.part.pointer, 80);
});

document.addEventListener("compositionstart", () => setComposing(true));
document.addEventListener("compositionend", () => {
  setComposing(false);
  problems.flush(ctx);
  problems.schedule(ctx);
});
document.addEventListener("focusin", (e) => {
  const p = e.target.dataset?.pointer;
  if (p !== undefined && e.target.closest("#form") && ctx.part) preview.schedule(ctx, ctx.part.file, p);
});
document.addEventListener("keydown", (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key.toLowerCase() === "s") { e.preventDefault(); saveAll(ctx); return; }
  const inText = e.target.closest?.("input, textarea, select, [contenteditable]");
  if (mod && !e.shiftKey && e.key.toLowerCase() === "z" && !inText) { e.preventDefault(); undo(); }
});
window.addEventListener("beforeunload", (e) => {
  if (state.dirtyDocs().length) { e.preventDefault(); e.returnValue = ""; }
});
window.addEventListener("hashchange", () => {
  const part = ctx.parts.find((p) => p.id === decodeURIComponent(location.hash.slice(1)));
  if (part && part !== ctx.part) select(part);
});
/** The printed page's column, hidden to give the form more room (remembered). */
function side(show) {
  document.querySelector(".layout").classList.toggle("no-side", !show);
  $("side").hidden = !show;
  $("side-toggle").setAttribute("aria-expanded", String(show));
  $("side-toggle").textContent = show ? "印刷イメージを隠す" : "印刷イメージを表示";
  try { localStorage.setItem("planpress-side", show ? "1" : "0"); } catch { /* private mode */ }
}
$("side-toggle").addEventListener("click", () => side($("side").hidden));
$("zoom").addEventListener("click", () => {
  const wide = document.querySelector(".layout").classList.toggle("wide-side");
  $("zoom").setAttribute("aria-pressed", String(wide));
});
try { if (localStorage.getItem("planpress-side") === "0") side(false); } catch { /* private mode */ }
$("save").addEventListener("click", () => saveAll(ctx));
$("undo").addEventListener("click", undo);
for (const b of document.querySelectorAll("[data-make]")) b.addEventListener("click", () => makeFile(ctx, b.dataset.make));
export { draw, reload };
load();
