/**
 * Every shipped workflow (workflows/*.json, listed when the test runs) in n8n's editor, in a real
 * Chromium (from npm, else the system's; see editor/browser.ts) through playwright-core, logged in as the owner:
 * - "Import from File..." in the editor takes the file as shipped: every node is drawn, none as
 *   an unknown "install this node" node, every package node with its own icon;
 * - `n8n import:workflow` takes it too (credentials bound, as after a user's setup); opened in
 *   the editor no node is unknown or shows a warning, every package node has its icon (the SVG
 *   from the package, loaded), and every package node's panel shows its parameters without an
 *   error text or a parameter warning.
 * Screenshots: .artifacts/n8n/editor-<workflow>.png (canvas), editor-<workflow>-import.png
 * (editor import) and editor/<workflow>/<node>.png (panels); timings in editor-timings.json.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { ARTIFACTS_DIR, PACKAGE_NAME, type WorkflowJson } from '../../devkit/n8n';
import { SHIPPED_WORKFLOWS_DIR, startWorkflowSandbox, type WorkflowSandbox } from '../../devkit/sandbox';
import {
	chromiumMissingReason,
	importThroughEditor,
	inspectPanel,
	launchChromium,
	loginAsOwner,
	readCanvas,
	readStickies,
	waitForCanvas,
	type CanvasNode,
} from './editor/browser';

const FILES = fs
	.readdirSync(SHIPPED_WORKFLOWS_DIR)
	.filter((file) => file.endsWith('.json'))
	.sort();
const PACKAGE_PREFIX = `${PACKAGE_NAME}.`;
const STICKY = 'n8n-nodes-base.stickyNote';
const nodesOf = (workflow: WorkflowJson) => workflow.nodes.filter((node) => node.type !== STICKY);
const stickiesOf = (workflow: WorkflowJson) => workflow.nodes.filter((node) => node.type === STICKY);
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await work();
	} finally {
		timings[label] = Date.now() - started;
	}
}

const shipped = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(SHIPPED_WORKFLOWS_DIR, file), 'utf8')) as WorkflowJson;
const base = (file: string) => file.replace(/\.json$/, '');
const safe = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

/** What must hold for every node drawn on the canvas. */
function expectKnownNodesWithIcons(drawn: CanvasNode[], workflow: WorkflowJson): void {
	expect(drawn.map((node) => node.name).sort()).toEqual(nodesOf(workflow).map((node) => node.name).sort());
	expect(drawn.filter((node) => node.notInstalled).map((node) => node.name)).toEqual([]);
	const packageNodes = drawn.filter((node) => node.type.startsWith(PACKAGE_PREFIX));
	for (const node of packageNodes) {
		expect({ node: node.name, placeholder: node.iconPlaceholder, loaded: node.iconLoaded }).toEqual({
			node: node.name,
			placeholder: false,
			loaded: true,
		});
		expect(node.iconSrc).toMatch(new RegExp(`^/icons/${PACKAGE_NAME}/dist/(nodes|credentials)/.+\\.svg$`));
	}
	// Built-in nodes draw their own icon too (no "?").
	expect(drawn.filter((node) => node.iconPlaceholder).map((node) => node.name)).toEqual([]);
}

/** Letters and digits only, lower case: markdown, bullets and typographic quotes do not count. */
const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Every sticky note is drawn, with its text rendered from the markdown. */
function expectStickies(texts: string[], workflow: WorkflowJson): void {
	const notes = stickiesOf(workflow);
	expect(texts).toHaveLength(notes.length);
	const drawn = texts.map(plain);
	for (const note of notes) {
		const start = plain(String(note.parameters.content ?? '').replace(/\]\([^)]*\)/g, ']')).slice(0, 24);
		expect({ note: note.name, drawn: drawn.some((text) => text.startsWith(start)) }).toEqual({ note: note.name, drawn: true });
	}
}

// Without a Chromium the check fails with what to install; N8N_E2E_SKIP_EDITOR=1 skips it on purpose.
const skipEditor = process.env.N8N_E2E_SKIP_EDITOR === '1';
const describeInBrowser = skipEditor ? describe.skip : describe;

