/**
 * What `npm run demo` runs against, read from the environment: the sandboxes by default, real
 * awork and/or The One PSA when their variables are set (all of a service's variables, or none).
 */
export interface RealAwork {
	baseUrl: string;
	apiKey: string;
}

export interface RealOnePsa {
	apiUrl: string;
	tenantId: string;
	integrationKey: string;
	/** Hub API key, optional. */
	apiKey: string;
	/** The secret Hub signs its webhooks with; generated (and printed) when not given. */
	webhookSecret?: string;
}

export interface DemoConfig {
	realAwork?: RealAwork;
	realOnePsa?: RealOnePsa;
	/** n8n's port: DEMO_N8N_PORT, else 5678 when free, else any free port. */
	n8nPort?: number;
	/** DEMO_EXIT_AFTER_SETUP=1: print what happened, shut down and exit (0 when the story worked). */
	exitAfterSetup: boolean;
	/** Run the export even when a real service is used (it bills real time entries). */
	exportAgainstRealServices: boolean;
	/** DEMO_SUMMARY_FILE: where to write what happened as JSON (for tests and scripts). */
	summaryFile?: string;
	/** Contract the sample approval names when The One PSA is real (DEMO_PSA_CONTRACT_ID). */
	psaContractId?: string;
}

type Env = Record<string, string | undefined>;

/** Reads a service's variables: undefined when none is set, an error naming the missing ones when some are. */
function readGroup<K extends string>(env: Env, service: string, names: Record<K, string>): Record<K, string> | undefined {
	const values = Object.fromEntries(Object.entries(names).map(([key, name]) => [key, env[name as string]?.trim() ?? ''])) as Record<K, string>;
	const missing = Object.entries(names).filter(([key]) => !values[key as K]).map(([, name]) => name);
	if (missing.length === Object.keys(names).length) return undefined;
	if (missing.length > 0) {
		throw new Error(`To use a real ${service}, also set ${missing.join(' and ')} (or unset the others to use the sandbox).`);
	}
	return values;
}

export function readDemoConfig(env: Env = process.env): DemoConfig {
	const realAwork = readGroup(env, 'awork', { baseUrl: 'AWORK_BASE_URL', apiKey: 'AWORK_API_KEY' });
	const psa = readGroup(env, 'The One PSA', {
		apiUrl: 'ONEPSA_API_URL',
		tenantId: 'ONEPSA_TENANT_ID',
		integrationKey: 'ONEPSA_INTEGRATION_KEY',
	});
	const portText = env.DEMO_N8N_PORT?.trim();
	const n8nPort = portText ? Number(portText) : undefined;
	if (n8nPort !== undefined && !(Number.isInteger(n8nPort) && n8nPort > 0 && n8nPort < 65536)) {
		throw new Error(`DEMO_N8N_PORT must be a port number (1-65535), not "${portText}".`);
	}
	return {
		realAwork,
		realOnePsa: psa && {
			...psa,
			apiKey: env.ONEPSA_API_KEY?.trim() ?? '',
			webhookSecret: env.ONEPSA_WEBHOOK_SECRET?.trim() || undefined,
		},
		n8nPort,
		exitAfterSetup: env.DEMO_EXIT_AFTER_SETUP === '1',
		exportAgainstRealServices: env.DEMO_RUN_EXPORT === '1',
		summaryFile: env.DEMO_SUMMARY_FILE?.trim() || undefined,
		psaContractId: env.DEMO_PSA_CONTRACT_ID?.trim() || undefined,
	};
}
