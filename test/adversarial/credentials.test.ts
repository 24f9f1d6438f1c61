/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Malformed credential values give the same clear message when the user clicks "Test" in the
// credential dialog and when a workflow runs; values that only need tidying (spaces copied from a
// console, a trailing slash, the API suffix) reach the same URL both times.
// Credential-test time is replayed the way n8n's credential tester does it: the type's test.request
// with its expressions resolved against $credentials, then the type's authenticate, then the request.
import type { ICredentialDataDecryptedObject as Creds, ICredentialType, IDataObject, IHttpRequestHelper, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import fc from 'fast-check';

import { loadPackage, makeNode, runNode } from '../helpers/engine';
import type { Platform } from './platforms';
import { EasemobPlatform, TencentPlatform, ThuliumPlatform } from './platforms';
import { Tally } from './tally';

const thulium = new ThuliumPlatform();
const tencent = new TencentPlatform();
const easemob = new EasemobPlatform();
const tally = new Tally('credentials');

beforeAll(async () => {
	await thulium.start();
	await tencent.start();
	await easemob.start();
});
afterAll(async () => {
	await thulium.stop();
	await tencent.stop();
	await easemob.stop();
	tally.save();
});

interface CredentialEntry {
	credential: string;
	platform: Platform;
	node: string;
	/** A cheap operation that sends one request with valid parameters. */
	parameters: INodeParameters;
	/** The base URL field, and what follows the base in the test request and in the operation's request. */
	urlField: string;
	testPath: RegExp;
	runPath: RegExp;
	/** Paths after the host the generated base URLs try (suffixes the credential strips, others). */
	urlPaths: string[];
	/** Values that must be refused, with the message the user must see. */
	malformed: Array<{ name: string; values: (base: Creds) => Creds; message: RegExp }>;
	/** Well-formed values the provider refuses: the test's rules and the run both say why. */
	wrong: Array<{ name: string; values: (base: Creds) => Creds; atTest: RegExp; atRun: RegExp }>;
	/** Values that must work, reaching the same address as the base values. */
	tidy: Array<{ name: string; values: (base: Creds) => Creds }>;
}

const ENTRIES: CredentialEntry[] = [
	{
		credential: 'thuliumApi',
		platform: thulium,
		node: 'thuliumChat',
		parameters: { resource: 'conversation', operation: 'start', chatQueueId: { __rl: true, mode: 'id', value: '3' } },
		urlField: 'baseUrl',
		testPath: /\/chats$/,
		runPath: /\/chat_conversations\/start$/,
		urlPaths: ['', '/', '//', '/api', '/api/', '/API', '/x', '/x/api'],
		malformed: [
			{ name: 'empty System URL', values: (b) => ({ ...b, baseUrl: '' }), message: /System URL is empty/ },
			{ name: 'spaces only', values: (b) => ({ ...b, baseUrl: '   ' }), message: /System URL is empty/ },
			{ name: 'not a URL', values: (b) => ({ ...b, baseUrl: 'my system' }), message: /System URL "my system" is not a URL/ },
			{ name: 'http:// to another host', values: (b) => ({ ...b, baseUrl: 'http://acme.thulium.com' }), message: /plain http:\/\/ for "acme\.thulium\.com".*Use https:\/\// },
			{ name: 'http:// to a private address', values: (b) => ({ ...b, baseUrl: 'http://10.0.0.7:8080' }), message: /plain http:\/\/ for "10\.0\.0\.7"/ },
			{ name: 'other scheme', values: (b) => ({ ...b, baseUrl: 'ftp://acme.thulium.com' }), message: /must start with https:\/\// },
			{ name: 'query string', values: (b) => ({ ...b, baseUrl: 'https://acme.thulium.com/?lang=pl' }), message: /must not contain "\?" or "#"/ },
			{ name: 'fragment', values: (b) => ({ ...b, baseUrl: 'https://acme.thulium.com/#/panel' }), message: /must not contain "\?" or "#"/ },
			{ name: 'user info', values: (b) => ({ ...b, baseUrl: 'https://admin:pw@acme.thulium.com' }), message: /must not contain a user name or password/ },
		],
		wrong: [
			{ name: 'wrong password', values: (b) => ({ ...b, password: ['not', 'the', 'password'].join('-') }), atTest: /refused the API user name or password \(401\)/, atRun: /did not accept the API user name or password/ },
			{ name: 'wrong user name', values: (b) => ({ ...b, username: 'someone' }), atTest: /refused the API user name or password \(401\)/, atRun: /did not accept the API user name or password/ },
		],
		tidy: [
			{ name: 'trailing slash', values: (b) => ({ ...b, baseUrl: `${String(b.baseUrl)}/` }) },
			{ name: 'spaces around', values: (b) => ({ ...b, baseUrl: ` ${String(b.baseUrl)}\t`, username: ` ${String(b.username)} ` }) },
			{ name: '/api suffix', values: (b) => ({ ...b, baseUrl: `${String(b.baseUrl)}/api` }) },
			{ name: '/api/ suffix', values: (b) => ({ ...b, baseUrl: `${String(b.baseUrl)}/api/` }) },
			{ name: 'scheme in capitals', values: (b) => ({ ...b, baseUrl: String(b.baseUrl).replace('http://', 'HTTP://') }) },
		],
	},
	{
		credential: 'tencentCloudChatApi',
		platform: tencent,
		node: 'tencentCloudChat',
		parameters: { resource: 'user', operation: 'check', userIds: 'administrator' },
		urlField: 'customBaseUrl',
		testPath: /\/im_open_login_svc\/account_check$/,
		runPath: /\/im_open_login_svc\/account_check$/,
		urlPaths: ['', '/', '//', '/v4', '/v4/', '/V4', '/x', '/x/v4'],
		malformed: [
			{ name: 'SDKAppID with letters', values: (b) => ({ ...b, sdkAppId: '14OO123456' }), message: /SDKAppID must be digits only.*"14OO123456"/ },
			{ name: 'SDKAppID with inner space', values: (b) => ({ ...b, sdkAppId: '1400 123456' }), message: /SDKAppID must be digits only/ },
			{ name: 'SDKAppID empty', values: (b) => ({ ...b, sdkAppId: '' }), message: /SDKAppID must be digits only/ },
			{ name: 'SDKAppID zero', values: (b) => ({ ...b, sdkAppId: '0' }), message: /SDKAppID must be digits only/ },
			{ name: 'SDKAppID too long', values: (b) => ({ ...b, sdkAppId: '1'.repeat(20) }), message: /SDKAppID must be digits only/ },
			{ name: 'SDKAppID negative', values: (b) => ({ ...b, sdkAppId: '-1400123456' }), message: /SDKAppID must be digits only/ },
			{ name: 'secret key empty', values: (b) => ({ ...b, secretKey: '  ' }), message: /secret key is empty/ },
			{ name: 'unknown region', values: (b) => ({ ...b, region: 'moon' }), message: /region "moon" is not known/ },
			{ name: 'custom URL with http:// to another host', values: (b) => ({ ...b, customBaseUrl: 'http://console.tim.qq.com' }), message: /plain http:\/\/ for "console\.tim\.qq\.com"/ },
			{ name: 'custom URL with query', values: (b) => ({ ...b, customBaseUrl: 'https://console.tim.qq.com/v4?sdkappid=1' }), message: /must not contain "\?" or "#"/ },
			{ name: 'custom URL empty', values: (b) => ({ ...b, customBaseUrl: '' }), message: /Custom Base URL is empty/ },
			{ name: 'custom URL not a URL', values: (b) => ({ ...b, customBaseUrl: 'console.tim.qq.com' }), message: /Custom Base URL "console\.tim\.qq\.com" is not a URL/ },
		],
		wrong: [
			{ name: 'secret key of another app', values: (b) => ({ ...b, secretKey: ['another', 'apps', 'key', '0123456789abcdef'].join('-') }), atTest: /could not verify the UserSig \(70009\)/, atRun: /wrong secret key/ },
			{ name: 'identifier that is not an App admin', values: (b) => ({ ...b, adminIdentifier: 'user_1' }), atTest: /not an App admin \(60010\)/, atRun: /not an App admin/ },
		],
		tidy: [
			{ name: 'trailing slash', values: (b) => ({ ...b, customBaseUrl: `${String(b.customBaseUrl)}/` }) },
			{ name: '/v4 suffix', values: (b) => ({ ...b, customBaseUrl: `${String(b.customBaseUrl)}/v4/` }) },
			{
				name: 'spaces copied from the console',
				values: (b) => ({ ...b, customBaseUrl: ` ${String(b.customBaseUrl)} `, sdkAppId: ` ${String(b.sdkAppId)}\n`, secretKey: ` ${String(b.secretKey)} `, adminIdentifier: ` ${String(b.adminIdentifier)} ` }),
			},
			{ name: 'admin identifier left empty', values: (b) => ({ ...b, adminIdentifier: '' }) },
		],
	},
	{
		credential: 'easemobImApi',
		platform: easemob,
		node: 'easemobIm',
		parameters: { resource: 'user', operation: 'getAll', returnAll: false, limit: 1 },
		urlField: 'baseUrl',
		// The credential test asks for a fresh token with the Client ID and Client Secret as entered.
		testPath: /\/[^/]+\/[^/]+\/token$/,
		runPath: /\/[^/]+\/[^/]+\/users$/,
		// A path after the host names another app: only the host itself is tried.
		urlPaths: ['', '/', '//'],
		malformed: [
			{ name: 'empty host', values: (b) => ({ ...b, baseUrl: '' }), message: /REST API Host is empty/ },
			{ name: 'http:// to Easemob', values: (b) => ({ ...b, baseUrl: 'http://a1.easemob.com' }), message: /plain http:\/\/ for "a1\.easemob\.com".*Use https:\/\// },
			{ name: 'query string', values: (b) => ({ ...b, baseUrl: `${String(b.baseUrl)}?x=1` }), message: /must not contain "\?" or "#"/ },
			{ name: 'fragment', values: (b) => ({ ...b, baseUrl: `${String(b.baseUrl)}#f` }), message: /must not contain "\?" or "#"/ },
			{ name: 'user info', values: (b) => ({ ...b, baseUrl: String(b.baseUrl).replace('http://', 'http://user:pw@') }), message: /must not contain a user name or password/ },
			{ name: 'Org Name empty', values: (b) => ({ ...b, orgName: ' ' }), message: /Org Name "" is not valid/ },
			{ name: 'Org Name with "/"', values: (b) => ({ ...b, orgName: 'org/x' }), message: /Org Name "org\/x" is not valid/ },
			{ name: 'Org Name with "#" (the whole AppKey)', values: (b) => ({ ...b, orgName: `${String(b.orgName)}#${String(b.appName)}` }), message: /Org Name ".*#.*" is not valid.*OrgName#AppName/ },
			{ name: 'Org Name ".."', values: (b) => ({ ...b, orgName: '..' }), message: /Org Name "\.\." is not valid/ },
			{ name: 'App Name empty', values: (b) => ({ ...b, appName: '' }), message: /App Name "" is not valid/ },
			{ name: 'App Name with "/"', values: (b) => ({ ...b, appName: '../other' }), message: /App Name "\.\.\/other" is not valid/ },
			{ name: 'App Name with "#"', values: (b) => ({ ...b, appName: 'app#1' }), message: /App Name "app#1" is not valid/ },
			{ name: 'App Name ".."', values: (b) => ({ ...b, appName: '..' }), message: /App Name "\.\." is not valid/ },
			{ name: 'Client ID empty', values: (b) => ({ ...b, clientId: '  ' }), message: /Client ID is empty/ },
			{ name: 'Client Secret empty', values: (b) => ({ ...b, clientSecret: '' }), message: /Client Secret is empty/ },
		],
		wrong: [
			{
				name: 'client secret of another app',
				values: (b) => ({ ...b, clientSecret: ['YXA6another', 'apps', 'secret'].join('-') }),
				atTest: /Easemob refused the Client ID or Client Secret \(invalid_grant: client_secret does not match\)/,
				atRun: /Easemob refused the Client ID or Client Secret/,
			},
			{
				name: 'client ID of another app',
				values: (b) => ({ ...b, clientId: 'YXA6anotherAppsClientId' }),
				atTest: /Easemob refused the Client ID or Client Secret \(invalid_grant: client_id does not match\)/,
				atRun: /Easemob refused the Client ID or Client Secret/,
			},
			{
				// Before: an app token stored with the credential was reused, and the test passed.
				name: 'client secret of another app while a token is stored',
				values: (b) => ({ ...b, clientSecret: ['YXA6another', 'apps', 'secret'].join('-'), accessToken: 'an-app-token-fetched-earlier' }),
				atTest: /^Easemob refused the Client ID or Client Secret \(400\)\. In the Easemob console/,
				atRun: /Easemob refused the Client ID or Client Secret/,
			},
		],
		tidy: [
			{ name: 'trailing slash', values: (b) => ({ ...b, baseUrl: `${String(b.baseUrl)}/` }) },
			{
				name: 'spaces around every field',
				values: (b) => ({
					...b,
					baseUrl: ` ${String(b.baseUrl)} `,
					orgName: ` ${String(b.orgName)}\t`,
					appName: ` ${String(b.appName)} `,
					clientId: ` ${String(b.clientId)}\n`,
					clientSecret: ` ${String(b.clientSecret)} `,
				}),
			},
			{ name: 'scheme in capitals', values: (b) => ({ ...b, baseUrl: String(b.baseUrl).replace('http://', 'HTTP://') }) },
		],
	},
];

/** Resolves `={{ … }}` values of the test request with $credentials, as n8n's credential tester does. */
async function resolveTestRequest(type: ICredentialType, credentials: Creds): Promise<IHttpRequestOptions> {
	const pkg = await loadPackage();
	const node = makeNode('thuliumChat', {}, {});
	const workflow = new Workflow({ id: 'cred-test', nodes: [node], connections: {}, active: false, nodeTypes: pkg.nodeTypes });
	const resolve = (value: unknown): unknown => {
		if (typeof value === 'string' && value.startsWith('=')) {
			return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		}
		if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
		return value;
	};
	return resolve(structuredClone(type.test!.request)) as IHttpRequestOptions;
}

/** The credential test: authenticate, then send; returns the URL reached and the answer, or the refusal. */
/** n8n's helpers.httpRequest, reduced to what preAuthentication uses: JSON in, JSON out, throws on 4xx/5xx. */
async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(`${String(options.baseURL ?? '')}${options.url}`);
	for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
	const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
	const body = options.body === undefined ? undefined : JSON.stringify(options.body);
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
	const text = await response.text();
	if (!response.ok && options.ignoreHttpStatusErrors !== true) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), { httpCode: String(response.status), body: text });
	}
	const parsed = text ? (JSON.parse(text) as unknown) : {};
	return options.returnFullResponse === true ? { statusCode: response.status, headers: Object.fromEntries(response.headers), body: parsed } : parsed;
}

/** As n8n's credential tester: a type with an expirable hidden field gets it from preAuthentication first. */
async function preAuthenticate(type: ICredentialType, credentials: Creds): Promise<Creds> {
	const field = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
	if (!field || typeof type.preAuthentication !== 'function' || (credentials[field.name] ?? '') !== '') return credentials;
	const helpers = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
	return { ...credentials, ...(await type.preAuthentication.call(helpers, credentials)) } as Creds;
}

async function credentialTest(entry: CredentialEntry, credentials: Creds): Promise<{ refused?: string; url?: string; status?: number; body?: IDataObject }> {
	const pkg = await loadPackage();
	const type = pkg.credentialTypes[entry.credential].type;
	let options: IHttpRequestOptions;
	try {
		credentials = await preAuthenticate(type, credentials);
		options = await resolveTestRequest(type, credentials);
		if (typeof type.authenticate !== 'function') throw new Error('authenticate is expected to be a function');
		options = await type.authenticate(credentials, options);
	} catch (error) {
		return { refused: (error as Error).message };
	}
	const url = new URL(`${String(options.baseURL ?? '')}${options.url}`);
	for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
	const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
	if (options.auth) headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] = 'application/json';
	}
	const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
	const text = await response.text();
	return { url: `${url.origin}${url.pathname}`, status: response.status, body: text ? (JSON.parse(text) as IDataObject) : {} };
}

