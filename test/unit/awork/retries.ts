/** For tests of what a retry does: a test bed with quick transport retries, and a write whose answer is lost. */
import { aworkTransportSettings } from '../../../nodes/Awork/transport';
import { AworkTestBed } from './harness';

/** A started test bed, reset before each test, whose awork transport retries after milliseconds (restored afterwards). */
export function quickRetryBed(): AworkTestBed {
	const bed = new AworkTestBed();
	const original = { ...aworkTransportSettings };
	beforeAll(async () => {
		await bed.start();
		aworkTransportSettings.retry = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
	});
	afterAll(async () => {
		Object.assign(aworkTransportSettings, original);
		await bed.stop();
	});
	beforeEach(() => bed.reset());
	return bed;
}

/** The write lands but its answer is lost: the fake breaks the connection after the handler ran once. Returns the restore function. */
export function loseNextAnswer(bed: AworkTestBed, method: string, route: string): () => void {
	let lost = false;
	return bed.wrapRoute(method, route, (handler) => async (req) => {
		const answer = await handler(req);
		if (!lost) {
			lost = true;
			bed.fake.server.faults.resetAfterCommitRate = 1;
			// Off again before the client's retry arrives.
			setTimeout(() => (bed.fake.server.faults.resetAfterCommitRate = 0), 0);
		}
		return answer;
	});
}
