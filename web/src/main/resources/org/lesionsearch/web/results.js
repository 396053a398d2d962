// The results view: the grid of lesion cards, the facets that narrow the query, paging, the
// status line and the error shown for a query the server refuses.
import { h, clear } from './dom.js';
import { card } from './cards.js';

const FACET_GROUPS = [
  { key: 'bodypart', title: 'Body part', field: 'part' },
  { key: 'type', title: 'Type', field: 'type' },
  { key: 'attribute', title: 'Attribute', field: 'attr' },
];
const FACETS_SHOWN = 8;

/** The query with one more label term: part:"left lower lobe". */
export function narrowed(query, field, term) {
  const value = /^[\p{L}\p{N}][\p{L}\p{N}_.'/-]*$/u.test(term) ? term : `"${term.replace(/["\\]/g, '\\$&')}"`;
  const clause = `${field}:${value}`;
  return query.trim() ? `${query.trim()} ${clause}` : clause;
}

export class ResultsView {
  constructor(elements, actions) {
    this.el = elements;
    this.actions = actions;
    this.columnsCache = 1;
    elements.results.addEventListener('keydown', (event) => this.key(event));
  }

  status(text) {
    this.el.status.textContent = text;
  }

  clearError() {
    this.el.error.hidden = true;
    clear(this.el.error);
  }

  /** A refused query: the message, the query with a caret under the problem, and what may have been meant. */
  error(failure, query, onSuggestion) {
    const body = failure.body || {};
    clear(this.el.error);
    this.el.error.append(h('strong', {}, body.status === 400 ? 'The query cannot be read: ' : 'The search failed: '),
      body.message || failure.message);
    if (body.pointer) {
      this.el.error.append(h('pre', { class: 'pointer', 'aria-label': 'where the problem is' }, body.pointer));
    }
    if (body.suggestions && body.suggestions.length && body.position !== undefined && body.position !== null) {
      const box = h('div', { class: 'did-you-mean' }, 'Did you mean ');
      for (const word of body.suggestions) {
        box.append(h('button', { type: 'button', onclick: () => onSuggestion(
          query.slice(0, body.position) + word + query.slice(body.position + (body.length || 0))) }, word));
      }
      this.el.error.append(box);
    }
    this.el.error.hidden = false;
    this.el.welcome.hidden = true;
  }

  /** Shows a page of hits; with append, under the ones already shown. */
  render(answer, { append = false, query = '' } = {}) {
    this.el.welcome.hidden = true;
    if (!append) {
      clear(this.el.results);
    }
    const start = this.el.results.children.length;
    for (const hit of answer.hits || []) {
      this.el.results.append(card(hit, this.actions));
    }
    const shown = this.el.results.children.length;
    this.el.more.hidden = shown >= answer.total || !(answer.hits || []).length;
    this.facets(answer.facets, query, answer.total);
    const first = this.el.results.children[append ? start : 0];
    if (first) {
      first.tabIndex = 0;
    }
    return shown;
  }

  /** The labels that narrow the results (those every match carries would not), most frequent first. */
  facets(facets, query, total) {
    const box = clear(this.el.facets);
    if (!facets) {
      return;
    }
    for (const group of FACET_GROUPS) {
      const counts = Object.entries(facets[group.key] || {}).filter(([, count]) => count < total)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, FACETS_SHOWN);
      if (!counts.length) continue;
      box.append(h('h2', { id: `facet-${group.key}` }, group.title),
        h('ul', { 'aria-labelledby': `facet-${group.key}` }, counts.map(([term, count]) => h('li', {},
          h('button', { type: 'button', class: 'facet', dataset: { field: group.field, term },
            'aria-label': `narrow to ${group.field}:${term}, ${count} lesions`,
            onclick: () => this.actions.narrow(narrowed(query, group.field, term)) },
          h('span', {}, term), h('span', { class: 'count' }, count))))));
    }
  }

  cards() {
    return [...this.el.results.children];
  }

  /** How many cards a row holds, from where they are laid out. */
  columns() {
    const cards = this.cards();
    if (cards.length < 2) return 1;
    const top = cards[0].offsetTop;
    const n = cards.findIndex((c) => c.offsetTop !== top);
    return n < 0 ? cards.length : n;
  }

  focusCard(i) {
    const cards = this.cards();
    if (!cards.length) return;
    const target = cards[Math.max(0, Math.min(cards.length - 1, i))];
    for (const c of cards) c.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }

  key(event) {
    const cardElement = event.target.closest('.card');
    if (!cardElement || event.target !== cardElement) return;
    const cards = this.cards();
    const i = cards.indexOf(cardElement);
    const id = cardElement.dataset.id;
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: this.columns(), ArrowUp: -this.columns(), Home: -i, End: cards.length };
    if (event.key in moves) {
      event.preventDefault();
      this.focusCard(i + moves[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.actions.open(id);
    } else if (event.key === 'm' || event.key === 'M') {
      event.preventDefault();
      this.actions.moreLikeThis(id);
    }
  }
}
