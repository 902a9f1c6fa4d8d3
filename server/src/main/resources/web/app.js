// rhoscope web page: plain JavaScript over the JSON API (see /api/openapi.json).
'use strict';

const EXAMPLES = [
  'eventually deadlock',
  'deadlock_free',
  'eventually race(balance)',
  'eventually contains balance!(< 0)',
  'mutual_exclusion("critical")',
  'eventually contains "done"!("p1")',
  'eventually contains "ERK-PP"!(_)',
  'not terminates',
];

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  if (response.status === 204) return null;
  const body = await response.json();
  if (!response.ok) throw body;
  return body;
}

function describeError(e) {
  if (e && e.error) {
    const where = e.line > 0 ? `line ${e.line}:${e.column}: ` : '';
    return `${e.error}: ${where}${e.detail}`;
  }
  return String(e);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}

function showMessage(text, kind) {
  const box = $('type-message');
  box.textContent = text;
  box.className = 'message ' + (kind || '');
}

// ---- query box helpers -------------------------------------------------------------------

function insertIntoQuery(text, replace) {
  const input = $('query-input');
  if (replace || input.value.trim() === '') {
    input.value = text;
  } else {
    const at = input.selectionStart ?? input.value.length;
    input.value = input.value.slice(0, at) + text + input.value.slice(input.selectionEnd ?? at);
  }
  input.focus();
}

function renderExamples() {
  const list = $('examples');
  for (const example of EXAMPLES) {
    list.append(el('li', { title: 'use this query', onclick: () => insertIntoQuery(example, true) }, example));
  }
}

async function loadNamedTypes() {
  try {
    const { types } = await api('/api/types');
    const list = $('named-types');
    list.replaceChildren();
    for (const t of types) {
      const call = t.parameters.length ? `${t.name}(${t.parameters.join(', ')})` : t.name;
      list.append(el('li', {
        class: 'named-type',
        title: `${call} = ${t.definition}\n${t.description}`,
        onclick: () => insertIntoQuery(call, false),
      }, call));
    }
  } catch (e) {
    $('named-types').replaceChildren(el('li', {}, 'unavailable: ' + describeError(e)));
  }
}

async function refreshHealth() {
  try {
    const health = await api('/api/health');
    $('health').textContent = `${health.processes} processes`;
  } catch (e) {
    $('health').textContent = 'server unreachable';
  }
}

async function checkSyntax() {
  const type = $('query-input').value;
  try {
    const parsed = await api('/api/types/parse', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type }),
    });
    showMessage('ok: ' + parsed.normalised, 'ok');
  } catch (e) {
    showMessage(describeError(e), 'error');
  }
}

// ---- running a query (streamed as JSON lines) --------------------------------------------

let currentRun = null;

async function runQuery(event) {
  event.preventDefault();
  if (currentRun) currentRun.abort();
  const controller = new AbortController();
  currentRun = controller;
  const body = {
    type: $('query-input').value,
    limit: Number($('query-limit').value) || 50,
    timeoutMs: Number($('query-timeout').value) || 10000,
    stream: true,
  };
  const dataset = $('filter-dataset').value.trim();
  if (dataset) body.filters = { dataset };

  showMessage('', '');
  $('results').replaceChildren();
  $('stats').textContent = '';
  closeWitness();
  setProgress(0, 0, true);
  $('run-query').disabled = true;
  try {
    const response = await fetch('/api/query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (!response.ok) throw await response.json();
    await readLines(response, handleEvent);
  } catch (e) {
    if (e.name !== 'AbortError') showMessage(describeError(e), 'error');
  } finally {
    if (currentRun === controller) {
      currentRun = null;
      $('run-query').disabled = false;
      $('progress').hidden = true;
    }
  }
}

async function readLines(response, onLine) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onLine(JSON.parse(line));
    }
  }
  if (buffered.trim()) onLine(JSON.parse(buffered));
}

function handleEvent(ev) {
  switch (ev.event) {
    case 'progress':
      setProgress(ev.checked, ev.candidates, true);
      break;
    case 'match':
      $('results').append(renderMatch(ev.match));
      break;
    case 'done':
      renderAnswer(ev.answer);
      break;
    case 'error':
      showMessage(describeError(ev), 'error');
      break;
  }
}

function setProgress(checked, candidates, visible) {
  $('progress').hidden = !visible;
  const share = candidates > 0 ? (100 * checked) / candidates : 0;
  $('progress-bar').style.width = share + '%';
  $('progress-text').textContent = candidates > 0 ? `checked ${checked} of ${candidates}` : 'planning...';
}

