// Label completion in the search box (an ARIA combobox): the word being typed is completed to
// ontology terms and synonyms ("hypo" offers "hypodense"); after part:, type: or attr: only terms
// of that class are offered.
import { h, clear } from './dom.js';
import { suggest } from './api.js';

const FIELD_CLASS = { part: 'bodypart', type: 'type', attr: 'attribute', label: undefined };
const MIN_CHARS = 2;

/**
 * The word the caret ends: where its value starts, its field (part: ...) and what was typed of it.
 * Inside an open quote (part:"left lo) the value runs from the quote and may hold spaces.
 */
export function currentWord(text, caret) {
  const before = text.slice(0, caret);
  const quotes = (before.match(/"/g) || []).length;
  const m = quotes % 2 === 1
    ? before.match(/(?:-?([A-Za-z_]+):)?"([^"]*)$/)
    : before.match(/(?:-?([A-Za-z_]+):)?-?([^\s(),":]*)$/);
  if (!m) {
    return { start: caret, end: caret, prefix: '', field: null };
  }
  const prefix = m[2];
  return { start: caret - prefix.length, end: caret, prefix, field: m[1] ? m[1].toLowerCase() : null };
}

/**
 * Where to start replacing so that words already typed before the prefix that begin the
 * suggestion ("left lo" accepting "left lower lobe") are not written twice.
 */
export function replaceFrom(text, word, suggestion) {
  const words = suggestion.split(/\s+/);
  const head = text.slice(0, word.start).toLowerCase();
  for (let j = words.length - 1; j >= 1; j--) {
    const typed = words.slice(0, j).join(' ').toLowerCase() + ' ';
    if (head.endsWith(typed) && (head.length === typed.length || /[\s(),"]/.test(head[head.length - typed.length - 1]))) {
      return word.start - typed.length;
    }
  }
  return word.start;
}

export class Autocomplete {
  constructor(input, list, onAccepted) {
    this.input = input;
    this.list = list;
    this.onAccepted = onAccepted;
    this.items = [];
    this.active = -1;
    this.timer = 0;
    this.pending = null;
    this.word = null;
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.key(event));
    // closed when focus has left for good (a click on an option comes first; typing may refocus)
    input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) this.close(); }, 150));
  }

  isOpen() {
    return !this.list.hidden;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 120);
  }

  async refresh() {
    const word = currentWord(this.input.value, this.input.selectionStart ?? this.input.value.length);
    const known = word.field === null || Object.hasOwn(FIELD_CLASS, word.field);
    if (!known || word.prefix.replace(/\s/g, '').length < MIN_CHARS) {
      this.close();
      return;
    }
    if (this.pending) this.pending.abort();
    this.pending = new AbortController();
    try {
      const answer = await suggest(word.prefix, word.field ? FIELD_CLASS[word.field] : undefined, this.pending.signal);
      this.word = word;
      this.show(answer.suggestions);
    } catch (error) {
      if (error.name !== 'AbortError') this.close();
    }
  }

  show(suggestions) {
    this.items = suggestions;
    this.active = -1;
    clear(this.list);
    if (!suggestions.length) {
      this.close();
      return;
    }
    suggestions.forEach((s, i) => {
      const option = h('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false' },
        h('span', {}, s.text),
        h('span', { class: 'term' }, (s.text.toLowerCase() !== s.term.toLowerCase() ? `${s.term} · ` : '') + s.labelClass));
      option.addEventListener('mousedown', (event) => { event.preventDefault(); this.accept(i); });
      this.list.append(option);
    });
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  /** Closes the list, and drops a completion still on its way, so that it cannot open again after a search. */
  close() {
    clearTimeout(this.timer);
    if (this.pending) this.pending.abort();
    this.pending = null;
    this.list.hidden = true;
    this.items = [];
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  move(delta) {
    if (!this.items.length) return;
    this.active = (this.active + delta + this.items.length) % this.items.length;
    [...this.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    this.input.setAttribute('aria-activedescendant', `suggestion-${this.active}`);
    this.list.children[this.active].scrollIntoView({ block: 'nearest' });
  }

  key(event) {
    if (!this.isOpen()) {
      return;
    }
    if (event.key === 'ArrowDown') { event.preventDefault(); this.move(1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); this.move(-1); }
    else if (event.key === 'Escape') { event.preventDefault(); this.close(); }
    else if ((event.key === 'Enter' || event.key === 'Tab') && this.active >= 0) {
      event.preventDefault();
      this.accept(this.active);
    }
  }

  accept(i) {
    const s = this.items[i];
    const word = this.word;
    if (!s || !word) return;
    const text = this.input.value;
    const inQuote = text[word.start - 1] === '"';
    const needsQuote = word.field && !inQuote && /\s/.test(s.text);
    const start = inQuote ? word.start : replaceFrom(text, word, s.text);
    let end = word.end;
    if (inQuote && text[end] === '"') end += 1;
    const after = text.slice(end);
    const insert = (needsQuote ? `"${s.text}"` : s.text) + (inQuote ? '"' : '') + (after.startsWith(' ') ? '' : ' ');
    this.input.value = text.slice(0, start) + insert + after;
    const caret = start + insert.length;
    this.input.setSelectionRange(caret, caret);
    this.close();
    this.onAccepted?.(s);
  }
}
