// The gateway's API, called with the signed-in user's token. The token lives in this tab's session storage
// only: closing the tab signs out.

const TOKEN = 'workforce-watch.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The gateway answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),

  /** Keeps the token if it looks like a JWT; the gateway alone decides whether it is any good. */
  signIn(token) {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    if (trimmed.split('.').length !== 3) {
      throw new Error('That is not an access token: one is three parts joined by dots.');
    }
    sessionStorage.setItem(TOKEN, trimmed);
  },

  signOut: () => sessionStorage.removeItem(TOKEN),

  /** The token's claims, read for display and to know which team a team manager asks about. */
  claims() {
    const token = session.token();
    if (!token) {
      return {};
    }
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload),
      c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  },
};

function headers(extra = {}) {
  return { Authorization: `Bearer ${session.token()}`, Accept: 'application/json', ...extra };
}

async function answer(response) {
  const body = await response.text();
  const json = body ? JSON.parse(body) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export async function get(path) {
  return answer(await fetch(path, { headers: headers(), cache: 'no-store' }));
}

export async function post(path, body) {
  return answer(await fetch(path, {
    method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body),
  }));
}

/**
 * Follows a server-sent events stream. EventSource cannot send the token, so this reads the stream through
 * fetch. It reconnects after a pause that doubles up to 30 s; `onStatus` hears 'live' on every (re)connection,
 * so the page can catch up on what it missed, 'reconnecting' while it waits, and 'signed-out' on a 401.
 */
export function follow(path, onEvent, onStatus) {
  let stopped = false;
  let controller;
  let pause = 1000;

  async function connect() {
    controller = new AbortController();
    try {
      const response = await fetch(path, {
        headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal, cache: 'no-store',
      });
      if (response.status === 401) {
        onStatus('signed-out');
        return;
      }
      if (!response.ok) {
        throw new ApiError(response.status, null);
      }
      onStatus('live');
      pause = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.slice(0, end).split('\n').filter(line => line.startsWith('data:'))
            .map(line => line.slice(5).replace(/^ /, '')).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) {
            onEvent(JSON.parse(data));
          }
        }
      }
    } catch (error) {
      if (stopped) {
        return;
      }
    }
    if (!stopped) {
      onStatus('reconnecting');
      setTimeout(connect, pause);
      pause = Math.min(pause * 2, 30000);
    }
  }

  connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
