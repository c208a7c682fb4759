/**
 * Claim > Take: of executions that take one claim at the same moment, exactly one goes on.
 */
import type { IDataObject } from 'n8n-workflow';
import type { FakeHandler } from '../../../../devkit/fakes/shared/fakeServer';
import { runIdMapping, useFakeDataTables, wrapFakeRoute } from '../run';

const TABLE = 'awork_psa_id_mappings';
const tables = useFakeDataTables();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function take(store: 'dataTable' | 'staticData', executionId: string, claimName: unknown = 'quote:q-1', leaseSeconds: unknown = 60, staticData: IDataObject = {}) {
	return runIdMapping({
		parameters: { store, tableName: TABLE, resource: 'claim', operation: 'take', claimName: claimName as string, leaseSeconds: leaseSeconds as number },
		n8nApi: store === 'dataTable' ? { baseUrl: tables.baseUrl, apiKey: 'key-1' } : undefined,
		input: [{ quoteId: 'q-1' }],
		executionId,
		staticData,
	});
}

/** [claimed items, held-elsewhere items] of one run. */
async function outputsOf(run: ReturnType<typeof take>): Promise<[IDataObject[], IDataObject[]]> {
	const result = await run;
	if (result.error) throw result.error;
	const outputs = result.outputs as Array<Array<{ json: IDataObject }> | null>;
	return [(outputs[0] ?? []).map((item) => item.json), (outputs[1] ?? []).map((item) => item.json)];
}

const claimRows = () => (tables.fake.tableByName(TABLE)?.rows ?? []).filter((row) => row.namespace === '_claim');

describe.each(['dataTable', 'staticData'] as const)('Claim > Take (%s store)', (store) => {
	// Static data claims live in the process: each case uses names of its own.
	const name = (suffix: string) => `quote:${store}-${suffix}`;

	it('lets exactly one of 10 executions taking the claim at once go on', async () => {
		const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => outputsOf(take(store, `exec-${i}`, name('race')))));
		const winners = runs.filter(([claimed]) => claimed.length === 1);
		expect(winners).toHaveLength(1);
		const winner = winners[0][0][0];
		expect(winner).toMatchObject({ quoteId: 'q-1', claim: { name: name('race'), claimed: true } });
		const losers = runs.filter(([claimed]) => claimed.length === 0).map(([, held]) => held[0]);
		expect(losers).toHaveLength(9);
		for (const loser of losers) {
			expect(loser.claim).toMatchObject({ name: name('race'), claimed: false, holder: (winner.claim as IDataObject).holder });
		}
		if (store === 'dataTable') {
			// Losers took their rows back: only the holder's is left.
			expect(claimRows().map((row) => row.aworkId)).toEqual([(winner.claim as IDataObject).holder]);
		}
	});

	it('lets the holder take its claim again, and nobody else until the lease ends', async () => {
		const [first] = await outputsOf(take(store, 'exec-a', name('again'), 0.4));
		expect(first).toHaveLength(1);
		const [again] = await outputsOf(take(store, 'exec-a', name('again'), 0.4));
		expect(again).toHaveLength(1);
		const [, held] = await outputsOf(take(store, 'exec-b', name('again'), 0.4));
		expect(held[0].claim).toMatchObject({ claimed: false, holder: 'execution:exec-a' });
		const expiresAt = Date.parse(String((held[0].claim as IDataObject).expiresAt));
		const takenAt = Date.parse(String((held[0].claim as IDataObject).takenAt));
		expect(expiresAt - takenAt).toBe(400);

		await sleep(500);
		const [after] = await outputsOf(take(store, 'exec-b', name('again'), 0.4));
		expect(after[0].claim).toMatchObject({ claimed: true, holder: 'execution:exec-b' });
		if (store === 'dataTable') {
			// The new holder removed the expired rows.
			expect(claimRows().map((row) => row.aworkId)).toEqual(['execution:exec-b']);
		}
	});

	it('keeps a claim its holder took again after the lease ended: the next taker is held off', async () => {
		const [first] = await outputsOf(take(store, 'exec-a', name('retake'), 0.3));
		expect(first).toHaveLength(1);
		await sleep(400);
		const [again] = await outputsOf(take(store, 'exec-a', name('retake'), 60));
		expect(again[0].claim).toMatchObject({ claimed: true, holder: 'execution:exec-a' });
		const [claimedByB, heldForB] = await outputsOf(take(store, 'exec-b', name('retake'), 60));
		expect(claimedByB).toHaveLength(0);
		expect(heldForB[0].claim).toMatchObject({ claimed: false, holder: 'execution:exec-a' });
		if (store === 'dataTable') expect(claimRows().map((row) => row.aworkId)).toEqual(['execution:exec-a']);
	});

	it("judges a claim by its holder's lease, not by the shorter lease of the one who asks", async () => {
		const [held] = await outputsOf(take(store, 'exec-a', name('lease'), 600));
		const takenAt = Date.parse(String((held[0].claim as IDataObject).takenAt));
		await sleep(300);
		const [claimedByB, heldForB] = await outputsOf(take(store, 'exec-b', name('lease'), 0.1));
		expect(claimedByB).toHaveLength(0);
		expect(heldForB[0].claim).toMatchObject({ claimed: false, holder: 'execution:exec-a' });
		// The holder's own expiry is reported, not the asker's.
		expect(Date.parse(String((heldForB[0].claim as IDataObject).expiresAt)) - takenAt).toBe(600_000);
	});

	it('never lets two executions hold one claim when takers with short and long leases race', async () => {
		const leases = [0.05, 600, 0.05, 30, 0.05, 600];
		let longHolder: string | undefined;
		for (let round = 0; round < 4; round++) {
			const runs = await Promise.all(leases.map((lease, i) => outputsOf(take(store, `exec-r${round}-${i}`, name('mixed'), lease))));
			const winners = runs.flatMap(([claimed], i) => claimed.map(() => i));
			if (longHolder) {
				// A long lease holds on: nobody wins, everyone is told who holds it.
				expect(winners).toEqual([]);
				for (const [, held] of runs) expect(held[0].claim).toMatchObject({ claimed: false, holder: longHolder });
			} else {
				expect(winners.length).toBeLessThanOrEqual(1);
				if (winners.length && leases[winners[0]] >= 30) longHolder = `execution:exec-r${round}-${winners[0]}`;
			}
			await sleep(100);
		}
	});

	it.each([
		['an empty name', '  ', 60, 'Claim Name is empty'],
		['a name over 200 characters', 'x'.repeat(201), 60, 'Claim Name is longer than 200 characters'],
		['a lease of 0', 'quote:x', 0, 'Lease (Seconds) must be a number above 0, not 0'],
		['a lease that is not a number', 'quote:x', 'soon', 'Lease (Seconds) must be a number above 0, not "soon"'],
	])('refuses %s, naming the field, and claims nothing', async (_case, claimName, lease, message) => {
		const result = await take(store, 'exec-bad', claimName, lease);
		expect(result.error?.message).toBe(message);
		if (store === 'dataTable') expect(claimRows()).toHaveLength(0);
	});
});

