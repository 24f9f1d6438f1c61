import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud Chat UserSig v2, computed locally: HMAC-SHA256 over four "TLS.*" lines, a JSON
 * document, a zlib stream and Tencent's base64 variant. n8n forbids node:zlib in nodes, so the
 * zlib stream is written with stored (uncompressed) deflate blocks, which every inflater accepts.
 */

export interface UserSigInput {
	sdkAppId: number;
	secretKey: string;
	identifier: string;
	/** Validity in seconds, counted from `time`. */
	expire: number;
	/** Unix seconds. */
	time: number;
}

export function adler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (const byte of data) {
		a = (a + byte) % 65521;
		b = (b + a) % 65521;
	}
	return ((b << 16) | a) >>> 0;
}

/** A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, BTYPE 00) with an Adler-32 trailer. */
export function zlibStored(data: Buffer): Buffer {
	const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
	let offset = 0;
	do {
		const length = Math.min(65535, data.length - offset);
		const header = Buffer.alloc(5);
		header[0] = offset + length >= data.length ? 1 : 0;
		header.writeUInt16LE(length, 1);
		header.writeUInt16LE(~length & 0xffff, 3);
		parts.push(header, data.subarray(offset, offset + length));
		offset += length;
	} while (offset < data.length);
	const trailer = Buffer.alloc(4);
	trailer.writeUInt32BE(adler32(data));
	parts.push(trailer);
	return Buffer.concat(parts);
}

/** Standard base64 with Tencent's URL-safe substitutions: + → *, / → -, = → _. */
export function tencentBase64(data: Buffer): string {
	return data.toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

export function contentToSign(input: Pick<UserSigInput, 'sdkAppId' | 'identifier' | 'expire' | 'time'>): string {
	return `TLS.identifier:${input.identifier}\nTLS.sdkappid:${input.sdkAppId}\nTLS.time:${input.time}\nTLS.expire:${input.expire}\n`;
}

export function tlsSig(input: UserSigInput): string {
	return createHmac('sha256', input.secretKey).update(contentToSign(input)).digest('base64');
}

/** The JSON document inside a UserSig, in the reference library's key order. */
export function userSigDocument(input: UserSigInput): string {
	return JSON.stringify({
		'TLS.ver': '2.0',
		'TLS.identifier': input.identifier,
		'TLS.sdkappid': input.sdkAppId,
		'TLS.time': input.time,
		'TLS.expire': input.expire,
		'TLS.sig': tlsSig(input),
	});
}

export function generateUserSig(input: UserSigInput): string {
	return tencentBase64(zlibStored(Buffer.from(userSigDocument(input), 'utf8')));
}

/** How long a signature is valid, and how long before its end a new one is made. */
export const USER_SIG_LIFETIME_SECONDS = 24 * 60 * 60;
const RENEW_BEFORE_SECONDS = 5 * 60;

interface CachedSig {
	userSig: string;
	renewAt: number;
}

const cache = new Map<string, CachedSig>();

function cacheKey(sdkAppId: number, identifier: string, secretKey: string): string {
	// The key itself is never kept as a map key: only a hash of it, to tell rotated keys apart.
	const keyHash = createHash('sha256').update(secretKey).digest('hex').slice(0, 16);
	return `${sdkAppId}\u0000${identifier}\u0000${keyHash}`;
}

/** One signature per (SDKAppID, identifier, key), reused until shortly before it expires. */
export function cachedUserSig(sdkAppId: number, identifier: string, secretKey: string, nowMs = Date.now()): string {
	const key = cacheKey(sdkAppId, identifier, secretKey);
	const now = Math.floor(nowMs / 1000);
	const hit = cache.get(key);
	if (hit && now < hit.renewAt) return hit.userSig;
	const userSig = generateUserSig({
		sdkAppId,
		secretKey,
		identifier,
		expire: USER_SIG_LIFETIME_SECONDS,
		time: now,
	});
	cache.set(key, {
		userSig,
		renewAt: now + USER_SIG_LIFETIME_SECONDS - RENEW_BEFORE_SECONDS,
	});
	return userSig;
}

/** Forgets the cached signatures of an app admin (Tencent answered 70001, "UserSig expired"). */
export function invalidateUserSig(sdkAppId: number, identifier: string): void {
	const prefix = `${sdkAppId}\u0000${identifier}\u0000`;
	for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}
