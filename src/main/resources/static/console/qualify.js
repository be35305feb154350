// Program office: qualify a foreign source (POST /v1/sources/qualifications); a plain-language verdict per regime with
// its legal basis, the open questions, and a printable memo to file (@media print in console.css).
import { el, api, problemBox, summaryBlock, footerNote, findingsList, badge, cite, linkCitations, prune, busy, status, words, params } from './common.js';
import { idOf, control, readAll, writeAll, questionBlocks } from './forms.js';

const EXAMPLES = [
  ['qualifying-country-end-product-germany', 'German end product, 2026 delivery'],
  ['undetermined-shares-unknown-uk', 'UK end product, component shares unknown'],
  ['berry-not-compliant-italian-uniforms', 'Italian uniform cloth'],
  ['foreign-end-product-india', 'Indian end product'],
  ['dpa-title-iii-only-australia', 'Australian component, DPA Title III'],
  ['specialty-metal-not-compliant-china', 'Specialty metal melted in China'],
];
const KINDS = [['END_PRODUCT', 'End product'], ['COMPONENT', 'Component'], ['SPECIALTY_METAL', 'Specialty metal bought as such'],
  ['TEXTILE_OR_CLOTHING', 'Textile or clothing'], ['FOOD', 'Food'], ['HAND_TOOL', 'Hand tool'], ['COMMERCIAL_IT', 'Commercial IT']];
const SOURCE = [
  { path: 'supplierCountry', type: 'text', label: 'Supplier country (ISO code, e.g. DE)', required: true, upper: true },
  { path: 'manufactureCountry', type: 'text', label: 'Country of manufacture (ISO code)', upper: true },
  { path: 'productKind', type: 'select', label: 'Product', options: KINDS, noUnknown: true },
  { path: 'commercialOffTheShelf', type: 'tri', label: 'Commercial off-the-shelf (COTS)?' },
  { path: 'domesticComponentShare', type: 'money', label: 'Share of U.S. components (% of component cost)' },
  { path: 'qualifyingCountryComponentShare', type: 'money', label: 'Share of qualifying-country components (%)' },
  { path: 'containsSpecialtyMetal', type: 'tri', label: 'Contains specialty metal?', help: '10 U.S.C. 4863' },
  { path: 'specialtyMetalMeltCountry', type: 'text', label: 'Where the specialty metal was melted (ISO code)', upper: true },
  { path: 'domesticAtEveryStage', type: 'tri', label: 'Berry items: U.S.-produced at every stage?', help: '10 U.S.C. 4862' },
  { path: 'chemicalWarfareProtectiveClothing', type: 'tri', label: 'Chemical warfare protective clothing?', help: '10 U.S.C. 4862(e)' },
];
const CONTRACT = [
  { path: 'buyer', type: 'select', label: 'Buyer', options: [['DOD', 'Department of Defense'], ['CIVILIAN', 'Civilian agency']], noUnknown: true },
  { path: 'asOf', type: 'date', label: 'Date the law is applied as of', help: 'Blank: today.' },
  { path: 'contractValue', type: 'money', label: 'Contract value ($)' },
  { path: 'deliveryYear', type: 'money', label: 'Delivery year' },
  { path: 'placeOfUse', type: 'select', label: 'Where the supplies will be used', options: [['UNITED_STATES', 'In the United States'], ['OUTSIDE', 'Outside the United States']] },
  { path: 'dpaTitle', type: 'select', label: 'DPA title', options: [['I', 'Title I'], ['III', 'Title III']] },
];
const EXCEPTIONS = [
  { path: 'exceptions.nonavailability', type: 'tri', label: 'Nonavailability determination?', help: 'FAR 25.103(b)' },
  { path: 'exceptions.unreasonableCost', type: 'tri', label: 'Unreasonable cost determination?', help: 'FAR 25.103(c)' },
  { path: 'exceptions.publicInterest', type: 'tri', label: 'Public interest determination?', help: 'FAR 25.103(a)' },
  { path: 'exceptions.fallbackThresholdConditions', type: 'tri', label: 'Conditions of the 55% fallback threshold met?', help: 'FAR 25.101(b)(2)(i)(B)' },
];
const form = document.getElementById('qualification');
let lastRequest = null;

function part(title, id, status, citation, lines, missing) {
  return el('div', { class: 'item-card', id },
    el('h3', {}, title + ' ', badge(status)),
    citation ? el('p', {}, 'Legal basis: ', cite(citation)) : null,
    lines && lines.length ? el('ul', {}, lines) : null,
    missing && missing.length ? el('p', { class: 'help' }, 'Depends on: ', missing.join(', '), ' (answer below the verdict).') : null);
}

