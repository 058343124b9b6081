/**
 * Compares one runtime's answers with Node's, step by step, as lines a person can read:
 * an empty list means the runtime answered exactly like Node.
 */
import type { NormalisedAnswer } from './normalise-answer';

/** Every difference between `reference` (Node) and `other`, one readable line each. */
export function differencesBetween(
  referenceName: string,
  reference: readonly NormalisedAnswer[],
  otherName: string,
  other: readonly NormalisedAnswer[],
): string[] {
  const lines: string[] = [];
  const steps = new Set([...reference.map((a) => a.step), ...other.map((a) => a.step)]);
  for (const step of steps) {
    const want = reference.find((a) => a.step === step);
    const got = other.find((a) => a.step === step);
    if (want === undefined || got === undefined) {
      lines.push(`${step}: only ${want === undefined ? otherName : referenceName} ran this step`);
      continue;
    }
    const say = (what: string, a: unknown, b: unknown) =>
      lines.push(`${step}: ${what}: ${referenceName} ${show(a)}, ${otherName} ${show(b)}`);
    if (want.status !== got.status) say('status', want.status, got.status);
    const missing = want.headerNames.filter((name) => !got.headerNames.includes(name));
    const extra = got.headerNames.filter((name) => !want.headerNames.includes(name));
    if (missing.length > 0)
      lines.push(`${step}: headers only ${referenceName} sent: ${missing.join(', ')}`);
    if (extra.length > 0)
      lines.push(`${step}: headers only ${otherName} sent: ${extra.join(', ')}`);
    for (const [name, value] of Object.entries(want.headerValues)) {
      const theirs = got.headerValues[name];
      if (theirs !== undefined && theirs !== value) say(`header ${name}`, value, theirs);
    }
    if (show(want.body) !== show(got.body)) say('body', want.body, got.body);
  }
  return lines;
}

/** Compact JSON, so a line shows both sides of a difference. */
function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
