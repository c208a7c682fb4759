import {
	and,
	AworkFilterError,
	bool,
	datetime,
	endsWith,
	eq,
	filterExpression,
	ge,
	guid,
	lt,
	not,
	number,
	or,
	raw,
	startsWith,
	substringOf,
	text,
} from '../../../../nodes/Awork/transport/filter';

const ID = '123e4567-e89b-12d3-a456-426614174000';

/**
 * A small reader of awork filter syntax: splits an expression into tokens, treating a quoted
 * literal (with '' doubling) as ONE token. If a user value could change the structure, the
 * token list would contain more than the one literal we put in.
 */
function tokens(expression: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < expression.length) {
		const char = expression[i];
		if (char === ' ') {
			i++;
		} else if (char === "'" || /^(guid|datetime)'/.test(expression.slice(i))) {
			let j = expression.indexOf("'", i) + 1;
			for (;;) {
				const close = expression.indexOf("'", j);
				if (close < 0) throw new Error(`unterminated literal in ${expression}`);
				if (expression[close + 1] === "'") {
					j = close + 2;
					continue;
				}
				out.push(expression.slice(i, close + 1));
				i = close + 1;
				break;
			}
		} else if ('(),'.includes(char)) {
			out.push(char);
			i++;
		} else {
			const match = /^[^ (),']+/.exec(expression.slice(i))!;
			out.push(match[0]);
			i += match[0].length;
		}
	}
	return out;
}

const unquote = (literal: string) => literal.slice(1, -1).replace(/''/g, "'");

const HOSTILE = [
	"O'Brien",
	"x' or 1 eq 1 or name eq 'y",
	')',
	"') or (name ne '",
	"''",
	"'",
	'Grüße 東京 🚀',
	'a & b = c ? d',
	"\\' or true",
	'',
];

describe('awork filter builder', () => {
	it('builds the documented forms', () => {
		expect(and(eq('isBillable', bool(true)), eq('isBilled', bool(false))).expression).toBe(
			'isBillable eq true and isBilled eq false',
		);
		expect(eq('projectId', guid(ID.toUpperCase())).expression).toBe(`projectId eq guid'${ID}'`);
		expect(lt('startDateUtc', datetime('2026-01-31')).expression).toBe("startDateUtc lt datetime'2026-01-31T00:00:00Z'");
		expect(ge('startDateUtc', datetime('2026-01-31T12:30:00+02:00')).expression).toBe(
			"startDateUtc ge datetime'2026-01-31T10:30:00Z'",
		);
		expect(substringOf(text('web'), 'name').expression).toBe("substringof('web',name)");
		expect(startsWith('name', text('A')).expression).toBe("startswith(name,'A')");
		expect(endsWith('name', text('Z')).expression).toBe("endswith(name,'Z')");
		expect(eq('projectStatus/type', text('closed')).expression).toBe("projectStatus/type eq 'closed'");
		expect(eq('duration', number(3.5)).expression).toBe('duration eq 3.5');
	});

	it('groups nested and/or with parentheses and skips missing parts', () => {
		const filter = and(
			or(eq('a', number(1)), eq('b', number(2))),
			undefined,
			false,
			eq('c', bool(true)),
			not(eq('d', text('x'))),
		);
		expect(filter.expression).toBe("(a eq 1 or b eq 2) and c eq true and (not (d eq 'x'))");
		expect(and().isEmpty).toBe(true);
		expect(filterExpression(and())).toBeUndefined();
	});

	it.each(HOSTILE)('keeps the hostile text %p inside one literal', (value) => {
		const expression = and(eq('name', text(value)), eq('isBilled', bool(false))).expression;
		const parts = tokens(expression);
		expect(parts).toEqual(['name', 'eq', expect.any(String), 'and', 'isBilled', 'eq', 'false']);
		expect(unquote(parts[2])).toBe(value);
		const contains = tokens(substringOf(text(value), 'name').expression);
		expect(contains).toEqual(['substringof', '(', expect.any(String), ',', 'name', ')']);
		expect(unquote(contains[2])).toBe(value);
	});

	it('accepts guid and datetime literals only for valid values', () => {
		for (const bad of [`${ID}' or 1 eq 1 or id eq '`, 'not-a-guid', `${ID} `, '']) {
			expect(() => guid(bad)).toThrow(AworkFilterError);
		}
		expect(() => guid('x')).toThrow(/is not an awork ID/);
		for (const bad of ["2026-01-01' or true or x eq '", '31.01.2026', 'yesterday', '2026-13-01']) {
			expect(() => datetime(bad)).toThrow(/not a valid ISO 8601 date/);
		}
		for (const bad of [NaN, Infinity, 1e21, '1 or 1 eq 1' as unknown as number]) {
			expect(() => number(bad)).toThrow(AworkFilterError);
		}
		expect(() => bool('true' as unknown as boolean)).toThrow(AworkFilterError);
	});

	it('refuses property names that are not plain awork paths', () => {
		for (const bad of ['name eq 1 or x', 'name)', '1name', '', 'a b', "name'"]) {
			expect(() => eq(bad, text('x'))).toThrow(/not a valid awork property name/);
		}
		expect(() => eq('name', "'x' or 1 eq 1" as never)).toThrow(/must be built with text/);
	});

	it('keeps a raw expert filter in its own group and refuses ones that would escape it', () => {
		expect(and(eq('isBilled', bool(false)), raw("name eq 'a' or name eq 'b'")).expression).toBe(
			"isBilled eq false and (name eq 'a' or name eq 'b')",
		);
		expect(raw("name eq 'has ) inside'").expression).toBe("(name eq 'has ) inside')");
		expect(() => raw("x eq 1) or (y eq 2")).toThrow(/closes a parenthesis/);
		expect(() => raw("name eq 'open")).toThrow(/quoted text open/);
		expect(() => raw('(x eq 1')).toThrow(/parenthesis open/);
		expect(filterExpression('  ')).toBeUndefined();
		expect(filterExpression("name eq 'x'")).toBe("(name eq 'x')");
	});
});
