import { formatCertificateNo } from './certificate-number';
import { CERTIFICATE_ID_ROOT, CERTIFICATE_TYPE_CODE, certificateIdentifier, mod37_36, parseCertificateIdentifier } from './certificate-identifier';

describe('ISO/IEC 7064 MOD 37,36 (hybrid, 0–9 A–Z)', () => {
  it('gives the check character of the standard example and of an independent implementation', () => {
    // ISO/IEC 7064 example, then test vectors of jacoelho/go-iso7064 (iso7064/modulo37_36_test.go)
    const vectors: Array<[string, string]> = [
      ['A12425GABC1234002', 'M'], ['RABD', 'A'], ['X0H', 'X'], ['B7Q3SFTUSH2QN7BIXBPMNZAM', 'I'], ['TBR', '1'],
      ['EFWW032G2TI', 'U'], ['9', 'J'], ['B3739U6CR', 'K'], ['OW', 'N'], ['TRO', 'D'], ['1M', 'Q'], ['WP8Z0', '9'],
      ['UFSYYJO9FCID766EJYAEINTG43UZDD84MT6ZUDH08OM4N1K', 'N'], ['ROYL38YZ9TDGPNB5MT40CEWGURAOKF07XEYTV3M', '6'],
    ];
    for (const [text, check] of vectors) expect({ text, check: mod37_36(text) }).toEqual({ text, check });
  });

  it('refuses characters outside 0–9 A–Z', () => {
    expect(() => mod37_36('12.3')).toThrow(/0–9 and A–Z/);
    expect(mod37_36('rabd')).toBe('A');
  });
});

describe('电子证照标识 (GB/T 36904)', () => {
  it('checks identifiers published by issuing systems: the four fields concatenated, dots left out', () => {
    for (const published of [
      '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
      '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
    ]) {
      expect(parseCertificateIdentifier(published)).not.toBeNull();
      const [, , , , , typeCode, issuerCode, serial, version] = published.split('.');
      expect(certificateIdentifier({ typeCode, issuerCode, serial, version: Number(version) })).toBe(published);
    }
  });

  it('names a certificate version: root, type, issuing county, number, three-digit version, check', () => {
    const no = formatCertificateNo('210204', 2026, 17);
    const id = certificateIdentifier({ issuerCode: '210204', serial: no, version: 2 });
    expect(id).toBe(`${CERTIFICATE_ID_ROOT}.${CERTIFICATE_TYPE_CODE}.210204.${no}.002.${mod37_36(`${CERTIFICATE_TYPE_CODE}210204${no}002`)}`);
    expect(parseCertificateIdentifier(id)).toEqual({ typeCode: CERTIFICATE_TYPE_CODE, issuerCode: '210204', serial: no, version: 2 });
    // a 补发 (new version) is another identifier
    expect(certificateIdentifier({ issuerCode: '210204', serial: no, version: 3 })).not.toBe(id);
  });

  it('refuses an identifier with a wrong check character, a changed field or a wrong form', () => {
    const id = certificateIdentifier({ issuerCode: '210204', serial: formatCertificateNo('210204', 2026, 17), version: 1 });
    const check = id.at(-1)!;
    expect(parseCertificateIdentifier(id.slice(0, -1) + (check === 'A' ? 'B' : 'A'))).toBeNull();
    expect(parseCertificateIdentifier(id.replace('.001.', '.002.'))).toBeNull();
    expect(parseCertificateIdentifier(id.replace('1.2.156.3005.2.', '1.2.156.3005.1.'))).toBeNull();
    expect(parseCertificateIdentifier(`${id}.X`)).toBeNull();
    expect(parseCertificateIdentifier('')).toBeNull();
    expect(() => certificateIdentifier({ issuerCode: '2102-04', serial: '1', version: 1 })).toThrow(/issuerCode/);
    expect(() => certificateIdentifier({ issuerCode: '210204', serial: '1', version: 1000 })).toThrow(/version/);
  });
});
