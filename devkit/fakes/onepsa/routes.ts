/** The PSA endpoints of docs/onepsa-api.md, on the fake. */
import type { FakeRequest, FakeResponse } from '../shared/fakeServer';
import { psaError } from './answers';
import type { FakeOnePsa } from './fakeOnePsa';
import {
	checkLinks,
	checkTimeEntry,
	publicContract,
	TICKET_PRIORITIES,
	TICKET_STATUSES,
	type Ticket,
	type TimeEntry,
} from './store';

const MAX_PAGE_SIZE = 200;
const MAX_BATCH = 100;

function paged<T>(req: FakeRequest, records: T[]): FakeResponse {
	const page = Number(req.query.get('page') ?? 1);
	const pageSize = Number(req.query.get('pageSize') ?? 50);
	if (!Number.isInteger(page) || page < 1) return psaError(400, 'invalid_paging', 'page must be a whole number from 1', { field: 'page' });
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		return psaError(400, 'invalid_paging', `pageSize must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'pageSize' });
	}
	const start = (page - 1) * pageSize;
	return { status: 200, body: { data: records.slice(start, start + pageSize), page, pageSize, total: records.length } };
}

const contains = (value: unknown, search: string | null) =>
	!search || String(value ?? '').toLowerCase().includes(search.toLowerCase());

function entryOutcome(entry: TimeEntry) {
	return { externalId: entry.externalId, id: entry.id };
}

export function registerRoutes(fake: FakeOnePsa): void {
	const server = fake.server;
	const data = (req: FakeRequest) => fake.store.data(fake.tenantOf(req));
	const guarded = (permission: string, handler: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>) =>
		async (req: FakeRequest) => fake.requirePermission(req, permission) ?? (await handler(req));

	// Contracts
	server.route('GET', '/api/contracts', guarded('contracts:read', (req) => {
		const { companyId, status, search } = Object.fromEntries(req.query) as Record<string, string | undefined>;
		const found = data(req).contracts.filter(
			(c) =>
				(!companyId || c.companyId === companyId) &&
				(!status || c.status === status) &&
				(contains(c.number, search ?? null) || contains(c.name, search ?? null) || contains(c.companyName, search ?? null)),
		);
		return paged(req, found.map(publicContract));
	}));
	server.route('GET', '/api/contracts/:contractId', guarded('contracts:read', (req) => {
		const contract = data(req).contracts.find((c) => c.id === req.params.contractId);
		return contract
			? { status: 200, body: publicContract(contract) }
			: psaError(404, 'not_found', `Contract ${req.params.contractId} not found`);
	}));

	// Tickets
	server.route('GET', '/api/tickets', guarded('tickets:read', (req) => {
		const q = (name: string) => req.query.get(name);
		const updatedAfter = q('updatedAfter') ? Date.parse(q('updatedAfter')!) : undefined;
		if (updatedAfter !== undefined && Number.isNaN(updatedAfter)) {
			return psaError(400, 'validation_failed', 'updatedAfter must be an ISO date', { field: 'updatedAfter' });
		}
		const found = data(req).tickets.filter(
			(t) =>
				contains(t.subject, q('search')) &&
				(!q('number') || t.number.toLowerCase() === q('number')!.toLowerCase()) &&
				(!q('companyId') || t.companyId === q('companyId')) &&
				(updatedAfter === undefined || Date.parse(t.updatedAt) > updatedAfter),
		);
		return paged(req, found);
	}));
	server.route('GET', '/api/tickets/:ticketId', guarded('tickets:read', (req) => {
		const ticket = data(req).tickets.find((t) => t.id === req.params.ticketId);
		return ticket ? { status: 200, body: ticket } : psaError(404, 'not_found', `Ticket ${req.params.ticketId} not found`);
	}));
	server.route('POST', '/api/tickets/batch', guarded('tickets:read', (req) => {
		const ids = (req.body as { ids?: unknown })?.ids;
		if (!Array.isArray(ids)) return psaError(400, 'validation_failed', 'ids must be a list', { field: 'ids' });
		return { status: 200, body: { data: data(req).tickets.filter((t) => ids.includes(t.id)) } };
	}));
	server.route('POST', '/api/tickets', guarded('tickets:write', (req) =>
		fake.idempotent(req, () => createTicket(fake, req)),
	));
	server.route('PATCH', '/api/tickets/:ticketId', guarded('tickets:write', (req) =>
		fake.idempotent(req, () => updateTicket(fake, req)),
	));

	// Time entries
	server.route('POST', '/api/contracts/:contractId/time-entries', guarded('time_entries:write', (req) =>
		fake.idempotent(req, () => {
			const contract = data(req).contracts.find((c) => c.id === req.params.contractId);
			if (!contract) return psaError(404, 'not_found', `Contract ${req.params.contractId} not found`);
			if (contract.status !== 'active') return psaError(422, 'contract_not_active', `Contract ${contract.number} is ${contract.status}`);
			if (req.bodyIsInvalidJson) return psaError(400, 'invalid_json', 'Body is not JSON');
			const problem = checkTimeEntry(req.body, contract.acceptsNegativeHours);
			if (problem) return psaError(400, 'validation_failed', problem.error, { field: problem.field });
			const posted = req.body as Omit<TimeEntry, 'id' | 'contractId' | 'createdAt'>;
			const existing = byExternalId(data(req).timeEntries, posted.externalId);
			if (existing) {
				return psaError(409, 'duplicate_external_id', `externalId ${posted.externalId} exists`, { id: existing.id });
			}
			return { status: 201, body: addEntry(fake, req, contract.id, posted) };
		}),
	));
	server.route('POST', '/api/contracts/:contractId/time-entries/batch', guarded('time_entries:write', (req) =>
		fake.idempotent(req, () => {
			const contract = data(req).contracts.find((c) => c.id === req.params.contractId);
			if (!contract) return psaError(404, 'not_found', `Contract ${req.params.contractId} not found`);
			if (!contract.supportsBatch) return psaError(404, 'not_found', 'Batch import is not available for this contract');
			if (contract.status !== 'active') return psaError(422, 'contract_not_active', `Contract ${contract.number} is ${contract.status}`);
			const entries = (req.body as { entries?: unknown })?.entries;
			if (!Array.isArray(entries) || entries.length === 0) {
				return psaError(400, 'validation_failed', 'entries must be a non-empty list', { field: 'entries' });
			}
			if (entries.length > MAX_BATCH) {
				return psaError(400, 'batch_too_large', `At most ${MAX_BATCH} entries per batch`, { field: 'entries', max: MAX_BATCH });
			}
			if (contract.batchAllOrNothing) {
				for (const entry of entries) {
					const problem = checkTimeEntry(entry, contract.acceptsNegativeHours);
					if (problem) return psaError(422, 'validation_failed', `${problem.error}; nothing was booked`, { field: problem.field });
					const existing = byExternalId(data(req).timeEntries, (entry as { externalId?: string })?.externalId ?? null);
					if (existing) return psaError(409, 'duplicate_external_id', `externalId ${existing.externalId} exists; nothing was booked`, { id: existing.id });
				}
			}
			const created: unknown[] = [];
			const duplicates: unknown[] = [];
			const failed: unknown[] = [];
			for (const entry of entries) {
				const problem = checkTimeEntry(entry, contract.acceptsNegativeHours);
				const externalId = (entry as { externalId?: string })?.externalId ?? null;
				if (problem) {
					failed.push({ externalId, error: `${problem.error} (field "${problem.field}")` });
					continue;
				}
				const existing = byExternalId(data(req).timeEntries, externalId);
				if (existing) duplicates.push(entryOutcome(existing));
				else created.push(entryOutcome(addEntry(fake, req, contract.id, entry as TimeEntry)));
			}
			return { status: 207, body: { created, duplicates, failed } };
		}),
	));
	server.route('GET', '/api/time-entries', guarded('time_entries:read', (req) => {
		const q = (name: string) => req.query.get(name);
		const found = data(req).timeEntries.filter(
			(e) =>
				fake.ignoreTimeEntryFilters ||
				(!q('contractId') || e.contractId === q('contractId')) &&
				(!q('externalId') || e.externalId === q('externalId')) &&
				(!q('from') || e.date >= q('from')!) &&
				(!q('to') || e.date <= q('to')!),
		);
		return paged(req, found);
	}));

	// Companies
	server.route('GET', '/api/companies', guarded('companies:read', (req) =>
		paged(req, data(req).companies.filter((c) => contains(c.name, req.query.get('search')))),
	));
}

/** externalId -> entry, kept up to date as entries are appended (a linear find made big benchmarks quadratic). */
const externalIdIndex = new WeakMap<TimeEntry[], { indexed: number; byId: Map<string, TimeEntry> }>();

function byExternalId(entries: TimeEntry[], externalId: unknown): TimeEntry | undefined {
	let index = externalIdIndex.get(entries);
	// Entries are only appended; anything else (a reset, a seed that replaced them) rebuilds the index.
	if (!index || index.indexed > entries.length || (index.indexed > 0 && entries[index.indexed - 1] === undefined)) {
		index = { indexed: 0, byId: new Map() };
		externalIdIndex.set(entries, index);
	}
	for (; index.indexed < entries.length; index.indexed++) {
		const entry = entries[index.indexed];
		if (!index.byId.has(entry.externalId)) index.byId.set(entry.externalId, entry);
	}
	return typeof externalId === 'string' ? index.byId.get(externalId) : undefined;
}

function addEntry(fake: FakeOnePsa, req: FakeRequest, contractId: string, posted: Partial<TimeEntry>): TimeEntry {
	const entry: TimeEntry = {
		...(posted as TimeEntry),
		id: fake.store.nextId('te'),
		contractId,
		description: posted.description ?? '',
		billable: posted.billable ?? true,
		createdAt: new Date().toISOString(),
	};
	fake.store.data(fake.tenantOf(req)).timeEntries.push(entry);
	return entry;
}

const TICKET_CREATE_FIELDS = ['subject', 'description', 'priority', 'companyId', 'contractId', 'links'];
const TICKET_UPDATE_FIELDS = ['subject', 'status', 'priority', 'links'];

function checkTicketFields(fake: FakeOnePsa, req: FakeRequest, body: Record<string, unknown>, allowed: string[]) {
	const unknown = Object.keys(body).find((key) => !allowed.includes(key));
	if (unknown) return psaError(400, 'validation_failed', `Unknown field "${unknown}"`, { field: unknown });
	if (body.subject !== undefined && (typeof body.subject !== 'string' || !body.subject.trim())) {
		return psaError(400, 'validation_failed', 'subject must not be empty', { field: 'subject' });
	}
	if (body.priority !== undefined && !TICKET_PRIORITIES.includes(body.priority as string)) {
		return psaError(400, 'validation_failed', `priority must be one of ${TICKET_PRIORITIES.join(', ')}`, { field: 'priority' });
	}
	if (body.status !== undefined && !TICKET_STATUSES.includes(body.status as string)) {
		return psaError(400, 'validation_failed', `status must be one of ${TICKET_STATUSES.join(', ')}`, { field: 'status' });
	}
	const tenant = fake.store.data(fake.tenantOf(req));
	if (body.companyId !== undefined && !tenant.companies.some((c) => c.id === body.companyId)) {
		return psaError(400, 'validation_failed', `Company ${String(body.companyId)} not found`, { field: 'companyId' });
	}
	if (body.contractId !== undefined && !tenant.contracts.some((c) => c.id === body.contractId)) {
		return psaError(400, 'validation_failed', `Contract ${String(body.contractId)} not found`, { field: 'contractId' });
	}
	if (body.links !== undefined) {
		const problem = checkLinks(body.links);
		if (problem) return psaError(400, 'validation_failed', problem.error, { field: problem.field });
	}
	return undefined;
}

function createTicket(fake: FakeOnePsa, req: FakeRequest): FakeResponse {
	if (req.bodyIsInvalidJson || !req.body || typeof req.body !== 'object') return psaError(400, 'invalid_json', 'Body must be a JSON object');
	const body = req.body as Record<string, unknown>;
	if (body.subject === undefined) return psaError(400, 'validation_failed', 'subject is required', { field: 'subject' });
	const problem = checkTicketFields(fake, req, body, TICKET_CREATE_FIELDS);
	if (problem) return problem;
	const tenant = fake.store.data(fake.tenantOf(req));
	const contract = tenant.contracts.find((c) => c.id === body.contractId);
	const now = new Date().toISOString();
	const ticket: Ticket = {
		id: fake.store.nextId('tkt'),
		number: fake.store.nextTicketNumber(),
		subject: String(body.subject).trim(),
		description: (body.description as string) ?? '',
		priority: (body.priority as string) ?? 'medium',
		status: 'open',
		companyId: (body.companyId as string) ?? contract?.companyId ?? null,
		contractId: (body.contractId as string) ?? null,
		links: (body.links as Ticket['links']) ?? [],
		createdAt: now,
		updatedAt: now,
	};
	tenant.tickets.push(ticket);
	return { status: 201, body: ticket };
}

function updateTicket(fake: FakeOnePsa, req: FakeRequest): FakeResponse {
	const ticket = fake.store.data(fake.tenantOf(req)).tickets.find((t) => t.id === req.params.ticketId);
	if (!ticket) return psaError(404, 'not_found', `Ticket ${req.params.ticketId} not found`);
	if (req.bodyIsInvalidJson || !req.body || typeof req.body !== 'object') return psaError(400, 'invalid_json', 'Body must be a JSON object');
	const body = req.body as Record<string, unknown>;
	const problem = checkTicketFields(fake, req, body, TICKET_UPDATE_FIELDS);
	if (problem) return problem;
	Object.assign(ticket, body, { updatedAt: new Date().toISOString() });
	return { status: 200, body: ticket };
}
