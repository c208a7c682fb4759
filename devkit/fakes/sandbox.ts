/**
 * Runs the fakes on 127.0.0.1 for manual testing against a local n8n (`npm run sandbox`).
 * Ports: SANDBOX_AWORK_PORT (default 4010), SANDBOX_ONEPSA_PORT (default 4020), SANDBOX_SEVDESK_PORT
 * (4030), SANDBOX_LEXOFFICE_PORT (4040), SANDBOX_HQ_PORT (4050). Stop with Ctrl-C.
 */
import { startFakeAwork } from './awork';
import { startFakeHq, HQ_TOKEN } from './hq';
import { DEFAULT_LEXOFFICE_KEY, startFakeLexoffice } from './lexoffice';
import { DEFAULT_TENANT, startFakeOnePsa } from './onepsa';
import { DEFAULT_SEVDESK_TOKEN, startFakeSevDesk } from './sevdesk';

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

	const sevDesk = await startFakeSevDesk({ port: Number(process.env.SANDBOX_SEVDESK_PORT ?? 4030), demo: true });
	closers.push(sevDesk.close);
	console.log('\nFake sevDesk (customers Acme GmbH, Globex Ltd, Ada Lovelace)');
	console.log(`  base URL (credential): ${sevDesk.baseUrl}`);
	console.log(`  API token:             ${DEFAULT_SEVDESK_TOKEN}`);

	const lexoffice = await startFakeLexoffice({ port: Number(process.env.SANDBOX_LEXOFFICE_PORT ?? 4040) });
	closers.push(lexoffice.close);
	lexoffice.fake.addContact({ companyName: 'Acme GmbH', customer: true });
	console.log('\nFake Lexoffice (customer Acme GmbH)');
	console.log(`  base URL (credential): ${lexoffice.baseUrl}`);
	console.log(`  API key:               ${DEFAULT_LEXOFFICE_KEY}`);

	const hq = await startFakeHq({ port: Number(process.env.SANDBOX_HQ_PORT ?? 4050) });
	closers.push(hq.close);
	hq.fake.seed({ companies: [{ id: 701, name: 'Acme GmbH' }] });
	console.log('\nFake HQ (company Acme GmbH, invoice template 1)');
	console.log(`  base URL (credential): ${hq.baseUrl}`);
	console.log(`  API token:             ${HQ_TOKEN}`);

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
