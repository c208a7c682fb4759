/** The tokens of awork's `filterby`: punctuation, names, and typed literals ('text' with '' doubling, guid'…', datetime'…', numbers). */
import { QueryError } from './paths';

export type TokenKind = '(' | ')' | ',' | '/' | 'string' | 'guid' | 'datetime' | 'number' | 'name' | 'end';

export interface Token {
	kind: TokenKind;
	text: string;
	pos: number;
	/** Value of a literal token. */
	value?: string | number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^-?(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)[mfdl]?/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
/** ISO dates without an offset are read as UTC, like awork's datetime'2018-04-03T00:00'. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseInstant(text: string): number | undefined {
	const match = ISO_DATE.exec(text.trim());
	if (!match) return undefined;
	let iso = text.trim().replace(' ', 'T');
	if (!match[1]) iso += iso.length === 10 ? 'T00:00:00Z' : 'Z';
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? undefined : ms;
}

function readQuoted(input: string, start: number): { value: string; end: number } {
	let value = '';
	let i = start + 1;
	for (;;) {
		if (i >= input.length) throw new QueryError(`Unterminated string literal starting at position ${start}`);
		const ch = input[i];
		if (ch === "'") {
			if (input[i + 1] === "'") {
				value += "'";
				i += 2;
				continue;
			}
			return { value, end: i + 1 };
		}
		value += ch;
		i++;
	}
}

export function tokenize(input: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < input.length) {
		const ch = input[i];
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		if (ch === '(' || ch === ')' || ch === ',' || ch === '/') {
			tokens.push({ kind: ch, text: ch, pos: i });
			i++;
			continue;
		}
		if (ch === "'") {
			const { value, end } = readQuoted(input, i);
			tokens.push({ kind: 'string', text: input.slice(i, end), pos: i, value });
			i = end;
			continue;
		}
		const rest = input.slice(i);
		const number = /^-?\d/.test(rest) ? NUMBER.exec(rest) : null;
		if (number) {
			const text = number[0];
			if (NAME.test(input.slice(i + text.length, i + text.length + 1))) throw new QueryError(`Invalid number at position ${i}`);
			const digits = text.replace(/[mfdl]$/i, '');
			const value = /^-?0x/i.test(digits)
				? parseInt(digits.replace('0x', '').replace('0X', ''), 16) * (digits.startsWith('-') ? -1 : 1)
				: Number(digits);
			tokens.push({ kind: 'number', text, pos: i, value });
			i += text.length;
			continue;
		}
		const name = NAME.exec(rest);
		if (name) {
			const text = name[0];
			const after = i + text.length;
			if (input[after] === "'") {
				const { value, end } = readQuoted(input, after);
				const type = text.toLowerCase();
				if (type === 'guid') {
					if (!GUID.test(value)) throw new QueryError(`Invalid guid literal '${value}' at position ${i}`);
					tokens.push({ kind: 'guid', text: input.slice(i, end), pos: i, value: value.toLowerCase() });
				} else if (type === 'datetime' || type === 'datetimeoffset') {
					const ms = parseInstant(value);
					if (ms === undefined) throw new QueryError(`Invalid datetime literal '${value}' at position ${i}`);
					tokens.push({ kind: 'datetime', text: input.slice(i, end), pos: i, value: ms });
				} else {
					throw new QueryError(`Unknown literal type '${text}' at position ${i}`);
				}
				i = end;
				continue;
			}
			tokens.push({ kind: 'name', text, pos: i });
			i = after;
			continue;
		}
		if (ch === ':') throw new QueryError(`Lambda operators like any(x: ...) are not supported by the fake (position ${i})`);
		throw new QueryError(`Unexpected character '${ch}' at position ${i}`);
	}
	tokens.push({ kind: 'end', text: '', pos: input.length });
	return tokens;
}
