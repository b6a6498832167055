// newsindex web page: plain JavaScript, no build step, no network access beyond this server.
// Article text is only ever inserted with textContent; highlights are built from match offsets.
// The URL is the state: q, since, until, source (repeatable), sort, any, offset, id.
'use strict';

const PAGE = 10;
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
};

let token = sessionStorage.getItem('newsindex.token') || '';
let searchAbort = null;
let sequence = 0;
let lastState = null;

// ---- state <-> URL ----

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '',
    since: p.get('since') || '',
    until: p.get('until') || '',
    sources: p.getAll('source'),
    sort: p.get('sort') || '',
    any: p.get('any') === '1',
    offset: Math.max(0, parseInt(p.get('offset') || '0', 10) || 0),
    id: p.get('id') || '',
  };
}

function toQuery(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.since) p.set('since', s.since);
  if (s.until) p.set('until', s.until);
  for (const src of s.sources) p.append('source', src);
  if (s.sort) p.set('sort', s.sort);
  if (s.any) p.set('any', '1');
  if (s.offset) p.set('offset', String(s.offset));
  if (s.id) p.set('id', s.id);
  const q = p.toString();
  return q ? '?' + q : location.pathname;
}

/** Moves to state s: push makes a history entry (back returns), else the entry is replaced. */
function go(s, push) {
  const url = toQuery(s);
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  render();
}

function change(patch, push = true) {
  const s = Object.assign(readState(), { offset: 0, id: '' }, patch);
  go(s, push);
}

// ---- talking to the API ----

async function api(path, params, signal) {
  const url = '/api/' + path + (params ? '?' + params.toString() : '');
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const res = await fetch(url, { headers, signal });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (res.status === 401) {
    $('auth').hidden = false;
    $('token').focus();
  }
  if (!res.ok) {
    const err = new Error(body && body.detail ? body.detail : 'HTTP ' + res.status);
    err.status = res.status;
    err.problem = body;
    throw err;
  }
  return body;
}

// ---- rendering pieces ----

/** The snippet's text with each match in a <mark>, from its [start, end) offsets. */
function highlighted(tag, cls, snippet) {
  const node = el(tag, cls);
  const text = snippet.text;
  let at = 0;
  for (const [start, end] of snippet.matches) {
    if (start < at || end > text.length) continue;
    if (start > at) node.append(document.createTextNode(text.slice(at, start)));
    node.append(el('mark', null, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) node.append(document.createTextNode(text.slice(at)));
  return node;
}

function formatDate(d) {
  if (!d) return 'undated';
  const [y, m, day] = d.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, day));
  return dt.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function articleLink(id, text, cls) {
  const a = el('a', cls, text);
  const s = readState();
  s.id = id;
  a.href = toQuery(s);
  a.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    openArticle(id);
  });
  return a;
}

function openArticle(id) {
  const s = readState();
  s.id = id;
  go(s, true);
}

function renderHit(hit, index) {
  const li = el('li', 'hit');
  li.tabIndex = -1;
  li.dataset.id = hit.id;
  li.dataset.index = String(index);
  const meta = el('p', 'meta');
  meta.append(el('time', 'date', formatDate(hit.date)));
  if (hit.source) meta.append(el('span', 'source', hit.source));
  if (hit.score !== null && hit.score !== undefined) {
    meta.append(el('span', 'score', 'score ' + hit.score.toFixed(2)));
  }
  li.append(meta);
  const h = el('h3', 'title');
  const link = articleLink(hit.id, '', 'title-link');
  link.append(...highlighted('span', null, hit.title_highlight).childNodes);
  h.append(link);
  li.append(h);
  for (const p of hit.passages) {
    li.append(highlighted('p', 'passage', p));
  }
  if (hit.duplicates > 0) {
    const more = el('button', 'copies', 'Show ' + hit.duplicates + (hit.duplicates === 1 ? ' copy' : ' copies'));
    more.type = 'button';
    more.setAttribute('aria-expanded', 'false');
    const list = el('ul', 'copy-list');
    list.hidden = true;
    more.addEventListener('click', async () => {
      const open = list.hidden;
      list.hidden = !open;
      more.setAttribute('aria-expanded', String(open));
      more.textContent = (open ? 'Hide ' : 'Show ') + hit.duplicates + (hit.duplicates === 1 ? ' copy' : ' copies');
      if (open && !list.childElementCount) {
        for (const id of hit.duplicate_ids) {
          const item = el('li');
          const a = articleLink(id, id, null);
          item.append(a);
          list.append(item);
          api('articles/' + encodeURIComponent(id)).then((art) => {
            a.textContent = art.title || id;
            item.append(el('span', 'mini-meta', ' · ' + formatDate(art.date) + (art.source ? ' · ' + art.source : '')));
          }).catch(() => {});
        }
      }
    });
    li.append(more, list);
  }
  return li;
}

