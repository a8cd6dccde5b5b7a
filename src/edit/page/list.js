// Arrays: each item in its own group with 上へ・下へ・削除, and 追加 at the end
// (one button per kind of item for a union: 文章, 箇条書き, 表…). Arrays that
// print as tables go to table.js.

import { h, idFor } from "./dom.js";
import { get, join } from "./state.js";
import { resolve, variants, variantLabel, blank, typeOf } from "./schema.js";
import { renderValue, notes, edit } from "./form.js";
import { tabular, renderTable } from "./table.js";

/** The name of one item: the items' own title, else the array's label. */
export function itemName(ctx, p) {
  const items = resolve(ctx.root, p.schema.items || {});
  return items.title && !variants(ctx.root, items) ? items.title : p.label;
}

/** Append `value` to the array at p.pointer (creating the array if absent). */
export function append(ctx, p, value) {
  const list = get(ctx.doc.data, p.pointer);
  const at = Array.isArray(list) ? list.length : 0;
  if (Array.isArray(list)) edit(ctx, join(p.pointer, at), value);
  else edit(ctx, p.pointer, [value]);
  return at;
}

/** Move item i by `by` (±1); returns the new index or null. */
export function move(ctx, p, i, by) {
  const list = get(ctx.doc.data, p.pointer);
  const j = i + by;
  if (!Array.isArray(list) || j < 0 || j >= list.length) return null;
  const copy = list.slice();
  [copy[i], copy[j]] = [copy[j], copy[i]];
  edit(ctx, p.pointer, copy);
  return j;
}

export function remove(ctx, p, i) {
  edit(ctx, join(p.pointer, i), undefined);
}

/** Renumber the items' `number` fields 1, 2, 3… (after reordering). */
export function renumberButton(ctx, p, name) {
  const list = Array.isArray(p.value) ? p.value : [];
  const items = resolve(ctx.root, p.schema.items || {});
  const numbered = typeOf(items) === "object" && items.properties?.number;
  if (!numbered || list.length < 2) return null;
  return h("button", {
    type: "button", class: "quiet", id: idFor(ctx.doc.name, p.pointer, "renumber"),
    onclick: () => {
      const copy = list.map((x, i) => (x && typeof x === "object" && "number" in x ? { ...x, number: i + 1 } : x));
      // Keep each item's key order: replace values in place on copies.
      edit(ctx, p.pointer, copy);
      ctx.rerender(idFor(ctx.doc.name, p.pointer, "renumber"));
    },
  }, `${name}の番号を 1 から振り直す`);
}

export function renderArray(ctx, host, p) {
  if (tabular(ctx.root, p.schema, p.value)) return renderTable(ctx, host, p);
  const list = Array.isArray(p.value) ? p.value : [];
  const itemSchema = p.schema.items || {};
  const name = itemName(ctx, p);
  const box = h("fieldset", { class: "array", dataset: { pointer: p.pointer } }, h("legend", {}, p.label));
  box.append(...notes(ctx, p.pointer, p.schema["x-help"]));
  const ol = h("ol", { class: "items" });
  list.forEach((v, i) => {
    const pointer = join(p.pointer, i);
    const scalar = v === null || typeof v !== "object";
    const li = h("li", { class: scalar ? "item scalar" : "item", dataset: { pointer } });
    if (scalar) li.append(h("span", { class: "idx", "aria-hidden": "true" }, String(i + 1)));
    const itemLabel = `${name} ${i + 1}`;
    renderValue(ctx, li, { pointer, schema: itemSchema, value: v, label: itemLabel, inArray: true, name: p.name });
    li.append(itemTools(ctx, p, i, list.length, itemLabel, scalar));
    ol.append(li);
  });
  if (list.length) box.append(ol);
  else box.append(h("p", { class: "muted" }, "まだありません。"));
  const tools = h("p", { class: "add-tools" });
  const alts = variants(ctx.root, resolve(ctx.root, itemSchema));
  (alts || [itemSchema]).forEach((v, k) => {
    tools.append(h("button", {
      type: "button", id: k ? idFor(ctx.doc.name, p.pointer, `add${k}-`) : idFor(ctx.doc.name, p.pointer, "add"),
      onclick: () => {
        const i = append(ctx, p, blank(ctx.root, v, list));
        ctx.rerender(null);
        ctx.focusIn(join(p.pointer, i));
      },
    }, alts ? `＋ ${name}（${variantLabel(v)}）を追加` : `＋ ${name}を追加`));
  });
  const renumber = renumberButton(ctx, p, name);
  if (renumber) tools.append(renumber);
  box.append(tools);
  host.append(box);
}

/** 上へ・下へ・削除 for item i of n. */
export function itemTools(ctx, p, i, n, itemLabel, compact = false) {
  const pointer = join(p.pointer, i);
  const id = (role, k = i) => idFor(ctx.doc.name, join(p.pointer, k), role);
  const go = (by, role) => {
    const j = move(ctx, p, i, by);
    if (j === null) return;
    const edge = (role === "up" && j === 0) || (role === "down" && j === n - 1);
    ctx.rerender(id(edge ? (role === "up" ? "down" : "up") : role, j));
  };
  return h("div", { class: "row-tools", role: "group", "aria-label": `${itemLabel}の操作` },
    h("button", { type: "button", class: "quiet", id: id("up"), disabled: i === 0,
      "aria-label": `${itemLabel}を上へ`, onclick: () => go(-1, "up") }, compact ? "↑" : "↑ 上へ"),
    h("button", { type: "button", class: "quiet", id: id("down"), disabled: i === n - 1,
      "aria-label": `${itemLabel}を下へ`, onclick: () => go(1, "down") }, compact ? "↓" : "↓ 下へ"),
    h("button", { type: "button", class: "quiet danger", id: id("del"),
      "aria-label": `${itemLabel}を削除`, dataset: { pointer },
      onclick: () => {
        remove(ctx, p, i);
        const next = i < n - 1 ? id("del", i) : (i > 0 ? id("del", i - 1) : idFor(ctx.doc.name, p.pointer, "add"));
        ctx.rerender(next);
      } }, "削除"));
}
