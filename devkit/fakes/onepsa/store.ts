/** The fake PSA's data, per tenant, with the validation rules of docs/onepsa-api.md. */

export interface Company {
	id: string;
	name: string;
}

export interface Contract {
	id: string;
	number: string;
	name: string;
	companyId: string;
	companyName: string;
	status: string;
	startDate: string;
	endDate: string | null;
	billingType: string;
	/** Whether POST .../time-entries/batch exists for this contract (fake-only flag, not sent). */
	supportsBatch: boolean;
	/**
	 * The other reading of the [assumed] batch endpoint (fake-only flag, not sent): the batch is
	 * all or nothing, so one duplicate refuses it whole with 409 and one invalid entry with 422.
	 */
	batchAllOrNothing: boolean;
	/**
	 * API.md does not say whether hours may be negative (a credit, e.g. a correction). By default the
	 * fake refuses them as it refuses 0; this fake-only flag (not sent) serves the other reading.
	 */
	acceptsNegativeHours: boolean;
}

export interface TicketLink {
	system: string;
	type: string;
	id: string;
	url?: string;
}

export interface Ticket {
	id: string;
	number: string;
	subject: string;
	description: string;
	priority: string;
	status: string;
	companyId: string | null;
	contractId: string | null;
	links: TicketLink[];
	createdAt: string;
	updatedAt: string;
}

export interface TimeEntry {
	id: string;
	contractId: string;
	externalId: string;
	date: string;
	hours: number;
	description: string;
	billable: boolean;
	rate?: number;
	ticketId?: string;
	userName?: string;
	userEmail?: string;
	createdAt: string;
}

export interface TenantData {
	companies: Company[];
	contracts: Contract[];
	tickets: Ticket[];
	timeEntries: TimeEntry[];
}

export interface SeedData {
	companies?: Array<Partial<Company>>;
	contracts?: Array<Partial<Contract>>;
	tickets?: Array<Partial<Ticket>>;
	timeEntries?: Array<Partial<TimeEntry>>;
}

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'];
export const TICKET_STATUSES = ['open', 'in_progress', 'waiting', 'resolved', 'closed'];

export class PsaStore {
	private readonly tenants = new Map<string, TenantData>();

	private counter = 0;

	private ticketNumber = 1000;

	data(tenantId: string): TenantData {
		let data = this.tenants.get(tenantId);
		if (!data) {
			data = { companies: [], contracts: [], tickets: [], timeEntries: [] };
			this.tenants.set(tenantId, data);
		}
		return data;
	}

	reset(): void {
		this.tenants.clear();
	}

	nextId(prefix: string): string {
		this.counter++;
		return `${prefix}_${this.counter}`;
	}

	nextTicketNumber(): string {
		this.ticketNumber++;
		return `T-${this.ticketNumber}`;
	}

	seed(tenantId: string, seed: SeedData): TenantData {
		const data = this.data(tenantId);
		const now = new Date().toISOString();
		for (const company of seed.companies ?? []) {
			data.companies.push({ id: company.id ?? this.nextId('cmp'), name: company.name ?? 'Company' });
		}
		for (const contract of seed.contracts ?? []) {
			const company = data.companies.find((c) => c.id === contract.companyId);
			data.contracts.push({
				id: contract.id ?? this.nextId('ctr'),
				number: contract.number ?? `C-${this.counter + 100}`,
				name: contract.name ?? 'Contract',
				companyId: contract.companyId ?? '',
				companyName: contract.companyName ?? company?.name ?? '',
				status: contract.status ?? 'active',
				startDate: contract.startDate ?? '2024-01-01',
				endDate: contract.endDate ?? null,
				billingType: contract.billingType ?? 'time_and_materials',
				supportsBatch: contract.supportsBatch ?? true,
				batchAllOrNothing: contract.batchAllOrNothing ?? false,
				acceptsNegativeHours: contract.acceptsNegativeHours ?? false,
			});
		}
		for (const ticket of seed.tickets ?? []) {
			data.tickets.push({
				id: ticket.id ?? this.nextId('tkt'),
				number: ticket.number ?? this.nextTicketNumber(),
				subject: ticket.subject ?? 'Ticket',
				description: ticket.description ?? '',
				priority: ticket.priority ?? 'medium',
				status: ticket.status ?? 'open',
				companyId: ticket.companyId ?? null,
				contractId: ticket.contractId ?? null,
				links: ticket.links ?? [],
				createdAt: ticket.createdAt ?? now,
				updatedAt: ticket.updatedAt ?? now,
			});
		}
		for (const entry of seed.timeEntries ?? []) {
			data.timeEntries.push({
				id: entry.id ?? this.nextId('te'),
				contractId: entry.contractId ?? '',
				externalId: entry.externalId ?? this.nextId('ext'),
				date: entry.date ?? '2024-01-01',
				hours: entry.hours ?? 1,
				description: entry.description ?? '',
				billable: entry.billable ?? true,
				createdAt: entry.createdAt ?? now,
			});
		}
		return data;
	}
}

