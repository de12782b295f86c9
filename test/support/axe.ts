import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core in a Playwright page (issue 13: JIS X 8341-3 / WCAG 2.1 AA). The source is evaluated
 * through the DevTools protocol rather than added as a <script>: the apps' CSP allows no inline
 * script, and the page's own code must not be able to tell it is being audited.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 / 2.1 A and AA (what JIS X 8341-3:2016 AA asks for), and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface PageTally {
  readonly page: string;
  readonly critical: number;
  readonly serious: number;
  readonly moderate: number;
  readonly minor: number;
  /** The moderate and minor rules, to report what was left (`rule-id(nodes)`). */
  readonly left: readonly string[];
}

const countOf = (violations: readonly Result[], impact: ImpactValue) => violations.filter((v) => v.impact === impact).length;

/** One line per node: what a failure message shows (rule, impact, where, what to do). */
export const describeViolations = (violations: readonly Result[]): string =>
  violations
    .map((v) =>
      [
        `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`,
        ...v.nodes.map((n) => `    at ${n.target.map(String).join(' > ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
      ].join('\n'),
    )
    .join('\n');

/**
 * Audits pages and keeps a tally per page label (one rule violated on a page counts once,
 * however many elements break it). `check` returns the serious and critical violations; the
 * test asserts there are none, so a failure names the rule, the elements and the fix.
 */
export const createAxeAudit = () => {
  const tallies: PageTally[] = [];
  return {
    async check(page: Page, label: string): Promise<Result[]> {
      const started = performance.now();
      if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
      const results = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })`,
      )) as AxeResults;
      const { violations } = results;
      // AXE_VERBOSE=1 shows every violation, the moderate and minor ones too, as they are found.
      if (process.env.AXE_VERBOSE) {
        const review = results.incomplete.map((r) => `${r.id}: ${r.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
        console.log(`axe: ${label} (${Math.round(performance.now() - started)} ms)\n${describeViolations(violations)}\n  to review: ${review.join('; ')}`);
      }
      tallies.push({
        page: label,
        critical: countOf(violations, 'critical'),
        serious: countOf(violations, 'serious'),
        moderate: countOf(violations, 'moderate'),
        minor: countOf(violations, 'minor'),
        left: violations.filter((v) => v.impact === 'moderate' || v.impact === 'minor').map((v) => `${v.id}(${v.nodes.length})`),
      });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    },
    /** Audits the page as it is now; each serious or critical violation fails the test (softly, so every page is reported), by name. */
    async expectAccessible(page: Page, label: string): Promise<void> {
      expect.soft(describeViolations(await this.check(page, label)), `axe on "${label}"`).toBe('');
    },
    tallies: (): readonly PageTally[] => tallies,
    /** One JSON line per page audited, for the closing note of the issue. */
    print(): void {
      for (const tally of tallies) console.log(JSON.stringify(tally));
    },
  };
};

export type AxeAudit = ReturnType<typeof createAxeAudit>;
