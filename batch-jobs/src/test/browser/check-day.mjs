// The day report file and the console, in a real browser: Debian's chromium, driven by Playwright.
// Run by DayViewBrowserIntegrationTests after a real day:
//   node check-day.mjs <daily_D.html> <daily_D.json> <console base URL> <screenshot folder> <payload>...
// Checks, on every page: the day's numbers as its JSON has them, no console error (a CSP violation
// is one), every payload shown as text and none run, no serious or critical axe-core violation.
// Screenshots of the report and of the console's pages go to the screenshot folder.
// Prints one line per check; exits 1 on the first failure, saying what it saw.
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [reportFile, jsonFile, consoleUrl, shots, ...payloads] = process.argv.slice(2);
const report = JSON.parse(readFileSync(jsonFile, "utf8"));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
mkdirSync(shots, { recursive: true });

function fail(message) {
  console.error(`FAILED: ${message}`);
  process.exit(1);
}
function ok(message) {
  console.log(`ok: ${message}`);
}
const count = (n) => Number(n).toLocaleString("en-US");
const yen = (amount) => (Number(amount) < 0 ? "−¥" : "¥") + count(Math.abs(Number(amount)));

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  // one context as a reader has it (the page's own policy in force), one for axe alone
  // (bypassCSP, since the policy rightly refuses the script axe is)
  const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const auditor = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });

  async function open(url, { offline = false } = {}) {
    const page = await reader.newPage();
    const errors = [];
    const requests = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("dialog", (dialog) => {
      errors.push(`a dialog opened: ${dialog.message()}`);
      dialog.dismiss();
    });
    page.on("request", (request) => requests.push(request.url()));
    if (offline) await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
    const response = await page.goto(url, { waitUntil: "load" });
    return { page, errors, requests, response };
  }

  async function accessible(url, name) {
    const page = await auditor.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "best-practice"] }));
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    if (serious.length) {
      fail(`${name}: axe-core finds ${serious.map((v) => `${v.id} (${v.impact}: ${v.nodes.length} nodes, e.g. ${v.nodes[0].html})`).join("; ")}`);
    }
    ok(`${name}: axe-core finds no serious or critical violation (${result.passes.length} rules pass)`);
    await page.close();
  }

  async function clean(page, errors, name, shown = payloads) {
    // nothing ran: no dialog, no console error, no script element, no event handler attribute
    const scripts = await page.locator("script").count();
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length);
    if (errors.length) fail(`${name}: console errors: ${errors.join(" | ")}`);
    if (scripts || handlers) fail(`${name}: ${scripts} script elements and ${handlers} elements with event handlers`);
    const text = await page.locator("body").innerText();
    for (const payload of shown) {
      if (!text.includes(payload)) fail(`${name}: the payload ${payload} is not shown as text`);
    }
    ok(`${name}: no console error, no script, every payload (${shown.length}) shown as text`);
  }

  async function sameNumbers(page, name) {
    const text = (selector) => page.locator(selector).innerText();
    const verdict = await text("#verdict");
    for (const job of report.jobs) {
      const row = page.locator("#jobs tbody tr").filter({ hasText: job.job });
      const cells = await row.first().innerText();
      if (!cells.includes(job.status)) fail(`${name}: the row of ${job.job} shows "${cells}", not ${job.status}`);
      if (job.read !== undefined && !cells.includes(count(job.read))) fail(`${name}: ${job.job} read ${job.read}, the page: "${cells}"`);
    }
    const totals = report.manifest.control_totals;
    for (const file of totals.files) {
      const cells = await page.locator("#file-totals tbody tr").filter({ hasText: file.file }).first().innerText();
      for (const part of ["trailer", "accepted", "pending", "rejected", "duplicates"]) {
        if (!cells.includes(`${count(file[part].lines)} lines`) || !cells.includes(yen(file[part].amount))) {
          fail(`${name}: ${file.file} ${part} is ${file[part].lines} lines ${file[part].amount}; the page: "${cells}"`);
        }
      }
      const balanced = file.counts_balance && file.amounts_balance !== false;
      if (!cells.includes(balanced ? "✓ balanced" : "✗ does not balance")) fail(`${name}: ${file.file}'s check is not shown as ${balanced}`);
    }
    for (const posting of totals.posted) {
      const cells = await page.locator("#postings tbody tr").filter({ hasText: posting.kind }).first().innerText();
      if (!cells.includes(yen(posting.journal)) || !cells.includes(yen(posting.expected))) fail(`${name}: the ${posting.kind} posting is not shown as its JSON: "${cells}"`);
    }
    const attention = await page.locator("ol.attention > li").count();
    if (attention !== report.manifest.attention.length) fail(`${name}: ${attention} attention lines shown, the JSON has ${report.manifest.attention.length}`);
    for (const action of report.manifest.actions) {
      if (!(await page.locator("ol.attention").innerText()).includes(action.command)) fail(`${name}: the command ${action.command} is not shown`);
    }
    ok(`${name}: verdict "${verdict.split("\n")[0]}"; ${report.jobs.length} jobs, ${totals.files.length} files' totals, ${totals.posted.length} postings and ${attention} attention lines as the JSON has them`);
  }

  // 1. the report file, with no network at all
  const reportUrl = pathToFileURL(reportFile).href;
  {
    const { page, errors, requests } = await open(reportUrl, { offline: true });
    const elsewhere = requests.filter((url) => url !== reportUrl);
    if (elsewhere.length) fail(`the report asks for ${elsewhere.join(", ")}`);
    ok("the report file loads nothing else (no network, no asset)");
    await sameNumbers(page, "report file");
    await clean(page, errors, "report file");
    await page.screenshot({ path: `${shots}/report_${report.business_date}.png`, fullPage: true });
    await page.close();
  }
  {
    // readable with scripts off: the same text
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(reportUrl);
    const verdict = await page.locator("#verdict").innerText();
    if (!verdict.trim()) fail("with scripts off the verdict is empty");
    ok(`with scripts off the report reads the same: "${verdict.split("\n")[0]}"`);
    await noScript.close();
  }
  await accessible(reportUrl, "report file");

  // 2. the console: its pages, the day's the same as the report's
  const dayUrl = `${consoleUrl}days/${report.business_date}`;
  {
    const { page, errors, response } = await open(dayUrl);
    const policy = response.headers()["content-security-policy"] ?? "";
    if (!policy.includes("script-src 'none'")) fail(`the console's day page is served with the policy "${policy}"`);
    await sameNumbers(page, "console day page");
    await clean(page, errors, "console day page");
    await page.screenshot({ path: `${shots}/console_day_${report.business_date}.png`, fullPage: true });
    const link = page.locator("#jobs a").first();
    const executionUrl = new URL(await link.getAttribute("href"), consoleUrl).href;
    await page.close();
    for (const [url, name] of [[consoleUrl, "console run dates"], [executionUrl, "console execution"], [`${consoleUrl}stragglers`, "console stragglers"]]) {
      const visit = await open(url);
      if (visit.response.status() !== 200) fail(`${name}: HTTP ${visit.response.status()}`);
      if (visit.errors.length) fail(`${name}: console errors: ${visit.errors.join(" | ")}`);
      ok(`${name}: HTTP 200, no console error`);
      await visit.page.screenshot({ path: `${shots}/${name.replaceAll(" ", "_")}.png`, fullPage: true });
      await visit.page.close();
      await accessible(url, name);
    }
    for (const payload of payloads) {
      // a path that carries a payload comes back as text in the console's "no such page"
      const visit = await open(`${consoleUrl}days/${encodeURIComponent(payload)}`);
      const text = await visit.page.locator("main").innerText();
      if (visit.response.status() !== 404 || !text.includes(payload)) fail(`the console's answer to a path with ${payload}: HTTP ${visit.response.status()}, "${text}"`);
      // (Chromium logs the 404 status itself as a console error: that one is expected)
      const errors = visit.errors.filter((e) => !e.includes("the server responded with a status of 404"));
      await clean(visit.page, errors, `console 404 of ${payload}`, [payload]);
      await visit.page.close();
    }
    const days = await (await open(consoleUrl)).page.locator(`#days a[href="/days/${report.business_date}"]`).count();
    if (days !== 1) fail(`the run dates page does not link ${report.business_date}`);
    ok(`the run dates page links ${report.business_date}`);
  }
  await accessible(dayUrl, "console day page");
  console.log(`all checks passed; screenshots in ${shots}`);
} finally {
  await browser.close();
}
