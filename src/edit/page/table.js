// Arrays that print as tables (a department's targets, the roster, a table's
// rows) shown as rows of cells, with 上へ・下へ・削除 per row, and rows copied
// from Excel or Word (tab-separated text) pasted as rows.

import { h, idFor, composing } from "./dom.js";
import { get, join, parent, hadKey } from "./state.js";
import { resolve, unwrapNull, choices, typeOf, label, blank } from "./schema.js";
import { notes, edit, described } from "./form.js";
import { itemName, itemTools, append, renumberButton } from "./list.js";

const scalar = (v) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** The columns of an array of objects whose fields are all scalars, else null. */
function objectColumns(root, items) {
  if (typeOf(items) !== "object" || !items.properties) return null;
  const cols = [];
  for (const [key, s] of Object.entries(items.properties)) {
    if (key === "$schema") return null;
    const { schema, optional } = unwrapNull(root, s);
    const r = resolve(root, schema);
    if (r["x-form"] === "hidden") continue;
    const t = typeOf(r);
    if (!choices(r) && !["string", "integer", "number", "boolean"].includes(t)) return null;
    cols.push({ key, schema: r, optional: optional || !(items.required || []).includes(key),
      type: t, choices: choices(r), label: label(resolve(root, s), key) });
  }
  return cols;
}

/** Whether the array (schema, value) shows as a table: the schema says so
 * (`x-form: table`) and every row has a table's shape (else it is a list). */
export function tabular(root, schema, value) {
  if (schema["x-form"] !== "table") return false;
  const items = resolve(root, schema.items || {});
  const list = Array.isArray(value) ? value : [];
  const cols = objectColumns(root, items);
  if (cols) {
    return list.every((x) => x && typeof x === "object" && !Array.isArray(x)
      && Object.entries(x).every(([k, v]) => cols.some((c) => c.key === k) && scalar(v)));
  }
  const inner = resolve(root, items.items || {});
  return typeOf(items) === "array" && typeOf(inner) === "string"
    && list.every((r) => Array.isArray(r) && r.every((c) => typeof c === "string"));
}

/** The column headings of rows of strings: the nearest `columns` above them
 * (a roster group's rows lack the first column, which its `label` fills). */
function rowColumns(ctx, p, list) {
  let width = list.reduce((m, r) => Math.max(m, r.length), 0);
  const own = get(ctx.doc.data, parent(p.pointer));
  let heads = null;
  const named = p.schema["x-columns"];
  if (named) {
    const cols = named.startsWith("/") ? get(ctx.doc.data, named) : own?.[named];
    if (Array.isArray(cols)) heads = cols.slice(p.schema["x-columns-skip"] || 0).map(String);
  }
  for (let at = parent(p.pointer); heads === null; at = parent(at)) {
    const cols = get(ctx.doc.data, at)?.columns;
    if (Array.isArray(cols) && cols.every((c) => typeof c === "string")) {
      heads = cols.slice(at !== parent(p.pointer) && own && own.label !== undefined ? 1 : 0);
    }
    if (!at) break;
  }
  if (!width) width = heads ? heads.length : 1;
  width = Math.max(width, 1);
  return Array.from({ length: width }, (_, k) => ({
    key: k, type: "string", optional: false, schema: {},
    label: heads && heads.length === width ? heads[k] || `列${k + 1}` : `列${k + 1}`,
  }));
}

/** Tab-separated text (Excel quoting: "a""b", newlines inside quotes) as rows. */
export function parseTsv(text) {
  const rows = [[]];
  let cell = "";
  let quoted = false;
  let i = 0;
  text = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === "") { quoted = true; i++; continue; }
    if (c === "\t") { rows[rows.length - 1].push(cell); cell = ""; i++; continue; }
    if (c === "\n") { rows[rows.length - 1].push(cell); rows.push([]); cell = ""; i++; continue; }
    cell += c; i++;
  }
  rows[rows.length - 1].push(cell);
  return rows;
}

