/**
 * The CloudBase database as the store (store.cloudbase.ts) sees it: the few wx-server-sdk shapes
 * it uses, typed here so that nothing of wx-server-sdk is imported.
 */
/**
 * The part of wx-server-sdk's `Database` this adapter uses. Return types are `unknown` because
 * the SDK's typings declare `Promise<…> | void | string` (callback style); the adapter awaits
 * and reads the documented result shapes.
 */
export interface CloudbaseDatabase {
  collection(name: string): CloudbaseCollection;
  readonly command: CloudbaseCommand;
  RegExp(options: { regexp: string; options?: string }): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  runTransaction(run: (transaction: any) => Promise<unknown>, times?: number): Promise<unknown>;
}
export interface CloudbaseDocument {
  get(): unknown;
  set(options: { data: Record<string, unknown> }): unknown;
  remove(): unknown;
}
export interface CloudbaseQuery {
  where(condition: Record<string, unknown>): CloudbaseQuery;
  orderBy(field: string, direction: string): CloudbaseQuery;
  limit(n: number): CloudbaseQuery;
  skip(n: number): CloudbaseQuery;
  get(): unknown;
  count(): unknown;
}
export interface CloudbaseCollection extends CloudbaseQuery {
  doc(id: string): CloudbaseDocument;
}
export interface CloudbaseCommandValue {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  and(...conditions: any[]): unknown;
}
export interface CloudbaseCommand {
  eq(value: unknown): CloudbaseCommandValue;
  gt(value: unknown): CloudbaseCommandValue;
  gte(value: unknown): CloudbaseCommandValue;
  lt(value: unknown): CloudbaseCommandValue;
  lte(value: unknown): CloudbaseCommandValue;
  in(values: unknown[]): CloudbaseCommandValue;
}
/** What runTransaction hands the callback: single-doc operations only. */
export interface CloudbaseTransaction {
  collection(name: string): { doc(id: string): CloudbaseDocument };
}
