/**
 * What the demo does once everything runs: The One PSA approves a quote (a signed webhook to the
 * approval workflow), people track time on the new project and for a client without a PSA
 * contract, the invoicing export runs once, then the invoice-draft workflow (sevDesk) once.
 */
import { sendSignedWebhook } from '../../devkit/fakes/onepsa';
import { nodeOutput, type N8nInstance } from '../../devkit/n8n';
import { onePsaWebhookUrl, type DemoWorkflow } from './n8n';
import { SAMPLE, type Services } from './sandboxes';

export const APPROVAL_FILE = 'project-creation-on-approval.json';
export const EXPORT_FILE = 'invoicing-export.json';
export const INVOICE_DRAFT_FILE = 'invoice-draft-from-awork-time.json';

export function sampleApproval(services: Services): Record<string, unknown> {
	const quoteId = 'q-demo-1001';
	return {
		quoteId,
		number: 'Q-DEMO-1001',
		title: 'Acme website relaunch',
		companyId: SAMPLE.psaCompanyId,
		companyName: SAMPLE.companyName,
		...(services.onePsa.contractId ? { contractId: services.onePsa.contractId } : {}),
		approvedAt: new Date().toISOString(),
		lines: [
			{ id: 'ql-1', title: 'Concept and sitemap', hours: 16, description: 'Workshop, sitemap, wireframes' },
			{ id: 'ql-2', title: 'Templates and content', hours: 40 },
			{ id: 'ql-3', title: 'Launch', hours: 4 },
		],
		url: `${services.onePsa.apiUrl.replace(/\/+$/, '')}/quotes/${quoteId}`,
	};
}

export interface ApprovalOutcome {
	status: number;
	answer: unknown;
	/** The awork project the workflow answered with, if it named one. */
	projectId?: string;
	projectUrl?: string;
}

function findString(value: unknown, keys: RegExp): string | undefined {
	if (!value || typeof value !== 'object') return undefined;
	for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
		if (keys.test(key) && typeof inner === 'string' && inner) return inner;
	}
	for (const inner of Object.values(value as Record<string, unknown>)) {
		const found = findString(inner, keys);
		if (found) return found;
	}
	return undefined;
}

/** Sends one signed `quote.approved` to the approval workflow, as The One PSA would. */
export async function fireApproval(n8n: N8nInstance, services: Services, workflow: DemoWorkflow): Promise<ApprovalOutcome> {
	const url = onePsaWebhookUrl(n8n, workflow.json!);
	if (!url) throw new Error(`${workflow.file} has no One PSA Trigger with a webhook id.`);
	const answer = await sendSignedWebhook(url, services.onePsa.webhookSecret, 'quote.approved', sampleApproval(services), {
		tenantId: services.onePsa.tenantId,
	});
	const body = answer.json ?? answer.body;
	return {
		status: answer.status,
		answer: body,
		projectId: findString(body, /^(aworkProjectId|projectId|id)$/i),
		projectUrl: findString(body, /url$/i),
	};
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Noon UTC `days` ago: a closed day in every time zone. */
function closedDay(days: number): string {
	const now = new Date();
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - days * DAY_MS).toISOString();
}

export interface SampleTime {
	/** Billable entries of closed days on the approved project: the export's. */
	exportable: string[];
	/** Billable entries of closed days of the billing client (no PSA contract): the sevDesk draft's. */
	toInvoice: string[];
	/** Entries neither may bill: not billable, of today, or of a project without client or contract. */
	other: string[];
}

const seedEntries = (services: Services, entries: Array<Record<string, unknown>>): string[] =>
	(services.awork.sandbox!.fake.seed({ timeEntries: entries }).timeEntries as Array<{ id: string }>).map((entry) => entry.id);

/**
 * Time tracked in the awork sandbox: billable entries on closed days (one backdated three weeks)
 * on the approved project, one not billable, one from today (not closed yet), one billable
 * entry on an internal project that has no client and no PSA contract (reported by the export,
 * left unbilled), and the billing client's time on two projects without a PSA contract (the
 * export leaves it, the invoice-draft workflow puts it into a sevDesk draft), one entry not billable.
 */