/** A cell's value as typed: numbers in number columns, empty as the file had it. */
function cellValue(ctx, col, pointer, text) {
  if (text === "") {
    if (typeof col.key === "number" || !col.optional) return "";
    return hadKey(ctx.doc, pointer) ? null : undefined;
  }
  if ((col.type === "integer" || col.type === "number") && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  if (col.choices) return (col.choices.find((c) => String(c.value) === text) || { value: text }).value;
  return text;
}

export function renderTable(ctx, host, p) {
  const list = Array.isArray(p.value) ? p.value : [];
  const items = resolve(ctx.root, p.schema.items || {});
  const cols = objectColumns(ctx.root, items) || rowColumns(ctx, p, list);
  const name = itemName(ctx, p);
  for (const col of cols) {
    col.long = col.type === "string" && !col.choices && col.schema["x-form"] === "paragraph";
    col.kind = col.long ? "c-long" : col.choices || col.type === "boolean" ? "c-choice"
      : col.type === "string" ? "c-short" : "c-num";
  }
  const box = h("fieldset", { class: "array table", dataset: { pointer: p.pointer } }, h("legend", {}, p.label));
  const pasteHelp = "Excel や Word の表をコピーしてセルに貼り付けると、そのセルから行として入ります（足りない行は追加されます）。";
  const own = p.schema["x-help"] || "";
  box.append(...notes(ctx, p.pointer, own.includes("貼り付け") ? `${own}（${pasteHelp}）` : [own, pasteHelp].filter(Boolean).join(" ")));
  const table = h("table", { class: "grid" },
    h("caption", { class: "visually-hidden" }, p.label),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", class: "no" }, "行"),
      ...cols.map((c) => h("th", { scope: "col", class: c.kind }, c.label)), h("th", { scope: "col", class: "tools" }, "操作"))));
  const body = h("tbody");
  list.forEach((row, i) => {
    const rowPointer = join(p.pointer, i);
    const rowLabel = `${name} ${i + 1}`;
    const tr = h("tr", { dataset: { pointer: rowPointer } }, h("th", { scope: "row", class: "no" }, String(i + 1)));
    cols.forEach((col, k) => tr.append(h("td", mergedRun(list, col, i) ? { class: "same-run" } : {},
      cell(ctx, p, list, cols, i, k, rowLabel), ...runNote(list, col, i))));
    const tools = itemTools(ctx, p, i, list.length, rowLabel, true);
    tr.append(h("td", { class: "tools" }, tools, ...notes(ctx, rowPointer, "")));
    body.append(tr);
  });
  table.append(body);
  box.append(h("div", { class: "table-wrap" }, table));
  if (!list.length) box.append(h("p", { class: "muted" }, "まだ行がありません。"));
  const add = h("button", {
    type: "button", id: idFor(ctx.doc.name, p.pointer, "add"),
    onclick: () => {
      const row = typeof cols[0].key === "number" ? cols.map(() => "") : blank(ctx.root, items, list);
      const i = append(ctx, p, row);
      ctx.rerender(idFor(ctx.doc.name, join(join(p.pointer, i), cols[0].key)), true);
    },
  }, `＋ ${name}を追加`);
  const tools = h("p", { class: "add-tools" }, add);
  const renumber = renumberButton(ctx, p, name);
  if (renumber) tools.append(renumber);
  box.append(tools);
  host.append(box);
}

/** A 場面 the same as the row above's: the print merges the two into one cell. */
function mergedRun(list, col, i) {
  if (col.schema["x-merge"] !== "runs" || i === 0) return false;
  const v = list[i]?.[col.key];
  return v !== undefined && v !== null && v !== "" && v === list[i - 1]?.[col.key];
}

function runNote(list, col, i) {
  return mergedRun(list, col, i) ? [h("span", { class: "run-note" }, "↑ 上と同じ（印刷では一つのセル）")] : [];
}