describeInBrowser('shipped workflows in the n8n editor (Chromium)', () => {
	let sandbox: WorkflowSandbox;
	let browser: Browser;
	let context: BrowserContext;
	let pageErrors: string[] = [];

	async function newPage(): Promise<Page> {
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		return page;
	}

	beforeAll(async () => {
		const missing = chromiumMissingReason();
		if (missing) throw new Error(`editor check: ${missing}, or set N8N_E2E_SKIP_EDITOR=1`);
		sandbox = await timed('start fakes and n8n', () => startWorkflowSandbox({ label: 'editor', onePsa: { demo: true } }));
		browser = await timed('launch chromium', () => launchChromium());
		context = await timed('log in', async () => await loginAsOwner(browser, sandbox.n8n.baseUrl, await sandbox.n8n.setupOwner()));
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		await sandbox?.close();
		fs.writeFileSync(path.join(ARTIFACTS_DIR, 'editor-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
		console.log(`editor check timings (ms): ${JSON.stringify(timings)}`);
	});

	beforeEach(() => {
		pageErrors = [];
	});

	it('finds the shipped workflows', () => {
		expect(FILES.length).toBeGreaterThanOrEqual(2);
	});

	// A control: the same checks on a broken workflow must find what is broken.
	it('flags an unknown node, its missing icon, a missing parameter and the panel of an unknown node (control)', async () => {
		const broken: WorkflowJson = {
			name: 'editor check control',
			nodes: [
				{ id: 'c1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'c2', name: 'Ghost', type: `${PACKAGE_PREFIX}notANode`, typeVersion: 1, position: [220, 0], parameters: {} },
				{ id: 'c3', name: 'No Task ID', type: `${PACKAGE_PREFIX}awork`, typeVersion: 1, position: [440, 0], parameters: { resource: 'task', operation: 'get', taskId: '' } },
			],
			connections: { Start: { main: [[{ node: 'Ghost', type: 'main', index: 0 }]] }, Ghost: { main: [[{ node: 'No Task ID', type: 'main', index: 0 }]] } },
		};
		const id = await sandbox.n8n.importWorkflow(broken, { credentials: { aworkPsaApi: sandbox.credentials.aworkPsaApi } });
		const page = await newPage();
		try {
			await page.goto(`${sandbox.n8n.baseUrl}/workflow/${id}`);
			await waitForCanvas(page, 3, 0);
			const drawn = Object.fromEntries((await readCanvas(page)).map((node) => [node.name, node]));
			expect(drawn.Ghost).toMatchObject({ notInstalled: true, iconPlaceholder: true, iconLoaded: false });
			expect(drawn['No Task ID']).toMatchObject({ notInstalled: false, iconLoaded: true, issues: true });
			expect(drawn.Start).toMatchObject({ notInstalled: false, iconPlaceholder: false, issues: false });
			expect((await inspectPanel(page, 'Ghost')).errorTexts).toEqual(expect.arrayContaining(['Install this node', 'not currently installed']));
			const panel = await inspectPanel(page, 'No Task ID');
			expect(panel).toMatchObject({ title: 'No Task ID', errorTexts: [] });
			expect(panel.parameterIssues).toBeGreaterThan(0);
			expect(panel.parameters).toEqual(expect.arrayContaining(['resource', 'operation', 'taskId']));
		} finally {
			await page.close({ runBeforeUnload: false });
		}
	});

	describe.each(FILES)('%s', (file) => {
		const workflow = shipped(file);

		it('imports through the editor (Import from File) with every node known and drawn with its icon', async () => {
			const page = await newPage();
			try {
				await timed(`${file}: editor import`, async () => {
					await importThroughEditor(page, sandbox.n8n.baseUrl, path.join(SHIPPED_WORKFLOWS_DIR, file));
					await waitForCanvas(page, nodesOf(workflow).length, stickiesOf(workflow).length);
				});
				expectKnownNodesWithIcons(await readCanvas(page), workflow);
				expectStickies(await readStickies(page), workflow);
				await page.screenshot({ path: path.join(ARTIFACTS_DIR, `editor-${base(file)}-import.png`) });
				expect(pageErrors).toEqual([]);
			} finally {
				await page.close({ runBeforeUnload: false });
			}
		});

		it('opens after `n8n import:workflow`: no unknown node, no warning, package icons, every package panel with its parameters', async () => {
			// As a user has it after setup: the file with credentials chosen, imported by the CLI.
			const id = `ed${randomBytes(7).toString('hex')}`;
			const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-import-'));
			try {
				const prepared = { ...sandbox.prepare(file), id };
				fs.writeFileSync(path.join(folder, file), JSON.stringify(prepared));
				const cli = await timed(`${file}: n8n import:workflow`, () => sandbox.n8n.runCli(['import:workflow', `--input=${path.join(folder, file)}`]));
				expect(cli.exitCode).toBe(0);
			} finally {
				fs.rmSync(folder, { recursive: true, force: true });
			}

			const page = await newPage();
			try {
				await timed(`${file}: open`, async () => {
					await page.goto(`${sandbox.n8n.baseUrl}/workflow/${id}`);
					await waitForCanvas(page, nodesOf(workflow).length, stickiesOf(workflow).length);
				});
				const drawn = await readCanvas(page);
				expectKnownNodesWithIcons(drawn, workflow);
				expectStickies(await readStickies(page), workflow);
				expect(drawn.filter((node) => node.issues).map((node) => node.name)).toEqual([]);
				await page.screenshot({ path: path.join(ARTIFACTS_DIR, `editor-${base(file)}.png`) });

				const panelDir = path.join(ARTIFACTS_DIR, 'editor', base(file));
				fs.mkdirSync(panelDir, { recursive: true });
				const packageNodes = workflow.nodes.filter((node) => node.type.startsWith(PACKAGE_PREFIX));
				expect(packageNodes.length).toBeGreaterThan(0);
				for (const node of packageNodes) {
					const panel = await timed(`${file}: panel ${node.name}`, () => inspectPanel(page, node.name, path.join(panelDir, `${safe(node.name)}.png`)));
					const expectedInputs = ['resource', 'operation', 'events'].filter((name) => name in node.parameters);
					expect({ node: node.name, title: panel.title, errors: panel.errorTexts, issues: panel.parameterIssues }).toEqual({
						node: node.name,
						title: node.name,
						errors: [],
						issues: 0,
					});
					expect(panel.parameters).toEqual(expect.arrayContaining(expectedInputs));
					// At least one of the node's own parameters is drawn (not just the settings tab).
					expect(panel.parameters.some((name) => name in node.parameters)).toBe(true);
				}
				expect(pageErrors).toEqual([]);
			} finally {
				await page.close({ runBeforeUnload: false });
			}
		});
	});
});
