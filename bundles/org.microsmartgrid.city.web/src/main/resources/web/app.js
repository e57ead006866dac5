/* The public map page (docs/map-page.md): a list of the nearest points, the same points on a Leaflet map, details
   with directions, filters, live availability, Italian and English. The list is the page's main content: the map
   repeats it for those who can see it (Leaflet alone does not meet WCAG). */
'use strict';
(function () {
  const I = window.MSG_I18N, API = window.MSG_API, t = (...a) => I.t(...a);
  const $ = id => document.getElementById(id);
  const SYMBOL = { AVAILABLE: '✓', CHARGING: '⚡', BLOCKED: '■', RESERVED: '◷', INOPERATIVE: '✕', OUTOFORDER: '✕',
    PLANNED: '…', REMOVED: '✕', UNKNOWN: '?' };
  const LIMIT = 50;
  const state = { origin: null, fromUser: false, filters: { free: false, gratis: false, vehicle: '', fav: false },
    hits: [], savedAt: null, fit: true, config: null, map: null, layer: null, live: null, opener: null, detailsId: null };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function fmtTime(ms) {
    return new Date(ms).toLocaleString(I.lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  }

  /* One socket as the public may read it: status word, symbol and class (never colour alone), and how old it is. */
  function socketView(point, evse) {
    const offline = point.module && point.module.online === false;
    let status = evse.status || 'UNKNOWN';
    if (offline || point.monitored === false) status = 'UNKNOWN';
    const label = offline ? t('offlineModule') : point.monitored === false ? t('notMonitored') : t('s_' + status);
    let age = null;
    if (evse.status_captured && !offline) {
      const s = Math.max(0, (Date.now() - Date.parse(evse.status_captured)) / 1000);
      if (s > 300 || state.savedAt) age = t('updated', t('ago', s)); // a status older than 5 minutes says so
    }
    return { status, label, symbol: SYMBOL[status] || '?', age };
  }

  function summary(point) {
    const n = point.evses.length, free = point.evses.filter(e => API.isFree(point, e)).length;
    if (point.module && point.module.online === false) return { cls: 'UNKNOWN', text: t('offlineModule'), free };
    if (point.monitored === false) return { cls: 'UNKNOWN', text: t('notMonitored'), free };
    return { cls: free > 0 ? 'AVAILABLE' : n > 0 && point.evses.every(e => e.status === 'CHARGING') ? 'CHARGING' : 'UNKNOWN',
      text: t('freeOf', free, n), free };
  }

  function pointName(p) {
    return p.operator_type === 'PRIVATE_INDIVIDUAL' ? t('privatePoint') : p.name;
  }

  // ---------------------------------------------------------------- list

  function renderList() {
    const list = $('results'), focusedId = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.id : null;
    list.replaceChildren(...state.hits.map(h => {
      const p = h.point, s = summary(p);
      const open = el('button', { type: 'button', class: 'item', 'data-id': p.id },
        el('span', { class: 'item-name', text: pointName(p) }),
        el('span', { class: 'item-dist', text: t('distance', h.distance_m) }),
        el('span', { class: 'badge s-' + s.cls }, el('span', { 'aria-hidden': 'true', text: SYMBOL[s.cls] + ' ' }), s.text));
      open.addEventListener('click', () => openDetails(p.id, open));
      return el('li', { 'data-id': p.id }, open);
    }));
    if (focusedId) { const again = list.querySelector(`button[data-id="${CSS.escape(focusedId)}"]`); if (again) again.focus(); }
    $('summary').textContent = t('count', state.hits.length,
      state.place ? t('placeWhere', state.place) : state.fromUser ? t('yourPosition') : t('mapCentre'));
  }

  // ---------------------------------------------------------------- map

  function initMap() {
    const c = state.config;
    const map = L.map('map', { keyboard: true, zoomControl: true, attributionControl: true })
      .setView([c.start.latitude, c.start.longitude], c.start.zoom);
    map.attributionControl.setPrefix(false); // no Leaflet logo link; the tiles' attribution stays
    if (c.tile_url) L.tileLayer(c.tile_url, { maxZoom: c.tile_max_zoom, attribution: escapeText(c.tile_attribution) }).addTo(map);
    map.getContainer().setAttribute('aria-label', t('mapLabel'));
    state.map = map;
    state.layer = L.layerGroup().addTo(map);
    map.on('moveend', debounce(refreshMarkers, 300));
  }

  function escapeText(s) { const d = document.createElement('div'); d.textContent = s || ''; return d.innerHTML; }

  function pointMarker(p) {
    const s = summary(p);
    const icon = L.divIcon({ className: 'pin s-' + s.cls, iconSize: [34, 34], iconAnchor: [17, 17],
      html: `<span aria-hidden="true">${SYMBOL[s.cls]}${s.free > 0 ? s.free : ''}</span>` });
    const m = L.marker([p.latitude, p.longitude], { icon, keyboard: true, title: t('markerTitle', pointName(p), s.text) });
    onActivate(m, () => openDetails(p.id, m.getElement()));
    return m;
  }

  function clusterMarker(c) {
    const icon = L.divIcon({ className: 'pin cluster', iconSize: [40, 40], iconAnchor: [20, 20],
      html: `<span aria-hidden="true">${c.count}</span>` });
    const m = L.marker([c.latitude, c.longitude], { icon, keyboard: true, title: t('cluster', c.count) });
    onActivate(m, () => state.map.fitBounds([[c.bbox[1], c.bbox[0]], [c.bbox[3], c.bbox[2]]], { padding: [20, 20] }));
    return m;
  }

  /* A marker is a button: a click, or Enter or Space when it has the focus (Leaflet 1.9 only fires "keypress"). */
  function onActivate(marker, action) {
    marker.on('click', action);
    marker.on('keypress', e => {
      const k = e.originalEvent.key;
      if (k === 'Enter' || k === ' ') { e.originalEvent.preventDefault(); action(); }
    });
  }

  /* Server-side clusters when the runtime has them (130,000 points never reach the browser); else the list's points. */
  async function refreshMarkers() {
    if (!state.map) return;
    let answer = null;
    // favourites only: the list's points (the city's clusters do not know whose favourites they are)
    try { if (!state.savedAt && !state.filters.fav) answer = await API.clusters(state.map.getBounds(), state.map.getZoom(), state.filters); }
    catch (e) { answer = null; }
    const markers = answer ? [...answer.clusters.map(clusterMarker), ...answer.points.map(pointMarker)]
      : state.hits.map(h => pointMarker(h.point));
    state.layer.clearLayers();
    for (const m of markers) state.layer.addLayer(m);
    document.body.dataset.markers = String(markers.length);
    if (markers.length && !performance.getEntriesByName('msg-first-markers').length) performance.mark('msg-first-markers'); // the benchmark reads it
  }

  // ---------------------------------------------------------------- details

  function openDetails(id, opener) {
    const hit = state.hits.find(h => h.point.id === id);
    if (!hit) return;
    if (!$('account').hidden) $('account-close').click(); // one side panel at a time
    state.opener = opener || document.activeElement;
    state.detailsId = id;
    renderDetails();
    $('details').hidden = false;
    $('details-h').focus();
  }

  function renderDetails() {
    const hit = state.hits.find(h => h.point.id === state.detailsId);
    if (!hit) { closeDetails(); return; }
    const p = hit.point;
    $('details-h').textContent = pointName(p);
    const rows = [];
    if (p.address) rows.push(el('p', { text: [p.address, p.city].filter(Boolean).join(', ') }));
    rows.push(el('p', { text: t('distance', hit.distance_m) }));
    rows.push(el('h3', { text: t('sockets') }));
    rows.push(el('ul', { class: 'sockets' }, ...p.evses.map(e => {
      const v = socketView(p, e);
      const kinds = (e.connectors || []).map(c => `${I.or('c_' + c.standard, c.standard)} ${c.max_power_w ? Math.round(c.max_power_w) + ' W' : ''}`.trim()).join(', ');
      return el('li', { 'data-socket': e.socket },
        el('span', { class: 'badge s-' + v.status }, el('span', { 'aria-hidden': 'true', text: v.symbol + ' ' }),
          `${t('socket', e.socket)}: ${v.label}`),
        kinds ? el('span', { class: 'muted', text: ' ' + kinds }) : null,
        v.age ? el('span', { class: 'muted', text: ' (' + v.age + ')' }) : null);
    })));
    const dl = el('dl');
    const add = (k, v) => { if (v) dl.append(el('dt', { text: k }), el('dd', { text: v })); };
    add(t('vehicles'), (p.vehicle_classes || []).map(v => t('v_' + v)).join(', '));
    add(t('price'), p.free_of_charge ? t('free') : p.price);
    add(t('hours'), p.opening_hours || '24/7'); // OSM opening_hours text; none given means always open (registry)
    add(t('facilities'), (p.facilities || []).join(', ').toLowerCase().replace(/_/g, ' '));
    rows.push(dl);
    const geo = `geo:${p.latitude},${p.longitude}?q=${p.latitude},${p.longitude}(${encodeURIComponent(pointName(p))})`;
    rows.push(el('p', {}, el('a', { class: 'button', href: geo, text: t('directions') })));
    if (window.MSG_DOOR) rows.push(window.MSG_DOOR.section(p)); // "Sono alla porta", when the point has doors
    if (state.accountOn) rows.push(window.MSG_ACCOUNT.pointSection(p)); // reviews; check-in, rating, fault, favourite
    $('details-body').replaceChildren(...rows);
  }

  /* Focus goes back where it was: the opener, or (if a live update redrew it) the same point's entry in the list. */
  function closeDetails() {
    const id = state.detailsId;
    $('details').hidden = true;
    state.detailsId = null;
    const again = id && $('results').querySelector(`button[data-id="${CSS.escape(id)}"]`);
    if (state.opener && document.body.contains(state.opener)) state.opener.focus();
    else if (again) again.focus();
    else $('results').focus();
  }

  // ---------------------------------------------------------------- data

  async function load() {
    const origin = state.origin || { latitude: state.config.start.latitude, longitude: state.config.start.longitude };
    try {
      const r = await API.search(origin, state.filters, LIMIT);
      // "Solo preferiti": the signed-in citizen's favourites among the nearest points (kept on the server, account.js)
      state.hits = state.filters.fav ? r.items.filter(h => window.MSG_ACCOUNT.isFavourite(h.point.id)) : r.items;
      state.savedAt = r.savedAt;
      if (!r.savedAt) state.lastOkAt = Date.now();
      notice(r.savedAt ? (navigator.onLine === false ? t('offline', fmtTime(r.savedAt)) : t('stale', fmtTime(r.savedAt))) : '');
    } catch (e) {
      state.hits = [];
      notice(t('noData'));
    }
    renderList();
    if (state.detailsId) renderDetails();
    if (state.fit) fitToNearest(origin);
    await refreshMarkers();
    listen();
  }

  /* After a new position: the map shows where the citizen is and the nearest few points. */
  function fitToNearest(origin) {
    state.fit = false;
    const pts = state.hits.slice(0, 5).map(h => [h.point.latitude, h.point.longitude]);
    if (state.fromUser) {
      pts.push([origin.latitude, origin.longitude]);
      // where the citizen is: a dot for the eye only (the list says "from your location" in words)
      if (!state.me) state.me = L.circleMarker([0, 0], { radius: 7, weight: 3, color: '#fff', fillColor: '#0b5394',
        fillOpacity: 1, interactive: false }).addTo(state.map);
      state.me.setLatLng([origin.latitude, origin.longitude]);
    }
    if (pts.length > 1) state.map.fitBounds(pts, { padding: [40, 40], maxZoom: 16, animate: false });
    else if (pts.length === 1) state.map.setView(pts[0], Math.max(state.map.getZoom(), 15), { animate: false });
  }

  function notice(text) { $('notice').textContent = text; $('notice').hidden = !text; }

  /* One stream for the box around the map and the listed points; restarted when that box changes. */
  function listen() {
    const pts = state.hits.map(h => h.point);
    const b = state.map.getBounds();
    const box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    for (const p of pts) {
      box[0] = Math.min(box[0], p.longitude); box[1] = Math.min(box[1], p.latitude);
      box[2] = Math.max(box[2], p.longitude); box[3] = Math.max(box[3], p.latitude);
    }
    const key = box.map(x => x.toFixed(3)).join(',');
    if (state.live && state.live.key === key) return;
    if (state.live) state.live.stop();
    state.live = API.live(box, onAvailability, reloadSoon,
      () => notice(t('stale', fmtTime(state.lastOkAt || Date.now())))); // the server gone mid-session: say so
    state.live.key = key;
  }

  async function reloadQuietly() {
    const before = new Map(state.hits.map(h => [h.point.id, h.point]));
    await load();
    for (const h of state.hits) announceChanges(before.get(h.point.id), h.point);
  }

  const reloadSoon = debounce(() => reloadQuietly(), 200);
  const markersSoon = debounce(() => refreshMarkers(), 500);

  function onAvailability(ev) {
    const hit = state.hits.find(h => h.point.id === ev.id);
    if (!hit) { if (state.filters.free) reloadSoon(); else markersSoon(); return; } // may now match "free now"
    const before = JSON.parse(JSON.stringify(hit.point));
    hit.point.evses = hit.point.evses.map(e => Object.assign({}, e, (ev.evses || []).find(x => x.socket === e.socket) || {}));
    hit.point.module = Object.assign({}, hit.point.module, { online: ev.module_online });
    hit.point.monitored = ev.monitored;
    if (state.filters.free && !hit.point.evses.some(e => API.isFree(hit.point, e))) state.hits = state.hits.filter(h => h !== hit);
    renderList();
    if (state.detailsId) renderDetails();
    refreshMarkers();
    announceChanges(before, hit.point);
  }

  function announceChanges(before, after) {
    if (!before) return;
    const said = [];
    for (const e of after.evses) {
      const old = before.evses.find(x => x.socket === e.socket);
      const a = socketView(after, e), b = old ? socketView(before, old) : null;
      if (!b || a.label !== b.label) said.push(t('liveChange', pointName(after), t('socket', e.socket), a.label));
    }
    if (said.length) $('live').textContent = said.slice(0, 3).join(' ');
  }

  function debounce(fn, ms) { let h = null; return (...a) => { clearTimeout(h); h = setTimeout(() => fn(...a), ms); }; }

  // ---------------------------------------------------------------- controls

  function locate() {
    if (!navigator.geolocation) { notice(t('geoDenied')); return; }
    navigator.geolocation.getCurrentPosition(pos => {
      state.origin = { latitude: pos.coords.latitude, longitude: pos.coords.longitude };
      state.fromUser = true;
      state.place = null;
      state.fit = true;
      load();
    }, () => notice(t('geoDenied')), { enableHighAccuracy: false, timeout: 10000, maximumAge: 0 }); // where the citizen is now, not where they were
  }

  /* Places are searched on the phone, in the city's own list: a search is sent to no one and works offline. */
  const plain = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

  async function places() {
    if (!state.places) {
      try { state.places = await (await fetch('places.json')).json(); } catch (e) { state.places = []; }
      $('places').replaceChildren(...state.places.map(p => el('option', { value: p.name })));
    }
    return state.places;
  }

  async function searchPlace() {
    const q = $('place').value;
    if (!plain(q)) return;
    const all = await places();
    const found = all.find(p => plain(p.name) === plain(q)) || all.find(p => plain(p.name).includes(plain(q)));
    if (!found) { notice(t('placeNotFound', q.trim())); return; }
    notice('');
    state.origin = { latitude: found.lat, longitude: found.lon };
    state.place = found.name;
    state.fromUser = false;
    state.fit = true;
    load();
  }

  function applyLanguage() {
    I.apply(document);
    document.title = `${t('title')} – Micro Smart Grid`;
    const other = I.other();
    const b = $('lang');
    b.textContent = I.in(other, 'switchTo'); // the other language's name, in that language (its visible text is its name)
    b.setAttribute('lang', other);
    if (state.map) {
      state.map.getContainer().setAttribute('aria-label', t('mapLabel'));
      for (const [cls, key] of [['.leaflet-control-zoom-in', 'zoomIn'], ['.leaflet-control-zoom-out', 'zoomOut']]) {
        const b = state.map.getContainer().querySelector(cls); // Leaflet names its buttons in English only
        if (b) { b.title = t(key); b.setAttribute('aria-label', t(key)); }
      }
    }
    if (state.accountOn) window.MSG_ACCOUNT.relabel();
    renderList();
    if (state.detailsId) renderDetails();
    refreshMarkers();
  }

  /* The favourites filter is there only for a signed-in citizen; signing out drops it. */
  function favShown() {
    const on = window.MSG_ACCOUNT.signedIn();
    $('f-fav-label').hidden = !on;
    if (!on && state.filters.fav) { $('f-fav').checked = false; state.filters.fav = false; }
  }

  /* The signed-in screens, in the order they build on each other (forms.js → account.js's kit → the others). */
  const SIGNED_IN_SCRIPTS = ['forms.js', 'i18n-screens.js', 'account.js', 'provider.js', 'couriers.js', 'business.js', 'rewards.js', 'privacy.js'];

  /* Appends the scripts (downloaded in parallel, run in order); resolves when the last one has run. */
  function loadScripts(files) {
    return new Promise((resolve, reject) => {
      files.forEach((f, i) => {
        const s = document.createElement('script');
        s.src = f;
        s.async = false;
        if (i === files.length - 1) s.onload = resolve;
        s.onerror = () => reject(new Error(f));
        document.head.appendChild(s);
      });
    });
  }

  async function start() {
    try { state.config = await (await fetch('config.json')).json(); }
    catch (e) { state.config = { start: { latitude: 45.4642, longitude: 9.19, zoom: 14 } }; } // offline, first visit
    initMap();
    applyLanguage();
    // the signed-in screens load beside the first search, not before it: eight more scripts and a GET of the account
    // on a phone's network would delay the first markers by round trips (docs/benchmarks.md §11)
    const accountReady = loadScripts(SIGNED_IN_SCRIPTS).then(() => window.MSG_ACCOUNT.init({ map: () => state.map,
      openDetails: id => openDetails(id, $('results').querySelector(`button[data-id="${CSS.escape(id)}"]`)),
      changed: () => { favShown(); if (state.detailsId) renderDetails(); load(); },
      favouritesChanged: () => { if (state.filters.fav) load(); } })).then(() => {
      state.accountOn = true; // from now on the details carry the driver's section
      favShown();
      applyLanguage();
      if (state.detailsId) renderDetails();
    });
    accountReady.catch(e => console.warn('signed-in screens not loaded', e));
    // a tap on "Accedi" before they are there is kept and done once they are
    const early = () => accountReady.then(() => $('account-open').click());
    $('account-open').addEventListener('click', early, { once: true });
    accountReady.then(() => $('account-open').removeEventListener('click', early), () => { /* warned above */ });
    $('locate').addEventListener('click', locate);
    $('lang').addEventListener('click', () => { I.set(I.other()); applyLanguage(); });
    $('f-free').addEventListener('change', e => { state.filters.free = e.target.checked; load(); });
    $('f-gratis').addEventListener('change', e => { state.filters.gratis = e.target.checked; load(); });
    $('f-fav').addEventListener('change', e => { state.filters.fav = e.target.checked; load(); });
    $('f-vehicle').addEventListener('change', e => { state.filters.vehicle = e.target.value; load(); });
    $('controls').addEventListener('submit', e => { e.preventDefault(); searchPlace(); });
    $('place').addEventListener('focus', places, { once: true });
    // picking a suggestion searches at once; typing searches on Enter (the form's submit)
    $('place').addEventListener('input', e => { if (!e.inputType || e.inputType === 'insertReplacementText') searchPlace(); });
    $('details-close').addEventListener('click', closeDetails);
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && !$('details').hidden) closeDetails(); });
    window.addEventListener('online', () => load());
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => { /* optional */ });
    await load();
    if (navigator.permissions) {
      try { if ((await navigator.permissions.query({ name: 'geolocation' })).state === 'granted') locate(); } catch (e) { /* ask on click */ }
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
