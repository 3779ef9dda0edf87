import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarget } from '../../adapters';
import { ERROR_CATALOGUE } from '../../api/errors';
import { renderHtml } from '../../reports/html/page';
import type { RunRecord } from '../../reports/run-record';
import { writeReports } from '../../reports/write';
import { runAgainst } from '../readings/support';
import { CHROMIUM, chromiumMissing } from '../setup/chromium';

const OUT = resolve('test-output/report-html');
const missing = chromiumMissing();
if (missing) console.warn(`skipping the report.html browser test: ${missing}`);

/** A real run against the mock target bent by a fault profile: a real failure with a real trace. */
async function runWithFailure(): Promise<RunRecord> {
  const target = await createTarget('mock', {
    faultProfile: 'rpo-missing',
    clockMode: 'manual',
    transitionMs: 0,
  });
  const { record } = await runAgainst({
    target,
    seed: 1,
    runs: 10,
    maxCommands: 15,
    // Shrunk, as a user's report shows a failure.
    shrink: true,
    replayCommand: (n) => `ebs-conformance replay ${OUT}/run.json --failure ${n}`,
  });
  return record;
}

describe.skipIf(missing !== undefined)('report.html in headless chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let record: RunRecord;
  let profile: string;
  const problems: string[] = [];

  beforeAll(async () => {
    record = await runWithFailure();
    rmSync(OUT, { recursive: true, force: true });
    writeReports(OUT, record);
    profile = mkdtempSync(join(tmpdir(), 'ebs-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // The page is one file: anything else it asks for is a broken promise of self-containment.
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(join(OUT, 'report.html')).href);
  });

  afterAll(async () => {
    if (page) {
      mkdirSync('test-output', { recursive: true });
      // A picture to look at after a failure, not an assertion: on a loaded machine a full-page
      // capture can outlast its timeout, which must not fail the tests that passed.
      await page
        .screenshot({ path: 'test-output/report-html.png', fullPage: true, timeout: 10_000 })
        .catch((e: Error) => console.warn(`no screenshot: ${e.message.split('\n')[0]}`));
    }
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders the verdict with no console errors and no request beyond the file', async () => {
    expect(record.verdict).toBe('nonconformant');
    expect(await page.locator('#verdict').textContent()).toBe('nonconformant');
    expect(problems).toEqual([]);
  });

  it('shows the failure card with its trace, the failing call opened', async () => {
    const failure = record.failures[0];
    const card = page.locator('#failure-1');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('h3').textContent()).toContain(failure?.title);
    const rows = card.locator('table.trace tbody tr');
    expect(await rows.count()).toBe(failure?.trace.length);
    const culprit = card.locator('tr.culprit');
    expect(await culprit.locator('details pre').first().isVisible()).toBe(true);
    expect(await card.locator('.diff pre.expected').isVisible()).toBe(true);
  });

  it('filters the rule table by text and by status', async () => {
    const visible = () => page.locator('#rules tbody tr:not(.hidden)');
    const total = record.rules.length;
    expect(await visible().count()).toBe(total);
    const violated = record.rules.filter((r) => r.violations > 0);
    expect(violated.length).toBeGreaterThan(0);

    await page.selectOption('#rule-status', 'violated');
    expect(await visible().count()).toBe(violated.length);
    expect(await page.locator('#rule-shown').textContent()).toBe(
      `${violated.length} of ${total} rules shown`,
    );

    await page.selectOption('#rule-status', 'all');
    const one = violated[0]?.id as string;
    await page.fill('#rule-filter', one.toLowerCase());
    const ids = await visible().locator('td:first-child').allTextContents();
    expect(ids).toContain(one);
    expect(ids.every((id) => id.includes(one))).toBe(true);

    await page.fill('#rule-filter', '');
    await page.selectOption('#rule-status', 'not-exercised');
    const statuses = await visible().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.length).toBe(record.rules.filter((r) => r.accepted + r.refused === 0).length);
    expect(new Set(statuses)).toEqual(new Set(['not-exercised']));
    await page.selectOption('#rule-status', 'all');
  });

  it('links every rule and every operation to its documentation page', async () => {
    const ruleLinks = await page
      .locator('#rules tbody tr td:first-child a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(ruleLinks).toHaveLength(record.rules.length);
    expect(ruleLinks.filter((href) => !href.startsWith('https://'))).toEqual([]);
    const operations = await page.locator('#error-codes tbody tr').count();
    const operationLinks = await page
      .locator('#error-codes tbody tr td:first-child a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(operationLinks).toHaveLength(operations);
    expect(operationLinks.filter((href) => !href.startsWith('https://www.alibabacloud.com/help/'))).toEqual(
      [],
    );
    expect(new Set(operationLinks).size).toBeGreaterThan(20);
  });

  it('fits every table in its column at 1400 px, with the widest codes the catalogue has', async () => {
    // The run's own page, and the same run with every rule's code cells holding the three longest
    // codes of the catalogue (long unbreakable words, large counts): what a long night shows.
    const longest = [...ERROR_CATALOGUE.keys()].sort((a, b) => b.length - a.length).slice(0, 3);
    const codes = Object.fromEntries(longest.map((c) => [c, 12_345]));
    const widest = {
      ...record,
      rules: record.rules.map((r) => ({ ...r, observedCodes: codes, docGaps: codes })),
    };
    writeFileSync(join(OUT, 'widest.html'), renderHtml(widest));
    const other = await context.newPage();
    const overflowing: string[] = [];
    try {
      for (const [name, view] of [
        ['report.html', page],
        ['widest.html', other],
      ] as const) {
        await view.setViewportSize({ width: 1400, height: 900 });
        if (view === other) await other.goto(pathToFileURL(join(OUT, name)).href);
        // main's content box: its padding is 2rem (16 px root font) on each side.
        const main = await view.locator('main').boundingBox();
        const right = (main?.x ?? 0) + (main?.width ?? 0) - 32;
        for (const table of await view.locator('main table').all()) {
          const box = await table.boundingBox();
          const [scroll, client] = await table.evaluate((t) => {
            const e = t as unknown as { scrollWidth: number; clientWidth: number };
            return [e.scrollWidth, e.clientWidth];
          });
          if (box && (box.x + box.width > right + 1 || scroll > client + 1))
            overflowing.push(
              `${name}: ${(await table.getAttribute('id')) ?? (await table.getAttribute('class')) ?? 'table'} (${Math.round(box.x + box.width - right)} px over)`,
            );
        }
      }
    } finally {
      await other.close();
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(overflowing).toEqual([]);
  });

  it('runs only its own script: the policy names it by hash, an injected one is refused', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(policy).not.toContain("script-src 'unsafe-inline'");
    // The same page with a script smuggled in, as a response body escaping its escaping would be.
    const html = readFileSync(join(OUT, 'report.html'), 'utf8').replace(
      '</main>',
      '<script>document.title = "injected"</script></main>',
    );
    writeFileSync(join(OUT, 'injected.html'), html);
    const other = await context.newPage();
    try {
      await other.goto(pathToFileURL(join(OUT, 'injected.html')).href);
      expect(await other.title()).not.toBe('injected');
      // The page's own script still ran: the filter counted the rules.
      expect(await other.locator('#rule-shown').textContent()).toMatch(/rules shown$/);
    } finally {
      await other.close();
    }
  });

  it('draws the heatmaps and the timing charts', async () => {
    expect(await page.locator('table.heat').count()).toBe(2);
    expect(await page.locator('svg[aria-label="Latency per operation"] circle.p50').count()).toBe(
      record.timings.operations.length,
    );
  });
});
