/**
 * Values that live as long as one node run: n8n gives every run its own context object, so a
 * value keyed by it is made once per run and dropped with it.
 */

/** A value made on first use in a run (a cache, say) and kept for the rest of that run. */
export function perNodeRun<Context extends object, Value>(create: (context: Context) => Value): (context: Context) => Value {
	const values = new WeakMap<Context, Value>();
	return (context) => {
		if (!values.has(context)) values.set(context, create(context));
		return values.get(context) as Value;
	};
}

export interface OncePerNodeRun<Context extends object, Value> {
	(context: Context): Promise<Value>;
	/** Changes the value already read in this run (nothing happens if none was read yet). */
	update(context: Context, change: (value: Value) => Value): void;
}

/**
 * Reads a value once per node run (a decrypted credential, say). A failed read is not kept, so
 * the next call reads again and reports its own error.
 */
export function oncePerNodeRun<Context extends object, Value>(
	read: (context: Context) => Promise<Value>,
): OncePerNodeRun<Context, Value> {
	const values = new WeakMap<Context, Promise<Value>>();
	const remember = (context: Context, value: Promise<Value>) => {
		values.set(context, value);
		value.catch(() => {
			if (values.get(context) === value) values.delete(context);
		});
	};
	const once = async (context: Context) => {
		let value = values.get(context);
		if (!value) {
			value = read(context);
			remember(context, value);
		}
		return await value;
	};
	return Object.assign(once, {
		update(context: Context, change: (value: Value) => Value) {
			const known = values.get(context);
			if (known) remember(context, known.then(change));
		},
	});
}
