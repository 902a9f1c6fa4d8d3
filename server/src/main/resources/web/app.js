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

// The offending line of `text` and a caret under the column, as the command line prints it.
function excerpt(text, line, column) {
  if (!text || !(line > 0)) return '';
  const lines = text.split(/\r\n|\r|\n/);
  if (line > lines.length) return '';
  const src = lines[line - 1];
  let caret = '';
  for (let i = 0; i < column - 1; i++) caret += i < src.length && src[i] === '\t' ? '\t' : ' ';
  return `${src}\n${caret}^`;
}

// An error in a box, and under it the line of `text` it points at, when it points at one.
function showError(box, excerptBox, e, text) {
  box.textContent = describeError(e);
  box.className = (box.className.replace(/\b(ok|error)\b/g, '').trim() + ' error').trim();
  box.hidden = false;
  const shown = e && e.error ? excerpt(text, e.line, e.column) : '';
  excerptBox.textContent = shown;
  excerptBox.hidden = shown === '';
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}

function showMessage(text, kind) {
  const box = $('type-message');
  box.textContent = text;
  box.className = 'message ' + (kind || '');
  $('type-excerpt').hidden = true;
}

function showTypeError(e, text) {
  showError($('type-message'), $('type-excerpt'), e, text);
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
    const picker = $('try-named');
    list.replaceChildren();
    picker.replaceChildren(el('option', { value: '' }, 'pick a named type…'));
    for (const t of types) {
      const call = t.parameters.length ? `${t.name}(${t.parameters.join(', ')})` : t.name;
      const title = `${call} = ${t.definition}\n${t.description}`;
      list.append(el('li', { class: 'named-type', title, onclick: () => insertIntoQuery(call, false) }, call));
      picker.append(el('option', { value: call, title }, call));
    }
  } catch (e) {
    $('named-types').replaceChildren(el('li', {}, 'unavailable: ' + describeError(e)));
    $('try-named').replaceChildren(el('option', { value: '' }, 'named types unavailable'));
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
    showTypeError(e, type);
  }
}

// ---- running a query (streamed as JSON lines) --------------------------------------------

let currentRun = null;
let currentReading = null;

// What yes, no and unknown mean for this type, in its words; a malformed type throws its error.
async function readingOf(type, signal) {
  return api('/page/reading?' + new URLSearchParams({ type }), { signal });
}

function verdictBadge(verdict, reading) {
  const phrase = reading[verdict];
  return el('span', { class: `verdict tone-${phrase.tone}`, 'data-verdict': verdict, title: `verdict: ${verdict}` },
    phrase.text);
}

// Why the verdict holds, in the type's words: the witness that shows it, or the bound that
// left it open.
function verdictDetail(verdict, reason, w) {
  if (verdict === 'unknown') return reason || '';
  if (!w) return '';
  return w.steps.length === 0
    ? 'so from the start: the initial state shows it'
    : `shown by a run of ${plural(w.steps.length, 'step')}`;
}

