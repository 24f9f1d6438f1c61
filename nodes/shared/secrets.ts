/**
 * Removes secrets from text that may reach an output item, an error message or a log line.
 * Transports pass the credential's secret values; well-known secret-bearing URL parameters and
 * headers are masked as well, whatever their value.
 */
const SECRET_QUERY_PARAMS = /([?&](?:usersig|sig|token|access_token|client_secret|password)=)[^&#\s"']*/gi;
const AUTH_HEADER = /((?:authorization|proxy-authorization)["']?\s*[:=]\s*["']?(?:basic|bearer)\s+)[A-Za-z0-9._~+/=*-]+/gi;

export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
	let out = text.replace(SECRET_QUERY_PARAMS, '$1***').replace(AUTH_HEADER, '$1***');
	for (const secret of secrets) {
		// Very short values would mask ordinary words; credentials are never that short.
		if (typeof secret === 'string' && secret.length >= 4) out = out.split(secret).join('***');
	}
	return out;
}
