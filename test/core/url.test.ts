import { checkBaseUrl, encodePathSegment, isLoopbackHost, path } from '../../nodes/shared/url';

describe('checkBaseUrl', () => {
	const check = (raw: unknown) => checkBaseUrl(raw, 'Base URL', 'https://example.com');

	it('accepts https and trims spaces and trailing slashes', () => {
		expect(check('  https://a1.easemob.com/  ')).toEqual({ url: 'https://a1.easemob.com' });
		expect(check('https://sys.thulium.com:8443/')).toEqual({ url: 'https://sys.thulium.com:8443' });
	});

	it('accepts plain http only for this machine', () => {
		for (const url of ['http://127.0.0.1:3000', 'http://localhost', 'http://[::1]:8080', 'http://127.9.8.7']) {
			expect(check(url)).toEqual({ url });
		}
		for (const url of ['http://example.com', 'http://10.0.0.1', 'http://127.0.0.1.example.com', 'http://localhost.evil.com']) {
			expect(check(url)).toEqual({ problem: expect.stringMatching(/plain http:\/\/ .*Use https:\/\//) });
		}
	});

	it('refuses what cannot be a base URL, saying how to fix it', () => {
		expect(check('')).toEqual({ problem: expect.stringMatching(/is empty\. Enter it like https:\/\/example\.com/) });
		expect(check(undefined)).toEqual({ problem: expect.stringMatching(/is empty/) });
		expect(check('a1.easemob.com')).toEqual({ problem: expect.stringMatching(/is not a URL/) });
		expect(check('ftp://example.com')).toEqual({ problem: expect.stringMatching(/must start with https:\/\//) });
		expect(check('https://u:p@example.com')).toEqual({ problem: expect.stringMatching(/user name or password/) });
		expect(check('https://example.com/?a=1')).toEqual({ problem: expect.stringMatching(/"\?" or "#"/) });
	});

	it('tells loopback hosts apart', () => {
		expect(isLoopbackHost('127.0.0.1')).toBe(true);
		expect(isLoopbackHost('LOCALHOST')).toBe(true);
		expect(isLoopbackHost('128.0.0.1')).toBe(false);
	});
});

describe('path segments', () => {
	it('encodes every character that could leave its segment', () => {
		expect(encodePathSegment('a/b?c#d%e f')).toBe('a%2Fb%3Fc%23d%25e%20f');
		expect(encodePathSegment('../x')).toBe('..%2Fx');
		expect(path`/users/${'u/1'}/user_channel`).toBe('/users/u%2F1/user_channel');
	});

	it('refuses empty, "." and ".." segments, which URL parsers would resolve', () => {
		for (const value of ['', '.', '..']) expect(() => encodePathSegment(value)).toThrow(/cannot be used as an ID/);
	});
});
