/** The export of deregistrations to the national platform (docs/product.md "Data to the national platform", 人社厅发〔2020〕79号). */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { beijingDate, compactToIso, isoToCompact, startOfBeijingDay, addDays } from '@shared/dates';
import { INDICATORS, exportRecordOf, exportRuleViolations, toCsv, uniqueId, type ExportRecord } from '@shared/export.rules';
import { maskIdNumber } from '@shared/mask';
import { regionQueryPrefix, staffMaySee } from '../access';
import { exportSchema, STAFF_FIELD_LABELS } from '@shared/staff.schema';
import { findRecords } from '../collections';
import { audit } from '../audit';
import { staffOf } from '../staff-scope';
import { defineHandler } from './handler';

/** The 人社厅发〔2020〕79号 export: exactly its indicator fields; records that break a rule listed with the rule. */
export const exportDeregistrations = defineHandler(exportSchema, async (input, deps): Promise<Result<{ indicators: readonly string[]; records: ExportRecord[]; rejected: Array<{ record: ExportRecord; rule: string; rules: string[] }>; csv: string }>> => {
  const staff = staffOf(deps);
  const from = startOfBeijingDay(compactToIso(input.from));
  const to = startOfBeijingDay(addDays(compactToIso(input.to), 1));
  const prefix = regionQueryPrefix(staff);
  const rows = (prefix === null ? [] : await findRecords(deps.store, 'deregistrations', { region: { prefix }, at: { gte: from, lt: to } }, { orderBy: { field: 'at', direction: 'asc' }, limit: 100000 }))
    .filter((d) => staffMaySee(staff, d));
  const today = isoToCompact(beijingDate(deps.clock.now()));
  const records: ExportRecord[] = [];
  const rejected: Array<{ record: ExportRecord; rule: string; rules: string[] }> = [];
  const seen = new Set<string>();
  for (const d of rows) {
    const record: ExportRecord = exportRecordOf(d);
    const rules = exportRuleViolations(record, { today, gender: d.gender });
    if (seen.has(uniqueId(record))) rules.push('AAZ341 不可重复');
    seen.add(uniqueId(record));
    if (rules.length) rejected.push({ record: { ...record, AAC002: maskIdNumber(record.AAC002), AAC044: maskIdNumber(record.AAC044) }, rule: rules[0], rules });
    else records.push(record);
  }
  await audit(deps, 'exportDeregistrations', { from: input.from, to: input.to, exported: records.length, rejected: rejected.length });
  return ok({ indicators: INDICATORS, records, rejected, csv: toCsv(records) });
}, { labels: STAFF_FIELD_LABELS });
