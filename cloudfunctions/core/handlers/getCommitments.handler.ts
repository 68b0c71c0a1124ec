/**
 * The written commitments as published (issue 12 "Commitments an outside caller can accept"): each
 * kind's current version and its full text, so a caller can show the exact text and send back the
 * version it showed. The forms accept only the current version (shared/commitment.ts
 * `commitmentSchema`). Reads nothing about anyone: no real-person check needed.
 */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { COMMITMENTS, type CommitmentKind } from '@shared/commitment';
import type { PublishedCommitment } from '@shared/answers';
export type { PublishedCommitment };

const ACTION_OF: Record<CommitmentKind, PublishedCommitment['action']> = {
  certificate: 'applyCertificate',
  unemployment: 'submitUnemploymentRegistration',
  flexible: 'submitFlexibleEmployment',
};

export async function getCommitments(_input: unknown): Promise<Result<{ commitments: PublishedCommitment[] }>> {
  const kinds = Object.keys(COMMITMENTS) as CommitmentKind[];
  return ok({ commitments: kinds.map((kind) => ({ kind, action: ACTION_OF[kind], version: COMMITMENTS[kind].version, text: COMMITMENTS[kind].text })) });
}
