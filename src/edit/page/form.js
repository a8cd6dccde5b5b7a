// The form of one part, generated from its file's JSON Schema: objects as groups
// of labelled fields in the file's own key order, scalars as inputs, enums as
// selects, optional fields added and removed, unions by their variant. Values
// the schema does not describe are shown as JSON and kept untouched.

import { h, idFor, composing } from "./dom.js";
import { get, join, put, remember, touch, hadKey } from "./state.js";
import { resolve, unwrapNull, choices, variants, variantOf, typeOf, label, help, variantLabel, blank } from "./schema.js";
import { renderArray } from "./list.js";

/** Apply an edit to the part's file: remember for undo, set, tell listeners. */
export function edit(ctx, pointer, value, key = null) {
  remember(ctx.doc, key);
  put(ctx.doc, pointer, value);
  touch(ctx.doc);
}

/** The field's ids of help and problem text, for aria-describedby. */
export function described(ctx, pointer, helpText) {
  const ids = [];
  if (helpText) ids.push(idFor(ctx.doc.name, pointer, "h"));
  ids.push(idFor(ctx.doc.name, pointer, "p"));
  return ids.join(" ");
}

/** The help line and the (initially empty) problem line of a field. */
export function notes(ctx, pointer, helpText) {
  const out = [h("div", { class: "problem", id: idFor(ctx.doc.name, pointer, "p"), dataset: { pointer, file: ctx.doc.name } })];
  if (helpText) out.unshift(h("p", { class: "help", id: idFor(ctx.doc.name, pointer, "h") }, helpText));
  return out;
}

/** Render the part: a heading, then its value's fields. */
export function renderPart(ctx, host) {
  const value = get(ctx.doc.data, ctx.part.pointer);
  const schema = ctx.schemaAt(ctx.part.pointer);
  host.replaceChildren(h("h2", { id: "part-title", tabindex: "-1" }, ctx.part.label));
  if (ctx.doc.kind === "common") {
    const folder = ctx.doc.name.replace(/\/?common\.json$/, "") || ".";
    host.append(h("p", { class: "shared-note" },
      `この内容は、共通フォルダ（${folder}）を使うすべての区の版に印刷されます。保存すると、それらの区の版も変わります。`
      + "右の印刷イメージは、いま開いている区の版です。この区だけ言葉を変えるときは、ここではなく、区のファイルの「区で言い換える…」に書いてください。"));
  }
  const box = h("div", { class: "part-body" });
  host.append(box);
  if (value === undefined) {
    box.append(h("p", {}, "この部分はファイルにありません。左の一覧から選び直してください。"));
    return;
  }
  renderValue(ctx, box, { pointer: ctx.part.pointer, schema, value, label: ctx.part.label, top: true });
}

/**
 * Render one value. p: {pointer, schema, value, label, name, required, inArray, top}.
 * Returns nothing; appends to host.
 */
export function renderValue(ctx, host, p) {
  const root = ctx.root;
  let { schema, optional } = unwrapNull(root, p.schema);
  schema = resolve(root, schema);
  if (schema["x-form"] === "hidden") return; // kept as it is, not shown
  const alts = variants(root, schema);
  if (alts && p.value !== undefined) {
    const i = variantOf(root, alts, p.value);
    if (i < 0) return jsonField(ctx, host, p, "この値は、想定された形と違います。JSON のまま編集できます。");
    const v = alts[i];
    return renderValue(ctx, host, { ...p, schema: { ...v, title: p.schema.title || v.title }, variant: variantLabel(v) });
  }
  if (alts) return addButton(ctx, host, p, alts);
  const other = ctx.partAt(p.pointer);
  if (other && !p.top) {
    host.append(h("p", { class: "link-part" }, h("button", {
      type: "button", class: "link", onclick: () => ctx.open(other, other.pointer),
    }, `「${other.label}」を開く`)));
    return;
  }
  const t = typeOf(schema);
  const c = choices(schema);
  if (c) return selectField(ctx, host, p, schema, c, optional);
  if (p.value !== undefined && p.value !== null && !fitsType(t, p.value)) {
    return jsonField(ctx, host, p, "この値は、想定された形と違います。JSON のまま編集できます。");
  }
  if (t === "object") return objectField(ctx, host, p, schema, optional);
  if (t === "array") return renderArray(ctx, host, { ...p, schema, optional });
  if (["string", "integer", "number"].includes(t)) return textField(ctx, host, p, schema, t, optional);
  if (t === "boolean") return checkField(ctx, host, p, schema);
  return jsonField(ctx, host, p, "");
}

