/** Links on a PSA ticket point at records in other systems, e.g. the awork task it came from. */
export interface TicketLink {
	system: string;
	type: string;
	id: string;
	url?: string;
}

export function isSameLink(a: TicketLink, b: Pick<TicketLink, 'system' | 'type' | 'id'>): boolean {
	return (
		a.system?.toLowerCase() === b.system.toLowerCase() &&
		a.type?.toLowerCase() === b.type.toLowerCase() &&
		String(a.id) === String(b.id)
	);
}

export function linkOf(system: string, type: string, id: string, url?: string): TicketLink {
	const link: TicketLink = { system: system.trim(), type: type.trim(), id: id.trim() };
	if (url?.trim()) link.url = url.trim();
	return link;
}