describe('Claim > Take (dataTable store): the data table side', () => {
	const wrapRoute = (method: string, path: string, wrap: (original: FakeHandler) => FakeHandler) => wrapFakeRoute(tables.fake, method, path, wrap);

	it('holds the claim when its insert landed but the answer was lost', async () => {
		await outputsOf(take('dataTable', 'exec-0', 'quote:other'));
		const restore = wrapRoute('POST', 'api/v1/data-tables/:dataTableId/rows', (original) => async (req) => {
			await original(req);
			return { status: 502, body: { message: 'Bad gateway' } };
		});
		try {
			const [claimed] = await outputsOf(take('dataTable', 'exec-1', 'quote:lost'));
			expect(claimed[0].claim).toMatchObject({ claimed: true, holder: 'execution:exec-1' });
		} finally {
			restore();
		}
	});

	it('keeps claims out of List', async () => {
		await outputsOf(take('dataTable', 'exec-1', 'quote:listed'));
		await runIdMapping({
			parameters: { store: 'dataTable', tableName: TABLE, resource: 'mapping', operation: 'save', namespace: 'ticket', externalId: 't-1', aworkId: 'a-1' },
			n8nApi: { baseUrl: tables.baseUrl, apiKey: 'key-1' },
		});
		const listed = await runIdMapping({
			parameters: { store: 'dataTable', tableName: TABLE, resource: 'mapping', operation: 'list', returnAll: true },
			n8nApi: { baseUrl: tables.baseUrl, apiKey: 'key-1' },
		});
		expect(listed.error).toBeUndefined();
		expect(listed.items.map((item) => [item.json.namespace, item.json.externalId])).toEqual([['ticket', 't-1']]);
	});
});
