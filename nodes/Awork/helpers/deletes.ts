/**
 * What the delete operations share: their answer (`{ deleted, id }`), the "Ignore If Already
 * Deleted" option, and what a 404 means. A 404 after an attempt whose answer was lost means that
 * attempt deleted it (deleted: true); a 404 on the first attempt is an error naming the ID,
 * unless the user chose to treat a missing item as already deleted (a repeated run).
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { asOperationError } from '../../shared/operations';
import { aworkFailureOf } from '../transport';

export function ignoreMissingProperty(thing: string): INodeProperties {
	return {
		displayName: 'Ignore If Already Deleted',
		name: 'ignoreMissing',
		type: 'boolean',
		default: false,
		description: `Whether a ${thing} awork cannot find counts as done (output deleted: false, alreadyDeleted: true) instead of failing, e.g. when a run is repeated. A ${thing} the credential cannot see looks the same to awork.`,
	};
}

/** What a delete outputs. */
export interface DeleteOutcome extends IDataObject {
	deleted: boolean;
	id: string;
	alreadyDeleted?: boolean;
}

/** The outcome when awork does not know the item; `earlierAttemptLanded` says an attempt of this call may have deleted it. */
export function missingOutcome(
	this: IExecuteFunctions,
	what: { label: string; id: string },
	earlierAttemptLanded: boolean,
	itemIndex: number,
): DeleteOutcome {
	if (earlierAttemptLanded) return { deleted: true, id: what.id };
	if (this.getNodeParameter('ignoreMissing', itemIndex, false) as boolean) return { deleted: false, id: what.id, alreadyDeleted: true };
	throw new NodeOperationError(this.getNode(), `${what.label} ${what.id} was not found in awork, so it was not deleted`, {
		itemIndex,
		description: `It may have been deleted already, or the credential cannot see it. Turn on "Ignore If Already Deleted" to count a missing ${what.label.toLowerCase()} as done.`,
	});
}

/** Runs a delete request: `{ deleted: true, id }`, or the missing outcome on a 404. */
export async function deleteOnce(
	this: IExecuteFunctions,
	what: { label: string; id: string },
	send: () => Promise<unknown>,
	itemIndex: number,
): Promise<DeleteOutcome> {
	try {
		await send();
	} catch (error) {
		const failure = aworkFailureOf(error);
		if (failure?.status !== 404) throw asOperationError(this.getNode(), error, itemIndex);
		return missingOutcome.call(this, what, Boolean(failure.earlierAttemptMayHaveLanded), itemIndex);
	}
	return { deleted: true, id: what.id };
}
