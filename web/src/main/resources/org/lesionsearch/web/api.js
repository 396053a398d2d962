// The server's JSON API, as the page uses it. Every failure becomes an ApiFailure carrying the
// server's error body (status, message, field and, for a refused query, position and suggestions).

export class ApiFailure extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `the server answered ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

const TOKEN_KEY = 'lesionsearch.token';
// the server also reads a token from this cookie for GET requests, which is how pictures get one
const TOKEN_COOKIE = 'lesion_search_token';
let token = sessionStorage.getItem(TOKEN_KEY);
if (token) setToken(token);

/** The bearer token a server with access control asks for; kept for this browser tab only. */
export function setToken(value) {
  token = value || null;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = token
    ? `${TOKEN_COOKIE}=${encodeURIComponent(token)}; path=/; SameSite=Strict${secure}`
    : `${TOKEN_COOKIE}=; path=/; max-age=0; SameSite=Strict${secure}`;
}

export function hasToken() {
  return Boolean(token);
}

function headers(extra = {}) {
  const h = { Accept: 'application/json', ...extra };
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function answer(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiFailure(response.status, body);
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function get(path, params = {}, signal) {
  return answer(await fetch(path + query(params), { signal, headers: headers() }));
}

export function search({ q, k, offset, deidentified }, signal) {
  return get('api/search', { q: q || '', k, offset, facets: true, include: 'labelScores', deidentified: deidentified || undefined }, signal);
}

export function lesionPage(id, deidentified, signal) {
  return get(`api/lesions/${encodeURIComponent(id)}/page`, { deidentified: deidentified || undefined }, signal);
}

export function labels() {
  return get('api/labels');
}

export function suggest(prefix, labelClass, signal) {
  return get('api/labels/suggest', { prefix, class: labelClass, limit: 8 }, signal);
}

export function health() {
  return get('api/health');
}

export function thumbnailUrl(id) {
  return `api/lesions/${encodeURIComponent(id)}/thumbnail.png`;
}

/** Shows a lesion's thumbnail in an img (on a server with tokens, the token cookie goes with it). */
export function showThumbnail(img, id) {
  img.src = thumbnailUrl(id);
}

export async function examplePreview(file, { window, spacing }) {
  const response = await fetch('api/example-search/preview' + query({ window, spacing: spacing || undefined, name: file.name }), {
    method: 'POST', body: file, headers: headers({ 'Content-Type': 'application/octet-stream' }),
  });
  return answer(response);
}

export async function exampleSearch(file, { box, line, spacing, q, k, offset, deidentified }) {
  const response = await fetch('api/example-search' + query({
    box, line, spacing, q, k, offset, facets: true, deidentified: deidentified || undefined, name: file.name,
  }), { method: 'POST', body: file, headers: headers({ 'Content-Type': 'application/octet-stream' }) });
  return answer(response);
}
