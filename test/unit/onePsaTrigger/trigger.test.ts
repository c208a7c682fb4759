import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { OnePsaTrigger } from '../../../nodes/OnePsaTrigger/OnePsaTrigger.node';
import { isSelected, parseEnvelope } from '../../../nodes/OnePsaTrigger/events';
import { forgetRepeatedDeliveriesInProcess, MAX_REMEMBERED_DELIVERIES } from '../../../nodes/OnePsaTrigger/repeatedDeliveries';
import { checkSignature, signBody } from '../../../nodes/OnePsaTrigger/signature';
import { signPsaBody, webhookEnvelope } from '../../../devkit/fakes/onepsa';

const SECRET = 'whsec_test';

describe('OnePsa Trigger signature check', () => {
	const body = Buffer.from(webhookEnvelope('quote.approved', { quoteId: 'q1' }));

	it('accepts the signature the PSA computes over the raw body', () => {
		expect(checkSignature(body, signPsaBody(SECRET, body), SECRET)).toEqual({ valid: true });
		expect(signBody(SECRET, body)).toBe(signPsaBody(SECRET, body));
		expect(checkSignature(body, signPsaBody(SECRET, body).toUpperCase().replace('SHA256=', 'sha256='), SECRET)).toEqual({ valid: true });
	});

	it('refuses a missing, malformed, wrong-secret or tampered signature', () => {
		expect(checkSignature(body, undefined, SECRET)).toEqual({ valid: false, reason: 'Missing X-PSA-Signature header' });
		expect(checkSignature(body, 'abc', SECRET)).toMatchObject({ valid: false, reason: expect.stringMatching(/not of the form/) });
		expect(checkSignature(body, `sha1=${'0'.repeat(64)}`, SECRET).valid).toBe(false);
		expect(checkSignature(body, signPsaBody('other', body), SECRET)).toEqual({ valid: false, reason: 'X-PSA-Signature does not match the body' });
		const tampered = Buffer.from(body.toString().replace('q1', 'q2'));
		expect(checkSignature(tampered, signPsaBody(SECRET, body), SECRET).valid).toBe(false);
		// The parsed-and-re-serialised body is not what was signed: only raw bytes count.
		const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
		expect(checkSignature(reformatted, signPsaBody(SECRET, body), SECRET).valid).toBe(false);
	});

	it('selects events exactly or by family', () => {
		expect(isSelected('ticket.created', ['ticket.*'])).toBe(true);
		expect(isSelected('ticket.created', ['ticket.updated'])).toBe(false);
		expect(isSelected('time_entry.updated', ['quote.approved', 'time_entry.*'])).toBe(true);
		expect(isSelected('tickets.created', ['ticket.*'])).toBe(false);
		expect(isSelected('deal.won', ['*'])).toBe(true);
		expect(isSelected('deal.won', [])).toBe(false);
	});

	it('parses the envelope, or says why not', () => {
		expect(parseEnvelope(Buffer.from('{"event":"deal.won","data":{"id":1}}'))).toMatchObject({ ok: true, envelope: { event: 'deal.won', data: { id: 1 } } });
		expect(parseEnvelope(Buffer.from('nope'))).toEqual({ ok: false, reason: 'The body is not JSON' });
		expect(parseEnvelope(Buffer.from('[1]'))).toEqual({ ok: false, reason: 'The body is not a JSON object' });
		expect(parseEnvelope(Buffer.from('{"data":{}}'))).toEqual({ ok: false, reason: expect.stringMatching(/signed body names no "event"/) });
	});
});

interface Delivery {
	body: string;
	headers?: Record<string, string>;
	secret?: string;
	events?: string[];
	responseMode?: string;
	options?: IDataObject;
	tenantId?: string;
	/** Set to use a The One PSA Webhook API credential holding this secret. */
	ownSecret?: string;
	staticData?: IDataObject;
}

