/**
 * Create If Missing, for things awork gives no key of ours: look for it by name first, create it
 * only when there is none, and when a create's answer is lost (the request may have landed),
 * look again instead of creating a second one. Safe to repeat after a crash or a replay.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { asOperationError } from '../../shared/operations';
import { aworkFailureOf } from '../transport';

/** The oldest of several matches, so repeated runs settle on the same one. */
export function oldest(matches: IDataObject[]): IDataObject | undefined {
	return [...matches].sort((a, b) => String(a.createdOn ?? '').localeCompare(String(b.createdOn ?? '')) || String(a.id).localeCompare(String(b.id)))[0];
}

export async function findOrCreate(
	this: IExecuteFunctions,
	find: () => Promise<IDataObject | undefined>,
	create: () => Promise<IDataObject>,
	itemIndex: number,
): Promise<IDataObject> {
	const existing = await find();
	if (existing) return { ...existing, created: false };
	try {
		return { ...(await create()), created: true };
	} catch (error) {
		// Only a create whose outcome is unknown (connection lost after sending) may have landed.
		if (aworkFailureOf(error)?.outcome !== 'unknown') throw asOperationError(this.getNode(), error, itemIndex);
		const found = await find();
		if (!found) throw asOperationError(this.getNode(), error, itemIndex);
		return { ...found, created: true };
	}
}
