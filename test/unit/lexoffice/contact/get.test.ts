import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { byId, loadOptionsContext, runLexoffice } from '../helpers';
import { searchContacts } from '../../../../nodes/Lexoffice/methods/listSearch';

describe('Lexoffice Contact > Get', () => {
	let lex: RunningFakeLexoffice;

	beforeEach(async () => (lex = await startFakeLexoffice()));
	afterEach(async () => await lex.close());

	it('reads one contact with its name', async () => {
		const contact = lex.fake.addContact({ companyName: 'ACME GmbH', customerNumber: 10042 });
		const run = await runLexoffice(lex, { resource: 'contact', operation: 'get', contactId: byId(contact.id) });
		expect(run.items[0].json).toMatchObject({ id: contact.id, name: 'ACME GmbH', roles: { customer: { number: 10042 } } });
	});

	it('maps the legacy IssueList error to a message naming its source field', async () => {
		const run = await runLexoffice(lex, { resource: 'contact', operation: 'get', contactId: byId('missing') });
		expect(run.error?.message).toBe('Lexoffice found nothing at GET /v1/contacts/missing: "id": not_found / not_found');
		expect(run.error?.httpCode).toBe('404');
	});

	it('lists customers in the picker, page by page, filtering names only from 3 characters', async () => {
		for (let i = 0; i < 60; i++) lex.fake.addContact({ companyName: `Client ${String(i).padStart(2, '0')}`, customerNumber: 20000 + i });
		const ctx = loadOptionsContext(lex);
		const first = await searchContacts.call(ctx, 'cl');
		expect(first.results).toHaveLength(50);
		expect(first.results[0].name).toBe('20000 · Client 00');
		expect(first.paginationToken).toBe('1');
		const second = await searchContacts.call(ctx, 'cl', first.paginationToken);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		expect(lex.fake.log.map((entry) => entry.query.name)).toEqual([undefined, undefined]);
		const named = await searchContacts.call(ctx, 'Client 5');
		expect(named.results.map((result) => result.name)).toEqual(Array.from({ length: 10 }, (_, i) => `${20050 + i} · Client 5${i}`));
	});
});
