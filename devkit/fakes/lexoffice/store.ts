/** What the fake Lexoffice holds: the organisation's profile, contacts and invoices. */
import { randomUUID } from 'node:crypto';

export interface Profile {
	organizationId: string;
	companyName: string;
	taxType: 'net' | 'gross' | 'vatfree';
	smallBusiness: boolean;
}

export interface Contact {
	id: string;
	organizationId: string;
	version: number;
	roles: { customer?: { number: number }; vendor?: { number: number } };
	company?: { name: string };
	person?: { firstName?: string; lastName: string };
	emailAddresses?: { business?: string[] };
	archived: boolean;
}

/** An invoice as GET /v1/invoices/{id} returns it (the fields the fake fills). */
export interface Invoice {
	id: string;
	organizationId: string;
	createdDate: string;
	updatedDate: string;
	version: number;
	language: string;
	archived: boolean;
	voucherStatus: 'draft' | 'open' | 'paid' | 'voided';
	voucherNumber: string | null;
	voucherDate: string;
	dueDate: string | null;
	address: Record<string, unknown>;
	lineItems: Array<Record<string, unknown>>;
	totalPrice: Record<string, unknown>;
	taxAmounts: Array<Record<string, unknown>>;
	taxConditions: Record<string, unknown>;
	shippingConditions: Record<string, unknown>;
	paymentConditions?: Record<string, unknown>;
	title?: string;
	introduction?: string;
	remark?: string;
}

export interface SeedContact {
	id?: string;
	companyName?: string;
	person?: { firstName?: string; lastName: string };
	customerNumber?: number;
	/** Default true; false gives a vendor-only contact. */
	customer?: boolean;
	email?: string;
}

export const ORGANIZATION_ID = 'aa93e8a8-2aa3-470b-b914-caad8a255dd8';

export class LexofficeStore {
	profile: Profile = { organizationId: ORGANIZATION_ID, companyName: 'Agentur Beispiel GmbH', taxType: 'net', smallBusiness: false };

	readonly contacts: Contact[] = [];

	readonly invoices: Invoice[] = [];

	private nextCustomerNumber = 10001;

	private nextVoucherNumber = 1;

	addContact(seed: SeedContact): Contact {
		const number = seed.customerNumber ?? this.nextCustomerNumber++;
		const contact: Contact = {
			id: seed.id ?? randomUUID(),
			organizationId: ORGANIZATION_ID,
			version: 1,
			roles: seed.customer === false ? { vendor: { number: number + 60000 } } : { customer: { number } },
			...(seed.person ? { person: seed.person } : { company: { name: seed.companyName ?? 'Unnamed GmbH' } }),
			...(seed.email ? { emailAddresses: { business: [seed.email] } } : {}),
			archived: false,
		};
		this.contacts.push(contact);
		return contact;
	}

	/** Finalizes a draft as a user would in the app (the API cannot [docs]). */
	finalize(invoiceId: string): Invoice {
		const invoice = this.invoices.find((candidate) => candidate.id === invoiceId);
		if (!invoice) throw new Error(`no invoice ${invoiceId}`);
		invoice.voucherStatus = 'open';
		invoice.voucherNumber = `RE${String(this.nextVoucherNumber++).padStart(4, '0')}`;
		invoice.version++;
		return invoice;
	}

	voucherNumber(): string {
		return `RE${String(this.nextVoucherNumber++).padStart(4, '0')}`;
	}

	reset(): void {
		this.contacts.length = 0;
		this.invoices.length = 0;
	}
}
