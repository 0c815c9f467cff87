// A family member's phone: the family cookie only (no professional session), as /family uses it.
import type { TestApp } from './test-app';

export function familyPhone(t: TestApp) {
  let cookie = '';
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url,
      payload: payload as object,
      headers: { ...(method === 'POST' ? { 'x-tsunagu-csrf': '1' } : {}), ...(cookie ? { cookie } : {}) },
    });
    const set = res.cookies.find((c) => c.name === 'tsunagu_family');
    if (set) cookie = `tsunagu_family=${set.value}`;
    return res;
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown = {}) => call('POST', url, body),
  };
}
