/* Service worker of the map page: the page's own files are kept so it opens again offline; the data it shows then is
   the last answer the page itself saved (api.js), marked as old. API calls are never cached here: live status must
   come from the network or say that it is old. */
'use strict';
const CACHE = 'msg-map-v5';
const SHELL = ['./', 'index.html', 'app.css', 'i18n.js', 'i18n-account.js', 'api.js', 'door.js', 'forms.js', 'i18n-screens.js', 'account.js', 'provider.js', 'couriers.js', 'business.js', 'rewards.js', 'privacy.js', 'app.js', 'config.json', 'places.json', 'manifest.webmanifest',
  'icon.svg', 'vendor/leaflet/leaflet.js', 'vendor/leaflet/leaflet.css'];

self.addEventListener('install', e => {
  e.waitUntil(caches.open(CACHE).then(c => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', e => {
  e.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/* The page's files: from the network when it answers (a new version at once), else from the cache. */
self.addEventListener('fetch', e => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/map/')) return;
  e.respondWith(fetch(e.request).then(r => {
    if (r.ok) { const copy = r.clone(); caches.open(CACHE).then(c => c.put(e.request, copy)); }
    return r;
  }).catch(() => caches.match(e.request, { ignoreSearch: true })));
});
