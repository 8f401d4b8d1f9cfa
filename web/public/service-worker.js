// Guichet's service worker, served at the site's root so that its scope is the whole app. It shows
// the notifications the server pushes (web push, encrypted for this browser only) and opens the
// page a notification points to when it is clicked, and keeps the app and the person's calendar
// readable offline (an installable app: see manifest.webmanifest). Plain JavaScript: the browser
// loads it as is. One service worker per scope: every offline feature belongs in this file.

/* global self, clients, caches */

const pickLanguage = () => ((self.navigator.language || 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr');

self.addEventListener('push', (event) => {
  if (!event.data) return;
  let message;
  try {
    message = event.data.json();
  } catch {
    return;
  }
  const lang = pickLanguage();
  event.waitUntil(
    self.registration.showNotification(message.title[lang] || message.title.fr, {
      body: message.body[lang] || message.body.fr,
      lang,
      data: { link: message.link || '/mes-notifications' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data.link, self.location.origin).href;
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url === target);
      return open ? open.focus() : clients.openWindow(target);
    }),
  );
});

// Offline: the app shell (index.html and its hashed assets) and the person's own calendar. Always
// the network first, the copy only when it fails: nobody sees stale data while online. Nothing
// else of the API is kept, and the copy goes at logout (a shared phone).
const CACHE = 'guichet-hors-ligne-v1';
const CACHED_API = new Set(['/api/v1/journeys', '/api/v1/session']);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add('/')));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

const networkFirst = async (request, fallbackKey) => {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackKey || request, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(fallbackKey || request);
    if (copy) return copy;
    throw error;
  }
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/v1/session/logout') {
    event.respondWith(caches.delete(CACHE).then(() => fetch(request)));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, '/'));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(networkFirst(request));
  else if (CACHED_API.has(url.pathname)) event.respondWith(networkFirst(request));
});
