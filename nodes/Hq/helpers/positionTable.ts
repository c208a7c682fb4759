/**
 * Posting one free-text position, and the table it goes into when HQ asks for one: the node first
 * sends none (the spec does not say it is needed); if HQ refuses the position naming
 * documentTableId, it takes the document's positions table and sends the position again (HQ
 * refused the first, so nothing was written twice).
 */
import type { IDataObject } from 'n8n-workflow';
import {
	callHq,
	DOCUMENT_TABLE_FIELD,
	endpointPath,
	HQ_ENDPOINTS,
	hqAnswerError,
	hqApiError,
	POSITION_TABLE_ELEMENT_TYPE_NUMBER,
	POSITION_TABLE_ELEMENT_TYPES,
	readProblem,
	type HqContext,
} from '../transport';

/** The table positions of one document go into, once HQ asked for one (undefined until then). */
export interface PositionTarget {
	documentId: string;
	tableId?: string;
}

function isPositionTable(element: IDataObject): boolean {
	const type = element.type;
	return (typeof type === 'string' && POSITION_TABLE_ELEMENT_TYPES.includes(type)) || type === POSITION_TABLE_ELEMENT_TYPE_NUMBER;
}

async function positionTableOf(ctx: HqContext, documentId: string): Promise<string> {
	const answer = await callHq<unknown>(ctx, { endpoint: 'listDocumentElements', pathParams: { documentId } });
	const elements = Array.isArray(answer.body) ? (answer.body as IDataObject[]) : [];
	const table = elements.find(isPositionTable);
	if (!table || typeof table.id !== 'string') {
		throw hqAnswerError(
			ctx,
			`HQ wants a position table (${DOCUMENT_TABLE_FIELD}) for invoice ${documentId}, and the invoice has none`,
			'Give the invoice template a positions table in HQ, or add one to the draft, then run again.',
		);
	}
	return table.id;
}

export async function postFreeTextPosition(ctx: HqContext, target: PositionTarget, body: IDataObject): Promise<void> {
	const send = async () =>
		await callHq(ctx, {
			endpoint: 'createFreeTextPosition',
			body: target.tableId ? { ...body, [DOCUMENT_TABLE_FIELD]: target.tableId } : body,
			accept: [400],
		});
	let answer = await send();
	if (answer.status === 400 && !target.tableId && readProblem(answer.body).fields.some(({ field }) => field === DOCUMENT_TABLE_FIELD)) {
		target.tableId = await positionTableOf(ctx, target.documentId);
		answer = await send();
	}
	if (answer.status === 400) {
		throw hqApiError(ctx.getNode(), 400, answer.body, { method: HQ_ENDPOINTS.createFreeTextPosition.method, path: endpointPath('createFreeTextPosition') });
	}
}
