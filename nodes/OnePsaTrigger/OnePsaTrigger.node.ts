import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { isSelected, parseEnvelope, PSA_EVENTS } from './events';
import { deliveryKey, isRepeatedDelivery } from './repeatedDeliveries';
import { checkOccurredAt, DEFAULT_REPLAY_WINDOW_MINUTES, replayWindowMs } from './replayWindow';
import { credentialTenant, triggerSecret } from './secret';
import { checkSignature, SIGNATURE_HEADER } from './signature';

/** Answers the PSA directly; the workflow does not start. */
function refuse(ctx: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify({ error }));
	return { noWebhookResponse: true };
}

/** A tenant ID as it appears in a message: bounded, so a hostile body cannot flood the answer. */
const shown = (text: string) => JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);

export class OnePsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'The One PSA Trigger',
		name: 'onePsaTrigger',
		icon: { light: 'file:onePsa.svg', dark: 'file:onePsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts a workflow when The One PSA sends a signed webhook, e.g. when a quote is approved',
		defaults: { name: 'The One PSA Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'onePsaApi', required: true },
			{
				name: 'onePsaWebhookApi',
				required: true,
				testedBy: 'onePsaWebhookSecret',
				displayOptions: { show: { secretSource: ['webhookCredential'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: '={{$parameter["responseMode"]}}',
				responseData: 'firstEntryJson',
				path: 'onepsa',
			},
		],
		properties: [
			{
				displayName:
					'Paste this node\'s production URL into Hub -> Settings -> Webhooks, pick the same events there, and copy that webhook\'s secret into the credential\'s "Webhook Secret" (or into a Webhook Secret credential of its own, see "Webhook Secret From"). Requests without a valid X-PSA-Signature are refused with 401; signed ones for another tenant, or older than the Replay Window, are refused too.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: PSA_EVENTS,
				description:
					'Events that start the workflow. Others are acknowledged with 200 and ignored.',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				default: 'onReceived',
				options: [
					{
						name: 'Immediately',
						value: 'onReceived',
						description: 'Answer 200 as soon as the signature is checked',
					},
					{
						name: 'When Last Node Finishes',
						value: 'lastNode',
						description: 'Answer with the JSON of the first item of the last node, e.g. the awork project created',
					},
					{
						name: "Using 'Respond to Webhook' Node",
						value: 'responseNode',
						description: "Answer from a 'Respond to Webhook' node (its version 1; newer versions only accept n8n's own Webhook trigger)",
					},
				],
			},
			{
				displayName: 'Webhook Secret From',
				name: 'secretSource',
				type: 'options',
				default: 'apiCredential',
				options: [
					{
						name: 'The One PSA API Credential',
						value: 'apiCredential',
						description: 'Its "Webhook Secret" field. Fine while only one webhook in Hub uses that credential.',
					},
					{
						name: 'A Webhook Secret Credential',
						value: 'webhookCredential',
						description:
							'A The One PSA Webhook API credential, holding the secret of this webhook only. Hub gives each webhook its own secret, so use this when several triggers share one API credential.',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Replay Window (Minutes)',
						name: 'replayWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_REPLAY_WINDOW_MINUTES,
						description:
							'A signed delivery whose occurredAt is further than this from the server\'s clock is refused with 400. With Respond Immediately, the same delivery received again within the window is answered 200 with duplicate: true and starts nothing. 0 turns both off. Raise it if the PSA retries for longer.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async onePsaWebhookSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				// Nothing to call: Hub never tells the secret back. An empty one would refuse every delivery.
				const secret = String(credential.data?.webhookSecret ?? '');
				return secret.trim()
					? { status: 'OK', message: 'The secret is set; a signed delivery from Hub proves it matches' }
					: { status: 'Error', message: 'The Webhook Secret is empty; copy it from Hub -> Settings -> Webhooks' };
			},
		},
	};

	/**
	 * The One PSA has no API to register webhooks: the user pastes the URL in Hub. There is
	 * nothing to create or delete, but activation checks that signatures can be verified.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const { secret, missing, hint } = await triggerSecret(this);
				if (!secret) throw new NodeOperationError(this.getNode(), missing, { description: hint });
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const { secret, missing, hint } = await triggerSecret(this);
		// Never an open door: without a secret nothing is accepted.
		if (!secret) return refuse(this, 500, `${missing}. ${hint}`);

		const rawBody: Buffer = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
		const signature = checkSignature(rawBody, req.headers[SIGNATURE_HEADER], secret);
		if (!signature.valid) return refuse(this, 401, signature.reason);

		const parsed = parseEnvelope(rawBody);
		if (!parsed.ok) return refuse(this, 400, parsed.reason);
		const { envelope } = parsed;

		// A secret shared by mistake between tenants must not let one tenant start another's workflows.
		const tenant = await credentialTenant(this);
		if (envelope.tenantId === undefined) {
			return refuse(this, 400, `The signed body has no "tenantId"; this trigger's The One PSA API credential is for tenant ${shown(tenant)}`);
		}
		if (envelope.tenantId !== tenant) {
			return refuse(
				this,
				403,
				`The delivery is for tenant ${shown(envelope.tenantId)}, but this trigger's The One PSA API credential is for tenant ${shown(tenant)}`,
			);
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		let windowMs: number | undefined;
		try {
			windowMs = replayWindowMs(options.replayWindowMinutes ?? DEFAULT_REPLAY_WINDOW_MINUTES);
		} catch (error) {
			return refuse(this, 500, (error as Error).message);
		}
		const now = Date.now();
		const fresh = checkOccurredAt(envelope.occurredAt, windowMs, now);
		if (!fresh.ok) return refuse(this, fresh.status, fresh.reason);

		const selected = this.getNodeParameter('events', []) as string[];
		if (!isSelected(envelope.event, selected)) {
			return { webhookResponse: { received: true, ignored: true, event: envelope.event } };
		}

		// Answered at once, a delivery is never retried by the PSA, so the same bytes again are a replay.
		// When the answer waits for the workflow, the same bytes again are how the PSA retries a failed
		// run, so they must run again (the shipped workflows answer a repeat with what they did before).
		const respondsAtOnce = this.getNodeParameter('responseMode', 'onReceived') === 'onReceived';
		if (respondsAtOnce && windowMs !== undefined) {
			const expiresAt = Math.max(now, fresh.occurredAtMs ?? now) + windowMs;
			const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
			if (isRepeatedDelivery(this.getWorkflowStaticData('node'), scope, deliveryKey(rawBody), expiresAt, now)) {
				return { webhookResponse: { received: true, duplicate: true, event: envelope.event } };
			}
		}

		const json: IDataObject = {
			event: envelope.event,
			tenantId: envelope.tenantId,
			occurredAt: envelope.occurredAt,
			data: envelope.data as IDataObject,
		};
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
