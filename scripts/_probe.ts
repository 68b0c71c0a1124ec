import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../cloudfunctions/core/dispatch';
import { localRuntime } from '../cloudfunctions/gateway/local-deps';
import { makePerson, govRecord } from '../test/support/people';
const N = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'bp-'));
const people = Array.from({ length: N }, (_, i) => { const d = new Date(Date.UTC(1975, 0, 1) + Math.floor(i / 400) * 86400000); const birth = d.toISOString().slice(0,10).replace(/-/g,''); return makePerson({ birth }); });
const ids = new Set(people.map(p=>p.idNumber)); if (ids.size !== N) throw new Error('dup ids '+ids.size);
// unique ids: makeIdNumber seq wraps at 1000; vary birth
const gov = join(dir, 'gov.json');
writeFileSync(gov, JSON.stringify({ persons: people.map((p) => govRecord(p)), staff: [], down: [] }));
const rt = localRuntime({ dataDir: join(dir, 'data'), govDataFile: gov, log: () => {} });
async function main(){
const lat: number[] = [];
let bad = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const p = people[i];
  const deps = rt.depsFor({ openid: `o-${i}`, staff: null });
  const s = performance.now();
  const out = await dispatch('applyCertificate', { requestId: `bench-req-${i}`, ...p }, deps, { local: false });
  lat.push(performance.now() - s);
  if (out.status !== 200 || (out.body as any).data?.status !== 'approved') { bad++; if (bad < 3) console.log(JSON.stringify(out.body).slice(0, 400)); }
}
const el = performance.now() - t0;
lat.sort((a, b) => a - b);
console.log({ N, bad, p50: lat[Math.floor(N * 0.5)], p99: lat[Math.floor(N * 0.99)], rps: N / (el / 1000) });
(globalThis as any).__report?.(dir); await rt.close(); if (process.env.KEEP) console.log("dir", dir);
}
main();
