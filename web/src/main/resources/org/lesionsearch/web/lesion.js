// The lesion page: the lesion large with its RECIST lines, its facts and labels, similar lesions of
// other patients, and the patient's timeline.
import { h, clear } from './dom.js';
import { showThumbnail } from './api.js';
import { card } from './cards.js';
import { coarseType, fixed, location, mm, probability, size } from './format.js';
import { chart, table } from './timeline.js';

function facts(lesion, deidentified) {
  const rows = [
    ['Lesion', lesion.id],
    [deidentified ? 'Patient (pseudonym)' : 'Patient', lesion.patientId],
    [deidentified ? 'Study (pseudonym)' : 'Study', lesion.studyId],
    lesion.studyDate ? ['Study date', lesion.studyDate] : null,
    lesion.patientAge !== undefined && lesion.patientAge !== null ? ['Age', `${lesion.patientAge}${deidentified && lesion.patientAge >= 90 ? '+' : ''}`] : null,
    lesion.sex && lesion.sex !== 'UNKNOWN' ? ['Sex', lesion.sex] : null,
    ['Type', coarseType(lesion.coarseType)],
    ['Size (long × short)', size(lesion.recist)],
    ['Location (x, y, z)', location(lesion.location)],
    lesion.keySlice !== undefined && lesion.keySlice !== null ? ['Key slice', lesion.keySlice] : null,
    lesion.spacing ? ['Pixel spacing', `${fixed(lesion.spacing.x, 3)} mm`] : null,
    lesion.model ? ['Model', `${lesion.model.name} ${lesion.model.version}`] : null,
    lesion.source ? ['Source', lesion.source] : null,
  ].filter(Boolean);
  return h('dl', { class: 'facts-table' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
}

const LABELS_SHOWN = 12;

function labelItem(l) {
  const marks = [l.predicted ? 'model' : null, l.reported ? 'report' : null].filter(Boolean).join(' + ');
  const p = l.probability ?? (l.reported ? 1 : 0);
  const bar = h('span', {});
  bar.style.width = `${Math.round(Math.max(0, Math.min(1, p)) * 100)}%`;
  return h('li', { class: l.predicted || l.reported ? '' : 'below' },
    h('span', {}, h('span', { class: `label ${l.labelClass || ''}${l.reported ? ' report' : ''}` }, l.term),
      h('span', { class: 'marks', title: 'model: above the model\'s threshold; report: named by the report sentence' },
        ' ', marks || 'below threshold')),
    h('span', { class: 'bar', role: 'presentation' }, bar),
    h('span', { class: 'val' }, l.probability === null || l.probability === undefined ? '–' : probability(l.probability)));
}

function labelList(labels) {
  if (!labels.length) {
    return h('p', { class: 'hint' }, 'No labels: the model gave none above its thresholds and no report sentence named any.');
  }
  const first = h('ul', { class: 'prob-list', 'aria-label': 'labels with probabilities' }, labels.slice(0, LABELS_SHOWN).map(labelItem));
  if (labels.length <= LABELS_SHOWN) {
    return first;
  }
  return [first, h('details', { class: 'more-labels' }, h('summary', {}, `${labels.length - LABELS_SHOWN} more labels`),
    h('ul', { class: 'prob-list' }, labels.slice(LABELS_SHOWN).map(labelItem)))];
}

/**
 * @param page the answer of GET /api/lesions/{id}/page
 * @param actions {open(id), moreLikeThis(id), back()}
 */
export function renderLesionPage(container, page, actions) {
  clear(container);
  const lesion = page.lesion;
  container.append(
    h('div', { class: 'lesion-head' },
      h('button', { type: 'button', onclick: actions.back }, '← Results'),
      h('h1', {}, `${coarseType(lesion.coarseType)} lesion, ${size(lesion.recist)}`),
      h('span', { class: 'id' }, lesion.id),
      h('button', { type: 'button', class: 'primary', onclick: () => actions.moreLikeThis(lesion.id) }, 'More like this')),
    h('div', { class: 'lesion-main' },
      h('div', {},
        h('div', { class: 'big-thumb' }, h('img', { width: 420, height: 420,
          alt: `CT crop of the lesion with its RECIST diameters, ${size(lesion.recist)}` })),
        h('p', { class: 'legend-axes' }, h('span', { class: 'long' }, '—'), ' long axis ', mm(lesion.recist?.longAxisMm), '  ',
          h('span', { class: 'short' }, '—'), ' short axis ', mm(lesion.recist?.shortAxisMm))),
      h('div', {},
        h('section', { class: 'panel', 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, 'Lesion'), facts(lesion, page.deidentified)),
        h('section', { class: 'panel', 'aria-labelledby': 'labels-title' }, h('h2', { id: 'labels-title' }, 'Labels'), labelList(page.labels)))),
    timelinePanel(page, actions),
    h('section', { class: 'panel', 'aria-labelledby': 'similar-title' },
      h('h2', { id: 'similar-title' }, 'Similar lesions of other patients'),
      page.similar.length
        ? h('ol', { class: 'results similar', id: 'similar' }, page.similar.map((hit) => card(hit, actions)))
        : h('p', { class: 'hint' }, 'None found.')));
  const big = container.querySelector('.big-thumb img');
  big.addEventListener('error', () => { big.remove(); }, { once: true });
  showThumbnail(big, lesion.id);
}

function timelinePanel(page, actions) {
  const t = page.timeline;
  const panel = h('section', { class: 'panel chart', id: 'timeline', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Timeline of this patient'));
  if (!t || !t.studies.length) {
    panel.append(h('p', { class: 'hint' }, 'No timeline: the patient has no studies to compare.'));
    return panel;
  }
  const last = t.assessments[t.assessments.length - 1];
  panel.append(h('p', { class: 'hint' },
    `${t.studies.length} stud${t.studies.length === 1 ? 'y' : 'ies'}, ${t.tracks.length} lesion track${t.tracks.length === 1 ? '' : 's'}`,
    page.trackId ? `; this lesion is ${page.trackId}` : '',
    last && last.response ? ['; latest response ', h('span', { class: `response-badge ${last.response}` }, last.response), ` (${last.reason})`] : ''),
  chart(t, page.trackId), table(t, page.trackId, actions.open));
  return panel;
}
