/** How the node shows a Lexware contact: its name (company or person) and its link. */
import type { IDataObject } from 'n8n-workflow';
import { appLink } from '../transport';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function contactName(contact: IDataObject): string {
	const company = (contact.company ?? {}) as IDataObject;
	const person = (contact.person ?? {}) as IDataObject;
	return text(company.name) || [text(person.firstName), text(person.lastName)].filter(Boolean).join(' ');
}

export function customerNumber(contact: IDataObject): string | null {
	const roles = (contact.roles ?? {}) as IDataObject;
	const number = (roles.customer as IDataObject | undefined)?.number;
	return number === undefined || number === null ? null : String(number);
}

export function contactOutput(appUrl: string, contact: IDataObject): IDataObject {
	const id = String(contact.id ?? '');
	return { ...contact, name: contactName(contact), url: id ? appLink(appUrl, 'contactView', id) : null };
}
