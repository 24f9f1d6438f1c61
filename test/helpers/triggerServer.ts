/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// A trigger's webhook() over real HTTP: a node:http server hands each request to the node with the
// parts of IWebhookFunctions the triggers use, as n8n's webhook server does: the body parsed by its
// Content-Type (JSON, form, text; anything else left unparsed), the raw bytes kept as rawBody, the
// caller's address as req.ip, the node's credentials, and n8n's own answer when the node leaves it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { loadPackage } from './engine';

export interface TriggerCall {
	status: number;
	text: string;
	/** Parsed JSON, or undefined when the answer is not JSON. */
	json?: IDataObject;
	headers: Headers;
}

export class TriggerServer {
	parameters: IDataObject = {};
	credentials: Record<string, IDataObject> = {};
	/** The address n8n would report as req.ip (default: the socket's). */
	callerIp?: string;
	readonly started: INodeExecutionData[][] = [];
	readonly results: IWebhookResponseData[] = [];
	readonly warnings: string[] = [];
	credentialReads = 0;
	url = '';
	private server?: http.Server;
	private trigger?: INodeType;

	constructor(
		private readonly nodeName: string,
		private readonly displayName: string,
	) {}

	async start(): Promise<void> {
		const pkg = await loadPackage();
		this.trigger = pkg.loader.nodeTypes[this.nodeName].type as INodeType;
		this.server = http.createServer((req, res) => void this.serve(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/0f5e/webhook`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	get node(): INodeType {
		return this.trigger!;
	}

	reset(parameters: IDataObject, credentials: Record<string, IDataObject>): void {
		this.parameters = parameters;
		this.credentials = credentials;
		this.callerIp = undefined;
		this.started.length = 0;
		this.results.length = 0;
		this.warnings.length = 0;
		this.credentialReads = 0;
	}

	async post(query: Record<string, string>, body: string, headers: Record<string, string> = {}): Promise<TriggerCall> {
		const qs = new URLSearchParams(query).toString();
		// Bytes, not a string: fetch would add "Content-Type: text/plain" to a string body.
		const response = await fetch(`${this.url}${qs ? `?${qs}` : ''}`, { method: 'POST', headers, body: Buffer.from(body, 'utf8') });
		const text = await response.text();
		let json: IDataObject | undefined;
		try {
			json = JSON.parse(text) as IDataObject;
		} catch {
			json = undefined;
		}
		return { status: response.status, text, json, headers: response.headers };
	}

	private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		const text = rawBody.toString('utf8');
		let body: unknown = {};
		if (text !== '') {
			if (type === 'application/json') {
				try {
					body = JSON.parse(text) as unknown;
				} catch {
					res.writeHead(400).end('{"message":"Failed to parse request body"}');
					return;
				}
			} else if (type === 'application/x-www-form-urlencoded') body = Object.fromEntries(new URLSearchParams(text));
			else if (type.startsWith('text/')) body = text;
		}
		Object.assign(req, { rawBody, body, ip: this.callerIp ?? req.socket.remoteAddress });
		const url = new URL(req.url ?? '/', 'http://localhost');
		const ctx = {
			getNodeParameter: (name: string, fallback?: unknown) => (name in this.parameters ? this.parameters[name] : fallback),
			getBodyData: () => body,
			getHeaderData: () => req.headers,
			getQueryData: () => Object.fromEntries(url.searchParams),
			getRequestObject: () => req,
			getResponseObject: () => res,
			getCredentials: async (credentialType: string) => {
				this.credentialReads += 1;
				const found = this.credentials[credentialType];
				if (!found) throw new Error(`Node does not have any credentials set for "${credentialType}"`);
				return { ...found };
			},
			getNode: () => ({
				id: url.searchParams.get('node') ?? 'trigger-1',
				name: this.displayName,
				type: `n8n-nodes-chat-conversations.${this.nodeName}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: this.parameters,
			}),
			getWorkflow: () => ({ id: 'wf-trigger', active: true }),
			getMode: () => 'webhook',
			logger: {
				warn: (message: string) => this.warnings.push(message),
				info: () => undefined,
				debug: () => undefined,
				error: () => undefined,
			},
			helpers: { returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })) },
		} as unknown as IWebhookFunctions;
		let result: IWebhookResponseData;
		try {
			result = await this.trigger!.webhook!.call(ctx);
		} catch (error) {
			res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`crash: ${(error as Error).message}`);
			return;
		}
		this.results.push(result);
		if (result.workflowData) this.started.push(...result.workflowData);
		if (result.noWebhookResponse) return;
		// A request left open for a node of the workflow (responseMode responseNode) is closed here with
		// n8n's "no response" answer, so that the test sees that the trigger did not answer it.
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
	}
}