/** Calls the trigger's webhook() the way n8n does, with a request carrying rawBody. */
async function deliver(options: Delivery) {
	const answer: { status?: number; body?: string } = {};
	const parameters: IDataObject = {
		events: options.events ?? ['quote.approved'],
		responseMode: options.responseMode ?? 'onReceived',
		options: options.options ?? {},
		secretSource: options.ownSecret === undefined ? 'apiCredential' : 'webhookCredential',
	};
	const staticData = options.staticData ?? {};
	const context = {
		getRequestObject: () => ({ rawBody: Buffer.from(options.body), headers: options.headers ?? {}, body: {} }),
		getResponseObject: () => ({
			writeHead: (status: number) => (answer.status = status),
			end: (text: string) => (answer.body = text),
		}),
		getCredentials: async (type: string) =>
			type === 'onePsaWebhookApi'
				? { webhookSecret: options.ownSecret }
				: { webhookSecret: options.secret ?? SECRET, tenantId: options.tenantId ?? 'tenant-1' },
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getNode: () => ({ name: 'PSA Trigger', id: 'node-1' }),
		getWorkflow: () => ({ id: 'wf-1', active: true }),
		getWorkflowStaticData: () => staticData,
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	const result = await new OnePsaTrigger().webhook.call(context);
	return { result, answer, error: answer.body ? (JSON.parse(answer.body) as { error: string }).error : undefined };
}

const sign = (body: string, secret = SECRET) => ({ 'x-psa-signature': signPsaBody(secret, body) });

describe('OnePsa Trigger webhook()', () => {
	const occurredAt = new Date().toISOString();
	const body = webhookEnvelope('quote.approved', { quoteId: 'q1', lines: [] }, { tenantId: 't1', occurredAt });
	const signed = sign(body);

	beforeEach(() => forgetRepeatedDeliveriesInProcess());

	it('starts the workflow with the event for a good signature', async () => {
		const { result, answer } = await deliver({ body, headers: signed, tenantId: 't1' });
		expect(answer.status).toBeUndefined();
		expect(result.workflowData).toEqual([[{ json: { event: 'quote.approved', tenantId: 't1', occurredAt, data: { quoteId: 'q1', lines: [] } } }]]);
	});

	it('answers 401 and starts nothing for a missing or wrong signature', async () => {
		for (const headers of [{}, { 'x-psa-signature': signPsaBody('wrong', body) }] as Array<Record<string, string>>) {
			const { result, answer } = await deliver({ body, headers });
			expect(answer.status).toBe(401);
			expect(result).toEqual({ noWebhookResponse: true });
		}
	});

	it('answers 400 for a signed body that is not an event, and 200 without a run for other events', async () => {
		const junk = 'not json';
		const bad = await deliver({ body: junk, headers: { 'x-psa-signature': signPsaBody(SECRET, junk) } });
		expect(bad.answer.status).toBe(400);
		expect(bad.result.workflowData).toBeUndefined();

		const other = webhookEnvelope('ticket.created', { id: 't' });
		const ignored = await deliver({ body: other, headers: sign(other) });
		expect(ignored.result).toEqual({ webhookResponse: { received: true, ignored: true, event: 'ticket.created' } });
	});

	it('refuses everything when the credential has no webhook secret', async () => {
		const unsigned = webhookEnvelope('quote.approved', {});
		const { result, answer } = await deliver({ body: unsigned, headers: { 'x-psa-signature': signPsaBody('', unsigned) }, secret: '' });
		expect(answer.status).toBe(500);
		expect(answer.body).toMatch(/no Webhook Secret/);
		expect(result.workflowData).toBeUndefined();
	});

	it('fails activation with a clear message when the secret is missing', async () => {
		const hooks = new OnePsaTrigger().webhookMethods.default;
		const ctx = (secret: string) =>
			({
				getCredentials: async () => ({ webhookSecret: secret }),
				getNodeParameter: (_name: string, fallback: unknown) => fallback,
				getNode: () => ({ name: 'PSA Trigger' }),
			}) as never;
		await expect(hooks.checkExists.call(ctx(''))).rejects.toThrow(/no Webhook Secret/);
		await expect(hooks.checkExists.call(ctx(SECRET))).resolves.toBe(true);
	});
});

describe('OnePsa Trigger: what a valid signature does not prove', () => {
	const MINUTE = 60_000;
	const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
	const approval = (occurredAt: string, extra: { tenantId?: string } = {}) =>
		webhookEnvelope('quote.approved', { quoteId: 'q1' }, { occurredAt, tenantId: extra.tenantId ?? 'tenant-1' });

	beforeEach(() => forgetRepeatedDeliveriesInProcess());
	afterEach(() => jest.restoreAllMocks());

	it('refuses a signed delivery from 2001, or from too far ahead, with 400 naming occurredAt and the window', async () => {
		for (const occurredAt of ['2001-09-09T01:46:40Z', at(-16 * MINUTE), at(16 * MINUTE)]) {
			const body = approval(occurredAt);
			const { result, answer, error } = await deliver({ body, headers: sign(body) });
			expect(answer.status).toBe(400);
			expect(result.workflowData).toBeUndefined();
			expect(error).toContain(`"occurredAt" ${occurredAt} is`);
			expect(error).toContain('outside the 15-minute Replay Window');
		}
		const old = approval('2001-09-09T01:46:40Z');
		expect((await deliver({ body: old, headers: sign(old) })).error).toMatch(/is \d+ years before this server's clock/);
	});

	it('accepts within the window, a window set in the options, and anything when the window is 0', async () => {
		const recent = approval(at(-14 * MINUTE));
		expect((await deliver({ body: recent, headers: sign(recent) })).result.workflowData).toHaveLength(1);
		const hourOld = approval(at(-60 * MINUTE));
		expect((await deliver({ body: hourOld, headers: sign(hourOld) })).answer.status).toBe(400);
		expect((await deliver({ body: hourOld, headers: sign(hourOld), options: { replayWindowMinutes: 90 } })).result.workflowData).toHaveLength(1);
		const ancient = approval('2001-09-09T01:46:40Z');
		expect((await deliver({ body: ancient, headers: sign(ancient), options: { replayWindowMinutes: 0 } })).result.workflowData).toHaveLength(1);
	});

	it('refuses a missing or unreadable occurredAt while the window is on', async () => {
		const none = JSON.stringify({ event: 'quote.approved', tenantId: 'tenant-1', data: {} });
		expect(await deliver({ body: none, headers: sign(none) })).toMatchObject({ answer: { status: 400 }, error: expect.stringMatching(/no "occurredAt"/) });
		for (const occurredAt of ['yesterday', '2026-01-01', '2026-01-01T10:00:00']) {
			const body = approval(occurredAt);
			expect(await deliver({ body, headers: sign(body) })).toMatchObject({ answer: { status: 400 }, error: expect.stringMatching(/not an ISO 8601 date-time with a time zone/) });
		}
		const bad = approval(at(0));
		expect(await deliver({ body: bad, headers: sign(bad), options: { replayWindowMinutes: -5 } })).toMatchObject({
			answer: { status: 500 },
			error: expect.stringMatching(/Replay Window \(Minutes\) must be a number of minutes/),
		});
	});

	it('answers the same signed delivery again with 200 duplicate and no run, across a restart, until the window has passed', async () => {
		const staticData: IDataObject = {};
		const body = approval(at(0));
		const first = await deliver({ body, headers: sign(body), staticData });
		expect(first.result.workflowData).toHaveLength(1);

		const again = await deliver({ body, headers: sign(body), staticData });
		expect(again.result).toEqual({ webhookResponse: { received: true, duplicate: true, event: 'quote.approved' } });
		expect(again.result.workflowData).toBeUndefined();

		// After a restart only the static data remembers it.
		forgetRepeatedDeliveriesInProcess();
		const afterRestart = await deliver({ body, headers: sign(body), staticData });
		expect(afterRestart.result.webhookResponse).toMatchObject({ duplicate: true });

		// Concurrent deliveries each read static data before either is saved: the process remembers.
		const twin = approval(at(1000));
		const [a, b] = await Promise.all([deliver({ body: twin, headers: sign(twin) }), deliver({ body: twin, headers: sign(twin) })]);
		expect([a.result.workflowData?.length, b.result.workflowData?.length].sort()).toEqual([1, undefined]);

		// A different delivery (another occurredAt) is not a repeat.
		const other = approval(at(2000));
		expect((await deliver({ body: other, headers: sign(other), staticData })).result.workflowData).toHaveLength(1);

		// Once the window has passed, the entry is pruned and the delivery itself is refused as too old.
		const later = Date.now() + 16 * MINUTE;
		jest.spyOn(Date, 'now').mockReturnValue(later);
		const fresh = webhookEnvelope('quote.approved', { quoteId: 'q2' }, { occurredAt: new Date(later).toISOString() });
		await deliver({ body: fresh, headers: sign(fresh), staticData });
		expect(Object.keys(staticData.recentDeliveries as object)).toHaveLength(1);
		expect((await deliver({ body, headers: sign(body), staticData })).answer.status).toBe(400);
	});

	it('keeps at most the bound in static data', async () => {
		const staticData: IDataObject = {};
		for (let n = 0; n < MAX_REMEMBERED_DELIVERIES + 50; n++) {
			const body = webhookEnvelope('quote.approved', { quoteId: `q${n}` }, { occurredAt: at(0) });
			await deliver({ body, headers: sign(body), staticData });
		}
		expect(Object.keys(staticData.recentDeliveries as object)).toHaveLength(MAX_REMEMBERED_DELIVERIES);
	});

	it('runs the same delivery again when the answer waits for the workflow (that is how the PSA retries a failed run)', async () => {
		const body = approval(at(0));
		for (const responseMode of ['lastNode', 'responseNode']) {
			const staticData: IDataObject = {};
			expect((await deliver({ body, headers: sign(body), responseMode, staticData })).result.workflowData).toHaveLength(1);
			expect((await deliver({ body, headers: sign(body), responseMode, staticData })).result.workflowData).toHaveLength(1);
		}
	});

	it('takes the event only from the signed body: a body without one is refused whatever X-PSA-Event says', async () => {
		const body = JSON.stringify({ tenantId: 'tenant-1', occurredAt: at(0), data: { quoteId: 'q1' } });
		const { result, answer, error } = await deliver({ body, headers: { ...sign(body), 'x-psa-event': 'quote.approved' } });
		expect(answer.status).toBe(400);
		expect(result.workflowData).toBeUndefined();
		expect(error).toMatch(/signed body names no "event"/);
		// A header that disagrees with the body changes nothing.
		const signedTicket = webhookEnvelope('ticket.created', { id: 't1' }, { occurredAt: at(0) });
		const ignored = await deliver({ body: signedTicket, headers: { ...sign(signedTicket), 'x-psa-event': 'quote.approved' } });
		expect(ignored.result.webhookResponse).toMatchObject({ ignored: true, event: 'ticket.created' });
	});

	it('refuses a delivery for another tenant with 403 naming both, and one without tenantId with 400', async () => {
		const foreign = approval(at(0), { tenantId: 'tenant-2' });
		const refused = await deliver({ body: foreign, headers: sign(foreign), tenantId: 'tenant-1' });
		expect(refused.answer.status).toBe(403);
		expect(refused.result.workflowData).toBeUndefined();
		expect(refused.error).toBe('The delivery is for tenant "tenant-2", but this trigger\'s The One PSA API credential is for tenant "tenant-1"');

		const none = JSON.stringify({ event: 'quote.approved', occurredAt: at(0), data: {} });
		const missing = await deliver({ body: none, headers: sign(none) });
		expect(missing.answer.status).toBe(400);
		expect(missing.error).toMatch(/no "tenantId".*tenant "tenant-1"/);
	});

	it('checks with the trigger\'s own webhook secret when set, not the API credential\'s', async () => {
		const body = approval(at(0));
		const own = 'whsec_status_sync_only';
		const ok = await deliver({ body, headers: sign(body, own), ownSecret: own });
		expect(ok.result.workflowData).toHaveLength(1);
		const withShared = await deliver({ body, headers: sign(body, SECRET), ownSecret: own });
		expect(withShared.answer.status).toBe(401);
		const empty = await deliver({ body, headers: sign(body, ''), ownSecret: '' });
		expect(empty).toMatchObject({ answer: { status: 500 }, error: expect.stringMatching(/"The One PSA Webhook API" credential of this trigger is empty/) });

		const hooks = new OnePsaTrigger().webhookMethods.default;
		const ctx = {
			getCredentials: async (type: string) => ({ webhookSecret: type === 'onePsaWebhookApi' ? '' : SECRET }),
			getNodeParameter: (name: string, fallback: unknown) => (name === 'secretSource' ? 'webhookCredential' : fallback),
			getNode: () => ({ name: 'PSA Trigger' }),
		} as never;
		await expect(hooks.checkExists.call(ctx)).rejects.toThrow(/Webhook API" credential of this trigger is empty/);
	});

	it('tests a Webhook API credential for an empty secret only (Hub never tells it back)', async () => {
		const test = new OnePsaTrigger().methods.credentialTest.onePsaWebhookSecret;
		const run = (webhookSecret: string) => test.call({} as never, { id: '1', name: 'c', type: 'onePsaWebhookApi', data: { webhookSecret } });
		expect(await run('s')).toMatchObject({ status: 'OK' });
		expect(await run(' ')).toMatchObject({ status: 'Error', message: expect.stringMatching(/empty/) });
	});
});
