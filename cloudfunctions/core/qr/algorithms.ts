/** The signature algorithms a key ring knows, by JOSE `alg` (token.port.ts `TokenAlg`). */
import { eddsa } from './eddsa.signer';
import type { JwsAlgorithm } from './jws';
import { sm2Jws } from './sm2.signer';
import type { TokenAlg } from './token.port';

export const ALGORITHMS: Record<TokenAlg, JwsAlgorithm> = { EdDSA: eddsa, SM2: sm2Jws };

/** `QR_ALG` (configuration): "SM2" for 国密 deployments, anything else the default EdDSA. */
export function algFromConfig(value: string | undefined): TokenAlg {
  return value?.trim().toUpperCase() === 'SM2' ? 'SM2' : 'EdDSA';
}
