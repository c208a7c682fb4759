/** The fake server's busy time, which the benchmark subtracts from wall times: answering only, not injected latency. */
import { performance } from 'node:perf_hooks';

import { FakeHttpServer, NO_FAULTS } from '../../../../../devkit/fakes/shared/fakeServer';
import { httpRequest } from '../../../../../devkit/n8n';

function slowServer(workMs: number): FakeHttpServer {
	const server = new FakeHttpServer({
		tooManyRequests: () => ({ status: 429 }),
		serverError: (status) => ({ status }),
		notFound: () => ({ status: 404, body: { error: 'not found' } }),
	});
	server.route('GET', '/work', () => {
		const until = performance.now() + workMs;
		while (performance.now() < until) {
			// busy on purpose: the answer costs workMs of the server's time
		}
		return { status: 200, body: { ok: true } };
	});
	return server;
}

describe('FakeHttpServer busyMs', () => {
	it('adds up the time spent answering logged requests', async () => {
		const server = slowServer(30);
		const url = await server.listen();
		try {
			for (let i = 0; i < 3; i++) expect((await httpRequest('GET', `${url}/work`)).status).toBe(200);
			expect(server.busyMs).toBeGreaterThanOrEqual(90);
			expect(server.busyMs).toBeLessThan(90 + 200);
		} finally {
			await server.close();
		}
	});

	it('leaves out injected latency and control requests', async () => {
		const server = slowServer(0);
		const url = await server.listen();
		try {
			server.faults = { ...NO_FAULTS, latencyMs: 150 };
			expect((await httpRequest('GET', `${url}/work`)).status).toBe(200);
			expect((await httpRequest('GET', `${url}/__control/requests`)).status).toBe(200);
			expect(server.busyMs).toBeLessThan(100);
			expect(server.log).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});
