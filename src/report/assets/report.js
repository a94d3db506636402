/*
 * callback-verify report view, framework-free. `render(root, state)` draws a report from its JSON
 * data (the shape of callback-verify.json); the HTML report calls it once, a live dashboard calls
 * it again whenever exchanges arrive. All text goes through text nodes, never innerHTML.
 */
(() => {
  const symbols = { error: '✗', warning: '!', info: 'i' };
  const failingStatuses = new Set(['missing', 'late', 'duplicate', 'failed']);

  /** Builds an element; attributes with `on` are listeners, `text` is text content. */
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = String(value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(4)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const list = (value) => (Array.isArray(value) ? value : []);
  const hasErrors = (findings) => list(findings).some((f) => f.severity === 'error');
  const ms = (value) =>
    typeof value !== 'number'
      ? '—'
      : value >= 1000
        ? `${(value / 1000).toFixed(1)} s`
        : `${Math.round(value)} ms`;
  const describe = (value, quote) =>
    typeof value === 'string' && !quote ? value : (JSON.stringify(value) ?? String(value));
  const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const clock = (iso) => (typeof iso === 'string' ? iso.replace(/^.*T/, '').replace(/Z$/, '') : '');
  // Provider output may carry terminal colours; they mean nothing on a page.
  const ansiSequence = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
  const stripAnsi = (text) => String(text).replace(ansiSequence, '');
  const decodeToken = (token) => token.replace(/~1/g, '/').replace(/~0/g, '~');
  const encodeToken = (token) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

  function badge(kind, label) {
    return h('span', { class: `cv-badge cv-${kind}`, text: label });
  }

  /** Copies text with the Clipboard API, else through a selected text area (plain http, file://). */
  async function copyText(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch {
      // Denied or unavailable: try the fallback.
    }
    const area = h('textarea', { class: 'cv-offscreen', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }

  function copyButton(text, what, key) {
    return h('button', {
      type: 'button',
      class: 'cv-copy',
      title: `Copy the ${what}`,
      'aria-label': `Copy the ${what}`,
      'data-key': key,
      'data-copy': text,
      text: 'Copy',
      onclick: async (event) => {
        const button = event.currentTarget;
        const copied = await copyText(text);
        button.focus();
        button.textContent = copied ? 'Copied' : 'Select and copy';
        if (!copied) {
          // Leave the text selected so Ctrl+C / long-press copies it.
          const code = button.previousElementSibling;
          if (code) window.getSelection()?.selectAllChildren(code);
        }
        setTimeout(() => {
          button.textContent = 'Copy';
        }, 1500);
      },
    });
  }

  /** Index of everything the sections need, computed once per render. */
  function analyse(data) {
    const exchanges = list(data.exchanges);
    const byId = new Map(exchanges.map((exchange) => [exchange.id, exchange]));
    const answered = new Set(list(data.expectations).flatMap((e) => list(e.exchanges)));
    const unexpected = new Set(
      exchanges
        .filter((e) => e.contract === undefined || (data.command === 'run' && !answered.has(e.id)))
        .map((e) => e.id),
    );
    const aboutExchange = (finding, exchange) => {
      const what = `${String(exchange.request?.method).toUpperCase()} ${exchange.request?.url}`;
      return (
        String(finding.check).startsWith('callback.unexpected') &&
        (finding.actual === what || String(finding.message).includes(what))
      );
    };
    const findingsOf = (exchange) => [
      ...list(exchange.findings),
      ...(unexpected.has(exchange.id)
        ? list(data.findings).filter((f) => aboutExchange(f, exchange))
        : []),
    ];
    return { exchanges, byId, unexpected, findingsOf };
  }

  function contractOutcome(contract) {
    if (contract.verdict === 'not-exercised' && !hasErrors(contract.findings)) {
      return ['skip', 'not exercised'];
    }
    if (contract.verdict === 'pass' && !hasErrors(contract.findings)) return ['pass', 'pass'];
    return ['fail', contract.verdict === 'pass' ? 'fail' : contract.verdict];
  }

  function expectationOutcome(expectation, index) {
    const failingExchange = list(expectation.exchanges).some(
      (id) => index.byId.get(id)?.verdict === 'fail',
    );
    if (failingStatuses.has(expectation.status)) return ['fail', expectation.status];
    if (hasErrors(expectation.findings) || failingExchange) return ['fail', 'fail'];
    return ['pass', 'pass'];
  }

  function exchangeOutcome(exchange, index) {
    if (index.unexpected.has(exchange.id)) return ['fail', 'unexpected'];
    return exchange.verdict === 'pass' && !hasErrors(exchange.findings)
      ? ['pass', 'pass']
      : ['fail', 'fail'];
  }

  function detail(finding) {
    const parts = [];
    if (finding.expected !== undefined) parts.push(`expected ${describe(finding.expected)}`);
    if (finding.actual !== undefined) parts.push(`got ${describe(finding.actual, true)}`);
    return parts.join(' · ');
  }

  function findingList(findings) {
    if (findings.length === 0) return null;
    return h(
      'ul',
      { class: 'cv-findings' },
      findings.map((f) =>
        h(
          'li',
          { class: `cv-finding cv-${f.severity}` },
          h('span', { class: 'cv-sev', title: f.severity, text: symbols[f.severity] || '·' }),
          h('span', { class: 'cv-msg', text: f.message }),
          detail(f) && h('span', { class: 'cv-expected', text: detail(f) }),
          f.where && h('code', { class: 'cv-where', text: `at ${f.where}` }),
          h('code', { class: 'cv-check', text: f.check }),
          f.spec && h('span', { class: 'cv-spec' }, 'spec: ', h('code', { text: f.spec })),
        ),
      ),
    );
  }

  /** A table row followed, when there are findings, by a full-width row listing them. */
  function rowWithFindings(cells, findings, width, attrs) {
    const rows = [h('tr', attrs, cells)];
    if (findings.length > 0)
      rows.push(h('tr', {}, h('td', { colspan: width }, findingList(findings))));
    return rows;
  }

  function table(headers, rows) {
    // Each cell carries its column title, so narrow screens can show rows as labelled cards.
    for (const row of rows) {
      [...row.children].forEach((cell, i) => {
        if (cell.hasAttribute('colspan')) return;
        cell.setAttribute('data-label', headers[i] ?? '');
        cell.append(h('div', { class: 'cv-cell' }, [...cell.childNodes]));
      });
    }
    return h(
      'div',
      { class: 'cv-scroll' },
      h(
        'table',
        { class: 'cv-cards' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            headers.map((title) => h('th', { scope: 'col', text: title })),
          ),
        ),
        h('tbody', {}, rows),
      ),
    );
  }

  function matches(state, contract, outcome, text) {
    const { filter } = state;
    if (filter.contract !== '' && filter.contract !== contract) return false;
    if (filter.outcome !== 'all' && filter.outcome !== outcome) return false;
    const needle = filter.text.trim().toLowerCase();
    return needle === '' || text.toLowerCase().includes(needle);
  }

  function header(data, live) {
    const s = data.summary || {};
    const seconds = (Date.parse(data.finishedAt) - Date.parse(data.startedAt)) / 1000;
    const count = (value, label, tone) =>
      h('li', { class: tone }, h('b', { text: value ?? 0 }), h('span', { text: label }));
    const unit =
      data.command === 'run' ? 'callbacks' : data.command === 'listen' ? 'contracts' : 'deliveries';
    return h(
      'header',
      { class: 'cv-header' },
      h('h1', { text: `callback-verify ${data.command ?? ''}` }),
      h(
        'p',
        { class: 'cv-meta' },
        `${data.spec?.title ?? ''} · `,
        h('code', { text: data.spec?.source ?? '' }),
        ` · OpenAPI ${data.spec?.openapi ?? '?'} · ${data.startedAt ?? ''}`,
        Number.isFinite(seconds) && seconds >= 0 ? ` · ${seconds.toFixed(1)} s` : '',
        data.tool ? ` · ${data.tool.name} ${data.tool.version}` : '',
      ),
      h('div', {
        class: `cv-verdict ${s.conformant ? 'cv-pass' : 'cv-fail'}`,
        role: 'status',
        // While a session is still running the verdict can change: say so.
        text: `${s.conformant ? '✓ Conformant' : '✗ Not conformant'}${live ? ' so far' : ''}`,
      }),
      h(
        'ul',
        { class: 'cv-counts', 'aria-label': 'Summary' },
        count(s.passed, `${unit} passed`, s.passed > 0 ? 'cv-good' : ''),
        count(s.failed, `${unit} failed`, s.failed > 0 ? 'cv-bad' : ''),
        count(s.missing, 'missing', s.missing > 0 ? 'cv-bad' : ''),
        count(s.unexpected, 'unexpected', s.unexpected > 0 ? 'cv-bad' : ''),
        count(s.errors, 'errors', s.errors > 0 ? 'cv-bad' : ''),
        count(s.warnings, 'warnings', ''),
        count(s.contracts, 'contracts', ''),
        count(s.exchanges, 'exchanges', ''),
      ),
    );
  }

  function contractsSection(state, actions) {
    const contracts = list(state.data.contracts);
    if (contracts.length === 0) return null;
    const rows = contracts
      .filter((c) =>
        matches(
          state,
          c.id,
          contractOutcome(c)[0] === 'fail' ? 'fail' : 'pass',
          `${c.id} ${c.expression}`,
        ),
      )
      .flatMap((c) => {
        const [kind, label] = contractOutcome(c);
        const findings = list(c.findings);
        return rowWithFindings(
          [
            h('td', {}, badge(kind, label)),
            h(
              'td',
              {},
              h('button', {
                type: 'button',
                class: 'cv-link',
                title: 'Show only this contract',
                'data-key': `contract:${c.id}`,
                text: c.id,
                onclick: () => actions.setFilter({ contract: c.id }),
              }),
            ),
            h('td', { text: c.kind }),
            h('td', { class: 'cv-method', text: String(c.method).toUpperCase() }),
            h('td', { class: 'cv-num', text: list(c.exchanges).length }),
            h(
              'td',
              {},
              c.receiverUrl
                ? h(
                    'span',
                    { class: 'cv-copyable' },
                    h('code', { class: 'cv-receiver-url', text: c.receiverUrl }),
                    copyButton(c.receiverUrl, `receiver URL of ${c.id}`, `copy:${c.id}`),
                  )
                : '—',
            ),
          ],
          findings.slice(0, 5).concat(
            findings.length > 5
              ? [
                  {
                    severity: 'info',
                    check: 'more',
                    message: `${findings.length - 5} more with the exchanges below`,
                  },
                ]
              : [],
          ),
          6,
          { 'data-contract': c.id },
        );
      });
    return [
      h('h2', { text: 'Contracts' }),
      table(['Verdict', 'Contract', 'Kind', 'Method', 'Exchanges', 'Receiver URL'], rows),
    ];
  }

  function triggersSection(state) {
    const triggers = list(state.data.triggers);
    if (triggers.length === 0) return null;
    const verdict = (t) =>
      hasErrors(t.findings)
        ? badge('fail', 'fail')
        : list(t.findings).some((f) => f.severity === 'warning')
          ? badge('warn', 'warning')
          : badge('pass', 'pass');
    const rows = triggers.flatMap((t) =>
      rowWithFindings(
        [
          h('td', {}, verdict(t)),
          h('td', {}, h('code', { class: 'cv-id', text: t.id })),
          h(
            'td',
            {},
            h('span', { class: 'cv-method', text: t.method }),
            ' ',
            h('code', { text: t.url }),
          ),
          h('td', { class: 'cv-num', text: t.status ?? 'no response' }),
          h('td', { class: 'cv-num', text: ms(t.durationMs) }),
        ],
        list(t.findings),
        5,
      ),
    );
    return [
      h('h2', { text: 'Triggers' }),
      table(['Verdict', 'Trigger', 'Request', 'Status', 'Time'], rows),
    ];
  }

  function expectationsSection(state, index, actions) {
    const expectations = list(state.data.expectations);
    if (expectations.length === 0) return null;
    const rows = expectations
      .filter((e) =>
        matches(
          state,
          e.contract,
          expectationOutcome(e, index)[0],
          `${e.trigger} ${e.contract} ${e.expectedUrl ?? ''}`,
        ),
      )
      .flatMap((e) => {
        const [kind, label] = expectationOutcome(e, index);
        return rowWithFindings(
          [
            h('td', {}, badge(kind, label)),
            h('td', {}, h('code', { class: 'cv-id', text: e.trigger })),
            h(
              'td',
              {},
              h('code', { text: e.contract }),
              e.expectedUrl && h('div', { class: 'cv-small', text: e.expectedUrl }),
            ),
            h('td', { class: 'cv-num', text: ms(e.latencyMs) }),
            h('td', { class: 'cv-num', text: e.attempts ?? '—' }),
            h(
              'td',
              {},
              list(e.exchanges).map((id, i) => [
                i > 0 ? ' ' : '',
                h('button', {
                  type: 'button',
                  class: 'cv-link',
                  title: 'Open this exchange',
                  'data-key': `reveal:${e.trigger}:${id}`,
                  text: id,
                  onclick: () => actions.reveal(id),
                }),
              ]),
            ),
          ],
          list(e.findings),
          6,
        );
      });
    return [
      h('h2', { text: 'Expected callbacks' }),
      table(['Verdict', 'Trigger', 'Contract', 'Latency', 'Attempts', 'Exchanges'], rows),
    ];
  }

  function deliveriesSection(state) {
    const deliveries = list(state.data.deliveries);
    if (deliveries.length === 0) return null;
    const rows = deliveries
      .filter((d) =>
        matches(
          state,
          d.contract,
          d.verdict === 'pass' ? 'pass' : 'fail',
          `${d.contract} ${d.url}`,
        ),
      )
      .flatMap((d) =>
        rowWithFindings(
          [
            h('td', {}, badge(d.verdict === 'pass' ? 'pass' : 'fail', d.verdict)),
            h('td', {}, h('code', { text: d.contract })),
            h(
              'td',
              {},
              h('span', { class: 'cv-method', text: d.method }),
              ' ',
              h('code', { text: d.url }),
            ),
            h('td', { text: d.payload }),
            h('td', { class: 'cv-num', text: d.status ?? '—' }),
            h('td', { class: 'cv-num', text: ms(d.durationMs) }),
          ],
          list(d.findings),
          6,
        ),
      );
    return [
      h('h2', { text: 'Deliveries' }),
      table(['Verdict', 'Contract', 'Request', 'Payload', 'Status', 'Time'], rows),
    ];
  }

  /** Findings on the body, keyed by the pointer of the deepest node that exists. */
  function bodyHits(findings, body) {
    const hits = new Map();
    for (const finding of findings) {
      const where = finding.where;
      if (typeof where !== 'string' || !(where === '/body' || where.startsWith('/body/'))) continue;
      const tokens = where.slice(5).split('/').slice(1).map(decodeToken);
      let node = body;
      let pointer = '';
      let missing = '';
      for (const [i, token] of tokens.entries()) {
        if (node !== null && typeof node === 'object' && Object.hasOwn(node, token)) {
          node = node[token];
          pointer += `/${encodeToken(token)}`;
        } else {
          missing = tokens.slice(i).join('/');
          break;
        }
      }
      if (!hits.has(pointer)) hits.set(pointer, []);
      hits.get(pointer).push({ finding, missing });
    }
    return hits;
  }

  function note(hit) {
    const f = hit.finding;
    const what = f.expected !== undefined ? `expected ${describe(f.expected)}` : f.message;
    const text = `${symbols[f.severity] || '·'} ${hit.missing ? `missing ${hit.missing}: ` : ''}${what}`;
    return h('span', { class: 'cv-note', title: `${f.check}: ${f.message}`, text });
  }

  /** Pretty-printed JSON, one line per value, with failing values highlighted at their pointer. */
  function jsonView(value, hits) {
    const lines = [];
    const line = (depth, pointer, key, parts, notes) => {
      const hit = pointer !== null && hits.has(pointer);
      lines.push(
        h(
          'span',
          {
            class: `cv-line${hit ? ' cv-hit' : ''}`,
            'data-pointer': pointer ?? undefined,
            // The same place as findings name it (`where`), e.g. /body/paid.
            'data-where': pointer === null ? undefined : `/body${pointer}`,
          },
          '  '.repeat(depth),
          key !== undefined && [h('span', { class: 'cv-k', text: JSON.stringify(key) }), ': '],
          parts,
          notes && hit ? hits.get(pointer).map(note) : null,
        ),
      );
    };
    const walk = (node, pointer, key, depth, last) => {
      const comma = last ? '' : ',';
      if (node !== null && typeof node === 'object') {
        const array = Array.isArray(node);
        const entries = array ? node.map((item, i) => [i, item]) : Object.entries(node);
        const [open, close] = array ? ['[', ']'] : ['{', '}'];
        if (entries.length === 0) return line(depth, pointer, key, `${open}${close}${comma}`, true);
        line(depth, pointer, key, open, true);
        entries.forEach(([k, item], i) => {
          walk(
            item,
            `${pointer}/${encodeToken(k)}`,
            array ? undefined : k,
            depth + 1,
            i === entries.length - 1,
          );
        });
        return line(depth, null, undefined, `${close}${comma}`, false);
      }
      const type =
        typeof node === 'string' ? 's' : typeof node === 'boolean' || node === null ? 'b' : 'n';
      line(
        depth,
        pointer,
        key,
        [h('span', { class: `cv-${type}`, text: JSON.stringify(node) }), comma],
        true,
      );
    };
    walk(value, '', undefined, 0, true);
    return h('pre', { class: 'cv-json', tabindex: 0 }, lines);
  }

  function headersView(headers, findings) {
    const rows = [];
    const hitsFor = (name) =>
      findings.filter(
        (f) => typeof f.where === 'string' && f.where.toLowerCase() === `/headers/${name}`,
      );
    const seen = new Set();
    for (const [name, value] of Object.entries(headers || {})) {
      const lower = name.toLowerCase();
      seen.add(lower);
      const hits = hitsFor(lower);
      rows.push(
        h(
          'tr',
          { class: hits.length ? 'cv-hit' : undefined },
          h('td', { text: name }),
          h(
            'td',
            {},
            Array.isArray(value) ? value.join(', ') : String(value),
            hits.map((finding) => note({ finding })),
          ),
        ),
      );
    }
    for (const finding of findings) {
      const match = typeof finding.where === 'string' && /^\/headers\/(.+)$/.exec(finding.where);
      if (!match || seen.has(match[1].toLowerCase())) continue;
      seen.add(match[1].toLowerCase());
      rows.push(
        h(
          'tr',
          { class: 'cv-hit' },
          h('td', { text: match[1] }),
          h('td', {}, h('span', { class: 'cv-empty', text: '(absent)' }), note({ finding })),
        ),
      );
    }
    if (rows.length === 0) return h('p', { class: 'cv-empty', text: 'No headers.' });
    return h(
      'div',
      { class: 'cv-scroll' },
      h('table', { class: 'cv-headers' }, h('tbody', {}, rows)),
    );
  }

  function bodyView(exchange, findings) {
    const body = exchange.request?.body || {};
    if (exchange.parsedBody !== undefined) {
      return jsonView(exchange.parsedBody, bodyHits(findings, exchange.parsedBody));
    }
    if (!body.bytes) return h('p', { class: 'cv-empty', text: 'No body.' });
    if (typeof body.text === 'string')
      return h('pre', { class: 'cv-pre', tabindex: 0, text: body.text });
    return h('p', {
      class: 'cv-empty',
      text: `${body.bytes} bytes of binary data (base64 in the JSON report).`,
    });
  }

  function exchangeBody(exchange, index) {
    const findings = index.findingsOf(exchange);
    const headers = exchange.request?.headers || {};
    const contentType = headers['content-type'];
    const answer = exchange.answer;
    return h(
      'div',
      { class: 'cv-body' },
      findings.length > 0 && [h('h3', { text: 'Findings' }), findingList(findings)],
      h('h3', { text: 'Request' }),
      h(
        'p',
        {},
        h('span', { class: 'cv-method', text: exchange.request?.method }),
        ' ',
        h('code', { text: exchange.request?.url }),
      ),
      headersView(headers, findings),
      h('h3', { text: `Body${contentType ? ` (${contentType})` : ''}` }),
      bodyView(exchange, findings),
      h('h3', { text: 'Answer' }),
      answer
        ? [
            h(
              'p',
              {},
              answer.dropped ? 'Connection dropped on purpose' : `Status ${answer.status}`,
            ),
            answer.body ? h('pre', { class: 'cv-pre', text: answer.body }) : null,
          ]
        : h('p', { class: 'cv-empty', text: 'No answer recorded.' }),
      h(
        'p',
        { class: 'cv-small' },
        `${exchange.id} · received ${exchange.receivedAt ?? ''}`,
        exchange.token ? ` · token ${exchange.token}` : '',
      ),
    );
  }

  function exchangesSection(state, index, actions) {
    if (index.exchanges.length === 0) return null;
    const ordered = state.newestFirst ? [...index.exchanges].reverse() : index.exchanges;
    const shown = ordered.filter((exchange) => {
      const findings = index.findingsOf(exchange);
      const text = [
        exchange.request?.method,
        exchange.request?.url,
        exchange.contract,
        ...findings.map((f) => f.message),
      ].join(' ');
      const contract =
        index.unexpected.has(exchange.id) && !exchange.contract ? '(unmatched)' : exchange.contract;
      return matches(state, contract, exchangeOutcome(exchange, index)[0], text);
    });
    const items = shown.map((exchange) => {
      const [kind, label] = exchangeOutcome(exchange, index);
      const findings = index.findingsOf(exchange);
      const details = h(
        'details',
        {
          class: `cv-exchange${kind === 'fail' ? ' cv-failing' : ''}`,
          'data-exchange': exchange.id,
          open: state.open.has(exchange.id),
          ontoggle: (event) => {
            const node = event.currentTarget;
            if (node.open) {
              state.open.add(exchange.id);
              if (!node.querySelector('.cv-body')) node.append(exchangeBody(exchange, index));
            } else state.open.delete(exchange.id);
          },
        },
        h(
          'summary',
          { 'data-key': `exchange:${exchange.id}` },
          badge(kind, label),
          h('span', { class: 'cv-method', text: exchange.request?.method }),
          h('span', { class: 'cv-url', text: exchange.request?.url }),
          h('code', { class: 'cv-small', text: exchange.contract ?? 'no contract' }),
          h('span', {
            class: 'cv-small',
            text: exchange.answer ? `→ ${exchange.answer.status}` : '',
          }),
          h('span', { class: 'cv-small', text: clock(exchange.receivedAt) }),
          findings.length > 0 &&
            h('span', { class: 'cv-small', text: plural(findings.length, 'finding') }),
        ),
      );
      // Bodies are built on first open, so thousands of exchanges stay cheap to list.
      if (state.open.has(exchange.id)) details.append(exchangeBody(exchange, index));
      return details;
    });
    return [
      h('h2', { text: `Exchanges (${shown.length} of ${index.exchanges.length})` }),
      h(
        'div',
        { class: 'cv-toolbar' },
        h('button', {
          type: 'button',
          text: 'Expand all',
          'data-key': 'expand-all',
          onclick: () => actions.openAll(shown.map((e) => e.id)),
        }),
        h('button', {
          type: 'button',
          text: 'Collapse all',
          'data-key': 'collapse-all',
          onclick: () => actions.openAll([]),
        }),
      ),
      items.length > 0
        ? items
        : h('p', { class: 'cv-empty', text: 'No exchange matches the filters.' }),
    ];
  }

  function otherSection(state, index) {
    const findings = list(state.data.findings).filter(
      (f) =>
        !index.exchanges.some((e) => index.unexpected.has(e.id) && index.findingsOf(e).includes(f)),
    );
    if (findings.length === 0) return null;
    return [h('h2', { text: 'Other findings' }), findingList(findings)];
  }

  function providerSection(state) {
    const provider = state.data.provider;
    if (!provider) return null;
    return [
      h('h2', { text: 'Provider' }),
      h(
        'p',
        { class: 'cv-meta' },
        provider.command ? ['Command ', h('code', { text: provider.command }), ' · '] : '',
        provider.url ? ['URL ', h('code', { text: provider.url })] : '',
      ),
      h(
        'details',
        { class: 'cv-exchange' },
        h(
          'summary',
          {},
          `Output (${plural(
            String(provider.output || '')
              .split('\n')
              .filter(Boolean).length,
            'line',
          )})`,
        ),
        h('pre', {
          class: 'cv-pre',
          tabindex: 0,
          text: stripAnsi(provider.output || '') || '(no output)',
        }),
      ),
    ];
  }

  function filters(actions) {
    const contract = h('select', {
      id: 'cv-filter-contract',
      onchange: (e) => actions.setFilter({ contract: e.target.value }),
    });
    const outcome = h(
      'select',
      { id: 'cv-filter-outcome', onchange: (e) => actions.setFilter({ outcome: e.target.value }) },
      h('option', { value: 'all', text: 'Pass and fail' }),
      h('option', { value: 'fail', text: 'Failing only' }),
      h('option', { value: 'pass', text: 'Passing only' }),
    );
    const text = h('input', {
      id: 'cv-filter-text',
      type: 'search',
      placeholder: 'URL, contract, message…',
      oninput: (e) => actions.setFilter({ text: e.target.value }),
    });
    return h(
      'div',
      { class: 'cv-filters', role: 'search' },
      h('label', {}, 'Contract', contract),
      h('label', {}, 'Outcome', outcome),
      h('label', {}, 'Search', text),
      h('button', {
        type: 'button',
        text: 'Clear filters',
        onclick: () => actions.setFilter({ contract: '', outcome: 'all', text: '' }),
      }),
    );
  }

  /** Keeps the filter controls in step with the state without replacing them (focus stays put). */
  function syncFilters(root, state, index) {
    const select = root.querySelector('#cv-filter-contract');
    const ids = [
      ...new Set([
        ...list(state.data.contracts).map((c) => c.id),
        ...index.exchanges.map((e) => e.contract).filter(Boolean),
      ]),
    ];
    const options = [['', 'All contracts'], ...ids.map((id) => [id, id])];
    if (index.exchanges.some((e) => !e.contract))
      options.push(['(unmatched)', 'No contract (unexpected)']);
    if (
      select.options.length !== options.length ||
      [...select.options].some((o, i) => o.value !== options[i][0])
    ) {
      select.replaceChildren(
        ...options.map(([value, label]) => h('option', { value, text: label })),
      );
    }
    select.value = state.filter.contract;
    root.querySelector('#cv-filter-outcome').value = state.filter.outcome;
    const text = root.querySelector('#cv-filter-text');
    if (text.value !== state.filter.text) text.value = state.filter.text;
  }

  /**
   * Draws `state.data` into `root`; call again after changing the state. The first call
   * builds the filter bar, later calls keep it (and the keyboard focus in it).
   */
  function render(root, state) {
    const actions = state.actions;
    if (!root.querySelector('.cv-filters')) {
      root.replaceChildren(
        h('div', { class: 'cv-top' }),
        filters(actions),
        h('main', { class: 'cv-content', id: 'cv-content' }),
        h(
          'p',
          { class: 'cv-help' },
          'Keys: ',
          h('kbd', { text: '/' }),
          ' search · ',
          h('kbd', { text: 'f' }),
          ' failing only · ',
          h('kbd', { text: 'Esc' }),
          ' clear filters · ',
          h('kbd', { text: 'Enter' }),
          ' on an exchange opens it.',
        ),
      );
    }
    const index = analyse(state.data);
    root.querySelector('.cv-top').replaceChildren(header(state.data, state.live));
    syncFilters(root, state, index);
    const content = root.querySelector('.cv-content');
    // A redraw replaces the content; keep the keyboard focus on the same control.
    const focused =
      document.activeElement instanceof HTMLElement && content.contains(document.activeElement)
        ? document.activeElement.closest('[data-key]')?.getAttribute('data-key')
        : undefined;
    content.replaceChildren(
      ...[
        contractsSection(state, actions),
        triggersSection(state),
        expectationsSection(state, index, actions),
        deliveriesSection(state),
        exchangesSection(state, index, actions),
        otherSection(state, index),
        providerSection(state),
      ]
        .flat(4)
        .filter(Boolean),
    );
    if (focused) {
      content.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
    }
  }

  /**
   * Mounts a view on `root` and returns handles to feed it: `update(data)` replaces the
   * report, `addExchange(exchange)` appends one live exchange. `options.newestFirst` lists
   * exchanges newest first and `options.live` marks the verdict as one "so far" (the live
   * dashboard; set `state.live = false` and update when the session ends).
   */
  function mount(root, data, options) {
    const state = {
      data,
      filter: { contract: '', outcome: 'all', text: '' },
      open: new Set(),
      newestFirst: options?.newestFirst === true,
      live: options?.live === true,
    };
    const redraw = () => render(root, state);
    state.actions = {
      setFilter(change) {
        Object.assign(state.filter, change);
        redraw();
      },
      openAll(ids) {
        state.open = new Set(ids);
        redraw();
      },
      reveal(id) {
        state.filter = { contract: '', outcome: 'all', text: '' };
        state.open.add(id);
        redraw();
        const node = root.querySelector(`[data-exchange="${CSS.escape(id)}"]`);
        node?.scrollIntoView({ block: 'start' });
        node?.querySelector('summary')?.focus();
      },
    };
    document.addEventListener('keydown', (event) => {
      const typing =
        event.target instanceof HTMLElement &&
        /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
      if (event.key === 'Escape') {
        state.actions.setFilter({ contract: '', outcome: 'all', text: '' });
        if (typing) event.target.blur();
      } else if (!typing && event.key === '/') {
        event.preventDefault();
        root.querySelector('#cv-filter-text')?.focus();
      } else if (
        !typing &&
        event.key === 'f' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey
      ) {
        state.actions.setFilter({ outcome: state.filter.outcome === 'fail' ? 'all' : 'fail' });
      }
    });
    redraw();
    return {
      state,
      update(next) {
        state.data = next;
        redraw();
      },
      addExchange(exchange) {
        state.data.exchanges = [...list(state.data.exchanges), exchange];
        redraw();
      },
    };
  }

  window.CallbackVerifyReport = { mount, render };
  const source = document.getElementById('cv-data');
  const root = document.getElementById('cv-app');
  if (source && root) mount(root, JSON.parse(source.textContent || '{}'));
})();
