/**
 * 失业登记证明 / 就业登记证明: a document a person is asked for (失业保险金, 就业困难人员认定, 社区) stating
 * the facts of their registration on the day it is issued, with a QR that verifies it.
 *
 * The QR carries a compact JWS signed by the same keys and scheme as the certificate QR
 * (qr/token.port.ts `signJson`, verifiable with `/.well-known/jwks.json`), with its own claims:
 *   {"r":"<applicationId of the registration>","k":"u"|"f","iat":<s>,"exp":<s>}
 * No name, no ID number: the application id is a random key that names no one. Staff scan it with
 * the same scanner as the certificate (`verifyProof`), and see whether the proof is genuine and
 * what the registration is NOW (a proof says what was true when issued; the scan says what is true).
 *
 * Life: PROOF_TTL_DAYS. A proof is paper-like — printed, e-mailed, handed over — so it must outlive
 * the certificate code's two minutes; a month is how long we let one circulate before the holder
 * issues a fresh one (a product choice, not a rule of a notice). It verifies while the key that
 * signed it is still held: after a key rotation the older proofs answer "重新开具".
 */
import type { RegistrationStatus } from '@shared/api';
import { beijingDate } from '@shared/dates';
import { maskIdNumber } from '@shared/mask';
import { REGISTRATION_KIND_LABEL, type RegistrationKind } from '@shared/registrations';
import { regionName } from '@shared/regions';
import { handlingOffice } from './offices';
import type { RegistrationRecord } from './records';

export const PROOF_TTL_DAYS = 30;
export const PROOF_TTL_SECONDS = PROOF_TTL_DAYS * 24 * 3600;

/** The document's title per registration kind: a 灵活就业登记 is a 就业登记. */
export const PROOF_TITLE: Readonly<Record<RegistrationKind, string>> = Object.freeze({
  unemployment: '失业登记证明',
  flexible: '就业登记证明',
});

const KIND_LETTER: Readonly<Record<RegistrationKind, 'u' | 'f'>> = { unemployment: 'u', flexible: 'f' };

export interface ProofClaims {
  /** the registration's applicationId */
  r: string;
  k: 'u' | 'f';
  iat: number;
  exp: number;
}

export function proofClaims(reg: Pick<RegistrationRecord, 'applicationId' | 'kind'>, now: number): ProofClaims {
  const iat = Math.floor(now / 1000);
  return { r: reg.applicationId, k: KIND_LETTER[reg.kind], iat, exp: iat + PROOF_TTL_SECONDS };
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

/** The claims of a genuine signJson token when they are a proof's, else null. */
export function asProofClaims(c: Record<string, unknown>): (ProofClaims & { kind: RegistrationKind }) | null {
  if (typeof c.r !== 'string' || c.r.length === 0 || c.r.length > 64) return null;
  if (c.k !== 'u' && c.k !== 'f') return null;
  if (!isInt(c.iat) || !isInt(c.exp) || c.exp <= c.iat) return null;
  return { r: c.r, k: c.k, iat: c.iat, exp: c.exp, kind: c.k === 'u' ? 'unemployment' : 'flexible' };
}

/** What the document states, all in words (the PDF renderer knows nothing of records). */
export interface ProofFacts {
  title: string;
  name: string;
  idNumberMasked: string;
  kindLabel: string;
  regionName: string;
  since: string;
  status: RegistrationStatus;
  statusText: string;
  endedOn?: string;
  issuedOn: string;
  validUntil: string;
  office: string;
  statement: string;
}

const cn = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export function proofFacts(reg: RegistrationRecord, now: number, exp: number): ProofFacts {
  const person = (reg.person ?? {}) as { name?: string; idNumber?: string };
  const name = String(person.name ?? '');
  const kindLabel = REGISTRATION_KIND_LABEL[reg.kind];
  const region = regionName(reg.region) ?? reg.region;
  const since = beijingDate(reg.since);
  const issuedOn = beijingDate(now);
  const endedOn = reg.status !== 'active' && reg.endedAt ? beijingDate(reg.endedAt) : undefined;
  const statusText = reg.status === 'active' ? `${kindLabel}有效` : `${kindLabel}已于 ${endedOn ?? '（日期不详）'} 注销`;
  const office = handlingOffice(reg.region)?.name ?? `${region}公共就业服务机构`;
  const statement = reg.status === 'active'
    ? `兹证明 ${name} 于 ${cn(since)} 在${region}办理${kindLabel}，截至 ${cn(issuedOn)} 该登记有效。`
    : `兹证明 ${name} 于 ${cn(since)} 在${region}办理${kindLabel}，该登记已于 ${endedOn ? cn(endedOn) : '（日期不详）'} 注销。`;
  return {
    title: PROOF_TITLE[reg.kind], name, idNumberMasked: maskIdNumber(String(person.idNumber ?? '')), kindLabel,
    regionName: region, since, status: reg.status, statusText, ...(endedOn ? { endedOn } : {}),
    issuedOn, validUntil: beijingDate(exp * 1000), office, statement,
  };
}
