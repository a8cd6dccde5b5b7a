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
