/**
 * The repository makes sense on its own (issue 12 "Citations any reader can follow"): every tracked
 * source, test, data and doc file cites a notice by its official number and section
 * (`人社厅发〔2020〕79号 一(四)`), never by the planning folder's file numbers (the word and a
 * three-digit number, also when the number sits on the next line), never points at the planning folder outside the repository, and never at
 * its documents (the product spec, the local API spec, the forms spec) — what they say lives in docs/.
 * Binary files and node_modules are skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// Written in pieces so that this file does not match itself.
const FORBIDDEN: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'a planning-folder notice number instead of the official citation', pattern: new RegExp('\\bse' + 'ed\\s+00\\d', 'gi') },
  { what: 'a path outside the repository', pattern: new RegExp('\\.\\./sh' + 'ared', 'g') },
  { what: 'the planning folder\'s product spec', pattern: new RegExp('PROD' + 'UCT\\.md', 'g') },
  { what: 'the planning folder\'s local API spec', pattern: new RegExp('local-' + 'api\\.md', 'g') },
  { what: 'the planning folder\'s forms spec', pattern: new RegExp('spec/' + 'forms\\.md', 'g') },
];

function trackedTextFiles(): Array<{ path: string; text: string }> {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\0').filter(Boolean);
  const files: Array<{ path: string; text: string }> = [];
  for (const path of listed) {
    if (path.split('/').includes('node_modules')) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(ROOT, path));
    } catch {
      continue; // listed but deleted in the work tree
    }
    if (bytes.subarray(0, 8000).includes(0)) continue; // binary
    files.push({ path, text: bytes.toString('utf8') });
  }
  return files;
}

/** Every forbidden reference in `text`, as "path:line: what (the words)". */
function forbiddenReferences(path: string, text: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of FORBIDDEN) {
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${path}:${line}: ${what} (${m[0].replace(/\s+/g, ' ')})`);
    }
  }
  return found;
}

describe('the repository refers only to itself and to notices by their official numbers', () => {
  it('finds each forbidden reference, also one split across lines', () => {
    const seedSplit = ['see the notice in se', 'ed\n', '001 §三'].join('');
    expect(forbiddenReferences('x.md', seedSplit)).toEqual([`x.md:1: a planning-folder notice number instead of the official citation (${['se', 'ed 001'].join('')})`]);
    expect(forbiddenReferences('x.ts', ['import a from "../sh', 'ared/spec";'].join(''))).toHaveLength(1);
    expect(forbiddenReferences('x.md', ['see PROD', 'UCT.md, local-', 'api.md and spec/', 'forms.md'].join(''))).toHaveLength(3);
    // the repository's own docs are fine
    expect(forbiddenReferences('x.md', 'see docs/forms.md, docs/product.md and 人社厅发〔2020〕79号 一(四)')).toEqual([]);
  });

  it('no tracked text file holds one', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === 'docs/rules.md')).toBe(true);
    expect(files.flatMap((f) => forbiddenReferences(f.path, f.text))).toEqual([]);
  });
});

/**
 * docs/rules.md cites, for each rule, the test that fails without it: `path/to/x.test.ts` "the test's
 * name" (… stands for words left out). Every cited file exists and holds a test of that name, so a
 * newcomer who follows a row finds the test.
 */
function unfoundCitations(rules: string): string[] {
  const unfound: string[] = [];
  const unquote = (src: string) => src.replace(/\\'/g, "'");
  for (const line of rules.split('\n').filter((l) => l.startsWith('|'))) {
    const testCell = line.split(' | ').at(-1) ?? '';
    for (const segment of testCell.split(/;\s*/)) {
      const file = /`([^`]+\.test\.ts)`/.exec(segment)?.[1];
      if (!file) continue;
      if (!existsSync(join(ROOT, file))) { unfound.push(`${file} (no such file)`); continue; }
      const source = unquote(readFileSync(join(ROOT, file), 'utf8'));
      for (const [, name] of segment.matchAll(/"([^"]+)"/g)) {
        const pattern = new RegExp(name.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?'));
        if (!pattern.test(source)) unfound.push(`${file} "${name}"`);
      }
    }
  }
  return unfound;
}

describe('docs/rules.md cites tests that exist', () => {
  it('finds a cited name that is not in the file', () => {
    expect(unfoundCitations('| r | w | c | e | `test/unit/repository-hygiene.test.ts` "finds a cited name…not in the file" |')).toEqual([]);
    expect(unfoundCitations('| r | w | c | e | `shared/mask.test.ts` "a test nobody wrote" |')).toEqual(['shared/mask.test.ts "a test nobody wrote"']);
    expect(unfoundCitations('| r | w | c | e | `test/unit/no-such.test.ts` "x" |')).toEqual(['test/unit/no-such.test.ts (no such file)']);
  });

  it('every test name cited in docs/rules.md is found in its file', () => {
    expect(unfoundCitations(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8'))).toEqual([]);
  });
});
