import axios from 'axios';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { useFakeAwork } from './helpers';

describe('fake awork: paging, auth, limits, faults', () => {
	const h = useFakeAwork();

	it('pages with page/pageSize and the aw-* headers, default page size 10, at most 1000', async () => {
		await h.control.post('/seed', { companies: Array.from({ length: 25 }, (_, i) => ({ name: `C${String(i).padStart(2, '0')}` })) });
		const page3 = await h.api.get('/companies', { params: { page: 3, pageSize: 10, orderby: 'name desc' } });
		expect(page3.status).toBe(200);
		expect(page3.headers).toMatchObject({ 'aw-page': '3', 'aw-pagesize': '10', 'aw-items': '5', 'aw-totalitems': '25' });
		expect(page3.data.map((c: { name: string }) => c.name)).toEqual(['C04', 'C03', 'C02', 'C01', 'C00']);
		const byDefault = await h.api.get('/companies');
		expect(byDefault.headers['aw-pagesize']).toBe('10');
		expect(byDefault.data).toHaveLength(10);
		const tooBig = await h.api.get('/companies', { params: { pageSize: 5000 } });
		expect(tooBig.headers['aw-pagesize']).toBe('1000');
		const beyond = await h.api.get('/companies', { params: { page: 9, pageSize: 10 } });
		expect(beyond.data).toEqual([]);
		expect(beyond.headers['aw-totalitems']).toBe('25');
	});

	it('answers 401 with awork error body for a missing or wrong API key, and accepts keys set by control', async () => {
		const missing = await axios.get(`${h.awork.baseUrl}/me`, { validateStatus: () => true });
		expect(missing.status).toBe(401);
		expect(missing.data).toMatchObject({
			code: 'unauthorized',
			description: expect.any(String),
			link: expect.any(String),
			traceId: expect.any(String),
		});
		const wrong = await axios.get(`${h.awork.baseUrl}/me`, { headers: { Authorization: 'Bearer nope' }, validateStatus: () => true });
		expect(wrong.status).toBe(401);
		await h.control.put('/config', { apiKeys: ['second-key'] });
		const second = await axios.get(`${h.awork.baseUrl}/users/me`, {
			headers: { Authorization: 'Bearer second-key' },
			validateStatus: () => true,
		});
		expect(second.status).toBe(200);
		expect(second.data.workspace).toMatchObject({ id: expect.any(String), name: expect.any(String), url: expect.any(String) });
		expect((await h.api.get('/me')).status).toBe(401);
	});

	it('rejects a duplicate project key with 400, naming the property', async () => {
		const first = await h.api.post('/projects', { name: 'Relaunch', projectKey: 'psa-42' });
		expect(first.status).toBe(200);
		expect(first.data.projectKey).toBe('PSA-42');
		const again = await h.api.post('/projects', { name: 'Relaunch again', projectKey: 'PSA-42' });
		expect(again.status).toBe(400);
		expect(again.data).toMatchObject({
			code: 'validation-failed',
			validationErrors: [{ property: 'ProjectKey', message: expect.stringContaining('PSA-42') }],
		});
		const byKey = await h.api.get('/projects/key/psa-42');
		expect(byKey.data.id).toBe(first.data.id);
		expect((await h.api.get('/projects/key/NOPE')).status).toBe(404);
		const noName = await h.api.post('/projects', { projectKey: 'X1' });
		expect(noName.status).toBe(400);
		expect(noName.data).toMatchObject({ code: 'validation-failed', validationErrors: [{ property: 'Name' }] });
		expect(h.awork.fake.store.projects.size).toBe(1);
	});

	it('marks time entries billed with a 207 listing ok, notFound, unauthorized and badRequest ids', async () => {
		const seeded = (
			await h.control.post('/seed', {
				projects: [{ name: 'Billing', isBillableByDefault: true }],
				timeEntries: [
					{ duration: 3600, startDateUtc: '2024-05-01T08:00:00Z', isBillable: true },
					{ duration: 1800, startDateUtc: '2024-05-01T10:00:00Z', isBillable: true, _unauthorized: true },
					{ duration: 900, startDateUtc: '2024-05-01T11:00:00Z', isBillable: false },
				],
			})
		).data;
		const [billable, locked, unbillable] = seeded.timeEntries.map((t: { id: string }) => t.id);
		const missing = '0b8f1f3e-0000-4000-8000-000000000000';
		const res = await h.api.post('/timeentries/batch/setIsBilled', {
			timeEntryIds: [billable, locked, unbillable, missing],
			isBilled: true,
		});
		expect(res.status).toBe(207);
		expect(res.data).toEqual({
			ok: { ids: [billable] },
			notFound: { ids: [missing] },
			unauthorized: { ids: [locked] },
			badRequest: { ids: [unbillable] },
		});
		const state = (await h.control.get('/state/timeEntries', { params: { filterby: 'isBilled eq true' } })).data;
		expect(state.map((t: { id: string }) => t.id)).toEqual([billable]);

		const strict = await h.api.post('/timeentries/batch/setIsBillable', {
			timeEntryIds: [unbillable, missing],
			isBillable: true,
			requireAllTimeEntries: true,
		});
		expect(strict.status).toBe(207);
		expect(strict.data.ok.ids).toEqual([]);
		expect(h.awork.fake.store.timeEntries.get(unbillable)!.isBillable).toBe(false);

		expect((await h.api.post('/timeentries/batch/explode', { timeEntryIds: [billable] })).status).toBe(404);
		const noFlag = await h.api.post('/timeentries/batch/setIsBilled', { timeEntryIds: [billable] });
		expect(noFlag.status).toBe(400);
		expect(noFlag.data.validationErrors[0].property).toBe('IsBilled');
		await h.control.put('/config', { maxBatchSize: 2 });
		const tooMany = await h.api.post('/timeentries/batch/setIsBilled', { timeEntryIds: [billable, locked, unbillable], isBilled: false });
		expect(tooMany.status).toBe(400);
		expect(tooMany.data.code).toBe('invalid-batch-operation');
	});

	it('answers 429 with awork rate limit headers once the budget is spent, shared by all keys', async () => {
		// The minute limit equals the second limit, so the count is exact however slowly the
		// machine sends the 60 requests.
		await h.control.put('/config', {
			rateLimit: { enabled: true, perSecond: 50, perMinute: 50 },
			apiKeys: ['fake-awork-api-key', 'other-key'],
		});
		const keys = ['fake-awork-api-key', 'other-key'];
		const answers = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				axios.get(`${h.awork.baseUrl}/projects`, { headers: { Authorization: `Bearer ${keys[i % 2]}` }, validateStatus: () => true }),
			),
		);
		const ok = answers.filter((r) => r.status === 200);
		const limited = answers.filter((r) => r.status === 429);
		expect(ok).toHaveLength(50);
		expect(limited).toHaveLength(10);
		expect(ok[0].headers).toMatchObject({ 'x-ratelimit-limit-second': '50', 'x-ratelimit-limit-minute': '50' });
		const tooMany = limited[0];
		expect(tooMany.data).toMatchObject({ code: 'too-many-requests', traceId: expect.any(String) });
		expect(tooMany.headers).toMatchObject({
			'ratelimit-limit': '50',
			'ratelimit-remaining': '0',
			'x-ratelimit-limit-second': '50',
			'x-ratelimit-limit-minute': '50',
			'x-ratelimit-remaining-minute': '0',
		});
		expect(Number(tooMany.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
		expect(Number(tooMany.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
	});

	it('registers a webhook and delivers awork payloads with its auth header, or a wrong/missing one on request', async () => {
		const received: { headers: http.IncomingHttpHeaders; body: any }[] = [];
		const receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
				res.writeHead(req.headers['x-secret'] === 's3cret' ? 200 : 401).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		try {
			const invalid = await h.api.post('/webhooks', {
				name: 'bad',
				uri: url,
				events: 'project_added',
				isActive: true,
				authenticationType: 'header',
				authentication: 'novalue',
			});
			expect(invalid.status).toBe(400);
			expect(invalid.data.validationErrors[0].property).toBe('Authentication');
			const created = await h.api.post('/webhooks', {
				name: 'n8n',
				uri: url,
				events: 'project_added,project_status_changed',
				isActive: true,
				authenticationType: 'header',
				authentication: 'X-Secret=s3cret',
			});
			expect(created.status).toBe(200);
			expect(created.data).toMatchObject({
				id: expect.any(String),
				receiverType: 'custom',
				events: 'project_added,project_status_changed',
			});
			expect((await h.api.get(`/webhooks/${created.data.id}`)).data.uri).toBe(url);
			await h.api.post('/webhooks', { name: 'tasks only', uri: url, events: 'task_added', isActive: true, authenticationType: 'none' });
			const project = (await h.api.post('/projects', { name: 'Hooked' })).data;

			const good = await h.control.post('/webhooks/deliver', {
				eventType: 'project_added',
				entityId: project.id,
				changes: [{ property: 'Name', new: 'Hooked' }],
			});
			expect(good.data.deliveries).toEqual([{ webhookId: created.data.id, url, status: 200 }]);
			expect(received).toHaveLength(1);
			expect(received[0].headers['x-secret']).toBe('s3cret');
			expect(received[0].body).toMatchObject({
				timestamp: expect.any(String),
				eventType: 'project_added',
				entity: { id: project.id, name: 'Hooked', projectStatus: { type: 'not-started' } },
				entityId: project.id,
				entityType: 'project',
				entityLink: expect.stringContaining(`/projects/${project.id}`),
				traceId: expect.any(String),
				triggeredBy: { id: expect.any(String), firstName: expect.any(String), lastName: expect.any(String) },
				changes: [{ property: 'Name', new: 'Hooked' }],
			});

			const wrong = await h.control.post('/webhooks/deliver', { eventType: 'project_added', entity: { id: 'x' }, auth: 'wrong' });
			expect(wrong.data.deliveries[0].status).toBe(401);
			const missing = await h.control.post('/webhooks/deliver', { eventType: 'project_added', entity: { id: 'x' }, auth: 'missing' });
			expect(missing.data.deliveries[0].status).toBe(401);
			expect(received[2].headers['x-secret']).toBeUndefined();
			expect((await h.control.get('/webhooks/deliveries')).data).toHaveLength(3);

			expect((await h.api.delete(`/webhooks/${created.data.id}`)).status).toBe(204);
			const none = await h.control.post('/webhooks/deliver', { eventType: 'project_added', entity: { id: 'x' } });
			expect(none.data.deliveries).toEqual([]);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});

	it('sends webhooks by itself for API changes when autoWebhooks is on', async () => {
		const bodies: any[] = [];
		const receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				bodies.push(JSON.parse(Buffer.concat(chunks).toString()));
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		try {
			const uri = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
			await h.api.post('/webhooks', { name: 'auto', uri, events: 'project_added', isActive: true, authenticationType: 'none' });
			await h.api.post('/projects', { name: 'Quiet' });
			await h.control.put('/config', { autoWebhooks: true });
			const project = (await h.api.post('/projects', { name: 'Announced' })).data;
			await h.api.post('/companies', { name: 'Not subscribed' });
			while ((await h.control.get('/webhooks/deliveries')).data.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
			expect(bodies).toEqual([
				expect.objectContaining({
					eventType: 'project_added',
					entityId: project.id,
					entity: expect.objectContaining({ name: 'Announced' }),
				}),
			]);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});

	it('announces each entry a batch change changed to a webhook subscribed to timetracking_updated, and to no other', async () => {
		const bodies: Array<{ eventType: string; entityId: string; entity: { isBilled: boolean } }> = [];
		const receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				bodies.push(JSON.parse(Buffer.concat(chunks).toString()));
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		try {
			const uri = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
			const userId = (await h.api.get('/me')).data.id;
			const typeOfWorkId = (await h.api.get('/typeofwork')).data[0].id;
			const form = { timezone: 'Europe/Berlin', userId, typeOfWorkId, startDateUtc: '2024-05-14T10:00:00Z', duration: 600, isBillable: true };
			const [first, second] = [(await h.api.post('/timeentries', form)).data, (await h.api.post('/timeentries', form)).data];
			await h.control.put('/config', { autoWebhooks: true });
			const projectsOnly = (await h.api.post('/webhooks', { name: 'projects', uri, events: 'project_added', isActive: true, authenticationType: 'none' })).data;
			const billed = await h.api.post('/timeentries/batch/setisbilled', { timeEntryIds: [first.id], isBilled: true });
			expect(billed.data.ok.ids).toEqual([first.id]);
			await h.api.delete(`/webhooks/${projectsOnly.id}`);
			await h.api.post('/webhooks', { name: 'time', uri, events: 'timetracking_updated', isActive: true, authenticationType: 'none' });
			await h.api.post('/timeentries/batch/setisbilled', { timeEntryIds: [first.id, second.id], isBilled: true });
			while ((await h.control.get('/webhooks/deliveries')).data.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
			expect(bodies.map((body) => [body.eventType, body.entityId, body.entity.isBilled]).sort()).toEqual(
				[
					['timetracking_updated', first.id, true],
					['timetracking_updated', second.id, true],
				].sort(),
			);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});

	it('applies fault switches and logs what it saw', async () => {
		await h.control.put('/faults', { burst429: 2 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await h.api.get('/projects')).status);
		expect(statuses).toEqual([429, 429, 200]);
		await h.control.put('/faults', { errorRate: 1, errorStatus: 503 });
		const failing = await h.api.get('/projects');
		expect(failing.status).toBe(503);
		expect(failing.data.code).toBe('server-error');
		await h.control.put('/faults', { resetAfterCommitRate: 1 });
		await expect(h.api.post('/companies', { name: 'Committed' })).rejects.toThrow();
		await h.control.put('/faults', {});
		expect([...h.awork.fake.store.companies.values()].map((c) => c.name)).toEqual(['Committed']);
		const log = (await h.control.get('/requests')).data;
		expect(log.map((e: { fault?: string; status: number }) => e.fault ?? e.status)).toEqual([
			'burst429',
			'burst429',
			200,
			'error',
			'resetAfterCommit',
		]);
		expect(log[4]).toMatchObject({ method: 'POST', path: '/api/v1/companies', body: { name: 'Committed' } });
	});

	it('answers unknown routes and ids with 404 not-found, bad JSON with 400 invalid-model', async () => {
		expect((await h.api.get('/nothing-here')).data.code).toBe('not-found');
		expect((await h.api.get('/projects/not-a-guid')).status).toBe(404);
		expect((await h.api.get('/tasks/0b8f1f3e-0000-4000-8000-000000000000')).data.code).toBe('not-found');
		const badJson = await h.api.post('/companies', '{"name":', {
			headers: { 'content-type': 'application/json' },
			transformRequest: (d) => d,
		});
		expect(badJson.status).toBe(400);
		expect(badJson.data.code).toBe('invalid-model');
	});
});
