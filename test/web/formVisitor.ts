/**
 * A browser without JavaScript, by plain fetch: it keeps the cookies the portal sets, posts
 * forms as application/x-www-form-urlencoded with the site's Origin, and does not follow
 * redirects (so a test sees each 303).
 */
export interface PortalAnswer {
  readonly status: number;
  readonly html: string;
  readonly location: string | null;
  readonly setCookies: readonly string[];
}

export class FormVisitor {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, encodeURIComponent(value));
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  get(path: string): Promise<PortalAnswer> {
    return this.send('GET', path);
  }

  post(path: string, fields: Readonly<Record<string, string>>): Promise<PortalAnswer> {
    return this.send('POST', path, new URLSearchParams(fields).toString());
  }

  private async send(method: 'GET' | 'POST', path: string, body?: string): Promise<PortalAnswer> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin });
    const response = await fetch(`${this.origin}${path}`, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.remember(line);
    return { status: response.status, html: await response.text(), location: response.headers.get('location'), setCookies };
  }

  /** Keeps a cookie, or drops it when the server expires it (express clearCookie: empty value, a 1970 date). */
  private remember(line: string): void {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** The page's visible text without tags, for assertions on what a person reads. */
export const textOf = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

/** Someone signed in through the portal's development login (role, agencyId, sub), browsing without JavaScript. */
export async function signedInVisitor(origin: string, fields: Readonly<Record<string, string>>): Promise<FormVisitor> {
  const visitor = new FormVisitor(origin);
  const answer = await visitor.post('/staff/dev-sign-in', fields);
  if (answer.status !== 303) throw new Error(`sign-in as ${JSON.stringify(fields)}: ${answer.status}`);
  return visitor;
}
