/**
 * The One PSA Integration Trigger: an endpoint The One PSA calls with its integration key (the
 * project context panel, the Command Center). The key is checked here, in constant time, before
 * anything runs: a missing or wrong key is answered 401 and starts no execution. The workflow gets
 * the path parameters and the query only, never the headers, so the key is not stored with
 * executions (n8n's Webhook node would keep every header in the execution data).
 */
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
import { verifyIntegrationKey } from '../OnePsa/actions/integrationKey/verify';

const CREDENTIAL = 'onePsaApi';
export const INTEGRATION_KEY_HEADER = 'x-integration-key';
export const UNAUTHORIZED_ANSWER = {
	error: 'unauthorized',
	message: 'Send the integration key of The One PSA in the X-Integration-Key header.',
};

export class OnePsaIntegrationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'The One PSA Integration Trigger',
		name: 'onePsaIntegrationTrigger',
		icon: { light: 'file:onePsa.svg', dark: 'file:onePsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"GET " + $parameter["path"]}}',
		description: 'Serves a request The One PSA makes with its integration key, e.g. for the project context panel',
		defaults: { name: 'The One PSA Integration Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'GET',
				responseMode: '={{$parameter["responseMode"]}}',
				responseData: 'firstEntryJson',
				path: '={{$parameter["path"]}}',
				// As n8n's Webhook node: a path with parameters is served under the node's webhook ID.
				isFullPath: true,
			},
		],
		properties: [
			{
				displayName:
					'The One PSA calls this URL with its integration key in the X-Integration-Key header. Requests without the key of the credential get 401 and start nothing. The workflow receives `params` (the path parameters) and `query`, never the headers.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				required: true,
				default: 'api/integration/project-context/:projectId',
				placeholder: 'e.g. api/integration/project-context/:projectId',
				description: 'The path after the webhook URL; parts starting with a colon become `params`',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				default: 'responseNode',
				options: [
					{
						name: 'When Last Node Finishes',
						value: 'lastNode',
						description: 'Answer with the JSON of the first item of the last node',
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
	 * Nothing to register: the URL is entered in The One PSA. Activation only checks that there
	 * is a key to compare with, so the endpoint can never be open.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const credentials = await this.getCredentials(CREDENTIAL);
				if (!String(credentials.integrationKey ?? '')) {
					throw new NodeOperationError(this.getNode(), 'The "The One PSA API" credential has no Integration Key to check callers against', {
						description: 'Set "Integration Key" in the credential (The One PSA -> Settings -> Integrations).',
					});
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
		const credentials = await this.getCredentials(CREDENTIAL);
		const verdict = verifyIntegrationKey(this.getHeaderData()[INTEGRATION_KEY_HEADER], credentials.integrationKey);
		if (verdict !== 'valid') {
			const res = this.getResponseObject();
			res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
			res.end(JSON.stringify(UNAUTHORIZED_ANSWER));
			return { noWebhookResponse: true };
		}
		const json: IDataObject = {
			params: this.getParamsData() as IDataObject,
			query: this.getQueryData() as IDataObject,
		};
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
