/** The tax type of a new invoice: chosen, or the organisation's own from /v1/profile [docs]. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { oncePerNodeRun } from '../../../shared/perNodeRun';
import { callLexoffice, TAX_TYPES, type TaxType } from '../../transport';

export const FROM_PROFILE = 'fromProfile';

/** Small businesses (Kleinunternehmer) can only issue vat-free invoices [docs]. */
export function taxTypeOfProfile(profile: IDataObject): TaxType | undefined {
	if (profile.smallBusiness === true) return 'vatfree';
	const taxType = profile.taxType;
	return TAX_TYPES.includes(taxType as TaxType) ? (taxType as TaxType) : undefined;
}

/** Read once per node run, however many contacts get a draft (a failed read is not kept). */
const profileOf = oncePerNodeRun(async (ctx: IExecuteFunctions): Promise<IDataObject> => {
	const { body } = await callLexoffice<IDataObject>(ctx, { endpoint: 'getProfile' });
	return body ?? {};
});

export async function resolveTaxType(ctx: IExecuteFunctions, chosen: string, itemIndex: number): Promise<TaxType> {
	if (chosen !== FROM_PROFILE) {
		if (TAX_TYPES.includes(chosen as TaxType)) return chosen as TaxType;
		throw new NodeOperationError(ctx.getNode(), `"Tax Type" ${JSON.stringify(chosen)} is not a Lexoffice tax type`, {
			itemIndex,
			description: `Use one of: ${TAX_TYPES.join(', ')}.`,
		});
	}
	const taxType = taxTypeOfProfile(await profileOf(ctx));
	if (!taxType) {
		throw new NodeOperationError(ctx.getNode(), 'Lexoffice\'s profile names no tax type this node knows', {
			itemIndex,
			description: 'Choose "Tax Type" on the node instead of "From Organization Settings".',
		});
	}
	return taxType;
}