/** The message n8n's credential tester shows for an answer, from the type's test rules. */
async function ruleMessage(entry: CredentialEntry, status: number, body: IDataObject): Promise<string | undefined> {
	const pkg = await loadPackage();
	for (const rule of pkg.credentialTypes[entry.credential].type.test?.rules ?? []) {
		if (rule.type === 'responseCode' && rule.properties.value === status) return rule.properties.message;
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value) return rule.properties.message;
	}
	return status >= 400 ? `HTTP ${status}` : undefined;
}

/** The operation's requests (not those fetching a token). */
function operationRequests(entry: CredentialEntry) {
	return entry.platform.requests().filter((req) => !entry.platform.auxiliary?.(req));
}

/** The address the node's requests went to, minus the operation's own path. */
function runTimeBase(entry: CredentialEntry): string | undefined {
	const [req] = operationRequests(entry);
	if (!req) return undefined;
	const { origin } = new URL(String(entry.platform.credentials()[entry.credential][entry.urlField]));
	return `${origin}${req.rawPath.replace(entry.runPath, '')}`;
}

describe.each(ENTRIES)('$credential', (entry) => {
	const base = () => entry.platform.credentials()[entry.credential];
	beforeEach(() => entry.platform.reset());

	it.each(entry.malformed)('refuses $name with a clear message at credential-test time and at run time', async ({ values, message }) => {
		const credentials = values(base());
		const atTest = await credentialTest(entry, credentials);
		expect(atTest.refused).toMatch(message);
		expect(entry.platform.requests()).toHaveLength(0);

		const run = await runNode(entry.node, entry.parameters, { [entry.credential]: credentials });
		expect(run.error?.message).toMatch(message);
		expect(entry.platform.requests()).toHaveLength(0);
		expect(run.error?.message).toBe(atTest.refused);
		tally.add(entry.credential, 'cases');
		tally.add(entry.credential, 'rejected');
		tally.add(entry.credential, 'clear-message');
	});

	it.each(entry.wrong)('explains $name at credential-test time and at run time', async ({ values, atTest, atRun }) => {
		const credentials = values(base());
		const tested = await credentialTest(entry, credentials);
		// A refusal while fetching a token (preAuthentication) is what the credential dialog shows.
		expect(tested.refused ?? (await ruleMessage(entry, tested.status!, tested.body ?? {}))).toMatch(atTest);
		const run = await runNode(entry.node, entry.parameters, { [entry.credential]: credentials });
		expect(run.error?.message).toMatch(atRun);
		tally.add(entry.credential, 'cases');
		tally.add(entry.credential, 'rejected');
		tally.add(entry.credential, 'clear-message');
	});

	it.each(entry.tidy)('accepts $name and reaches the same API address at credential-test time and at run time', async ({ values }) => {
		const credentials = values(base());
		const atTest = await credentialTest(entry, credentials);
		expect(atTest.refused).toBeUndefined();
		expect(atTest.status).toBe(200);
		expect(await ruleMessage(entry, atTest.status!, atTest.body ?? {})).toBeUndefined();
		if (entry.credential === 'tencentCloudChatApi') expect(atTest.body?.ActionStatus).toBe('OK');
		const testBase = atTest.url!.replace(entry.testPath, '');

		entry.platform.reset();
		const run = await runNode(entry.node, entry.parameters, { [entry.credential]: credentials });
		expect(run.error?.message).toBeUndefined();
		expect(runTimeBase(entry)).toBe(testBase);
		tally.add(entry.credential, 'cases');
		tally.add(entry.credential, 'accepted');
	});
});