function chip(label, remove) {
  const c = el('span', 'chip');
  c.append(el('span', null, label));
  const x = el('button', 'chip-x', '×');
  x.type = 'button';
  x.setAttribute('aria-label', 'Remove filter ' + label);
  x.addEventListener('click', remove);
  c.append(x);
  return c;
}

function renderChips(s) {
  const box = $('chips');
  box.replaceChildren();
  if (s.since || s.until) {
    const label = s.since && s.since === s.until ? s.since
      : (s.since ? 'from ' + s.since : '') + (s.since && s.until ? ' ' : '') + (s.until ? 'to ' + s.until : '');
    box.append(chip(label, () => change({ since: '', until: '' })));
  }
  for (const src of s.sources) {
    box.append(chip(src, () => change({ sources: readState().sources.filter((x) => x !== src) })));
  }
  box.classList.toggle('empty', !box.childElementCount);
}

/** Which date facet fits the range in view: days within two months, else months (years if many). */
function dateFacet(s) {
  if (s.since && s.until) {
    const a = Date.parse(bound(s.since, false));
    const b = Date.parse(bound(s.until, true));
    if (!isNaN(a) && !isNaN(b) && b - a <= 62 * 86400000) return 'day';
  }
  return 'month';
}

/** The first or last day a typed bound means, for the range arithmetic above. */
function bound(v, end) {
  if (/^\d{4}$/.test(v)) return end ? v + '-12-31' : v + '-01-01';
  if (/^\d{4}-\d{2}$/.test(v)) {
    if (!end) return v + '-01';
    const [y, m] = v.split('-').map(Number);
    return v + '-' + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
  }
  return v;
}

/** Every bucket between the first and last, with 0 for the empty ones, so gaps show as gaps. */
function fillBuckets(counts, unit) {
  if (!counts.length) return [];
  const byValue = new Map(counts.map((c) => [c.value, c.count]));
  const out = [];
  const first = counts[0].value;
  const last = counts[counts.length - 1].value;
  if (unit === 'year') {
    for (let y = +first; y <= +last; y++) out.push({ value: String(y), count: byValue.get(String(y)) || 0 });
  } else if (unit === 'month') {
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      const v = y + '-' + String(m).padStart(2, '0');
      out.push({ value: v, count: byValue.get(v) || 0 });
      if (++m > 12) { m = 1; y++; }
      if (out.length > 600) break;
    }
  } else {
    const d = new Date(first + 'T00:00:00Z');
    const end = new Date(last + 'T00:00:00Z');
    while (d <= end && out.length <= 120) {
      const v = d.toISOString().slice(0, 10);
      out.push({ value: v, count: byValue.get(v) || 0 });
      d.setUTCDate(d.getUTCDate() + 1);
    }
  }
  return out;
}

function renderTimeline(result, s) {
  const box = $('timeline');
  const axis = $('timeline-axis');
  box.replaceChildren();
  axis.replaceChildren();
  const facets = result.facets || {};
  let unit = facets.day ? 'day' : 'month';
  let counts = facets[unit] ? facets[unit].counts : [];
  if (unit === 'month' && counts.length > 48 && facets.year) {
    unit = 'year';
    counts = facets.year.counts;
  }
  const buckets = fillBuckets(counts, unit);
  if (!buckets.length) {
    box.append(el('p', 'none', 'No dated articles'));
    return;
  }
  const max = Math.max(...buckets.map((b) => b.count));
  const names = { year: 'year', month: 'month', day: 'day' };
  for (const b of buckets) {
    const bar = el('button', 'bar');
    bar.type = 'button';
    bar.dataset.value = b.value;
    bar.dataset.unit = unit;
    const label = b.value + ': ' + b.count + (b.count === 1 ? ' hit' : ' hits');
    bar.title = label + ' (click to show only this ' + names[unit] + ')';
    bar.setAttribute('aria-label', label);
    const fill = el('span', 'fill');
    fill.style.height = (b.count ? Math.max(6, Math.round(100 * b.count / max)) : 0) + '%';
    bar.append(fill);
    if (s.since && s.since === s.until && s.since === b.value) bar.classList.add('on');
    bar.disabled = b.count === 0;
    bar.addEventListener('click', () => change({ since: b.value, until: b.value }));
    box.append(bar);
  }
  axis.append(el('span', null, buckets[0].value), el('span', null, buckets[buckets.length - 1].value));
}

