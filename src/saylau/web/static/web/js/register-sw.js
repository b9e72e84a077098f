/* saylau observer app: register the service worker (root URL and scope, so that it also sees
 * the logout, when it empties its cache of API answers). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function (reg) {
    document.body.setAttribute("data-sw", "registered");
    reg.addEventListener("updatefound", function () {
      var worker = reg.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") document.body.setAttribute("data-sw", "activated");
      });
    });
    if (reg.active) document.body.setAttribute("data-sw", "activated");
  }).catch(function () {
    document.body.setAttribute("data-sw", "unavailable");
  });
})();
