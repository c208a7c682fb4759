import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { isSelected, parseEnvelope, PSA_EVENTS } from './events';
import { checkSignature, SIGNATURE_HEADER } from './signature';

const CREDENTIAL = 'onePsaApi';

const MISSING_SECRET =
	'The "The One PSA API" credential has no Webhook Secret, so PSA signatures cannot be checked';
const MISSING_SECRET_HINT =
	'Copy the secret of this webhook from Hub -> Settings -> Webhooks into the credential\'s "Webhook Secret".';

async function webhookSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL);
	return String(credentials.webhookSecret ?? '');
}

/** Answers the PSA directly; the workflow does not start. */
function refuse(ctx: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify({ error }));
	return { noWebhookResponse: true };
}

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
		credentials: [{ name: CREDENTIAL, required: true }],
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
					'Paste this node\'s production URL into Hub -> Settings -> Webhooks, pick the same events there, and copy that webhook\'s secret into the credential\'s "Webhook Secret". Requests without a valid X-PSA-Signature are refused with 401.',
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
		],
	};

	/**
	 * The One PSA has no API to register webhooks: the user pastes the URL in Hub. There is
	 * nothing to create or delete, but activation checks that signatures can be verified.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!(await webhookSecret(this))) {
					throw new NodeOperationError(this.getNode(), MISSING_SECRET, { description: MISSING_SECRET_HINT });
				}
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
		const secret = await webhookSecret(this);
		// Never an open door: without a secret nothing is accepted.
		if (!secret) return refuse(this, 500, `${MISSING_SECRET}. ${MISSING_SECRET_HINT}`);

		const rawBody: Buffer = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
		const signature = checkSignature(rawBody, req.headers[SIGNATURE_HEADER], secret);
		if (!signature.valid) return refuse(this, 401, signature.reason);

		const parsed = parseEnvelope(rawBody, req.headers['x-psa-event']);
		if (!parsed.ok) return refuse(this, 400, parsed.reason);
		const { envelope } = parsed;

		const selected = this.getNodeParameter('events', []) as string[];
		if (!isSelected(envelope.event, selected)) {
			return { webhookResponse: { received: true, ignored: true, event: envelope.event } };
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
