/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// A tiny HTTP server for the fake platforms: records every request, tracks concurrency, and can
// add latency or faults. No framework, so what it checks is exactly what the tests say.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path as sent on the wire (still percent-encoded). */
	rawPath: string;
	/** Path segments, each decoded once. */
	segments: string[];
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** Parsed JSON body, or undefined when the body is empty or not JSON. */
	json: unknown;
	/** Set when the body was not valid JSON. */
	jsonError?: boolean;
	at: number;
	/** What the fake checked about this request (signatures, credentials), in words, for the log. */
	checks?: string[];
}

/** What a fake received and answered, as the sandbox's request log shows it (secrets masked). */
export interface Exchange {
	at: number;
	method: string;
	/** Path as sent (percent-encoded). */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** The parsed JSON body, else the text (empty string when there was none). */
	body: unknown;
	/** What the fake checked (signatures, credentials), in words. */
	checks: string[];
	/** The HTTP status answered; undefined when the connection closed without one. */
	status?: number;
	/** The answer's parsed JSON body, else its text. */
	answer?: unknown;
	/** How the answer went out when not plainly: a network fault or a held connection. */
	delivery?: string;
	durationMs: number;
}

/** Names of headers, query parameters and JSON fields whose values are secrets. */
const SECRET_NAME = /secret|password|passwd|token|usersig|signature|authorization|cookie|^sign$|^security$|^sig$/i;
const MASK = '***';

/** A copy of a JSON value with the values of secret-named fields replaced by ***. */
export function maskSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(maskSecrets);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_NAME.test(k) && (typeof v === 'string' || typeof v === 'number') ? MASK : maskSecrets(v)]),
		);
	}
	return value;
}

function maskHeader(name: string, value: string): string {
	if (!SECRET_NAME.test(name)) return value;
	// Keep the scheme ("Basic", "Bearer"): it says which kind of credential was sent.
	const scheme = /^(\w+) \S/.exec(value);
	return scheme ? `${scheme[1]} ${MASK}` : MASK;
}

