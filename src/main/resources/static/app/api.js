// The workspace's only way to the platform: the public REST API under /api, with the browser's
// session. Changes carry the session's CSRF token (cookie CF-XSRF-TOKEN, header X-CF-XSRF-TOKEN).

export const CSRF_COOKIE = 'CF-XSRF-TOKEN';
export const CSRF_HEADER = 'X-CF-XSRF-TOKEN';

export function csrfToken() {
  const match = document.cookie.match(new RegExp('(?:^|;\\s*)' + CSRF_COOKIE + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : '';
}

/** A refusal from the API, with its RFC 9457 problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(problem, status));
    this.status = status;
    this.problem = problem;
  }
}

function problemText(problem, status) {
  if (!problem) return 'Request failed (' + status + ')';
  const fields = (problem.errors || []).map((e) => e.field + ': ' + e.message);
  return [problem.detail || problem.title || 'Request failed (' + status + ')', ...fields].join(' · ');
}

function signInAgain() {
  location.assign('/signin');
}

function headers(method, extra) {
  const h = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...extra };
  if (!['GET', 'HEAD'].includes(method)) h[CSRF_HEADER] = csrfToken();
  return h;
}

/** Calls the API; resolves to { data, etag } or rejects with an ApiError. */
export async function call(path, { method = 'GET', body, headers: extra = {} } = {}) {
  const h = headers(method, extra);
  let payload;
  if (body !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin' });
  if (response.status === 401) {
    signInAgain();
    throw new ApiError(401, { detail: 'Your session has ended: sign in again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 ? null
    : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof data === 'object' ? data : null);
  return { data, etag: response.headers.get('ETag') };
}

export async function get(path) {
  return (await call(path)).data;
}

export async function post(path, body) {
  return (await call(path, { method: 'POST', body })).data;
}

/** Builds a query string from the defined, non-empty values (arrays repeat the name). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') q.append(name, v);
    }
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Uploads a file as multipart part "file" with XHR, reporting progress (0..1). */
export function upload(path, file, onProgress) {
  return uploadParts(path, { file }, onProgress);
}

/** Uploads files as multipart parts (name → File; empty ones are left out), reporting progress. */
export function uploadParts(path, parts, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader(CSRF_HEADER, csrfToken());
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status === 401) signInAgain();
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError(xhr.status, data));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { detail: 'The upload was interrupted' })));
    const form = new FormData();
    for (const [name, file] of Object.entries(parts)) {
      if (file) form.append(name, file);
    }
    xhr.send(form);
  });
}
