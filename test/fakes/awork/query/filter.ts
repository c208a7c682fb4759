/**
 * awork's `filterby` language: a tokenizer and a recursive-descent parser that compile an expression
 * into a predicate over stored records. Anything it does not understand is a QueryError, which the
 * routes answer with 400 `invalid-filter-or-order`.
 *
 *   expr       := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | '(' expr ')' | comparison
 *   comparison := operand (cmpop operand | 'in' '(' literal (',' literal)* ')')?   -- bare only for boolean functions
 *   operand    := literal | path | func '(' operand (',' operand)* ')'
 *   path       := name ('/' name)*
 */
import type { Rec } from '../store';
import { compilePath, QueryError, type Getter, type ListSpec, type SpecRegistry } from './paths';

type TokenKind = '(' | ')' | ',' | '/' | 'string' | 'guid' | 'datetime' | 'number' | 'name' | 'end';

interface Token {
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

type Literal =
	| { type: 'string'; value: string }
	| { type: 'guid'; value: string }
	| { type: 'datetime'; value: number }
	| { type: 'number'; value: number }
	| { type: 'boolean'; value: boolean }
	| { type: 'null' };

type Operand =
	| { kind: 'literal'; literal: Literal }
	| { kind: 'path'; segments: string[] }
	| { kind: 'call'; name: string; args: Operand[] };

export type FilterNode =
	| { kind: 'or' | 'and'; left: FilterNode; right: FilterNode }
	| { kind: 'not'; operand: FilterNode }
	| { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
	| { kind: 'in'; operand: Operand; values: Literal[] }
	| { kind: 'test'; call: Operand & { kind: 'call' } };

type CompareOp = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le']);
const KEYWORDS = new Set([...COMPARE_OPS, 'and', 'or', 'not', 'in']);
/** name -> [arity, returns boolean]. */
const FUNCTIONS: Record<string, [number, boolean]> = {
	substringof: [2, true],
	startswith: [2, true],
	endswith: [2, true],
	tolower: [1, false],
	toupper: [1, false],
};

class Parser {
	private i = 0;

	constructor(private readonly tokens: Token[]) {}

	parse(): FilterNode {
		const node = this.parseOr();
		const next = this.peek();
		if (next.kind !== 'end') throw new QueryError(`Unexpected '${next.text}' at position ${next.pos}`);
		return node;
	}

	private peek(offset = 0): Token {
		return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
	}

	private next(): Token {
		const token = this.peek();
		if (token.kind !== 'end') this.i++;
		return token;
	}

	private isWord(word: string, offset = 0): boolean {
		const token = this.peek(offset);
		return token.kind === 'name' && token.text.toLowerCase() === word;
	}

	private expect(kind: TokenKind, what: string): Token {
		const token = this.next();
		if (token.kind !== kind) {
			throw new QueryError(`Expected ${what} at position ${token.pos} but found ${token.kind === 'end' ? 'the end' : `'${token.text}'`}`);
		}
		return token;
	}

	private parseOr(): FilterNode {
		let left = this.parseAnd();
		while (this.isWord('or')) {
			this.next();
			left = { kind: 'or', left, right: this.parseAnd() };
		}
		return left;
	}

	private parseAnd(): FilterNode {
		let left = this.parseUnary();
		while (this.isWord('and')) {
			this.next();
			left = { kind: 'and', left, right: this.parseUnary() };
		}
		return left;
	}

	private parseUnary(): FilterNode {
		if (this.isWord('not')) {
			this.next();
			return { kind: 'not', operand: this.parseUnary() };
		}
		if (this.peek().kind === '(') {
			this.next();
			const inner = this.parseOr();
			this.expect(')', "')'");
			return inner;
		}
		return this.parseComparison();
	}

	private parseComparison(): FilterNode {
		const left = this.parseOperand();
		const token = this.peek();
		const word = token.kind === 'name' ? token.text.toLowerCase() : '';
		if (COMPARE_OPS.has(word)) {
			this.next();
			const right = this.parseOperand();
			if (left.kind === 'literal' && right.kind === 'literal') {
				throw new QueryError(`A comparison needs a property on one side (position ${token.pos})`);
			}
			return { kind: 'compare', op: word as CompareOp, left, right };
		}
		if (word === 'in') {
			this.next();
			this.expect('(', "'(' after 'in'");
			const values: Literal[] = [this.parseLiteral()];
			while (this.peek().kind === ',') {
				this.next();
				values.push(this.parseLiteral());
			}
			this.expect(')', "')'");
			return { kind: 'in', operand: left, values };
		}
		if (left.kind === 'call' && FUNCTIONS[left.name][1]) return { kind: 'test', call: left };
		if (token.kind === 'end') throw new QueryError(`Expected an operator after position ${this.tokens[this.i - 1].pos}`);
		throw new QueryError(`Unknown operator '${token.text}' at position ${token.pos}`);
	}

	private parseLiteral(): Literal {
		const operand = this.parseOperand();
		if (operand.kind !== 'literal') throw new QueryError(`Only literals are allowed in an 'in' list`);
		return operand.literal;
	}

	private parseOperand(): Operand {
		const token = this.next();
		switch (token.kind) {
			case 'string':
				return { kind: 'literal', literal: { type: 'string', value: token.value as string } };
			case 'guid':
				return { kind: 'literal', literal: { type: 'guid', value: token.value as string } };
			case 'datetime':
				return { kind: 'literal', literal: { type: 'datetime', value: token.value as number } };
			case 'number':
				return { kind: 'literal', literal: { type: 'number', value: token.value as number } };
			case 'name':
				return this.parseNamed(token);
			default:
				throw new QueryError(
					`Expected a property or value at position ${token.pos} but found ${token.kind === 'end' ? 'the end' : `'${token.text}'`}`,
				);
		}
	}

	private parseNamed(token: Token): Operand {
		const lower = token.text.toLowerCase();
		if (lower === 'true' || lower === 'false') return { kind: 'literal', literal: { type: 'boolean', value: lower === 'true' } };
		if (lower === 'null') return { kind: 'literal', literal: { type: 'null' } };
		if (KEYWORDS.has(lower)) throw new QueryError(`Unexpected operator '${token.text}' at position ${token.pos}`);
		if (token.text.includes('.')) throw new QueryError(`Unsupported expression '${token.text}' at position ${token.pos}`);
		if (this.peek().kind === '(') {
			const spec = FUNCTIONS[lower];
			if (!spec) throw new QueryError(`Unknown function '${token.text}' at position ${token.pos}`);
			this.next();
			const args: Operand[] = [this.parseOperand()];
			while (this.peek().kind === ',') {
				this.next();
				args.push(this.parseOperand());
			}
			this.expect(')', "')'");
			if (args.length !== spec[0]) throw new QueryError(`'${lower}' takes ${spec[0]} argument(s), got ${args.length}`);
			return { kind: 'call', name: lower, args };
		}
		const segments = [token.text];
		while (this.peek().kind === '/') {
			this.next();
			const part = this.expect('name', 'a property name after /');
			if (KEYWORDS.has(part.text.toLowerCase())) throw new QueryError(`Unexpected operator '${part.text}' at position ${part.pos}`);
			if (this.peek().kind === '(') throw new QueryError(`Lambda operator '${part.text}' is not supported by the fake`);
			segments.push(part.text);
		}
		return { kind: 'path', segments };
	}
}

export function parseFilter(input: string): FilterNode {
	if (!input.trim()) throw new QueryError('The filter expression is empty');
	return new Parser(tokenize(input)).parse();
}

// ---- evaluation -------------------------------------------------------------------------------

type Value = string | number | boolean | null | typeof AN_OBJECT;
/** A related entity or nested object: it can only be compared with null (`project ne null`). */
const AN_OBJECT = Symbol('object');
/** A datetime literal evaluates to this marker so the other side is read as an instant. */
type Evaluated = { value: Value; instant?: boolean; guid?: boolean };

function literalValue(literal: Literal): Evaluated {
	switch (literal.type) {
		case 'null':
			return { value: null };
		case 'datetime':
			return { value: literal.value, instant: true };
		case 'guid':
			return { value: literal.value, guid: true };
		default:
			return { value: literal.value };
	}
}

function asInstant(value: Value): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string') return parseInstant(value);
	return undefined;
}

/** -1/0/1, or undefined when the two values cannot be compared. */
function order(left: Evaluated, right: Evaluated): number | undefined {
	let a: Value = left.value;
	let b: Value = right.value;
	if (a === null || b === null) return a === b ? 0 : undefined;
	if (typeof a === 'symbol' || typeof b === 'symbol') return undefined;
	if (left.instant || right.instant) {
		const x = asInstant(a);
		const y = asInstant(b);
		if (x === undefined || y === undefined) return undefined;
		return Math.sign(x - y);
	}
	if (left.guid || right.guid) {
		if (typeof a !== 'string' || typeof b !== 'string') return undefined;
		a = a.toLowerCase();
		b = b.toLowerCase();
		return a === b ? 0 : a < b ? -1 : 1;
	}
	if (typeof a !== typeof b) return undefined;
	if (typeof a === 'string') {
		// Two ISO date strings are compared as instants, whatever their precision or offset.
		const x = parseInstant(a);
		const y = x === undefined ? undefined : parseInstant(b as string);
		if (x !== undefined && y !== undefined) return Math.sign(x - y);
	}
	return a === b ? 0 : a < b ? -1 : 1;
}

function compare(op: CompareOp, left: Evaluated, right: Evaluated): boolean {
	if ((left.value === AN_OBJECT && right.value !== null) || (right.value === AN_OBJECT && left.value !== null)) {
		throw new QueryError('An object can only be compared with null; name one of its properties with /');
	}
	if (op === 'eq' || op === 'ne') {
		const equal = left.value === null || right.value === null ? left.value === right.value : order(left, right) === 0;
		return op === 'eq' ? equal : !equal;
	}
	if (left.value === null || right.value === null) return false;
	if (typeof left.value === 'boolean' || typeof right.value === 'boolean') return false;
	const sign = order(left, right);
	if (sign === undefined) return false;
	if (op === 'gt') return sign > 0;
	if (op === 'ge') return sign >= 0;
	if (op === 'lt') return sign < 0;
	return sign <= 0;
}

type OperandFn = (rec: Rec) => Evaluated;

function toValue(raw: unknown): Value {
	if (raw === undefined || raw === null) return null;
	if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
	if (Array.isArray(raw)) throw new QueryError('Lists can only be filtered with any(), which the fake does not support');
	return AN_OBJECT;
}

function compileOperand(registry: SpecRegistry, spec: ListSpec, operand: Operand): OperandFn {
	if (operand.kind === 'literal') {
		const value = literalValue(operand.literal);
		return () => value;
	}
	if (operand.kind === 'path') {
		const get: Getter = compilePath(registry, spec, operand.segments);
		return (rec) => ({ value: toValue(get(rec)) });
	}
	const args = operand.args.map((arg) => compileOperand(registry, spec, arg));
	const text = (e: Evaluated) => (typeof e.value === 'string' ? e.value : null);
	switch (operand.name) {
		case 'tolower':
			return (rec) => ({ value: text(args[0](rec))?.toLowerCase() ?? null });
		case 'toupper':
			return (rec) => ({ value: text(args[0](rec))?.toUpperCase() ?? null });
		case 'substringof':
			// substringof('needle', property): contains, ignoring case like awork's database does.
			return (rec) => {
				const needle = text(args[0](rec));
				const hay = text(args[1](rec));
				return { value: needle !== null && hay !== null && hay.toLowerCase().includes(needle.toLowerCase()) };
			};
		case 'startswith':
		case 'endswith': {
			const starts = operand.name === 'startswith';
			return (rec) => {
				const hay = text(args[0](rec));
				const part = text(args[1](rec));
				if (hay === null || part === null) return { value: false };
				const h = hay.toLowerCase();
				const p = part.toLowerCase();
				return { value: starts ? h.startsWith(p) : h.endsWith(p) };
			};
		}
		default:
			throw new QueryError(`Unknown function '${operand.name}'`);
	}
}

export type Predicate = (rec: Rec) => boolean;

function compileNode(registry: SpecRegistry, spec: ListSpec, node: FilterNode): Predicate {
	switch (node.kind) {
		case 'and': {
			const l = compileNode(registry, spec, node.left);
			const r = compileNode(registry, spec, node.right);
			return (rec) => l(rec) && r(rec);
		}
		case 'or': {
			const l = compileNode(registry, spec, node.left);
			const r = compileNode(registry, spec, node.right);
			return (rec) => l(rec) || r(rec);
		}
		case 'not': {
			const inner = compileNode(registry, spec, node.operand);
			return (rec) => !inner(rec);
		}
		case 'compare': {
			const l = compileOperand(registry, spec, node.left);
			const r = compileOperand(registry, spec, node.right);
			return (rec) => compare(node.op, l(rec), r(rec));
		}
		case 'in': {
			const operand = compileOperand(registry, spec, node.operand);
			const values = node.values.map(literalValue);
			return (rec) => {
				const value = operand(rec);
				return values.some((v) => compare('eq', value, v));
			};
		}
		case 'test': {
			const call = compileOperand(registry, spec, node.call);
			return (rec) => call(rec).value === true;
		}
	}
}

/** Parses and compiles `filterby`; throws QueryError for anything awork would reject. */
export function compileFilter(registry: SpecRegistry, spec: ListSpec, input: string): Predicate {
	return compileNode(registry, spec, parseFilter(input));
}
