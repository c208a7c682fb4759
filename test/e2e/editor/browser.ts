/// <reference lib="dom" />
/**
 * Chromium driven by playwright-core against an e2e n8n: log in as the owner, open or import a
 * workflow, and read what the canvas and a node's panel show. The browser comes from npm
 * (@sparticuz/chromium ships the binary inside its tarball, so `npm ci` is all it takes), else
 * from the system. The selectors are n8n 2.x editor test ids (data-test-id), the ones n8n's own
 * e2e tests use.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { REPO_ROOT } from '../../../devkit/n8n/install';

const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The package is ESM only; a child Node unpacks its binary (to the temp folder) and prints the path. */
function unpackNpmChromium(): { path?: string; error?: string } {
	const script = "import chromium from '@sparticuz/chromium'; console.log(await chromium.executablePath());";
	const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
	const unpacked = result.stdout?.trim().split('\n').pop();
	if (result.status === 0 && unpacked && fs.existsSync(unpacked)) return { path: unpacked };
	return { error: (result.stderr || result.error?.message || `exit ${result.status}`).trim().split('\n')[0] };
}

export interface ChromiumChoice {
	path?: string;
	/** Where it came from: CHROMIUM_PATH, npm or the system. */
	source?: string;
	/** One line: why there is no browser and what to install. */
	missing?: string;
}

let chosen: ChromiumChoice | undefined;

/** CHROMIUM_PATH if set, else the npm package's binary, else a system Chromium. */
export function chooseChromium(): ChromiumChoice {
	if (chosen) return chosen;
	const configured = process.env.CHROMIUM_PATH;
	if (configured) {
		chosen = fs.existsSync(configured) ? { path: configured, source: 'CHROMIUM_PATH' } : { missing: `CHROMIUM_PATH=${configured} does not exist` };
		return chosen;
	}
	const npmChromium = unpackNpmChromium();
	if (npmChromium.path) return (chosen = { path: npmChromium.path, source: 'npm @sparticuz/chromium' });
	const system = SYSTEM_CHROMIUM_PATHS.find((candidate) => fs.existsSync(candidate));
	if (system) return (chosen = { path: system, source: 'system' });
	chosen = {
		missing: `no Chromium for the editor check: @sparticuz/chromium did not unpack (${npmChromium.error}) and no system Chromium was found; on Debian or Ubuntu: apt-get install -y chromium, or set CHROMIUM_PATH`,
	};
	return chosen;
}

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Texts n8n shows when a node type is unknown or its panel cannot load (n8n 2.x i18n). */
export const PANEL_ERROR_TEXTS = [
	'Install this node',
	'not currently installed',
	'type is unknown',
	'There was a problem loading the parameters',
	'Error fetching options',
	'Could not load list',
];

export function chromiumMissingReason(): string | undefined {
	return chooseChromium().missing;
}

export async function launchChromium(): Promise<Browser> {
	const choice = chooseChromium();
	if (!choice.path) throw new Error(choice.missing);
	return await chromium.launch({ executablePath: choice.path, args: CHROMIUM_ARGS });
}

/** A browser context logged in as the n8n owner through the sign-in form. */
export async function loginAsOwner(browser: Browser, baseUrl: string, owner: { email: string; password: string }): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
	const page = await context.newPage();
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(owner.email);
	await page.locator('input[name="password"]').fill(owner.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
	await page.close();
	return context;
}

export interface CanvasNode {
	name: string;
	type: string;
	/** n8n's "not installed" badge (unknown node type). */
	notInstalled: boolean;
	/** The "?" n8n draws when it has no icon for the node. */
	iconPlaceholder: boolean;
	iconSrc: string | null;
	/** The icon image finished loading and has pixels. */
	iconLoaded: boolean;
	/** n8n's warning badge (missing credentials, parameter issues). */
	issues: boolean;
}

/**
 * Waits until the canvas shows `nodes` nodes and `stickies` sticky notes (n8n draws those
 * without the canvas-node test id) and the node icons finished loading.
 */
