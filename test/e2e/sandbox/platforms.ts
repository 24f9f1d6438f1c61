/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error */
// The sandbox backend: the fake chat platforms with demo data, and the n8n credentials that point at
// them. `npm start` runs it on fixed loopback ports; the end-to-end tests run it on free ports.
// Adding a platform means adding one entry to PLATFORMS.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { FakeServer } from '../../fakes/fakeServer';
import { FakeEasemob } from '../../fakes/fakeEasemob';
import { FakeTencent } from '../../fakes/fakeTencent';
import { FakeThulium } from '../../fakes/fakeThulium';

/** A credential as `n8n import:credentials` reads it (data is the plain, unencrypted object). */
export interface SandboxCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, string | number | boolean>;
}

interface PlatformDefinition<F> {
	/** Short key, also used in log lines. */
	key: string;
	label: string;
	/** The package's node for this platform (type name without the package prefix). */
	node: string;
	/** Default loopback port of the sandbox (`npm start`); the tests use free ports instead. */
	port: number;
	/** Environment variable that sets the sandbox's port for this platform. */
	portEnv: string;
	create: () => F;
	server: (fake: F) => FakeServer;
	/** Puts the demo data the example workflows use into a fresh fake. */
	seed: (fake: F) => void;
	/** ID of the sandbox credential in n8n (examples reference it). */
	credentialId: string;
	credential: (fake: F, baseUrl: string) => SandboxCredential;
	/** For n8n's credential test: the credential data with a wrong secret, and the message expected. */
	wrongSecret: { data: (credential: SandboxCredential) => SandboxCredential['data']; message: RegExp };
}

/** Thulium conversations the examples clean up (fixed IDs so that workflows can name them). */
export const THULIUM_DEMO_CONVERSATIONS = ['0b7d3f1e-5a21-4c8e-9f00-5a0d1c000001', '0b7d3f1e-5a21-4c8e-9f00-5a0d1c000002'];

const thulium: PlatformDefinition<FakeThulium> = {
	key: 'thulium',
	label: 'Thulium',
	node: 'thuliumChat',
	port: 5701,
	portEnv: 'NCC_THULIUM_PORT',
	create: () => new FakeThulium(),
	server: (fake) => fake.server,
	seed: (fake) => {
		for (const id of THULIUM_DEMO_CONVERSATIONS) {
			const conversation = fake.addConversation(3);
			fake.conversations.delete(conversation.id);
			conversation.id = id;
			fake.conversations.set(id, conversation);
		}
	},
	credentialId: 'sandboxThuliumApi',
	credential: (fake, baseUrl) => ({
		id: 'sandboxThuliumApi',
		name: 'Thulium (sandbox)',
		type: 'thuliumApi',
		data: { baseUrl, username: fake.username, password: fake.password },
	}),
	wrongSecret: {
		data: (credential) => ({ ...credential.data, password: 'not-the-password' }),
		// n8n 2.x names the 401; n8n 1.x's tester cannot see a status, so the body rule answers there.
		message: /^Thulium (refused the API user name or password \(401\)|did not return its chat list for these settings\. Check the API user name or password)/,
	},
};

/**
 * Demo users of the Tencent Cloud Chat and Easemob IM apps: `support` is the service account the
 * clients talk to; the nightly clean-up example removes the conversations of alice and bob with it
 * (carol's stays). The callback examples reply as `support`.
 */
export const DEMO_SUPPORT_USER = 'support';
export const DEMO_CLIENTS = ['alice', 'bob', 'carol'];
/** The sandbox's Tencent group, with the support user and the clients as members. */
export const DEMO_TENCENT_GROUP = 'support-team';
export const DEMO_CLEANUP_USERS = ['alice', 'bob'];
/** Secrets of the sandbox credentials the callback examples' trigger nodes check callbacks with (sandbox only). */
export const TENCENT_CALLBACK_TOKEN = ['sandbox', 'callback', 'token'].join('-');
export const EASEMOB_CALLBACK_SECRET = ['sandbox', 'callback', 'secret'].join('-');

/** A demo one-to-one message stored on the fake Tencent app (its roaming history). */
function tencentDemoMessage(fake: FakeTencent, from: string, to: string, text: string, seq: number, time: number) {
	const random = 100_000 + seq;
	fake.messages.push({
		From_Account: from,
		To_Account: to,
		MsgSeq: seq,
		MsgRandom: random,
		MsgTimeStamp: time,
		MsgKey: `${seq}_${random}_${time}`,
		MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
		MsgFlagBits: 0,
		clearedFor: new Set(),
		request: {},
	});
}

