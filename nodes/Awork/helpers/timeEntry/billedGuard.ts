/**
 * Billed time entries stay as they are: awork's invoicing (and this package's Mark Billed and
 * exports) rely on it. These checks stop a change or delete that would touch one, naming it.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { asOperationError } from '../../../shared/operations';
import { aworkFailureOf, aworkRequestAllPages } from '../../transport';
import { bool, eq } from '../../transport/filter';

/** Fails unless the entry is unbilled or the user allowed changing billed entries. */
export function refuseBilledEntry(this: IExecuteFunctions, entry: IDataObject, action: 'change' | 'delete', allowed: boolean, itemIndex: number): void {
	if (entry.isBilled !== true || allowed) return;
	throw new NodeOperationError(this.getNode(), `Time entry ${String(entry.id)} is billed, so it was not ${action === 'change' ? 'changed' : 'deleted'}`, {
		itemIndex,
		description:
			'awork’s invoicing depends on billed entries staying as they are. Mark it unbilled first (Time Entry > Mark Unbilled), or turn on "Allow Billed Entry" if this is intended.',
	});
}

/** Fails when the time entries listed at `path` include a billed one (deleting them with their task or project would lose it). */
export async function refuseBilledEntriesUnder(this: IExecuteFunctions, path: string, owner: string, itemIndex: number): Promise<void> {
	let billed: IDataObject | undefined;
	try {
		[billed] = (await aworkRequestAllPages.call(this, path, { filter: eq('isBilled', bool(true)), limit: 1, itemIndex })) as IDataObject[];
	} catch (error) {
		// A missing owner has nothing to check: the delete itself reports it.
		if (aworkFailureOf(error)?.status === 404) return;
		throw asOperationError(this.getNode(), error, itemIndex);
	}
	if (!billed) return;
	throw new NodeOperationError(this.getNode(), `${owner} has billed time entries (e.g. ${String(billed.id)}), so it was not deleted with its time entries`, {
		itemIndex,
		description:
			'awork’s invoicing depends on billed entries staying as they are. Mark them unbilled first, or turn off "Delete Time Entries": awork then keeps the entries without the deleted project or task.',
	});
}

/** The consent Update and Delete ask for before touching a billed entry. */
export function allowBilledProperty(action: 'change' | 'delete'): INodeProperties {
	return {
		displayName: 'Allow Billed Entry',
		name: 'allowBilled',
		type: 'boolean',
		default: false,
		description: `Whether to ${action} the entry even when it is billed. Off: a billed entry is not touched and the item fails naming it, because awork’s invoicing depends on billed entries staying as they are.`,
	};
}

/** Option "Delete Time Entries" of Task and Project > Delete; refuseBilledEntriesUnder guards it. */
export function deleteTimeEntriesProperty(owner: 'task' | 'project'): INodeProperties {
	return {
		displayName: 'Delete Time Entries',
		name: 'deleteTimeEntries',
		type: 'boolean',
		default: false,
		description: `Whether to delete the ${owner}’s time entries too. Refused when one of them is billed. Off: awork keeps them, without task and project.`,
	};
}
