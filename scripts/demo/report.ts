/** What the demo prints at the end, and the same facts as JSON (DEMO_SUMMARY_FILE). */
import type { N8nInstance, OwnerAccount } from '../../devkit/n8n';
import type { DemoWorkflow } from './n8n';
import { SAMPLE, type Services } from './sandboxes';
import type { ApprovalOutcome, ExportOutcome, InvoiceDraftOutcome, SampleTime } from './story';

export interface DemoReport {
	n8n: N8nInstance;
	owner: OwnerAccount;
	services: Services;
	workflows: DemoWorkflow[];
	story: {
		approval?: ApprovalOutcome;
		time?: SampleTime;
		export?: ExportOutcome;
		invoiceDraft?: InvoiceDraftOutcome;
		notes: string[];
	};
	seconds: number;
}

/** What the sandboxes hold after the story (undefined for a real service). */
function sandboxState(services: Services) {
	const store = services.awork.sandbox?.fake.store;
	const psa = services.onePsa.sandbox?.fake.state();
	const fieldName = (id: unknown) => String(store?.customFieldDefinitions.get(String(id))?.name ?? id);
	return {
		awork: store && {
			projects: [...store.projects.values()].map((project) => ({
				id: String(project.id),
				name: String(project.name),
				key: String(project.projectKey),
				taskLists: [...store.taskLists.values()].filter((list) => list.projectId === project.id).map((list) => String(list.name)),
				tasks: [...store.tasks.values()].filter((task) => task.projectId === project.id).length,
				customFields: Object.fromEntries(
					((project.customFields ?? []) as Array<Record<string, unknown>>).map((field) => [fieldName(field.customFieldDefinitionId), field.textValue]),
				),
			})),
			billedTimeEntryIds: [...store.timeEntries.values()].filter((entry) => entry.isBilled).map((entry) => String(entry.id)),
			unbilledTimeEntryIds: [...store.timeEntries.values()].filter((entry) => !entry.isBilled).map((entry) => String(entry.id)),
		},
		onePsa: psa && {
			timeEntries: psa.timeEntries.map(({ contractId, externalId, date, hours }) => ({ contractId, externalId, date, hours })),
		},
	};
}

interface ExportSummary {
	closedBefore?: string;
	timezone?: string;
	entriesFound?: number;
	exported?: number;
	alreadyInPsa?: number;
	markedBilled?: number;
	withoutContract?: number;
	failed?: number;
	changedAfterBooking?: number;
	projects?: Array<{ project?: string; contractId?: string | null; entries?: number; hours?: number; exported?: number; billed?: number; failed?: number }>;
	failures?: Array<{ project?: string; reason?: string }>;
}

/** The export's summary item in a few lines (per project), or as JSON if it has another shape. */
export function describeExport(items: Array<Record<string, unknown>>): string[] {
	const summary = items[0] as ExportSummary | undefined;
	if (!summary || typeof summary.exported !== 'number' || !Array.isArray(summary.projects)) return items.map((item) => `    ${oneLine(item)}`);
	const lines = [
		`    closed days before ${summary.closedBefore} (${summary.timezone}): ${summary.entriesFound} billable unbilled entries found, ${summary.exported} exported, ${summary.alreadyInPsa} already in the PSA, ${summary.markedBilled} marked billed in awork, ${summary.withoutContract} without contract, ${summary.failed} failed (${summary.changedAfterBooking ?? 0} of them changed after booking)`,
	];
	for (const project of summary.projects) {
		lines.push(project.contractId
			? `    ${project.project}: contract ${project.contractId}, ${entries(project.entries)}, ${project.hours} h -> ${project.exported} exported, ${project.billed} billed`
			: `    ${project.project}: NO contract, ${entries(project.entries)}, ${project.hours} h -> reported, left unbilled`);
	}
	for (const failure of summary.failures ?? []) lines.push(`    reported: ${failure.reason}`);
	return lines;
}

const entries = (n: number | undefined) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

