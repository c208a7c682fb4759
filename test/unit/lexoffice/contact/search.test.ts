import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { APP_URL, runLexoffice } from '../helpers';

describe('Lexoffice Contact > Search', () => {
	let lex: RunningFakeLexoffice;

	beforeEach(async () => {
		lex = await startFakeLexoffice();
		lex.fake.addContact({ companyName: 'Johnson & Partner', customerNumber: 10001, email: 'office@johnson.example' });
		lex.fake.addContact({ companyName: 'ACME GmbH', customerNumber: 10002 });
		lex.fake.addContact({ companyName: 'Johnson Supplies', customer: false });
		lex.fake.addContact({ person: { firstName: 'Ada', lastName: 'Lovelace' }, customerNumber: 10003 });
	});
	afterEach(async () => await lex.close());

	const search = (extra: Record<string, unknown>) => ({ resource: 'contact', operation: 'search', returnAll: true, ...extra });

	it('finds customers by part of the name, HTML-encoding & as Lexware asks', async () => {
		const run = await runLexoffice(lex, search({ name: 'johnson &' }));
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.name)).toEqual(['Johnson & Partner']);
		expect(run.items[0].json.url).toBe(`${APP_URL}/permalink/contacts/view/${String(run.items[0].json.id)}`);
		expect(lex.fake.log[0].query).toMatchObject({ name: 'johnson &amp;', customer: 'true' });
	});

	it('lists vendors too when Customers Only is off, and finds people and numbers', async () => {
		const all = await runLexoffice(lex, search({ name: 'johnson', customersOnly: false }));
		expect(all.items.map((item) => item.json.name)).toEqual(['Johnson & Partner', 'Johnson Supplies']);
		const person = await runLexoffice(lex, search({ number: '10003' }));
		expect(person.items.map((item) => item.json.name)).toEqual(['Ada Lovelace']);
	});

	it('refuses a name shorter than 3 characters naming the field, before sending', async () => {
		const run = await runLexoffice(lex, search({ name: 'jo' }));
		expect(run.error?.message).toBe('"Name" needs at least 3 characters, got "jo"');
		expect(lex.fake.log).toHaveLength(0);
	});

	it('matches a name exactly when asked, any case, also below 3 characters', async () => {
		lex.fake.addContact({ companyName: 'Johnson' });
		lex.fake.addContact({ companyName: 'XY' });
		const exact = await runLexoffice(lex, search({ name: ' JOHNSON ', match: 'exact' }));
		expect(exact.items.map((item) => item.json.name)).toEqual(['Johnson']);
		expect(lex.fake.log[0].query.name).toBe('JOHNSON');
		lex.fake.log.length = 0;
		const short = await runLexoffice(lex, search({ name: 'xy', match: 'exact' }));
		expect(short.items.map((item) => item.json.name)).toEqual(['XY']);
		expect(lex.fake.log[0].query.name).toBeUndefined();
	});
});
