/**
 * @jest-environment jsdom
 *
 * The SQLite store where the mini-program tests run it: in-process behind a page, under a
 * browser-like environment (jsdom) whose global has no `setImmediate`. The group commit's window
 * waits one event-loop turn; taking that turn from the global broke every transaction after the
 * first window ("cannot start a transaction within a transaction") and left callers waiting.
 * Sequential and concurrent submissions must all be answered and kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import type { StorePort } from '../../cloudfunctions/core/store.port';

let dir: string;
let store: StorePort;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jy-sqlite-jsdom-'));
  store = openSqliteStore({ dataDir: dir });
});
afterAll(async () => {
  await (store as StorePort & { close?: () => Promise<void> }).close?.();
  rmSync(dir, { recursive: true, force: true });
});

it('answers and keeps every transaction, one at a time and 16 at once, without a Node global setImmediate', async () => {
  expect((globalThis as { setImmediate?: unknown }).setImmediate).toBeUndefined();
  // one at a time, past the point where the store tries its one-turn window (after 8 lone commits)
  for (let i = 0; i < 20; i++) {
    await store.transaction(async (tx) => {
      await tx.put('audit', `seq-${i}`, { n: i });
    });
  }
  // then 16 callers at once: they share commits through the same window
  await Promise.all(Array.from({ length: 16 }, (_, i) => store.transaction(async (tx) => {
    await tx.put('audit', `par-${i}`, { n: i });
  })));
  expect(await store.count('audit', {})).toBe(36);
  expect(await store.get('audit', 'seq-19')).toMatchObject({ n: 19 });
});
