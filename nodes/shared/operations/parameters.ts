/** Reading node parameters cheaply when a run has thousands of items. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { perNodeRun } from '../perNodeRun';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** Per run and parameter name: its value when it holds no expression, else EXPRESSION. */
const EXPRESSION = Symbol('expression');
const parametersOfRun = perNodeRun(() => new Map<string, { value: unknown } | typeof EXPRESSION>());

/**
 * getNodeParameter, but a parameter without any expression is resolved once per run instead of
 * once per item: with 10k items, n8n's per-call parameter resolution dominates the run time.
 * Whether it holds one is also asked once per run: getNode() deep-copies the node on every call.
 */
export function parameterOncePerRun<T>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	const known = parametersOfRun(context);
	let kind = known.get(name);
	if (kind === undefined) {
		kind = holdsExpression(context.getNode().parameters[name]) ? EXPRESSION : { value: context.getNodeParameter(name, itemIndex, fallback as never) };
		known.set(name, kind);
	}
	return (kind === EXPRESSION ? context.getNodeParameter(name, itemIndex, fallback as never) : kind.value) as T;
}

/**
 * The value of a locator read inside a collection (n8n unwraps only locators read by their own
 * name or path); a plain value, as saved before a field became a locator, is returned as it is.
 */
export function locatorValue(value: unknown): unknown {
	return value && typeof value === 'object' && '__rl' in value ? (value as { value?: unknown }).value : value;
}

/** The value of a resource locator, trimmed; an empty one is an error that names the parameter (unless not required). */
export function readLocator(
	ctx: IExecuteFunctions,
	parameter: string,
	label: string,
	itemIndex: number,
	{ required = true } = {},
): string {
	const value = String(ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value && required) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is empty`, {
			itemIndex,
			description: `Pick a ${label.toLowerCase()} from the list or enter its ID.`,
		});
	}
	return value;
}
