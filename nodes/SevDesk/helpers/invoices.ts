/** Finding an invoice by its awork reference, reading one, and saving through the invoice factory. */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';
import { callSevDesk, fetchAll, filterQuery } from '../transport';
import { referencesIn } from './views';

/**
 * The invoice of `contactId` whose "Referenz/Bestellnummer" (customerInternalNote) holds
 * `reference`. First sevDesk's own filter (customerIntenalNote [docs], an exact match); then the
 * contact's invoices, because Add Positions appends a second reference to the note, which an
 * exact match misses. Every hit is checked here too: a server that ignored the filter would
 * otherwise hand back any invoice.
 */
export async function findByReference(ctx: IExecuteFunctions, contactId: string, reference: string, itemIndex: number): Promise<IDataObject | undefined> {
	const ofContact = { contactId, contactObjectName: 'Contact' };
	const holds = (invoice: IDataObject) => referencesIn(invoice.customerInternalNote).includes(reference);
	const exact = await fetchAll<IDataObject>(ctx, { endpoint: 'listInvoices', query: filterQuery('listInvoices', { ...ofContact, customerInternalNote: reference }), itemIndex });
	const found = exact.find(holds);
	if (found) return found;
	const all = await fetchAll<IDataObject>(ctx, { endpoint: 'listInvoices', query: filterQuery('listInvoices', ofContact), itemIndex });
	return all.find(holds);
}

/** GET /Invoice/{id}: `{"objects": [invoice]}`; an unknown ID is a 400 [docs], said as such. */
export async function readInvoice(ctx: IExecuteFunctions, invoiceId: string, itemIndex: number): Promise<IDataObject> {
	const answer = await callSevDesk<{ objects?: unknown }>(ctx, { endpoint: 'getInvoice', pathParams: { invoiceId }, itemIndex, accept: [400, 404] });
	const objects = answer.body?.objects;
	const invoice = Array.isArray(objects) ? (objects[0] as IDataObject | undefined) : undefined;
	if (answer.status >= 400 || !invoice) {
		throw new NodeOperationError(ctx.getNode(), `sevDesk has no invoice with ID ${JSON.stringify(invoiceId)}`, {
			description: 'Check "Invoice": pick the draft from the list or pass the ID of an existing sevDesk invoice.',
			itemIndex,
		});
	}
	return invoice;
}

export async function readPositions(ctx: IExecuteFunctions, invoiceId: string, itemIndex: number): Promise<IDataObject[]> {
	return await fetchAll<IDataObject>(ctx, { endpoint: 'getInvoicePositions', pathParams: { invoiceId }, itemIndex });
}

/**
 * POST /Invoice/Factory/saveInvoice. The answer is wrapped in `objects` [sdk: the spec leaves
 * the wrapper out]; the bare form is read too. Returns the saved invoice.
 */
export async function saveInvoice(ctx: IExecuteFunctions, invoice: IDataObject, positions: IDataObject[], itemIndex: number): Promise<IDataObject> {
	const answer = await callSevDesk<IDataObject>(ctx, {
		endpoint: 'saveInvoice',
		itemIndex,
		// The last four keys are always sent, null when unused [docs: saveInvoice description].
		body: { invoice, invoicePosSave: positions, invoicePosDelete: null, discountSave: null, discountDelete: null, ...(invoice.id ? {} : { takeDefaultAddress: true }) },
	});
	const body = answer.body ?? {};
	const wrapped = body.objects && typeof body.objects === 'object' ? (body.objects as IDataObject) : body;
	const saved = wrapped.invoice as IDataObject | undefined;
	if (!saved || saved.id === undefined || saved.id === null) {
		const message = 'sevDesk answered saveInvoice without an invoice ID';
		const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message,
			description: 'The invoice may have been saved. Run the workflow again: it finds the invoice by its reference instead of creating a second one.',
			itemIndex,
		});
		error.message = message;
		throw error;
	}
	return saved;
}
