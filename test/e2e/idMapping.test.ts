/**
 * The ID Mapping node in real n8n, through `n8n execute` (mode cli, a production run):
 * - static data: what one run saves, the next run of the same workflow finds; a checkpoint set in
 *   one run is read by the next, and moving it back without Force is refused;
 * - n8n Data Table: a mapping and a checkpoint saved by workflow A are found by workflow B,
 *   through n8n's own public API, with a table the node created.
 */
import { nodeOutput, runError, startN8n, type N8nInstance } from '../../devkit/n8n';
import { testWorkflow } from './workflows';

describe('ID Mapping node in real n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startN8n({ label: 'idmapping' });
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	describe('workflow static data', () => {
		it('a mapping saved by one CLI run is found by the next run of the same workflow', async () => {
			const workflowId = await n8n.importWorkflow(testWorkflow('idmapping-static-mappings.json'));

			const first = await n8n.executeWorkflowCli(workflowId);
			expect(runError(first.result)).toBeUndefined();
			expect(first.ok).toBe(true);
			expect(nodeOutput(first.result, 'Find Project', 0)).toEqual([]);
			expect(nodeOutput(first.result, 'Find Project', 1)).toHaveLength(1);
			expect(nodeOutput(first.result, 'Save Project')[0].mapping).toMatchObject({
				namespace: 'project',
				externalId: 'PSA-1001',
				aworkId: 'awork-project-1001',
				data: { number: '1001' },
			});
			// n8n stored the workflow's static data after the CLI run.
			const stored = (await n8n.getStaticData(workflowId)) as { global?: { idMapping?: { namespaces?: Record<string, unknown> } } };
			expect(stored.global?.idMapping?.namespaces?.project).toMatchObject({
				toAwork: { 'PSA-1001': 'awork-project-1001' },
				toExternal: { 'awork-project-1001': 'PSA-1001' },
			});

			const second = await n8n.executeWorkflowCli(workflowId);
			expect(second.ok).toBe(true);
			expect(nodeOutput(second.result, 'Find Project', 0)[0].mapping).toMatchObject({
				found: true,
				externalId: 'PSA-1001',
				aworkId: 'awork-project-1001',
			});
			expect(nodeOutput(second.result, 'Find Project', 1)).toEqual([]);
			expect(second.result?.data?.resultData.runData['Save Project']).toBeUndefined();
		});

		it('a checkpoint set in one run is read by the next; moving it back without Force is refused', async () => {
			const workflowId = await n8n.importWorkflow(testWorkflow('idmapping-static-checkpoint.json'));

			const first = await n8n.executeWorkflowCli(workflowId);
			expect(first.ok).toBe(true);
			expect(nodeOutput(first.result, 'Read Checkpoint')[0].checkpoint).toMatchObject({ found: false });
			expect(nodeOutput(first.result, 'Set Checkpoint')[0].checkpoint).toMatchObject({
				previousValue: null,
				value: '2024-03-01T00:00:00Z',
				moved: true,
			});

			// The second run reads 2024-03-01 and (by the workflow's expression) tries 2024-02-01.
			const second = await n8n.executeWorkflowCli(workflowId);
			expect(second.ok).toBe(false);
			expect(nodeOutput(second.result, 'Read Checkpoint')[0].checkpoint).toMatchObject({
				found: true,
				value: '2024-03-01T00:00:00Z',
			});
			expect(runError(second.result, 'Set Checkpoint')?.message).toBe(
				'Checkpoint "timeEntryExport" was not moved back from "2024-03-01T00:00:00Z" to "2024-02-01T00:00:00Z"',
			);

			const third = await n8n.executeWorkflowCli(workflowId);
			expect(nodeOutput(third.result, 'Read Checkpoint')[0].checkpoint).toMatchObject({ value: '2024-03-01T00:00:00Z' });
		});
	});

	describe('n8n Data Table', () => {
		let credentialId: string;

		beforeAll(async () => {
			const apiKey = await n8n.createApiKey();
			credentialId = await n8n.createCredential({
				name: 'n8n API for ID mapping',
				type: 'idMappingN8nApi',
				data: { baseUrl: `${n8n.baseUrl}/api/v1`, apiKey },
			});
		});

		it("passes n8n's credential test, and fails it with a wrong key", async () => {
			expect(await n8n.testCredential(credentialId, { type: 'idMappingN8nApi' })).toMatchObject({ status: 'OK' });
			const wrongId = await n8n.createCredential({
				name: 'n8n API (wrong key)',
				type: 'idMappingN8nApi',
				data: { baseUrl: `${n8n.baseUrl}/api/v1`, apiKey: 'not-a-key' },
			});
			expect((await n8n.testCredential(wrongId, { type: 'idMappingN8nApi' })).status).toBe('Error');
			// The address without /api/v1 works too (the node and the test add it).
			const shortId = await n8n.createCredential({
				name: 'n8n API (address only)',
				type: 'idMappingN8nApi',
				data: { baseUrl: `${n8n.baseUrl}/`, apiKey: await n8n.createApiKey() },
			});
			expect(await n8n.testCredential(shortId, { type: 'idMappingN8nApi' })).toMatchObject({ status: 'OK' });
			const badPathId = await n8n.createCredential({
				name: 'n8n API (wrong path)',
				type: 'idMappingN8nApi',
				data: { baseUrl: `${n8n.baseUrl}/rest`, apiKey: 'not-a-key' },
			});
			expect((await n8n.testCredential(badPathId, { type: 'idMappingN8nApi' })).status).toBe('Error');
		});

		it('a mapping and a checkpoint saved by workflow A are found by workflow B', async () => {
			const credentials = { idMappingN8nApi: credentialId };
			const workflowA = await n8n.importWorkflow(testWorkflow('idmapping-datatable-save.json'), { credentials });
			const workflowB = await n8n.importWorkflow(testWorkflow('idmapping-datatable-lookup.json'), { credentials });

			const before = await n8n.executeWorkflowCli(workflowB);
			expect(runError(before.result)).toBeUndefined();
			expect(nodeOutput(before.result, 'Read Shared Checkpoint')[0].checkpoint).toMatchObject({ found: false, value: 'never' });
			expect(nodeOutput(before.result, 'Find Ticket', 1)).toHaveLength(1);

			const save = await n8n.executeWorkflowCli(workflowA);
			expect(runError(save.result)).toBeUndefined();
			expect(save.ok).toBe(true);

			const after = await n8n.executeWorkflowCli(workflowB);
			expect(after.ok).toBe(true);
			expect(nodeOutput(after.result, 'Read Shared Checkpoint')[0].checkpoint).toMatchObject({
				found: true,
				value: '2024-06-01T00:00:00Z',
			});
			expect(nodeOutput(after.result, 'Find Ticket', 0)[0].mapping).toMatchObject({
				found: true,
				namespace: 'ticket',
				externalId: 'TICKET-77',
				aworkId: 'awork-task-77',
				data: { url: 'https://app.awork.com/tasks/awork-task-77' },
			});
			expect(nodeOutput(after.result, 'Find Ticket', 1)).toEqual([]);

			// The node created one table with its columns, holding one mapping row and one checkpoint row.
			const tables = await n8n.publicApiRequest<{ data: Array<{ id: string; name: string; columns: Array<{ name: string }> }> }>(
				'GET',
				'/data-tables?filter=' + encodeURIComponent(JSON.stringify({ name: 'e2e_id_mappings' })),
			);
			expect(tables.data.map((t) => t.name)).toEqual(['e2e_id_mappings']);
			expect(tables.data[0].columns.map((c) => c.name).sort()).toEqual(
				['aworkId', 'aworkKey', 'data', 'externalId', 'externalKey', 'namespace'].sort(),
			);
			const rows = await n8n.publicApiRequest<{ data: Array<Record<string, unknown>> }>('GET', `/data-tables/${tables.data[0].id}/rows`);
			expect(rows.data.map((row) => `${row.namespace}:${row.externalId}`).sort()).toEqual(['_checkpoint:ticketSync', 'ticket:TICKET-77']);

			// Saving again changes nothing: an upsert, not a second row.
			expect((await n8n.executeWorkflowCli(workflowA)).ok).toBe(true);
			const again = await n8n.publicApiRequest<{ data: unknown[] }>('GET', `/data-tables/${tables.data[0].id}/rows`);
			expect(again.data).toHaveLength(2);
		});
	});
});
