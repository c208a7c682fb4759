import { runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';

describe('sevDesk Contact > Search', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
		sevDesk.fake.seed({ contacts: [{ id: 600, surename: 'Ada', familyname: 'Lovelace', customerNumber: '2001' }] });
	});
	afterEach(async () => await sevDesk.close());

	it('finds organisations by name, persons only when asked, with string numbers read', async () => {
		const organisations = await runSevDesk(sevDesk, { resource: 'contact', operation: 'search', name: 'acme', returnAll: true });
		expect(organisations.items.map((item) => item.json)).toEqual([
			{ id: '501', name: 'Acme GmbH', kind: 'organisation', customerNumber: '1001', categoryId: '3', status: 1000, parentId: null, vatNumber: null, taxNumber: null },
		]);
		const withoutPersons = await runSevDesk(sevDesk, { resource: 'contact', operation: 'search', name: 'love', returnAll: true });
		expect(withoutPersons.items).toHaveLength(0);
		const persons = await runSevDesk(sevDesk, { resource: 'contact', operation: 'search', name: 'love', includePersons: true, returnAll: true });
		expect(persons.items.map((item) => [item.json.name, item.json.kind])).toEqual([['Ada Lovelace', 'person']]);
		expect(sevDesk.fake.log.at(-1)?.query).toMatchObject({ name: 'love', depth: '1' });
	});

	it('finds by customer number and honours the limit', async () => {
		const byNumber = await runSevDesk(sevDesk, { resource: 'contact', operation: 'search', customerNumber: '1002', returnAll: true });
		expect(byNumber.items.map((item) => item.json.name)).toEqual(['Globex Ltd']);
		const limited = await runSevDesk(sevDesk, { resource: 'contact', operation: 'search', limit: 1 });
		expect(limited.items).toHaveLength(1);
		expect(sevDesk.fake.log.at(-1)?.query.limit).toBe('1');
	});
});
