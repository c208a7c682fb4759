/** What the demo prints at the end, and the same facts as JSON (DEMO_SUMMARY_FILE). */
import path from 'node:path';

import { REPO_ROOT, type N8nInstance, type OwnerAccount } from '../../test/e2e/harness';
import type { DemoWorkflow } from './n8n';
import type { Services } from './sandboxes';
import type { ApprovalOutcome, ExportOutcome } from './story';

export interface DemoReport {
	n8n: N8nInstance;
	owner: OwnerAccount;
	services: Services;
	workflows: DemoWorkflow[];
	story: {
		approval?: ApprovalOutcome;
		time?: { exportable: string[]; other: string[] };
		export?: ExportOutcome;
		notes: string[];
	};
	seconds: number;
}

/** What the sandboxes hold after the story (undefined for a real service). */
function sandboxState(services: Services) {
	const aworkStore = services.awork.sandbox?.fake.store;
	const psa = services.onePsa.sandbox?.fake.state();
	return {
		awork: aworkStore && {
			projects: [...aworkStore.projects.values()].map((project) => ({ id: project.id, name: project.name, key: project.projectKey })),
			billedTimeEntryIds: [...aworkStore.timeEntries.values()].filter((entry) => entry.isBilled).map((entry) => entry.id as string),
			unbilledTimeEntryIds: [...aworkStore.timeEntries.values()].filter((entry) => !entry.isBilled).map((entry) => entry.id as string),
		},
		onePsa: psa && {
			timeEntries: psa.timeEntries.map(({ contractId, externalId, date, hours }) => ({ contractId, externalId, date, hours })),
		},
	};
}

function oneLine(value: unknown, max = 300): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > max ? `${text.slice(0, max)}...` : text;
}

export async function printReport(report: DemoReport) {
	const { n8n, owner, services, workflows, story } = report;
	const state = sandboxState(services);
	const approvalOk = !story.approval || story.approval.status === 200;
	const exportOk = !story.export || story.export.ok;
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
		},
		workflows: workflows.map(({ file, name, id, published, activation }) => ({ file, name, id, url: `${n8n.baseUrl}/workflow/${id}`, published, activation })),
		approval: story.approval,
		time: story.time,
		export: story.export,
		notes: story.notes,
		sandboxState: state,
		storyWorked: approvalOk && exportOk,
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
	if (services.onePsa.generatedSecret) out.push(`  Webhook secret (paste it into Hub -> Settings -> Webhooks): ${services.onePsa.webhookSecret}`);

	out.push('', `n8n ${n8n.installation.version} on 127.0.0.1, port ${n8n.port}`);
	out.push(`  Editor:  ${n8n.baseUrl}/`);
	out.push(`  Log in:  email ${owner.email}   password ${owner.password}`);
	out.push(`  Log:     ${path.relative(REPO_ROOT, n8n.logFile)}`);

	out.push('', 'Workflows');
	if (workflows.length === 0) out.push('  (workflows/ holds no workflow yet)');
	for (const workflow of workflows) out.push(`  ${workflow.name} [${workflow.file}]: ${workflow.activation}\n    ${n8n.baseUrl}/workflow/${workflow.id}`);

	out.push('', 'What happened');
	if (story.approval) {
		const { status, projectId, projectUrl, answer } = story.approval;
		out.push(status === 200
			? `  Approval of quote Q-DEMO-1001: answered 200, awork project ${projectId ?? '(no id in the answer)'}${projectUrl ? ` ${projectUrl}` : ''}`
			: `  Approval of quote Q-DEMO-1001 FAILED: answered ${status}: ${oneLine(answer)}`);
	}
	if (story.time) {
		out.push(`  Time tracked in the awork sandbox: ${story.time.exportable.length} billable entries on closed days of that project, ${story.time.other.length} others (not billable, today, or on a project without contract)`);
	}
	if (story.export) {
		out.push(story.export.ok ? `  Invoicing export: ran; summary (${story.export.summaryNode}):` : `  Invoicing export FAILED: ${story.export.error}`);
		for (const item of story.export.summary) out.push(`    ${oneLine(item)}`);
	}
	if (state.awork) {
		out.push(`  awork sandbox now: ${state.awork.projects.length} project(s) (${state.awork.projects.map((p) => `${p.name} [${p.key}]`).join(', ')}); ${state.awork.billedTimeEntryIds.length} time entries billed, ${state.awork.unbilledTimeEntryIds.length} not`);
	}
	if (state.onePsa) {
		const hours = state.onePsa.timeEntries.reduce((sum, entry) => sum + entry.hours, 0);
		out.push(`  The One PSA sandbox now: ${state.onePsa.timeEntries.length} time entries, ${hours} h`);
	}
	for (const note of story.notes) out.push(`  Note: ${note}`);

	out.push('', `Ready in ${report.seconds.toFixed(0)} s. Open ${n8n.baseUrl}/ and log in as ${owner.email} / ${owner.password}.`);
	console.log(out.join('\n'));
	return summary;
}
