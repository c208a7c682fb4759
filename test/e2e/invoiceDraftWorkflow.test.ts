/**
 * workflows/invoice-draft-from-awork-time.json in real n8n (`n8n execute`, through its Manual
 * Trigger) against the fake awork and the fake sevDesk, Lexoffice and HQ. Three awork clients:
 * one mapped to a contact through ID Mapping (under another name), one found by its exact name,
 * one with no contact; plus billable time of today (an open day), not billable, already billed
 * and without a client. Positions are one per time entry with the entry's note as text, so every
 * position in a fake names the entry it bills.
 * For each tool: a new draft per client bills exactly the target entries; a second batch goes into
 * the existing draft (sevDesk, HQ) or is refused without billing (Lexoffice); awork refusing
 * Mark Billed once leaves the draft unbilled, and the next run finds that draft and bills it; a
 * billing tool that stores the draft but loses its answer fails the run, and the next run finds
 * the draft and bills; a run that died before Mark Billed, followed by new entries, bills the old
 * entries through their first draft (the plan in ID Mapping) and the new ones in a second draft,
 * or in the client's draft when Settings say "existing". After every run: each billable, unbilled entry of a closed day of a client
 * with a contact is in exactly one position of one invoice and was marked billed exactly once.
 */
import { DateTime } from 'luxon';

import { httpRequest, nodeOutput, runError, type ExecutionRun } from '../../devkit/n8n';
import { aworkState, saveMappings, startWorkflowSandbox, type WorkflowSandbox } from '../../devkit/sandbox';

const FILE = 'invoice-draft-from-awork-time.json';
const ZONE = 'Europe/Berlin';

type Tool = 'sevDesk' | 'lexoffice' | 'hq';

interface Seeded {
	id: string;
	note: string;
	client: 'mapped' | 'named' | 'noContact' | 'none';
	billable: boolean;
	billed: boolean;
	closedDay: boolean;
}

/** Contact IDs and names each fake holds; the mapped client's contact has another name than the awork company. */
const CONTACTS = {
	sevDesk: { mapped: '510', named: '511' },
	hq: { mapped: '810', named: '811' },
};

