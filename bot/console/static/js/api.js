// The console's only door to the server: JSON over /api/v1 with the session
// cookie and, on every state-changing request, the CSRF token.

const BASE = "/api/v1";
let csrf = "";
const listeners = { unauthenticated: [] };

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.body = body || {};
  }
  /** A message a clerk understands. */
  get human() {
    if (this.status === 403 && (this.code === "forbidden" || !this.code)) return "无权限：" + (this.message || "您没有权限查看或办理此项。");
    if (this.status === 404 && this.code === "no_route") return "此功能暂未开放（服务器还没有这个接口）。";
    if (this.status === 0) return "网络连接中断，请检查网络后重试。";
    return this.message || `出错了（${this.status}）`;
  }
}

export function setCsrf(token) {
  csrf = token || "";
}

export function onUnauthenticated(fn) {
  listeners.unauthenticated.push(fn);
}

export async function request(method, path, body, opts = {}) {
  const headers = { Accept: "application/json" };
  const init = { method, headers, credentials: "same-origin", cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (method !== "GET" && method !== "HEAD") headers["X-CSRF-Token"] = csrf;
  let response;
  try {
    response = await fetch(path.startsWith("/") ? path : `${BASE}/${path}`, init);
  } catch (err) {
    throw new ApiError(0, "network", "网络连接中断，请检查网络后重试。");
  }
  const type = response.headers.get("Content-Type") || "";
  let data = null;
  if (type.includes("application/json")) {
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
  }
  if (!response.ok) {
    const code = data && data.error ? data.error : response.status === 404 && !data ? "no_route" : "";
    const error = new ApiError(response.status, code, data && data.message, data);
    if (response.status === 401 && !opts.quiet401) listeners.unauthenticated.forEach((fn) => fn(error));
    throw error;
  }
  return data;
}

export const get = (path, opts) => request("GET", path, undefined, opts);
export const post = (path, body, opts) => request("POST", path, body === undefined ? {} : body, opts);
export const put = (path, body) => request("PUT", path, body);
export const patch = (path, body) => request("PATCH", path, body);
export const del = (path) => request("DELETE", path);

/** A query string from an object, skipping empty values. */
export function qs(params) {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") usp.set(k, String(v));
  }
  const text = usp.toString();
  return text ? `?${text}` : "";
}

export const enc = encodeURIComponent;