async function runQuery(event) {
  event.preventDefault();
  if (currentRun) currentRun.abort();
  const controller = new AbortController();
  currentRun = controller;
  const type = $('query-input').value;
  const body = {
    type,
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
    try {
      currentReading = await readingOf(type, controller.signal);
    } catch (e) {
      if (e.error) {
        showTypeError(e, type);
        return;
      }
      throw e;
    }
    const response = await fetch('/api/query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (!response.ok) throw await response.json();
    await readLines(response, handleEvent);
  } catch (e) {
    if (e.name !== 'AbortError') showTypeError(e, type);
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
      showTypeError(ev, $('query-input').value);
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
  const shown = answer.matches.length < answer.total
    ? ` (showing ${answer.offset + 1}–${answer.offset + answer.matches.length})` : '';
  $('stats').textContent =
    `${plural(answer.total, 'answer')}${shown} for ${answer.type} — ${plural(s.processes, 'process')}, ` +
    `${plural(s.candidates, 'candidate')} after the index, ${s.checked} checked, ${s.cached} cached, ` +
    `${s.unknown} unknown, ${s.elapsedMs} ms` +
    (answer.partial ? ` — partial: the time ran out before ${plural(answer.unfinished.length, 'candidate')} had an answer` : '');
  const list = $('results');
  list.replaceChildren(...answer.matches.map(renderMatch), ...(answer.unfinished || []).map(renderUnfinished));
  if (answer.matches.length === 0 && !answer.partial) list.append(el('li', { class: 'empty' }, 'No process matches.'));
}

// A candidate the query's time ran out on: open, and why.
function renderUnfinished(u) {
  return el('li', { class: 'match unfinished', 'data-id': u.id },
    verdictBadge(u.verdict, currentReading),
    el('span', {}, el('span', { class: 'name' }, u.name), ' ', el('span', { class: 'dataset' }, u.dataset)),
    el('span', { class: 'reason' }, u.reason),
    el('span', { class: 'actions' },
      el('a', { href: `#/process/${encodeURIComponent(u.id)}`, class: 'open-process button secondary' }, 'Process')));
}

function renderMatch(m) {
  const actions = el('span', { class: 'actions' });
  if (m.witness) {
    actions.append(el('button', { type: 'button', class: 'show-witness', onclick: () => openWitness(m.name, m.witness) },
      `Witness (${plural(m.witness.steps.length, 'step')})`));
  }
  actions.append(el('a', { href: `#/process/${encodeURIComponent(m.id)}`, class: 'open-process button secondary' }, 'Process'));
  return el('li', { class: 'match', 'data-id': m.id },
    verdictBadge(m.verdict, currentReading),
    el('span', {}, el('span', { class: 'name' }, m.name), ' ', el('span', { class: 'dataset' }, m.dataset)),
    el('span', { class: 'method', title: 'how the verdict was reached' }, m.method),
    el('span', { class: 'reason' }, verdictDetail(m.verdict, m.reason, m.witness)),
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

// ---- the witness as frames, read like a comic strip: one panel a step ---------------------

// A printed state's threads: the parts of its top-level parallel composition, inside the `new`
// that declares the state's private names.
function threadsOf(state) {
  let text = state.trim();
  const header = text.match(/^new\s[^{]*?\bin\s*\{/);
  if (header && text.endsWith('}')) text = text.slice(header[0].length, -1);
  const parts = [];
  let depth = 0;
  let quote = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === '`') {
      quote = c;
    } else if ('({['.includes(c)) {
      depth++;
    } else if (')}]'.includes(c)) {
      depth--;
    } else if (c === '|' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map(dedent).filter((t) => t !== '');
}

function dedent(text) {
  const lines = text.split('\n').filter((l, i, all) => l.trim() !== '' || (i > 0 && i < all.length - 1));
  const indent = (l) => l.match(/^\s*/)[0].length;
  const cut = Math.min(...lines.filter((l) => l.trim() !== '').map(indent));
  return lines.map((l) => l.slice(Math.min(cut, indent(l)))).join('\n').trim();
}

// Which threads of `now` the step made (not in `before`) and which it used up (gone from it);
// a thread present twice counts twice.
function diffThreads(before, now) {
  const left = new Map();
  for (const t of before) left.set(t, (left.get(t) || 0) + 1);
  const changed = [];
  const unchanged = [];
  for (const t of now) {
    if (left.get(t) > 0) {
      left.set(t, left.get(t) - 1);
      unchanged.push(t);
    } else {
      changed.push(t);
    }
  }
  const gone = [];
  for (const [t, n] of left) for (let i = 0; i < n; i++) gone.push(t);
  return { changed, unchanged, gone };
}

function threadList(threads, kind) {
  return threads.map((t) => el('li', { class: `thread ${kind}` }, el('pre', {}, t)));
}

function folded(items, one, many) {
  if (items.length === 0) return null;
  return el('details', { class: 'folded' },
    el('summary', {}, `${items.length} ${items.length === 1 ? one : many}`),
    el('ul', { class: 'threads' }, ...items));
}

let witness = null;
let frameAt = 0;
let presence = null;

function processPanel(w, i, states) {
  if (i === 0) {
    return [el('p', { class: 'caption' }, 'the process as given, before any communication'),
      el('ul', { class: 'threads' }, ...threadList(states[0], 'initial'))];
  }
  const f = w.steps[i - 1];
  const d = diffThreads(states[i - 1], states[i]);
  return [el('p', { class: 'caption' }, 'COMM on ', el('code', {}, f.channel.spelling), ': ',
      el('code', {}, f.message)),
    el('ul', { class: 'threads' }, ...threadList(d.changed, 'changed'), ...threadList(d.gone, 'gone')),
    folded(threadList(d.unchanged, 'unchanged'), 'unchanged thread', 'unchanged threads')];
}

function pathwayPanel(w, i) {
  const present = (kind) => presence[i].map((p) => el('li', { class: `thread ${kind}` }, p));
  if (i === 0) {
    return [el('p', { class: 'caption' }, 'the model as imported, before any reaction'),
      el('ul', { class: 'threads' }, ...present('initial'))];
  }
  const f = w.steps[i - 1];
  return [el('p', { class: 'caption' }, reactionLabel(f.reaction)),
    el('ul', { class: 'threads' }, ...f.changes.map((c) => el('li', { class: `thread ${c.after > c.before ? 'changed' : 'gone'}` }, changeLabel(c)))),
    folded(present('unchanged'), 'species present', 'species present')];
}

function openWitness(name, w) {
  presence = w.present ? presentAfterEachStep(w) : null;
  const states = [w.initialState, ...w.steps.map((f) => f.state)].map(threadsOf);
  witness = w;
  $('witness-title').textContent = `Witness for ${name}`;
  const strip = $('frame-strip');
  strip.replaceChildren();
  for (let i = 0; i <= w.steps.length; i++) {
    const body = presence ? pathwayPanel(w, i) : processPanel(w, i, states);
    const findings = i === w.steps.length && w.findings
      ? el('ul', { class: 'panel-findings' }, ...w.findings.map((x) => el('li', {}, x)))
      : null;
    strip.append(el('li', { class: 'panel', 'data-frame': i, onclick: () => showFrame(i) },
      el('h3', { class: 'panel-head' }, i === 0 ? 'start' : `step ${i}`), ...body, findings));
  }
  $('witness-present').hidden = !presence;
  $('frame-encoded').open = false;
  $('witness').hidden = false;
  showFrame(0);
  $('witness').scrollIntoView({ block: 'nearest' });
}

function closeWitness() {
  witness = null;
  $('witness').hidden = true;
}

function showFrame(index) {
  if (!witness) return;
  const frames = witness.steps;
  frameAt = Math.max(0, Math.min(index, frames.length));
  $('frame-index').textContent = `step ${frameAt} of ${frames.length}`;
  $('frame-prev').disabled = frameAt === 0;
  $('frame-next').disabled = frameAt === frames.length;
  for (const panel of $('frame-strip').children) {
    const current = Number(panel.dataset.frame) === frameAt;
    panel.classList.toggle('current', current);
    panel.setAttribute('aria-current', current ? 'step' : 'false');
    if (current) panel.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  const comm = $('frame-comm');
  if (frameAt === 0) {
    comm.replaceChildren(el('dt', {}, 'initial'), el('dd', {}, presence
      ? 'the model as imported, before any reaction'
      : 'the process as given, before any communication'));
    $('frame-state').textContent = witness.initialState;
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
  const last = frameAt === frames.length && witness.findings;
  $('frame-findings').hidden = !last;
  $('frame-findings').replaceChildren(...(last ? witness.findings.map((x) => el('li', {}, x)) : []));
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
    $('process-features').replaceChildren(...featureTables(p.features));
    $('process-source').textContent = p.source;
    $('process-printed').textContent = p.process;
  } catch (e) {
    $('process-name').textContent = describeError(e);
  }
}

// What the indexer learned, in groups a reader looks for; a feature this page does not know yet
// goes under "Other", its name spelled out.
const FEATURE_GROUPS = [
  ['Names', [
    ['channels', 'Channels and how they are used'],
    ['namespaces', 'Namespaces'],
    ['freeNames', 'Free names'],
    ['declaredNames', 'Names declared with new'],
    ['carriedNames', 'Names carried in messages'],
    ['neverCarriedNames', 'Names never carried'],
  ]],
  ['Structure', [
    ['dependencies', 'Dependencies between channels'],
    ['cycles', 'Cycles'],
    ['raceCandidates', 'Race candidates'],
    ['hasLinearReceive', 'Has a linear receive'],
    ['computesStrings', 'Computes strings'],
  ]],
  ['Exploration', [
    ['explored', 'Explored'],
    ['explorationComplete', 'Every reachable state explored'],
    ['stateCount', 'States'],
    ['transitions', 'Transitions'],
    ['explorationMs', 'Time (ms)'],
    ['explorationNote', 'Note'],
    ['deadlockReachable', 'A deadlock is reachable'],
    ['terminalReachable', 'A terminated state is reachable'],
    ['commChannels', 'Channels that communicate'],
    ['receiveChannels', 'Channels received on'],
    ['contractChannels', 'Contract channels'],
  ]],
];

function spelledOut(key) {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function featureValue(value) {
  if (typeof value === 'boolean') return el('span', { class: `flag ${value}` }, value ? 'yes' : 'no');
  if (typeof value === 'number') return value.toLocaleString('en');
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', { class: 'none' }, 'none');
    return el('ul', { class: 'values' }, ...value.map((v) => el('li', {}, el('code', {}, String(v)))));
  }
  if (value !== null && typeof value === 'object') {
    return el('ul', { class: 'values' }, ...Object.entries(value).map(([k, v]) =>
      el('li', {}, el('code', {}, k), ': ', String(v))));
  }
  return String(value);
}

function featureTables(features) {
  const known = new Set(FEATURE_GROUPS.flatMap(([, rows]) => rows.map(([key]) => key)));
  const other = Object.keys(features).filter((k) => !known.has(k)).sort().map((k) => [k, spelledOut(k)]);
  const groups = [...FEATURE_GROUPS, ['Other', other]];
  return groups.flatMap(([title, rows]) => {
    const present = rows.filter(([key]) => key in features);
    if (present.length === 0) return [];
    return [el('table', { class: 'feature-group' },
      el('caption', {}, title),
      el('tbody', {}, ...present.map(([key, label]) =>
        el('tr', { 'data-feature': key }, el('th', { scope: 'row' }, label), el('td', {}, featureValue(features[key]))))))];
  });
}

// ---- checking a process without storing it ------------------------------------------------

let tried = null;

async function readUpload() {
  const file = $('try-file').files[0];
  if (!file) return;
  $('try-source').value = await file.text();
  const lower = file.name.toLowerCase();
  $('try-format').value = lower.endsWith('.rho') ? 'rholang' : lower.endsWith('.xml') || lower.endsWith('.sbml') ? 'sbml' : '';
  $('try-file-name').textContent = file.name;
}

async function tryCheck(event) {
  event.preventDefault();
  const source = $('try-source').value;
  const type = $('try-type').value.trim() || $('try-named').value;
  $('try-error').hidden = true;
  $('try-excerpt').hidden = true;
  $('try-result').hidden = true;
  closeWitness();
  if (!source.trim()) {
    showError($('try-error'), $('try-excerpt'), 'paste a process or upload a file first', '');
    return;
  }
  if (!type) {
    showError($('try-error'), $('try-excerpt'), 'pick a named type or write a type', '');
    return;
  }
  $('try-run').disabled = true;
  let reading;
  try {
    reading = await readingOf(type);
  } catch (e) {
    $('try-run').disabled = false;
    showError($('try-error'), $('try-excerpt'), e, type);
    return;
  }
  const body = { process: source, type };
  if ($('try-format').value) body.format = $('try-format').value;
  try {
    const answer = await api('/api/check', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    tried = answer;
    showTried(answer, reading);
  } catch (e) {
    // The type parsed, so a place in the error is a place in the process.
    showError($('try-error'), $('try-excerpt'), e, source);
  } finally {
    $('try-run').disabled = false;
  }
}

function showTried(answer, reading) {
  $('try-verdict').replaceWith(Object.assign(verdictBadge(answer.verdict, reading), { id: 'try-verdict' }));
  const explored = `${plural(answer.states, 'state')} explored${answer.complete ? ', every reachable one' : ''}, ${answer.elapsedMs} ms`;
  const why = verdictDetail(answer.verdict, answer.reason, answer.witness);
  $('try-detail').textContent = `${why ? why + '; ' : ''}${explored} (${answer.method})`;
  const warnings = [...answer.warnings, ...(answer.importWarnings || [])];
  $('try-warnings').replaceChildren(...warnings.map((w) => el('li', {}, w)));
  const button = $('try-witness');
  button.hidden = !answer.witness;
  if (answer.witness) button.textContent = `Witness (${plural(answer.witness.steps.length, 'step')})`;
  $('try-result').hidden = false;
}

// ---- routing between the views --------------------------------------------------------------

function route() {
  const hash = location.hash || '#/';
  const processMatch = hash.match(/^#\/process\/(.+)$/);
  $('query-view').hidden = !(hash === '#/' || hash === '#');
  $('check-view').hidden = hash !== '#/check';
  $('processes-view').hidden = hash !== '#/processes';
  $('process-view').hidden = !processMatch;
  closeWitness();
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
  $('try-form').addEventListener('submit', tryCheck);
  $('try-file').addEventListener('change', () => readUpload().catch((e) =>
    showError($('try-error'), $('try-excerpt'), e, '')));
  $('try-source').addEventListener('input', () => { $('try-file-name').textContent = ''; });
  $('try-named').addEventListener('change', () => { $('try-type').value = $('try-named').value; });
  $('try-witness').addEventListener('click', () => openWitness($('try-file-name').textContent || 'the process', tried.witness));
  $('frame-prev').addEventListener('click', () => showFrame(frameAt - 1));
  $('frame-next').addEventListener('click', () => showFrame(frameAt + 1));
  document.addEventListener('keydown', (e) => {
    if (!witness || e.target.tagName === 'TEXTAREA' || e.target.tagName === 'INPUT') return;
    if (e.target.tagName === 'SELECT') return;
    const to = { ArrowRight: frameAt + 1, ArrowLeft: frameAt - 1, Home: 0, End: witness.steps.length }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    showFrame(to);
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
