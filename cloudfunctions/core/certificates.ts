/**
 * Issuing the electronic 《就业创业证》 (大人社规发〔2025〕2号 一(二): 一站受理、即时出证). One certificate per
 * person: the document id is the person key, so a second issue inside a transaction finds the
 * first. Numbers come from a per-county, per-year counter read and written in the same
 * transaction (CloudBase transactions allow doc get/set, which is all this needs).
 */
import { formatCertificateNo } from '../../shared/certificate-number';
import { beijingDate } from '../../shared/dates';
import type { StoreTx } from './store.port';
import type { CertificateRecord, PersonRecord } from './records';

export async function issueCertificateInTx(
  tx: StoreTx,
  p: { personKey: string; person: PersonRecord; region: string; applicationId: string; at: number },
): Promise<{ certificate: CertificateRecord; created: boolean }> {
  const existing = await tx.get<CertificateRecord>('certificates', p.personKey);
  if (existing && existing.status !== 'revoked') return { certificate: existing, created: false };
  const year = Number(beijingDate(p.at).slice(0, 4));
  const counterId = `certificate:${p.region}:${year}`;
  const counter = await tx.get<{ value: number }>('counters', counterId);
  const seq = (counter?.value ?? 0) + 1;
  await tx.put('counters', counterId, { value: seq });
  const certificate: CertificateRecord = {
    certificateNo: formatCertificateNo(p.region, year, seq),
    personKey: p.personKey,
    version: 1,
    status: 'valid',
    name: p.person.name,
    idType: p.person.idType,
    idNumber: p.person.idNumber,
    issuingRegion: p.region,
    issuedAt: p.at,
    applicationId: p.applicationId,
    history: [],
  };
  await tx.put('certificates', p.personKey, certificate);
  return { certificate, created: true };
}
