/** Record integrity (DESIGN.md §3): keys, the canonical record encoding, MACs and verifiers. */
export { encodeRecordForMac, RECORD_ENCODING_TAG } from './canonical-record';
export { encodeRequestForMac, REQUEST_ENCODING_TAG } from './canonical-request';
export { equalBytes } from './equal-bytes';
export { deriveFromHostSecrets, type IntegrityKeyMaterial, MIN_KEY_BYTES } from './key-material';
export {
  createKeyring,
  deriveIntegrityKey,
  generateIntegrityKey,
  type IntegrityKey,
  type IntegrityKeyConfig,
  type Keyring,
} from './keyring';
export { macRecord, verifyRecord, withMac } from './record-mac';
export { macRequest, verifyRequest, withRequestMac } from './request-mac';
export { verifier } from './verifier';
