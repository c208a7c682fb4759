import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret of one webhook in Hub. Hub gives every webhook its own secret, so two triggers that
 * share a The One PSA API credential each need their own; this holds just that secret.
 */
export class OnePsaWebhookApi implements ICredentialType {
	name = 'onePsaWebhookApi';

	displayName = 'The One PSA Webhook API';

	icon: Icon = { light: 'file:onePsa.svg', dark: 'file:onePsa.dark.svg' };

	documentationUrl = 'https://docs.theonestack.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret Hub shows for this one webhook under Settings -> Webhooks',
		},
	];
}
