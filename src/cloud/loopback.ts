/** Whether an endpoint is on this machine, as the local cloud is. */
export function isLoopbackUrl(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}
