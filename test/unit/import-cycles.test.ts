/**
 * No import cycle in the product's code (docs/architecture.md "Where things are"): a module that
 * imports itself through others loads half-initialised, and a cycle between use cases is a handler
 * reaching into another. The graph is every value import (not `import type`, which leaves no code)
 * between the files of cloudfunctions/, shared/ and client/src/, tests left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const EXTS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx', '.h5.tsx', '.weapp.tsx'];

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'node_modules' && !e.startsWith('dist')) sources(p, out);
    } else if (/\.tsx?$/.test(e) && !/\.test\.tsx?$/.test(e)) out.push(p);
  }
  return out;
}

function target(from: string, spec: string): string | null {
  const base = spec.startsWith('@shared/') ? join(ROOT, 'shared', spec.slice(8)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const x of EXTS) if (existsSync(base + x) && statSync(base + x).isFile()) return base + x;
  return null;
}

/** file → the files it imports values from */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    const deps = new Set<string>();
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const t = m[1] ? null : target(f, m[2]);
      if (t) deps.add(t);
    }
    for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
      const t = target(f, m[1]);
      if (t) deps.add(t);
    }
    graph.set(f, [...deps]);
  }
  return graph;
}

/** The strongly connected groups of more than one file (Tarjan), or a file importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)!.includes(v)) found.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

it('finds a cycle when there is one (the check can fail)', () => {
  const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
  expect(cycles(g).map((c) => [...c].sort())).toEqual([['a', 'b', 'c']]);
});

it('has no import cycle in cloudfunctions/, shared/ and client/src/', () => {
  const files = ['cloudfunctions', 'shared', 'client/src'].flatMap((d) => sources(join(ROOT, d)));
  expect(files.length).toBeGreaterThan(300);
  const graph = importGraph(files);
  // the graph is real: the dispatcher reaches the handlers' registry
  expect(graph.get(join(ROOT, 'cloudfunctions/core/dispatch.ts'))?.length).toBeGreaterThan(0);
  expect(cycles(graph).map((c) => c.map((f) => relative(ROOT, f)))).toEqual([]);
});
