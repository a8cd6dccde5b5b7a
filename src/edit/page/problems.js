// Problems from `planpress check`'s own checks (POST /api/check with the files
// not yet saved), shown beside their fields, counted per part and listed in a
// summary announced to screen readers. Nothing here touches an input's value,
// and nothing is redrawn while an IME composition is under way.

import { h, idFor, composing } from "./dom.js";
import { dirtyDocs, serialize, under, parent } from "./state.js";
import * as api from "./api.js";

export let problems = [];
let timer = 0;
let asked = 0;
let pending = false;

const severityText = (p) => (p.severity === "warning" ? "注意" : "要修正");

/** Check again after a pause in typing. */
export function schedule(ctx, delay = 400) {
  clearTimeout(timer);
  timer = setTimeout(() => run(ctx), delay);
}

export async function run(ctx) {
  if (composing) { schedule(ctx); return; }
  const files = Object.fromEntries(dirtyDocs().map((d) => [d.name, serialize(d)]));
  const n = ++asked;
  const { status, body } = await api.check(files);
  if (n !== asked) return; // a newer check is on its way
  if (status !== 200) {
    document.getElementById("summary-count").textContent = `確認できませんでした: ${body?.message || status}`;
    return;
  }
  problems = body.problems || [];
  // A department added or renamed in the page is listed at once.
  if (Array.isArray(body.parts) && JSON.stringify(body.parts) !== JSON.stringify(ctx.parts)) ctx.setParts(body.parts);
  show(ctx);
}

/** Problems known already (the edition's answer carries them). */
export function set(ctx, list) {
  problems = list;
  show(ctx);
}

/** The part a problem belongs to: same file, the longest pointer holding it. */
export function partOf(parts, file, pointer) {
  let best = null;
  for (const p of parts) {
    if (p.file !== file || !under(pointer || "", p.pointer)) continue;
    if (!best || p.pointer.length > best.pointer.length) best = p;
  }
  return best;
}

/** Draw the problems (deferred while composing, so no field is disturbed). */
export function show(ctx) {
  if (composing) { pending = true; return; }
  pending = false;
  beside(ctx);
  summary(ctx);
  counts(ctx);
}
export function flush(ctx) { if (pending) show(ctx); }

function beside(ctx) {
  const form = document.getElementById("form");
  for (const el of form.querySelectorAll(".problem")) el.replaceChildren();
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  if (!ctx.doc) return;
  for (const pr of problems) {
    if (pr.file !== ctx.doc.name) continue;
    let pointer = pr.pointer || "";
    let box = document.getElementById(idFor(ctx.doc.name, pointer, "p"));
    while (!box && pointer) { pointer = parent(pointer); box = document.getElementById(idFor(ctx.doc.name, pointer, "p")); }
    if (!box) continue;
    // Shown at an enclosing value (its own field is in another part or not drawn): name the item.
    const where = pointer !== (pr.pointer || "") && pr.item ? `${pr.item}　` : "";
    box.append(h("p", { class: pr.severity === "warning" ? "warn" : "err" },
      h("strong", {}, `${severityText(pr)}: `), where + pr.message));
    const input = document.getElementById(idFor(ctx.doc.name, pointer));
    if (input && pr.severity !== "warning") input.setAttribute("aria-invalid", "true");
  }
}

function summary(ctx) {
  const errors = problems.filter((p) => p.severity !== "warning").length;
  const warnings = problems.length - errors;
  const count = document.getElementById("summary-count");
  const text = problems.length
    ? `この版の問題: 要修正 ${errors} 件・注意 ${warnings} 件（保存はできます。公開版のPDFは要修正がなくなってから作れます）`
    : "問題はありません。";
  if (count.textContent !== text) count.textContent = text;
  count.className = "count " + (errors ? "has-errors" : warnings ? "has-warnings" : "ok");
  const list = document.getElementById("summary-list");
  list.replaceChildren(...problems.map((pr) => h("li", { class: pr.severity === "warning" ? "warn" : "err" },
    h("button", { type: "button", class: "link", onclick: () => ctx.goto(pr.file, pr.pointer) },
      `${severityText(pr)}: ${pr.item ? pr.item + "　" : ""}${pr.message}`),
    h("span", { class: "muted" }, `（${pr.file}）`))));
  document.getElementById("summary-details").hidden = !problems.length;
}

function counts(ctx) {
  const per = new Map();
  for (const pr of problems) {
    const part = partOf(ctx.parts, pr.file, pr.pointer);
    if (part) per.set(part.id, (per.get(part.id) || 0) + 1);
  }
  for (const el of document.querySelectorAll("#parts [data-part]")) {
    const n = per.get(el.dataset.part) || 0;
    const badge = el.querySelector(".badge");
    badge.textContent = n ? `問題 ${n}` : "";
    badge.hidden = !n;
  }
}
