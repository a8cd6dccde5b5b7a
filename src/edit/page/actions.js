// 保存 (each changed file, against the hash it was opened with; a conflict
// overwrites nothing and offers 読み直す), reloading a file from disk, and the
// files made from the saved content (PDF, 案, 新旧対照表, 表記の検査).

import { h } from "./dom.js";
import * as state from "./state.js";
import * as api from "./api.js";
import * as problems from "./problems.js";
import { status, nav, select, draw } from "./edit.js";

const $ = (id) => document.getElementById(id);

/** A message at the top of the page: kind error|done, with buttons. */
export function notify(kind, message, buttons = []) {
  const el = $("notice");
  el.className = `notice ${kind}`;
  el.hidden = false;
  el.replaceChildren(h("p", {}, message), ...buttons,
    h("button", { type: "button", class: "quiet", onclick: () => { el.hidden = true; } }, "閉じる"));
  clearTimeout(notify.timer);
  if (kind === "done") notify.timer = setTimeout(() => { el.hidden = true; }, 8000);
}

let saving = false;

/** Save every changed file; true when all were saved. */
export async function saveAll(ctx) {
  if (saving) return false;
  const dirty = state.dirtyDocs();
  if (!dirty.length) { notify("done", "保存する変更はありません。"); return true; }
  saving = true;
  $("save").disabled = true;
  const done = [];
  try {
    for (const doc of dirty) {
      const text = state.serialize(doc);
      const { status: code, body } = await api.save(doc.name, doc.hash, text);
      if (code === 200) {
        doc.hash = body.hash;
        doc.saved = text;
        doc.text = text;
        if (doc.raw === null) doc.original = structuredClone(doc.data);
        done.push(doc.name);
        continue;
      }
      if (code === 409) {
        notify("error", `${doc.name} を保存できませんでした。${body?.message || "開いた後に、ほかの場所でファイルが変更されました。"}（この画面の変更はまだ残っています。何も上書きしていません。）`, [
          h("button", { type: "button", class: "primary", onclick: () => reload(ctx, doc.name) },
            `${doc.name} を読み直す（この画面での変更は消えます）`),
        ]);
      } else {
        notify("error", `${doc.name} を保存できませんでした: ${body?.message || code}`);
      }
      return false;
    }
    notify("done", `保存しました（${done.join("、")}）。`);
    await refreshParts(ctx);
    return true;
  } finally {
    saving = false;
    status();
  }
}

/** The parts list again from the server (a department added, a title changed). */
async function refreshParts(ctx) {
  const { status: code, body } = await api.getEdition();
  if (code !== 200) return;
  ctx.parts = body.parts;
  state.edition.parts = body.parts;
  const same = ctx.parts.find((p) => p.id === ctx.part?.id);
  if (same) ctx.part = same;
  nav();
  problems.show(ctx);
}

/** Read a file again from disk, dropping the page's changes to it. */
export async function reload(ctx, name) {
  const { status: code, body } = await api.getEdition();
  if (code !== 200) { notify("error", body?.message || "読み直せませんでした。"); return; }
  const f = body.files.find((x) => x.name === name);
  if (f) state.openFile(f);
  state.forget(name);
  ctx.parts = body.parts;
  nav();
  const part = ctx.parts.find((p) => p.id === ctx.part?.id) || ctx.parts[0];
  select(part, null, true);
  draw();
  status();
  problems.run(ctx);
  notify("done", `${name} を読み直しました。`);
}

const makeNames = { pdf: "PDF（公開版）", draft: "案のPDF", diff: "新旧対照表", lint: "表記の検査" };

/** Make a file from the saved content (saving first), and say where it went. */
export async function makeFile(ctx, what) {
  const out = $("make-result");
  if (state.dirtyDocs().length && !(await saveAll(ctx))) {
    out.replaceChildren(h("p", { class: "err" }, "保存できなかったため、作りませんでした。"));
    return;
  }
  out.replaceChildren(h("p", {}, `${makeNames[what]}を作っています…`));
  const { status: code, body } = await api.make(what);
  if (code === 404 || code === 405) {
    out.replaceChildren(h("p", { class: "muted" }, "この機能は、このバージョンではまだ使えません。"));
    return;
  }
  const findings = (body?.problems || []).map((pr) => h("li", {},
    h("button", { type: "button", class: "link", onclick: () => ctx.goto(pr.file, pr.pointer) },
      `${pr.severity === "warning" ? "注意" : "要修正"}: ${pr.item ? pr.item + "　" : ""}${pr.message}`)));
  out.replaceChildren(...[
    h("p", { class: body?.ok ? "ok" : "err" }, body?.message || (body?.ok ? "できました。" : "作れませんでした。")),
    body?.path ? h("p", {}, "保存先: ", h("code", {}, body.path)) : null,
    findings.length ? h("ul", { class: "findings" }, ...findings) : null,
  ].filter(Boolean));
}