const tencent: PlatformDefinition<FakeTencent> = {
	key: 'tencent',
	label: 'Tencent Cloud Chat',
	node: 'tencentCloudChat',
	port: 5702,
	portEnv: 'NCC_TENCENT_PORT',
	create: () => new FakeTencent(),
	server: (fake) => fake.server,
	seed: (fake) => {
		fake.reset();
		fake.addUsers(DEMO_SUPPORT_USER, ...DEMO_CLIENTS);
		fake.groups.clear();
		fake.groupApi.clear();
		fake.addGroup(DEMO_TENCENT_GROUP, [DEMO_SUPPORT_USER, ...DEMO_CLIENTS]);
		fake.conversations.clear();
		fake.messages.length = 0;
		const time = Math.floor(Date.now() / 1000) - 3600;
		DEMO_CLIENTS.forEach((client, i) => {
			fake.addConversation(client, 1, DEMO_SUPPORT_USER, time + i);
			fake.addConversation(DEMO_SUPPORT_USER, 1, client, time + i);
			tencentDemoMessage(fake, client, DEMO_SUPPORT_USER, `Hi, this is ${client}.`, 10 * i + 1, time + i);
			tencentDemoMessage(fake, DEMO_SUPPORT_USER, client, `Hello ${client}, how can we help?`, 10 * i + 2, time + i);
		});
	},
	credentialId: 'sandboxTencentApi',
	credential: (fake, baseUrl) => ({
		id: 'sandboxTencentApi',
		name: 'Tencent Cloud Chat (sandbox)',
		type: 'tencentCloudChatApi',
		data: {
			region: 'custom',
			customBaseUrl: baseUrl,
			sdkAppId: String(fake.sdkAppId),
			secretKey: fake.secretKey,
			adminIdentifier: fake.admin,
			// The callback examples' trigger checks Sign with it.
			callbackToken: TENCENT_CALLBACK_TOKEN,
		},
	}),
	wrongSecret: {
		data: (credential) => ({ ...credential.data, secretKey: 'not-the-secret-key' }),
		message: /^Tencent could not verify the UserSig \(70009\)/,
	},
};

const EASEMOB_APP = 'fake-app';

const easemob: PlatformDefinition<FakeEasemob> = {
	key: 'easemob',
	label: 'Easemob IM',
	node: 'easemobIm',
	port: 5703,
	portEnv: 'NCC_EASEMOB_PORT',
	create: () => new FakeEasemob(),
	server: (fake) => fake.server,
	seed: (fake) => {
		fake.reset();
		fake.users.delete(EASEMOB_APP);
		fake.conversations.clear();
		fake.messages.clear();
		for (const user of [DEMO_SUPPORT_USER, ...DEMO_CLIENTS]) fake.addUser(EASEMOB_APP, user);
		for (const client of DEMO_CLIENTS) {
			fake.addConversation(EASEMOB_APP, client, 'chat', DEMO_SUPPORT_USER);
			fake.addConversation(EASEMOB_APP, DEMO_SUPPORT_USER, 'chat', client);
		}
		// For User → Get Online Status / Get Offline Message Count and Message → Get History: support is
		// online, carol has messages waiting, and the last hour (UTC) has an export of the demo chats.
		fake.userRoutes.setOnline(EASEMOB_APP, DEMO_SUPPORT_USER);
		fake.userRoutes.setOfflineCount(EASEMOB_APP, 'carol', 2);
		const lastHour = Date.now() - 3600_000;
		fake.history.addExport(
			EASEMOB_APP,
			new Date(lastHour).toISOString().replace(/[-T:]/g, '').slice(0, 10),
			DEMO_CLIENTS.map((client, i) => ({
				msg_id: `10294575008705430${i}`,
				timestamp: lastHour + i * 1000,
				direction: 'outgoing' as const,
				to: DEMO_SUPPORT_USER,
				from: client,
				chat_type: 'chat' as const,
				payload: { bodies: [{ msg: `Hi, this is ${client}.`, type: 'txt' }], ext: {}, from: client, to: DEMO_SUPPORT_USER },
			})),
		);
	},
	credentialId: 'sandboxEasemobApi',
	credential: (fake, baseUrl) => ({
		id: 'sandboxEasemobApi',
		name: 'Easemob IM (sandbox)',
		type: 'easemobImApi',
		// The callback example's trigger checks security with callbackSecret.
		data: { baseUrl, orgName: fake.orgName, appName: EASEMOB_APP, clientId: fake.clientId, clientSecret: fake.clientSecret, callbackSecret: EASEMOB_CALLBACK_SECRET },
	}),
	wrongSecret: {
		data: (credential) => ({ ...credential.data, clientSecret: 'not-the-client-secret' }),
		message: /^Easemob refused the Client ID or Client Secret \(invalid_grant: client_secret does not match\)$/,
	},
};

