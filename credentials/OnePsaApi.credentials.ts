import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * The One PSA: integration key and tenant on every request, a Hub API key only when one is set.
 * A function rather than a generic block, because a generic block cannot leave a header out.
 */
export class OnePsaApi implements ICredentialType {
	name = 'onePsaApi';

	displayName = 'The One PSA API';

	icon: Icon = { light: 'file:onePsa.svg', dark: 'file:onePsa.dark.svg' };

	documentationUrl = 'https://docs.theonestack.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: '',
			required: true,
			description: 'Your Hub organization ID',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.theonepsa.app',
			required: true,
			placeholder: 'e.g. https://api.theonepsa.app',
			description: 'Base URL of The One PSA API',
		},
		// The integration key is a secret even though its name does not say so.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Integration Key',
			name: 'integrationKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created in The One PSA under Settings -> Integrations',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional Hub API key (starts with tos_), created in Hub -> Settings -> API Keys. Sent as a Bearer token when set.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret of the webhook configured in Hub -> Settings -> Webhooks. The One PSA Trigger needs it to check signatures.',
		},
		{
			displayName: 'Share of the Rate Limit (%)',
			name: 'rateLimitShare',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				"The part of the tenant's requests per minute one n8n process may spend. At 100 every process (each queue-mode worker) follows the budget the PSA reports and may use all of it; with N workers exporting at once, 100/N keeps them from racing for the last requests of a minute.",
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers: Record<string, string> = {
			...((requestOptions.headers as Record<string, string> | undefined) ?? {}),
			'X-Integration-Key': String(credentials.integrationKey ?? ''),
			'X-Tenant-Id': String(credentials.tenantId ?? ''),
		};
		const apiKey = String(credentials.apiKey ?? '').trim();
		if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
		return { ...requestOptions, headers };
	};

	test: ICredentialTestRequest = {
		request: {
			// The key is a plain header: never let a redirect carry it to another host.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.apiUrl.replace(/\\/+$/, "")}}',
			url: '/api/contracts',
			qs: { pageSize: 1 },
		},
	};
}
