// Everyone: the decision history (GET /v1/decisions), one record (GET /v1/decisions/{id}) and its replay
// (POST /v1/decisions/{id}/replays).
import { el, api, problemBox, badge, summaryBlock, findingsList, params, status, busy, words } from './common.js';

const KIND = {
  screenTransfer: ['Transfer screening', '/screen.html'], evaluateNotification: ['Notification evaluation', null],
  simulateNotifications: ['Threshold what-if', null], qualifySource: ['Source qualification', '/qualify.html'],
  determineJurisdiction: ['Jurisdiction determination', null],
};
const kindWords = (k) => (KIND[k] ? KIND[k][0] : k);
let cursor = null;

function countryLink(code, asOf) {
  if (!code) return '';
  if (!/^[A-Z]{2}$/.test(code)) return code;
  return el('a', { href: '/country.html?code=' + code + (asOf ? '&asOf=' + asOf : '') }, code);
}

async function list(more) {
  const errors = document.getElementById('error');
  errors.replaceChildren();
  const q = new URLSearchParams();
  for (const id of ['kind', 'outcome', 'country']) {
    const v = document.getElementById(id).value.trim();
    if (v) q.set(id, id === 'kind' ? v : v.toUpperCase());
  }
  q.set('limit', '25');
  if (more && cursor) q.set('cursor', cursor);
  const button = document.getElementById('search');
  busy(button, true);
  try {
    const { json } = await api('/v1/decisions?' + q);
    const table = document.getElementById('decisions');
    const body = table.querySelector('tbody');
    if (!more) body.replaceChildren();
    for (const d of json.items) {
      body.append(el('tr', { dataset: { decision: d.decisionId } },
        el('td', {}, new Date(d.receivedAt).toISOString().replace('T', ' ').slice(0, 19) + ' UTC'),
        el('td', {}, kindWords(d.kind)), el('td', {}, d.outcome ? badge(d.outcome) : ''),
        el('td', {}, countryLink(d.country, d.asOf)), el('td', {}, d.asOf || ''),
        el('td', {}, el('a', { href: '/decisions.html?id=' + encodeURIComponent(d.decisionId), 'aria-label': 'Open decision ' + d.decisionId }, 'Open'))));
    }
    table.hidden = false;
    cursor = json.nextCursor || null;
    document.getElementById('more').hidden = !cursor;
    status(body.children.length + ' decision' + (body.children.length === 1 ? '' : 's') + ' shown' + (cursor ? '; older ones follow.' : '.'));
  } catch (err) {
    errors.append(problemBox(err));
  } finally {
    busy(button, false);
  }
}

function responseView(kind, r) {
  const parts = [];
  if (r.summary) parts.push(summaryBlock(r.summary));
  if (Array.isArray(r.items)) {
    for (const it of r.items) parts.push(el('div', { class: 'item-card' }, el('h3', {}, it.id + ' ', badge(it.outcome)), findingsList(it.findings)));
  }
  if (r.findings) parts.push(findingsList(r.findings));
  if (r.notification) parts.push(el('div', { class: 'panel' }, el('h3', {}, 'Congressional notification ', badge(r.notification.outcome)), summaryBlock(r.notification.summary)));
  return parts.filter(Boolean);
}

async function open(id) {
  document.getElementById('list-view').hidden = true;
  const view = document.getElementById('record-view');
  view.hidden = false;
  try {
    const { json: d } = await api('/v1/decisions/' + encodeURIComponent(id));
    document.getElementById('record-h').textContent = kindWords(d.kind) + ' ' + d.decisionId;
    const form = KIND[d.kind] && KIND[d.kind][1];
    document.getElementById('record').replaceChildren(
      el('dl', { class: 'panel', id: 'record-facts' },
        el('dt', {}, 'Outcome'), el('dd', {}, d.outcome ? badge(d.outcome) : '—'),
        el('dt', {}, 'Received'), el('dd', {}, d.receivedAt),
        el('dt', {}, 'Decided as of'), el('dd', {}, d.asOf || '—'),
        el('dt', {}, 'Rule bundle'), el('dd', {}, d.rulesetVersion || '—'),
        el('dt', {}, 'Country'), el('dd', {}, countryLink(d.country, d.asOf) || '—')),
      form ? el('p', {}, el('a', { href: form + '?decision=' + encodeURIComponent(d.decisionId), id: 'open-in-form' }, 'Open this request in the form (change it and decide again)')) : null,
      ...responseView(d.kind, d.response),
      el('details', {}, el('summary', {}, 'The request as decided (JSON)'), el('pre', {}, JSON.stringify(d.request, null, 2))),
      el('details', {}, el('summary', {}, 'The response as sent (JSON)'), el('pre', {}, JSON.stringify(d.response, null, 2))));
    view.focus();
  } catch (err) {
    document.getElementById('error').append(problemBox(err));
  }
  document.getElementById('replay').onclick = async () => {
    const out = document.getElementById('replay-result');
    const button = document.getElementById('replay');
    busy(button, true);
    try {
      const { json: r } = await api('/v1/decisions/' + encodeURIComponent(id) + '/replays', { method: 'POST' });
      const changes = (title, list) => el('div', {}, el('h4', {}, title + ' (' + list.length + ')'),
        list.length ? el('ul', {}, list.map((f) => el('li', {}, f.message, ' ', el('span', { class: 'meta' }, '(' + f.ruleId + ')')))) : el('p', { class: 'help' }, 'None.'));
      out.replaceChildren(el('div', { class: 'panel', id: 'replay-panel', dataset: { changed: String(r.outcomeChanged) } },
        el('h3', {}, r.outcomeChanged ? 'The outcome changes' : 'The outcome is the same'),
        el('p', {}, 'Recorded: ', r.recordedOutcome ? badge(r.recordedOutcome) : '—', ' under ', el('code', {}, r.recordedRulesetVersion),
          '. Now: ', r.outcome ? badge(r.outcome) : '—', ' under ', el('code', {}, r.rulesetVersion), ', as of ', r.asOf || 'the recorded date', '.'),
        changes('Findings added', r.findingsAdded), changes('Findings no longer given', r.findingsRemoved)));
    } catch (err) {
      out.replaceChildren(problemBox(err));
    } finally {
      busy(button, false);
    }
  };
}

document.getElementById('filters').addEventListener('submit', (e) => { e.preventDefault(); list(false); });
document.getElementById('more').addEventListener('click', () => list(true));
const p = params();
if (p.get('id')) {
  open(p.get('id'));
} else {
  for (const id of ['kind', 'outcome', 'country']) if (p.get(id)) document.getElementById(id).value = p.get(id);
  list(false);
}
