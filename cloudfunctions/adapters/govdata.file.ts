/**
 * Outside data from a JSON file (docs/api.md "The outside-data file"): stands in for the
 * identity base, pension, social-insurance, labour-contract-filing and business-registration
 * systems, the provincial system's 《就业创业证》 records, and the staff directory. A real implementation: it reads the file, re-reads it when it
 * changes on disk, and honours `down` by answering "unavailable" for the listed sources.
 */
import { readFileSync, statSync } from 'node:fs';
import { validStaffRecord } from '../core/access';
import type { ProvincialCertificate } from '@shared/certificate-entries';
import type { BusinessRecord, GovDataPort, SourceAnswer, SourceName, StaffDirectoryPort, StaffMember, UnitRecord } from '../core/deps';

interface FilePerson {
  idNumber: string;
  name: string;
  inCardBase?: boolean;
  pension?: boolean;
  unitInsurance?: UnitRecord | null;
  contractFiling?: UnitRecord | null;
  businessRegistration?: BusinessRecord | null;
  /** a 《就业创业证》 the provincial system holds (issued at a counter here, or in another city) */
  certificate?: ProvincialCertificate | null;
  /** local 实人核验 simulation: "fail" = every face check for this person fails (docs/identity.md) */
  realPerson?: 'pass' | 'fail';
}

/**
 * A photo the local ID-card OCR simulation knows (adapters/idCardOcr.local.ts), by the SHA-256 of its
 * bytes: what the 人像面 says, or how the reading fails (as Tencent's IDCardOCR fails).
 */
export interface IdCardImageEntry {
  sha256: string;
  front?: { name: string; idNumber: string; address: string; nation?: string };
  failure?: 'not_id_card' | 'back_side' | 'blurry' | 'unreadable';
}

interface GovFile {
  persons?: FilePerson[];
  staff?: StaffMember[];
  down?: SourceName[];
  idCardImages?: IdCardImageEntry[];
}

interface Loaded {
  mtimeMs: number;
  persons: Map<string, FilePerson>;
  staff: Map<string, StaffMember>;
  down: Set<string>;
  idCardImages: Map<string, IdCardImageEntry>;
}

function parse(text: string, mtimeMs: number): Loaded {
  const raw = JSON.parse(text) as GovFile;
  const persons = new Map<string, FilePerson>();
  for (const p of raw.persons ?? []) {
    if (p && typeof p.idNumber === 'string') persons.set(p.idNumber.trim().toUpperCase(), p);
  }
  const staff = new Map<string, StaffMember>();
  for (const s of raw.staff ?? []) {
    // a malformed record (empty or unknown region, unknown role) is not staff (core/access.ts)
    const member = validStaffRecord(s);
    if (member) staff.set(member.openid, member);
  }
  const idCardImages = new Map<string, IdCardImageEntry>();
  for (const e of raw.idCardImages ?? []) {
    if (e && typeof e.sha256 === 'string' && (e.front || e.failure)) idCardImages.set(e.sha256.toLowerCase(), e);
  }
  return { mtimeMs, persons, staff, down: new Set(raw.down ?? []), idCardImages };
}

export interface GovDataFile {
  gov: GovDataPort;
  staff: StaffDirectoryPort;
  /** what the simulated face check answers for this ID number (unreadable file → fail: never a pass by accident) */
  faceOutcome(idNumber: string): 'pass' | 'fail';
  /** whether the file's `down` lists this name (outside systems other than the sources, e.g. `insuranceClaims`) */
  isDown(name: string): boolean;
  /** the photo of this SHA-256 (hex) the file registers for the ID-card OCR simulation; 'unreadable' when the file is */
  idCardImage(sha256: string): IdCardImageEntry | undefined | 'unreadable';
}

export function govDataFromFile(path: string): GovDataFile {
  let loaded: Loaded | null = null;
  const current = (): Loaded => {
    const st = statSync(path);
    if (!loaded || st.mtimeMs !== loaded.mtimeMs) {
      try {
        loaded = parse(readFileSync(path, 'utf8'), st.mtimeMs);
      } catch (err) {
        // A half-written file while someone edits it: keep the last good copy if there is one.
        if (!loaded) throw err;
      }
    }
    return loaded!;
  };
  const lookup = <T>(source: SourceName, idNumber: string, pick: (p: FilePerson | undefined) => T): SourceAnswer<T> => {
    let data: Loaded;
    try {
      data = current();
    } catch {
      return { available: false, reason: 'file unreadable' };
    }
    if (data.down.has(source)) return { available: false, reason: 'down' };
    return { available: true, value: pick(data.persons.get(idNumber.toUpperCase())) };
  };
  const gov: GovDataPort = {
    async identity(idNumber, name) {
      return lookup('identity', idNumber, (p) => {
        if (!p || p.inCardBase === false) return { matched: false, detail: '未在社会保障卡持卡人员基础信息库中查到该证件号码' };
        if (p.name !== name) return { matched: false, detail: '姓名与社会保障卡持卡人员基础信息库登记的不一致' };
        return { matched: true };
      });
    },
    async pension(idNumber) {
      return lookup('pension', idNumber, (p) => ({ receiving: p?.pension === true }));
    },
    async socialInsurance(idNumber) {
      return lookup('socialInsurance', idNumber, (p) => p?.unitInsurance ?? null);
    },
    async contractFiling(idNumber) {
      return lookup('contractFiling', idNumber, (p) => p?.contractFiling ?? null);
    },
    async businessRegistration(idNumber) {
      return lookup('businessRegistration', idNumber, (p) => p?.businessRegistration ?? null);
    },
    async certificate(idNumber) {
      return lookup('certificate', idNumber, (p) => (p?.certificate ? { ...p.certificate } : null));
    },
  };
  const staff: StaffDirectoryPort = {
    async byOpenid(openid) {
      try {
        return current().staff.get(openid) ?? null;
      } catch {
        return null;
      }
    },
    async list() {
      try {
        return [...current().staff.values()];
      } catch {
        return [];
      }
    },
  };
  const faceOutcome = (idNumber: string): 'pass' | 'fail' => {
    try {
      return current().persons.get(idNumber.trim().toUpperCase())?.realPerson === 'fail' ? 'fail' : 'pass';
    } catch {
      return 'fail';
    }
  };
  const isDown = (name: string): boolean => {
    try {
      return current().down.has(name);
    } catch {
      return true;
    }
  };
  const idCardImage = (sha256: string): IdCardImageEntry | undefined | 'unreadable' => {
    try {
      return current().idCardImages.get(sha256.toLowerCase());
    } catch {
      return 'unreadable';
    }
  };
  return { gov, staff, faceOutcome, isDown, idCardImage };
}
