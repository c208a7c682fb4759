/**
 * Reads a value once per node run: n8n gives every run its own context object, so the value (a
 * decrypted credential, say) lives as long as the run. A failed read is not kept, so the next call
 * reads again and reports its own error.
 */
export function oncePerNodeRun<Context extends object, Value>(
	read: (context: Context) => Promise<Value>,
): (context: Context) => Promise<Value> {
	const values = new WeakMap<Context, Promise<Value>>();
	return async (context) => {
		let value = values.get(context);
		if (!value) {
			value = read(context);
			values.set(context, value);
			value.catch(() => values.delete(context));
		}
		return await value;
	};
}
