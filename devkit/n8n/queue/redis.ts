/**
 * A throwaway Redis for n8n's queue: `redis-server` from PATH on a free 127.0.0.1 port, in a
 * temporary folder, with nothing written to disk (`--save '' --appendonly no`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { waitFor } from '../http';
import { killGroup, trackProcessGroup } from '../leftovers';
import { freePort } from '../process';

/** How to get redis-server on Debian/Ubuntu (what the README and .ci/run use). */
export const REDIS_INSTALL_COMMAND = 'apt-get install -y redis-server';

export function redisServerMissingReason(): string | undefined {
	const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
	if (probe.status === 0) return undefined;
	return (
		'The queue-mode tests need redis-server on PATH (n8n queues executions in Redis), and it was not found. ' +
		`Install it: \`${REDIS_INSTALL_COMMAND}\` (as root; with sudo otherwise).`
	);
}

export interface RunningRedis {
	host: string;
	port: number;
	stop(): Promise<void>;
}

/** Answers true once Redis replies +PONG to a PING on the port. */
async function pong(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}

export async function startRedis(): Promise<RunningRedis> {
	const missing = redisServerMissingReason();
	if (missing) throw new Error(missing);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', logFile],
		{ stdio: 'ignore', detached: true },
	);
	child.on('error', () => undefined); // reported by the readiness wait below
	const untrack = trackProcessGroup(child.pid, dir);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		killGroup(child.pid);
		if (child.pid) await exited;
		untrack();
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			async () => {
				if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
				return (await pong(port)) ? true : undefined;
			},
			{ timeoutMs: 20_000, intervalMs: 100, describe: () => `redis-server on 127.0.0.1:${port}` },
		);
	} catch (error) {
		const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		await stop();
		throw new Error(`${(error as Error).message}\n${log}`);
	}
	return { host: '127.0.0.1', port, stop };
}
