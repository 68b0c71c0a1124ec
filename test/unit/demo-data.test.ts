/**
 * The demo outside-data file that `npm start` loads. The file adapter treats an unreadable file as
 * "source unavailable" (every check 数据暂不可比对, every face check failed) so that a half-written file
 * never passes anyone — which also means a broken demo file does not crash the demo, it silently sends
 * everyone to review. This test makes such a file fail loudly instead.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { govDataFromFile } from '../../cloudfunctions/adapters/govdata.file';

const FILE = resolve(__dirname, '../../data/gov-data.demo.json');

describe('the demo outside-data file (npm start)', () => {
  const raw = JSON.parse(readFileSync(FILE, 'utf8')) as {
    persons: Array<{ idNumber: string; name: string; inCardBase?: boolean; realPerson?: string }>;
    staff: unknown[];
  };
  const file = govDataFromFile(FILE);

  it('is valid JSON with people and staff', () => {
    expect(raw.persons.length).toBeGreaterThan(0);
    expect(raw.staff.length).toBeGreaterThan(0);
  });

  it('answers the identity check for every person it holds as the file says (available, not "unreadable")', async () => {
    for (const p of raw.persons) {
      const answer = await file.gov.identity(p.idNumber, p.name);
      expect(answer.available).toBe(true);
      if (answer.available) expect(answer.value.matched).toBe(p.inCardBase !== false);
    }
  });

  it('loads every staff account it lists (a malformed one would be dropped at load)', async () => {
    expect((await file.staff.list()).length).toBe(raw.staff.length);
  });
});
