/* The signed-in screens of the map page (docs/map-page.md, docs/people.md): sign up with a mailed code, sign in and
   out (a cookie session: the CSRF token goes with every change), the driver's check-in, review, fault report and
   favourite on a point's details, the moderator's queue. The other signed-in screens (provider.js, business.js,
   rewards.js, privacy.js) add their sections with section(); they share this file's kit (the API call with its CSRF
   token, buttons, the account). Text people wrote is inserted as text only (textContent), never as markup. */
'use strict';
window.MSG_ACCOUNT = (function () {
  const I = window.MSG_I18N, F = window.MSG_FORMS, el = F.el, t = (...a) => I.t(...a);
  const $ = id => document.getElementById(id);
  const BASE = '/api/v1';
  const st = { me: null, csrf: null, view: 'signin', email: '', favourites: new Set(), host: null, said: '', points: new Map() };

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && st.csrf) headers['X-CSRF-Token'] = st.csrf;
    let r;
    try {
      // a change without a body still sends an empty one: a bodiless DELETE would go without Content-Length, which the
      // people API reads as a body of unknown type (415)
      r = await fetch(BASE + path, { method, headers, credentials: 'same-origin',
        body: body !== undefined ? JSON.stringify(body) : method === 'GET' ? undefined : '' });
    } catch (e) { throw Object.assign(new Error('network'), { status: 0 }); }
    const type = r.headers.get('Content-Type') || '';
    const data = r.status !== 204 && type.includes('json') ? await r.json() : null;
    if (!r.ok) throw Object.assign(new Error('HTTP ' + r.status), { status: r.status, problem: data });
    return data;
  }

  const has = role => !!st.me && st.me.roles.includes(role);

  async function refreshMe() {
    try {
      const me = await call('GET', '/account/me');
      st.me = me; st.csrf = me.csrf_token || st.csrf;
      const fav = await call('GET', '/account/favourites');
      st.favourites = new Set(fav.items);
    } catch (e) { st.me = null; st.csrf = null; st.favourites = new Set(); }
  }

  // ---------------------------------------------------------------- the account panel

  function open(opener) {
    st.opener = opener || document.activeElement;
    if (!$('details').hidden) $('details-close').click();
    render();
    $('account').hidden = false;
    $('account-h').focus();
  }

  function close() {
    $('account').hidden = true;
    // back where the panel was opened from, or to the header's button if that is gone or hidden (a closed details panel)
    if (st.opener && document.body.contains(st.opener) && st.opener.offsetParent) st.opener.focus();
    else $('account-open').focus();
  }

  function go(view, said) { st.view = view; st.said = said || ''; render(); $('account-h').focus(); }

  function headerButton() {
    const b = $('account-open');
    b.textContent = st.me ? t('myAccount') : t('signIn');
  }

  function render() {
    headerButton();
    const body = $('account-body');
    const parts = [];
    if (st.said) parts.push(el('p', { class: 'status', role: 'status', text: t(st.said) }));
    if (!st.me) {
      $('account-h').textContent = t({ signin: 'signIn', signup: 'signUp', verify: 'verifyTitle', reset: 'resetTitle',
        resetCode: 'resetTitle' }[st.view] || 'signIn');
      if (st.view === 'reset') parts.push(resetRequestForm(), linkButton('haveCode', () => go('resetCode')),
        linkButton('haveAccount', () => go('signin')));
      else if (st.view === 'resetCode') parts.push(resetConfirmForm(), linkButton('haveAccount', () => go('signin')));
      else if (st.view === 'signup') parts.push(signUpForm(), linkButton('haveAccount', () => go('signin')));
      else if (st.view === 'verify') parts.push(el('p', { text: t('codeSent', st.email) }), verifyForm(),
        linkButton('haveAccount', () => go('signin')));
      else parts.push(signInForm(), linkButton('noAccount', () => go('signup')), linkButton('haveCode', () => go('verify')),
        linkButton('forgot', () => go('reset')));
    } else {
      $('account-h').textContent = t('myAccount');
      parts.push(el('p', { text: t('hello', st.me.display_name) }),
        el('p', { class: 'muted', text: t('rolesAre', st.me.roles.map(r => t('r_' + r)).join(', ')) }),
        el('p', {}, button('signOut', signOut)));
      for (const [, make] of sections) { const s = make(); if (s) parts.push(s); }
    }
    body.replaceChildren(...parts);
  }

  function button(key, action, attrs) {
    const b = el('button', Object.assign({ type: 'button', text: t(key) }, attrs || {}));
    b.addEventListener('click', action);
    return b;
  }

  function linkButton(key, action) { return el('p', {}, button(key, action, { class: 'linkish' })); }

  function signInForm() {
    return F.form({ id: 'signin', label: 'signIn', submit: 'signIn', fields: [
      { name: 'email', label: 'email', type: 'email', required: true, maxlength: 254, autocomplete: 'username', value: st.email },
      { name: 'password', label: 'password', type: 'password', required: true, maxlength: 128, autocomplete: 'current-password' }],
    onSubmit: async v => {
      const r = await call('POST', '/account/login', { email: v.email, password: v.password, mode: 'cookie' });
      st.csrf = r.csrf_token;
      await refreshMe();
      changed();
      const back = st.returnTo;
      st.returnTo = null;
      if (back) { close(); st.host.openDetails(back); $('live').textContent = t('signedIn'); return; } // where they were
      go('home', 'signedIn');
    } });
  }

  function signUpForm() {
    return F.form({ id: 'signup', label: 'signUp', submit: 'signUp', fields: [
      { name: 'display_name', label: 'displayName', required: true, minlength: 2, maxlength: 60, autocomplete: 'nickname' },
      { name: 'email', label: 'email', type: 'email', required: true, maxlength: 254, autocomplete: 'email' },
      { name: 'password', label: 'password', type: 'password', required: true, minlength: 10, maxlength: 128,
        autocomplete: 'new-password', hint: 'passwordHint' }],
    onSubmit: async v => {
      await call('POST', '/account/signup', v);
      st.email = v.email;
      go('verify');
    } });
  }

  /* A code from a mail's link (#verify=… or #reset=…, docs/map-page.md) fills the form; the citizen confirms. */
  function verifyForm() {
    return F.form({ id: 'verify', label: 'verifyTitle', submit: 'confirm', fields: [
      { name: 'token', label: 'code', required: true, minlength: 20, maxlength: 100, hint: 'codeHint', value: st.code }],
    onSubmit: async v => {
      await call('POST', '/account/verify', { token: v.token });
      go('signin', 'verified');
    } });
  }

  function resetRequestForm() {
    return F.form({ id: 'reset', label: 'resetTitle', submit: 'sendCode', fields: [
      { name: 'email', label: 'email', type: 'email', required: true, maxlength: 254, autocomplete: 'email', value: st.email }],
    onSubmit: async v => {
      await call('POST', '/account/password-reset', { email: v.email });
      st.email = v.email;
      go('resetCode', 'resetSent'); // the same answer whether or not the address has an account
    } });
  }

  function resetConfirmForm() {
    return F.form({ id: 'reset-confirm', label: 'resetTitle', submit: 'confirm', fields: [
      { name: 'token', label: 'code', required: true, minlength: 20, maxlength: 100, value: st.code },
      { name: 'password', label: 'newPassword', type: 'password', required: true, minlength: 10, maxlength: 128,
        autocomplete: 'new-password', hint: 'passwordHint' }],
    onSubmit: async v => {
      await call('POST', '/account/password-reset/confirm', v);
      go('signin', 'passwordSet');
    } });
  }

  async function signOut() {
    try { await call('POST', '/account/logout'); } catch (e) { /* the session may have ended already */ }
    forget('signedOut');
  }

  /* The account is gone (signed out, or deleted): the page forgets it and says so. */
  function forget(said) {
    st.me = null; st.csrf = null; st.favourites = new Set();
    changed();
    go('signin', said);
  }

  /* A refused action outside a form: its problem in an alert at the top of the panel. */
  function refused(e) { st.said = ''; render(); $('account-body').prepend(el('p', { class: 'problem', role: 'alert', text: F.problemText(e) })); }

  /* Screens of other files: make() returns a section for the signed-in account, or null. Kept in `order`. */
  const sections = [];
  function section(order, make) { sections.push([order, make]); sections.sort((a, b) => a[0] - b[0]); }
  // provider.js 10, business.js 20, the queue 25, rewards.js 30, privacy.js 90 (last: deleting is the rarest act)
  section(25, () => has('MODERATOR') ? queueSection() : null);
  const pointParts = [];

  // ---------------------------------------------------------------- moderator: the queue

  function queueSection() {
    const box = el('div', { id: 'queue' });
    const s = el('section', { 'aria-labelledby': 'queue-h' }, el('h3', { id: 'queue-h', text: t('queue') }),
      el('p', {}, button('refresh', () => showQueue(box))), box);
    showQueue(box);
    return s;
  }

  async function showQueue(box) {
    let q;
    try { q = await call('GET', '/moderation/queue'); }
    catch (e) { box.replaceChildren(el('p', { class: 'problem', text: F.problemText(e) })); return; }
    const items = [];
    for (const l of q.listings) {
      const what = [l.address, l.city].filter(Boolean).join(', ') + ' · ' + l.vehicle_classes.map(v => t('v_' + v)).join(', ')
        + ' · ' + l.sockets.map(s => `${t('c_' + s.connector)} ${s.power_w} W`).join(', ');
      items.push(el('li', { class: 'q-item', 'data-id': l.id }, el('h4', { text: l.name }), el('p', { text: what }),
        l.description ? el('p', { class: 'muted', text: l.description }) : null,
        decision(l.id, 'listings', 'approve', 'reject', true, box)));
    }
    for (const r of q.reviews) {
      items.push(el('li', { class: 'q-item', 'data-id': r.id }, el('h4', { text: t('reviewOf', r.rating) }),
        el('p', { text: r.comment || '—' }), decision(r.id, 'reviews', 'publish', 'remove', false, box)));
    }
    box.replaceChildren(items.length ? el('ul', { class: 'plain' }, ...items) : el('p', { class: 'muted', text: t('queueEmpty') }));
  }

  /* Approve or publish at once; reject or remove only with a reason (3–500 characters), which the author is told. */
  function decision(id, kind, yes, no, listing, box) {
    const ok = button(yes, async () => {
      try { await call('POST', `/moderation/${kind}/${encodeURIComponent(id)}/${yes}`); $('live').textContent = t('done_' + yes); changed(); showQueue(box); }
      catch (e) { wrap.append(el('p', { class: 'problem', role: 'alert', text: F.problemText(e) })); }
    });
    const form = F.form({ id: `${no}-${id}`, label: no, submit: no, fields: [
      { name: 'reason', label: 'reason', type: 'textarea', required: true, minlength: 3, maxlength: 500 }],
    onSubmit: async v => { await call('POST', `/moderation/${kind}/${encodeURIComponent(id)}/${no}`, { reason: v.reason }); showQueue(box); } });
    const wrap = el('div', { class: 'decision' }, ok, el('details', {}, el('summary', { text: t(no) + '…' }), form));
    return wrap;
  }

  // ---------------------------------------------------------------- a point's details: reviews and the driver's acts

  /* The section under a point's details. Kept per point so that a live redraw of the details does not lose what the
     citizen is typing; built again when the language or the account changes. */
  function pointSection(p) {
    const key = `${p.id}|${I.lang}|${st.me ? st.me.id : ''}`;
    let s = st.points.get(p.id);
    if (s && s.key === key) return s.node;
    const node = el('div', { class: 'point-people' });
    s = { key, node };
    st.points.set(p.id, s);
    const reviews = el('div', { 'aria-live': 'polite' });
    for (const part of pointParts) { const x = part(p); if (x) node.append(x); } // e.g. the point's promotions
    node.append(el('h3', { text: t('reviews') }), reviews);
    showReviews(p.id, reviews);
    if (!st.me) {
      node.append(el('p', {}, button('signInToAct', () => { open($('account-open')); st.returnTo = p.id; })));
      return node;
    }
    const fav = st.favourites.has(p.id);
    const favButton = button(fav ? 'favOn' : 'favOff', async () => {
      const on = favButton.getAttribute('aria-pressed') !== 'true';
      try {
        await call(on ? 'PUT' : 'DELETE', `/account/favourites/${encodeURIComponent(p.id)}`);
        if (on) st.favourites.add(p.id); else st.favourites.delete(p.id);
        favButton.setAttribute('aria-pressed', String(on));
        favButton.textContent = t(on ? 'favOn' : 'favOff');
        st.host.favouritesChanged(); // the list, when it shows favourites only
      } catch (e) { $('live').textContent = F.problemText(e); }
    }, { 'aria-pressed': String(fav) });
    node.append(el('p', {}, favButton));
    const start = startForm(p);
    if (start) node.append(el('h3', { text: t('startCharging') }), start);
    node.append(el('h3', { text: t('checkIn') }), checkInForm(p, reviews), el('h3', { text: t('rate') }), reviewForm(p, reviews),
      el('h3', { text: t('fault') }), faultForm(p));
    return node;
  }

  async function showReviews(id, box) {
    try {
      const [rep, rs, prov] = await Promise.all([call('GET', `/points/${encodeURIComponent(id)}/reputation`),
        call('GET', `/points/${encodeURIComponent(id)}/reviews`),
        // whoever offers it, over all its points; none on record (404) for a module nobody claimed
        call('GET', `/points/${encodeURIComponent(id)}/provider-reputation`).catch(() => null)]);
      const head = el('p', { text: rep.ratings ? t('reputation', rep.score, rep.ratings) : t('noReviews') });
      const rel = rep.checkins ? el('p', { class: 'muted', text: t('reliability', rep.reliability, rep.checkins) }) : null;
      const provider = prov && prov.points > 1 && prov.ratings > rep.ratings
        ? el('p', { class: 'muted provider-reputation', text: t('providerReputation', prov.score, prov.points, prov.ratings) }) : null;
      const list = el('ul', { class: 'plain reviews' }, ...rs.items.map(r => el('li', {},
        el('span', { class: 'stars', 'aria-label': t('stars', r.rating), role: 'img', text: '★'.repeat(r.rating) + '☆'.repeat(5 - r.rating) }),
        ' ', el('span', { text: r.comment || '' }))));
      // replaceChildren would show a missing part as the text "null"
      box.replaceChildren(...[head, rel, provider, list].filter(Boolean));
    } catch (e) { box.replaceChildren(el('p', { class: 'muted', text: F.problemText(e) })); }
  }

  function checkInForm(p, reviews) {
    const f = F.form({ id: 'checkin', label: 'checkIn', submit: 'sendCheckIn', fields: [
      { name: 'outcome', label: 'outcome', type: 'radio', required: true, options: [['CHARGED', 'charged'], ['FAILED', 'failed']] },
      { name: 'reason', label: 'why', type: 'select', value: '',
        options: [['', 'choose'], ...['NO_POWER', 'OCCUPIED', 'BROKEN', 'NOT_ACCESSIBLE', 'WRONG_CONNECTOR', 'CLOSED', 'OTHER'].map(r => [r, 'w_' + r])],
        check: v => v.outcome === 'FAILED' && !v.reason ? t('e_why') : '' },
      { name: 'comment', label: 'comment', type: 'textarea', maxlength: 500 }],
    onSubmit: async v => {
      const body = { outcome: v.outcome };
      if (v.outcome === 'FAILED') body.reason = v.reason;
      if (v.comment) body.comment = v.comment;
      await call('POST', `/points/${encodeURIComponent(p.id)}/checkins`, body);
      showReviews(p.id, reviews);
      return 'checkedIn';
    } });
    const why = () => f.show('reason', f.values().outcome === 'FAILED');
    f.addEventListener('change', why);
    why();
    return f;
  }

  /* Start charging through the city (docs/map-page.md): only on a module's point that is online with a free socket.
     The module learns only that the city asks; the session's solar energy earns the driver points when it ends. */
  function startForm(p) {
    const free = (p.evses || []).filter(e => e.status === 'AVAILABLE').map(e => String(e.socket));
    if (!p.monitored || !p.module || !p.module.online || free.length === 0) return null;
    return F.form({ id: 'remote-start', label: 'startCharging', submit: 'startNow', fields: [
      { name: 'socket', label: 'socketNo', type: 'select', required: true, value: free[0], options: free.map(n => [n, n]) },
      { name: 'mode', label: 'chargeMode', type: 'radio', required: true, value: ['SOLAR_ONLY'],
        options: [['SOLAR_ONLY', 'mode_SOLAR_ONLY'], ['NOW', 'mode_NOW']], hint: 'solarPointsHint' }],
    onSubmit: async v => {
      await call('POST', `/points/${encodeURIComponent(p.id)}/sockets/${encodeURIComponent(v.socket)}/start`, { mode: v.mode });
      return 'chargingStarted';
    } });
  }

  function reviewForm(p, reviews) {
    return F.form({ id: 'review', label: 'rate', submit: 'sendReview', fields: [
      { name: 'rating', label: 'rating', type: 'radio', required: true, options: ['1', '2', '3', '4', '5'].map(n => [n, 'star' + n]) },
      { name: 'comment', label: 'comment', type: 'textarea', maxlength: 1000 }],
    onSubmit: async v => {
      const body = { rating: Number(v.rating) };
      if (v.comment) body.comment = v.comment;
      const r = await call('POST', `/points/${encodeURIComponent(p.id)}/reviews`, body);
      showReviews(p.id, reviews);
      return r.status === 'HELD' ? 'reviewHeld' : 'reviewPublished';
    } });
  }

  function faultForm(p) {
    return F.form({ id: 'fault', label: 'fault', submit: 'sendFault', fields: [
      { name: 'kind', label: 'faultKind', type: 'select', required: true, value: '',
        options: [['', 'choose'], ...['NO_POWER', 'DAMAGED', 'BLOCKED', 'UNSAFE', 'OTHER'].map(k => [k, 'fk_' + k])] },
      { name: 'description', label: 'l_description', type: 'textarea', maxlength: 1000,
        check: v => v.kind === 'OTHER' && !v.description ? t('e_required') : '' }],
    onSubmit: async v => {
      const body = { kind: v.kind };
      if (v.description) body.description = v.description;
      await call('POST', `/points/${encodeURIComponent(p.id)}/faults`, body);
      return 'faultSent';
    } });
  }

  // ---------------------------------------------------------------- wiring

  /* Someone signed in or out, or a listing changed the map: the details and the points are drawn again. */
  function changed() {
    st.points.clear();
    headerButton();
    if (st.host) st.host.changed();
  }

  async function init(host) {
    st.host = host;
    $('account-open').addEventListener('click', e => { st.returnTo = null; open(e.currentTarget); });
    $('account-close').addEventListener('click', close);
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && !$('account').hidden) close(); });
    // while the listing form is open, a tap on the map sets its position
    host.map().on('click', e => { if (st.listingForm && document.body.contains($(st.listingForm.id)) && !$('account').hidden) st.listingForm.setPosition(e.latlng.lat, e.latlng.lng); });
    await refreshMe();
    headerButton();
    if (st.me) st.view = 'home';
    fromMailLink();
    window.addEventListener('hashchange', fromMailLink); // the link opened in a tab that already shows the page
  }

  /* The links of the mails (docs/map-page.md: public.url ends with /map): #verify=code, #reset=code, #reset. */
  function fromMailLink() {
    const link = /^#(verify|reset)=([A-Za-z0-9_-]{20,100})$/.exec(location.hash);
    if (link) {
      history.replaceState(null, '', location.pathname + location.search); // the code leaves the address bar
      st.code = link[2];
      if (!st.me) { st.view = link[1] === 'verify' ? 'verify' : 'resetCode'; open($('account-open')); }
    } else if (location.hash === '#reset' && !st.me) { st.view = 'reset'; open($('account-open')); }
  }

  function relabel() { st.points.clear(); headerButton(); if (!$('account').hidden) render(); }

  /* What the other screens' files use (see the top of this file). */
  const kit = { st, call, has, button, linkButton, go, render, changed, refreshMe, forget, refused,
    onPoint: part => pointParts.push(part) };

  return { init, pointSection, relabel, open, section, kit,
    signedIn: () => !!st.me, isFavourite: id => st.favourites.has(id) };
})();