interface DraftSummary {
	billingTool?: string;
	closedBefore?: string;
	clients?: Array<{
		client?: string;
		contactId?: string;
		contactFrom?: string;
		entries?: number;
		markedBilled?: number;
		invoices?: Array<{ id?: string; number?: string | null; url?: string | null; created?: boolean; timeEntries?: number }>;
	}>;
	markedBilled?: number;
	notBilled?: string[];
	entriesWithoutClient?: number;
}

interface ConfirmedPosition {
	name?: string;
	quantity?: number;
	unit?: string;
	price?: number;
	timeEntryIds?: string[];
}

/**
 * The invoice-draft workflow's Summary item in a few lines: the totals, per client its contact
 * and drafts (number, ID, link, each position with the entries it bills), every reason a client
 * was not billed. `invoices` are the drafts the tool node confirmed (with their positions).
 */
export function describeInvoiceDraft(summaryItem: Record<string, unknown> | undefined, invoices: Array<Record<string, unknown>>): string[] {
	const summary = summaryItem as DraftSummary | undefined;
	if (!summary || !Array.isArray(summary.clients) || typeof summary.markedBilled !== 'number') return summaryItem ? [`    ${oneLine(summaryItem)}`] : [];
	const drafts = summary.clients.reduce((sum, client) => sum + (client.invoices?.length ?? 0), 0);
	const lines = [
		`    closed days before ${summary.closedBefore}: ${summary.clients.length} ${summary.clients.length === 1 ? 'client' : 'clients'}, ${drafts} ${drafts === 1 ? 'draft' : 'drafts'} in ${summary.billingTool}, ${entries(summary.markedBilled)} marked billed in awork, ${entries(summary.entriesWithoutClient ?? 0)} without client left unbilled`,
	];
	for (const client of summary.clients) {
		lines.push(`    ${client.client}: ${summary.billingTool} contact ${client.contactId} (found by ${client.contactFrom}), ${entries(client.entries)} -> ${client.markedBilled} billed`);
		for (const invoice of client.invoices ?? []) {
			lines.push(`      draft ${invoice.number ?? '(no number)'} (ID ${invoice.id}), ${invoice.created ? 'new' : 'found again (not written twice)'}, ${entries(invoice.timeEntries)}: ${invoice.url ?? '(no link)'}`);
			const confirmed = invoices.find((candidate) => String(candidate.id) === String(invoice.id));
			for (const position of (confirmed?.positions ?? []) as ConfirmedPosition[]) {
				lines.push(`        ${position.name}: ${position.quantity} ${position.unit} x ${position.price} (${entries(position.timeEntryIds?.length)})`);
			}
		}
	}
	for (const reason of summary.notBilled ?? []) lines.push(`    not billed: ${reason}`);
	return lines;
}

function oneLine(value: unknown, max = 300): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > max ? `${text.slice(0, max)}...` : text;
}

/**
 * Commands to try while the demo runs (sandbox only; test/unit/scripts/demo/tryNext.test.ts runs them
 * against the sandboxes). The awork sandbox sends webhooks by itself for most changes, but not for
 * tags (POST /tasks/{id}/addtags), so tagging a task takes one delivery of task_updated by hand:
 * exactly one, or the escalation would run once per delivery.
 */