function fitsType(t, v) {
  if (t === "object") return typeof v === "object" && !Array.isArray(v);
  if (t === "array") return Array.isArray(v);
  if (t === "integer" || t === "number") return typeof v === "number" || typeof v === "string";
  if (t === "string") return typeof v === "string";
  if (t === "boolean") return typeof v === "boolean";
  return true;
}

/** The value to store when a text field is emptied: as the file had it. */
function emptied(ctx, p, optional) {
  if (p.inArray) return "";
  if (!hadKey(ctx.doc, p.pointer)) return undefined;
  const original = get(ctx.doc.original, p.pointer);
  if (original === "") return "";
  return optional ? null : "";
}

/** Whether a string field is long text (a textarea): the schema says so
 * (`x-form: paragraph`), or the value already holds a line break. */
function longText(p, schema) {
  return schema["x-form"] === "paragraph" || (typeof p.value === "string" && p.value.includes("\n"));
}

function textField(ctx, host, p, schema, t, optional) {
  const id = idFor(ctx.doc.name, p.pointer);
  const helpText = help(schema) || (schema.pattern ? "例: 2020-06 または 2020-06-01" : "");
  const value = p.value === undefined || p.value === null ? "" : String(p.value);
  const long = t === "string" && longText(p, schema);
  const input = h(long ? "textarea" : "input", {
    id, class: long ? "text long" : (t === "string" ? "text" : "text short"),
    "aria-describedby": described(ctx, p.pointer, helpText),
    dataset: { pointer: p.pointer, file: ctx.doc.name },
    ...(long ? { rows: 2 } : { type: "text" }),
    ...(t !== "string" ? { inputmode: "numeric" } : {}),
    ...(schema.pattern ? { placeholder: "2020-06" } : {}),
  });
  input.value = value;
  const write = () => {
    const text = input.value;
    let v;
    if (text === "") v = t === "string" ? emptied(ctx, p, optional) : (p.inArray || !optional ? "" : undefined);
    else if (t !== "string" && /^-?\d+(\.\d+)?$/.test(text.trim())) v = Number(text.trim());
    else v = text;
    if (v === undefined && !hadKey(ctx.doc, p.pointer) && get(ctx.doc.data, p.pointer) === undefined) return;
    edit(ctx, p.pointer, v, p.pointer);
  };
  input.addEventListener("input", (e) => { if (!e.isComposing && !composing) write(); });
  input.addEventListener("compositionend", () => write());
  host.append(h("div", { class: "field", dataset: { pointer: p.pointer } },
    h("label", { for: id }, p.label, !p.inArray && (optional || !p.required) ? h("span", { class: "opt" }, "（任意）") : null),
    input, ...notes(ctx, p.pointer, helpText)));
}

function selectField(ctx, host, p, schema, list, optional) {
  const id = idFor(ctx.doc.name, p.pointer);
  const helpText = help(schema);
  const select = h("select", {
    id, "aria-describedby": described(ctx, p.pointer, helpText),
    dataset: { pointer: p.pointer, file: ctx.doc.name },
  });
  const present = p.value !== undefined && p.value !== null;
  if (optional || !present) select.append(h("option", { value: "" }, "（指定しない）"));
  const options = [...list];
  if (present && !options.some((o) => o.value === p.value)) options.push({ value: p.value, label: `${p.value}（一覧にない値）` });
  options.forEach((o, i) => select.append(h("option", { value: String(i) }, o.label)));
  select.value = present ? String(options.findIndex((o) => o.value === p.value)) : "";
  select.addEventListener("change", () => {
    const v = select.value === "" ? (hadKey(ctx.doc, p.pointer) && optional ? null : undefined) : options[Number(select.value)].value;
    edit(ctx, p.pointer, v);
  });
  host.append(h("div", { class: "field", dataset: { pointer: p.pointer } },
    h("label", { for: id }, p.label), select, ...notes(ctx, p.pointer, helpText)));
}

function checkField(ctx, host, p, schema) {
  const id = idFor(ctx.doc.name, p.pointer);
  const helpText = help(schema);
  const box = h("input", { type: "checkbox", id, "aria-describedby": described(ctx, p.pointer, helpText),
    dataset: { pointer: p.pointer, file: ctx.doc.name } });
  box.checked = p.value === true;
  box.addEventListener("change", () => edit(ctx, p.pointer, box.checked));
  host.append(h("div", { class: "field check", dataset: { pointer: p.pointer } },
    box, h("label", { for: id }, p.label), ...notes(ctx, p.pointer, helpText)));
}

