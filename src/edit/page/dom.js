// Small DOM helpers shared by the form modules.

/** `h("button", {type: "button", onclick}, "追加")` */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k in el && typeof v !== "string") el[k] = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const fileIds = new Map();
/** A stable element id for the field at (file, pointer), with a role suffix. */
export function idFor(file, pointer, role = "f") {
  if (!fileIds.has(file)) fileIds.set(file, fileIds.size);
  const safe = pointer.replace(/[^A-Za-z0-9-]/g, (c) => "_" + c.codePointAt(0).toString(16));
  return `${role}${fileIds.get(file)}${safe}`;
}

/** Whether an IME composition is under way in `el` (or anywhere, if omitted). */
export let composing = false;
export function setComposing(v) { composing = v; }
