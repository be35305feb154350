// Everyone: a destination's profile on a date (GET /v1/countries/{code}?asOf=), each fact with its citation.
import { el, api, problemBox, linkCitations, cite, footerNote, params, status, busy, words } from './common.js';

const form = document.getElementById('country-form');
const code = document.getElementById('code');
const asOf = document.getElementById('asOf');

function facts(title, list, id) {
  return el('div', { id }, el('h3', {}, title),
    list && list.length
      ? el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['Fact', 'Detail', 'Since', 'Until', 'Citation', 'Source'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, list.map((f) => el('tr', {},
          el('th', { scope: 'row' }, /^[A-Z0-9_]+$/.test(f.name) && f.name.includes('_') ? words(f.name) : f.name), el('td', {}, linkCitations(f.detail || '')), el('td', {}, f.effectiveFrom || 'before the data begins'),
          el('td', {}, f.effectiveTo || '—'), el('td', {}, cite(f.citation)), el('td', {}, f.source || ''))))))
      : el('p', { class: 'help' }, 'None on this date.'));
}

async function show() {
  const errors = document.getElementById('error');
  errors.replaceChildren();
  const c = code.value.trim().toUpperCase();
  if (!c) { code.focus(); return; }
  const button = document.getElementById('show');
  busy(button, true);
  try {
    const q = asOf.value ? '?asOf=' + asOf.value : '';
    const { json: p } = await api('/v1/countries/' + encodeURIComponent(c) + q);
    history.replaceState(null, '', '?code=' + c + (asOf.value ? '&asOf=' + asOf.value : ''));
    document.getElementById('profile').hidden = false;
    document.getElementById('profile-h').textContent = p.name + ' (' + p.code + ') on ' + p.asOf;
    document.getElementById('profile-summary').replaceChildren(linkCitations(p.summary));
    const s126 = p.itar126_1;
    document.getElementById('profile-body').replaceChildren(
      el('div', { class: 'panel', id: 'itar126' }, el('h3', {}, '22 CFR 126.1: ', el('span', { dataset: { status: s126.status } },
        { NOT_LISTED: 'not listed', DENIAL: 'policy of denial', SUSPENDED: 'suspended' }[s126.status] || s126.status)),
      s126.fact ? el('p', {}, linkCitations(s126.fact.detail || s126.fact.name), ' — ', cite(s126.fact.citation),
        s126.fact.effectiveFrom ? ' (since ' + s126.fact.effectiveFrom + ')' : '') : null),
      facts('Memberships', p.memberships, 'memberships'),
      facts('ITAR exemptions available', p.itarExemptions, 'exemptions'),
      facts('EAR Country Groups', p.countryGroups, 'groups'),
      facts('Commerce Country Chart columns with an X', p.chartColumns, 'chart'),
      facts('Embargoes (15 CFR part 746)', p.embargoes, 'embargoes'));
    document.getElementById('links').replaceChildren('See also: ',
      el('a', { href: '/decisions.html?country=' + p.code }, 'decisions about ' + p.name), ' · ',
      el('a', { href: '/parameters.html?asOf=' + p.asOf }, 'parameters and tables on ' + p.asOf), ' · ',
      el('a', { href: '/screen.html' }, 'screen a transfer'));
    document.getElementById('footer').replaceChildren(footerNote(p));
    status('Profile of ' + p.name + ' on ' + p.asOf + '.');
  } catch (err) {
    errors.append(problemBox(err));
  } finally {
    busy(button, false);
  }
}

form.addEventListener('submit', (e) => { e.preventDefault(); show(); });
const p = params();
if (p.get('asOf')) asOf.value = p.get('asOf');
if (p.get('code')) { code.value = p.get('code'); show(); }
