import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { asOperationError, parameterOncePerRun } from '../../../shared/operations';
import { MAX_BATCH_ENTRIES } from '../../transport';
import { contractLocator, showFor } from '../../descriptions';
import { exportTimeEntries, type ExportJob, type ExportResult } from '../../helpers/timeEntry/exporter';
import { mapToPsaEntry, type BelowPrecision, type EntryOverrides } from '../../helpers/timeEntry/mapping';
import { projectLabel, readBillingRecord } from '../../../shared/billing/billingRecord';
import { bookingJson, type Booking } from '../../../shared/billing/booking';
import { textOrNull } from '../../../shared/billing/fields';
import { entryFieldsParameter } from '../../descriptions/entryFields';

const show = showFor('timeEntry', 'exportToContract');

export const description: INodeProperties[] = [
	{
		displayName:
			'Each input item is an awork time entry, or an invoice position from Time Entry > To Invoice Positions. It is booked once: the awork ID (a position\'s positionId) becomes the PSA externalId, so a re-run reports it as "duplicate" instead of booking it again.',
		name: 'exportNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	contractLocator('contractId', {
		required: true,
		description: 'The contract to book on, usually an expression per item such as {{ $json.contractId }}',
		displayOptions: show,
	}),
	entryFieldsParameter(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_ENTRIES },
				default: MAX_BATCH_ENTRIES,
				description: 'Entries per batch request (at most 100)',
			},
			{
				displayName: 'Contract ID From Field',
				name: 'contractIdField',
				type: 'string',
				default: '',
				placeholder: 'e.g. contractId',
				description:
					'Read each item\'s contract ID from this input field instead of the Contract parameter. For thousands of items it is much faster than an expression, which n8n evaluates per item.',
			},
			{
				displayName: 'Contracts by Project',
				name: 'contractsByProject',
				type: 'json',
				default: '[]',
				description:
					'Contracts of awork projects, for items without a contract in the field above: an array of {projectId, contractId} or an object projectId → contractId, as JSON text or from an expression. Evaluated once for all items, so it costs nothing per item.',
			},
			{
				displayName: 'Entries Below Precision',
				name: 'belowPrecision',
				type: 'options',
				options: [
					{
						name: 'Book the Smallest Unit',
						value: 'roundUp',
						description: 'E.g. 0.01 h for a 10-second entry; the item shows roundedUpFromSeconds.',
					},
					{ name: 'Fail the Entry', value: 'fail', description: 'It stays unbilled and is reported in every run' },
				],
				default: 'roundUp',
				description: 'What to do with a time entry so short that its hours round to 0 (under 18 seconds at 2 decimals)',
			},
			{
				displayName: 'Entries Without a Contract',
				name: 'withoutContract',
				type: 'options',
				default: 'stop',
				options: [
					{ name: 'Stop the Node', value: 'stop', description: 'Fail before anything is sent' },
					{
						name: 'Report Them as Failed',
						value: 'fail',
						description:
							'Output them with status "failed" and export the others. Refused credentials, missing permissions and an unreachable PSA still fail the node, so a run that could book nothing gets noticed.',
					},
				],
				description: 'What to do with items whose contract is empty',
			},
			{
				displayName: 'Entry Changed After Booking',
				name: 'changedAfterBooking',
				type: 'options',
				default: 'leaveUnbilled',
				options: [
					{
						name: 'Leave It Unbilled',
						value: 'leaveUnbilled',
						description: 'Output it as failed with both values (changedAfterBooking), for a person to correct one side',
					},
					{
						name: 'Post a Correction',
						value: 'postCorrection',
						description:
							'When only the hours differ: book the difference as its own entry (externalId ID:correction:N, same contract and day) so the PSA holds awork\'s hours, and bill the entry. A changed day or contract is still left unbilled.',
					},
				],
				description: 'What to do when the PSA already holds an entry (duplicate) with other hours, day or contract than awork has now',
			},
			{
				displayName: 'Hours Decimals',
				name: 'hoursDecimals',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 6 },
				default: 2,
				description: 'Decimal places of the hours booked (awork durations are in seconds)',
			},
			{
				displayName: 'Use Batch Requests',
				name: 'useBatch',
				type: 'boolean',
				default: true,
				description:
					'Whether to book up to 100 entries per request. Contracts without batch import get one request per entry either way.',
			},
		],
	},
];

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('options', 0, {}) as {
		batchSize?: number;
		hoursDecimals?: number;
		belowPrecision?: BelowPrecision;
		useBatch?: boolean;
		withoutContract?: 'stop' | 'fail';
		contractIdField?: string;
		changedAfterBooking?: 'leaveUnbilled' | 'postCorrection';
	};
	const contractField = String(options.contractIdField ?? '').trim();
	const contractOfProject = readContractsByProject(this, (options as IDataObject).contractsByProject);
	const results = new Map<number, ExportResult>();
	const jobs: ExportJob[] = [];
	const bookings: Booking[] = [];

	// Read and check every item before anything is sent, so a missing contract stops the run cleanly.
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const source = items[itemIndex].json;
		const record = readBillingRecord(source);
		const fromField = contractField ? String(source[contractField] ?? '').trim() : '';
		const contractId =
			fromField ||
			(contractOfProject ? contractOfProject.get(record.projectId ?? '') ?? '' : '') ||
			(contractField || contractOfProject ? '' : String(this.getNodeParameter('contractId', itemIndex, '', { extractValue: true }) ?? '').trim());
		// Entry Fields without expressions are the same for every item: read once.
		const overrides = parameterOncePerRun<EntryOverrides>(this, 'entryFields', itemIndex, {});
		const mapped = mapToPsaEntry(record, overrides, options.hoursDecimals ?? 2, options.belowPrecision ?? 'roundUp');
		const kind = record.kind === 'position' || Array.isArray(source.timeEntryIds) ? 'position' : 'timeEntry';
		const booking: Booking = {
			status: 'failed',
			kind,
			externalId: mapped.entry?.externalId ?? textOrNull(overrides.externalId) ?? record.id,
			contractId,
			projectId: record.projectId,
			projectName: record.projectName,
			seconds: record.seconds ?? 0,
			coveredAworkTimeEntryIds: record.timeEntryIds,
		};
		bookings.push(booking);
		if (!contractId) {
			const error = new NodeOperationError(this.getNode(), `No PSA contract for awork project ${projectLabel(record)}`, {
				itemIndex,
				description:
					'"Contract" is empty for this time entry. Map the project to a PSA contract (e.g. with the ID Mapping node) or set "Contract".',
			});
			if (options.withoutContract !== 'fail' && !this.continueOnFail()) throw error;
			results.set(itemIndex, { status: 'failed', reason: error.message });
			continue;
		}
		if (mapped.problem !== undefined) {
			results.set(itemIndex, { status: 'failed', reason: mapped.problem });
			continue;
		}
		booking.date = mapped.entry.date;
		booking.hours = mapped.entry.hours;
		if (mapped.roundedUpFromSeconds !== undefined) booking.roundedUpFromSeconds = mapped.roundedUpFromSeconds;
		// A position posted again may stand for only its entries still unbilled: its hours are not compared.
		jobs.push({ itemIndex, contractId, entry: mapped.entry, isPosition: kind === 'position' });
	}

	try {
		await exportTimeEntries(
			this,
			jobs,
			{
				useBatch: options.useBatch ?? true,
				batchSize: options.batchSize ?? MAX_BATCH_ENTRIES,
				onChangedHours: options.changedAfterBooking ?? 'leaveUnbilled',
				hoursDecimals: options.hoursDecimals ?? 2,
			},
			results,
		);
	} catch (error) {
		// Credentials, permissions, rate limit or network (entry problems never get here): nothing
		// further would get through.
		if (!this.continueOnFail()) {
			throw asOperationError(this.getNode(), error);
		}
		for (const job of jobs) {
			if (!results.has(job.itemIndex)) {
				results.set(job.itemIndex, { status: 'failed', reason: (error as Error).message });
			}
		}
	}

	return [bookings.map((booking, itemIndex) => {
		const { status, psaTimeEntryId, reason, changedAfterBooking, correction } = results.get(itemIndex) ?? { status: 'failed', reason: 'Not exported' };
		return { json: bookingJson({ ...booking, status, psaTimeEntryId, reason, changedAfterBooking, correction }), pairedItem: { item: itemIndex } };
	})];
}

