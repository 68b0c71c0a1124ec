/**
 * The Node 22 binary the functions' runtime tests run the bundles under (docs/runtime.md):
 * scripts/node22.mjs fetches it from the npm registry into .cache/node22/ on first use, then only
 * prints its path. A machine that cannot reach the registry fails here, with what to run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'node22.mjs');

export function node22(): string {
  const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', timeout: 600_000 });
  const path = (r.stdout ?? '').trim().split('\n').pop();
  if (r.status !== 0 || !path) {
    throw new Error(`Node 22 is not in the cache (.cache/node22) and could not be fetched from the npm registry: ${(r.stderr || String(r.error ?? '')).trim().slice(-800)}\nRun: node scripts/node22.mjs`);
  }
  return path;
}
