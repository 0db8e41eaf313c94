/**
 * Paging links of a collection (record lists and SuiteQL results, section_156414087576): `previous` and
 * `first` when there is an earlier page, `next` and `last` when there is a later one, and `self`, each
 * the request URL with `limit` and `offset` set (other parameters, such as `q`, kept).
 */
export interface Link {
  rel: string;
  href: string;
}

export function pageLinks(url: URL, limit: number, offset: number, count: number, total: number): Link[] {
  const at = (o: number) => {
    const u = new URL(url);
    u.searchParams.set('limit', String(limit));
    u.searchParams.set('offset', String(o));
    return u.toString();
  };
  const links: Link[] = [];
  if (offset > 0) links.push({ rel: 'previous', href: at(Math.max(0, offset - limit)) }, { rel: 'first', href: at(0) });
  if (offset + count < total) {
    const last = offset + Math.floor((total - 1 - offset) / limit) * limit;
    links.push({ rel: 'next', href: at(offset + limit) }, { rel: 'last', href: at(last) });
  }
  links.push({ rel: 'self', href: at(offset) });
  return links;
}
