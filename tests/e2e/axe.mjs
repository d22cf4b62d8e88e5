// axe-core (npm, pinned in package.json) run inside a page or a frame: the WCAG 2.1 A and AA
// rules, and the best-practice ones axe enables by default. Any violation fails the test, with
// each rule's help text and the elements it found.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = require('axe-core/package.json').version;

/// Runs axe in `target` (a Playwright Page or Frame); returns the number of rules that passed,
/// and throws with every violation.
export async function assertAccessible(target, what) {
  await target.evaluate(AXE_SOURCE);
  const result = await target.evaluate(async () => {
    const { violations, passes } = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: passes.length,
      violations: violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
        count: v.nodes.length,
      })),
    };
  });
  if (result.violations.length > 0) {
    const text = result.violations
      .map((v) => `  ${v.id} (${v.impact}, ${v.count} elements): ${v.help}\n${v.nodes.map((n) => `    ${n}`).join('\n')}`)
      .join('\n');
    throw new Error(`axe-core ${AXE_VERSION}: ${result.violations.length} rules violated on ${what}:\n${text}`);
  }
  return result.passes;
}
