// Lesion Search page: routes (#/search?q=..., #/lesion/<id>), teaching mode, keyboard, and the
// wiring of search box, results, lesion page and search by example.
import * as api from './api.js';
import { h, clear } from './dom.js';
import { Autocomplete } from './autocomplete.js';
import { setVocabulary, labelChip } from './cards.js';
import { ResultsView } from './results.js';
import { renderLesionPage } from './lesion.js';
import { ExamplePanel } from './example.js';

const PAGE = 24;
const TEACHING_KEY = 'lesionsearch.teaching';
const $ = (id) => document.getElementById(id);

const el = {
  form: $('search-form'), q: $('q'), suggestions: $('suggestions'), teaching: $('teaching'),
  searchView: $('search-view'), lesionView: $('lesion-view'), main: $('main'),
  status: $('status'), error: $('error'), facets: $('facets'), results: $('results'), more: $('more'),
  welcome: $('welcome'), exampleSummary: $('example-summary'), footer: $('footer-info'),
  example: $('example'), exampleOpen: $('example-open'), exampleClose: $('example-close'),
};

const state = { query: '', offset: 0, sequence: 0, lastExample: null };

/** A server with access control refused the request: ask for a token, then try again. */
function unauthorized(failure) {
  if (failure.status !== 401) return false;
  const form = $('signin');
  form.hidden = false;
  $('signin-note').textContent = api.hasToken() ? failure.message : '';
  $('token').focus();
  results.status('');
  return true;
}

/** A token whose role sees de-identified lesions only: teaching mode is on and stays on. */
function followRole(answerDeidentified) {
  if (answerDeidentified && !el.teaching.checked) {
    el.teaching.checked = true;
    el.teaching.disabled = true;
    el.teaching.parentElement.classList.add('forced');
    el.teaching.parentElement.title = 'Your access token shows de-identified lesions only';
    document.body.classList.add('teaching-on');
  }
}

function teaching() {
  return el.teaching.checked;
}