export async function waitForCanvas(page: Page, nodes: number, stickies: number): Promise<void> {
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await page.waitForFunction(
		([wantedNodes, wantedStickies]) =>
			document.querySelectorAll('[data-test-id="canvas-node"]').length >= wantedNodes &&
			document.querySelectorAll('[data-test-id="sticky"]').length >= wantedStickies,
		[nodes, stickies],
		{ timeout: 60_000 },
	);
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	await page.waitForFunction(
		() => Array.from(document.querySelectorAll<HTMLImageElement>('[data-test-id="canvas-node"] img')).every((img) => img.complete),
		undefined,
		{ timeout: 30_000 },
	);
}

/** The text of each sticky note on the canvas. */
export async function readStickies(page: Page): Promise<string[]> {
	return await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-test-id="sticky"]')).map((note) => note.innerText.trim()));
}

export async function readCanvas(page: Page): Promise<CanvasNode[]> {
	return await page.evaluate(() =>
		Array.from(document.querySelectorAll<HTMLElement>('[data-test-id="canvas-node"]')).map((element) => {
			const icon = element.querySelector<HTMLImageElement>('.n8n-node-icon img');
			return {
				name: element.dataset.nodeName ?? '',
				type: element.dataset.nodeType ?? '',
				notInstalled: element.querySelector('[data-test-id="node-not-installed"]') !== null,
				iconPlaceholder: element.querySelector('[class*="nodeIconPlaceholder"]') !== null,
				iconSrc: icon?.getAttribute('src') ?? null,
				iconLoaded: icon !== null && icon.complete && icon.naturalWidth > 0,
				issues: element.querySelector('[data-test-id="node-issues"]') !== null,
			};
		}),
	);
}

export interface PanelView {
	title: string;
	/** Names of the parameter inputs the panel shows (data-test-id parameter-input-<name>). */
	parameters: string[];
	parameterIssues: number;
	errorTexts: string[];
}

/** Opens a node's panel (double click), reads it, saves a screenshot, closes it again. */
export async function inspectPanel(page: Page, nodeName: string, screenshotPath?: string): Promise<PanelView> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName.replace(/"/g, '\\"')}"]`).dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ timeout: 30_000 });
	// The parameters, or one of n8n's texts for a panel that cannot show them.
	await page.waitForFunction(
		(errorTexts) => {
			const ndv = document.querySelector<HTMLElement>('[data-test-id="ndv"]');
			return !!ndv && (!!ndv.querySelector('[data-test-id="node-parameters"]') || errorTexts.some((text) => ndv.innerText.includes(text)));
		},
		PANEL_ERROR_TEXTS,
		{ timeout: 30_000 },
	);
	// Options and list searches a parameter needs to show its value load after the panel opens.
	await page
		.waitForFunction(() => !document.querySelector('[data-test-id="ndv"]')?.textContent?.includes('Loading options'), undefined, { timeout: 15_000 })
		.catch(() => undefined);
	if (screenshotPath) await page.screenshot({ path: screenshotPath });
	const view = await page.evaluate((errorTexts) => {
		const ndv = document.querySelector<HTMLElement>('[data-test-id="ndv"]')!;
		const parameters = Array.from(ndv.querySelectorAll<HTMLElement>('[data-test-id="node-parameters"] [data-test-id^="parameter-input-"]'))
			.map((element) => element.dataset.testId!.slice('parameter-input-'.length))
			.filter((name) => name !== 'field');
		const text = `${ndv.innerText}\n${Array.from(document.querySelectorAll<HTMLElement>('.el-notification')).map((toast) => toast.innerText).join('\n')}`;
		return {
			title: ndv.querySelector<HTMLElement>('[data-test-id="node-title-container"]')?.innerText.trim() ?? '',
			parameters: Array.from(new Set(parameters)),
			parameterIssues: ndv.querySelectorAll('[data-test-id="parameter-issues"]').length,
			errorTexts: errorTexts.filter((candidate) => text.includes(candidate)),
		};
	}, PANEL_ERROR_TEXTS);
	await page.keyboard.press('Escape');
	await panel.waitFor({ state: 'hidden', timeout: 15_000 });
	return view;
}

/** "Import from File..." of the workflow menu, on a new workflow: the way a user imports through the editor. */
export async function importThroughEditor(page: Page, baseUrl: string, file: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.locator('[data-test-id="canvas-wrapper"]').waitFor({ timeout: 60_000 });
	await page.locator('[data-test-id="workflow-import-input"]').setInputFiles(file);
}
