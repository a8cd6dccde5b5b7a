// What edit.mjs needs around the page: the editor started as a clerk starts it,
// axe-core run past the page's CSP, and a paste as the browser delivers one.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);

/** `planpress edit ED --no-open --port 0` in `cwd`; resolves to {server, address}. */
export function startEditor(binary, ed, cwd) {
  const server = spawn(path.resolve(binary), ["edit", ed, "--no-open", "--port", "0"],
    { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${printed}`)), 60000);
    const take = (d) => {
      printed += d;
      const m = printed.match(/http:\/\/127\.0\.0\.1:(\d+)\/[0-9a-f]{32}\//);
      if (m) { clearTimeout(timer); resolve({ server, address: m[0] }); }
    };
    server.stdout.on("data", take);
    server.stderr.on("data", take);
    server.on("exit", (code) => reject(new Error(`planpress edit exited (${code}): ${printed}`)));
  });
}

/** axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is. */
export async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    // Evaluated through the DevTools protocol: the page's CSP (script-src 'self')
    // rightly refuses an added <script>.
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  }
  return page.evaluate(() => axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  }));
}

/** Paste `text` (as copied from Excel: tab-separated, CRLF rows) into a field. */
export function pasteText(locator, text) {
  return locator.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Every /api/preview answer with pages, in order, and `settled(after)`: once
 * more than `after` answers came and the page shows the last one's first page,
 * with nothing more asked, that answer (null after a minute).
 */
export function watchPreview(page) {
  const answers = [];
  const listen = async (r) => {
    if (!r.url().endsWith("/api/preview") || r.status() !== 200) return;
    const body = await r.json().catch(() => null);
    if (Array.isArray(body?.pages) && body.pages.length) answers.push(body);
  };
  page.on("response", listen);
  const settled = async (after = 0) => {
    for (let i = 0; i < 600; i++) {
      const last = answers[answers.length - 1];
      const state = await page.evaluate(() => ({
        busy: document.getElementById("preview").hasAttribute("aria-busy"),
        src: document.querySelector("#preview img")?.getAttribute("src") || "",
      }));
      if (answers.length > after && !state.busy && state.src === last.pages[0].png) {
        await page.waitForTimeout(300); // no later keystroke's answer on its way
        if (answers[answers.length - 1] === last) return last;
      } else await page.waitForTimeout(100);
    }
    return null;
  };
  return { answers, settled, stop: () => page.off("response", listen) };
}
