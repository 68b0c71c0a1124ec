import type { ProvincialCertificate } from '@shared/certificate-entries';

export type SourceName = 'identity' | 'pension' | 'socialInsurance' | 'contractFiling' | 'businessRegistration' | 'certificate';

export type SourceAnswer<T> = { available: true; value: T } | { available: false; reason: string };

export interface UnitRecord { unit: string; since: string }
export interface BusinessRecord { name: string; since: string }

/**
 * Outside data (鞍人社〔2020〕21号 三, 吉人社函字〔2018〕175号 二(一)(三)): the 社保卡持卡人员基础信息库, pension,
 * social insurance, labour-contract filing and business registration. A source that is down,
 * erroring or slow answers `{ available: false }`, never throws to the handler.
 */
export interface GovDataPort {
  identity(idNumber: string, name: string): Promise<SourceAnswer<{ matched: boolean; detail?: string }>>;
  pension(idNumber: string): Promise<SourceAnswer<{ receiving: boolean }>>;
  socialInsurance(idNumber: string): Promise<SourceAnswer<UnitRecord | null>>;
  contractFiling(idNumber: string): Promise<SourceAnswer<UnitRecord | null>>;
  businessRegistration(idNumber: string): Promise<SourceAnswer<BusinessRecord | null>>;
  /**
   * The 《就业创业证》 the provincial 就业管理服务信息系统 holds for this ID number, if any (大人社规发〔2025〕2号
   * 一(四): 能够通过辽宁省就业管理服务信息系统查询到《就业创业证》…的均视为有效): decides 换发 / 补发 at 申领.
   */
  certificate(idNumber: string): Promise<SourceAnswer<ProvincialCertificate | null>>;
}
