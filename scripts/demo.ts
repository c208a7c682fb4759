/**
 * `npm run demo`: the whole integration on one machine. Starts the awork and The One PSA
 * sandboxes (or uses the real services the environment names), a real n8n with this package,
 * imports and publishes the shipped workflows, approves one sample quote, tracks some time,
 * runs the invoicing export once, makes one sevDesk draft (sandbox) from the time the export
 * leaves, prints what happened and keeps running until Ctrl-C.
 *
 * Environment: AWORK_BASE_URL + AWORK_API_KEY, ONEPSA_API_URL + ONEPSA_TENANT_ID +
 * ONEPSA_INTEGRATION_KEY (+ ONEPSA_API_KEY, ONEPSA_WEBHOOK_SECRET, DEMO_PSA_CONTRACT_ID) use real
 * services; DEMO_N8N_PORT; DEMO_RUN_EXPORT=1 runs the export against real services too;
 * DEMO_EXIT_AFTER_SETUP=1 exits after printing (n8n and the sandboxes stopped); DEMO_SUMMARY_FILE=<path>
 * also writes it as JSON. N8N_CACHE_DIR: where n8n is installed (see devkit/n8n/install.ts).
 */
import fs from 'node:fs';

import type { N8nInstance } from '../devkit/n8n';
import { readDemoConfig, type DemoConfig } from './demo/config';
import { chooseN8nPort, describeN8nCache, importShippedWorkflows, n8nCacheState, startDemoN8n, type DemoWorkflow } from './demo/n8n';
import { printReport, type DemoReport } from './demo/report';
import { DEMO_HQ_TEMPLATE_ID, startServices, type Services } from './demo/sandboxes';
import { APPROVAL_FILE, EXPORT_FILE, fireApproval, INVOICE_DRAFT_FILE, runExport, runInvoiceDraft, trackSampleTime } from './demo/story';

const closers: Array<() => Promise<void>> = [];
let stopping = false;

/** Stops n8n and the sandboxes, prints `done` (if given) and exits. */
async function shutDown(exitCode: number, done?: string): Promise<never> {
	if (!stopping) {
		stopping = true;
		console.log('\nStopping n8n and the sandboxes...');
		for (const close of closers.reverse()) await close().catch((error) => console.error(String(error)));
		if (done) console.log(done);
	}
	process.exit(exitCode);
}

function onSignal(signal: NodeJS.Signals): void {
	if (stopping) {
		console.log(`${signal} again: stopping now.`);
		process.exit(130); // the harness's exit hook kills n8n's process group
	}
	void shutDown(0);
}

const step = (text: string) => console.log(`- ${text}`);

async function runStory(n8n: N8nInstance, services: Services, workflows: DemoWorkflow[], config: DemoConfig): Promise<DemoReport['story']> {
	const story: DemoReport['story'] = { notes: [] };
	const approvalWorkflow = workflows.find((workflow) => workflow.file === APPROVAL_FILE);
	if (!approvalWorkflow) story.notes.push(`workflows/${APPROVAL_FILE} is missing: no approval sent.`);
	else if (!approvalWorkflow.published) story.notes.push(`${APPROVAL_FILE} is not published: no approval sent.`);
	else {
		step('sending one signed quote.approved to the approval workflow');
		story.approval = await fireApproval(n8n, services, approvalWorkflow);
	}

	if (services.awork.sandbox) {
		step('tracking sample time in the awork sandbox');
		story.time = trackSampleTime(services, story.approval?.projectId);
	} else story.notes.push('awork is real: no time entries were seeded.');

	const exportWorkflow = workflows.find((workflow) => workflow.file === EXPORT_FILE);
	const realService = !services.awork.sandbox || !services.onePsa.sandbox;
	if (!exportWorkflow) story.notes.push(`workflows/${EXPORT_FILE} is missing: no export run.`);
	else if (realService && !config.exportAgainstRealServices) {
		story.notes.push('A real service is used, so the export did not run (it bills real time entries). Run it in the editor, or set DEMO_RUN_EXPORT=1.');
	} else {
		step('running the invoicing export once (n8n execute)');
		story.export = await runExport(n8n, exportWorkflow);
	}

	// After the export only: what it leaves (time without a PSA contract) is what the draft bills.
	const draftWorkflow = workflows.find((workflow) => workflow.file === INVOICE_DRAFT_FILE);
	if (!services.billing) story.notes.push('awork is real, so no sevDesk draft was made (it would mark real time billed).');
	else if (!draftWorkflow) story.notes.push(`workflows/${INVOICE_DRAFT_FILE} is missing: no sevDesk draft.`);
	else if (!story.export?.ok) story.notes.push('The export did not run or failed, so no sevDesk draft was made (it would take the PSA client\'s time too).');
	else {
		step('making a sevDesk draft from the time the export left (invoice-draft workflow, n8n execute)');
		story.invoiceDraft = await runInvoiceDraft(n8n, draftWorkflow);
	}
	return story;
}

async function main(): Promise<void> {
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	// The e2e harness prefixes its lines with [$N8N_E2E_LOG_PREFIX] ([e2e] by default): here they are the demo's.
	process.env.N8N_E2E_LOG_PREFIX = 'demo';
	const started = Date.now();
	const cache = n8nCacheState();
	// A cold cache means a long first run: say so before anything else.
	if (!cache.complete) console.log(describeN8nCache(cache));
	const config = readDemoConfig();

	step(`starting ${config.realAwork ? 'nothing for awork (real)' : 'the awork sandbox'} and ${config.realOnePsa ? 'nothing for The One PSA (real)' : 'The One PSA sandbox'}`);
	const services = await startServices(config);
	closers.push(services.close);

	const port = await chooseN8nPort(config.n8nPort);
	step(`starting n8n on 127.0.0.1:${port} with this package (${cache.complete ? describeN8nCache(cache) : 'installing it first, see above'})`);
	const n8n = await startDemoN8n(port);
	closers.push(() => n8n.stop());
	const owner = await n8n.setupOwner();

	step('importing workflows/*.json, creating credentials, publishing the webhook-triggered ones');
	const settings: Record<string, Record<string, unknown>> = services.awork.templateId ? { [APPROVAL_FILE]: { projectTemplateId: services.awork.templateId } } : {};
	if (services.billing) settings[INVOICE_DRAFT_FILE] = { hqTemplateId: DEMO_HQ_TEMPLATE_ID };
	const workflows = await importShippedWorkflows(n8n, services, settings);
	const story = await runStory(n8n, services, workflows, config);

	const report: DemoReport = { n8n, owner, services, workflows, story, seconds: (Date.now() - started) / 1000 };
	const summary = await printReport(report, { keepsRunning: !config.exitAfterSetup });
	if (config.summaryFile) fs.writeFileSync(config.summaryFile, JSON.stringify(summary, null, 2));

	if (config.exitAfterSetup) {
		const seconds = ((Date.now() - started) / 1000).toFixed(0);
		const outcome = summary.storyWorked ? 'The demo finished' : 'The demo finished, but its story did not work (see "What happened")';
		await shutDown(summary.storyWorked ? 0 : 1, `${outcome} in ${seconds} s; n8n and the sandboxes are stopped (DEMO_EXIT_AFTER_SETUP=1).`);
	}
	console.log('\nRunning until Ctrl-C.');
}

main().catch(async (error) => {
	console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
	await shutDown(1);
});
