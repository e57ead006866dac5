/* The provider's screens (docs/map-page.md, docs/people.md): "Offro una presa", the listing form (new, or an own
   listing prefilled to edit it: a change goes back to moderation), "I miei punti" with their moderation state, edit
   and withdraw (asked to confirm: the point leaves the map), and claiming a module with the code an operator issued. */
'use strict';
window.MSG_PROVIDER = (function () {
  const A = window.MSG_ACCOUNT, K = A.kit, st = K.st, F = window.MSG_FORMS, el = F.el, I = window.MSG_I18N;
  const t = (...a) => I.t(...a), $ = id => document.getElementById(id), enc = encodeURIComponent;
  const VEHICLES = ['EBIKE', 'SCOOTER', 'MOPED', 'MOBILITY_AID', 'CAR'].map(v => [v, 'v_' + v]);

  A.section(10, () => {
    if (K.has('PROVIDER') || K.has('BUSINESS')) return providerSection();
    if (K.has('CITIZEN')) return el('p', {}, K.button('becomeProvider', becomeProvider));
    return null;
  });

  async function becomeProvider() {
    try { await K.call('POST', '/account/provider'); await K.refreshMe(); K.go('home', 'nowProvider'); }
    catch (e) { K.refused(e); }
  }

  /* The form of a new listing, or of `l` (an own listing) to change it. */
  function listingForm(l) {
    const s0 = l && l.sockets.length ? l.sockets[0] : null;
    const amount = l && l.price.amount_cents ? (l.price.amount_cents / 100).toFixed(2) : undefined;
    const v0 = (name, dflt) => l && l[name] !== null && l[name] !== undefined ? String(l[name]) : dflt;
    const f = F.form({ id: l ? 'listing-edit' : 'listing', label: l ? 'editListing' : 'listSocket', submit: l ? 'sendChange' : 'sendListing',
      extra: l ? [K.button('cancel', () => showForm(null, true))] : [], fields: [
        { name: 'name', label: 'l_name', required: true, minlength: 3, maxlength: 80, value: v0('name') },
        { name: 'operator_type', label: 'l_operator', type: 'select', value: v0('operator_type', 'PRIVATE_INDIVIDUAL'),
          options: ['PRIVATE_INDIVIDUAL', 'CONDOMINIUM', 'BUSINESS', 'PUBLIC_BODY'].map(o => [o, 'o_' + o]) },
        { name: 'address', label: 'l_address', required: true, minlength: 3, maxlength: 120, hint: 'addressHint',
          autocomplete: 'street-address', value: v0('address') },
        { name: 'city', label: 'l_city', required: true, minlength: 2, maxlength: 45, value: v0('city', 'Milano') },
        { name: 'location_precision', label: 'l_precision', type: 'select', value: v0('location_precision', 'STREET'),
          options: ['EXACT', 'STREET', 'AREA'].map(o => [o, 'p_' + o]),
          check: v => v.operator_type === 'PRIVATE_INDIVIDUAL' && v.location_precision === 'EXACT' ? t('e_exactPrivate') : '' },
        { name: 'latitude', label: 'l_lat', type: 'number', required: true, min: -90, max: 90, step: 'any', hint: 'positionHint',
          value: v0('latitude') },
        { name: 'longitude', label: 'l_lon', type: 'number', required: true, min: -180, max: 180, step: 'any', value: v0('longitude') },
        { name: 'vehicle_classes', label: 'vehicles', type: 'checks', required: true, options: VEHICLES,
          value: l ? l.vehicle_classes : undefined },
        { name: 'connector', label: 'l_connector', type: 'select', value: s0 ? s0.connector : 'DOMESTIC_F',
          options: ['DOMESTIC_F', 'DOMESTIC_L', 'IEC_62196_T2'].map(c => [c, 'c_' + c]) },
        { name: 'power_w', label: 'l_power', type: 'number', required: true, min: 100, max: 22000, step: 1,
          value: s0 ? String(s0.power_w) : '2300' },
        { name: 'count', label: 'l_count', type: 'number', required: true, min: 1, max: 16, step: 1,
          value: l ? String(l.sockets.length) : '1' },
        { name: 'price_kind', label: 'price', type: 'select', value: l ? l.price.kind : 'FREE',
          options: ['FREE', 'PER_KWH', 'PER_HOUR', 'PER_SESSION'].map(k => [k, 'k_' + k]) },
        { name: 'amount', label: 'l_amount', type: 'number', min: 0.01, max: 1000, step: 0.01, inputmode: 'decimal', value: amount,
          check: v => v.price_kind !== 'FREE' && !v.amount ? t('e_required') : '' },
        { name: 'opening_hours', label: 'hours', maxlength: 200, placeholder: 'Mo-Fr 08:00-20:00', hint: 'hoursHint',
          value: v0('opening_hours') },
        { name: 'description', label: 'l_description', type: 'textarea', maxlength: 1000, value: v0('description') }],
      onSubmit: async v => {
        const listing = { name: v.name, address: v.address, city: v.city, latitude: Number(v.latitude),
          longitude: Number(v.longitude), operator_type: v.operator_type, location_precision: v.location_precision,
          vehicle_classes: v.vehicle_classes,
          price: v.price_kind === 'FREE' ? { kind: 'FREE' } : { kind: v.price_kind, amount_cents: Math.round(Number(v.amount) * 100) },
          sockets: Array.from({ length: Number(v.count) }, () => ({ connector: v.connector, power_w: Number(v.power_w) })) };
        if (v.opening_hours) listing.opening_hours = v.opening_hours;
        if (v.description) listing.description = v.description;
        if (l && l.facilities && l.facilities.length) listing.facilities = l.facilities; // not asked here: kept as they were
        if (!l) { await K.call('POST', '/listings', listing); await showListings(); return 'listingSent'; }
        await K.call('PUT', `/listings/${enc(l.id)}`, listing);
        showForm(null, true, 'changeSent');
        await showListings();
        return null;
      } });
    // the position: a tap on the map (account.js), the map's centre or the device's location, next to the fields
    f.fields.find(x => x.spec.name === 'longitude').root.after(el('div', { class: 'actions' },
      K.button('useMapCentre', () => { const c = st.host.map().getCenter(); setPosition(c.lat, c.lng); }),
      K.button('useMyPosition', () => navigator.geolocation && navigator.geolocation.getCurrentPosition(
        p => setPosition(p.coords.latitude, p.coords.longitude), () => $('live').textContent = t('geoDenied'),
        { timeout: 10000, maximumAge: 0 }))));
    const amountShown = () => f.show('amount', f.values().price_kind !== 'FREE');
    f.querySelector('[name=price_kind]').addEventListener('change', amountShown);
    amountShown();
    function setPosition(lat, lon) {
      f.set('latitude', lat.toFixed(6)); f.set('longitude', lon.toFixed(6));
      $('live').textContent = t('positionSet');
    }
    st.listingForm = { setPosition, id: f.id };
    return f;
  }

  let box = null; // the provider section's parts while it is shown

  function providerSection() {
    box = { head: el('h3', { id: 'listing-h', tabindex: '-1' }), form: el('div'), said: el('p', { class: 'status', role: 'status' }),
      list: el('ul', { id: 'my-listings', class: 'plain' }), claims: el('ul', { id: 'my-claims', class: 'plain' }) };
    showForm(null, false);
    showListings();
    showClaims();
    return el('div', {}, el('section', { 'aria-labelledby': 'listing-h' }, box.head, el('p', { class: 'hint', text: t('listingHint') }),
      box.said, box.form, el('h3', { text: t('myListings') }), box.list),
    el('section', { 'aria-labelledby': 'claim-h' }, el('h3', { id: 'claim-h', text: t('claimModule') }),
      el('p', { class: 'hint', text: t('claimIntro') }), claimForm(), el('h4', { text: t('myModules') }), box.claims));
  }

  /* The new-listing form, or an own listing's (edit); focus on its heading when asked. */
  function showForm(l, focus, said) {
    box.head.textContent = l ? t('editListingOf', l.name) : t('listSocket');
    box.said.textContent = said ? t(said) : '';
    box.form.replaceChildren(listingForm(l));
    if (focus) box.head.focus();
  }

  async function showListings() {
    if (!box) return;
    try {
      const r = await K.call('GET', '/listings');
      st.myListingItems = r.items;
      box.list.replaceChildren(...(r.items.length ? r.items.map(listingItem) : [el('li', { class: 'muted', text: t('noListings') })]));
    } catch (e) { box.list.replaceChildren(el('li', { class: 'problem', text: F.problemText(e) })); }
  }

  function listingItem(l) {
    const li = el('li', { 'data-id': l.id },
      el('span', { class: 'item-name', text: l.name + ' ' }),
      el('span', { class: 'badge m-' + l.status, text: t('m_' + l.status) }),
      l.reject_reason ? el('span', { class: 'muted', text: ' ' + t('because', l.reject_reason) }) : null);
    if (l.status === 'WITHDRAWN') return li;
    const acts = el('div', { class: 'actions' });
    const edit = K.button('edit', () => showForm(l, true), { 'aria-label': t('editListingOf', l.name) });
    const withdraw = K.button('withdraw', () => confirmWithdraw(l, acts, withdraw), { 'aria-label': t('withdrawOf', l.name) });
    acts.append(edit, withdraw);
    li.append(acts);
    return li;
  }

  /* Withdrawing takes the point off the map for good: asked again, with "Annulla" focused (the safe answer). */
  function confirmWithdraw(l, acts, opener) {
    const qid = 'withdraw-q-' + l.id;
    const no = K.button('cancel', () => { ask.replaceWith(acts); opener.focus(); });
    const yes = K.button('withdrawYes', async () => {
      try {
        await K.call('DELETE', `/listings/${enc(l.id)}`);
        $('live').textContent = t('withdrawn', l.name);
        box.said.textContent = t('withdrawn', l.name);
        K.changed(); // the map and the list lose the point
        await showListings();
      } catch (e) { ask.append(el('p', { class: 'problem', role: 'alert', text: F.problemText(e) })); }
    });
    const ask = el('div', { class: 'confirm', role: 'group', 'aria-labelledby': qid },
      el('p', { id: qid, text: t('withdrawAsk', l.name) }), el('div', { class: 'actions' }, yes, no));
    acts.replaceWith(ask);
    no.focus();
  }

  // ---------------------------------------------------------------- claiming a module

  /* The code is 25 letters and digits (Crockford base32), typed loosely: spaces and dashes do not matter. */
  const plainCode = s => String(s || '').replace(/[\s-]/g, '');

  function claimForm() {
    return F.form({ id: 'claim', label: 'claimModule', submit: 'claimSend', fields: [
      { name: 'code', label: 'claimCode', required: true, maxlength: 40, hint: 'claimHint', autocomplete: 'off',
        check: v => /^[0-9A-Za-z]{25}$/.test(plainCode(v.code)) ? '' : t('e_claimCode') }],
    onSubmit: async v => {
      await K.call('POST', '/claims', { code: v.code });
      K.changed();
      await showClaims();
      return 'claimed';
    } });
  }

  async function showClaims() {
    if (!box) return;
    try {
      const r = await K.call('GET', '/claims');
      st.myClaims = r.items;
      const names = await Promise.all(r.items.map(c => pointName(c.location_id)));
      box.claims.replaceChildren(...(r.items.length ? r.items.map((c, i) => el('li', { 'data-id': c.location_id },
        el('span', { class: 'item-name', text: names[i] }), el('span', { class: 'muted', text: ' ' + t('since', fmtDay(c.since)) })))
        : [el('li', { class: 'muted', text: t('noModules') })]));
    } catch (e) { box.claims.replaceChildren(el('li', { class: 'problem', text: F.problemText(e) })); }
  }

  /* A public point's name from the city's API (docs/city-api.md), or its id. */
  async function pointName(id) {
    try { return (await K.call('GET', `/locations/${enc(id)}`)).name || id; } catch (e) { return id; }
  }

  const fmtDay = iso => new Date(iso).toLocaleDateString(I.lang === 'it' ? 'it-IT' : 'en-GB');

  return { pointName, fmtDay };
})();
