/**
 * The benchmark's memory sampler on a thread of its own. The fakes answer n8n from the bench's
 * main thread; a sample reads /proc for every process on the machine (to find n8n's process
 * group), which held their answers back by a few milliseconds ten times a second.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { MemorySampler, type MemoryPeak } from '../devkit/n8n/memory';

export interface RunningSampler {
	stop(): Promise<MemoryPeak>;
}

/** Starts sampling `pid` (and its process group) every 100 ms on a worker thread. */
export async function startSamplerThread(pid: number): Promise<RunningSampler> {
	const worker = new Worker(__filename, { workerData: { pid } });
	const nextMessage = () =>
		new Promise<unknown>((resolve, reject) => {
			worker.once('message', resolve);
			worker.once('error', reject);
		});
	await nextMessage(); // the first sample is taken
	return {
		async stop() {
			const peak = nextMessage();
			worker.postMessage('stop');
			const result = (await peak) as MemoryPeak;
			await worker.terminate();
			return result;
		},
	};
}

if (!isMainThread && parentPort) {
	const port = parentPort;
	const sampler = new MemorySampler((workerData as { pid: number }).pid, { highWaterMark: false }).start();
	port.postMessage('started');
	port.on('message', () => port.postMessage(sampler.stop()));
}
