/**
 * awork's `filterby` grammar: a recursive-descent parser from tokens to a syntax tree (filter.ts
 * turns the tree into a predicate). Anything it does not understand is a QueryError, which the
 * routes answer with 400 `invalid-filter-or-order`.
 *
 *   expr       := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | '(' expr ')' | comparison
 *   comparison := operand (cmpop operand | 'in' '(' literal (',' literal)* ')')?   -- bare only for boolean functions
 *   operand    := literal | path | func '(' operand (',' operand)* ')'
 *   path       := name ('/' name)*
 */
import { QueryError } from './paths';
import { tokenize, type Token, type TokenKind } from './filterTokens';

export type Literal =
	| { type: 'string'; value: string }
	| { type: 'guid'; value: string }
	| { type: 'datetime'; value: number }
	| { type: 'number'; value: number }
	| { type: 'boolean'; value: boolean }
	| { type: 'null' };

export type Operand =
	| { kind: 'literal'; literal: Literal }
	| { kind: 'path'; segments: string[] }
	| { kind: 'call'; name: string; args: Operand[] };

export type FilterNode =
	| { kind: 'or' | 'and'; left: FilterNode; right: FilterNode }
	| { kind: 'not'; operand: FilterNode }
	| { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
	| { kind: 'in'; operand: Operand; values: Literal[] }
	| { kind: 'test'; call: Operand & { kind: 'call' } };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le']);
const KEYWORDS = new Set([...COMPARE_OPS, 'and', 'or', 'not', 'in']);
/** name -> [arity, returns boolean]. */
export const FUNCTIONS: Record<string, [number, boolean]> = {
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
