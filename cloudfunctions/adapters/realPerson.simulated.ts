/**
 * Local 实人核验: a simulated check that passes, so the demo and outside checkers run without a
 * FaceID account (issue "The spine" §5). It still records who passed for whom, the same records
 * the production adapter keeps, so reads are scoped the same way in both.
 */
import type { RealPersonPort } from '../core/deps';

export function simulatedRealPerson(): RealPersonPort {
  return {
    async start() {
      return { mode: 'simulated' };
    },
    async confirm() {
      return { passed: true, detail: '本地演示环境：实人核验已模拟通过' };
    },
    async check() {
      return { passed: true, detail: '本地演示环境：实人核验已模拟通过' };
    },
  };
}
