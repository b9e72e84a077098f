{% autoescape off %}/* saylau observer app: service worker (served by saylau.web.views.observe.service_worker).
 *
 * Keeps the app shell (the /observe/ page and its static files) for offline
 * use; answers the form and deployment API reads from the network first and
 * from its cache when offline; never touches POSTs: sending the outbox is
 * the page's job (it reads the CSRF cookie), and a Background Sync event
 * only asks the open pages to send. Logging out empties the API cache.
 */
"use strict";

var VERSION = "{{ version }}";
var SHELL = "saylau-shell-" + VERSION;
var DATA = "saylau-data";
var PRECACHE = {{ precache }};
var API = {{ api }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { credentials: "same-origin" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("saylau-shell-") === 0 && n !== SHELL; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function isApiRead(url) {
  return url.pathname.indexOf(API.forms) === 0 || url.pathname === API.deployment;
}

function networkFirst(request, cacheName, fallbackUrl) {
  return fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(cacheName).then(function (cache) { cache.put(fallbackUrl || request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(fallbackUrl || request).then(function (hit) {
      return hit || new Response("offline", { status: 503, headers: { "Content-Type": "text/plain" } });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/accounts/logout/") {
    event.waitUntil(caches.delete(DATA));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate" && url.pathname.indexOf("/observe/") === 0) {
    event.respondWith(networkFirst(request, SHELL, "/observe/"));
  } else if (PRECACHE.indexOf(url.pathname) !== -1) {
    event.respondWith(caches.match(request).then(function (hit) { return hit || fetch(request); }));
  } else if (isApiRead(url)) {
    event.respondWith(networkFirst(request, DATA));
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag !== "saylau-outbox") return;
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage({ type: "flush" }); });
  }));
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "skipWaiting") self.skipWaiting();
});
{% endautoescape %}