function renderAnswer(answer) {
  const s = answer.stats;
  $('stats').textContent =
    `${plural(answer.matches.length, 'answer')} for ${answer.type} — ${plural(s.processes, 'process')}, ` +
    `${s.candidates} candidates after the index, ${s.checked} checked, ${s.cached} cached, ` +
    `${s.unknown} unknown, ${s.elapsedMs} ms`;
  const list = $('results');
  list.replaceChildren(...answer.matches.map(renderMatch));
  if (answer.matches.length === 0) list.append(el('li', { class: 'empty' }, 'No process matches.'));
}

function renderMatch(m) {
  const actions = el('span', { class: 'actions' });
  if (m.witness) {
    actions.append(el('button', { type: 'button', class: 'show-witness', onclick: () => openWitness(m) },
      `Witness (${plural(m.witness.steps.length, 'step')})`));
  }
  actions.append(el('a', { href: `#/process/${encodeURIComponent(m.id)}`, class: 'open-process button secondary' }, 'Process'));
  return el('li', { class: 'match', 'data-id': m.id },
    el('span', { class: `verdict ${m.verdict}` }, m.verdict.toUpperCase()),
    el('span', {}, el('span', { class: 'name' }, m.name), ' ', el('span', { class: 'dataset' }, m.dataset)),
    el('span', { class: 'method', title: 'how the verdict was reached' }, m.method),
    el('span', { class: 'reason' }, m.reason || ''),
    actions,
    importWarnings(m.importWarnings));
}

// An SBML model's caveats, beside the verdict they qualify.
function importWarnings(warnings) {
  if (!warnings || warnings.length === 0) return null;
  return el('details', { class: 'import-warnings' },
    el('summary', {}, plural(warnings.length, 'import warning')),
    el('ul', {}, ...warnings.map((w) => el('li', {}, w))));
}

// ---- an SBML model's witness in its own terms ----------------------------------------------

function speciesLabel(id, name) {
  return name && name !== id ? `${id} (${name})` : id;
}

function reactionLabel(r) {
  if (!r) return 'no reaction of the model explains this step';
  let text = r.name ? `${r.id} — ${r.name}` : r.id;
  if (r.reverse) text += ' (reverse)';
  if (r.alternatives) text += ` (or, with the same effect: ${r.alternatives.join(', ')})`;
  return text;
}

function changeLabel(c) {
  const who = speciesLabel(c.species, c.name);
  if (c.before <= 1 && c.after <= 1) return (c.after > c.before ? '+' : '−') + who;
  return `${who} ${c.before} → ${c.after}`;
}

// The species present after each step: the final ones, with the later steps' changes undone.
function presentAfterEachStep(w) {
  const names = {};
  const amounts = {};
  for (const a of w.present) {
    amounts[a.species] = a.amount;
    names[a.species] = a.name;
  }
  const after = [];
  for (let i = w.steps.length; i >= 0; i--) {
    after[i] = Object.entries(amounts).filter(([, n]) => n > 0)
      .map(([id, n]) => speciesLabel(id, names[id]) + (n === 1 ? '' : ` = ${n}`));
    if (i > 0) {
      for (const c of w.steps[i - 1].changes) {
        amounts[c.species] = c.before;
        names[c.species] = c.name;
      }
    }
  }
  return after;
}

// ---- the witness as frames: one COMM step each --------------------------------------------

let witness = null;
let frameAt = 0;
let presence = null;

function openWitness(match) {
  witness = match;
  frameAt = 0;
  presence = match.witness.present ? presentAfterEachStep(match.witness) : null;
  $('witness-title').textContent = `Witness for ${match.name}`;
  const strip = $('frame-strip');
  strip.replaceChildren(el('li', { onclick: () => showFrame(0) }, 'start'));
  match.witness.steps.forEach((f, i) => {
    const label = f.reaction ? f.reaction.id : f.channel.spelling;
    const title = f.reaction ? reactionLabel(f.reaction) : f.channel.spelling;
    strip.append(el('li', { title, onclick: () => showFrame(i + 1) }, `${i + 1}: ${label}`));
  });
  $('witness-present').hidden = !presence;
  $('frame-encoded').open = !presence;
  $('witness').hidden = false;
  showFrame(0);
  $('witness').scrollIntoView({ block: 'nearest' });
}

function closeWitness() {
  witness = null;
  $('witness').hidden = true;
}

