/**
 * Compares two byte strings in time that depends only on their length, so that a caller
 * timing the answer learns nothing about how many leading bytes of a MAC or verifier matched.
 * Lengths are not secret (MACs and verifiers are always 32 bytes).
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length)
    return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}
