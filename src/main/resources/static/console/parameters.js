// Everyone: the parameter browser (GET /v1/parameters?asOf=), values with their dates and citations.
import { el, api, problemBox, linkCitations, money, params, status, busy } from './common.js';

let catalog = null;

function amount(v, unit) {
  if (v === undefined || v === null) return 'none in force';
  if (unit === 'currency-USD') return money(v);
  if (unit === 'percent') return v + '%';
  if (unit === 'days') return v + ' days';
  return String(v);
}

function references(p) {
  return el('span', {}, p.references.map((r, i) => [i ? '; ' : '',
    /^https?:\/\//.test(r.href || '') ? el('a', { href: r.href, target: '_blank', rel: 'noopener noreferrer', class: 'cite' }, r.title) : linkCitations(r.title)]).flat());
}

function matches(text, needle) {
  return !needle || text.toLowerCase().includes(needle);
}

function draw() {
  const needle = document.getElementById('filter').value.trim().toLowerCase();
  const ps = catalog.parameters.filter((p) => matches(p.id + ' ' + p.description + ' ' + p.citation, needle));
  document.querySelector('#parameters tbody').replaceChildren(...ps.map((p) => el('tr', { dataset: { parameter: p.id } },
    el('td', {}, el('strong', {}, p.id), el('br'), el('span', { class: 'help' }, p.description)),
    el('td', { class: 'num value' }, amount(p.value, p.unit)),
    el('td', {}, p.value === undefined || p.value === null ? '—' : (p.effectiveFrom ? 'since ' + p.effectiveFrom : 'since before the data begins') + (p.effectiveTo ? ', until ' + p.effectiveTo : '')),
    el('td', {}, references(p)),
    el('td', {}, el('details', {}, el('summary', {}, p.values.length + ' value' + (p.values.length === 1 ? '' : 's')),
      el('ul', {}, p.values.map((v) => el('li', {}, v.effectiveFrom + (v.inForceBefore ? ' (in force before)' : '') + ': ' + amount(v.value, p.unit)))))))));
  const ts = catalog.tables.filter((t) => matches(t.name + ' ' + t.citations.join(' '), needle));
  document.querySelector('#tables tbody').replaceChildren(...ts.map((t) => el('tr', { dataset: { table: t.name } },
    el('th', { scope: 'row' }, t.name), el('td', {}, (t.packs || []).join(', ')),
    el('td', { class: 'num' }, t.rows + ' (' + t.rowsInForce + ')'),
    el('td', {}, t.citations.length > 6
      ? el('details', {}, el('summary', {}, t.citations.length + ' citations'), el('ul', {}, t.citations.map((c) => el('li', {}, linkCitations(c)))))
      : el('ul', {}, t.citations.map((c) => el('li', {}, linkCitations(c))))))));
  status(ps.length + ' parameters and ' + ts.length + ' tables' + (needle ? ' match “' + needle + '”' : '') + ', as of ' + catalog.asOf + '.');
}

async function load() {
  const errors = document.getElementById('error');
  errors.replaceChildren();
  const button = document.getElementById('show');
  busy(button, true);
  try {
    const asOf = document.getElementById('asOf').value;
    catalog = (await api('/v1/parameters' + (asOf ? '?asOf=' + asOf : ''))).json;
    document.getElementById('catalog').hidden = false;
    document.getElementById('footer').textContent = 'Rule bundle ' + catalog.rulesetVersion + '. Values as of ' + catalog.asOf + '.';
    draw();
  } catch (err) {
    errors.append(problemBox(err));
  } finally {
    busy(button, false);
  }
}

document.getElementById('param-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
document.getElementById('filter').addEventListener('input', () => { if (catalog) draw(); });
const p = params();
if (p.get('asOf')) document.getElementById('asOf').value = p.get('asOf');
if (p.get('q')) document.getElementById('filter').value = p.get('q');
load();
