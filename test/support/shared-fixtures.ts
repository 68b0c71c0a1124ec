/**
 * Valid form inputs for tests (client, cloud and shared). The people are the synthetic ones of
 * data/gov-data.demo.json; change one field per test to see one rule.
 */
import { COMMITMENTS } from '@shared/commitment';

/** The application date the fixtures are valid on. */
export const TODAY = '2026-03-10';

export function validPersonInput(): Record<string, unknown> {
  return {
    name: '赵海涛',
    idType: '01',
    idNumber: '210204199003151370',
    gender: '1',
    ethnicity: '01',
    politicalStatus: '13',
    education: '21',
    health: '1',
    hukouAddress: { regionCode: '210202', detail: '人民路1号' },
    residenceAddress: { regionCode: '210203', detail: '长江路100号3-2' },
    phone: '13812345678',
  };
}

export function validUnemploymentInput(): Record<string, unknown> {
  return {
    requestId: 'req-unemp-0001',
    ...validPersonInput(),
    unemployedSince: '2025-12',
    registrationPlace: 'residence',
    reason: '从各类单位辞职',
    claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  };
}

export function validFlexibleInput(): Record<string, unknown> {
  return {
    requestId: 'req-flex-0001',
    ...validPersonInput(),
    employmentForm: '自由职业',
    occupation: '平面设计',
    startDate: '2026-01-05',
    workRegion: '210202',
    commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
  };
}

export function validCertificateInput(): Record<string, unknown> {
  // the 个人信息书面申报承诺 ticked on its current text (大人社规发〔2025〕2号 一(三))
  return { requestId: 'req-cert-0001', ...validPersonInput(), commitment: { accepted: true, textVersion: COMMITMENTS.certificate.version } };
}
