/**
 * The two services the demo's workflows talk to: the sandboxes (fake awork, fake The One PSA,
 * seeded with a small sample) or the real services the environment names (never seeded).
 */
import { randomBytes } from 'node:crypto';

import { startFakeAwork, type RunningFakeAwork } from '../../devkit/fakes/awork';
import { DEFAULT_TENANT, DEMO_DATA, startFakeOnePsa, type RunningFakeOnePsa } from '../../devkit/fakes/onepsa';
import type { DemoConfig } from './config';

/**
 * The sample: the PSA sandbox's demo data (companies, contracts, tickets; the approval uses Acme's
 * active contract), the same client and a project template in awork.
 */
const psaClient = DEMO_DATA.companies![0];
const psaContract = DEMO_DATA.contracts!.find((contract) => contract.companyId === psaClient.id && contract.supportsBatch !== false)!;
export const SAMPLE = {
	companyName: psaClient.name!,
	psaCompanyId: psaClient.id!,
	contractId: psaContract.id!,
	contractNumber: psaContract.number!,
	templateName: 'Website project',
};

export interface Services {
	awork: { baseUrl: string; apiKey: string; sandbox?: RunningFakeAwork; templateId?: string };
	onePsa: {
		apiUrl: string;
		tenantId: string;
		integrationKey: string;
		apiKey: string;
		webhookSecret: string;
		/** True when the secret was made up here (the user must paste it into Hub). */
		generatedSecret: boolean;
		sandbox?: RunningFakeOnePsa;
		/** The contract the sample approval names, if any. */
		contractId?: string;
	};
	close(): Promise<void>;
}

export async function startServices(config: DemoConfig): Promise<Services> {
	const closers: Array<() => Promise<void>> = [];
	const close = async () => {
		for (const closer of closers.reverse()) await closer().catch(() => undefined);
	};
	try {
		const awork = config.realAwork ? { ...config.realAwork } : await startAworkSandbox(closers);
		const onePsa = config.realOnePsa
			? {
					...config.realOnePsa,
					webhookSecret: config.realOnePsa.webhookSecret ?? `whsec_demo_${randomBytes(12).toString('hex')}`,
					generatedSecret: !config.realOnePsa.webhookSecret,
					contractId: config.psaContractId,
				}
			: await startOnePsaSandbox(closers);
		return { awork, onePsa, close };
	} catch (error) {
		await close();
		throw error;
	}
}

async function startAworkSandbox(closers: Array<() => Promise<void>>): Promise<Services['awork']> {
	// Like awork, the sandbox calls the webhooks the Awork Trigger workflows registered when data changes.
	const sandbox = await startFakeAwork({ config: { autoWebhooks: true } });
	closers.push(sandbox.close);
	const created = sandbox.fake.seed({
		companies: [{ name: SAMPLE.companyName }],
		projectTemplates: [
			{
				name: SAMPLE.templateName,
				description: 'Created by npm run demo',
				taskLists: [
					{ name: 'Concept', tasks: [{ name: 'Kick-off workshop', plannedDuration: 7200 }, { name: 'Sitemap', plannedDuration: 10800 }] },
					{ name: 'Build', tasks: [{ name: 'Templates', plannedDuration: 28800 }, { name: 'Content migration', plannedDuration: 14400 }] },
					{ name: 'Launch', tasks: [{ name: 'Go-live checklist', plannedDuration: 3600 }] },
				],
			},
		],
	});
	const template = created.projectTemplates[0] as { id: string };
	return { baseUrl: sandbox.baseUrl, apiKey: sandbox.fake.apiKey, sandbox, templateId: template.id };
}

async function startOnePsaSandbox(closers: Array<() => Promise<void>>): Promise<Services['onePsa']> {
	const sandbox = await startFakeOnePsa({ demo: true });
	closers.push(sandbox.close);
	return {
		apiUrl: sandbox.baseUrl,
		tenantId: DEFAULT_TENANT.tenantId,
		integrationKey: DEFAULT_TENANT.integrationKey,
		apiKey: '',
		webhookSecret: 'whsec_demo_sandbox',
		generatedSecret: false,
		sandbox,
		contractId: SAMPLE.contractId,
	};
}