describe.each(ENTRIES)('$credential: generated base URLs', (entry) => {
	const field = entry.urlField;
	const runs = Number(process.env.ADVERSARIAL_RUNS ?? 40);

	it(`either refuses a base URL with the same message both times or reaches the same address both times (${runs} runs)`, async () => {
		const base = entry.platform.credentials()[entry.credential];
		const { host } = new URL(String(base[field]));
		// Only this machine is ever contacted: other hosts appear only where they must be refused.
		const url = fc
			.record({
				space: fc.constantFrom('', ' ', '\t', '\n '),
				scheme: fc.constantFrom('http://', 'HTTP://', 'https://', 'ftp://', ''),
				host: fc.constantFrom(host, host, 'example.com', '10.0.0.7', 'acme.thulium.com:8443'),
				userinfo: fc.constantFrom('', '', '', 'admin:pw@'),
				path: fc.constantFrom(...entry.urlPaths),
				extra: fc.constantFrom('', '', '', '?a=1', '#frag', '?'),
			})
			.filter((u) => u.scheme !== 'https://' || u.userinfo !== '' || u.extra === '?a=1' || u.extra === '#frag');
		await fc.assert(
			fc.asyncProperty(url, async (u) => {
				entry.platform.reset();
				const value = `${u.space}${u.scheme}${u.userinfo}${u.host}${u.path}${u.extra}${u.space}`;
				const credentials = { ...base, [field]: value };
				const atTest = await credentialTest(entry, credentials);
				const testRequests = entry.platform.requests().length;
				entry.platform.reset();
				const run = await runNode(entry.node, entry.parameters, { [entry.credential]: credentials });
				tally.add(`${entry.credential} (generated URLs)`, 'cases');
				if (atTest.refused !== undefined) {
					expect(testRequests).toBe(0);
					expect(entry.platform.requests()).toHaveLength(0);
					expect(run.error?.message).toBe(atTest.refused);
					tally.add(`${entry.credential} (generated URLs)`, 'rejected');
					tally.add(`${entry.credential} (generated URLs)`, 'clear-message');
				} else {
					const testBase = atTest.url!.replace(entry.testPath, '');
					const [req] = operationRequests(entry);
					expect(req).toBeDefined();
					const runPath = req.rawPath.replace(entry.runPath, '');
					expect(`${new URL(testBase).host}${new URL(testBase).pathname}`.replace(/\/$/, '')).toBe(`${host}${runPath}`.replace(/\/$/, ''));
					tally.add(`${entry.credential} (generated URLs)`, 'accepted');
				}
			}),
			{ numRuns: runs, seed: Number(process.env.ADVERSARIAL_SEED ?? 20261123) },
		);
	}, 60_000);
});
