/**
 * The Awork node in real n8n against the fake awork: the packed package loads, the API key
 * credential authenticates (and its test button works), and code that needs runtime imports
 * (luxon for the time window) runs inside n8n.
 */
import { startFakeAwork, type RunningFakeAwork } from '../../devkit/fakes/awork';
import { nodeOutput, runError, startN8n, type N8nInstance } from '../../devkit/n8n';
import { testWorkflow } from './workflows';

describe('Awork node in real n8n', () => {
	let awork: RunningFakeAwork;
	let n8n: N8nInstance;
	let credentialId: string;
	let workflowId: string;
	const inWindow: string[] = [];

	beforeAll(async () => {
		awork = await startFakeAwork();
		const seeded = awork.fake.seed({
			projects: [{ name: 'Seeded project', projectKey: 'SEED-1' }],
		});
		const projectId = (seeded.projects[0] as { id: string }).id;
		const entries = awork.fake.seed({
			timeEntries: [
				{ projectId, startDateUtc: '2025-12-31T23:59:00.000Z', duration: 600, isBillable: true },
				{ projectId, startDateUtc: '2026-01-01T00:00:00.000Z', duration: 3600, isBillable: true },
				{ projectId, startDateUtc: '2026-01-31T23:30:00.000Z', duration: 1800, isBillable: false },
				{ projectId, startDateUtc: '2026-02-01T00:00:00.000Z', duration: 900, isBillable: true },
			],
		}).timeEntries as Array<{ id: string }>;
		inWindow.push(entries[1].id, entries[2].id);

		n8n = await startN8n({ label: 'awork' });
		credentialId = await n8n.createCredential({
			name: 'awork (fake)',
			type: 'aworkPsaApi',
			data: { apiKey: awork.fake.apiKey, baseUrl: awork.baseUrl },
		});
		workflowId = await n8n.importWorkflow(testWorkflow('awork-project-and-time-entries.json'), {
			credentials: { aworkPsaApi: credentialId },
		});
	});

	afterAll(async () => {
		await n8n?.stop();
		await awork?.close();
	});

	it("passes n8n's credential test against awork, and fails it with a wrong key", async () => {
		expect(await n8n.testCredential(credentialId, { type: 'aworkPsaApi' })).toMatchObject({ status: 'OK' });

		const wrongId = await n8n.createCredential({
			name: 'awork (wrong key)',
			type: 'aworkPsaApi',
			data: { apiKey: 'not-the-key', baseUrl: awork.baseUrl },
		});
		const verdict = await n8n.testCredential(wrongId, { type: 'aworkPsaApi' });
		expect(verdict.status).toBe('Error');
		// The test request reached awork with each credential's own key (n8n may repeat a failed test).
		const meCalls = awork.fake.server.log.filter((entry) => entry.path.endsWith('/me'));
		expect(meCalls[0]?.headers.authorization).toBe(`Bearer ${awork.fake.apiKey}`);
		expect(new Set(meCalls.slice(1).map((entry) => entry.headers.authorization))).toEqual(new Set(['Bearer not-the-key']));
	});

	it('creates the project once and reads the time entries of the window (n8n execute)', async () => {
		const run = await n8n.executeWorkflowCli(workflowId);
		expect(runError(run.result)).toBeUndefined();
		expect(run.ok).toBe(true);

		const [project] = nodeOutput(run.result, 'Create Project');
		expect(project).toMatchObject({ name: 'E2E Website Relaunch', projectKey: 'E2E-42', created: true });
		const stored = [...awork.fake.store.projects.values()].filter((p) => p.projectKey === 'E2E-42');
		expect(stored).toHaveLength(1);
		const create = awork.fake.server.log.find((entry) => entry.method === 'POST' && entry.path.endsWith('/projects'));
		expect(create?.headers.authorization).toBe(`Bearer ${awork.fake.apiKey}`);

		const entries = nodeOutput(run.result, 'January Time Entries');
		expect(entries.map((entry) => entry.id).sort()).toEqual([...inWindow].sort());
	});

	it('finds the project on a second run instead of creating another', async () => {
		const run = await n8n.executeWorkflowCli(workflowId);
		expect(run.ok).toBe(true);
		expect(nodeOutput(run.result, 'Create Project')[0]).toMatchObject({ projectKey: 'E2E-42', created: false });
		expect([...awork.fake.store.projects.values()].filter((p) => p.projectKey === 'E2E-42')).toHaveLength(1);

		// Both CLI runs are stored as executions of the workflow.
		const executions = await n8n.listExecutions(workflowId);
		expect(executions.map((execution) => [execution.mode, execution.status])).toEqual([
			['cli', 'success'],
			['cli', 'success'],
		]);
	});
});