export function tryNext({ n8n, services, workflows, story }: Pick<DemoReport, 'n8n' | 'services' | 'workflows' | 'story'>): string[] {
	const awork = services.awork.sandbox;
	const projectId = story.approval?.projectId;
	const task = projectId && [...(awork?.fake.store.tasks.values() ?? [])].find((candidate) => candidate.projectId === projectId);
	if (!awork || !services.onePsa.sandbox || !task) return [];
	const lines = ['', 'Try next'];
	if (workflows.some((workflow) => workflow.file === 'escalate-task-to-ticket.json' && workflow.published)) {
		lines.push(
			`  Escalate the task "${String(task.name)}" to a PSA ticket: tag it, then send awork's task_updated webhook once (the sandbox sends none for tags)`,
			`    curl -X POST -H 'Authorization: Bearer ${services.awork.apiKey}' -H 'Content-Type: application/json' -d '[{"name":"Escalate to PSA"}]' ${services.awork.baseUrl}/tasks/${String(task.id)}/addtags`,
			`    curl -X POST -H 'Content-Type: application/json' -d '{"eventType":"task_updated","entityId":"${String(task.id)}"}' ${awork.controlUrl}/webhooks/deliver`,
			`    the ticket: curl ${services.onePsa.sandbox.controlUrl}/state`,
		);
	}
	const context = workflows.find((workflow) => workflow.file === 'psa-project-context.json' && workflow.published);
	const contextWebhook = context?.json?.nodes.find((node) => node.type === 'n8n-nodes-awork-psa.onePsaIntegrationTrigger' || node.type === 'n8n-nodes-base.webhook')?.webhookId;
	if (contextWebhook) {
		lines.push(
			'  The PSA\'s project context panel for the approved quote:',
			`    curl -H 'X-Integration-Key: ${services.onePsa.integrationKey}' ${n8n.webhookUrl(`${contextWebhook}/api/integration/project-context/q-demo-1001`)}`,
		);
	}
	lines.push('  Run "Invoicing export" again in the editor: nothing new is exported. Every run is listed under Executions.');
	const drafts = workflows.find((workflow) => workflow.file === 'invoice-draft-from-awork-time.json');
	if (drafts && services.billing) {
		lines.push(
			`  Run "${drafts.name}" again: nothing new is billed, the draft is not made twice. The sevDesk sandbox's invoices and positions:`,
			`    curl ${services.billing.sevDesk.controlUrl}/state`,
		);
	}
	return lines;
}

export interface PrintOptions {
	/** False with DEMO_EXIT_AFTER_SETUP=1: n8n stops after the report, so no login, links or commands to try. */
	keepsRunning: boolean;
}

