/**
 * Paging links of a collection (record lists and SuiteQL results, section_156414087576): `previous` and
 * `first` when there is an earlier page, `next` and `last` when there is a later one, and `self`, each
 * the request URL with `limit` and `offset` set (other parameters, such as `q`, kept).
 */
export interface Link {
  rel: string;
  href: string;
}

/** A query parameter's name as the request spelled it, decoded (`+` is a space in a form-encoded name). */
function paramName(pair: string): string {
  const name = (pair.split('=', 1)[0] ?? '').replace(/\+/g, ' '); // split yields at least one part
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The request URL with `limit` and `offset` set. The other parameters keep the request's own bytes:
 * re-serialising them (URLSearchParams writes a space as `+`) would change what a TBA client signs when
 * it follows the link, and clients that sign `+` literally (oauth-1.0a, used by `netsuite-rest`) would
 * get 401 on page 2.
 */
function withPage(url: URL, limit: number, offset: number): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !['limit', 'offset'].includes(paramName(pair)));
  const u = new URL(url);
  u.search = [...kept, `limit=${limit}`, `offset=${offset}`].join('&');
  return u.toString();
}

export function pageLinks(url: URL, limit: number, offset: number, count: number, total: number): Link[] {
  const at = (o: number) => withPage(url, limit, o);
  const links: Link[] = [];
  if (offset > 0) links.push({ rel: 'previous', href: at(Math.max(0, offset - limit)) }, { rel: 'first', href: at(0) });
  if (offset + count < total) {
    const last = offset + Math.floor((total - 1 - offset) / limit) * limit;
    links.push({ rel: 'next', href: at(offset + limit) }, { rel: 'last', href: at(last) });
  }
  links.push({ rel: 'self', href: at(offset) });
  return links;
}
