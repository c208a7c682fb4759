/** Reading node parameters cheaply when a run has thousands of items. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { perNodeRun } from '../perNodeRun';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

const constantParameters = perNodeRun(() => new Map<string, unknown>());

/**
 * getNodeParameter, but a parameter without any expression is resolved once per run instead of
 * once per item: with 10k items, n8n's per-call parameter resolution dominates the run time.
 */
export function parameterOncePerRun<T>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	if (holdsExpression(context.getNode().parameters[name])) {
		return context.getNodeParameter(name, itemIndex, fallback as never) as T;
	}
	const known = constantParameters(context);
	if (!known.has(name)) known.set(name, context.getNodeParameter(name, itemIndex, fallback as never));
	return known.get(name) as T;
}
