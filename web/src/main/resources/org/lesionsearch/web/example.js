// Search by an example image: the slice is uploaded for a windowed preview, the user drags a box
// around the lesion or draws its long axis (or types the coordinates), and the server encodes
// that lesion and answers the most similar ones.
import { examplePreview } from './api.js';

export class ExamplePanel {
  constructor(el, onSearch) {
    this.el = el;
    this.onSearch = onSearch;
    this.file = null;
    this.preview = null;
    this.summary = '';
    this.image = null;
    this.shape = null; // {x1, y1, x2, y2} in slice pixels
    this.dragging = false;
    this.ctx = el.canvas.getContext('2d');
    el.file.addEventListener('change', () => this.load());
    el.window.addEventListener('change', () => this.load());
    el.spacing.addEventListener('change', () => this.load());
    el.canvas.addEventListener('pointerdown', (e) => this.down(e));
    el.canvas.addEventListener('pointermove', (e) => this.move(e));
    el.canvas.addEventListener('pointerup', (e) => this.up(e));
    for (const input of el.coords) input.addEventListener('input', () => this.typed());
    for (const radio of el.shapes) radio.addEventListener('change', () => { this.draw(); this.ready(); });
    el.search.addEventListener('click', () => this.search());
  }

  kind() {
    return this.el.shapes.find((r) => r.checked)?.value || 'box';
  }

  async load() {
    this.file = this.el.file.files[0] || null;
    this.preview = null;
    this.el.search.disabled = true;
    if (!this.file) return;
    this.info(`Reading ${this.file.name} …`);
    try {
      this.preview = await examplePreview(this.file, { window: this.el.window.value, spacing: this.el.spacing.value });
    } catch (failure) {
      this.info(failure.message);
      return;
    }
    const p = this.preview;
    if (p.spacingFromFile) {
      this.el.spacing.value = p.spacingMm.toFixed(3);
    }
    this.el.spacing.disabled = p.spacingFromFile;
    const image = new Image();
    image.onload = () => {
      this.image = image;
      this.el.canvas.width = p.width;
      this.el.canvas.height = p.height;
      if (this.shape && (this.shape.x2 > p.width || this.shape.y2 > p.height)) this.shape = null;
      this.draw();
      this.summary = `${p.format === 'dicom' ? 'DICOM' : p.format === 'png16' ? '16-bit PNG (DeepLesion HU)' : '8-bit picture'},`
        + ` ${p.width}×${p.height} px at ${p.spacingMm.toFixed(3)} mm/px.`;
      this.ready();
    };
    image.src = p.image;
  }

  info(text) {
    this.el.info.textContent = text;
  }

  point(event) {
    const r = this.el.canvas.getBoundingClientRect();
    const x = (event.clientX - r.left) * this.el.canvas.width / r.width;
    const y = (event.clientY - r.top) * this.el.canvas.height / r.height;
    return { x: Math.round(Math.max(0, Math.min(this.el.canvas.width, x))), y: Math.round(Math.max(0, Math.min(this.el.canvas.height, y))) };
  }

  down(event) {
    if (!this.image) return;
    const p = this.point(event);
    this.dragging = true;
    this.el.canvas.setPointerCapture(event.pointerId);
    this.shape = { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
    this.draw();
  }

  move(event) {
    if (!this.dragging) return;
    const p = this.point(event);
    this.shape.x2 = p.x;
    this.shape.y2 = p.y;
    this.sync();
    this.draw();
  }

  up(event) {
    if (!this.dragging) return;
    this.move(event);
    this.dragging = false;
    this.sync();
    this.ready();
  }

  typed() {
    const [x1, y1, x2, y2] = this.el.coords.map((i) => Number(i.value));
    if ([x1, y1, x2, y2].every(Number.isFinite) && this.el.coords.every((i) => i.value !== '')) {
      this.shape = { x1, y1, x2, y2 };
      this.draw();
    }
    this.ready();
  }

  sync() {
    const s = this.shape;
    [s.x1, s.y1, s.x2, s.y2].forEach((v, i) => { this.el.coords[i].value = String(v); });
  }

  /** Enables the search once there is a picture and a lesion marked on it (typed coordinates are left as typed). */
  ready() {
    const s = this.shape;
    const big = s && Math.hypot(s.x2 - s.x1, s.y2 - s.y1) >= 3;
    this.el.search.disabled = !(this.image && big);
    if (this.preview) {
      const extent = !s ? 0 : this.kind() === 'box' ? Math.max(Math.abs(s.x2 - s.x1), Math.abs(s.y2 - s.y1))
        : Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
      this.info(`${this.summary} ${big ? `Lesion marked, about ${(extent * this.preview.spacingMm).toFixed(1)} mm.`
        : 'Now mark the lesion.'}`);
    }
  }

  draw() {
    const c = this.ctx;
    if (!this.image) return;
    c.drawImage(this.image, 0, 0);
    const s = this.shape;
    if (!s) return;
    c.lineWidth = Math.max(1.5, this.el.canvas.width / 300);
    if (this.kind() === 'box') {
      c.strokeStyle = '#ffd166';
      c.strokeRect(Math.min(s.x1, s.x2), Math.min(s.y1, s.y2), Math.abs(s.x2 - s.x1), Math.abs(s.y2 - s.y1));
    } else {
      c.strokeStyle = '#e63946';
      c.beginPath();
      c.moveTo(s.x1, s.y1);
      c.lineTo(s.x2, s.y2);
      c.stroke();
    }
  }

  /** What to send: the file and the drawn shape as box= or line=. */
  request() {
    const s = this.shape;
    const text = [s.x1, s.y1, s.x2, s.y2].map((v) => Math.round(v)).join(',');
    return {
      file: this.file,
      box: this.kind() === 'box' ? text : undefined,
      line: this.kind() === 'line' ? text : undefined,
      spacing: this.preview && !this.preview.spacingFromFile ? this.el.spacing.value : undefined,
    };
  }

  search() {
    if (!this.el.search.disabled) this.onSearch(this.request());
  }
}
