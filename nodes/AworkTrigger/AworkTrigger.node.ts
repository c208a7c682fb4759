import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { AWORK_WEBHOOK_EVENTS } from './events';
import { createWebhook, removeWebhook, webhookExists, type TriggerStaticData } from './registration';
import { hasValidSecret } from './webhookSecret';

export class AworkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Awork Trigger',
		name: 'aworkTrigger',
		icon: { light: 'file:awork.svg', dark: 'file:awork.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when awork reports a change (time entries, tasks, projects, ...)',
		defaults: { name: 'Awork Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'aworkPsaApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'aworkPsaOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'apiKey',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: AWORK_WEBHOOK_EVENTS,
				required: true,
				default: [],
				description:
					'The awork events that start this workflow. On activation the node registers one awork webhook for them, secured with a generated secret header.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Only Main Entity Changes',
						name: 'onlyMainEntityChanges',
						type: 'boolean',
						default: false,
						description: 'Whether awork should skip events caused by changes of nested entities',
					},
					{
						displayName: 'Webhook Name',
						name: 'webhookName',
						type: 'string',
						default: '',
						placeholder: 'e.g. n8n: My workflow',
						description: 'Name of the webhook in awork (Settings > Integrations). Defaults to "n8n: " followed by the workflow name.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await removeWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
		if (!hasValidSecret(this.getHeaderData(), staticData.webhookSecret)) {
			// Not from the awork webhook this node registered: answer 401 and start nothing.
			this.getResponseObject().status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}

		const payload = this.getBodyData() as IDataObject;
		const events = this.getNodeParameter('events', []) as string[];
		if (typeof payload.eventType === 'string' && events.length > 0 && !events.includes(payload.eventType)) {
			// Still acknowledge, or awork retries the delivery and eventually pauses the webhook.
			return { webhookResponse: { message: `Ignored event ${payload.eventType}` } };
		}
		return { workflowData: [this.helpers.returnJsonArray(payload)] };
	}
}
