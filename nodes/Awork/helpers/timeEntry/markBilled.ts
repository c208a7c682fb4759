/**
 * What Mark Billed and Mark Unbilled share: collects the time entry IDs of all input items and sends them to
 * POST /timeentries/batch/setIsBilled in as few requests as possible. awork answers 207 with the
 * IDs per outcome; every ID gets its own output item (paired with the item it came from), and
 * any ID that is not ok fails the node unless partial failure is allowed.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { isGuid } from '../../transport';
import { errorItem, readEveryItem } from '../../../shared/operations';
import { forOperation } from '../../descriptions';
import { buildBillingReport } from './billingReport';
import { findChangedSince, readChangedSince } from './changedSinceRead';
import { DEFAULT_CHUNK_SIZE, sendSetIsBilled, type Outcome, type OutcomeById } from './setIsBilledBatch';

/** Billed-marks sent at the same time. */
export const CHUNKS_IN_PARALLEL = 3;

interface Requested {
	id: string;
	itemIndex: number;
}

/** The parameters of Mark Billed or Mark Unbilled (Mark Billed adds its report and change check). */
export function markBilledProperties(operation: 'markBilled' | 'markUnbilled'): INodeProperties[] {
	return forOperation('timeEntry', operation, [
		{
			displayName: 'Take IDs From',
			name: 'timeEntryIdsFrom',
			type: 'options',
			default: 'parameter',
			options: [
				{ name: 'The Time Entry IDs Below', value: 'parameter', description: 'A list, or an expression evaluated for every item' },
				{
					name: 'A Field of Each Item',
					value: 'field',
					description: 'Read the IDs straight from a field, without an expression per item (fast for thousands of items)',
				},
			],
		},
		{
			displayName: 'Field With IDs',
			name: 'timeEntryIdsField',
			type: 'string',
			default: 'aworkTimeEntryIds',
			description:
				'Field holding an ID or an array of IDs, e.g. aworkTimeEntryIds from The One PSA\'s Export to Contract. An item whose field is an empty array has nothing to mark and is skipped; an item without the field fails.',
			displayOptions: { show: { timeEntryIdsFrom: ['field'] } },
		},
		{
			displayName: 'Time Entry IDs',
			name: 'timeEntryIds',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { timeEntryIdsFrom: ['parameter'] } },
			placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000, 223e4567-e89b-12d3-a456-426614174000',
			description: 'One or more time entry IDs: a comma-separated list or an expression giving an ID or an array of IDs. IDs from all input items are sent together.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				...(operation === 'markBilled'
					? [
							{
								displayName: 'Add Report Output',
								name: 'addReport',
								type: 'boolean' as const,
								default: false,
								description:
									'Whether to add a second output, Report, with one item: per project and in total, what was booked in The One PSA and billed, and every time entry left unbilled with its reason. Made for the items of The One PSA\'s Export to Contract.',
							},
							{
								displayName: 'Leave Unbilled If Changed Since',
								name: 'changedSince',
								type: 'dateTime' as const,
								default: '',
								description:
									'Entries awork changed at or after this time (give the time the run read them) are left unbilled with status changedSinceRead: what was booked may no longer match them. One minute is allowed for clock differences. The next export compares them with the PSA\'s booking.',
							},
						]
					: []),
				{
					displayName: 'All or Nothing',
					name: 'requireAll',
					type: 'boolean',
					default: false,
					description: 'Whether awork should change no entry of a request when any entry of it cannot be changed',
				},
				{
					displayName: 'Continue on Partial Failure',
					name: 'continueOnPartialFailure',
					type: 'boolean',
					default: false,
					description:
						'Whether to output the result per ID when awork did not change some of them (e.g. not found, not billable) instead of failing. A request that fails as a whole (network, server errors after retries, no access) still fails the node, so a run never goes on as if it had billed; n8n\'s On Error "Continue" would go on.',
				},
				// Not offered: the node sizes its requests itself. Shown only where a saved workflow set it, so that workflow runs as before.
				{
					displayName: 'Chunk Size',
					name: 'chunkSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 1000 },
					default: DEFAULT_CHUNK_SIZE,
					description: 'Most IDs per request. Not needed: without it the node sends up to 1000 and splits a request awork refuses as too large.',
					displayOptions: { show: { chunkSize: [{ _cnd: { exists: true } }] } },
				},
			],
		},
	]);
}

/** Where the IDs come from; read once, so "a field" costs no expression per item. */
interface IdSource {
	field?: string;
}

function readIdSource(this: IExecuteFunctions): IdSource {
	if (this.getNodeParameter('timeEntryIdsFrom', 0, 'parameter') !== 'field') return {};
	const field = String(this.getNodeParameter('timeEntryIdsField', 0, '')).trim();
	if (!field) throw new NodeOperationError(this.getNode(), 'Field With IDs: enter the name of the field that holds the time entry IDs');
	return { field };
}

