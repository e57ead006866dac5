/* The city's public API as the page uses it (docs/city-api.md): nearest-first search, map clusters and live events.
   A runtime without /api/v1/search (before issue 9's search slice) is still served: the page then reads the whole
   list once and sorts it here, and polls instead of listening to events. The last answer is kept on the device, so
   the page shows it again offline, marked as old. */
'use strict';
window.MSG_API = (function () {
  const BASE = '/api/v1';
  const SAVED = 'msg-last-search';
  const R = 6371008.8; // the mean Earth radius the city's search uses: the same distances as the server's
  let hasSearch = null; // unknown until the first answer

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
    return q.toString();
  }

  function filterParams(f) {
    return { vehicle_class: f.vehicle || undefined, available_now: f.free ? 'true' : undefined,
      free_of_charge: f.gratis ? 'true' : undefined };
  }

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!r.ok) { const e = new Error('HTTP ' + r.status); e.status = r.status; throw e; }
    return r.json();
  }

  function distance(a, b) {
    const rad = Math.PI / 180, dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /* A socket the public can count on as free: never one of an offline or unmonitored point. */
  function isFree(point, evse) {
    return point.monitored !== false && !(point.module && point.module.online === false) && evse.status === 'AVAILABLE';
  }

  function matches(p, f) {
    if (f.free && !p.evses.some(e => isFree(p, e))) return false;
    if (f.gratis && !p.free_of_charge) return false;
    if (f.vehicle && !(p.vehicle_classes || []).includes(f.vehicle)) return false;
    return true;
  }

  /* Before the search endpoint: every point, paged by the list's largest page, filtered and sorted here. */
  async function searchByList(origin, f, limit) {
    const all = [];
    for (let offset = 0; ; offset += 500) {
      const page = await getJson(`${BASE}/locations?limit=500&offset=${offset}`);
      all.push(...page.items);
      if (offset + 500 >= page.total || page.items.length === 0) break;
    }
    const items = all.filter(p => matches(p, f)).map(p => ({ distance_m: distance(origin, p), point: p }))
      .sort((a, b) => a.distance_m - b.distance_m || (a.point.id < b.point.id ? -1 : 1)).slice(0, limit);
    return { origin, items, more: false };
  }

  async function searchOnline(origin, f, limit) {
    if (hasSearch !== false) {
      try {
        const r = await getJson(`${BASE}/search?` + query(Object.assign({ lat: origin.latitude.toFixed(6),
          lon: origin.longitude.toFixed(6), radius: 50000, limit }, filterParams(f))));
        hasSearch = true;
        return r;
      } catch (e) {
        if (e.status !== 404) throw e;
        hasSearch = false;
      }
    }
    return searchByList(origin, f, limit);
  }

  /* Nearest points for a position and filters: {items, savedAt} with savedAt set when the answer is an old one. */
  async function search(origin, f, limit) {
    try {
      const r = await searchOnline(origin, f, limit);
      try { localStorage.setItem(SAVED, JSON.stringify({ at: Date.now(), origin, filters: f, answer: r })); } catch (e) { /* full */ }
      return { items: r.items, savedAt: null };
    } catch (e) {
      let saved = null;
      try { saved = JSON.parse(localStorage.getItem(SAVED) || 'null'); } catch (x) { /* unreadable */ }
      if (!saved) throw e;
      // an old answer, filtered again here for the filters now asked; its distances are re-measured from the position
      const items = saved.answer.items.map(h => ({ distance_m: distance(origin, h.point), point: h.point }))
        .filter(h => matches(h.point, f)).sort((a, b) => a.distance_m - b.distance_m);
      return { items, savedAt: saved.at };
    }
  }

  /* Map clusters for the visible box, or null when the runtime has no cluster endpoint (markers come from the list). */
  async function clusters(bounds, zoom, f) {
    if (hasSearch === false) return null;
    const bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map(x => x.toFixed(5)).join(',');
    try {
      return await getJson(`${BASE}/clusters?` + query(Object.assign({ bbox, zoom }, filterParams(f))));
    } catch (e) {
      if (e.status === 404 || e.status === 400) return null; // no endpoint, or a box it refuses: markers from the list
      throw e;
    }
  }

  /* Live availability for a box: onChange(event data) for every change, onReload() when the page must ask again,
     onLost() when the stream drops (what is shown may grow old). EventSource resumes by itself after a drop
     (Last-Event-ID) and the page asks again then; a runtime without events is polled every 5 s. */
  function live(bbox, onChange, onReload, onLost) {
    let es = null, timer = null, stopped = false;
    const poll = () => { timer = setInterval(() => { if (!stopped) onReload(); }, 5000); };
    if (!window.EventSource || hasSearch === false) { poll(); }
    else {
      es = new EventSource(`${BASE}/events?bbox=` + bbox.map(x => x.toFixed(5)).join(','));
      es.addEventListener('availability', m => onChange(JSON.parse(m.data)));
      es.addEventListener('reload', () => onReload());
      let lost = false;
      es.onopen = () => { if (lost) { lost = false; onReload(); } };
      es.onerror = () => {
        if (stopped) return;
        if (es.readyState === EventSource.CLOSED) { es = null; poll(); return; }
        if (!lost) { lost = true; onLost(); }
      };
    }
    return { stop() { stopped = true; if (es) es.close(); if (timer) clearInterval(timer); } };
  }

  return { search, clusters, live, isFree, distance };
})();
