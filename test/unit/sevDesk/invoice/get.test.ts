import { byId, createDraft, items, position, runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';

describe('sevDesk Invoice > Get', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
	});
	afterEach(async () => await sevDesk.close());

	it('returns the invoice with numbers instead of sevDesk\'s strings, and its positions', async () => {
		const draft = await runSevDesk(sevDesk, createDraft(), { input: items([position(1), position(2)]) });
		const id = String(draft.items[0].json.id);
		const run = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'get', invoiceId: byId(id), includePositions: true });
		expect(run.error).toBeUndefined();
		const invoice = run.items[0].json;
		expect(invoice).toMatchObject({ id, status: 100, statusName: 'draft', sumNet: 450, sumTax: 85.5, sumGross: 535.5, currency: 'EUR', references: [draft.items[0].json.reference] });
		expect((invoice.positions as Array<Record<string, unknown>>).map((p) => [p.name, p.quantity, p.price, p.unitId, p.sumNet])).toEqual([
			['Website relaunch: task 1', 1.5, 100, '9', 150],
			['Website relaunch: task 2', 3, 100, '9', 300],
		]);
	});

	it('names an unknown invoice (sevDesk answers 400)', async () => {
		const run = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'get', invoiceId: byId('4242') });
		expect(run.error?.message).toBe('sevDesk has no invoice with ID "4242"');
	});

	it('refuses an ID that would point the request at another path', async () => {
		const run = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'list', value: '..' } });
		expect(run.error?.message).toMatch(/cannot be used in a request path/);
		expect(sevDesk.fake.log).toHaveLength(0);
	});
});
