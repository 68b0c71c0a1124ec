/**
 * EdDSA (Ed25519, RFC 8037) through jose: the default QR signature, verifiable by any JOSE
 * library with the published JWKS (docs/api.md). jose makes, exports and imports the keys;
 * the signature is WebCrypto's Ed25519, the same primitive jose's own `CompactSign` calls, over
 * the signing input `makeSigner` builds — the unit and gateway tests verify the result with
 * jose's `jwtVerify` alone, as an outside verifier would.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { JwsAlgorithm } from './jws';

export const eddsa: JwsAlgorithm = {
  alg: 'EdDSA',
  async generate() {
    const { privateKey } = await generateKeyPair('Ed25519', { extractable: true });
    const jwk = await exportJWK(privateKey);
    return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d };
  },
  publicOf(privateJwk: JWK): JWK {
    return { kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x };
  },
  async signer(privateJwk) {
    const key = (await importJWK({ kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x, d: privateJwk.d }, 'EdDSA')) as CryptoKey;
    return async (input) => new Uint8Array(await globalThis.crypto.subtle.sign('Ed25519', key, input as BufferSource));
  },
  async verifier(publicJwk) {
    const key = (await importJWK({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x }, 'EdDSA')) as CryptoKey;
    return async (input, signature) => signature.length === 64 && globalThis.crypto.subtle.verify('Ed25519', key, signature as BufferSource, input as BufferSource);
  },
};
