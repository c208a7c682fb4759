import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * An API key of n8n's own public API, for the ID Mapping node's Data Table store.
 * Community nodes may not reuse n8n's built-in n8n API credential, hence this one.
 */
export class IdMappingN8nApi implements ICredentialType {
	name = 'idMappingN8nApi';

	displayName = 'ID Mapping Data Table API';

	icon: Icon = { light: 'file:idMappingN8nApi.svg', dark: 'file:idMappingN8nApi.dark.svg' };

	documentationUrl = 'https://docs.n8n.io/api/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:5678/api/v1',
			required: true,
			placeholder: 'e.g. https://n8n.example.com/api/v1',
			description: 'The public API of the n8n that holds the data table, ending in /api/v1',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in n8n under Settings -> n8n API. It needs the data table scopes: dataTable (list, read, create), dataTableRow (read, create, update, upsert, delete), dataTableColumn (read, create).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' } },
	};

	// Like the node, accept the address with or without /api/v1.
	test: ICredentialTestRequest = {
		request: {
			// The key is a plain header: never let a redirect carry it to another host.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/(\\/api\\/v\\d+)?$/, "/api/v1")}}',
			url: '/data-tables',
			qs: { limit: 1 },
		},
	};
}