export async function printReport(report: DemoReport, { keepsRunning }: PrintOptions = { keepsRunning: true }) {
	const { n8n, owner, services, workflows, story } = report;
	const state = sandboxState(services);
	const approvalOk = !story.approval || story.approval.status === 200;
	const exportOk = !story.export || story.export.ok;
	const draftSummary = story.invoiceDraft?.summary as DraftSummary | undefined;
	const draftOk = !story.invoiceDraft || (story.invoiceDraft.ok && (draftSummary?.notBilled ?? []).length === 0);
	const summary = {
		n8n: { baseUrl: n8n.baseUrl, port: n8n.port, editorUrl: `${n8n.baseUrl}/`, owner, logFile: n8n.logFile },
		services: {
			awork: { mode: services.awork.sandbox ? 'sandbox' : 'real', baseUrl: services.awork.baseUrl, controlUrl: services.awork.sandbox?.controlUrl },
			onePsa: {
				mode: services.onePsa.sandbox ? 'sandbox' : 'real',
				apiUrl: services.onePsa.apiUrl,
				controlUrl: services.onePsa.sandbox?.controlUrl,
				webhookSecret: services.onePsa.webhookSecret,
			},
			sevDesk: services.billing && { mode: 'sandbox', baseUrl: services.billing.sevDesk.baseUrl, controlUrl: services.billing.sevDesk.controlUrl },
		},
		workflows: workflows.map(({ file, name, id, published, activation }) => ({ file, name, id, url: `${n8n.baseUrl}/workflow/${id}`, published, activation })),
		approval: story.approval,
		time: story.time,
		export: story.export,
		invoiceDraft: story.invoiceDraft,
		notes: story.notes,
		sandboxState: state,
		storyWorked: approvalOk && exportOk && draftOk,
		seconds: report.seconds,
	};

	const out: string[] = ['', '=== n8n-nodes-awork-psa demo ==='];
	out.push('', 'Services');
	out.push(services.awork.sandbox
		? `  awork:        sandbox ${services.awork.baseUrl}  (API key ${services.awork.apiKey}; control ${services.awork.sandbox.controlUrl})`
		: `  awork:        REAL ${services.awork.baseUrl} (the sandbox is not started and nothing was seeded there)`);
	out.push(services.onePsa.sandbox
		? `  The One PSA:  sandbox ${services.onePsa.apiUrl}  (tenant ${services.onePsa.tenantId}; control ${services.onePsa.sandbox.controlUrl})`
		: `  The One PSA:  REAL ${services.onePsa.apiUrl} (the sandbox is not started and nothing was seeded there)`);
	if (services.billing) {
		const { sevDesk, lexoffice, hq } = services.billing;
		out.push(`  sevDesk:      sandbox ${sevDesk.baseUrl}  (token ${sevDesk.token}; control ${sevDesk.controlUrl})`);
		out.push(`  Lexoffice:    sandbox ${lexoffice.baseUrl};  HQ: sandbox ${hq.baseUrl}  (for "Invoice drafts": set billingTool in its Settings)`);
	}
	if (services.onePsa.generatedSecret) out.push(`  Webhook secret (paste it into Hub -> Settings -> Webhooks): ${services.onePsa.webhookSecret}`);

	out.push('', `n8n ${n8n.installation.version} on 127.0.0.1, port ${n8n.port}${keepsRunning ? '' : ' (stopped when the demo exits)'}`);
	if (keepsRunning) {
		out.push(`  Editor:  ${n8n.baseUrl}/`);
		out.push(`  Log in:  email ${owner.email}   password ${owner.password}`);
	}
	out.push(`  Log:     ${n8n.logFile}`);

	out.push('', 'Workflows');
	if (workflows.length === 0) out.push('  (workflows/ holds no workflow yet)');
	for (const workflow of workflows) {
		out.push(`  ${workflow.name} [${workflow.file}]: ${workflow.activation}${keepsRunning ? `\n    ${n8n.baseUrl}/workflow/${workflow.id}` : ''}`);
	}

	out.push('', 'What happened');
	if (story.approval) {
		const { status, projectId, projectUrl, answer } = story.approval;
		const project = state.awork?.projects.find((candidate) => candidate.id === projectId);
		if (status !== 200) out.push(`  Approval of quote Q-DEMO-1001 FAILED: answered ${status}: ${oneLine(answer)}`);
		else {
			out.push(`  Approval of quote Q-DEMO-1001 (signed quote.approved webhook): answered 200, awork project id ${projectId ?? '(none in the answer)'}`);
			if (project) {
				out.push(`    "${project.name}", key ${project.key}, task lists ${project.taskLists.join(', ') || '(none)'} with ${project.tasks} tasks${services.awork.templateId ? ' (from the template)' : ''}`);
				for (const [name, value] of Object.entries(project.customFields)) out.push(`    custom field ${name}: ${value}`);
			}
			if (projectUrl) out.push(`    link: ${projectUrl}`);
		}
	}
	if (story.time) {
		out.push(`  Time tracked in the awork sandbox: ${story.time.exportable.length} billable entries on closed days of the new project (one backdated 3 weeks); ${story.time.toInvoice.length} of ${SAMPLE.billingClientName}, whose PSA contract expired (for sevDesk); to bill by neither: ${story.time.other.length} (not billable, today, no client)`);
	}
	if (story.export) {
		out.push(story.export.ok ? '  Invoicing export (n8n execute, once):' : `  Invoicing export FAILED: ${story.export.error}`);
		out.push(...describeExport(story.export.summary));
	}
	if (story.invoiceDraft) {
		out.push(story.invoiceDraft.ok ? '  sevDesk draft from the time the export left (invoice-draft workflow, n8n execute, once):' : `  sevDesk draft FAILED: ${story.invoiceDraft.error}`);
		out.push(...describeInvoiceDraft(story.invoiceDraft.summary, story.invoiceDraft.invoices));
	}
	if (state.awork) {
		out.push(`  awork sandbox now: ${state.awork.projects.length} projects; ${state.awork.billedTimeEntryIds.length} time entries billed, ${state.awork.unbilledTimeEntryIds.length} not`);
	}
	if (state.onePsa) {
		const hours = state.onePsa.timeEntries.reduce((sum, entry) => sum + entry.hours, 0);
		out.push(`  The One PSA sandbox now: ${state.onePsa.timeEntries.length} time entries, ${hours} h`);
	}
	for (const note of story.notes) out.push(`  Note: ${note}`);
	if (keepsRunning) {
		out.push(...tryNext(report));
		out.push('', `Ready in ${report.seconds.toFixed(0)} s. Open ${n8n.baseUrl}/ and log in as ${owner.email} / ${owner.password}.`);
	}
	console.log(out.join('\n'));
	return summary;
}
