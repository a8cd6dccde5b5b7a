// The printed page(s) of the item being edited, drawn by the server from the
// same compiled document as the PDF (POST /api/preview). Clicking a place on a
// page opens the field that printed it (the source marks).

import { h } from "./dom.js";
import { dirtyDocs, serialize } from "./state.js";
import * as api from "./api.js";

let timer = 0;
let asked = 0;
let available = true;
let last = "";

/** Ask for the pages of (file, pointer) after a pause. */
export function schedule(ctx, file, pointer, delay = 80) {
  if (!available || !file) return;
  clearTimeout(timer);
  timer = setTimeout(() => run(ctx, file, pointer), delay);
}

async function run(ctx, file, pointer) {
  const files = Object.fromEntries(dirtyDocs().map((d) => [d.name, serialize(d)]));
  const key = JSON.stringify([files, file, pointer]);
  if (key === last) return;
  const n = ++asked;
  const box = document.getElementById("preview");
  box.setAttribute("aria-busy", "true");
  const { status, body } = await api.preview(files, file, pointer);
  if (n !== asked) return;
  box.removeAttribute("aria-busy");
  if (status === 404 || status === 405) {
    available = false;
    box.replaceChildren(h("p", { class: "muted" }, "印刷イメージは、このバージョンではまだ表示できません。"));
    return;
  }
  if (status !== 200) {
    box.replaceChildren(h("p", { class: "err" }, body?.message || "印刷イメージを作れませんでした。"));
    return;
  }
  if (body.superseded) return; // a newer request (a later keystroke) answers instead
  last = key;
  const pages = body.pages || [];
  if (!pages.length) {
    // Keep the last pages drawn, with a word on why they are not the latest.
    const note = h("p", { class: "preview-note warn" },
      "内容に問題があるため、いまの内容では印刷イメージを作れません。問題の一覧を確かめてください。");
    const kept = [...box.querySelectorAll("figure")];
    if (kept.length) note.append("（下は直前に作れたときのイメージです）");
    box.replaceChildren(note, ...kept);
    return;
  }
  const figures = pages.map((pg) => page(ctx, pg));
  await Promise.all(figures.map((f) => f.querySelector("img").decode().catch(() => {})));
  if (n !== asked) return;
  box.replaceChildren(...figures);
  document.dispatchEvent(new CustomEvent("planpress:preview", { detail: { pages: pages.length } }));
}

function page(ctx, pg) {
  const name = pg.label ? `${pg.label}ページ` : `${pg.index + 1}枚目`;
  const img = h("img", { src: pg.png, alt: `印刷イメージ（${name}）`, width: Math.round(pg.width), height: Math.round(pg.height) });
  img.addEventListener("click", (e) => {
    const r = img.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * pg.width;
    const y = ((e.clientY - r.top) / r.height) * pg.height;
    const mark = markAt(pg.marks || [], x, y);
    if (mark) ctx.goto(mark.file, mark.pointer);
  });
  return h("figure", { class: "page" }, img,
    h("figcaption", {}, `${name}（クリックすると、その場所の項目を開きます）`));
}

/** The last mark at or above-left of (x, y): the value printed there. */
export function markAt(marks, x, y) {
  let best = null;
  for (const m of marks) {
    if (m.y > y + 2) continue;
    const sameLine = Math.abs(m.y - y) <= 12;
    if (sameLine && m.x > x) continue;
    if (!best || m.y > best.y + 0.5 || (Math.abs(m.y - best.y) <= 0.5 && m.x > best.x)) best = m;
  }
  return best;
}
