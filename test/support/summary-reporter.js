// Prints the plain closing line CI reads ("N passed, N failed"), after jest's own summary; and, when
// the run included the reliability suite's attack tests (test/reliability/hardening.test.ts), the
// per-attack-class table they wrote to test-results/attacks.json during this run.
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.started = Date.now();
  }

  attackTable() {
    const file = join(this.rootDir, 'test-results', 'attacks.json');
    if (!existsSync(file) || statSync(file).mtimeMs < this.started) return '';
    let data;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return '';
    }
    const rows = data.classes.map((c) => [c.class, c.tried, c.refused, c.storedNothing, c.status5xx]);
    const total = rows.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3], t[4] + r[4]], ['all classes', 0, 0, 0, 0]);
    const head = ['attack class', 'tried', 'refused/held', 'stored nothing', '5xx'];
    const all = [head, ...rows, total];
    const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
    const line = (r) => r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
    return `\nAttacks (test-results/attacks.json)\n${line(head)}\n${all.slice(1, -1).map(line).join('\n')}\n${line(total)}\n`;
  }

  onRunComplete(_contexts, results) {
    process.stdout.write(this.attackTable());
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = SummaryReporter;
