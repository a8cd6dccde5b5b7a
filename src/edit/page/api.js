// The server's API, under the page's own secret address (/TOKEN/api/…).

const base = `/${location.pathname.split("/")[1]}/`;

/** `{status, body}` of a JSON request; a network failure gives status 0. */
export async function call(method, path, body) {
  try {
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    let json = null;
    const text = await res.text();
    try { json = JSON.parse(text); } catch { json = { message: text }; }
    return { status: res.status, body: json };
  } catch {
    return { status: 0, body: { message: "編集画面のプログラム（planpress edit）とつながりません。黒い画面（ターミナル）で動いているか確かめてください。" } };
  }
}

export const getEdition = () => call("GET", "api/edition");
export const check = (files) => call("POST", "api/check", { files });
export const preview = (files, file, pointer) => call("POST", "api/preview", { files, file, pointer });
export const save = (file, base, text) => call("POST", "api/save", { file, base, text });
export const make = (what) => call("POST", "api/make", { what });
