/*
 * callback-verify live dashboard: feeds the report view (report.js) from the server's event
 * stream. `snapshot` replaces everything (sent on every connect, so a reconnect misses
 * nothing), `exchange` adds one exchange, `state` refreshes counts and verdicts, `end` says the
 * session is over. No page reload, nothing fetched but this page's own stream.
 */
(() => {
  const root = document.getElementById('cv-app');
  const status = document.getElementById('cv-live');
  const api = window.CallbackVerifyReport;
  if (!root || !status || !api) return;
  const max = Number(root.dataset.maxExchanges) || 200;
  const baseTitle = root.dataset.title || document.title;
  let view;
  let data;

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function draw(next) {
    const exchanges = Array.isArray(next.exchanges) ? next.exchanges : [];
    data = { ...next, exchanges: exchanges.length > max ? exchanges.slice(-max) : exchanges };
    if (view) view.update(data);
    else view = api.mount(root, data, { newestFirst: true });
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
    if (next) draw(next);
  });
  events.addEventListener('state', (event) => {
    const next = parse(event);
    if (next && data) draw({ ...next, exchanges: data.exchanges });
  });
  events.addEventListener('exchange', (event) => {
    const exchange = parse(event);
    if (!exchange || !data) return;
    draw({ ...data, exchanges: [...data.exchanges.filter((e) => e.id !== exchange.id), exchange] });
  });
  events.addEventListener('end', () => {
    events.close();
    setStatus('ended', 'Session ended · this is its final state');
  });
})();
