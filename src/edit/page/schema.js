// Reading the JSON Schemas the server sends (schemars, draft 2020-12): $ref to
// $defs, optional fields (anyOf with null, or a type list with "null"),
// unions, enums, and the Japanese `title` / `x-help` of each field, with the
// form hints of src/schema.rs (x-form, x-columns, x-values, x-order, x-older).

import { editionList as listOf } from "./state.js";

/** The schema behind `$ref`s (one level at a time, keeping the referrer's title). */
export function resolve(root, s) {
  let seen = 0;
  let out = s || {};
  while (out && out.$ref && seen++ < 20) {
    const name = out.$ref.replace(/^#\/\$defs\//, "");
    const def = (root.$defs || {})[name] || {};
    const { $ref, ...own } = out;
    out = { ...def, ...own, "x-def": name };
  }
  return out || {};
}

/** `{schema, optional}`: an anyOf with null, or a type list with "null", unwrapped. */
export function unwrapNull(root, s) {
  s = resolve(root, s);
  if (Array.isArray(s.type) && s.type.includes("null")) {
    const rest = s.type.filter((t) => t !== "null");
    return { schema: { ...s, type: rest.length === 1 ? rest[0] : rest }, optional: true };
  }
  const alts = s.anyOf || s.oneOf;
  if (alts && alts.some((a) => a.type === "null")) {
    const rest = alts.filter((a) => a.type !== "null");
    const { anyOf, oneOf, ...own } = s;
    const inner = rest.length === 1 ? { ...resolve(root, rest[0]), ...own } : { ...own, anyOf: rest };
    return { schema: inner, optional: true };
  }
  return { schema: s, optional: false };
}

/** The choices of an enum (`enum`, or `oneOf` of `const`s), or of a list of the
 * edition (`x-values`): [{value, label}] or null. */
export function choices(s) {
  if (s["x-values"]) return listOf(s["x-values"]).map((v) => ({ value: v, label: v }));
  if (Array.isArray(s.enum)) return s.enum.map((v) => ({ value: v, label: String(v) }));
  const alts = s.oneOf || s.anyOf;
  if (alts && alts.length && alts.every((a) => a.const !== undefined)) {
    return alts.map((a) => ({ value: a.const, label: a.title ? `${a.title}` : String(a.const) }));
  }
  return null;
}

/** The alternatives of a union that is not an enum (Paragraph, ListItem…), resolved. */
export function variants(root, s) {
  const alts = s.anyOf || s.oneOf;
  if (!alts || choices(s)) return null;
  return alts.map((a) => resolve(root, a));
}

/** The basic type of a schema: object, array, string, integer, number, boolean. */
export function typeOf(s) {
  if (typeof s.type === "string") return s.type;
  if (Array.isArray(s.type)) return s.type.find((t) => t !== "null") || "string";
  if (s.properties) return "object";
  if (s.items) return "array";
  if (s.const !== undefined || s.enum) return typeof (s.const ?? s.enum[0]);
  return "any";
}

/** Whether `value` has the shape of schema `s` (for picking a union's variant). */
export function fits(root, s, value) {
  s = resolve(root, s);
  const t = typeOf(s);
  if (value === null) return t === "null";
  if (t === "object") {
    if (typeof value !== "object" || Array.isArray(value)) return false;
    const props = s.properties || {};
    if ((s.required || []).some((k) => !Object.hasOwn(value, k))) return false;
    return s.additionalProperties !== false || Object.keys(value).every((k) => Object.hasOwn(props, k));
  }
  if (t === "array") return Array.isArray(value);
  if (t === "integer" || t === "number") return typeof value === "number";
  if (t === "string") return typeof value === "string";
  if (t === "boolean") return typeof value === "boolean";
  return true;
}

/** The variant index `value` fits (or -1). */
export function variantOf(root, alts, value) {
  return alts.findIndex((a) => fits(root, a, value));
}

/** The schema at `pointer` inside a value of schema `s` (walking properties and items). */
export function at(root, s, value, pointer, tokensOf) {
  let schema = s;
  let v = value;
  for (const t of tokensOf(pointer)) {
    let { schema: cur } = unwrapNull(root, schema);
    const alts = variants(root, cur);
    if (alts) cur = alts[Math.max(0, variantOf(root, alts, v))];
    if (Array.isArray(v)) schema = cur.items || {};
    else schema = (cur.properties || {})[t] || {};
    v = v == null ? undefined : v[t];
  }
  return schema;
}

/** A field's label: its Japanese title, else (until labelled) its name. */
export function label(s, name) {
  return s.title || name;
}

export function help(s) { return s["x-help"] || ""; }

/** A kind of union variant, for the 追加 choices and the item's heading. */
export function variantLabel(v) {
  if (v.title) return v.title;
  const t = typeOf(v);
  if (t === "object") {
    const keys = v.required || Object.keys(v.properties || {});
    const has = (k) => keys.includes(k);
    if (has("list") && has("text")) return "下に箇条書きのある項目";
    if (has("list")) return "箇条書き";
    if (has("table")) return "表";
    if (has("page_of")) return "ページ番号の参照";
    if (has("ref")) return "計算される範囲";
    if (has("detail")) return "補足つき";
    return v["x-def"] || "項目";
  }
  return { string: "文章", array: "ページ番号などを含む文章" }[t] || t;
}

/** A new value for schema `s`: required fields filled, numbers continuing `siblings`. */
export function blank(root, s, siblings = []) {
  const { schema } = unwrapNull(root, s);
  const alts = variants(root, schema);
  if (alts) return blank(root, alts[0], siblings);
  const c = choices(schema);
  if (schema.default !== undefined && schema.default !== null) return structuredClone(schema.default);
  if (c) return c[0].value;
  switch (typeOf(schema)) {
    case "object": {
      const out = {};
      for (const k of schema.required || []) {
        const p = resolve(root, schema.properties[k]);
        if (k === "number" && typeOf(p) === "integer") {
          out[k] = siblings.reduce((m, x) => Math.max(m, Number(x?.number) || 0), 0) + 1;
        } else {
          out[k] = blank(root, p);
        }
      }
      return out;
    }
    case "array": return [];
    case "integer": case "number": return 0;
    case "boolean": return false;
    default: return "";
  }
}
