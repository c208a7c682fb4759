/**
 * The awork node's two versions in real n8n against the fake awork: a version 1 node, as every
 * saved workflow has, keeps the full project and takes a plain ID string; a version 1.1 node
 * simplifies project reads unless Simplify is off, and its pickers read IDs out of awork links.
 */
import { startFakeAwork, type RunningFakeAwork } from '../../devkit/fakes/awork';
import { nodeOutput, runError, startN8n, type N8nInstance, type WorkflowNodeJson } from '../../devkit/n8n';

const WEB_ADDRESS = 'https://acme.awork.com';

function aworkNode(name: string, typeVersion: number, x: number, parameters: Record<string, unknown>): WorkflowNodeJson {
	return {
		name,
		type: 'n8n-nodes-awork-psa.awork',
		typeVersion,
		position: [x, 0],
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: { aworkPsaApi: { id: '', name: '' } },
	};
}

describe('awork node versions in real n8n', () => {
	let awork: RunningFakeAwork;
	let n8n: N8nInstance;

	beforeAll(async () => {
		awork = await startFakeAwork();
		n8n = await startN8n({ label: 'awork-versions' });
	});

	afterAll(async () => {
		await n8n?.stop();
		await awork?.close();
	});

	it('version 1 keeps the full project; 1.1 simplifies it by default and reads project and task links', async () => {
		const [project] = awork.fake.seed({ projects: [{ name: 'Relaunch', projectKey: 'REL' }] }).projects as Array<{ id: string }>;
		const [task] = awork.fake.seed({ tasks: [{ name: 'Homepage draft', baseType: 'projecttask', projectId: project.id, entityId: project.id }] })
			.tasks as Array<{ id: string }>;
		const credentialId = await n8n.createCredential({
			name: 'awork (fake)',
			type: 'aworkPsaApi',
			data: { apiKey: awork.fake.apiKey, baseUrl: awork.baseUrl, webUrl: WEB_ADDRESS },
		});
		const names = ['Saved Project', 'Simple Project', 'Task From Link'];
		const workflowId = await n8n.importWorkflow(
			{
				name: 'e2e: awork versions',
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					aworkNode(names[0], 1, 220, { resource: 'project', operation: 'get', projectId: project.id }),
					aworkNode(names[1], 1.1, 440, {
						resource: 'project',
						operation: 'get',
						projectId: { __rl: true, mode: 'url', value: `${WEB_ADDRESS}/projects/${project.id}` },
					}),
					aworkNode(names[2], 1.1, 660, {
						resource: 'task',
						operation: 'get',
						taskId: { __rl: true, mode: 'url', value: `${WEB_ADDRESS}/tasks/${task.id}/details` },
						simple: false,
					}),
				],
				connections: Object.fromEntries(
					['Start', ...names.slice(0, -1)].map((from, index) => [from, { main: [[{ node: names[index], type: 'main', index: 0 }]] }]),
				),
			},
			{ credentials: { aworkPsaApi: credentialId } },
		);

		const run = await n8n.executeWorkflowCli(workflowId);
		expect(runError(run.result)).toBeUndefined();
		const [saved] = nodeOutput(run.result, names[0]);
		expect(saved).toMatchObject({ id: project.id, projectKey: 'REL', url: `${WEB_ADDRESS}/projects/${project.id}` });
		expect(Object.keys(saved)).toEqual(expect.arrayContaining(['createdBy', 'members', 'tasksCount']));
		const [simple] = nodeOutput(run.result, names[1]);
		expect(Object.keys(simple)).toEqual([
			'id',
			'name',
			'projectKey',
			'projectStatus',
			'company',
			'startDate',
			'dueDate',
			'timeBudget',
			'trackedDuration',
			'isBillableByDefault',
			'url',
		]);
		expect(simple).toMatchObject({ id: project.id, name: 'Relaunch' });
		const [fromLink] = nodeOutput(run.result, names[2]);
		expect(fromLink).toMatchObject({ id: task.id, name: 'Homepage draft', url: `${WEB_ADDRESS}/tasks/${task.id}` });
		expect(Object.keys(fromLink)).toEqual(expect.arrayContaining(['createdBy', 'lists', 'typeOfWork']));
	});
});
