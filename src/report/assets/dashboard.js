/*
 * callback-verify live dashboard: feeds the report view (report.js) from the server's event
 * stream. `snapshot` replaces everything (sent on every connect, so a reconnect misses
 * nothing), `exchange` adds one exchange, `state` refreshes counts and verdicts, `end` says the
 * session is over. No page reload, nothing fetched but this page's own stream.
 */
(() => {
  const root = document.getElementById('cv-app');
  const status = document.getElementById('cv-live');
  const statusText = document.getElementById('cv-live-text') || status;
  const pause = document.getElementById('cv-pause');
  const api = window.CallbackVerifyReport;
  if (!root || !status || !api) return;
  const max = Number(root.dataset.maxExchanges) || 200;
  const baseTitle = root.dataset.title || document.title;
  let view;
  let data;
  let paused = false;
  let ended = false;
  let liveText = '';

  function setStatus(state, text) {
    status.dataset.state = state;
    liveText = text;
    statusText.textContent = paused ? pausedText() : text;
  }

  function draw(next) {
    const exchanges = Array.isArray(next.exchanges) ? next.exchanges : [];
    data = { ...next, exchanges: exchanges.length > max ? exchanges.slice(-max) : exchanges };
    if (view) view.update(data);
    else view = api.mount(root, data, { newestFirst: true, live: !ended });
    const s = data.summary || {};
    const bad = (s.failed || 0) + (s.missing || 0) + (s.unexpected || 0);
    document.title = `${bad > 0 ? `✗ ${bad} failing` : `✓ ${s.exchanges || 0} received`} · ${baseTitle}`;
  }

  const parse = (event) => {
    try {
      return JSON.parse(event.data);
    } catch {
      return undefined;
    }
  };

  pause?.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume' : 'Pause';
    statusText.textContent = paused ? pausedText() : liveText;
    if (!paused) schedule();
  });

  const events = new EventSource('events');
  events.addEventListener('open', () => {
    setStatus('live', 'Live · new callbacks appear as they arrive');
  });
  events.addEventListener('error', () => {
    if (status.dataset.state === 'ended') return;
    if (events.readyState === EventSource.CLOSED) {
      setStatus('closed', 'Disconnected · reload the page to try again');
    } else setStatus('reconnecting', 'Connection lost · reconnecting…');
  });
  events.addEventListener('snapshot', (event) => {
    const next = parse(event);
    if (!next) return;
    // A snapshot holds everything so far: changes queued before it are in it.
    queued = [];
    queuedState = undefined;
    draw(next);
  });
  // Changes are drawn once per frame, so a burst of callbacks costs one redraw, not one each;
  // in a hidden tab they wait (at most `max` exchanges) until it is shown.
  let queued = [];
  let queuedState;
  let frame = 0;
  function pausedText() {
    return `Paused · ${queued.length} new callback${queued.length === 1 ? '' : 's'} waiting`;
  }

  /** True while the reader selects text in the page: a redraw would throw the selection away. */
  function selecting() {
    const selection = window.getSelection();
    return !!selection && !selection.isCollapsed && root.contains(selection.anchorNode);
  }

  function flush() {
    frame = 0;
    if (!data) return;
    if (paused) {
      statusText.textContent = pausedText();
      return;
    }
    if (selecting()) {
      setTimeout(schedule, 500);
      return;
    }
    const fresh = new Set(queued.map((e) => e.id));
    const exchanges = [...data.exchanges.filter((e) => !fresh.has(e.id)), ...queued];
    draw({ ...(queuedState || data), exchanges });
    queued = [];
    queuedState = undefined;
  }
  function schedule() {
    if (frame === 0) frame = requestAnimationFrame(flush);
  }
  events.addEventListener('state', (event) => {
    const next = parse(event);
    if (!next || !data) return;
    queuedState = next;
    schedule();
  });
  events.addEventListener('exchange', (event) => {
    const exchange = parse(event);
    if (!exchange || !data) return;
    queued.push(exchange);
    if (queued.length > max) queued = queued.slice(-max);
    schedule();
  });
  events.addEventListener('end', () => {
    events.close();
    ended = true;
    paused = false;
    if (view) {
      view.state.live = false;
      view.update(data);
    }
    setStatus('ended', 'Session ended · no more callbacks will arrive');
  });
})();