function readIds(this: IExecuteFunctions, itemIndex: number, source: IdSource, item: INodeExecutionData): string[] {
	let value: unknown;
	if (source.field) {
		value = item.json[source.field];
		if (value === undefined) {
			throw new NodeOperationError(this.getNode(), `Field With IDs: item ${itemIndex} has no field "${source.field}"`, {
				itemIndex,
				description: 'Check the field name, or take the IDs from the Time Entry IDs parameter instead.',
			});
		}
		// An empty list: this item settled nothing (e.g. the PSA refused it), so there is nothing to mark.
		if (Array.isArray(value) && value.length === 0) return [];
	} else {
		value = this.getNodeParameter('timeEntryIds', itemIndex) as unknown;
	}
	const parts = (Array.isArray(value) ? value : [value])
		.flatMap((part) => (typeof part === 'string' ? part.split(/[\s,;]+/) : [part]))
		.map((part) => (typeof part === 'string' ? part.trim() : part))
		.filter((part) => part !== '' && part !== undefined && part !== null);
	const invalid = parts.filter((part) => !isGuid(part));
	if (invalid.length) {
		throw new NodeOperationError(this.getNode(), `${source.field ? `Field With IDs ("${source.field}")` : 'Time Entry IDs'}: ${invalid.map((p) => `"${String(p)}"`).join(', ')} ${invalid.length === 1 ? 'is not an awork ID' : 'are not awork IDs'}`, {
			itemIndex,
			description: 'Give time entry IDs (GUIDs), e.g. {{ $json.id }}.',
		});
	}
	const label = source.field ? `Field With IDs ("${source.field}")` : 'Time Entry IDs';
	if (parts.length === 0) throw new NodeOperationError(this.getNode(), `${label}: no ID given`, { itemIndex });
	return (parts as string[]).map((id) => id.toLowerCase());
}

function failureSummary(failed: Array<{ id: string; status: Outcome; error?: string }>): string {
	const byStatus = new Map<Outcome, string[]>();
	for (const { id, status } of failed) byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
	return [...byStatus.entries()].map(([status, ids]) => `${status}: ${ids.join(', ')}`).join('; ');
}

/** Sets isBilled on the time entries of all items; outputs one item per ID, and the report if asked. */
export async function markTimeEntries(this: IExecuteFunctions, items: INodeExecutionData[], isBilled: boolean): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const requested: Requested[] = [];
	const source = readIdSource.call(this);
	const reads = readEveryItem(this, items, (itemIndex) => readIds.call(this, itemIndex, source, items[itemIndex]));
	for (const { itemIndex, error } of reads.failed) output.push(errorItem(error, itemIndex, items[itemIndex]));
	for (const { itemIndex, value: ids } of reads.ok) for (const id of ids) requested.push({ id, itemIndex });
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const chunkSize = Math.max(1, Math.min(DEFAULT_CHUNK_SIZE, Math.floor(Number(options.chunkSize) || DEFAULT_CHUNK_SIZE)));
	let unique = [...new Set(requested.map((entry) => entry.id))];
	const outcomes: OutcomeById = new Map();
	const since = isBilled ? readChangedSince.call(this, options.changedSince) : undefined;
	const changed = since && unique.length ? await findChangedSince.call(this, unique, since) : new Map<string, IDataObject>();
	if (changed.size) {
		unique = unique.filter((id) => !changed.has(id));
		for (const [id, entry] of changed) {
			outcomes.set(id, { status: 'changedSinceRead', error: `Changed in awork at ${String(entry.updatedOn ?? '?')}, after this run read it: left unbilled` });
		}
	}
	const size = { current: chunkSize };
	// The first chunk goes alone and finds the size awork takes. Then a few chunks in flight hide
	// each request's round trip; the transport's pacer still keeps them inside awork's rate
	// limits. After a failure no new chunk is started.
	const first = unique.slice(0, size.current);
	if (first.length) await sendSetIsBilled.call(this, first, isBilled, options.requireAll === true, outcomes, size);
	let next = first.length;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (next < unique.length && !failure) {
			const ids = unique.slice(next, next + size.current);
			next += ids.length;
			try {
				await sendSetIsBilled.call(this, ids, isBilled, options.requireAll === true, outcomes, size);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CHUNKS_IN_PARALLEL, Math.ceil((unique.length - next) / size.current)) }, worker));
	if (failure) throw failure.error;

	const results = requested.map(({ id, itemIndex }) => ({ id, itemIndex, ...outcomes.get(id)! }));
	const failed = results.filter((result) => result.status !== 'ok');
	if (failed.length && !options.continueOnPartialFailure && !this.continueOnFail()) {
		const failedIds = [...new Map(failed.map((f) => [f.id, f])).values()];
		throw new NodeOperationError(
			this.getNode(),
			`awork did not mark ${failedIds.length} of ${outcomes.size} time entries as ${isBilled ? 'billed' : 'unbilled'}: ${failureSummary(failedIds)}`,
			{
				itemIndex: failed[0].itemIndex,
				description:
					'changedSinceRead: awork changed the entry after the run read it, so it was left unbilled; notFound: the entry does not exist; unauthorized: the credential may not change it; badRequest: awork refused the change (e.g. the entry is not billable, or only admins may unbill); unchanged: awork left it as it was (All or Nothing). Turn on Continue on Partial Failure (Options) to output the result per ID instead.',
			},
		);
	}
	for (const { id, itemIndex, status, error } of results) {
		const json: IDataObject =
			status === 'ok' ? { id, status, isBilled } : { id, status, error: error ?? `awork reported ${status} for this time entry` };
		output.push({ json, pairedItem: { item: itemIndex } });
	}
	if (!isBilled || options.addReport !== true) return [output];
	const idsOf = new Map<number, Set<string>>();
	for (const { id, itemIndex } of requested) {
		const ids = idsOf.get(itemIndex);
		if (ids) ids.add(id);
		else idsOf.set(itemIndex, new Set([id]));
	}
	const report = buildBillingReport(
		items.map((item, itemIndex) => ({ json: item.json, requestedIds: idsOf.get(itemIndex) ?? new Set<string>() })),
		outcomes,
		changed,
	);
	return [output, [{ json: report, pairedItem: items.map((_item, itemIndex) => ({ item: itemIndex })) }]];
}
