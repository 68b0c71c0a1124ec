import { maskIdNumber, maskName, maskPhone } from './mask';

describe('maskName (docs/product.md: names are masked in lists, logs and QR views)', () => {
  it.each([
    ['赵海涛', '赵*涛'],
    ['张伟', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['阿依古丽·买买提', '阿***·**提'],
    ['王·五', '王·*'],
    ['𠀋王国', '𠀋*国'],
    ['JOHNSMITH', 'J*******H'],
    ['王', '*'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskIdNumber: first 4 and last 4 of 18 (api.ts CertificateView example)', () => {
  it.each([
    ['210204199003151370', '2102**********1370'],
    ['44011320141005001X', '4401**********001X'],
    ['422201720809227', '4222*******9227'],
    ['H12345678', 'H******78'],
    ['12345678', '1*****78'],
    ['12345', '*****'],
    ['', ''],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it('hides the birth date of an 18-digit number', () => {
    expect(maskIdNumber('210204199003151370')).not.toContain('19900315');
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['0411-84201528', '*********1528'],
    ['123', '***'],
    ['', ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
