import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { APP_URL, byId, items, position, runLexoffice } from '../helpers';

describe('Lexoffice Invoice > Add Positions to Draft', () => {
	let lex: RunningFakeLexoffice;

	beforeEach(async () => (lex = await startFakeLexoffice()));
	afterEach(async () => await lex.close());

	const draftId = '0f8d7f1e-1c2b-4a5d-9e8f-123456789abc';

	it('fails saying why Lexoffice cannot, what to do instead, and links the draft; nothing is sent', async () => {
		const run = await runLexoffice(lex, { resource: 'invoice', operation: 'addPositionsToDraft', invoiceId: byId(draftId) }, { input: items([position(1)]) });
		expect(run.error?.message).toBe('Lexoffice cannot add positions to an existing draft: its API has no way to change an invoice');
		expect(run.error?.description).toBe(
			`Nothing was sent to Lexoffice and no time entry was billed. Use "Create Draft from Positions" to put these positions on a new draft instead. Open the draft at ${APP_URL}/permalink/invoices/edit/${draftId} to add them by hand.`,
		);
		expect(lex.fake.log).toHaveLength(0);
	});

	it('with Continue On Fail returns every position as an error item, so none is marked billed', async () => {
		const run = await runLexoffice(lex, { resource: 'invoice', operation: 'addPositionsToDraft', invoiceId: byId(draftId) }, { input: items([position(1), position(2)]), continueOnFail: true });
		expect(run.items).toHaveLength(2);
		expect(run.items.map((item) => [item.json.positionId, item.json.error])).toEqual([
			['pos-1', 'Lexoffice cannot add positions to an existing draft: its API has no way to change an invoice'],
			['pos-2', 'Lexoffice cannot add positions to an existing draft: its API has no way to change an invoice'],
		]);
		expect(run.items.some((item) => 'timeEntryIds' in item.json && 'created' in item.json)).toBe(false);
	});

	it('the fake, like Lexware, has no update: PUT of an invoice answers 404', async () => {
		const answer = await fetch(`${lex.baseUrl}/v1/invoices/${draftId}`, {
			method: 'PUT',
			headers: { Authorization: 'Bearer lexoffice-test-key', 'Content-Type': 'application/json' },
			body: '{}',
		});
		expect(answer.status).toBe(404);
	});
});
