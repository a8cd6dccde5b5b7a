// The web edition in a real browser: headless Chromium (Debian's chromium) opens
// index.html, screenshots it at desktop and phone widths, checks the page never
// scrolls sideways, that its text is drawn with the bundled (subset) fonts only,
// that labels, names and headings break only between phrases at desktop width, that it prints on A4,
// and runs the axe-core accessibility audit (WCAG 2.1 A/AA).
// Usage: node audit.mjs <dir with index.html> <screenshot dir>
//        node audit.mjs --phone <dir with index.html>...   (each at 375 px: no
//        sideways scroll; a screenshot web-phone.png in each dir)
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const phoneOnly = process.argv[2] === "--phone";
const [dir, shots] = process.argv.slice(2);
const url = "file://" + path.resolve(dir, "index.html");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
const fail = (message) => { console.log(message); failed = true; };

// Every element with text of its own is drawn with the page's web fonts only: a
// subset that lacked a character, or that Chromium refused, would fall back.
async function checkFonts(page, name) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "body *" });
  const fallbacks = new Map();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    for (const f of fonts.filter((f) => !f.isCustomFont)) {
      fallbacks.set(f.familyName, (fallbacks.get(f.familyName) || 0) + f.glyphCount);
    }
  }
  for (const [family, glyphs] of fallbacks) {
    fail(`${name}: ${glyphs} glyph(s) drawn with ${family}, not with the bundled fonts`);
  }
}

// Labels, names and headings break only between their phrases: no phrase kept
// whole (a text node of a .ph span, between <wbr>) spreads over two lines.
async function checkLabels(page, name) {
  const labels = await page.evaluate(() => document.querySelectorAll(".label > span").length);
  if (!labels) fail(`${name}: no label columns marked (class="label")`);
  const phrases = await page.evaluate(() => document.querySelectorAll(".ph").length);
  if (!phrases) fail(`${name}: no phrases marked (class="ph")`);
  const broken = await page.evaluate(() => [...document.querySelectorAll(".ph")]
    .flatMap((s) => [...s.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE || n.classList?.contains("w")))
    .filter((n) => {
      const range = document.createRange();
      range.selectNodeContents(n);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      return new Set(tops).size > 1 && !n.textContent.includes("\n");
    })
    .map((n) => n.textContent));
  if (broken.length) fail(`${name}: phrase(s) broken across lines: ${broken.slice(0, 5).join(", ")}`);
}

// The page never scrolls sideways: the document is no wider than the screen.
// A failure names the elements that reach past its right edge.
async function checkSideways(page, name) {
  const { overflow, wide } = await page.evaluate(() => {
    const width = window.innerWidth;
    const over = (e) => e.getBoundingClientRect().right > width + 0.5 || e.scrollWidth > e.clientWidth + 1;
    const wide = [...document.body.querySelectorAll("*")]
      .filter((e) => over(e) && ![...e.children].some(over))
      .slice(0, 3)
      .map((e) => `<${e.tagName.toLowerCase()}> ${e.textContent.trim().slice(0, 60)}`);
    return { overflow: document.scrollingElement.scrollWidth - width, wide };
  });
  if (overflow > 0) fail(`${name}: the page scrolls sideways by ${overflow}px: ${wide.join(" | ")}`);
  return overflow;
}

if (phoneOnly) {
  for (const d of process.argv.slice(3)) {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto("file://" + path.resolve(d, "index.html"));
    await page.evaluate(() => document.fonts.ready);
    const overflow = await checkSideways(page, `${path.basename(d)} at 375px`);
    if (overflow <= 0) console.log(`${path.basename(d)} at 375px: no sideways scroll`);
    await page.screenshot({ path: path.join(d, "web-phone.png") });
    await page.close();
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
}

for (const [name, width] of [["desktop", 1280], ["phone", 375]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(shots, `web-${name}.png`) });
  await checkSideways(page, name);
  if (name === "desktop") {
    await checkFonts(page, name);
    await checkLabels(page, name);
    // Printed as the stylesheet says: every page A4 (595 × 842 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    const other = boxes.filter((m) => Math.abs(m[1] - 595.3) > 2 || Math.abs(m[2] - 841.9) > 2);
    if (!boxes.length || other.length) fail(`${name}: printed pages are not A4: ${other.map((m) => `${m[1]}×${m[2]}`)}`);
    else console.log(`${name}: prints on ${boxes.length} A4 page(s)`);
  }
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(() =>
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
  for (const v of result.violations) {
    fail(`${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes[0].target}`);
  }
  console.log(`${name}: ${result.passes.length} rules passed, ${result.violations.length} violated`);
}
await browser.close();
process.exit(failed ? 1 : 0);
