/**
 * "Allowed IPs" of the triggers: single addresses and CIDR ranges, IPv4 and IPv6, separated by commas
 * (the idea of n8n's Webhook node option "IP(s) Allowlist"). node:net is not available to community
 * nodes, so addresses are parsed here.
 */

interface ParsedAddress {
	/** 4 bytes (IPv4) or 16 bytes (IPv6). */
	bytes: number[];
}

function parseIpv4(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const bytes: number[] = [];
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
		bytes.push(Number(part));
	}
	return bytes;
}

function parseIpv6(text: string): number[] | undefined {
	let address = text;
	// An embedded IPv4 tail (::ffff:10.0.0.1) becomes two groups.
	const v4Tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
	if (v4Tail) {
		const v4 = parseIpv4(v4Tail[1]);
		if (v4 === undefined) return undefined;
		address = `${address.slice(0, -v4Tail[1].length)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
	}
	const halves = address.split('::');
	if (halves.length > 2) return undefined;
	const groups = (half: string) => (half === '' ? [] : half.split(':'));
	const head = groups(halves[0]);
	const tail = halves.length === 2 ? groups(halves[1]) : [];
	const missing = 8 - head.length - tail.length;
	if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
	const bytes: number[] = [];
	for (const group of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
		if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
		const value = parseInt(group, 16);
		bytes.push(value >> 8, value & 0xff);
	}
	return bytes;
}

/** An address as bytes; IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, as Node reports them) become IPv4. */
export function parseAddress(text: string): ParsedAddress | undefined {
	const trimmed = text.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
	const v4 = parseIpv4(trimmed);
	if (v4 !== undefined) return { bytes: v4 };
	const v6 = parseIpv6(trimmed);
	if (v6 === undefined) return undefined;
	const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
	return { bytes: mapped ? v6.slice(12) : v6 };
}

export interface AllowedRange {
	text: string;
	network: ParsedAddress;
	prefix: number;
}

/**
 * Parses the option's text. Throws an Error naming the first entry that is neither an address nor
 * a CIDR range, so that a typo cannot silently open (or close) the trigger.
 */
export function parseAllowedIps(list: string): AllowedRange[] {
	const ranges: AllowedRange[] = [];
	for (const entry of list.split(/[,\s]+/).map((e) => e.trim()).filter(Boolean)) {
		const [addressText, prefixText, extra] = entry.split('/');
		const network = parseAddress(addressText);
		const bits = network ? network.bytes.length * 8 : 0;
		const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
		if (!network || extra !== undefined || !(prefix >= 0 && prefix <= bits)) {
			throw new Error(`"${entry}" in Allowed IPs is neither an IP address nor a CIDR range (e.g. 203.0.113.7, 203.0.113.0/24, 2001:db8::/32)`);
		}
		ranges.push({ text: entry, network, prefix });
	}
	return ranges;
}

function samePrefix(a: number[], b: number[], prefix: number): boolean {
	for (let bit = 0; bit < prefix; bit += 8) {
		const width = Math.min(8, prefix - bit);
		const mask = (0xff << (8 - width)) & 0xff;
		if ((a[bit / 8] & mask) !== (b[bit / 8] & mask)) return false;
	}
	return true;
}

/** Whether the address lies in one of the ranges (an unparsable address is in none). */
export function isAddressAllowed(address: string | undefined, ranges: AllowedRange[]): boolean {
	const parsed = address === undefined ? undefined : parseAddress(address);
	if (!parsed) return false;
	return ranges.some(({ network, prefix }) => network.bytes.length === parsed.bytes.length && samePrefix(parsed.bytes, network.bytes, prefix));
}