// One line per platform. Default sandbox ports: 5701 Thulium, 5702 Tencent Cloud Chat, 5703 Easemob IM.
export const PLATFORMS = [thulium, tencent, easemob] as const;

export const SANDBOX_CREDENTIAL_IDS: string[] = PLATFORMS.map((p) => p.credentialId);

export interface RunningPlatform {
	key: string;
	label: string;
	node: string;
	baseUrl: string;
	/** The port the platform's default would have been (`npm start`). */
	defaultPort: number;
	portEnv: string;
	fake: unknown;
	server: FakeServer;
	credential: SandboxCredential;
	wrongSecret: PlatformDefinition<unknown>['wrongSecret'];
}

export interface RunningSandbox {
	platforms: RunningPlatform[];
	credentials: SandboxCredential[];
	get<F>(key: string): { fake: F; baseUrl: string; server: FakeServer };
	/** Clears recorded requests and puts the demo data back. */
	reset(): void;
	stop(): Promise<void>;
}

/**
 * Serves a fake on a chosen port (0 = any free port) on 127.0.0.1. The fakes' own start() always
 * takes a free port; this keeps their request handling and recording as they are.
 */
async function listen(fake: FakeServer, port: number, label: string, hint = ''): Promise<{ baseUrl: string; close: () => Promise<void> }> {
	const serve = (fake['serve'] as (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>).bind(fake);
	const sockets = new Set<Socket>();
	const server = http.createServer((req, res) => void serve(req, res));
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'EADDRINUSE'
					? new Error(`port ${port} on 127.0.0.1 is already in use (needed by the fake ${label}). Stop whatever listens there (see 'ss -ltnp | grep :${port}')${hint}, and try again.`)
					: error,
			),
		);
		server.listen(port, '127.0.0.1', resolve);
	});
	const { port: actual } = server.address() as AddressInfo;
	const baseUrl = `http://127.0.0.1:${actual}`;
	fake.baseUrl = baseUrl;
	return {
		baseUrl,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export interface StartSandboxOptions {
	/** true: the sandbox's ports (each platform's default, or the one in `ports`); false: free ones. */
	fixedPorts: boolean;
	/** With fixedPorts: ports by platform key that replace the defaults; such a port must be free. */
	ports?: Record<string, number | undefined>;
	/** With fixedPorts: a default port that is taken gives way to a free one instead of failing. */
	freePortWhenTaken?: boolean;
	/** With freePortWhenTaken: ports by platform key to try before any free one (the last start's). */
	previousPorts?: Record<string, number | undefined>;
}

/** Listens on the platform's port as the options say; a taken default may give way to a free port. */
async function listenAsConfigured(definition: PlatformDefinition<unknown>, server: FakeServer, options: StartSandboxOptions) {
	if (!options.fixedPorts) return await listen(server, 0, definition.label);
	const chosen = options.ports?.[definition.key];
	if (chosen !== undefined) return await listen(server, chosen, definition.label, `, or choose another port in ${definition.portEnv}`);
	try {
		return await listen(server, definition.port, definition.label, `, or set ${definition.portEnv}`);
	} catch (error) {
		if (!options.freePortWhenTaken || !/already in use/.test((error as Error).message)) throw error;
		const previous = options.previousPorts?.[definition.key];
		if (previous) {
			try {
				return await listen(server, previous, definition.label);
			} catch {
				// taken as well: any free port
			}
		}
		return await listen(server, 0, definition.label);
	}
}

/** Starts every fake platform with its demo data. fixedPorts: the sandbox's ports, else free ones. */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
	const running: Array<RunningPlatform & { close: () => Promise<void>; reseed: () => void }> = [];
	const stop = async () => {
		await Promise.all(running.map(async (p) => await p.close()));
	};
	try {
		for (const definition of PLATFORMS as unknown as ReadonlyArray<PlatformDefinition<unknown>>) {
			const fake = definition.create();
			const server = definition.server(fake);
			definition.seed(fake);
			const { baseUrl, close } = await listenAsConfigured(definition, server, options);
			running.push({
				key: definition.key,
				label: definition.label,
				node: definition.node,
				baseUrl,
				defaultPort: definition.port,
				portEnv: definition.portEnv,
				fake,
				server,
				credential: definition.credential(fake, baseUrl),
				wrongSecret: definition.wrongSecret,
				close,
				reseed: () => definition.seed(fake),
			});
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		platforms: running,
		credentials: running.map((p) => p.credential),
		get<F>(key: string) {
			const platform = running.find((p) => p.key === key);
			if (!platform) throw new Error(`no sandbox platform "${key}"`);
			return { fake: platform.fake as F, baseUrl: platform.baseUrl, server: platform.server };
		},
		reset() {
			for (const platform of running) {
				platform.server.reset();
				platform.reseed();
			}
		},
		stop,
	};
}
