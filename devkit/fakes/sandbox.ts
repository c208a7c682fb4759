/**
 * Runs the fakes on 127.0.0.1 for manual testing against a local n8n (`npm run sandbox`).
 * Ports: SANDBOX_AWORK_PORT (default 4010), SANDBOX_ONEPSA_PORT (default 4020). Stop with Ctrl-C.
 */
import { startFakeAwork } from './awork';
import { DEFAULT_TENANT, startFakeOnePsa } from './onepsa';

async function main(): Promise<void> {
	const closers: (() => Promise<void>)[] = [];

	const awork = await startFakeAwork({ port: Number(process.env.SANDBOX_AWORK_PORT ?? 4010) });
	closers.push(awork.close);
	console.log('Fake awork');
	console.log(`  base URL (credential): ${awork.baseUrl}`);
	console.log(`  API key:               ${awork.fake.apiKey}`);
	console.log(`  control API:           ${awork.controlUrl}  (GET /state, POST /seed, PUT /config, ...)`);

	const onePsa = await startFakeOnePsa({ port: Number(process.env.SANDBOX_ONEPSA_PORT ?? 4020), demo: true });
	closers.push(onePsa.close);
	console.log('\nFake The One PSA');
	console.log(`  base URL (credential): ${onePsa.baseUrl}`);
	console.log(`  tenant / key:          ${DEFAULT_TENANT.tenantId} / ${DEFAULT_TENANT.integrationKey}`);
	console.log(`  control API:           ${onePsa.controlUrl}`);

	console.log('\nRunning until Ctrl-C.');
	const stop = async () => {
		await Promise.all(closers.map((close) => close()));
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
