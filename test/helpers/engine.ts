/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Runs the built package's nodes through n8n-core's real WorkflowExecute, loading it the way n8n
// loads an installed community package (PackageDirectoryLoader over package.json and dist/).
import { createRequire } from 'node:module';
import path from 'node:path';

import { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject as Creds,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-chat-conversations';
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

type CredTypes = Record<string, { type: ICredentialType }>;

/** The app's credential helper, reduced to what nodes use: decrypt, authenticate, pre-authenticate. */
export class TestCredentialsHelper extends ICredentialsHelper {
	preAuthenticationCalls = 0;

	constructor(
		private readonly types: CredTypes,
		readonly store: Record<string, Creds>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types[name]?.type.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(name: string): INodeProperties[] {
		return this.types[name].type.properties;
	}

	async getDecrypted(_d: IWorkflowExecuteAdditionalData, _c: unknown, type: string): Promise<Creds> {
		return { ...this.store[type] };
	}

	async authenticate(
		c: Creds,
		typeName: string,
		req: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const opts = req as IHttpRequestOptions;
		const auth = this.types[typeName].type.authenticate;
		if (typeof auth === 'function') return await auth(c, opts);
		if (auth?.type === 'generic') {
			const resolve = (v: unknown) =>
				typeof v === 'string' && v.startsWith('=')
					? workflow!.expression.getSimpleParameterValue(node!, v, 'internal', { $credentials: c }, undefined, '')
					: v;
			const target = opts as unknown as Record<string, Record<string, unknown>>;
			for (const [section, entries] of Object.entries(auth.properties)) {
				target[section] ??= {};
				for (const [k, v] of Object.entries(entries as object)) target[section][k] = resolve(v);
			}
		}
		return opts;
	}

	// Same contract as the app's CredentialsHelper.preAuthentication.
	async preAuthentication(helpers: IHttpRequestHelper, c: Creds, typeName: string, _n: INode, expired: boolean) {
		const type = this.types[typeName].type;
		const field = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!field || typeof type.preAuthentication !== 'function') return undefined;
		if (c[field.name] !== '' && c[field.name] !== undefined && !expired) return undefined;
		this.preAuthenticationCalls++;
		const out = await type.preAuthentication.call(helpers, c);
		if (out[field.name] === undefined) return undefined;
		this.store[typeName] = { ...this.store[typeName], ...out } as Creds; // "persisted"
		return Object.assign(c, out);
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}

export interface LoadedPackage {
	nodeTypes: INodeTypes;
	credentialTypes: CredTypes;
	loader: PackageDirectoryLoader;
}

let loaded: Promise<LoadedPackage> | undefined;

/** Loads dist/ of this package once per test file (build first: `npm run build`). */
export async function loadPackage(): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const byName = (t: string) => loader.nodeTypes[t.split('.').pop()!].type;
		const nodeTypes = {
			getByName: byName,
			getKnownTypes: () => loader.known.nodes,
			getByNameAndVersion: (t: string, v?: number) => NodeHelpers.getVersionedNodeType(byName(t), v),
		} as unknown as INodeTypes;
		return { nodeTypes, credentialTypes: loader.credentialTypes as CredTypes, loader };
	})();
	return await loaded;
}

export interface RunOptions {
	/** n8n's node setting "On Error". */
	onError?: INode['onError'];
	input?: INodeExecutionData[];
	/** Aborts the execution after this many milliseconds (as the Stop button does). */
	cancelAfterMs?: number;
	/** Aborts the execution as soon as this returns true (checked every 5 ms). */
	cancelWhen?: () => boolean;
}

export interface RunResult {
	run: IRun;
	/** Output 0 (success) and, with onError: continueErrorOutput, output 1 (errors). */
	output: INodeExecutionData[][];
	/** When `cancelWhen` cancelled the run. */
	cancelledAt?: number;
	/** The node's error when the execution failed. */
	error?: IRun['data']['resultData']['error'];
	credentialsHelper: TestCredentialsHelper;
	/** Everything the engine kept, as JSON: used to prove no secret leaks anywhere. */
	serialized: string;
}

export function makeNode(type: string, parameters: INodeParameters, credentials: Record<string, string>, onError?: INode['onError']): INode {
	return {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(Object.entries(credentials).map(([k, id]) => [k, { id, name: k }])),
		...(onError ? { onError } : {}),
	};
}

/** Runs one node of this package on the given input items through WorkflowExecute. */
/** What WorkflowExecute needs besides the workflow: its hooks and the credentials it may use. */
export function engineAdditionalData(hooks: ExecutionLifecycleHooks, credentialsHelper: ICredentialsHelper): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export async function runNode(
	type: string,
	parameters: INodeParameters,
	credentials: Record<string, Creds>,
	options: RunOptions = {},
): Promise<RunResult> {
	const pkg = await loadPackage();
	const node = makeNode(
		type,
		parameters,
		Object.fromEntries(Object.keys(credentials).map((k) => [k, `cred-${k}`])),
		options.onError,
	);
	const wf = { id: 'wf-test', name: 'test', active: false, nodes: [node], connections: {}, settings: {} };
	const workflow = new Workflow({ ...wf, nodeTypes: pkg.nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', wf as unknown as IWorkflowBase);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const credentialsHelper = new TestCredentialsHelper(pkg.credentialTypes, credentials);
	const additionalData = engineAdditionalData(hooks, credentialsHelper);
	const data = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [options.input ?? [{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', data).processRunExecutionData(workflow);
	if (options.cancelAfterMs !== undefined) {
		const timer = setTimeout(() => execution.cancel(), options.cancelAfterMs);
		void finished.finally(() => clearTimeout(timer));
	}
	let cancelledAt: number | undefined;
	if (options.cancelWhen) {
		const { cancelWhen } = options;
		const poll = setInterval(() => {
			if (!cancelWhen()) return;
			clearInterval(poll);
			cancelledAt = Date.now();
			execution.cancel();
		}, 5);
		void finished.finally(() => clearInterval(poll));
	}
	await execution.catch(() => undefined);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		run,
		output: (taskData?.data?.main ?? []).map((items) => items ?? []),
		error: run.data.resultData.error ?? taskData?.error,
		cancelledAt,
		credentialsHelper,
		serialized: JSON.stringify(run, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v)),
	};
}

/** `count` input items built by `make`. */
export function items(count: number, make: (i: number) => IDataObject = () => ({})): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: make(i) }));
}

/**
 * n8n's own HTTP helper, the function behind every node's `this.helpers.httpRequest`, taken from
 * n8n-core's DI container (the same modules the engine uses).
 */
export function n8nHttpRequest(): (options: IHttpRequestOptions) => Promise<unknown> {
	const fromCore = createRequire(require.resolve('n8n-core'));
	const { Container } = fromCore('@n8n/di') as { Container: { get<T>(type: unknown): T } };
	const { OutboundHttp } = fromCore('@n8n/backend-network') as { OutboundHttp: unknown };
	const outbound = Container.get<{ requests(): { request(options: IHttpRequestOptions): Promise<unknown> } }>(OutboundHttp);
	return async (options) => await outbound.requests().request(options);
}