function cell(ctx, p, list, cols, i, k, rowLabel) {
  const col = cols[k];
  const pointer = join(join(p.pointer, i), col.key);
  const row = list[i];
  const v = row[col.key];
  const id = idFor(ctx.doc.name, pointer);
  const attrs = { id, "aria-label": `${rowLabel} の ${col.label}`, "aria-describedby": described(ctx, pointer, ""),
    dataset: { pointer, file: ctx.doc.name } };
  let input;
  if (col.choices) {
    input = h("select", attrs, h("option", { value: "" }, "（指定しない）"),
      ...col.choices.map((c) => h("option", { value: String(c.value) }, c.label)));
    if (v !== undefined && v !== null && !col.choices.some((c) => c.value === v)) input.append(h("option", { value: String(v) }, String(v)));
    input.value = v === undefined || v === null ? "" : String(v);
    input.addEventListener("change", () => edit(ctx, pointer, cellValue(ctx, col, pointer, input.value)));
  } else if (col.type === "boolean") {
    input = h("input", { ...attrs, type: "checkbox" });
    input.checked = v === true;
    input.addEventListener("change", () => edit(ctx, pointer, input.checked));
  } else {
    const long = col.long;
    input = h(long ? "textarea" : "input", { ...attrs, class: long ? "cell long" : (col.type === "string" ? "cell" : "cell short"),
      ...(long ? { rows: 2 } : { type: "text" }), ...(col.type !== "string" ? { inputmode: "numeric" } : {}) });
    input.value = v === undefined || v === null ? "" : String(v);
    const write = () => {
      const value = cellValue(ctx, col, pointer, input.value);
      if (value === undefined && get(ctx.doc.data, pointer) === undefined) return;
      edit(ctx, pointer, value, pointer);
    };
    input.addEventListener("input", (e) => { if (!e.isComposing && !composing) write(); });
    input.addEventListener("compositionend", write);
  }
  input.addEventListener("paste", (e) => paste(ctx, p, cols, i, k, e));
  return [input, ...notes(ctx, pointer, "")];
}

/** Rows of tab-separated text pasted from cell (i, k) on: cells overwritten, rows added. */
function paste(ctx, p, cols, i, k, e) {
  const text = e.clipboardData?.getData("text/plain") || "";
  if (!text.includes("\t") && !text.replace(/\r?\n$/, "").includes("\n")) return;
  e.preventDefault();
  const rows = parseTsv(text);
  let dropped = 0;
  const items = resolve(ctx.root, p.schema.items || {});
  const list = (get(ctx.doc.data, p.pointer) || []).slice();
  rows.forEach((cells, r) => {
    const at = i + r;
    if (at >= list.length) list.push(typeof cols[0].key === "number" ? cols.map(() => "") : blank(ctx.root, items, list));
    const row = Array.isArray(list[at]) ? list[at].slice() : { ...list[at] };
    cells.forEach((text, c) => {
      // Rows of strings widen to take every pasted cell; object rows have fixed columns.
      const col = cols[k + c] || (typeof cols[0].key === "number" ? { key: k + c, type: "string" } : null);
      if (!col) { dropped = Math.max(dropped, cells.length - c); return; }
      const value = cellValue(ctx, col, join(join(p.pointer, at), col.key), text.trim() === "" ? "" : text);
      if (value === undefined) delete row[col.key];
      else row[col.key] = value;
    });
    list[at] = row;
  });
  edit(ctx, p.pointer, list);
  ctx.announce(`${rows.length} 行を貼り付けました。`);
  if (dropped) ctx.notify("error", `表の列が足りないため、貼り付けた各行の右側 ${dropped} 列は入りませんでした。貼り付ける列を選び直してください。`);
  ctx.rerender(idFor(ctx.doc.name, join(join(p.pointer, i + rows.length - 1), cols[k].key)));
}
