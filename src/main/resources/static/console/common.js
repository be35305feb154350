// Shared helpers of the console: calling the API, building DOM safely (no innerHTML with data),
// findings as sentences with their citations linked to the primary text.

export const PAGES = [
  ['/', 'Home'],
  ['/whatif.html', 'Threshold what-if'],
  ['/screen.html', 'Screen a transfer'],
  ['/qualify.html', 'Qualify a source'],
  ['/decisions.html', 'Decisions'],
  ['/country.html', 'Countries'],
  ['/parameters.html', 'Parameters'],
];

/** Builds an element: el('a', {href: '/x', class: 'y'}, 'text', child). Strings become text nodes. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** The site header: the console's pages, the current one marked. */
export function header() {
  const host = document.getElementById('site');
  if (!host) return;
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  host.replaceChildren(
    el('a', { href: '#main', class: 'skip' }, 'Skip to content'),
    el('div', { class: 'brand' }, el('a', { href: '/' }, 'Export Pathways'), el('span', { class: 'tag' }, 'console')),
    el('nav', { 'aria-label': 'Console pages' },
      el('ul', {}, PAGES.map(([href, label]) =>
        el('li', {}, el('a', { href, 'aria-current': href === here ? 'page' : null }, label))),
        el('li', {}, el('a', { href: '/swagger-ui/index.html' }, 'API')))));
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the API; resolves to {json, response}; rejects with ApiError carrying the problem+json. */
export async function api(path, { method = 'GET', json, body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = null;
    if (type.includes('json')) {
      try { problem = await response.json(); } catch (e) { problem = null; }
    }
    throw new ApiError(response.status, problem);
  }
  if (accept.includes('json') && type.includes('json')) {
    return { json: await response.json(), response };
  }
  return { text: await response.text(), response };
}

/** A problem+json as a readable alert naming each field. */
export function problemBox(err) {
  const p = err.problem || {};
  const lines = (p.errors || []).map((e) => el('li', {}, el('code', {}, e.field), ': ', e.message));
  let hint = null;
  if (err.status === 401) hint = 'This needs credentials: decision records are protected on this server (role READER or ADMIN). Your browser asks for them; reload to sign in.';
  if (err.status === 403) hint = 'These credentials do not allow this.';
  return el('div', { class: 'problem', role: 'alert' },
    el('p', {}, el('strong', {}, (p.title || 'Error') + (err.status ? ' (' + err.status + ')' : '') + ': '),
      err.message || String(err)),
    lines.length ? el('ul', {}, lines) : null,
    hint ? el('p', {}, hint) : null);
}

// ---- Citations: "22 CFR 126.7(b)" -> eCFR, "22 U.S.C. 2776(b)" -> U.S. Code (House OLRC), FAR/DFARS -> 48 CFR ----

const CITE = new RegExp(
  '\\b(\\d{1,2}) (CFR|U\\.S\\.C\\.) (?:(parts?) )?(\\d+[A-Za-z]?(?:\\.\\d+[a-z]?(?:-\\d+)?)?)((?:\\([0-9A-Za-z]+\\))*)' +
  '|\\b(DFARS|FAR) (\\d{1,3}\\.\\d+(?:-\\d+)?)((?:\\([0-9A-Za-z]+\\))*)' +
  '|(?<=[;,] )(\\d{2,3}\\.\\d+[a-z]?(?:-\\d+)?)((?:\\([0-9A-Za-z]+\\))*)', 'g');

function ecfrSection(title, section) {
  return 'https://www.ecfr.gov/current/title-' + title + '/section-' + section;
}

/** The primary-text URL of one citation, or null when it names no CFR / U.S. Code / FAR / DFARS provision. */
export function citationUrl(citation) {
  CITE.lastIndex = 0;
  const m = CITE.exec(citation);
  return m ? urlOf(m, null) : null;
}

function urlOf(m, context) {
  if (m[1]) {
    const title = m[1];
    const kind = m[2];
    const number = m[4];
    if (kind === 'CFR') {
      if (m[3] || !number.includes('.')) return 'https://www.ecfr.gov/current/title-' + title + '/part-' + number;
      return ecfrSection(title, number);
    }
    return 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title' + title + '-section' + number;
  }
  if (m[6]) {
    const number = m[7];
    const [part, rest] = number.split('.');
    // FAR 25.1 / DFARS 225.1: a subpart; FAR 25.103, DFARS 225.872-1, 252.225-7001: a section
    if (rest.length === 1) return 'https://www.ecfr.gov/current/title-48/part-' + part + '/subpart-' + number;
    return ecfrSection('48', number);
  }
  if (m[9] && context) {
    if (context.kind === 'CFR') return ecfrSection(context.title, m[9]);
    if (context.kind === 'FAR') return ecfrSection('48', m[9]);
  }
  return null;
}

/** Text with every citation in it turned into a link to the primary text (opens in a new tab). */
export function linkCitations(text) {
  const frag = document.createDocumentFragment();
  if (!text) return frag;
  let last = 0;
  let context = null;
  CITE.lastIndex = 0;
  let m;
  while ((m = CITE.exec(text)) !== null) {
    const url = urlOf(m, context);
    if (m[1]) context = { kind: m[2] === 'CFR' ? 'CFR' : 'USC', title: m[1] };
    else if (m[6]) context = { kind: 'FAR' };
    if (!url) continue;
    frag.append(text.slice(last, m.index));
    frag.append(el('a', { href: url, class: 'cite', target: '_blank', rel: 'noopener noreferrer' }, m[0]));
    last = m.index + m[0].length;
  }
  frag.append(text.slice(last));
  return frag;
}

export function cite(citation) {
  return el('span', { class: 'citation' }, linkCitations(citation));
}

const OUTCOME_WORDS = {
  REQUIRED: 'Notification required', NOT_REQUIRED: 'Notification not required', UNDETERMINED: 'Undetermined',
  PROHIBITED: 'Prohibited', LICENSE_REQUIRED: 'License required', EXEMPT: 'Exempt',
  NO_LICENSE_REQUIRED: 'No license required', COMPLIANT: 'Compliant', NOT_COMPLIANT: 'Not compliant',
  NOT_APPLICABLE: 'Not applicable', DOMESTIC_END_PRODUCT: 'Domestic end product',
  QUALIFYING_COUNTRY_END_PRODUCT: 'Qualifying country end product', FOREIGN_END_PRODUCT: 'Foreign end product',
  YES: 'Domestic source', NO: 'Not a domestic source', TITLE_III_ONLY: 'Domestic source for Title III only',
  RDP_QUALIFYING_COUNTRY: 'RDP qualifying country', SECURITY_OF_SUPPLY_ARRANGEMENT: 'Security of Supply Arrangement',
  NTIB: 'National Technology and Industrial Base (NTIB)', RECIPROCAL_GOVERNMENT_QUALITY_ASSURANCE: 'Reciprocal Government Quality Assurance',
  MAJOR_NON_NATO_ALLY: 'Major Non-NATO Ally', NATO: 'NATO', AUKUS: 'AUKUS', NATO_PLUS_5: 'NATO+5', DEFENSE_TRADE_TREATY: 'Defense trade treaty',
  QUEUED: 'Queued', RUNNING: 'Running', DONE: 'Done', FAILED: 'Failed', CANCELLED: 'Cancelled',
  USML: 'USML (ITAR)', SERIES_600: '600 series / 9x515 (EAR)', CCL: 'CCL (EAR)', EAR99: 'EAR99',
};

export function words(code) {
  return OUTCOME_WORDS[code] || String(code || '').replaceAll('_', ' ').toLowerCase();
}

const TONE = {
  REQUIRED: 'bad', PROHIBITED: 'bad', LICENSE_REQUIRED: 'warn', NOT_COMPLIANT: 'bad', FOREIGN_END_PRODUCT: 'warn',
  NO: 'warn', UNDETERMINED: 'unknown', NOT_REQUIRED: 'good', EXEMPT: 'good', NO_LICENSE_REQUIRED: 'good',
  COMPLIANT: 'good', DOMESTIC_END_PRODUCT: 'good', QUALIFYING_COUNTRY_END_PRODUCT: 'good', YES: 'good',
  TITLE_III_ONLY: 'warn',
};

/** A verdict badge: words, not colour alone (the code is in data-outcome for tests and tools). */
export function badge(code) {
  return el('span', { class: 'badge ' + (TONE[code] || 'neutral'), dataset: { outcome: code } }, words(code));
}

function period(f) {
  if (f.effectiveFrom && f.effectiveTo) return ' In force ' + f.effectiveFrom + ' to ' + f.effectiveTo + '.';
  if (f.effectiveFrom) return ' In force since ' + f.effectiveFrom + '.';
  return '';
}

/** Findings as sentences, each with its citation linked and the period of the rule or row relied on. */
export function findingsList(findings, { label = 'Why' } = {}) {
  if (!findings || !findings.length) return null;
  return el('details', { class: 'findings', open: true },
    el('summary', {}, label + ' (' + findings.length + ' finding' + (findings.length === 1 ? '' : 's') + ')'),
    el('ul', {}, findings.map((f) => el('li', { class: f.severity === 'WARNING' ? 'warning' : null, dataset: { rule: f.ruleId } },
      f.severity === 'WARNING' ? el('strong', {}, 'Warning: ') : null,
      linkCitations(f.message),
      ' ', el('span', { class: 'meta' }, '— ', cite(f.citation), ' (', f.ruleId, ').', period(f))))));
}

export function summaryBlock(summary) {
  return el('p', { class: 'summary' }, linkCitations(summary));
}

/** The advisory note and the version that decided, with a link to the decision's record. */
export function footerNote(response) {
  return el('p', { class: 'advisory' },
    response.advisory || '',
    response.rulesetVersion ? ' Rule bundle ' + response.rulesetVersion + '.' : '',
    response.asOf ? ' As of ' + response.asOf + '.' : '',
    response.decisionId ? el('span', {}, ' ', el('a', { href: '/decisions.html?id=' + encodeURIComponent(response.decisionId) }, 'Decision record ' + response.decisionId)) : '');
}

/** A select for a fact that may be unknown: Unknown (absent) / Yes / No. Unknown is never "no". */
export function triState(id, label, help) {
  return el('div', { class: 'field' },
    el('label', { for: id }, label),
    el('select', { id, name: id, 'aria-describedby': help ? id + '-help' : null },
      el('option', { value: '' }, 'Unknown (not given)'), el('option', { value: 'true' }, 'Yes'), el('option', { value: 'false' }, 'No')),
    help ? el('span', { class: 'help', id: id + '-help' }, help) : null);
}

export function readTri(select) {
  if (!select || select.value === '') return undefined;
  return select.value === 'true';
}

export function readNumber(input) {
  if (!input || input.value.trim() === '') return undefined;
  return Number(input.value);
}

export function readText(input) {
  if (!input) return undefined;
  const v = input.value.trim();
  return v === '' ? undefined : v;
}

/** Removes undefined members (and objects left empty) so that an unknown stays absent. */
export function prune(o) {
  if (Array.isArray(o)) return o.map(prune);
  if (o && typeof o === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(o)) {
      const p = prune(v);
      if (p === undefined) continue;
      if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return o;
}

export function money(n) {
  if (n === undefined || n === null) return 'unknown';
  return '$' + Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function params() {
  return new URLSearchParams(location.search);
}

export function busy(button, on) {
  button.disabled = on;
  button.setAttribute('aria-busy', on ? 'true' : 'false');
}

/** Announces a status politely to assistive technology. */
export function status(text) {
  const s = document.getElementById('status');
  if (s) s.textContent = text;
}

/** Offers text as a download (a Blob URL: no inline script, nothing sent anywhere). */
export function download(filename, text, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function csvCell(v) {
  let s = v === undefined || v === null ? '' : String(v);
  // a cell a spreadsheet would run as a formula is kept as text
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n;]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}

header();
