/**
 * Evaluates a parsed `filterby` over stored records: typed comparisons (dates as instants, guids
 * ignoring case), null handling, the text functions, and property paths resolved by paths.ts.
 */
import type { Rec } from '../store';
import { parseFilter, type CompareOp, type FilterNode, type Literal, type Operand } from './filterParser';
import { parseInstant } from './filterTokens';
import { compilePath, QueryError, type Getter, type ListSpec, type SpecRegistry } from './paths';

export { parseFilter } from './filterParser';
export type { FilterNode } from './filterParser';
export { parseInstant, tokenize } from './filterTokens';

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
