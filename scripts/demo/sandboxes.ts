/**
 * The services the demo's workflows talk to: the sandboxes (fake awork, fake The One PSA,
 * seeded with a small sample) or the real services the environment names (never seeded), and,
 * next to the awork sandbox only, the fake sevDesk, Lexoffice and HQ.
 */
import { randomBytes } from 'node:crypto';

import { startFakeAwork, type RunningFakeAwork } from '../../devkit/fakes/awork';
import { HQ_TOKEN, startFakeHq, type RunningFakeHq } from '../../devkit/fakes/hq';
import { DEFAULT_LEXOFFICE_KEY, startFakeLexoffice, type RunningFakeLexoffice } from '../../devkit/fakes/lexoffice';
import { DEFAULT_TENANT, DEMO_DATA, startFakeOnePsa, type RunningFakeOnePsa } from '../../devkit/fakes/onepsa';
import { DEFAULT_SEVDESK_TOKEN, SEVDESK_DEMO_DATA, startFakeSevDesk, type RunningFakeSevDesk } from '../../devkit/fakes/sevdesk';
import type { DemoConfig } from './config';

/**
 * The sample: the PSA sandbox's demo data (companies, contracts, tickets; the approval uses Acme's
 * active contract), the same client and a project template in awork.
 */
const psaClient = DEMO_DATA.companies![0];
const psaContract = DEMO_DATA.contracts!.find((contract) => contract.companyId === psaClient.id && contract.supportsBatch !== false)!;
/**
 * The client invoiced from sevDesk: the PSA's Globex, whose only contract expired, so the export
 * leaves its time alone; the sevDesk sandbox holds a contact of exactly its name.
 */
const billingClient = DEMO_DATA.companies!.find((company) => company.id === 'cmp_globex')!;
const billingContact = SEVDESK_DEMO_DATA.contacts!.find((contact) => contact.name === billingClient.name)!;
export const SAMPLE = {
	companyName: psaClient.name!,
	psaCompanyId: psaClient.id!,
	contractId: psaContract.id!,
	contractNumber: psaContract.number!,
	templateName: 'Website project',
	/** The awork client whose time becomes a sevDesk draft, and its sevDesk contact. */
	billingClientName: billingClient.name!,
	sevDeskContactId: String(billingContact.id),
};

/** The Web Address of the HQ sandbox's credential: the base of HQ invoices' `url`. */
export const DEMO_HQ_WEB_URL = 'https://sandbox.hellohq.io';
/** The HQ sandbox's invoice template (every fresh fake HQ has template 1). */
export const DEMO_HQ_TEMPLATE_ID = '1';

/** The billing tools' sandboxes, each with a contact of the sample billing client's name. */
export interface BillingSandboxes {
	sevDesk: RunningFakeSevDesk & { token: string };
	lexoffice: RunningFakeLexoffice & { apiKey: string };
	hq: RunningFakeHq & { token: string; webUrl: string };
}

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
	/**
	 * Only next to the awork sandbox: a fake invoice for real awork time would still mark that
	 * time billed, so with real awork the billing tools get no credentials.
	 */
	billing?: BillingSandboxes;
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
		const billing = awork.sandbox ? await startBillingSandboxes(closers) : undefined;
		return { awork, onePsa, billing, close };
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
		companies: [{ name: SAMPLE.companyName }, { name: SAMPLE.billingClientName }],
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

async function startBillingSandboxes(closers: Array<() => Promise<void>>): Promise<BillingSandboxes> {
	// demo: true seeds sevDesk's sample contacts, the billing client among them.
	const sevDesk = await startFakeSevDesk({ demo: true });
	closers.push(sevDesk.close);
	const lexoffice = await startFakeLexoffice();
	closers.push(lexoffice.close);
	lexoffice.fake.addContact({ companyName: SAMPLE.billingClientName, customer: true });
	const hq = await startFakeHq();
	closers.push(hq.close);
	hq.fake.seed({ companies: [{ id: 702, name: SAMPLE.billingClientName }] });
	return {
		sevDesk: { ...sevDesk, token: DEFAULT_SEVDESK_TOKEN },
		lexoffice: { ...lexoffice, apiKey: DEFAULT_LEXOFFICE_KEY },
		hq: { ...hq, token: HQ_TOKEN, webUrl: DEMO_HQ_WEB_URL },
	};
}
