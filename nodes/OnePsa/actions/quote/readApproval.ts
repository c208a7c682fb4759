/**
 * Quote > Read Approval: checks the `data` of a `quote.approved` webhook and outputs the fields
 * the workflow needs (quote, contract, company, project key, lines with their match keys). An
 * invalid approval is not a failure of the node: it comes out with `valid: false` and `errors`
 * naming each bad field, for the workflow to answer (400). No request is made to The One PSA.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { forOperation } from '../../descriptions';
import { approvalProblems, readApproval } from '../../helpers/quote/approval';

const DEFAULT_MAX_LINES = 500;

export const description: INodeProperties[] = forOperation('quote', 'readApproval', [
	{
		displayName: 'Approval',
		name: 'approval',
		type: 'json',
		default: '={{ $json.data }}',
		description: 'The `data` of the quote.approved webhook (quoteId, number, title, companyId, companyName, contractId, link of the quote, lines)',
	},
	{
		displayName: 'Project Key Prefix',
		name: 'projectKeyPrefix',
		type: 'string',
		default: 'PSA',
		description: 'The project key is PREFIX-NUMBER (the quote number); a number with other characters than A-Z, 0-9 and single dashes gets a hash',
	},
	{
		displayName: 'Max Lines',
		name: 'maxLines',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_LINES,
		description: 'Approvals with more quote lines are invalid',
	},
]);

/** The approval as an object; JSON text is parsed, anything else counts as an empty approval. */
function approvalData(value: unknown): IDataObject {
	let data = value;
	if (typeof data === 'string') {
		try {
			data = JSON.parse(data);
		} catch {
			data = {};
		}
	}
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
}

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = approvalData(this.getNodeParameter('approval', itemIndex, {}));
	const maxLines = Math.max(1, Number(this.getNodeParameter('maxLines', itemIndex, DEFAULT_MAX_LINES)) || DEFAULT_MAX_LINES);
	const errors = approvalProblems(data, maxLines);
	if (errors.length) {
		const quoteId = typeof data.quoteId === 'string' || typeof data.quoteId === 'number' ? String(data.quoteId) : '';
		return { valid: false, errors, quoteId: quoteId.trim() ? quoteId : null };
	}
	const prefix = String(this.getNodeParameter('projectKeyPrefix', itemIndex, 'PSA'));
	return { valid: true, errors: [], ...readApproval(data, prefix) };
}
