 
import type { ICredentialType, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { FakeTencent } from '../fakes/fakeTencent';
import { loadPackage } from '../helpers/engine';

const fake = new FakeTencent();
let credential: ICredentialType;
let baseUrl = '';

beforeAll(async () => {
	baseUrl = await fake.start();
	const pkg = await loadPackage();
	credential = pkg.credentialTypes.tencentCloudChatApi.type;
});
afterAll(async () => await fake.stop());
beforeEach(() => fake.reset());

const authenticate = async (values: IDataObject, request: IHttpRequestOptions) => {
	const auth = credential.authenticate as (c: IDataObject, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	return await auth(
		{ region: 'custom', customBaseUrl: baseUrl, sdkAppId: String(fake.sdkAppId), secretKey: fake.secretKey, adminIdentifier: 'administrator', ...values },
		request,
	);
};

/** Sends the credential's own test request, authenticated, and applies its rules as n8n does. */
async function testCredential(values: IDataObject): Promise<string> {
	const request = await authenticate(values, { ...credential.test!.request } as IHttpRequestOptions);
	const url = new URL(`${request.baseURL}${request.url}`);
	for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
	const response = await fetch(url, { method: request.method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request.body) });
	const body = (await response.json()) as IDataObject;
	for (const rule of credential.test!.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value) return rule.properties.message;
	}
	return 'OK';
}

describe('Tencent Cloud Chat API credential', () => {
	it('maps each region to its documented domain and adds the signed query', async () => {
		const expected: Record<string, string> = {
			china: 'https://console.tim.qq.com',
			singapore: 'https://adminapisgp.im.qcloud.com',
			seoul: 'https://adminapikr.im.qcloud.com',
			tokyo: 'https://adminapijpn.im.qcloud.com',
			frankfurt: 'https://adminapiger.im.qcloud.com',
			mumbai: 'https://adminapiind.im.qcloud.com',
			siliconValley: 'https://adminapiusa.im.qcloud.com',
			jakarta: 'https://adminapiidn.im.qcloud.com',
			// Riyadh: https://trtc.io/zh/document/43087 (CONTRACT.md: region `riyadh`).
			riyadh: 'https://adminapiksa.im.qcloud.com',
		};
		// Every region the credential offers maps to its domain, and every documented domain is offered.
		const offered = (credential.properties.find((p) => p.name === 'region')?.options as Array<{ value: string }>).map((o) => o.value);
		expect(offered.filter((v) => v !== 'custom').sort()).toEqual(Object.keys(expected).sort());
		for (const [region, domain] of Object.entries(expected)) {
			const out = await authenticate({ region, sdkAppId: ' 1400000000 ' }, { url: '/v4/x/y', qs: { keep: 1 } });
			expect(out.baseURL).toBe(domain);
			expect(Object.keys(out.qs!).sort()).toEqual(['contenttype', 'identifier', 'keep', 'random', 'sdkappid', 'usersig']);
			expect(out.qs!.sdkappid).toBe(1400000000);
		}
		const a = await authenticate({}, { url: '/v4/x/y' });
		const b = await authenticate({}, { url: '/v4/x/y' });
		expect(a.qs!.usersig).toBe(b.qs!.usersig);
		expect(a.qs!.random).not.toBe(b.qs!.random);
		expect((await authenticate({ adminIdentifier: '  ' }, { url: '/v4/x/y' })).qs!.identifier).toBe('administrator');
	});

	it('refuses a non-numeric SDKAppID, an empty key and plain http:// to another host', async () => {
		await expect(authenticate({ sdkAppId: 'abc' }, { url: '/' })).rejects.toThrow(/SDKAppID must be digits only/);
		await expect(authenticate({ secretKey: '  ' }, { url: '/' })).rejects.toThrow(/secret key is empty/);
		await expect(authenticate({ customBaseUrl: 'http://example.com' }, { url: '/' })).rejects.toThrow(/Use https:\/\//);
	});

	it('its test succeeds with good values and explains a wrong key, a wrong region and a non-admin identifier', async () => {
		expect(await testCredential({})).toBe('OK');
		expect(await testCredential({ secretKey: fake.secretKey + 'x' })).toMatch(/70009/);
		fake.wrongRegion = true;
		expect(await testCredential({})).toMatch(/region \(70016\)/);
		fake.wrongRegion = false;
		fake.addUsers('alice');
		expect(await testCredential({ adminIdentifier: 'alice' })).toMatch(/not an App admin \(60010\)/);
		expect(fake.commandRequests('im_open_login_svc/account_check')).toHaveLength(4);
	});
});
