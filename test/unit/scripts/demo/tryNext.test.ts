/**
 * The demo's "Try next" escalation commands, run as printed against the demo's sandboxes (with
 * the webhook the escalation workflow's Awork Trigger registers): the task gets the workflow's
 * marker tag and awork's task_updated reaches the workflow exactly once, so the escalation runs
 * once. The awork sandbox sends no webhook for tags; if it ever does, the printed delivery by
 * hand becomes a second run and this test says so.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { httpRequest } from '../../../../devkit/n8n/http';
import type { N8nInstance } from '../../../../devkit/n8n';
import { readDemoConfig } from '../../../../scripts/demo/config';
import type { DemoWorkflow } from '../../../../scripts/demo/n8n';
import { tryNext } from '../../../../scripts/demo/report';
import { startServices, type Services } from '../../../../scripts/demo/sandboxes';

const ESCALATE_FILE = 'escalate-task-to-ticket.json';

/** The tag the shipped escalation workflow looks for (its Settings → escalationMarker). */
function escalationMarker(): string {
	const workflow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../workflows', ESCALATE_FILE), 'utf8')) as {
		nodes: Array<{ name: string; parameters: { assignments?: { assignments: Array<{ name: string; value: unknown }> } } }>;
	};
	const settings = workflow.nodes.find((node) => node.name === 'Settings')!;
	return String(settings.parameters.assignments!.assignments.find((assignment) => assignment.name === 'escalationMarker')!.value);
}

/** Sends what a printed `curl [-X M] [-H 'k: v']... [-d 'body'] URL` line would send. */
async function sendCurl(line: string) {
	const headers = Object.fromEntries([...line.matchAll(/-H '([^:]+): ([^']*)'/g)].map((match) => [match[1], match[2]]));
	const body = /-d '([^']*)'/.exec(line)?.[1];
	return await httpRequest(/-X (\w+)/.exec(line)?.[1] ?? 'GET', line.trim().split(' ').pop()!, { headers, body });
}

describe('the demo\'s "Try next" escalation', () => {
	let services: Services;
	let receiver: http.Server;
	const received: Array<{ eventType: string; entityId: string }> = [];
	let taskId: string;
	let lines: string[];

	beforeAll(async () => {
		services = await startServices(readDemoConfig({}));
		receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/escalate`;

		// What publishing the escalation workflow does: its Awork Trigger registers a task_updated webhook.
		const registered = await httpRequest('POST', `${services.awork.baseUrl}/webhooks`, {
			headers: { Authorization: `Bearer ${services.awork.apiKey}` },
			body: { name: 'n8n escalation', uri: hookUrl, events: 'task_updated', isActive: true, authenticationType: 'none' },
		});
		expect(registered.status).toBe(200);

		// The approved project with one task, as after the demo's story.
		const fake = services.awork.sandbox!.fake;
		const [project] = fake.seed({ projects: [{ name: 'Acme website relaunch' }] }).projects as Array<{ id: string }>;
		[{ id: taskId }] = fake.seed({ tasks: [{ name: 'Kick-off workshop', baseType: 'projecttask', projectId: project.id }] }).tasks as Array<{ id: string }>;

		const n8n = { baseUrl: 'http://127.0.0.1:5678', webhookUrl: (rest: string) => `http://127.0.0.1:5678/webhook/${rest}` } as unknown as N8nInstance;
		const workflows: DemoWorkflow[] = [{ file: ESCALATE_FILE, name: 'Escalate', id: 'w1', published: true, activation: 'published' }];
		lines = tryNext({ n8n, services, workflows, story: { approval: { status: 200, answer: {}, projectId: project.id }, notes: [] } });
	});

	afterAll(async () => {
		await new Promise((resolve) => receiver?.close(resolve));
		await services?.close();
	});

	it('prints one tag command and one delivery of task_updated, in that order', () => {
		const commands = lines.filter((line) => line.trim().startsWith('curl '));
		expect(commands).toHaveLength(2);
		expect(commands[0]).toContain(`-d '[{"name":"${escalationMarker()}"}]' ${services.awork.baseUrl}/tasks/${taskId}/addtags`);
		expect(commands[1]).toContain(`-d '{"eventType":"task_updated","entityId":"${taskId}"}' ${services.awork.sandbox!.controlUrl}/webhooks/deliver`);
		expect(lines.join('\n')).toContain(`the ticket: curl ${services.onePsa.sandbox!.controlUrl}/state`);
	});

	it('run as printed, they tag the task and deliver task_updated to the workflow exactly once', async () => {
		for (const line of lines.filter((candidate) => candidate.trim().startsWith('curl '))) {
			expect({ line, status: (await sendCurl(line)).status }).toEqual({ line, status: 200 });
		}
		// The sandbox sends its own webhooks asynchronously (fire and forget): give them time to arrive.
		await new Promise((resolve) => setTimeout(resolve, 1000));

		const task = services.awork.sandbox!.fake.store.tasks.get(taskId)!;
		expect((task.tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual([escalationMarker()]);
		expect(received.filter((delivery) => delivery.entityId === taskId).map((delivery) => delivery.eventType)).toEqual(['task_updated']);
	});
});
