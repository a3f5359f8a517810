import { createHmac } from 'node:crypto';

/** The key inside a Standard Webhooks secret: the bytes after whsec_, base64-decoded. */
export function webhookKey(secret: string): Buffer {
  if (!secret.startsWith('whsec_')) throw new Error('A webhook secret starts with whsec_');
  return Buffer.from(secret.slice('whsec_'.length), 'base64');
}

/**
 * Standard Webhooks signature: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the secret's key,
 * base64, prefixed with the scheme version: "v1,<signature>".
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', webhookKey(secret)).update(`${id}.${timestampSeconds}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

/** For the settings screen: enough to recognise the secret, not enough to use it. */
export function maskSecret(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}