function showFrame(index) {
  const frames = witness.witness.steps;
  frameAt = Math.max(0, Math.min(index, frames.length));
  $('frame-index').textContent = `step ${frameAt} of ${frames.length}`;
  $('frame-prev').disabled = frameAt === 0;
  $('frame-next').disabled = frameAt === frames.length;
  [...$('frame-strip').children].forEach((li, i) => li.classList.toggle('current', i === frameAt));
  const comm = $('frame-comm');
  if (frameAt === 0) {
    comm.replaceChildren(el('dt', {}, 'initial'), el('dd', {}, presence
      ? 'the model as imported, before any reaction'
      : 'the process as stored, before any communication'));
    $('frame-state').textContent = witness.witness.initialState;
  } else {
    const f = frames[frameAt - 1];
    if (presence) {
      comm.replaceChildren(
        el('dt', {}, 'reaction'), el('dd', { class: 'frame-reaction' }, reactionLabel(f.reaction)),
        el('dt', {}, 'changed'), el('dd', { class: 'frame-changes' }, f.changes.map(changeLabel).join(', ')));
    } else {
      comm.replaceChildren(
        el('dt', {}, 'channel'), el('dd', { class: 'frame-channel', title: `${f.channel.kind} channel` }, f.channel.spelling),
        el('dt', {}, 'message'), el('dd', { class: 'frame-message' }, f.message),
        el('dt', {}, 'receiver'), el('dd', { class: 'frame-receiver' }, f.receiver));
    }
    $('frame-state').textContent = f.state;
  }
  if (presence) {
    const present = presence[frameAt];
    $('frame-present').textContent = present.length ? present.join(', ') : 'no species present';
  }
}

// ---- processes -----------------------------------------------------------------------------

const PAGE = 25;
let listOffset = 0;

async function loadProcessList() {
  const params = new URLSearchParams({ offset: listOffset, limit: PAGE });
  const name = $('list-name').value.trim();
  const dataset = $('list-dataset').value.trim();
  if (name) params.set('name', name);
  if (dataset) params.set('dataset', dataset);
  const page = await api('/api/processes?' + params);
  const rows = page.items.map((p) => el('tr', {},
    el('td', {}, el('a', { href: `#/process/${encodeURIComponent(p.id)}` }, p.name)),
    el('td', {}, p.dataset), el('td', {}, p.format)));
  $('process-table').tBodies[0].replaceChildren(...rows);
  const last = Math.min(page.offset + page.items.length, page.total);
  $('page-info').textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : 'none';
  $('page-prev').disabled = page.offset === 0;
  $('page-next').disabled = last >= page.total;
}

async function loadProcess(id) {
  try {
    const p = await api('/api/processes/' + encodeURIComponent(id));
    $('process-name').textContent = p.name;
    $('process-meta').textContent = `${p.dataset} · ${p.format}${p.semantics ? ' · ' + p.semantics : ''} · id ${p.id}`;
    $('process-warnings').replaceChildren(...p.warnings.map((w) => el('li', {}, w)));
    const rows = Object.keys(p.features).sort().map((k) =>
      el('tr', {}, el('th', {}, k), el('td', {}, el('code', {}, formatFeature(p.features[k])))));
    $('process-features').tBodies[0].replaceChildren(...rows);
    $('process-source').textContent = p.source;
    $('process-printed').textContent = p.process;
  } catch (e) {
    $('process-name').textContent = describeError(e);
  }
}

function formatFeature(value) {
  if (Array.isArray(value)) return value.join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// ---- routing between the views --------------------------------------------------------------

function route() {
  const hash = location.hash || '#/';
  const processMatch = hash.match(/^#\/process\/(.+)$/);
  $('query-view').hidden = !(hash === '#/' || hash === '#');
  $('processes-view').hidden = hash !== '#/processes';
  $('process-view').hidden = !processMatch;
  if ($('query-view').hidden) closeWitness();
  if (hash === '#/processes') loadProcessList().catch((e) => ($('page-info').textContent = describeError(e)));
  if (processMatch) loadProcess(decodeURIComponent(processMatch[1]));
}

function init() {
  renderExamples();
  loadNamedTypes();
  refreshHealth();
  $('query-form').addEventListener('submit', runQuery);
  $('query-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) runQuery(e);
  });
  $('check-type').addEventListener('click', checkSyntax);
  $('witness-close').addEventListener('click', closeWitness);
  $('frame-prev').addEventListener('click', () => showFrame(frameAt - 1));
  $('frame-next').addEventListener('click', () => showFrame(frameAt + 1));
  document.addEventListener('keydown', (e) => {
    if (!witness || e.target.tagName === 'TEXTAREA' || e.target.tagName === 'INPUT') return;
    if (e.key === 'ArrowRight') showFrame(frameAt + 1);
    if (e.key === 'ArrowLeft') showFrame(frameAt - 1);
  });
  $('list-run').addEventListener('click', () => { listOffset = 0; loadProcessList(); });
  $('page-prev').addEventListener('click', () => { listOffset = Math.max(0, listOffset - PAGE); loadProcessList(); });
  $('page-next').addEventListener('click', () => { listOffset += PAGE; loadProcessList(); });
  $('process-back').addEventListener('click', (e) => {
    // Back to the results the reader came from, when there are any.
    if (history.length > 1) {
      e.preventDefault();
      history.back();
    }
  });
  window.addEventListener('hashchange', route);
  route();
}

init();
