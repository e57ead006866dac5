/* A business's promotions (docs/people.md "Promotions"): a short text valid for some days (at most 90, 3 at once per
   point) on a point it offers — its approved listing or a module point it claimed —, public with the point while
   valid; the business ends it when it wants (asked to confirm). Everyone sees a point's current promotions in its
   details. */
'use strict';
(function () {
  const A = window.MSG_ACCOUNT, K = A.kit, st = K.st, F = window.MSG_FORMS, el = F.el, I = window.MSG_I18N;
  const P = window.MSG_PROVIDER;
  const t = (...a) => I.t(...a), $ = id => document.getElementById(id), enc = encodeURIComponent;
  const DAY = 86400000, MAX_DAYS = 90;

  A.section(20, () => K.has('BUSINESS') ? promotionsSection() : null);
  K.onPoint(p => publicPromotions(p.id));

  /* "yyyy-mm-dd" of a local day (what <input type=date> holds) and back to that day's local midnight. */
  const isoDay = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const midnight = s => { const [y, m, d] = s.split('-').map(Number); return new Date(y, m - 1, d).getTime(); };
  const days = (from, until) => Math.round((midnight(until) - midnight(from)) / DAY) + 1; // both days count
  const fmtDay = ms => new Date(ms).toLocaleDateString(I.lang === 'it' ? 'it-IT' : 'en-GB');

  let box = null;

  function promotionsSection() {
    box = { points: [], form: el('div'), list: el('ul', { id: 'my-promotions', class: 'plain', tabindex: '-1' }) };
    showPoints();
    return el('section', { 'aria-labelledby': 'promo-h' }, el('h3', { id: 'promo-h', text: t('promotions') }),
      el('p', { class: 'hint', text: t('promoIntro') }), box.form, el('h4', { text: t('myPromotions') }), box.list);
  }

  /* The points the business may promote: its approved listings and the module points it claimed. */
  async function showPoints() {
    try {
      const [ls, cs] = await Promise.all([K.call('GET', '/listings'), K.call('GET', '/claims')]);
      const claimed = await Promise.all(cs.items.map(async c => ({ id: c.location_id, name: await P.pointName(c.location_id) })));
      box.points = [...ls.items.filter(l => l.status === 'APPROVED').map(l => ({ id: l.id, name: l.name })), ...claimed];
      box.form.replaceChildren(box.points.length ? promotionForm() : el('p', { class: 'muted', text: t('promoNoPoint') }));
      await showPromotions();
    } catch (e) { box.form.replaceChildren(el('p', { class: 'problem', text: F.problemText(e) })); }
  }

  function promotionForm() {
    const today = isoDay(new Date()), month = isoDay(new Date(Date.now() + 29 * DAY));
    const f = F.form({ id: 'promotion', label: 'promoNew', submit: 'promoSend', fields: [
      { name: 'point', label: 'promoPoint', type: 'select', required: true, options: [] },
      { name: 'text', label: 'promoText', type: 'textarea', required: true, minlength: 3, maxlength: 140, hint: 'promoTextHint' },
      { name: 'from', label: 'promoFrom', type: 'date', required: true, value: today },
      { name: 'until', label: 'promoUntil', type: 'date', required: true, value: month, hint: 'promoUntilHint',
        check: v => !v.from ? '' : v.until < today ? t('e_promoPast') : v.until < v.from ? t('e_promoOrder')
          : days(v.from, v.until) > MAX_DAYS ? t('e_promoLong', MAX_DAYS) : '' },
      { name: 'points_cost', label: 'promoCost', type: 'number', min: 1, max: 10000, step: 1, hint: 'promoCostHint' }],
    onSubmit: async v => {
      const from = midnight(v.from), until = Math.min(midnight(v.until) + DAY, from + MAX_DAYS * DAY); // to the end of that day
      const body = { text: v.text, valid_from: new Date(from).toISOString(), valid_until: new Date(until).toISOString() };
      if (v.points_cost) body.points_cost = Number(v.points_cost);
      await K.call('POST', `/points/${enc(v.point)}/promotions`, body);
      K.changed(); // the point's details show it
      await showPromotions();
      return 'promoSent';
    } });
    // the options are names people wrote: set as text, not looked up as texts of the page
    f.querySelector('[name=point]').replaceChildren(...box.points.map(p => el('option', { value: p.id, text: p.name })));
    return f;
  }

  async function showPromotions() {
    try {
      const r = await K.call('GET', '/promotions');
      const name = id => (box.points.find(p => p.id === id) || { name: id }).name;
      box.list.replaceChildren(...(r.items.length ? r.items.slice().reverse().map(p => promotionItem(p, name(p.point_id)))
        : [el('li', { class: 'muted', text: t('promoNone') })]));
    } catch (e) { box.list.replaceChildren(el('li', { class: 'problem', text: F.problemText(e) })); }
  }

  function promotionItem(p, pointName) {
    const until = Date.parse(p.valid_until), state = p.status === 'ACTIVE' && until <= Date.now() ? 'EXPIRED' : p.status;
    const li = el('li', { 'data-id': p.id }, el('span', { class: 'item-name', text: p.text }), ' ',
      el('span', { class: 'badge m-' + (state === 'ACTIVE' ? 'APPROVED' : 'WITHDRAWN'), text: t('ps_' + state) }),
      el('p', { class: 'muted', text: t('promoWhere', pointName, fmtDay(Date.parse(p.valid_from)), fmtDay(until - 1))
        + (p.points_cost ? ' · ' + t('promoCosts', p.points_cost) : '') }));
    if (state !== 'ACTIVE') return li;
    const acts = el('div', { class: 'actions' });
    const end = K.button('promoEnd', () => confirmEnd(p, acts, end), { 'aria-label': t('promoEndOf', p.text) });
    acts.append(end);
    li.append(acts);
    return li;
  }

  function confirmEnd(p, acts, opener) {
    const qid = 'promo-q-' + p.id;
    const no = K.button('cancel', () => { ask.replaceWith(acts); opener.focus(); });
    const yes = K.button('promoEndYes', async () => {
      try {
        await K.call('DELETE', `/promotions/${enc(p.id)}`);
        $('live').textContent = t('promoEnded');
        K.changed();
        await showPromotions();
        box.list.focus();
      } catch (e) { ask.append(el('p', { class: 'problem', role: 'alert', text: F.problemText(e) })); }
    });
    const ask = el('div', { class: 'confirm', role: 'group', 'aria-labelledby': qid },
      el('p', { id: qid, text: t('promoEndAsk', p.text) }), el('div', { class: 'actions' }, yes, no));
    acts.replaceWith(ask);
    no.focus();
  }

  /* Under a point's details, for everyone: its promotions valid now (nothing when there are none). */
  function publicPromotions(id) {
    const node = el('div', { class: 'promos' });
    K.call('GET', `/points/${enc(id)}/promotions`).then(r => {
      node.dataset.loaded = 'true';
      if (!r.items.length) return;
      node.replaceChildren(el('h3', { text: t('promotions') }), el('ul', { class: 'plain' }, ...r.items.map(p => el('li', {},
        el('span', { text: p.text }), el('span', { class: 'muted', text: ' ' + t('promoUntilDay', fmtDay(Date.parse(p.valid_until) - 1))
          + (p.points_cost ? ' · ' + t('promoCosts', p.points_cost) : '') })))));
    }).catch(() => { /* promotions are extra: the details stand without them */ });
    return node;
  }
})();
