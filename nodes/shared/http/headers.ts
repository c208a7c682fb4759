/** Reading answer headers the same way in every transport: case-insensitive, first value of a list. */
export type AnswerHeaders = Record<string, unknown> | undefined;

export function headerValue(headers: AnswerHeaders, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted);
	if (!entry) return undefined;
	const value = Array.isArray(entry[1]) ? entry[1][0] : entry[1];
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

export function headerNumber(headers: AnswerHeaders, name: string): number | undefined {
	const text = headerValue(headers, name);
	const value = Number(text);
	return text === undefined || !Number.isFinite(value) ? undefined : value;
}

export function headerInteger(headers: AnswerHeaders, name: string): number | undefined {
	const value = headerNumber(headers, name);
	return value !== undefined && Number.isInteger(value) ? value : undefined;
}
