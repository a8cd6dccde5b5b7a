// planpress edit on a ward of a city (issue 25): the city's common file is a part
// of the ward's editor. Driven as the city's clerk: open it, read what saving it
// changes, change a common principle and see the ward's printed page follow,
// click the printed principle to reach its field, see a problem in the common
// file beside its field, save (only that value changes, no ward file is
// touched), and a common file changed on disk is not overwritten.
// Usage: node edit-city.mjs <planpress binary> <city folder to copy> <ward> [screenshot dir]
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEditor, runAxe, watchPreview } from "./edit-harness.mjs";

const [binary, source, ward, shots] = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planpress-edit-city-"));
const city = path.join(dir, path.basename(source));
fs.cpSync(source, city, { recursive: true });
const ed = path.join(city, ward);
const folderOf = JSON.parse(fs.readFileSync(path.join(ed, "edition.json"), "utf8")).common.folder;
const commonPath = path.resolve(ed, folderOf.includes("/") ? folderOf : `../${folderOf}`, "common.json");
const commonName = `${folderOf.includes("/") ? folderOf : `../${folderOf}`}/common.json`;
const wardFiles = () => Object.fromEntries(fs.readdirSync(ed).map((n) => [n, fs.readFileSync(path.join(ed, n), "utf8")]));

let failed = 0;
const fail = (message) => { console.log(`FAIL ${message}`); failed++; };
const ok = (message) => console.log(`ok   ${message}`);
const expect = (cond, message) => (cond ? ok(message) : fail(message));

const { server, address } = await startEditor(binary, ed, city);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
const field = (pointer) => page.locator(`#form [data-pointer="${pointer}"]:is(input, textarea, select)`).first();
const problemOf = (pointer) => page.locator(`#form .problem[data-pointer="${pointer}"]`).first();

// Every preview answer with pages; the page shows the last once it settles.
const { answers, settled } = watchPreview(page);

try {
  await page.goto(address);
  const link = page.locator(`#parts a[data-part="${commonName}#"]`);
  await link.waitFor({ timeout: 60000 });
  const label = await link.textContent();
  expect(/共通の内容（全区に共通）/.test(label), `the ward's editor lists the city's common file: ${label}`);
  await link.click();
  await page.locator("#part-title").waitFor();
  const note = await page.locator(".shared-note").textContent().catch(() => "");
  expect(/すべての区の版/.test(note) && note.includes(folderOf.replace(/^\.\.\//, "")),
    `the clerk is told that saving changes every ward's edition: ${note.slice(0, 60)}…`);
  const result = await runAxe(page);
  for (const v of result.violations) fail(`axe on the common file: ${v.id}: ${v.help} — ${v.nodes[0].target}`);
  if (!result.violations.length) ok(`axe on the common file: ${result.passes.length} rules passed, 0 violated`);
  if (shots) await page.screenshot({ path: path.join(shots, "edit-common.png") });

  // A common principle changed: the ward's printed page follows, unsaved.
  const text0 = "/principles/0/text";
  const before = answers.length;
  await field(text0).focus();
  const first = await settled(before);
  expect(first?.pages?.length > 0, `the ward's page printing the common principle is drawn: ${first?.pages?.map((p) => p.label).join(", ")}`);
  const typed = "（市の担当が画面で追記）";
  await field(text0).press("Control+End");
  const typing = answers.length;
  await field(text0).pressSequentially(typed);
  const redrawn = await settled(typing);
  expect(redrawn && redrawn.pages[0].png !== first.pages[0].png, "typing in the common file redraws the ward's page");
  const pg = redrawn?.pages[0];
  const mark = pg?.marks?.find((m) => m.file === commonName && m.pointer.startsWith("/principles/1/"));
  if (mark) {
    await page.locator("#part-title").focus();
    const box = await page.locator("#preview img").first().boundingBox();
    await page.mouse.click(box.x + ((mark.x + 4) / pg.width) * box.width, box.y + ((mark.y + 4) / pg.height) * box.height);
    const focused = await page.evaluate(() => document.activeElement?.dataset?.pointer || "");
    expect(focused.startsWith("/principles/1"), `a click on the printed common principle 2 focuses its field (${focused})`);
  } else fail("no mark of the common file's principle 2 on the drawn page");

  // A problem in the common file, beside its field.
  const text2 = "/principles/2/text";
  await field(text2).fill("");
  await problemOf(text2).waitFor({ timeout: 60000 }).catch(() => {});
  const said = (await problemOf(text2).textContent().catch(() => "")) || "";
  expect(/文章が空です/.test(said), `a problem in the common file is shown beside its field: ${said}`);
  await field(text2).fill(JSON.parse(fs.readFileSync(commonPath, "utf8")).principles[2].text);

  // Save: only that value changes in common.json; no ward file is touched.
  const wardBefore = wardFiles();
  const original = JSON.parse(fs.readFileSync(commonPath, "utf8"));
  await page.keyboard.press("Control+s");
  await page.locator("#notice.done").waitFor({ timeout: 60000 });
  const saved = JSON.parse(fs.readFileSync(commonPath, "utf8"));
  expect(saved.principles[0].text === original.principles[0].text + typed, "common.json holds the typed words");
  saved.principles[0].text = original.principles[0].text;
  expect(JSON.stringify(saved) === JSON.stringify(original), "nothing else in common.json changed");
  const wardAfter = wardFiles();
  expect(Object.keys(wardBefore).every((n) => wardBefore[n] === wardAfter[n]), "no file of the ward was written");

  // Changed on disk meanwhile (another ward's clerk, a text editor): not overwritten.
  const onDisk = fs.readFileSync(commonPath, "utf8").replace(typed, "（ほかの人の変更）");
  fs.writeFileSync(commonPath, onDisk);
  await field(text0).press("Control+End");
  await field(text0).pressSequentially("再");
  await page.keyboard.press("Control+s");
  await page.locator("#notice.error").waitFor({ timeout: 60000 });
  expect(fs.readFileSync(commonPath, "utf8") === onDisk, "a common file changed on disk is not overwritten");
  expect(/読み直す/.test(await page.locator("#notice").textContent()), "the clerk is offered 読み直す");
  expect(errors.length === 0, `no script errors${errors.length ? `: ${errors.join(" | ")}` : ""}`);
} catch (e) {
  fail(e.stack || String(e));
} finally {
  await browser.close();
  server.kill();
}
if (failed) {
  console.log(`${failed} check(s) failed`);
  process.exit(1);
}
console.log("all city editor checks passed");
