import { logLine, redact } from './log';

describe('redact: no full ID number or phone in a log line, and nothing else changed', () => {
  it('masks phones and ID numbers wherever they stand as numbers of their own', () => {
    expect(redact('电话13812345678，身份证210202199003151255')).toBe('电话138****5678，身份证210***5');
    expect(JSON.parse(logLine('x', { phone: '13912345678' })).phone).toBe('139****5678');
  });

  it('leaves a hex id alone even when it holds a phone-like run of digits (a message id must stay usable)', () => {
    const id = '3fb2787f316c444c9f13542798321df4';
    expect(redact(id)).toBe(id);
    expect(redact(JSON.stringify({ messageId: id }))).toBe(JSON.stringify({ messageId: id }));
  });
});
