/**
 * The local ID-card OCR (docs/api.md "The outside-data file" `idCardImages`): no recognition engine
 * runs here, so a photo is known by the SHA-256 of its bytes, registered in the outside-data file with
 * what its 人像面 says or how its reading fails — the failures of Tencent's IDCardOCR (not an ID card,
 * 国徽面, blurred, unreadable). It checks the picture the way the service does (a JPG / PNG / BMP;
 * anything else does not open), and a photo the file does not know answers "本地模式无法识别，请手动填写".
 * Nothing is kept: the bytes are hashed and dropped.
 */
import { createHash } from 'node:crypto';
import { isSupportedImage, type IdCardOcrAnswer, type IdCardOcrPort } from '../core/id-card-ocr';
import type { IdCardImageEntry } from './govdata.file';

export function localIdCardOcr(lookup: (sha256: string) => IdCardImageEntry | undefined | 'unreadable'): IdCardOcrPort {
  return {
    mode: 'local',
    async readFront(bytes: Buffer): Promise<IdCardOcrAnswer> {
      if (!isSupportedImage(bytes)) return { ok: false, reason: 'not_image' };
      const entry = lookup(createHash('sha256').update(bytes).digest('hex'));
      if (entry === 'unreadable') return { ok: false, reason: 'unavailable' };
      if (!entry) return { ok: false, reason: 'unknown_image' };
      if (entry.failure) return { ok: false, reason: entry.failure };
      const f = entry.front!;
      if (!f.name || !f.idNumber) return { ok: false, reason: 'unreadable' };
      return { ok: true, value: { name: f.name, idNumber: f.idNumber, address: f.address ?? '', ...(f.nation ? { nation: f.nation } : {}) } };
    },
  };
}
