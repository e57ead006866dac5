/* A driver's reward points (docs/people.md "Points and games"): the balance, what can be spent now (codes asked for a
   promotion reserve points for 24 h) and the history of what earned or spent them. */
'use strict';
(function () {
  const A = window.MSG_ACCOUNT, K = A.kit, F = window.MSG_FORMS, el = F.el, I = window.MSG_I18N;
  const t = (...a) => I.t(...a);

  A.section(30, () => {
    const body = el('div', { id: 'my-rewards' });
    show(body);
    return el('section', { 'aria-labelledby': 'rewards-h' }, el('h3', { id: 'rewards-h', text: t('rewards') }),
      el('p', { class: 'hint', text: t('rewardsHint') }), body);
  });

  const fmtTime = iso => new Date(iso).toLocaleString(I.lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

  async function show(body) {
    try {
      const r = await K.call('GET', '/account/points');
      const head = el('p', { class: 'balance', text: t('balance', r.balance)
        + (r.available !== r.balance ? ' ' + t('available', r.available) : '') });
      const items = r.history.slice().reverse().slice(0, 20).map(h => el('li', {},
        el('span', { class: 'delta', text: (h.delta > 0 ? '+' : '−') + Math.abs(h.delta) + ' ' }),
        el('span', { text: I.or('pr_' + h.reason, h.reason) }),
        el('span', { class: 'muted', text: ' · ' + fmtTime(h.at) })));
      body.replaceChildren(head, items.length ? el('ul', { class: 'plain', 'aria-label': t('rewardsHistory') }, ...items)
        : el('p', { class: 'muted', text: t('rewardsNone') }));
    } catch (e) { body.replaceChildren(el('p', { class: 'problem', text: F.problemText(e) })); }
  }
})();