function render(r, request) {
  document.getElementById('result').hidden = false;
  document.getElementById('memo-meta').replaceChildren(
    'Prepared ' + new Date().toISOString().slice(0, 10) + '. Source: ' + request.supplierCountry
    + (request.manufactureCountry ? ', manufactured in ' + request.manufactureCountry : '') + '; product: ' + words(request.productKind)
    + '; buyer: ' + request.buyer + '. Law applied as of ' + r.asOf + '; rule bundle ' + r.rulesetVersion
    + (r.decisionId ? '; decision record ' + r.decisionId : '') + '.');
  const qc = r.qualifyingCountry;
  document.getElementById('verdict').replaceChildren(summaryBlock(r.summary));
  const ba = r.buyAmerican;
  const dpa = r.dpaDomesticSource;
  document.getElementById('parts').replaceChildren(
    el('div', { class: 'item-card', id: 'part-qc' }, el('h3', {}, 'Qualifying country: ', el('strong', { dataset: { value: String(qc.value) } }, qc.value ? 'yes' : 'no')),
      el('p', {}, 'Legal basis: ', cite(qc.citation), qc.effectiveFrom ? ' (since ' + qc.effectiveFrom + ')' : ''),
      qc.note ? el('p', {}, linkCitations(qc.note)) : null,
      el('p', {}, el('a', { href: '/country.html?code=' + encodeURIComponent(request.supplierCountry) + '&asOf=' + r.asOf }, 'Profile of ' + request.supplierCountry + ' on ' + r.asOf))),
    part('Buy American', 'part-ba', ba.status, ba.thresholdCitation,
      [ba.threshold != null ? el('li', {}, 'Domestic-content threshold for the delivery year: the share must exceed ' + ba.threshold + '%.') : null,
        ...ba.exceptions.map((x) => el('li', {}, 'Exception: ', x.name, x.detail ? ' — ' + x.detail : '', ' (', cite(x.citation), ')'))].filter(Boolean), ba.missing),
    part('Berry Amendment', 'part-berry', r.berry.status, '10 U.S.C. 4862', [], r.berry.missing),
    part('Specialty metals', 'part-metals', r.specialtyMetals.status, '10 U.S.C. 4863', [], r.specialtyMetals.missing),
    part('DPA domestic source', 'part-dpa', dpa.status, '50 U.S.C. 4552(7)', dpa.conditions.map((c) => el('li', {}, 'Condition: ', linkCitations(c))), dpa.missing));
  document.getElementById('enablers').replaceChildren(el('h3', {}, 'Arrangements the supplier country takes part in'),
    r.enablers.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'enabler-table' },
      el('thead', {}, el('tr', {}, ['Arrangement', 'Since', 'Citation', 'Detail'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, r.enablers.map((x) => el('tr', {}, el('th', { scope: 'row' }, words(x.name)), el('td', {}, x.since || 'date not recorded'),
        el('td', {}, cite(x.citation)), el('td', {}, x.detail || '')))))) : el('p', {}, 'None on this date.'));
  document.getElementById('findings').replaceChildren(findingsList(r.findings) || '');
  document.getElementById('footer').replaceChildren(footerNote(r));
  const missing = [...new Set([...ba.missing, ...r.berry.missing, ...r.specialtyMetals.missing, ...dpa.missing])];
  document.getElementById('questions').replaceChildren(missing.length
    ? el('div', { id: 'open-questions' }, el('h3', {}, 'To decide, answer'),
      questionBlocks(missing.map((m) => ({ path: m, raw: m })), form, run, 'Answer and qualify again'))
    : '');
}

async function run() {
  const button = document.getElementById('run');
  const errors = document.getElementById('error');
  errors.replaceChildren();
  const request = prune(readAll(form));
  lastRequest = request;
  busy(button, true);
  status('Qualifying…');
  try {
    const { json } = await api('/v1/sources/qualifications', { method: 'POST', json: request });
    render(json, request);
    status('Qualified.');
    document.getElementById('result').focus();
  } catch (err) {
    status('');
    errors.append(problemBox(err));
  } finally {
    busy(button, false);
  }
}

function build(hostId, list) {
  document.getElementById(hostId).append(...list.map((s) => control(s, s.path, idOf(s.path))));
}

build('source-fields', SOURCE);
build('contract-fields', CONTRACT);
build('exception-fields', EXCEPTIONS);
const select = document.getElementById('example');
EXAMPLES.forEach(([file, label]) => select.append(el('option', { value: file }, label)));
document.getElementById('load-example').addEventListener('click', async () => {
  if (!select.value) return;
  const { json } = await api('/console/samples/qualifySource/' + select.value + '.json');
  writeAll(form, json);
  status('Loaded the example “' + select.selectedOptions[0].textContent + '”.');
});
document.getElementById('print').addEventListener('click', () => window.print());
form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
const decision = params().get('decision');
if (decision) {
  api('/v1/decisions/' + encodeURIComponent(decision)).then(({ json }) => writeAll(form, json.request))
    .catch((err) => document.getElementById('error').append(problemBox(err)));
}
form.dataset.ready = 'true';
