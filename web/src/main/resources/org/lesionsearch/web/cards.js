// A lesion as a card of the results grid: thumbnail, labels with probabilities, size, location,
// score and why it ranks there, with "more like this".
import { h } from './dom.js';
import { showThumbnail } from './api.js';
import { coarseType, fixed, location, patientLine, probability, size } from './format.js';

let vocabulary = { index: new Map(), classOf: new Map() };

/** The model's labels in output order (from GET /api/labels), to read labelScores. */
export function setVocabulary(labels) {
  const index = new Map();
  const classOf = new Map();
  for (const label of labels) {
    index.set(label.term, label.index);
    classOf.set(label.term, label.labelClass);
  }
  vocabulary = { index, classOf };
}

export function labelClass(term) {
  return vocabulary.classOf.get(term) || '';
}

/** The lesion's labels with probabilities, most probable first; report labels marked. */
export function rankedLabels(lesion) {
  const scores = lesion.labelScores;
  const names = new Set([...(lesion.labels || []), ...(lesion.reportLabels || [])]);
  const out = [...names].map((term) => {
    const i = vocabulary.index.get(term);
    return {
      term,
      labelClass: labelClass(term),
      probability: scores && i !== undefined ? scores[i] : null,
      reported: (lesion.reportLabels || []).includes(term),
    };
  });
  out.sort((a, b) => (b.probability ?? -1) - (a.probability ?? -1) || a.term.localeCompare(b.term));
  return out;
}

/** The labels the query asked for first (as the hit carries them), then the lesion's own most probable ones. */
function cardLabels(lesion, explanation) {
  const own = rankedLabels(lesion);
  const asked = new Set((explanation?.sharedLabels || []).map((l) => l.label));
  return [...own.filter((l) => asked.has(l.term)), ...own.filter((l) => !asked.has(l.term))];
}

export function labelChip(label) {
  return h('li', { class: `label ${label.labelClass || ''}${label.reported ? ' report' : ''}`,
    title: `${label.labelClass || 'label'}${label.reported ? ', mined from the report' : ''}` },
  label.term, label.probability !== null && label.probability !== undefined ? h('span', { class: 'p' }, probability(label.probability)) : null);
}

export function thumbnail(lesion, score) {
  const box = h('div', { class: 'thumb' });
  const img = h('img', {
    loading: 'lazy', decoding: 'async', width: 128, height: 128,
    alt: `CT crop of a ${coarseType(lesion.coarseType)} lesion, ${size(lesion.recist)}, with its RECIST diameters`,
  });
  img.addEventListener('error', () => { img.remove(); box.classList.add('missing'); }, { once: true });
  showThumbnail(img, lesion.id);
  box.append(img);
  if (score !== undefined && score !== null) {
    box.append(h('span', { class: 'score', title: 'ranking score' }, fixed(score, 3)));
  }
  return box;
}

function explanation(e) {
  if (!e) {
    return null;
  }
  const parts = [];
  if (e.cosine !== undefined && e.cosine !== null) parts.push(`cosine ${fixed(e.cosine, 3)}`);
  if (e.labelAgreement !== undefined && e.labelAgreement !== null) parts.push(`labels ${fixed(e.labelAgreement, 2)}`);
  if (e.sizeRatio !== undefined && e.sizeRatio !== null) parts.push(`size ×${fixed(e.sizeRatio, 2)}`);
  if (e.locationDistance !== undefined && e.locationDistance !== null) parts.push(`distance ${fixed(e.locationDistance, 2)}`);
  const shared = e.sharedLabels || [];
  const missing = e.missingLabels || [];
  if (!parts.length && !shared.length && !missing.length) {
    return null;
  }
  return h('details', { class: 'why' },
    h('summary', {}, parts.join(' · ') || 'why'),
    shared.length ? h('div', { class: 'shared' }, shared.map((l) => `${l.label} ${probability(l.probability)}`).join(', ')) : null,
    missing.length ? h('div', { class: 'missing' }, missing.map((l) => `${l.label} ${probability(l.probability)}`).join(', ')) : null);
}

/**
 * @param hit {score, lesion, explanation} as the API answers it
 * @param actions {open(id), moreLikeThis(id)}
 */
export function card(hit, actions) {
  const lesion = hit.lesion;
  const labels = cardLabels(lesion, hit.explanation).slice(0, 6);
  const who = patientLine(lesion);
  const element = h('li', {
    class: 'card', tabindex: '-1', dataset: { id: lesion.id },
    'aria-label': `${coarseType(lesion.coarseType)} lesion ${size(lesion.recist)}${labels.length ? ', ' + labels.map((l) => l.term).join(', ') : ''}`,
  },
  thumbnail(lesion, hit.score),
  h('h3', {}, h('span', {}, coarseType(lesion.coarseType)), h('span', { class: 'id', title: lesion.id }, lesion.id)),
  h('p', { class: 'facts' }, size(lesion.recist), h('br'), location(lesion.location), h('br'),
    `patient ${lesion.patientId}${who ? ' · ' + who : ''}`),
  labels.length ? h('ul', { class: 'labels', 'aria-label': 'labels' }, labels.map(labelChip)) : null,
  explanation(hit.explanation),
  h('div', { class: 'actions' },
    h('a', { href: `#/lesion/${encodeURIComponent(lesion.id)}`, class: 'open', tabindex: '-1' }, 'Open'),
    h('button', { type: 'button', class: 'mlt', tabindex: '-1', onclick: (event) => { event.stopPropagation(); actions.moreLikeThis(lesion.id); } },
      'More like this')));
  element.addEventListener('click', (event) => {
    if (!event.target.closest('button, a, summary')) {
      actions.open(lesion.id);
    }
  });
  return element;
}
