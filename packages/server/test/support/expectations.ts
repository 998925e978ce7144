import { expect } from 'vitest';

/** An id as Plain makes them: `<prefix>_` and an uppercase Crockford base32 ULID. */
export function prefixedUlid(prefix: string) {
  return expect.stringMatching(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`));
}

/** A DateTime object whose two forms agree, as the SDK's DateTimeParts selects it. */
export function dateTime() {
  return expect.objectContaining({
    __typename: 'DateTime',
    iso8601: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    unixTimestamp: expect.stringMatching(/^\d{13}$/),
  });
}

/** Checks that a DateTime's iso8601 and unixTimestamp (milliseconds) name the same instant. */
export function expectConsistentDateTime(value: { iso8601: string; unixTimestamp: string }): void {
  expect(String(Date.parse(value.iso8601))).toBe(value.unixTimestamp);
}

/** The actor the bootstrap API key acts as. */
export function machineUserActor() {
  return { __typename: 'MachineUserActor', machineUserId: prefixedUlid('mu') };
}
