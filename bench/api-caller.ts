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
