import axios, { type AxiosInstance } from 'axios';
import { startFakeAwork, type RunningFakeAwork, type StartFakeAworkOptions } from '../../../../../devkit/fakes/awork';

export interface Harness {
	awork: RunningFakeAwork;
	/** axios on the API base URL with the API key; never throws on HTTP status. */
	api: AxiosInstance;
	/** axios on the control API. */
	control: AxiosInstance;
}

/** Starts one fake per test file (rate limits off unless asked), resets data and config before each test. */
export function useFakeAwork(options: StartFakeAworkOptions = {}): Harness {
	const harness = {} as Harness;
	beforeAll(async () => {
		harness.awork = await startFakeAwork({ config: { rateLimit: { enabled: false } }, ...options });
		harness.api = axios.create({
			baseURL: harness.awork.baseUrl,
			headers: { Authorization: `Bearer ${harness.awork.fake.apiKey}` },
			validateStatus: () => true,
		});
		harness.control = axios.create({ baseURL: harness.awork.controlUrl, validateStatus: () => true });
	});
	beforeEach(() => harness.awork.fake.reset({ config: true }));
	afterAll(async () => harness.awork.close());
	return harness;
}
