/**
 * Runs one node of this package in n8n's real execution engine (n8n-core's WorkflowExecute),
 * so tests exercise parameter resolution, expressions, credentials, continueOnFail, pairedItem
 * and static data the way n8n does, without starting a whole n8n.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentials,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Decrypted credential data, keyed by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: ICredentialType[];
	input?: INodeExecutionData[];
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	continueOnFail?: boolean;
	/** n8n's On Error setting; 'continueErrorOutput' gives the node an error output. */
	onError?: INode['onError'];
	typeVersion?: number;
	nodeName?: string;
	/** Defaults to "test-execution"; runs that stand for different executions need their own. */
	executionId?: string;
	/** The workflow's time zone setting (what the node's getTimezone() returns); n8n's default otherwise. */
	timezone?: string;
}

export interface RunNodeResult {
	/** Items per output, as the engine recorded them. */
	outputs: INodeExecutionData[][];
	/** The first output, for single-output nodes. */
	items: INodeExecutionData[];
	error?: Error & { description?: string | null; context?: IDataObject; httpCode?: string | null };
	staticData: IDataObject;
	run: IRun;
}

const TYPE_NAME = 'test.nodeUnderTest';

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly types: ICredentialType[],
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types.find((t) => t.name === typeName);
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		// Generic authentication: resolve each expression with $credentials, as n8n's own helper does.
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'manual',
				{ $credentials: credentials },
				undefined,
				value as string,
			);
		const result: IHttpRequestOptions = { ...requestOptions };
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const resolved: IDataObject = {};
			for (const [key, value] of Object.entries(entries as IDataObject)) {
				resolved[key] = resolve(value) as IDataObject[keyof IDataObject];
			}
			const existing = (result as unknown as IDataObject)[target] as IDataObject | undefined;
			(result as unknown as IDataObject)[target] = { ...(existing ?? {}), ...resolved };
		}
		return result;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`Test has no credentials of type "${type}"`);
		return data;
	}

	async getCredentials(): Promise<never> {
		throw new Error('getCredentials is not used by this package');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getOAuth2Options() {
		return undefined;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}
}

function nodeTypesFor(node: INodeType): INodeTypes {
	return {
		getByName: () => node,
		getByNameAndVersion: () => node,
		getKnownTypes: () => ({}),
	};
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodeName = options.nodeName ?? 'Node';
	const nodeCredentials: INodeCredentials = {};
	for (const type of Object.keys(options.credentials ?? {})) {
		nodeCredentials[type] = { id: `cred-${type}`, name: type };
	}
	const workflowNode: INode = {
		id: 'node-under-test',
		name: nodeName,
		type: TYPE_NAME,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: nodeCredentials,
		continueOnFail: options.continueOnFail ?? false,
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [workflowNode],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(options.node),
		staticData: options.staticData ?? {},
		...(options.timezone ? { settings: { timezone: options.timezone } } : {}),
	});

	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [workflowNode],
		connections: {},
	} as never);
	let resolveRun!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const credentialsHelper = new TestCredentialsHelper(
		options.credentials ?? {},
		options.credentialTypes ?? [],
	);
	const additionalData = {
		hooks,
		credentialsHelper,
		executionId: options.executionId ?? 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		currentNodeParameters: undefined,
		userId: 'test-user',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used by this package');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used by this package');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflowNode, data: { main: [options.input ?? [{ json: {} }]] }, source: null },
			],
		},
	});

	const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	const error = (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'];
	return {
		outputs,
		items: outputs[0] ?? [],
		error,
		staticData: workflow.staticData as IDataObject,
		run,
	};
}