/** Option "Contracts by Project" as projectId → contractId; undefined when not set. */
function readContractsByProject(ctx: IExecuteFunctions, value: unknown): Map<string, string> | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			parsed = JSON.parse(value);
		} catch {
			throw new NodeOperationError(ctx.getNode(), 'Contracts by Project is not valid JSON', {
				description: 'Give an array of {projectId, contractId} or an object projectId → contractId.',
			});
		}
	}
	if (parsed === undefined || parsed === null) return undefined;
	const contracts = new Map<string, string>();
	if (Array.isArray(parsed)) {
		parsed.forEach((row, index) => {
			const { projectId, contractId } = (row ?? {}) as IDataObject;
			if (typeof projectId !== 'string' || !projectId) {
				throw new NodeOperationError(ctx.getNode(), `Contracts by Project, entry ${index + 1}: "projectId" is missing`);
			}
			if (contractId !== undefined && contractId !== null && contractId !== '') contracts.set(projectId, String(contractId));
		});
		return parsed.length ? contracts : undefined;
	}
	if (typeof parsed !== 'object') {
		throw new NodeOperationError(ctx.getNode(), 'Contracts by Project must be an array or an object', {
			description: 'Give an array of {projectId, contractId} or an object projectId → contractId.',
		});
	}
	for (const [projectId, contractId] of Object.entries(parsed as IDataObject)) {
		if (contractId !== undefined && contractId !== null && contractId !== '') contracts.set(projectId, String(contractId));
	}
	return Object.keys(parsed as IDataObject).length ? contracts : undefined;
}
