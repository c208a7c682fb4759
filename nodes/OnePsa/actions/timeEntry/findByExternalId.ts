/**
 * Time Entry > Find by External ID: adds to each item the PSA entry booked under an external ID,
 * or null. Answers "did this already reach the PSA?" before a write (the positions export asks it
 * of a planned position). Items without an ID pass with null and cost no request; the same ID on
 * many items is asked once.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { asOperationError, errorItem } from '../../../shared/operations';
import { fetchAll, filterQuery } from '../../transport';
import { showFor } from '../../descriptions';

const show = showFor('timeEntry', 'findByExternalId');

export const description: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 7f9c2a10-…',
		description: 'The external ID the entry was booked under. Empty: the item passes with no entry and no request is made.',
		displayOptions: show,
	},
	{
		displayName: 'Put Result in Field',
		name: 'resultField',
		type: 'string',
		default: 'psaTimeEntry',
		description: 'Name of the field that receives the PSA entry, or null when none is booked under the ID',
		displayOptions: show,
	},
];

const FIELD_NAME = /^[A-Za-z_$][\w$]*$/;

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const resultField = String(this.getNodeParameter('resultField', 0, 'psaTimeEntry')).trim();
	if (!FIELD_NAME.test(resultField)) {
		throw new NodeOperationError(this.getNode(), `Put Result in Field: "${resultField}" is not a field name`, {
			description: 'Use letters, digits and underscores, e.g. psaTimeEntry.',
		});
	}
	// One lookup per distinct ID, however many items carry it.
	const lookups = new Map<string, Promise<IDataObject | null>>();
	const find = (externalId: string, itemIndex: number) => {
		let lookup = lookups.get(externalId);
		if (!lookup) {
			lookup = fetchAll<IDataObject>(
				this,
				{ endpoint: 'listTimeEntries', query: filterQuery('listTimeEntries', { externalId }), itemIndex },
				2,
			).then((found) => {
				const match = found.find((entry) => entry.externalId === externalId);
				if (match) return match;
				// Entries of other IDs mean the PSA ignored the filter: "not booked" cannot be told
				// apart from "not on this page", and a wrong "not booked" would book hours twice.
				if (found.length > 0) {
					throw new NodeOperationError(
						this.getNode(),
						`The One PSA ignored the externalId filter of GET /api/time-entries, so it cannot confirm whether "${externalId}" is booked`,
						{
							itemIndex,
							description: `It answered with entries of other external IDs (e.g. "${String(found[0].externalId)}"). Nothing should be posted until the PSA filters by externalId.`,
						},
					);
				}
				return null;
			});
			lookups.set(externalId, lookup);
		}
		return lookup;
	};

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const raw = this.getNodeParameter('externalId', itemIndex, '');
		const externalId = raw === null || raw === undefined ? '' : String(raw).trim();
		try {
			if (typeof raw === 'object' && raw !== null) {
				throw new NodeOperationError(this.getNode(), 'External ID: expected text, got an object', { itemIndex });
			}
			const entry = externalId ? await find(externalId, itemIndex) : null;
			output.push({ json: { ...items[itemIndex].json, [resultField]: entry }, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asOperationError(this.getNode(), error, itemIndex);
			output.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return [output];
}
