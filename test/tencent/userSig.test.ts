/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { deflateSync, inflateSync } from 'node:zlib';

import {
	adler32,
	cachedUserSig,
	contentToSign,
	generateUserSig,
	invalidateUserSig,
	tlsSig,
	userSigDocument,
	zlibStored,
} from '../../nodes/TencentCloudChat/transport/userSig';
import { callbackSign } from '../../nodes/TencentCloudChat/TencentCloudChatTrigger.node';
import { verifyUserSig } from '../fakes/fakeTencent';
import vectors from './usersig-vectors.json';

const decode = (userSig: string) => Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');

describe('UserSig v2 against the published vectors', () => {
	for (const vector of vectors.vectors) {
		const input = {
			sdkAppId: vector.input.sdkappid,
			secretKey: vector.input.secretKey,
			identifier: vector.input.identifier,
			expire: vector.input.expire,
			time: vector.input.tlsTime,
		};

		describe(`vector ${vector.id}: ${vector.name}`, () => {
			it('builds the content to sign, TLS.sig and the JSON document', () => {
				expect(contentToSign(input)).toBe(vector.contentToSign);
				expect(tlsSig(input)).toBe(vector.expectedTlsSig);
				expect(userSigDocument(input)).toBe(vector.decodedJson);
			});

			it('produces the stored-block UserSig byte for byte, and it inflates to the document', () => {
				const userSig = generateUserSig(input);
				expect(userSig).toBe(vector.expectedUserSigStored);
				expect(userSig.startsWith('eAEB')).toBe(true);
				expect(userSig).toMatch(/^[A-Za-z0-9*_-]+$/);
				expect(inflateSync(decode(userSig)).toString('utf8')).toBe(vector.decodedJson);
				// The reference library's compressed form decodes to the same document.
				expect(inflateSync(decode(vector.expectedUserSigReference)).toString('utf8')).toBe(vector.decodedJson);
			});

			for (const check of vector.verification) {
				const overrides = check as { secretKey?: string; identifier?: string; sdkappid?: number };
				it(`verifies at ${check.now} with ${JSON.stringify({ ...overrides, now: undefined, expect: undefined, note: undefined })} → ${check.expect}`, () => {
					const expected = check.expect === 'ok' ? 0 : check.expect;
					const against = {
						sdkAppId: overrides.sdkappid ?? input.sdkAppId,
						identifier: overrides.identifier ?? input.identifier,
						secretKey: overrides.secretKey ?? input.secretKey,
						now: check.now,
					};
					expect(verifyUserSig(vector.expectedUserSigStored, against)).toBe(expected);
					expect(verifyUserSig(vector.expectedUserSigReference, against)).toBe(expected);
				});
			}
		});
	}

	it('accepts the Go library format (other key order, trailing newline) and refuses a malformed sig', () => {
		const go = vectors.crossImplementationVectors[0];
		const v1 = vectors.vectors[0].input;
		expect(inflateSync(decode(go.userSig)).toString('utf8')).toBe(go.decodedJson);
		expect(verifyUserSig(go.userSig, { sdkAppId: v1.sdkappid, identifier: v1.identifier, secretKey: v1.secretKey, now: go.verification[0].now })).toBe(0);
		const bad = vectors.malformedUserSigVectors[0];
		expect(verifyUserSig(bad.userSig, { sdkAppId: bad.sdkappid, identifier: bad.identifier, secretKey: bad.secretKey, now: 1600000000 })).toBe(bad.expect);
	});
});

describe('zlib stored blocks without node:zlib', () => {
	it('matches the published vectors', () => {
		const [empty, abc, twoBlocks] = vectors.zlibStoredVectors;
		expect(zlibStored(Buffer.alloc(0)).toString('hex')).toBe(empty.outputHex);
		expect(zlibStored(Buffer.from(abc.inputUtf8!, 'utf8')).toString('hex')).toBe(abc.outputHex);
		expect(adler32(Buffer.from('abc')).toString(16).padStart(8, '0')).toBe(abc.adler32Hex);

		const data = Buffer.alloc(twoBlocks.inputLength!, 0x61);
		const out = zlibStored(data);
		expect(out.length).toBe(twoBlocks.outputLength);
		expect(out.subarray(0, 2).toString('hex')).toBe(twoBlocks.headerHex);
		expect(out.subarray(2, 7).toString('hex')).toBe(twoBlocks.block1HeaderHex);
		const second = 7 + twoBlocks.block1Length!;
		expect(out.subarray(second, second + 5).toString('hex')).toBe(twoBlocks.block2HeaderHex);
		expect(out.subarray(out.length - 4).toString('hex')).toBe(twoBlocks.adler32Hex);
		expect(inflateSync(out).equals(data)).toBe(true);
	});

	it("equals zlib's level-0 output for UserSig-sized inputs", () => {
		for (const size of [0, 1, 170, 200, 1000]) {
			const data = Buffer.from(Array.from({ length: size }, (_, i) => (i * 37 + 11) % 256));
			expect(zlibStored(data).equals(deflateSync(data, { level: 0 }))).toBe(true);
		}
	});
});

describe('UserSig cache', () => {
	it('reuses one signature until shortly before it expires, and renews after invalidation', () => {
		const now = Date.UTC(2026, 0, 1);
		const first = cachedUserSig(1400000001, 'administrator', 'key-one-123456', now);
		expect(cachedUserSig(1400000001, 'administrator', 'key-one-123456', now + 3_600_000)).toBe(first);
		// A different key (rotated in the console) gets its own signature.
		expect(cachedUserSig(1400000001, 'administrator', 'key-two-123456', now)).not.toBe(first);
		// Five minutes before the 24 h lifetime ends a new one is made.
		const renewed = cachedUserSig(1400000001, 'administrator', 'key-one-123456', now + (24 * 3600 - 299) * 1000);
		expect(renewed).not.toBe(first);
		expect(verifyUserSig(renewed, { sdkAppId: 1400000001, identifier: 'administrator', secretKey: 'key-one-123456', now: now / 1000 + 24 * 3600 })).toBe(0);
		invalidateUserSig(1400000001, 'administrator');
		expect(cachedUserSig(1400000001, 'administrator', 'key-one-123456', now + 3_600_000)).not.toBe(renewed);
	});
});

describe('callback Sign', () => {
	it('matches the published example', () => {
		const [vector] = vectors.callbackSignVectors;
		expect(callbackSign(vector.token, vector.requestTime)).toBe(vector.expectedSign);
	});
});
