/**
 * The reference an invoice carries so a replay finds it: a line `Ref: awork-…` in `remark`
 * [assumed: Lexware has no external reference field and no idempotency key].
 */
import { REFERENCE_PREFIX, TEXT_LIMITS } from '../../transport/endpoints';

/** Thrown for a node setting Lexware would refuse; names the parameter. */
export class DraftSettingError extends Error {}

export const referenceMarker = (reference: string) => `${REFERENCE_PREFIX}${reference}`;

/** The remark to send: the user's remark, then the marker on a line of its own. */
export function remarkWithReference(remark: string, reference: string): string {
	const marker = referenceMarker(reference);
	const text = remark.trim() ? `${remark.trim()}\n\n${marker}` : marker;
	if (text.length > TEXT_LIMITS.remark) {
		throw new DraftSettingError(
			`"Remark" is too long: with the reference line it has ${text.length} characters, Lexoffice takes at most ${TEXT_LIMITS.remark}`,
		);
	}
	return text;
}

/** The awork reference written in a remark, or null. */
export function referenceIn(remark: unknown): string | null {
	if (typeof remark !== 'string') return null;
	const escaped = REFERENCE_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`(?:^|\\s)${escaped}(awork-[0-9a-f]{24})(?=\\s|$)`).exec(remark);
	return match ? match[1] : null;
}