describe('workflow "invoice draft from awork time" in real n8n', () => {
	let sandbox: WorkflowSandbox;
	let seeded: Seeded[] = [];
	let noteCounter = 0;
	const companyIds = {} as Record<'mapped' | 'named' | 'noContact', string>;
	const projectIds = {} as Record<'mapped' | 'named' | 'noContact' | 'none', string>;
	let lexofficeContacts = { mapped: '', named: '' };

	/** Runs the shipped workflow with these Settings; returns the finished run. */
	async function run(tool: Tool, settings: Record<string, unknown> = {}): Promise<ExecutionRun | undefined> {
		const id = await sandbox.importShipped(FILE, {
			settings: { billingTool: tool, positionLevel: 'entry', positionText: 'template', defaultRate: 90, hqTemplateId: '1', timezone: ZONE, ...settings },
			edit: (workflow) => {
				const positions = workflow.nodes.find((node) => node.name === 'To Invoice Positions')!;
				positions.parameters.positionTemplate = '{note}';
			},
		});
		const result = await sandbox.n8n.executeWorkflowCli(id, { timeoutMs: 300_000 });
		return result.result;
	}

	/** Seeds `count` entries per kind for each client; returns the new ones. */
	function seedEntries(count: number): Seeded[] {
		const closedBefore = DateTime.now().setZone(ZONE).startOf('day');
		const added: Seeded[] = [];
		const input: Array<Record<string, unknown>> = [];
		for (const client of ['mapped', 'named', 'noContact', 'none'] as const) {
			for (let i = 0; i < count; i++) {
				for (const kind of ['target', 'notBillable', 'billed', 'openDay'] as const) {
					const note = `entry-${++noteCounter}`;
					const start = kind === 'openDay' ? closedBefore.plus({ minutes: 1 }) : closedBefore.minus({ days: 1 + (i % 5), hours: 3 + i });
					input.push({
						projectId: projectIds[client],
						startDateUtc: start.toUTC().toISO(),
						duration: 1800 + 900 * (i % 4),
						isBillable: kind !== 'notBillable',
						isBilled: kind === 'billed',
						timezone: ZONE,
						note,
					});
					added.push({ id: '', note, client, billable: kind !== 'notBillable', billed: kind === 'billed', closedDay: kind !== 'openDay' });
				}
			}
		}
		const records = sandbox.awork.fake.seed({ timeEntries: input }).timeEntries as Array<{ id: string; note: string }>;
		for (const entry of added) entry.id = records.find((record) => record.note === entry.note)!.id;
		seeded.push(...added);
		return added;
	}

	/** Entries that must end up invoiced and billed: billable, unbilled when seeded, of a closed day, of a client with a contact. */
	const targets = (entries = seeded) => entries.filter((e) => e.billable && !e.billed && e.closedDay && (e.client === 'mapped' || e.client === 'named'));

	function invoiceCount(tool: Tool): number {
		if (tool === 'sevDesk') return sandbox.sevDesk.fake.store.invoices.length;
		if (tool === 'lexoffice') return sandbox.lexoffice.fake.store.invoices.length;
		return sandbox.hq.fake.documents.length;
	}

	/** The text of every position in every invoice of the tool. */
	function positionTexts(tool: Tool): string[] {
		if (tool === 'sevDesk') return sandbox.sevDesk.fake.store.positions.map((position) => String(position.name));
		if (tool === 'lexoffice') return sandbox.lexoffice.fake.store.invoices.flatMap((invoice) => invoice.lineItems.map((item) => String(item.name)));
		return sandbox.hq.fake.positions.map((position) => String(position.plainText ?? position.text));
	}

	/** How often each time entry ID was sent to awork's setIsBilled (isBilled: true) in requests awork answered. */
	function billingRequests(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const entry of sandbox.awork.fake.server.log) {
			if (entry.method !== 'POST' || !/\/timeentries\/batch\/setisbilled$/i.test(entry.path) || entry.status >= 300) continue;
			const body = entry.body as { timeEntryIds?: string[]; isBilled?: boolean };
			if (body.isBilled !== true) continue;
			for (const id of body.timeEntryIds ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		return counts;
	}

	async function billedIds(): Promise<Set<string>> {
		const { timeEntries } = await aworkState(sandbox.awork, 'timeEntries');
		return new Set(timeEntries.filter((entry) => entry.isBilled).map((entry) => String(entry.id)));
	}

	/** Every target in exactly one position; nothing else in any position; billed = targets plus those seeded billed. */
	async function expectExactlyOnce(tool: Tool, expectedTargets = targets()): Promise<void> {
		const texts = positionTexts(tool);
		const counts = new Map<string, number>();
		for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
		const wrong = expectedTargets.filter((e) => counts.get(e.note) !== 1).map((e) => `${e.note}: ${counts.get(e.note) ?? 0}`);
		expect(wrong).toEqual([]);
		const strangers = [...counts.keys()].filter((text) => !expectedTargets.some((e) => e.note === text));
		expect(strangers).toEqual([]);
		const billed = await billedIds();
		const shouldBeBilled = new Set([...expectedTargets.map((e) => e.id), ...seeded.filter((e) => e.billed).map((e) => e.id)]);
		expect(seeded.filter((e) => billed.has(e.id) !== shouldBeBilled.has(e.id)).map((e) => `${e.note} (${e.client}) billed=${billed.has(e.id)}`)).toEqual([]);
	}

	function expectBilledOnceEach(entries: Seeded[]): void {
		const requests = billingRequests();
		expect(entries.filter((e) => requests.get(e.id) !== 1).map((e) => `${e.note}: ${requests.get(e.id) ?? 0}`)).toEqual([]);
	}

	function summaryOf(result: ExecutionRun | undefined): Record<string, any> {
		expect(runError(result)).toBeUndefined();
		const [summary] = nodeOutput(result, 'Summary') as Array<Record<string, any>>;
		expect(summary).toBeDefined();
		return summary;
	}

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'invoice-draft' });
	}, 600_000);

	afterAll(async () => {
		await sandbox?.close();
	});

	/** Empties every fake and seeds the clients, projects, contacts and mappings of one scenario. */
	async function freshScenario(): Promise<void> {
		sandbox.awork.fake.reset();
		await httpRequest('DELETE', `${sandbox.awork.controlUrl}/unauthorized`);
		sandbox.sevDesk.fake.reset();
		sandbox.lexoffice.fake.reset();
		sandbox.hq.fake.reset();
		seeded = [];
		const companies = sandbox.awork.fake.seed({
			companies: [{ name: 'Acme GmbH' }, { name: 'Globex Ltd' }, { name: 'Initech AG' }],
		}).companies as Array<{ id: string; name: string }>;
		[companyIds.mapped, companyIds.named, companyIds.noContact] = companies.map((company) => company.id);
		const projects = sandbox.awork.fake.seed({
			projects: [
				{ name: 'Relaunch', companyId: companyIds.mapped },
				{ name: 'Shop', companyId: companyIds.named },
				{ name: 'Intranet', companyId: companyIds.noContact },
				{ name: 'Internal tooling' },
			],
		}).projects as Array<{ id: string }>;
		[projectIds.mapped, projectIds.named, projectIds.noContact, projectIds.none] = projects.map((project) => project.id);

		// The mapped client's contact is named differently, so only the mapping can find it.
		sandbox.sevDesk.fake.seed({
			contacts: [
				{ id: 510, name: 'ACME Corporation' },
				{ id: 511, name: 'Globex Ltd' },
				{ id: 512, name: 'Globex Ltd Holding' },
			],
		});
		const lexMapped = sandbox.lexoffice.fake.addContact({ companyName: 'ACME Corporation', customer: true });
		const lexNamed = sandbox.lexoffice.fake.addContact({ companyName: 'Globex Ltd', customer: true });
		sandbox.lexoffice.fake.addContact({ companyName: 'Globex Ltd Holding', customer: true });
		lexofficeContacts = { mapped: lexMapped.id, named: lexNamed.id };
		sandbox.hq.fake.seed({
			companies: [
				{ id: 810, name: 'ACME Corporation' },
				{ id: 811, name: 'Globex Ltd' },
				{ id: 812, name: 'Globex Ltd Holding' },
			],
		});
		await saveMappings(sandbox, [
			{ namespace: 'sevDeskContact', externalId: CONTACTS.sevDesk.mapped, aworkId: companyIds.mapped },
			{ namespace: 'lexofficeContact', externalId: lexofficeContacts.mapped, aworkId: companyIds.mapped },
			{ namespace: 'hqContact', externalId: CONTACTS.hq.mapped, aworkId: companyIds.mapped },
		]);
		sandbox.awork.fake.server.log.length = 0;
	}

	describe.each(['sevDesk', 'lexoffice', 'hq'] as const)('%s', (tool) => {
		beforeAll(async () => {
			await freshScenario();
		}, 300_000);

		it('makes one new draft per client with a contact, bills exactly its entries, and reports the client without one', async () => {
			seedEntries(3);
			const summary = summaryOf(await run(tool));
			expect(invoiceCount(tool)).toBe(2);
			await expectExactlyOnce(tool);
			expectBilledOnceEach(targets());
			expect(summary.markedBilled).toBe(targets().length);
			expect(summary.drafts).toHaveLength(2);
			expect(summary.drafts.every((draft: { created: boolean; id: unknown }) => draft.created === true && draft.id)).toBe(true);
			expect(summary.drafts.every((draft: { url: unknown }) => typeof draft.url === 'string' && draft.url.length > 0)).toBe(true);
			const byClient = Object.fromEntries(summary.clients.map((client: Record<string, any>) => [client.client, client]));
			expect(byClient['Acme GmbH']).toMatchObject({ contactFrom: 'mapping', markedBilled: targets().filter((e) => e.client === 'mapped').length });
			expect(byClient['Globex Ltd']).toMatchObject({ contactFrom: 'name', markedBilled: targets().filter((e) => e.client === 'named').length });
			expect(byClient['Initech AG']).toMatchObject({ status: 'noContact', markedBilled: 0 });
			expect(summary.notBilled).toEqual([expect.stringContaining('Initech AG: No contact')]);
			expect(summary.entriesWithoutClient).toBe(seeded.filter((e) => e.client === 'none' && e.billable && !e.billed && e.closedDay).length);
		}, 600_000);

		it('bills nothing twice when run again: no new invoice, no position, no billing request', async () => {
			const invoices = invoiceCount(tool);
			const positions = positionTexts(tool).length;
			sandbox.awork.fake.server.log.length = 0;
			const summary = summaryOf(await run(tool));
			expect(invoiceCount(tool)).toBe(invoices);
			expect(positionTexts(tool)).toHaveLength(positions);
			expect(billingRequests().size).toBe(0);
			expect(summary.markedBilled).toBe(0);
			await expectExactlyOnce(tool);
		}, 600_000);

		if (tool === 'lexoffice') {
			it('refuses an existing draft: nothing sent to Lexoffice, nothing billed, the reason in the summary', async () => {
				const before = targets();
				const added = seedEntries(1);
				const invoices = invoiceCount(tool);
				const summary = summaryOf(await run(tool, { draft: 'existing' }));
				expect(invoiceCount(tool)).toBe(invoices);
				expect(summary.markedBilled).toBe(0);
				expect(summary.notBilled).toEqual(
					expect.arrayContaining([expect.stringContaining('Acme GmbH: Lexoffice cannot add positions to an existing draft'), expect.stringContaining('Globex Ltd: Lexoffice cannot add positions')]),
				);
				const billed = await billedIds();
				expect(targets(added).filter((e) => billed.has(e.id))).toEqual([]);
				await expectExactlyOnce(tool, before);
				// A new draft bills them afterwards.
				summaryOf(await run(tool, { draft: 'new' }));
				await expectExactlyOnce(tool);
			}, 600_000);
		} else {
			it('adds a second batch to the client’s existing draft instead of making another invoice', async () => {
				const invoices = invoiceCount(tool);
				const added = seedEntries(2);
				sandbox.awork.fake.server.log.length = 0;
				const summary = summaryOf(await run(tool, { draft: 'existing' }));
				expect(invoiceCount(tool)).toBe(invoices);
				expect(summary.drafts).toHaveLength(2);
				expect(summary.markedBilled).toBe(targets(added).length);
				await expectExactlyOnce(tool);
				expectBilledOnceEach(targets(added));
			}, 600_000);
		}

		it('finishes a run that died between the draft and Mark Billed: the next run finds the draft and bills it', async () => {
			const added = seedEntries(2);
			const refused = targets(added).filter((e) => e.client === 'mapped');
			await httpRequest('POST', `${sandbox.awork.controlUrl}/unauthorized`, { body: { ids: [refused[0].id] } });
			const invoices = invoiceCount(tool);
			const first = summaryOf(await run(tool));
			expect(invoiceCount(tool)).toBe(invoices + 2);
			// All or nothing: awork refused one entry, so none of that draft's entries is billed.
			const billed = await billedIds();
			expect(refused.filter((e) => billed.has(e.id))).toEqual([]);
			expect(first.notBilled).toHaveLength(2);
			expect(first.notBilled).toEqual(expect.arrayContaining([expect.stringContaining(`Acme GmbH: ${refused.length} entries not marked billed`), expect.stringContaining('Initech AG')]));

			await httpRequest('DELETE', `${sandbox.awork.controlUrl}/unauthorized`);
			sandbox.awork.fake.server.log.length = 0;
			const second = summaryOf(await run(tool));
			expect(invoiceCount(tool)).toBe(invoices + 2);
			expect(second.drafts).toEqual([expect.objectContaining({ client: 'Acme GmbH', created: false })]);
			expectBilledOnceEach(refused);
			await expectExactlyOnce(tool);
		}, 600_000);

		it('a run died between the draft and Mark Billed, then new entries arrived: the next run bills the old ones through the FIRST draft and puts the new ones in a second', async () => {
			const added = seedEntries(2);
			const refused = targets(added).filter((e) => e.client === 'mapped');
			await httpRequest('POST', `${sandbox.awork.controlUrl}/unauthorized`, { body: { ids: [refused[0].id] } });
			const invoices = invoiceCount(tool);
			const first = summaryOf(await run(tool));
			expect(invoiceCount(tool)).toBe(invoices + 2);
			const firstDraft = first.drafts.find((draft: { client: string }) => draft.client === 'Acme GmbH');
			expect(firstDraft).toMatchObject({ created: true });
			await httpRequest('DELETE', `${sandbox.awork.controlUrl}/unauthorized`);

			// Without the plan, the next run's reference would cover old + new entries and make a second draft of the old ones.
			const arrived = seedEntries(1);
			sandbox.awork.fake.server.log.length = 0;
			const second = summaryOf(await run(tool));
			expect(invoiceCount(tool)).toBe(invoices + 4);
			const acme = second.drafts.filter((draft: { client: string }) => draft.client === 'Acme GmbH').map((draft: { id: unknown; created: boolean }) => [String(draft.id) === String(firstDraft.id), draft.created]);
			expect(acme.sort()).toEqual([
				[false, true],
				[true, false],
			]);
			expect(second.drafts.filter((draft: { client: string }) => draft.client === 'Globex Ltd')).toEqual([expect.objectContaining({ created: true })]);
			expect(second.markedBilled).toBe(refused.length + targets(arrived).length);
			expectBilledOnceEach([...refused, ...targets(arrived)]);
			await expectExactlyOnce(tool);
		}, 600_000);

		if (tool !== 'lexoffice') {
			it('with "existing" drafts, the crashed run\'s entries are billed through their draft and the new ones are added to the client\'s draft', async () => {
				const added = seedEntries(1);
				const refused = targets(added).filter((e) => e.client === 'mapped');
				await httpRequest('POST', `${sandbox.awork.controlUrl}/unauthorized`, { body: { ids: [refused[0].id] } });
				const invoices = invoiceCount(tool);
				summaryOf(await run(tool, { draft: 'existing' }));
				await httpRequest('DELETE', `${sandbox.awork.controlUrl}/unauthorized`);
				expect(await billedIds()).not.toContain(refused[0].id);

				const arrived = seedEntries(1);
				sandbox.awork.fake.server.log.length = 0;
				const second = summaryOf(await run(tool, { draft: 'existing' }));
				expect(invoiceCount(tool)).toBe(invoices);
				expect(second.markedBilled).toBe(refused.length + targets(arrived).length);
				expectBilledOnceEach([...refused, ...targets(arrived)]);
				await expectExactlyOnce(tool);
			}, 600_000);
		}

		// HQ's cut connection after a stored document is covered by its unit tests: its fake cannot cut only the create.
		if (tool !== 'hq') {
			it('finishes a run whose draft the tool stored but whose answer was lost: the next run finds the draft and bills', async () => {
				const added = seedEntries(1);
				const invoices = invoiceCount(tool);
				loseCreateAnswers(tool, true);
				// Only the mapped client this time (Settings "clients"), so one create is lost.
				const first = summaryOf(await run(tool, { clients: 'Acme GmbH' }));
				loseCreateAnswers(tool, false);
				expect(first.markedBilled).toBe(0);
				expect(first.notBilled).toEqual([expect.stringContaining('Acme GmbH')]);
				expect(invoiceCount(tool)).toBe(invoices + 1);
				const billed = await billedIds();
				expect(targets(added).filter((e) => billed.has(e.id))).toEqual([]);

				sandbox.awork.fake.server.log.length = 0;
				const second = summaryOf(await run(tool));
				expect(invoiceCount(tool)).toBe(invoices + 2);
				const byClient = Object.fromEntries(second.drafts.map((draft: { client: string; created: boolean }) => [draft.client, draft.created]));
				expect(byClient).toEqual({ 'Acme GmbH': false, 'Globex Ltd': true });
				expectBilledOnceEach(targets(added));
				await expectExactlyOnce(tool);
			}, 600_000);
		}

		// HQ compares a found draft's positions with the lines; the others write a draft in one request.
		if (tool === 'hq') {
			it('an entry lengthened after its draft was made is not written again nor billed through that draft, and the summary says so', async () => {
				const added = seedEntries(1);
				const refused = targets(added).filter((e) => e.client === 'mapped');
				await httpRequest('POST', `${sandbox.awork.controlUrl}/unauthorized`, { body: { ids: [refused[0].id] } });
				summaryOf(await run(tool));
				await httpRequest('DELETE', `${sandbox.awork.controlUrl}/unauthorized`);
				const positions = positionTexts(tool).length;

				// Someone lengthens one entry of the unbilled draft: its line no longer matches the draft's position.
				const changed = sandbox.awork.fake.store.get('timeEntries', refused[0].id)!;
				changed.duration = Number(changed.duration) + 3600;
				sandbox.awork.fake.store.touch(changed);
				sandbox.awork.fake.server.log.length = 0;
				const invoices = invoiceCount(tool);
				const second = summaryOf(await run(tool));
				expect(invoiceCount(tool)).toBe(invoices);
				expect(positionTexts(tool)).toHaveLength(positions);
				expect(second.notInDraft).toEqual([expect.stringMatching(/^Acme GmbH: 1 entries changed since their draft was made/)]);
				expect((await billedIds()).has(refused[0].id)).toBe(false);
				expectBilledOnceEach(refused.slice(1));

				// The user corrects the draft in HQ and bills the entry by hand; the books agree again.
				changed.isBilled = true;
				sandbox.awork.fake.store.touch(changed);
				await expectExactlyOnce(tool);
			}, 600_000);
		}
	});

	/** Creates are stored by the tool, but the workflow never learns it (a lost answer: sevDesk answers after the node's 60 s deadline, Lexoffice's gateway answers 504). */
	function loseCreateAnswers(tool: Tool, lose: boolean): void {
		if (tool === 'sevDesk') sandbox.sevDesk.fake.saveAnswerDelayMs = lose ? 65_000 : 0;
		if (tool === 'lexoffice') sandbox.lexoffice.fake.timeOutCreates = lose ? 1 : 0;
	}
});