/** Public shape of a contract: the fake-only flags stay inside. */
export function publicContract({
	supportsBatch: _batch,
	batchAllOrNothing: _allOrNothing,
	acceptsNegativeHours: _negative,
	...contract
}: Contract): Omit<Contract, 'supportsBatch' | 'batchAllOrNothing' | 'acceptsNegativeHours'> {
	return contract;
}

export interface FieldProblem {
	field: string;
	error: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ENTRY_FIELDS = ['externalId', 'date', 'hours', 'description', 'billable', 'rate', 'ticketId', 'userName', 'userEmail'];

/** Checks one posted time entry; answers the first problem. */
export function checkTimeEntry(entry: unknown, negativeHours = false): FieldProblem | undefined {
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { field: 'entry', error: 'Entry must be an object' };
	const e = entry as Record<string, unknown>;
	const unknown = Object.keys(e).find((key) => !ENTRY_FIELDS.includes(key));
	if (unknown) return { field: unknown, error: `Unknown field "${unknown}"` };
	if (typeof e.externalId !== 'string' || !e.externalId.trim()) return { field: 'externalId', error: 'externalId is required' };
	if (typeof e.date !== 'string' || !DATE.test(e.date) || Number.isNaN(Date.parse(e.date))) {
		return { field: 'date', error: 'date must be YYYY-MM-DD' };
	}
	if (negativeHours && typeof e.hours === 'number' && e.hours < 0 && e.hours >= -24) {
		// A credit: accepted under the other reading, bounded like a booking.
	} else if (typeof e.hours !== 'number' || !Number.isFinite(e.hours) || e.hours <= 0 || e.hours > 24) {
		return { field: 'hours', error: 'hours must be a number above 0 and at most 24' };
	}
	if (e.description !== undefined && typeof e.description !== 'string') return { field: 'description', error: 'description must be text' };
	if (e.billable !== undefined && typeof e.billable !== 'boolean') return { field: 'billable', error: 'billable must be true or false' };
	if (e.rate !== undefined && (typeof e.rate !== 'number' || e.rate < 0)) return { field: 'rate', error: 'rate must be a number of 0 or more' };
	for (const field of ['ticketId', 'userName', 'userEmail']) {
		if (e[field] !== undefined && typeof e[field] !== 'string') return { field, error: `${field} must be text` };
	}
	return undefined;
}

export function checkLinks(links: unknown): FieldProblem | undefined {
	if (!Array.isArray(links)) return { field: 'links', error: 'links must be a list' };
	for (const link of links) {
		const l = link as Record<string, unknown>;
		for (const field of ['system', 'type', 'id']) {
			if (!l || typeof l[field] !== 'string' || !(l[field] as string).trim()) {
				return { field: `links.${field}`, error: `every link needs a ${field}` };
			}
		}
		if (l.url !== undefined && typeof l.url !== 'string') return { field: 'links.url', error: 'url must be text' };
	}
	return undefined;
}
