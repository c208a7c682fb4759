/**
 * Attack: an answer that trickles one byte every 500 ms, forever. n8n's `timeout` is an idle
 * timeout and never fires on it; the PSA transport had none at all. Each transport must end at
 * its total deadline with an error naming it (deadline lowered here to 1.5 s).
 */
import { aworkRequest, aworkTransportSettings } from '../../../../nodes/Awork/transport';
import { callN8nApi } from '../../../../nodes/IdMapping/transport/n8nApi';
import { callPsa } from '../../../../nodes/OnePsa/transport';
import { httpLimits, withinDeadline } from '../../../../nodes/shared/http';
import { HostileServer, runAworkProbe, runN8nApiProbe, runPsaProbe, trickle } from './hostile';

const originalDeadline = httpLimits.requestDeadlineMs;
const originalAwork = { ...aworkTransportSettings };
beforeEach(() => {
	httpLimits.requestDeadlineMs = 1500;
	aworkTransportSettings.retry = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
});
afterEach(() => {
	httpLimits.requestDeadlineMs = originalDeadline;
	Object.assign(aworkTransportSettings, originalAwork);
});

describe('a trickling answer ends at the deadline', () => {
	let server: HostileServer;
	beforeEach(async () => {
		server = await new HostileServer((_req, res) => trickle(server, res, 500)).start();
	});
	afterEach(async () => await server.stop());

	it('The One PSA: a read and an idempotent write end with an error naming the deadline, and the connection is closed', async () => {
		const started = Date.now();
		const result = await runPsaProbe(server.origin, async function () {
			return await callPsa(this, { endpoint: 'getContract', pathParams: { contractId: 'ctr_1' } });
		});
		expect(Date.now() - started).toBeLessThan(6000);
		expect(result.error?.message).toBe('The One PSA did not finish answering GET /api/contracts/ctr_1 within 1.5 s (the deadline for one request)');
		// Not retried: a second attempt could trickle as long again.
		expect(server.seen).toHaveLength(1);
		// The abort reached the socket, so nothing keeps reading the trickle.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(server.closedEarly).toBe(1);

		const write = await runPsaProbe(server.origin, async function () {
			return await callPsa(this, { endpoint: 'createTicket', body: { subject: 'x' }, idempotencyKey: 'k-1' });
		});
		expect(write.error?.message).toMatch(/^The One PSA did not finish answering POST \/api\/tickets within 1.5 s/);
	});

	it('awork: the idle timeout never fires on a trickle; the deadline does, and says a write may have landed', async () => {
		const started = Date.now();
		const read = await runAworkProbe(`${server.origin}/api/v1`, async function () {
			return await aworkRequest.call(this, 'GET', '/projects');
		});
		expect(Date.now() - started).toBeLessThan(6000);
		expect(read.error?.message).toBe('awork did not finish answering GET /projects within 1.5 s (the deadline for one request)');
		const write = await runAworkProbe(`${server.origin}/api/v1`, async function () {
			return await aworkRequest.call(this, 'POST', '/projects', { body: { name: 'x' } });
		});
		expect(write.error?.description).toMatch(/may or may not have applied/);
		expect(server.seen).toHaveLength(2);
	});

	it('The n8n API: ends with an error naming the deadline', async () => {
		const started = Date.now();
		const result = await runN8nApiProbe(`${server.origin}/api/v1`, async function () {
			return await callN8nApi(this, { method: 'GET', path: '/data-tables', repeatable: true });
		});
		expect(Date.now() - started).toBeLessThan(6000);
		expect(result.error?.message).toBe('The n8n API did not finish answering GET /data-tables within 1.5 s (the deadline for one request)');
		expect(server.seen).toHaveLength(1);
	});
});

describe('withinDeadline', () => {
	it('passes an answer that comes in time, and aborts the signal of one that does not', async () => {
		expect(await withinDeadline(1000, async () => 'ok')).toBe('ok');
		let aborted = false;
		await expect(
			withinDeadline(50, async (signal) => {
				signal.addEventListener('abort', () => (aborted = true));
				return await new Promise(() => undefined);
			}),
		).rejects.toThrow('No complete answer within the deadline of 0.1 s per request');
		expect(aborted).toBe(true);
	});
});