function go(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

/** A field value as the query language reads it: quoted when it holds spaces, commas, brackets or quotes. */
function fieldValue(text) {
  return /^[^\s,()"]+$/.test(text) ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
}

const actions = {
  open: (id) => go(`#/lesion/${encodeURIComponent(id)}`),
  moreLikeThis: (id) => go(`#/search?q=${encodeURIComponent(`similar:${fieldValue(id)}`)}`),
  narrow: (query) => go(`#/search?q=${encodeURIComponent(query)}`),
  back: () => (history.length > 1 ? history.back() : go('#/')),
};

const results = new ResultsView(el, actions);

function show(view) {
  el.searchView.hidden = view !== 'search';
  el.lesionView.hidden = view !== 'lesion';
}

/** Runs the text query; with append, fetches the next page under the current one. */
async function search(query, append = false) {
  const sequence = ++state.sequence;
  show('search');
  el.exampleSummary.hidden = true;
  state.query = query;
  state.offset = append ? state.offset + PAGE : 0;
  results.clearError();
  results.status('Searching …');
  performance.clearMarks('search-start');
  performance.mark('search-start');
  let answer;
  try {
    answer = await api.search({ q: query, k: PAGE, offset: state.offset, deidentified: teaching() });
  } catch (failure) {
    if (sequence !== state.sequence || unauthorized(failure)) return;
    results.status('');
    if (!append) {
      clear(el.results);
      clear(el.facets);
      el.more.hidden = true;
    }
    results.error(failure, query, (fixed) => { el.q.value = fixed; actions.narrow(fixed); });
    finishMeasure();
    return;
  }
  if (sequence !== state.sequence) return;
  followRole(answer.deidentified);
  const shown = results.render(answer, { append, query });
  results.status(`${answer.total.toLocaleString()} lesion${answer.total === 1 ? '' : 's'} match`
    + ` · showing ${shown} · ${answer.plan} · ${answer.tookMs} ms on the server`
    + (answer.deidentified ? ' · de-identified' : ''));
  finishMeasure();
}

/** Browser-side round trip of the last search, from request to rendered grid (read by the browser tests). */
function finishMeasure() {
  const m = performance.measure('search', 'search-start');
  document.body.dataset.lastSearchMs = m.duration.toFixed(1);
}

async function lesion(id) {
  const sequence = ++state.sequence;
  show('lesion');
  clear(el.lesionView).append(h('p', { class: 'status' }, 'Loading the lesion …'));
  let page;
  try {
    page = await api.lesionPage(id, teaching());
  } catch (failure) {
    if (sequence !== state.sequence || unauthorized(failure)) return;
    clear(el.lesionView).append(h('div', { class: 'error', role: 'alert' }, failure.message));
    return;
  }
  if (sequence !== state.sequence) return;
  followRole(page.deidentified);
  if (page.lesion.id !== id) {
    // teaching mode switched: the page names the lesion by its pseudonym (or back by its id)
    history.replaceState(null, '', `#/lesion/${encodeURIComponent(page.lesion.id)}`);
  }
  renderLesionPage(el.lesionView, page, actions);
  document.title = `Lesion ${page.lesion.id} · Lesion Search`;
  window.scrollTo(0, 0);
  el.lesionView.querySelector('h1')?.setAttribute('tabindex', '-1');
  el.lesionView.querySelector('h1')?.focus({ preventScroll: true });
}

async function exampleSearch(request) {
  const sequence = ++state.sequence;
  show('search');
  results.clearError();
  results.status('Encoding the example and searching …');
  performance.clearMarks('search-start');
  performance.mark('search-start');
  let answer;
  try {
    answer = await api.exampleSearch(request.file, { ...request, q: el.q.value.trim() || undefined, k: PAGE, deidentified: teaching() });
  } catch (failure) {
    if (sequence !== state.sequence || unauthorized(failure)) return;
    results.status('');
    results.error(failure, el.q.value, (fixed) => { el.q.value = fixed; });
    return;
  }
  if (sequence !== state.sequence) return;
  state.lastExample = request;
  history.replaceState(null, '', '#/example');
  const ex = answer.example;
  clear(el.exampleSummary).append(h('strong', {}, 'Lesions like your example'),
    ` (${request.file.name}, ${ex.sizeMm.toFixed(1)} mm${ex.z !== undefined && ex.z !== null ? `, z ${ex.z.toFixed(2)}` : ''}). The model reads it as: `,
    ex.labels.length ? h('ul', { class: 'labels' }, ex.labels.slice(0, 8).map((l) => labelChip({ term: l.label, probability: l.probability })))
      : 'no label above its threshold');
  el.exampleSummary.hidden = false;
  const shown = results.render(answer.results, { query: el.q.value });
  el.more.hidden = true;
  results.status(`${shown} most similar of ${answer.results.total.toLocaleString()} · ${answer.results.tookMs} ms on the server`);
  finishMeasure();
}

function route() {
  const hash = location.hash || '#/';
  const lesionMatch = hash.match(/^#\/lesion\/(.+)$/);
  if (lesionMatch) {
    lesion(decodeURIComponent(lesionMatch[1]));
    return;
  }
  if (hash.startsWith('#/search')) {
    const q = new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('q') || '';
    el.q.value = q;
    document.title = q ? `${q} · Lesion Search` : 'Lesion Search';
    search(q);
    return;
  }
  if (hash === '#/example') {
    show('search');
    openExample(true);
    return;
  }
  show('search');
  state.sequence += 1;
  clear(el.results);
  clear(el.facets);
  results.clearError();
  results.status('');
  el.more.hidden = true;
  el.exampleSummary.hidden = true;
  el.q.value = '';
  el.welcome.hidden = false;
  document.title = 'Lesion Search';
}

function openExample(open) {
  el.example.hidden = !open;
  el.exampleOpen.setAttribute('aria-expanded', String(open));
  if (open) $('example-file').focus();
}

function keyboard(event) {
  const typing = event.target.closest('input, textarea, select, [contenteditable]');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    el.q.focus();
    el.q.select();
  } else if (event.key === 'ArrowDown' && event.target === el.q && !autocomplete.isOpen() && el.results.children.length && !el.searchView.hidden) {
    event.preventDefault();
    results.focusCard(0);
  }
}

const autocomplete = new Autocomplete(el.q, el.suggestions);

el.form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (autocomplete.isOpen()) autocomplete.close();
  go(`#/search?q=${encodeURIComponent(el.q.value.trim())}`);
});
el.more.addEventListener('click', () => search(state.query, true));
el.teaching.checked = localStorage.getItem(TEACHING_KEY) === 'true';
document.body.classList.toggle('teaching-on', el.teaching.checked);
el.teaching.addEventListener('change', () => {
  localStorage.setItem(TEACHING_KEY, String(el.teaching.checked));
  document.body.classList.toggle('teaching-on', el.teaching.checked);
  if (location.hash === '#/example' && state.lastExample) exampleSearch(state.lastExample);
  else route();
});
el.exampleOpen.addEventListener('click', () => openExample(el.example.hidden));
el.exampleClose.addEventListener('click', () => openExample(false));
document.addEventListener('keydown', keyboard);
window.addEventListener('hashchange', route);

new ExamplePanel({
  file: $('example-file'), window: $('example-window'), spacing: $('example-spacing'), canvas: $('example-canvas'),
  coords: ['ex-x1', 'ex-y1', 'ex-x2', 'ex-y2'].map($), shapes: [...document.querySelectorAll('input[name="shape"]')],
  info: $('example-info'), search: $('example-search'),
}, exampleSearch);

$('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  api.setToken($('token').value.trim());
  $('token').value = '';
  $('signin').hidden = true;
  start();
});

/** Reads the label vocabulary (for probabilities on the cards), then shows what the address asks for. */
function start() {
  api.labels().then((answer) => { setVocabulary(answer.labels); route(); }, (failure) => { if (!unauthorized(failure)) route(); });
}

start();
api.health().then((hh) => {
  el.footer.textContent = `${hh.lesions.toLocaleString()} lesions, ${hh.patients.toLocaleString()} patients`
    + (hh.model ? `, model ${hh.model.name}` : '') + '.';
}, () => {});