/** An object: a group (fieldset) of its fields, in the file's key order. */
function objectField(ctx, host, p, schema, optional) {
  if (p.value === undefined || p.value === null) return addButton(ctx, host, p, [schema]);
  const props = schema.properties || {};
  const required = new Set(schema.required || []);
  const group = p.top ? h("div", { class: "object top", dataset: { pointer: p.pointer } })
    : h("fieldset", { class: "object", dataset: { pointer: p.pointer } },
      h("legend", {}, p.variant && !p.inArray ? `${p.label}（${p.variant}）` : p.label));
  const helpText = help(schema);
  if (!p.top) group.append(...notes(ctx, p.pointer, helpText));
  // The form's order: the schema's x-order, else the file's; the data keeps the file's.
  const order = [...(schema["x-order"] || []), ...Object.keys(p.value), ...Object.keys(props)];
  const keys = [...new Set(order)].filter((k) => Object.hasOwn(p.value, k) || Object.hasOwn(props, k));
  const unknown = [];
  for (const k of keys) {
    if (k === "$schema") continue;
    const pointer = join(p.pointer, k);
    if (!Object.hasOwn(props, k)) { unknown.push(k); continue; }
    const ps = props[k];
    if (ps["x-older"] && !Object.hasOwn(p.value, k)) continue; // an older form, shown only when used
    renderValue(ctx, group, {
      pointer, schema: ps, value: p.value[k], name: k,
      label: label(resolve(ctx.root, ps), k), required: required.has(k),
    });
  }
  for (const k of unknown) {
    const pointer = join(p.pointer, k);
    group.append(h("div", { class: "field unknown", dataset: { pointer } },
      h("p", { class: "label" }, `${k}（この画面では編集できない項目。保存してもそのまま残ります）`),
      h("pre", { class: "json", tabindex: "0", "aria-label": `${k} の内容` }, JSON.stringify(p.value[k], null, 2)),
      ...notes(ctx, pointer, "")));
  }
  if (optional && !p.top) {
    group.append(h("p", { class: "row-tools" }, h("button", {
      type: "button", class: "quiet",
      onclick: () => {
        edit(ctx, p.pointer, hadKey(ctx.doc, p.pointer) ? null : undefined);
        ctx.rerender(idFor(ctx.doc.name, p.pointer, "add"));
      },
    }, `${p.label}を取り除く`)));
  }
  host.append(group);
}

/** An absent object or union: buttons adding it (one per variant). */
function addButton(ctx, host, p, alts) {
  const box = h("div", { class: "field absent", dataset: { pointer: p.pointer } },
    h("p", { class: "label" }, p.label, h("span", { class: "muted" }, "（まだありません）")));
  alts.forEach((v, i) => {
    const text = alts.length > 1 ? `＋ ${p.label}（${variantLabel(v)}）を追加` : `＋ ${p.label}を追加`;
    box.append(h("button", {
      type: "button", id: i ? undefined : idFor(ctx.doc.name, p.pointer, "add"),
      onclick: () => {
        edit(ctx, p.pointer, blank(ctx.root, v));
        ctx.rerender(idFor(ctx.doc.name, p.pointer));
      },
    }, text));
  });
  box.append(...notes(ctx, p.pointer, help(p.schema)));
  host.append(box);
}

/** A value shown (and editable) as JSON text: what the form cannot represent. */
export function jsonField(ctx, host, p, note) {
  const id = idFor(ctx.doc.name, p.pointer);
  const area = h("textarea", { id, class: "json", rows: 4, spellcheck: "false",
    "aria-describedby": described(ctx, p.pointer, note), dataset: { pointer: p.pointer, file: ctx.doc.name } });
  area.value = JSON.stringify(p.value, null, 2);
  area.addEventListener("input", (e) => {
    if (e.isComposing || composing) return;
    try { edit(ctx, p.pointer, JSON.parse(area.value), p.pointer); area.removeAttribute("aria-invalid"); }
    catch { area.setAttribute("aria-invalid", "true"); }
  });
  host.append(h("div", { class: "field", dataset: { pointer: p.pointer } },
    h("label", { for: id }, `${p.label}（JSON）`), area, ...notes(ctx, p.pointer, note)));
}