function renderSources(result, s) {
  const list = $('sources');
  list.replaceChildren();
  const f = (result.facets || {}).source;
  const counts = f ? f.counts : [];
  if (!counts.length) {
    list.append(el('li', 'none', 'No sources'));
    return;
  }
  const max = Math.max(...counts.map((c) => c.count));
  for (const c of counts) {
    const li = el('li');
    const b = el('button', 'source-btn');
    b.type = 'button';
    b.dataset.source = c.value;
    const on = s.sources.some((x) => x.toLowerCase() === c.value.toLowerCase());
    b.classList.toggle('on', on);
    b.setAttribute('aria-pressed', String(on));
    b.append(el('span', 'name', c.value || '(no source)'), el('span', 'n', String(c.count)));
    const meter = el('span', 'meter');
    meter.style.width = Math.round(100 * c.count / max) + '%';
    b.append(meter);
    b.addEventListener('click', () => {
      const now = readState().sources;
      change({ sources: on ? now.filter((x) => x.toLowerCase() !== c.value.toLowerCase()) : now.concat([c.value]) });
    });
    li.append(b);
    list.append(li);
  }
  if (f.others > 0) list.append(el('li', 'none', '+ ' + f.others + ' in other sources'));
}

// ---- the two views ----

async function renderResults(s) {
  $('results-view').hidden = false;
  $('article-view').hidden = true;
  document.title = s.q ? s.q + ' · newsindex' : 'newsindex';
  if (document.activeElement !== $('q')) $('q').value = s.q;
  $('sort').value = s.sort || (s.q ? 'relevance' : 'newest');
  $('any').checked = s.any;
  renderChips(s);
  const params = new URLSearchParams();
  params.set('q', s.q || '*');
  if (s.since) params.set('since', s.since);
  if (s.until) params.set('until', s.until);
  for (const src of s.sources) params.append('source', src);
  params.set('sort', s.sort || (s.q ? 'relevance' : 'newest'));
  if (s.any) params.set('any', 'true');
  params.set('limit', String(PAGE));
  params.set('offset', String(s.offset));
  params.set('passages', '2');
  params.set('collapse', 'true');
  params.append('facet', 'source');
  const unit = dateFacet(s);
  params.append('facet', unit);
  if (unit === 'month') params.append('facet', 'year');
  params.set('facet_limit', '12');

  if (searchAbort) searchAbort.abort();
  searchAbort = new AbortController();
  const mine = ++sequence;
  document.body.classList.add('loading');
  let result;
  try {
    result = await api('search', params, searchAbort.signal);
  } catch (e) {
    if (e.name === 'AbortError' || mine !== sequence) return;
    document.body.classList.remove('loading');
    showError(e);
    return;
  }
  if (mine !== sequence) return;
  document.body.classList.remove('loading');
  $('error').hidden = true;
  const hits = $('hits');
  hits.replaceChildren(...result.hits.map(renderHit));
  if (!result.hits.length) {
    hits.append(el('li', 'empty-hits', s.q ? 'Nothing matches ' + s.q + '.' : 'The archive is empty.'));
  }
  const total = result.total_hits;
  const n = total.toLocaleString('en-GB') + (result.total_exact ? '' : '+');
  $('count').textContent = (s.q ? n + (total === 1 ? ' story' : ' stories') : n + ' stories, newest first')
    + ' · ' + result.took_ms + ' ms' + (result.timed_out ? ' (stopped at the time limit: partial)' : '');
  const dym = $('dym');
  dym.replaceChildren();
  dym.hidden = !result.did_you_mean;
  if (result.did_you_mean) {
    const a = el('a', 'suggestion', result.did_you_mean);
    a.href = toQuery(Object.assign({}, s, { q: result.did_you_mean, offset: 0 }));
    a.addEventListener('click', (e) => { e.preventDefault(); change({ q: result.did_you_mean }); });
    dym.append('Did you mean ', a, '?');
  }
  renderTimeline(result, s);
  renderSources(result, s);
  $('prev').disabled = s.offset === 0;
  $('next').disabled = s.offset + PAGE >= Math.min(total, 10000) || result.hits.length < PAGE;
  const pages = Math.max(1, Math.ceil(Math.min(total, 10000) / PAGE));
  $('page').textContent = total > PAGE ? 'page ' + (Math.floor(s.offset / PAGE) + 1) + ' of ' + pages.toLocaleString('en-GB') : '';
  lastState = s;
}

function showError(e) {
  const box = $('error');
  box.hidden = false;
  const p = e.problem;
  if (p && p.position && p.query) {
    box.replaceChildren();
    box.append(el('span', null, p.detail), el('br'));
    const code = el('code', 'query-pos');
    const i = Math.min(p.position - 1, p.query.length);
    code.append(document.createTextNode(p.query.slice(0, i)), el('span', 'caret', p.query.slice(i, i + 1) || ' '),
      document.createTextNode(p.query.slice(i + 1)));
    box.append(code);
  } else {
    box.textContent = e.status === 401 ? 'This server needs a token (above).' : e.message;
  }
  $('count').textContent = '\u00a0';
}

