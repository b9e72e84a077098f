/* saylau observer app: what the device keeps, in IndexedDB.
 *
 * One database per user ("saylau-observe:<username>") with five stores:
 *   forms   form JSON by form id (for filling in while offline)
 *   meta    small things by key (the deployment, the form list)
 *   drafts  forms being filled in, by client UUID
 *   outbox  completed submissions waiting for the server to acknowledge, by UUID
 *   sent    acknowledged submissions (the server's id and status), by UUID
 * A submission keeps its UUID from draft to outbox to sent, so every retry is
 * the same submission to the server.
 */
(function (root) {
  "use strict";

  var VERSION = 1;
  var STORES = ["forms", "meta", "drafts", "outbox", "sent"];

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function open(username) {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open("saylau-observe:" + username, VERSION);
      req.onupgradeneeded = function () {
        var db = req.result;
        STORES.forEach(function (name) {
          if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
        });
      };
      req.onsuccess = function () { resolve(new Store(req.result)); };
      req.onerror = function () { reject(req.error); };
      req.onblocked = function () { reject(new Error("the device database is blocked by another tab")); };
    });
  }

  function Store(db) { this.db = db; }

  Store.prototype.tx = function (name, mode) {
    return this.db.transaction(name, mode || "readonly").objectStore(name);
  };
  Store.prototype.get = function (name, key) { return request(this.tx(name).get(key)); };
  Store.prototype.put = function (name, key, value) {
    var store = this.tx(name, "readwrite");
    return request(store.put(value, key)).then(function () { return value; });
  };
  Store.prototype.delete = function (name, key) { return request(this.tx(name, "readwrite").delete(key)); };
  Store.prototype.all = function (name) {
    var store = this.tx(name);
    return Promise.all([request(store.getAllKeys()), request(store.getAll())]).then(function (r) {
      return r[0].map(function (key, i) { return { key: key, value: r[1][i] }; });
    });
  };
  /* Move a record from one store to another in one transaction (draft -> outbox -> sent). */
  Store.prototype.move = function (from, to, key, value) {
    var tx = this.db.transaction([from, to], "readwrite");
    tx.objectStore(from).delete(key);
    tx.objectStore(to).put(value, key);
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(value); };
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error("aborted")); };
    });
  };

  root.SaylauStore = { open: open };
})(typeof self !== "undefined" ? self : this);
