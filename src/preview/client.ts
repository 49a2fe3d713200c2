/**
 * The page's script, written as one self-contained function that the server sends as
 * `/assets/preview.js` (its source text, called at once). It listens to `/events`; on a new
 * version it fetches `/report` and swaps the sheets in place, keeping the scroll position; it
 * shows the diagnostics of a failed compilation in an overlay above the last good render (and
 * hides it once the data are fixed); and it explains a figure on hover or click, from the
 * provenance the server sends. It builds every element with textContent: data never becomes
 * markup here. It may not refer to anything outside itself.
 */
export function previewClient(): void {
  interface Shown { code: string; severity: string; message: string; hint?: string; file: string; line: number; column: number }
  interface Provenance {
    id: string; label: string; value: string; originText: string; formula?: string;
    check?: { text: string; agrees: boolean }; sources: { at: string; label: string }[]; explain: string;
  }
  interface Snapshot { version: number; ok: boolean; html: string | null; stale: boolean; diagnostics: Shown[]; figures: Record<string, Provenance>; took: number }

  // The page says its language (<html lang>, from --lang); every word the script shows follows it.
  const english = document.documentElement.lang === 'en';
  const t = (vi: string, en: string): string => (english ? en : vi);
  const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
  const report = byId('report');
  const overlay = byId('overlay');
  const popover = byId('popover');
  const status = byId('status');
  let version = Number(document.body.dataset.version ?? '0');
  const firstVersion = version;
  let html: string | null = null;
  let figures: Record<string, Provenance> = {};
  let last: Snapshot | null = null;
  let pinned: HTMLElement | null = null;
  let showWarnings = false;
  let busy = false;
  let again = false;

  function el(tag: string, cls?: string, text?: string): HTMLElement {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  async function refresh(): Promise<void> {
    if (busy) { again = true; return; }
    busy = true;
    try {
      do {
        again = false;
        const res = await fetch('/report', { cache: 'no-store' });
        apply((await res.json()) as Snapshot);
      } while (again);
    } catch {
      status.className = 'status lost';
      status.textContent = t('Mất kết nối với máy chủ xem trước…', 'Lost the connection to the preview server…');
    } finally {
      busy = false;
    }
  }

  function apply(snap: Snapshot): void {
    const unchanged = html === null && snap.version === firstVersion;
    if (snap.html !== null && snap.html !== html) {
      if (!unchanged) {
        const x = window.scrollX;
        const y = window.scrollY;
        hidePopover();
        report.innerHTML = snap.html;
        window.scrollTo(x, y);
      }
      html = snap.html;
    }
    figures = snap.figures;
    version = snap.version;
    last = snap;
    document.body.dataset.version = String(version);
    renderDiagnostics();
  }

  function renderDiagnostics(): void {
    if (!last) return;
    const errors = last.diagnostics.filter((d) => d.severity === 'error');
    const warnings = last.diagnostics.filter((d) => d.severity !== 'error');
    status.className = errors.length ? 'status error' : warnings.length ? 'status warning' : 'status ok';
    status.textContent = errors.length
      ? `✗ ${errors.length} ${t('lỗi', 'error(s)')}`
      : `✓ ${t('đã cập nhật', 'updated')} (${last.took} ms)${warnings.length ? ` · ${warnings.length} ${t('cảnh báo', 'warning(s)')}` : ''}`;
    const shown = errors.length ? errors : showWarnings ? warnings : [];
    if (!shown.length) {
      overlay.hidden = true;
      overlay.replaceChildren();
      document.body.classList.remove('has-errors');
      return;
    }
    document.body.classList.toggle('has-errors', errors.length > 0);
    const panel = el('div', 'panel');
    const title = errors.length
      ? t(`Dữ liệu có ${errors.length} lỗi — ${last.html === null ? 'chưa dựng được báo cáo' : 'đang hiện bản dựng tốt gần nhất'}. Sửa tệp và lưu lại: trang tự cập nhật.`,
        `The data has ${errors.length} error(s) — ${last.html === null ? 'the report could not be built' : 'showing the last good build'}. Fix the file and save: the page updates itself.`)
      : `${warnings.length} ${t('cảnh báo', 'warning(s)')}`;
    const head = el('div', 'panel-head');
    head.append(el('span', 'panel-title', title));
    if (!errors.length) {
      const close = el('button', 'close', t('Đóng', 'Close'));
      close.addEventListener('click', () => { showWarnings = false; renderDiagnostics(); });
      head.append(close);
    }
    panel.append(head);
    const list = el('ol', 'diagnostics');
    for (const d of shown) {
      const item = el('li', `diagnostic ${d.severity}`);
      item.append(el('div', 'where', `${d.file}:${d.line}:${d.column}`));
      const msg = el('div', 'message');
      const severity = d.severity === 'error' ? t('lỗi', 'error') : d.severity === 'warning' ? t('cảnh báo', 'warning') : t('ghi chú', 'note');
      msg.append(el('span', 'code', `${severity} ${d.code}`), document.createTextNode(` ${d.message}`));
      item.append(msg);
      if (d.hint) item.append(el('div', 'hint', `${t('gợi ý', 'hint')}: ${d.hint}`));
      list.append(item);
    }
    panel.append(list);
    overlay.replaceChildren(panel);
    overlay.hidden = false;
  }

  status.addEventListener('click', () => {
    if (last && !last.diagnostics.some((d) => d.severity === 'error')) {
      showWarnings = !showWarnings;
      renderDiagnostics();
    }
  });

  // ---------- where a figure comes from ----------
  function showPopover(target: HTMLElement, pin: boolean): void {
    const p = figures[target.dataset.figure ?? ''];
    if (!p) return;
    const parts: HTMLElement[] = [el('div', 'pv-label', p.label), el('div', 'pv-value', `${p.value} — ${p.originText}`)];
    if (p.formula) parts.push(el('div', 'pv-formula', `${t('cách tính', 'formula')}: ${p.formula}`));
    if (p.check) parts.push(el('div', p.check.agrees ? 'pv-check' : 'pv-check bad', `${t('đối chiếu', 'check')}: ${p.check.text}`));
    if (p.sources.length) {
      parts.push(el('div', 'pv-head', t('nguồn:', 'sources:')));
      const ul = el('ul', 'pv-sources');
      for (const s of p.sources) {
        const li = el('li');
        li.append(el('code', 'pv-at', s.at), document.createTextNode(` ${s.label}`));
        ul.append(li);
      }
      parts.push(ul);
    }
    parts.push(el('div', 'pv-id', `report explain … ${p.id}`));
    popover.replaceChildren(...parts);
    popover.title = p.explain;
    popover.hidden = false;
    const r = target.getBoundingClientRect();
    const width = Math.min(520, document.documentElement.clientWidth - 16);
    popover.style.width = `${width}px`;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    popover.style.left = `${left + window.scrollX}px`;
    popover.style.top = `${r.bottom + window.scrollY + 6}px`;
    document.querySelectorAll('.figure.active').forEach((e) => e.classList.remove('active'));
    target.classList.add('active');
    pinned = pin ? target : null;
  }

  function hidePopover(): void {
    popover.hidden = true;
    pinned = null;
    document.querySelectorAll('.figure.active').forEach((e) => e.classList.remove('active'));
  }

  const figureOf = (t: EventTarget | null): HTMLElement | null =>
    t instanceof Element ? (t.closest('.figure') as HTMLElement | null) : null;

  report.addEventListener('mouseover', (e) => {
    const f = figureOf(e.target);
    if (f && !pinned) showPopover(f, false);
  });
  report.addEventListener('mouseout', (e) => {
    const f = figureOf(e.target);
    if (f && !pinned && !popover.contains(e.relatedTarget as Node | null)) hidePopover();
  });
  document.addEventListener('click', (e) => {
    const f = figureOf(e.target);
    if (f) { if (pinned === f) hidePopover(); else showPopover(f, true); return; }
    if (!popover.contains(e.target as Node)) hidePopover();
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hidePopover(); });

  // ---------- live updates ----------
  const events = new EventSource('/events');
  events.addEventListener('version', (e) => {
    if (Number((e as MessageEvent<string>).data) !== version || last === null) void refresh();
  });
  events.addEventListener('error', () => {
    status.className = 'status lost';
    status.textContent = t('Mất kết nối với máy chủ xem trước… đang thử lại', 'Lost the connection to the preview server… retrying');
  });
  void refresh();
}

/** The script as served: the function's source, called once. */
export function clientScript(): string {
  return `"use strict";\n(${previewClient.toString()})();\n`;
}
