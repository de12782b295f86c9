/** A JSON call to the local API that throws on anything but success (bench set-up and loops). */
export const apiCaller =
  (baseUrl: string) =>
  async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  };

/** The demo patron's password once the bench has moved it off the initial 0401 (SPEC 12). */
export const BENCH_PATRON_PASSWORD = '246810';

/**
 * A token of the demo patron past its initial password: SPEC 12 lets a session of the
 * initial password do nothing but read /api/me and change it, so the first call changes it.
 */
export const demoPatronToken = async (call: ReturnType<typeof apiCaller>): Promise<string> => {
  const login = (password: string) => call('POST', '/api/login', { cardNumber: '10000001', password });
  const changed = await login(BENCH_PATRON_PASSWORD).catch(() => undefined);
  if (changed) return changed.token as string;
  const initial = await login('0401');
  await call('PUT', '/api/me/password', { currentPassword: '0401', newPassword: BENCH_PATRON_PASSWORD }, initial.token);
  return (await login(BENCH_PATRON_PASSWORD)).token as string;
};
