/**
 * What the demo says about n8n's cache (N8N_CACHE_DIR pointed at a temporary folder): while the
 * cache is not complete, how long the first run takes and where n8n goes; once `.complete` is
 * there, only where n8n is cached.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describeN8nCache, n8nCacheState } from '../../../../scripts/demo/n8n';

describe('the demo on a cold and a warm n8n cache', () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-cache-'));
	const before = process.env.N8N_CACHE_DIR;

	beforeAll(() => (process.env.N8N_CACHE_DIR = root));

	afterAll(() => {
		if (before === undefined) delete process.env.N8N_CACHE_DIR;
		else process.env.N8N_CACHE_DIR = before;
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('says how long the first run takes and where it installs n8n while the cache is not complete', () => {
		const cold = n8nCacheState();
		expect(path.dirname(cold.dir)).toBe(root);
		expect(cold.complete).toBe(false);
		// A folder an interrupted install left behind is still cold.
		fs.mkdirSync(cold.dir, { recursive: true });
		expect(n8nCacheState().complete).toBe(false);
		const line = describeN8nCache(n8nCacheState());
		expect(line).toMatch(/^First run: /);
		expect(line).toContain(`into ${cold.dir}`);
		expect(line).toContain('about 10-15 minutes on 2 cores');
		expect(line).toContain('~3 GB');
	});

	it('says only where n8n is cached once the install completed', () => {
		const { dir } = n8nCacheState();
		fs.writeFileSync(path.join(dir, '.complete'), '');
		const warm = n8nCacheState();
		expect(warm).toEqual({ dir, complete: true });
		expect(describeN8nCache(warm)).toBe(`n8n is cached at ${dir}`);
	});
});
