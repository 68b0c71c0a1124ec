/** getCommitments in process: each written commitment with its current version, the exact text, and the action it goes with. */
import { COMMITMENTS } from '@shared/commitment';
import { getCommitments } from './getCommitments.handler';

it('publishes each commitment\'s current version and text with its action', async () => {
  const r = await getCommitments({});
  expect(r.ok && r.data.commitments.map((c) => [c.kind, c.action, c.version])).toEqual([
    ['certificate', 'applyCertificate', COMMITMENTS.certificate.version],
    ['unemployment', 'submitUnemploymentRegistration', COMMITMENTS.unemployment.version],
    ['flexible', 'submitFlexibleEmployment', COMMITMENTS.flexible.version],
  ]);
  expect(r.ok && r.data.commitments[1].text).toBe(COMMITMENTS.unemployment.text);
});
