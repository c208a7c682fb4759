/**
 * The externalId of a correction entry: The One PSA's Export to Contract books a changed entry's
 * difference in hours as `<externalId>:correction:<n>`, and awork's Check PSA Bookings adds such
 * entries to their booking. Both nodes read and write the one format here.
 */
export const correctionExternalId = (externalId: string, n: number) => `${externalId}:correction:${n}`;

const CORRECTION = /^(.*):correction:\d+$/;

/** The externalId a correction entry corrects, or undefined when it is no correction. */
export function correctedExternalId(externalId: string): string | undefined {
	return CORRECTION.exec(externalId)?.[1];
}