export function trackSampleTime(services: Services, projectId: string | undefined): SampleTime {
	const fake = services.awork.sandbox!.fake;
	const [internal] = fake.seed({ projects: [{ name: 'Internal tooling', isBillableByDefault: false }] }).projects as Array<{ id: string }>;
	const onProject = projectId
		? seedEntries(services, [
				{ projectId, startDateUtc: closedDay(2), duration: 2 * 3600, isBillable: true, note: 'Kick-off workshop' },
				{ projectId, startDateUtc: closedDay(3), duration: 5400, isBillable: true, note: 'Sitemap draft' },
				{ projectId, startDateUtc: closedDay(21), duration: 3 * 3600, isBillable: true, note: 'Backdated: pre-sales call' },
				{ projectId, startDateUtc: closedDay(2), duration: 3600, isBillable: false, note: 'Internal sync (not billable)' },
				{ projectId, startDateUtc: new Date(Date.now() - 60_000).toISOString(), duration: 1800, isBillable: true, note: 'Today: not closed yet' },
			])
		: [];
	const noContract = seedEntries(services, [{ projectId: internal.id, startDateUtc: closedDay(2), duration: 2700, isBillable: true, note: 'No contract for this project' }]);

	const client = [...fake.store.companies.values()].find((company) => company.name === SAMPLE.billingClientName)!;
	const [brand, newsletter] = fake.seed({
		projects: [
			{ name: 'Globex brand refresh', companyId: client.id },
			{ name: 'Globex newsletter', companyId: client.id },
		],
	}).projects as Array<{ id: string }>;
	const toInvoice = seedEntries(services, [
		{ projectId: brand.id, startDateUtc: closedDay(2), duration: 4 * 3600, isBillable: true, note: 'Logo variants' },
		{ projectId: brand.id, startDateUtc: closedDay(4), duration: 5400, isBillable: true, note: 'Style guide' },
		{ projectId: newsletter.id, startDateUtc: closedDay(3), duration: 2 * 3600, isBillable: true, note: 'Newsletter template' },
	]);
	const notBillable = seedEntries(services, [{ projectId: brand.id, startDateUtc: closedDay(2), duration: 1800, isBillable: false, note: 'Internal review (not billable)' }]);
	return { exportable: onProject.slice(0, 3), toInvoice, other: [...onProject.slice(3), ...noContract, ...notBillable] };
}

export interface ExportOutcome {
	ok: boolean;
	/** The items of the last node (the export's summary). */
	summary: Array<Record<string, unknown>>;
	summaryNode?: string;
	error?: string;
}

/** Runs the export once with `n8n execute` (its Manual Trigger). */
export async function runExport(n8n: N8nInstance, workflow: DemoWorkflow): Promise<ExportOutcome> {
	const run = await n8n.executeWorkflowCli(workflow.id!);
	const resultData = run.result?.data?.resultData;
	const summaryNode = resultData?.lastNodeExecuted;
	const summary = summaryNode ? nodeOutput(run.result, summaryNode) : [];
	const error = resultData?.error?.message ?? (run.ok ? undefined : (run.stderr.trim().split('\n').pop() ?? `n8n execute exited ${run.exitCode}`));
	return { ok: run.ok, summary, summaryNode, error };
}

export interface InvoiceDraftOutcome {
	ok: boolean;
	/** The workflow's Summary item. */
	summary?: Record<string, unknown>;
	/** What the sevDesk node confirmed, per draft: id, number, url, created, positions, timeEntryIds. */
	invoices: Array<Record<string, unknown>>;
	error?: string;
}

/** Every item a node put out, over all its runs (the workflow loops once per client). */
function outputOfAllRuns(run: Awaited<ReturnType<N8nInstance['executeWorkflowCli']>>['result'], nodeName: string): Array<Record<string, unknown>> {
	const runs = run?.data?.resultData.runData[nodeName]?.length ?? 0;
	return Array.from({ length: runs }, (_, index) => nodeOutput(run, nodeName, 0, index)).flat();
}

/** Runs the invoice-draft workflow once with `n8n execute` (its Manual Trigger); billing tool sevDesk. */
export async function runInvoiceDraft(n8n: N8nInstance, workflow: DemoWorkflow): Promise<InvoiceDraftOutcome> {
	const run = await n8n.executeWorkflowCli(workflow.id!);
	const resultData = run.result?.data?.resultData;
	const [summary] = nodeOutput(run.result, 'Summary');
	const invoices = outputOfAllRuns(run.result, 'Confirmed Invoice');
	const error = resultData?.error?.message ?? (run.ok ? undefined : (run.stderr.trim().split('\n').pop() ?? `n8n execute exited ${run.exitCode}`));
	return { ok: run.ok && !!summary, summary, invoices, error: error ?? (summary ? undefined : 'the workflow ended without its Summary') };
}
