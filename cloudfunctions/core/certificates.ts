/**
 * Issuing the electronic 《就业创业证》 (大人社规发〔2025〕2号 一(二): 一站受理、即时出证). One certificate per
 * person: the document id is the person key, so a second issue inside a transaction finds the
 * first. Numbers come from a per-county, per-year counter read and written in the same
 * transaction (CloudBase transactions allow doc get/set, which is all this needs).
 */
import { cityOf, type ProvincialCertificate } from '@shared/certificate-entries';
import { formatCertificateNo } from '@shared/certificate-number';
import { beijingDate } from '@shared/dates';
import { provincialEntries } from './certificate-entries';
import { ids, readRecord, writeRecord, type SequenceCounter } from './collections';
import type { StoreTx } from './store.port';
import type { CertificateRecord, PersonRecord } from './records';

export async function issueCertificateInTx(
  tx: StoreTx,
  p: { personKey: string; person: PersonRecord; region: string; applicationId: string; at: number; prior?: ProvincialCertificate | null },
): Promise<{ certificate: CertificateRecord; created: boolean }> {
  const existing = await readRecord(tx, 'certificates', p.personKey);
  if (existing && existing.status !== 'revoked') return { certificate: existing, created: false };
  // 大人社规发〔2025〕2号 一(四): a certificate the provincial system holds is valid. Issued in this city
  // but never collected (已有《就业创业证》编号而未领取): 补发 under its number. Issued in another city
  // (非本市人员): 换发 here, naming the one it replaces. Either way the latest entries are written on it.
  const prior = p.prior && !existing ? p.prior : null;
  if (prior && cityOf(prior.issuingRegion) === cityOf(p.region)) {
    const certificate: CertificateRecord = {
      ...newRecord(p, prior.certificateNo, prior.issuingRegion),
      entries: provincialEntries(prior, p.at),
    };
    await writeRecord(tx, 'certificates', p.personKey, certificate);
    return { certificate, created: true };
  }
  const year = Number(beijingDate(p.at).slice(0, 4));
  const counterId = ids.certificateSequence(p.region, year);
  const counter = await tx.get<SequenceCounter>('counters', counterId);
  const seq = (counter?.value ?? 0) + 1;
  await tx.put('counters', counterId, { value: seq } satisfies SequenceCounter);
  const certificate: CertificateRecord = {
    ...newRecord(p, formatCertificateNo(p.region, year, seq), p.region),
    ...(prior
      ? { entries: provincialEntries(prior, p.at), exchangedFrom: { certificateNo: prior.certificateNo, issuingRegion: prior.issuingRegion, issuedOn: prior.issuedOn } }
      : {}),
  };
  await writeRecord(tx, 'certificates', p.personKey, certificate);
  return { certificate, created: true };
}

function newRecord(p: { personKey: string; person: PersonRecord; applicationId: string; at: number }, certificateNo: string, issuingRegion: string): CertificateRecord {
  return {
    certificateNo,
    personKey: p.personKey,
    version: 1,
    status: 'valid',
    name: p.person.name,
    idType: p.person.idType,
    idNumber: p.person.idNumber,
    issuingRegion,
    issuedAt: p.at,
    applicationId: p.applicationId,
    history: [],
  };
}
