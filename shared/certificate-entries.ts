/**
 * What a 补发 or 换发 writes on the 《就业创业证》: 补发或换发时，应将劳动者最近一次就业登记、失业登记、接受就业
 * 服务和享受就业政策等信息进行记载 (大人社规发〔2025〕2号 一(四)). The same four entries, whether they come
 * from this service's own records (补发) or from the provincial system's (换发 of a certificate issued
 * elsewhere, which 一(四) counts as valid: 能够通过辽宁省就业管理服务信息系统查询到…的均视为有效).
 * Types and words only: shared by the cloud (which records them) and the 我的电子证 page (which shows them).
 */

export interface CertificateEntries {
  /** 最近一次就业登记: what (灵活就业登记, or the way the 失业登记 ended in a job) and since when */
  employment: { what: string; since: string; until?: string | null } | null;
  /** 最近一次失业登记 */
  unemployment: { since: string; until?: string | null; endReason?: string | null } | null;
  /** 最近一次接受就业服务 */
  service: { date: string; what: string } | null;
  /** 最近一次享受就业政策 */
  policy: { name: string; since: string } | null;
  /** Beijing date the entries were written on the certificate */
  recordedOn: string;
  /** whose records: this service's own, or the provincial system's */
  source: 'local' | 'provincial';
}

/**
 * A 《就业创业证》 the provincial 就业管理服务信息系统 holds for an ID number (the `certificate`
 * outside-data source), with the entries it records.
 */
export interface ProvincialCertificate {
  certificateNo: string;
  /** county code of the issuing office */
  issuingRegion: string;
  /** Beijing date */
  issuedOn: string;
  employment?: CertificateEntries['employment'];
  unemployment?: CertificateEntries['unemployment'];
  service?: CertificateEntries['service'];
  policy?: CertificateEntries['policy'];
}

/** Same city: the first four digits of the county code (a 地级市). */
export const cityOf = (regionCode: string): string => regionCode.slice(0, 4);

/** The four entries as the certificate page shows them, in the notice's order. */
export function entryLines(e: CertificateEntries): Array<{ label: string; value: string }> {
  const span = (since: string, until?: string | null) => (until ? `${since} 至 ${until}` : `${since} 起`);
  return [
    { label: '最近一次就业登记', value: e.employment ? `${e.employment.what}，${span(e.employment.since, e.employment.until)}` : '无记录' },
    {
      label: '最近一次失业登记',
      value: e.unemployment ? `${span(e.unemployment.since, e.unemployment.until)}${e.unemployment.endReason ? `（${e.unemployment.endReason}）` : ''}` : '无记录',
    },
    { label: '最近一次接受就业服务', value: e.service ? `${e.service.date} ${e.service.what}` : '无记录' },
    { label: '最近一次享受就业政策', value: e.policy ? `${e.policy.name}，${e.policy.since} 起` : '无记录' },
  ];
}
