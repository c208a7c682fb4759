/**
 * Where the trigger takes the webhook secret from: the The One PSA API credential, or a credential
 * of its own (Hub gives each webhook its own secret, and triggers share the API credential).
 */
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

export const API_CREDENTIAL = 'onePsaApi';
export const WEBHOOK_CREDENTIAL = 'onePsaWebhookApi';

export type SecretSource = 'apiCredential' | 'webhookCredential';

export interface TriggerSecret {
	secret: string;
	/** Says where the secret is missing, for the user. */
	missing: string;
	hint: string;
}

const MISSING: Record<SecretSource, Omit<TriggerSecret, 'secret'>> = {
	apiCredential: {
		missing: 'The "The One PSA API" credential has no Webhook Secret, so PSA signatures cannot be checked',
		hint: 'Copy the secret of this webhook from Hub -> Settings -> Webhooks into the credential\'s "Webhook Secret", or set "Webhook Secret From" to "A Webhook Secret Credential".',
	},
	webhookCredential: {
		missing: 'The "The One PSA Webhook API" credential of this trigger is empty, so PSA signatures cannot be checked',
		hint: 'Copy the secret of this webhook from Hub -> Settings -> Webhooks into that credential.',
	},
};

export function secretSourceOf(ctx: IHookFunctions | IWebhookFunctions): SecretSource {
	return ctx.getNodeParameter('secretSource', 'apiCredential') === 'webhookCredential' ? 'webhookCredential' : 'apiCredential';
}

export async function triggerSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<TriggerSecret> {
	const source = secretSourceOf(ctx);
	const credentials = await ctx.getCredentials(source === 'webhookCredential' ? WEBHOOK_CREDENTIAL : API_CREDENTIAL);
	return { secret: String(credentials.webhookSecret ?? ''), ...MISSING[source] };
}

export async function credentialTenant(ctx: IWebhookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials(API_CREDENTIAL);
	return String(credentials.tenantId ?? '').trim();
}
