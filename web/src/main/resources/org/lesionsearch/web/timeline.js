// The patient's timeline on the lesion page: a hand-drawn SVG chart of every track's diameter and
// the sum of target diameters per study, with the RECIST 1.1 response at each follow-up, and the
// same figures as a table.
import { h, svg } from './dom.js';
import { percentChange } from './format.js';

const COLOURS = ['#2a6f97', '#e76f51', '#2a9d8f', '#8338ec', '#f4a261', '#3a86ff', '#6a994e', '#bc4749', '#ff006e', '#8d99ae'];
const W = 760, H = 300, LEFT = 52, RIGHT = 44, TOP = 28, BOTTOM = 46;

export function studyLabel(study, i) {
  if (study.date) return study.date;
  return i === 0 ? 'baseline' : `follow-up ${i}`;
}

/** x of each study: proportional to time when every study has a date, else evenly spaced. */
function xPositions(studies) {
  const span = W - LEFT - RIGHT;
  if (studies.length === 1) return [LEFT + span / 2];
  const dated = studies.every((s) => s.date);
  if (dated) {
    const t = studies.map((s) => Date.parse(s.date));
    const t0 = t[0], t1 = t[t.length - 1];
    if (t1 > t0) return t.map((v) => LEFT + (v - t0) / (t1 - t0) * span);
  }
  return studies.map((_, i) => LEFT + i / (studies.length - 1) * span);
}

/** A round tick step (1, 2 or 5 times a power of ten) giving about four intervals up to v. */
function tickStep(v) {
  if (!(v > 0)) return 5;
  const raw = v * 1.1 / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw);
}

export function chart(timeline, currentTrack) {
  const studies = timeline.studies;
  const xs = xPositions(studies);
  const xOf = new Map(studies.map((s, i) => [s.studyId, xs[i]]));
  const sums = timeline.assessments.map((a) => a.sumOfDiametersMm);
  const all = [...sums];
  for (const t of timeline.tracks) for (const p of t.points) if (p.diameterMm != null) all.push(p.diameterMm);
  const step = tickStep(Math.max(0, ...all));
  const max = Math.max(step, step * Math.ceil(Math.max(0, ...all) * 1.1 / step));
  const y = (v) => TOP + (1 - v / max) * (H - TOP - BOTTOM);

  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `Diameters and sum of diameters over ${studies.length} studies` });
  root.append(svg('title', {}, 'Lesion diameters and RECIST sum of diameters over time'));
  for (let v = 0; v <= max + 1e-9; v += step) {
    root.append(svg('line', { class: 'grid', x1: LEFT, x2: W - RIGHT, y1: y(v), y2: y(v) }),
      svg('text', { x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end' }, `${Number(v.toFixed(1))}`));
  }
  root.append(svg('line', { class: 'axis', x1: LEFT, x2: LEFT, y1: TOP, y2: H - BOTTOM }),
    svg('line', { class: 'axis', x1: LEFT, x2: W - RIGHT, y1: H - BOTTOM, y2: H - BOTTOM }),
    svg('text', { x: 12, y: TOP - 10 }, 'mm'));
  studies.forEach((s, i) => {
    root.append(svg('text', { x: xs[i], y: H - BOTTOM + 18, 'text-anchor': 'middle' }, studyLabel(s, i)));
  });

  timeline.tracks.forEach((track, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = track.points.filter((p) => p.diameterMm != null && xOf.has(p.studyId));
    const current = track.id === currentTrack;
    const cls = `track${track.target ? '' : ' nontarget'}${current ? ' current' : ''}`;
    if (points.length > 1) {
      root.append(svg('polyline', { class: cls, stroke: colour,
        points: points.map((p) => `${xOf.get(p.studyId).toFixed(1)},${y(p.diameterMm).toFixed(1)}`).join(' ') }));
    }
    for (const p of points) {
      root.append(svg('circle', { cx: xOf.get(p.studyId), cy: y(p.diameterMm), r: current ? 5 : 3.5, fill: colour },
        svg('title', {}, `${track.id}${track.target ? ' (target)' : ''}: ${p.diameterMm.toFixed(1)} mm`)));
    }
  });

  const sumPoints = timeline.assessments.filter((a) => xOf.has(a.studyId));
  if (sumPoints.length > 1) {
    root.append(svg('polyline', { class: 'sum',
      points: sumPoints.map((a) => `${xOf.get(a.studyId).toFixed(1)},${y(a.sumOfDiametersMm).toFixed(1)}`).join(' ') }));
  }
  for (const a of sumPoints) {
    const x = xOf.get(a.studyId);
    root.append(svg('rect', { x: x - 4, y: y(a.sumOfDiametersMm) - 4, width: 8, height: 8, fill: '#1d3557' },
      svg('title', {}, `sum of diameters ${a.sumOfDiametersMm.toFixed(1)} mm`)));
    if (a.response) {
      root.append(svg('text', { class: `response ${a.response}`, x, y: TOP - 8, 'text-anchor': 'middle' },
        a.response + (a.newLesions && a.newLesions.length ? ' +new' : ''), svg('title', {}, a.reason || '')));
    }
  }
  root.append(svg('text', { x: W - RIGHT, y: H - 6, 'text-anchor': 'end' },
    'thick line: sum of target diameters · dashed: non-target'));
  return root;
}

export function table(timeline, currentTrack, openLesion) {
  const studies = timeline.studies;
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Track'), studies.map((s, i) => h('th', { scope: 'col' }, studyLabel(s, i))));
  const rows = timeline.tracks.map((track) => {
    const byStudy = new Map(track.points.map((p) => [p.studyId, p]));
    return h('tr', { class: track.id === currentTrack ? 'current' : '' },
      h('td', {}, `${track.id}${track.target ? ' target' : ''}${track.lymphNode ? ' (node)' : ''}`),
      studies.map((s) => {
        const p = byStudy.get(s.studyId);
        if (!p) return h('td', {}, '');
        return h('td', {}, h('a', { href: `#/lesion/${encodeURIComponent(p.lesionId)}`, title: p.lesionId,
          onclick: (event) => { event.preventDefault(); openLesion(p.lesionId); } },
        p.diameterMm != null ? `${p.diameterMm.toFixed(1)}` : 'seen'));
      }));
  });
  const byStudy = new Map(timeline.assessments.map((a) => [a.studyId, a]));
  const sum = h('tr', {}, h('th', { scope: 'row' }, 'Sum (mm)'),
    studies.map((s) => h('td', {}, byStudy.get(s.studyId) ? byStudy.get(s.studyId).sumOfDiametersMm.toFixed(1) : '')));
  const change = h('tr', {}, h('th', { scope: 'row' }, 'From baseline'),
    studies.map((s) => h('td', {}, byStudy.get(s.studyId) ? percentChange(byStudy.get(s.studyId).changeFromBaseline) : '')));
  const response = h('tr', {}, h('th', { scope: 'row' }, 'RECIST'),
    studies.map((s) => {
      const a = byStudy.get(s.studyId);
      return h('td', { title: a ? a.reason || '' : '' }, a && a.response ? h('span', { class: `response-badge ${a.response}` }, a.response) : '');
    }));
  return h('table', { class: 'timeline' }, h('caption', { class: 'visually-hidden' }, 'Diameters in mm per track and study'),
    h('thead', {}, head), h('tbody', {}, rows, sum, change, response));
}