async function renderArticle(s) {
  $('results-view').hidden = true;
  $('article-view').hidden = false;
  const id = s.id;
  for (const k of ['a-title', 'a-meta', 'a-link', 'a-body', 'a-related', 'a-duplicates']) $(k).replaceChildren();
  $('a-title').textContent = '…';
  window.scrollTo(0, 0);
  const path = 'articles/' + encodeURIComponent(id);
  let a;
  try {
    a = await api(path);
  } catch (e) {
    $('a-title').textContent = e.status === 404 ? 'No article with id ' + id : e.message;
    return;
  }
  if (readState().id !== id) return;
  document.title = (a.title || id) + ' · newsindex';
  $('a-title').textContent = a.title || '(untitled)';
  const meta = $('a-meta');
  meta.append(el('time', 'date', formatDate(a.date)));
  if (a.source) meta.append(el('span', 'source', a.source));
  meta.append(el('span', 'id', 'id ' + a.id));
  if (a.url && /^https?:\/\//i.test(a.url)) {
    const link = el('a', null, a.url);
    link.href = a.url;
    link.rel = 'noopener noreferrer';
    $('a-link').append(link);
  }
  for (const para of (a.body || '').split(/\n\s*\n/)) {
    if (para.trim()) $('a-body').append(el('p', null, para.trim()));
  }
  $('back').focus({ preventScroll: true });
  api(path + '/duplicates').then((g) => {
    const list = $('a-duplicates');
    const copies = g.articles.filter((x) => x.id !== id);
    if (!copies.length) list.append(el('li', 'none', 'None: this story stands alone.'));
    for (const c of copies) list.append(miniItem(c, null));
  }).catch((e) => $('a-duplicates').append(el('li', 'none', e.message)));
  api(path + '/related', new URLSearchParams({ limit: '6', passages: '1' })).then((r) => {
    const list = $('a-related');
    if (!r.hits.length) list.append(el('li', 'none', 'Nothing related found.'));
    for (const h of r.hits) list.append(miniItem(h, h.passages[0]));
  }).catch((e) => $('a-related').append(el('li', 'none', e.message)));
}

function miniItem(a, passage) {
  const li = el('li', 'mini-item');
  li.dataset.id = a.id;
  li.append(articleLink(a.id, a.title || a.id, 'mini-title'));
  li.append(el('span', 'mini-meta', formatDate(a.date) + (a.source ? ' · ' + a.source : '')));
  if (passage) li.append(highlighted('p', 'mini-passage', passage));
  return li;
}

function render() {
  const s = readState();
  if (s.id) renderArticle(s); else renderResults(s);
}

// ---- input and keyboard ----

let debounce = null;
function wire() {
  const q = $('q');
  q.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => change({ q: q.value.trim() }, false), 250);
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(debounce);
    change({ q: q.value.trim() }, true);
  });
  $('sort').addEventListener('change', () => change({ sort: $('sort').value }));
  $('any').addEventListener('change', () => change({ any: $('any').checked }));
  $('prev').addEventListener('click', () => go(Object.assign(readState(), { offset: Math.max(0, readState().offset - PAGE) }), true));
  $('next').addEventListener('click', () => go(Object.assign(readState(), { offset: readState().offset + PAGE }), true));
  $('back').addEventListener('click', (e) => {
    e.preventDefault();
    if (history.length > 1 && lastState) history.back(); else change({ id: '' });
  });
  $('home').addEventListener('click', (e) => { e.preventDefault(); go({ q: '', since: '', until: '', sources: [], sort: '', any: false, offset: 0, id: '' }, true); });
  $('auth-form').addEventListener('submit', (e) => {
    e.preventDefault();
    token = $('token').value.trim();
    sessionStorage.setItem('newsindex.token', token);
    $('auth').hidden = true;
    render();
  });
  window.addEventListener('popstate', render);
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === '/' && !typing) {
      e.preventDefault();
      if (!$('article-view').hidden) change({ id: '' });
      q.focus();
      q.select();
      return;
    }
    if (e.key === 'Escape' && !$('article-view').hidden) {
      e.preventDefault();
      $('back').click();
      return;
    }
    if (!$('results-view').hidden && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      if (e.target instanceof HTMLSelectElement) return;
      const hits = [...document.querySelectorAll('#hits .hit')];
      if (!hits.length) return;
      const at = hits.indexOf(document.activeElement.closest ? document.activeElement.closest('.hit') : null);
      let next = e.key === 'ArrowDown' ? at + 1 : at - 1;
      if (at < 0) next = e.key === 'ArrowDown' ? 0 : -1;
      e.preventDefault();
      if (next < 0) { q.focus(); return; }
      hits[Math.min(next, hits.length - 1)].focus();
      return;
    }
    if (e.key === 'Enter' && document.activeElement && document.activeElement.classList.contains('hit')) {
      e.preventDefault();
      openArticle(document.activeElement.dataset.id);
    }
  });
}

wire();
render();