function parseMaybeJson(text: string): unknown {
	if (text === '') return '';
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * A network fault applied to an answer after the request was processed (so the platform did act):
 * `reset` sends the status line and half the body, then closes the connection; `slow` sends the
 * answer only after `delayMs` (past the client's timeout, the client never sees it).
 */
export type NetworkFault = { kind: 'reset' } | { kind: 'slow'; delayMs: number };

export class Reply {
	handled = false;
	/** What went out, for the request log: status and body, or how the connection ended. */
	answered?: { status?: number; body?: string; delivery?: string };

	constructor(
		private readonly res: http.ServerResponse,
		private readonly fault?: NetworkFault,
		private readonly timers?: Set<NodeJS.Timeout>,
	) {}

	private send(status: number, headers: Record<string, string>, body?: string | Buffer): void {
		this.handled = true;
		this.answered = { status, body: typeof body === 'string' || body === undefined ? body : `<${body.length} bytes>` };
		const write = () => {
			if (this.res.destroyed) return;
			this.res.writeHead(status, headers);
			this.res.end(body);
		};
		if (this.fault?.kind === 'reset') {
			const bytes = Buffer.from(body ?? '');
			// Without a body to cut, the connection closes before the status line.
			this.answered.delivery = 'connection reset mid-answer (network fault)';
			if (bytes.length < 2) return void this.res.socket?.destroy();
			this.res.writeHead(status, { ...headers, 'Content-Length': String(bytes.length) });
			this.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => this.res.socket?.destroy());
		} else if (this.fault?.kind === 'slow') {
			this.answered.delivery = `answer delayed ${this.fault.delayMs} ms (network fault)`;
			const timer = setTimeout(() => {
				this.timers?.delete(timer);
				write();
			}, this.fault.delayMs);
			this.timers?.add(timer);
		} else {
			write();
		}
	}

	json(status: number, body: unknown, headers: Record<string, string> = {}): void {
		this.send(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(body));
	}

	empty(status = 204, headers: Record<string, string> = {}): void {
		this.send(status, headers);
	}

	text(status: number, text: string, contentType = 'text/plain'): void {
		this.send(status, { 'Content-Type': contentType }, text);
	}

	/** Sends bytes as they are (a file). */
	bytes(status: number, body: Buffer, contentType = 'application/octet-stream'): void {
		this.send(status, { 'Content-Type': contentType, 'Content-Length': String(body.length) }, body);
	}

	/** Closes the connection without an answer (a reset mid-response). */
	reset(): void {
		this.handled = true;
		this.answered = { delivery: 'connection closed without an answer' };
		this.res.socket?.destroy();
	}

	/** Never answers: for client timeouts. The socket is closed when the server stops. */
	hang(): void {
		this.handled = true;
		this.answered = { delivery: 'no answer: the connection is held open' };
	}
}

export type Handler = (req: RecordedRequest, reply: Reply) => void | Promise<void>;

export class FakeServer {
	readonly requests: RecordedRequest[] = [];
	/** Added before every answer. */
	latencyMs = 0;
	inFlight = 0;
	maxInFlight = 0;
	/** Chooses a network fault for a request's answer (see NetworkFault); none when unset. */
	networkFault?: (req: RecordedRequest) => NetworkFault | undefined;
	/** Network faults applied, by kind. */
	networkFaults = { reset: 0, slow: 0 };
	private readonly timers = new Set<NodeJS.Timeout>();
	private server?: http.Server;
	private readonly sockets = new Set<import('node:net').Socket>();
	baseUrl = '';
	/** Called with every request and its answer, secrets masked (the sandbox's request log). */
	onExchange?: (exchange: Exchange) => void;

	constructor(private readonly handler: Handler) {}

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => void this.serve(req, res));
		this.server.keepAliveTimeout = 60_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	reset(): void {
		this.requests.length = 0;
		this.maxInFlight = 0;
	}

	private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.on('close', () => this.inFlight--);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks).toString('utf8');
		// Concatenated, not resolved: a path starting with "//" must stay a path, not become a host.
		const url = new URL(`http://fake${req.url ?? '/'}`);
		let json: unknown;
		let jsonError = false;
		if (body !== '') {
			try {
				json = JSON.parse(body);
			} catch {
				jsonError = true;
			}
		}
		const rawPath = url.pathname;
		const recorded: RecordedRequest = {
			method: req.method ?? 'GET',
			rawPath,
			segments: rawPath
				.split('/')
				.filter((s) => s !== '')
				.map((s) => {
					try {
						return decodeURIComponent(s);
					} catch {
						return s;
					}
				}),
			query: url.searchParams,
			headers: req.headers,
			body,
			json,
			jsonError,
			at: Date.now(),
			checks: [],
		};
		this.requests.push(recorded);
		if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
		const fault = this.networkFault?.(recorded);
		if (fault) this.networkFaults[fault.kind]++;
		const reply = new Reply(res, fault, this.timers);
		try {
			await this.handler(recorded, reply);
		} catch (error) {
			if (!reply.handled) reply.json(500, { error: 'fake server crashed', message: String(error) });
		}
		if (!reply.handled) reply.json(404, { error: 'no route', path: rawPath });
		if (this.onExchange) this.onExchange(this.exchange(recorded, reply));
	}

	private exchange(req: RecordedRequest, reply: Reply): Exchange {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (value !== undefined) headers[name] = maskHeader(name, Array.isArray(value) ? value.join(', ') : value);
		}
		const query: Record<string, string> = {};
		for (const [name, value] of req.query) query[name] = SECRET_NAME.test(name) ? MASK : value;
		const answered = reply.answered ?? {};
		return {
			at: req.at,
			method: req.method,
			path: req.rawPath,
			query,
			headers,
			body: maskSecrets(req.json !== undefined ? req.json : req.body),
			checks: [...(req.checks ?? [])],
			status: answered.status,
			answer: answered.body === undefined ? undefined : maskSecrets(parseMaybeJson(answered.body)),
			delivery: answered.delivery,
			durationMs: Date.now() - req.at,
		};
	}
}

/** Sliding-window counter the fakes use to enforce documented rate limits. */
export class WindowCounter {
	private readonly hits = new Map<string, number[]>();

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	/** Records a call; false when it is over the limit (the call is then not counted). */
	take(key = '', now = Date.now()): boolean {
		const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
		if (recent.length >= this.limit) {
			this.hits.set(key, recent);
			return false;
		}
		recent.push(now);
		this.hits.set(key, recent);
		return true;
	}

	clear(): void {
		this.hits.clear();
	}
}

/** Deterministic pseudo-random numbers for fault injection, so failing runs can be replayed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
}
