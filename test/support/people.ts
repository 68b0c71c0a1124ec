/**
 * Synthetic people for tests: valid ID numbers made here (GB 11643 check character), names and
 * regions chosen by the test — nothing depends on the demo file's people (the product is checked
 * from outside with people it has not seen).
 */
import type { ProvincialCertificate } from '@shared/certificate-entries';
import { mod11_2 } from '@shared/id-number';

let seq = 100;

/** An 18-digit citizen ID number: region + birth date + sequence (odd = 男) + check character. */
export function makeIdNumber(o: { region?: string; birth?: string; gender?: '1' | '2' } = {}): string {
  const region = o.region ?? '210204';
  const birth = o.birth ?? '19880612';
  const gender = o.gender ?? '1';
  seq = (seq + 2) % 1000;
  let s = seq;
  if ((s % 2 === 1) !== (gender === '1')) s = (s + 1) % 1000;
  const body = `${region}${birth}${String(s).padStart(3, '0')}`;
  return body + mod11_2(body);
}

let nameSeq = 0;
const GIVEN = ['海涛', '春梅', '立新', '志强', '玉兰', '国庆', '晓东', '丽娟', '建华', '秀兰'];
const FAMILY = ['赵', '钱', '孙', '周', '郑', '冯', '褚', '卫', '蒋', '沈'];

export function makeName(): string {
  nameSeq++;
  return FAMILY[nameSeq % FAMILY.length] + GIVEN[(nameSeq * 7) % GIVEN.length];
}

export interface TestPerson {
  name: string;
  idType: string;
  idNumber: string;
  gender: '1' | '2';
  ethnicity: string;
  education: string;
  health: string;
  hukouAddress: { regionCode: string; detail: string };
  residenceAddress: { regionCode: string; detail: string };
  phone: string;
  [k: string]: unknown;
}

/** A complete, valid person for every form (docs/forms.md "Person"). */
export function makePerson(o: Partial<TestPerson> & { birth?: string; region?: string } = {}): TestPerson {
  const gender = o.gender ?? '2';
  const region = o.region ?? '210204';
  const { birth, region: _r, ...rest } = o;
  return {
    name: makeName(),
    idType: '01',
    idNumber: makeIdNumber({ region, birth: birth ?? '19880612', gender }),
    gender,
    ethnicity: '01',
    education: '21',
    health: '1',
    hukouAddress: { regionCode: region, detail: '幸福街道 12 号 3-2-1' },
    residenceAddress: { regionCode: region, detail: '幸福街道 12 号 3-2-1' },
    phone: '13912345678',
    ...rest,
  };
}

export function requestId(): string {
  return `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface GovPerson {
  idNumber: string;
  name: string;
  inCardBase?: boolean;
  pension?: boolean;
  unitInsurance?: { unit: string; since: string } | null;
  contractFiling?: { unit: string; since: string } | null;
  businessRegistration?: { name: string; since: string } | null;
  /** a 《就业创业证》 the provincial system holds (shared/certificate-entries.ts ProvincialCertificate) */
  certificate?: ProvincialCertificate | null;
  /** local 实人核验 simulation: every face check for this person fails */
  realPerson?: 'pass' | 'fail';
}

/** The outside-data record of a clean person (in the card base, nothing active). */
export function govRecord(p: { name: string; idNumber: string }, o: Partial<GovPerson> = {}): GovPerson {
  return { idNumber: p.idNumber, name: p.name, inCardBase: true, pension: false, unitInsurance: null, contractFiling: null, businessRegistration: null, ...o };
}
