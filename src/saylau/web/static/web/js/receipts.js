/* saylau observer app: checking a kept receipt against the mission's ledger.
 *
 * A receipt is what the server answered when it stored a report: the ledger
 * entry's sequence number and hash. Checking it later asks the server for the
 * entry's current receipt and checks, in the browser, with nothing trusted
 * but the keys the device saw first (verifier/README.md has the rules):
 *   - the entry still has the hash the device kept (not changed since);
 *   - the inclusion proof leads from that hash to the checkpoint's root
 *     (RFC 6962: leaf = SHA-256(0x00 || hash), node = SHA-256(0x01 || l || r));
 *   - the checkpoint is signed (Ed25519, C2SP signed note) by a kept key.
 * Outcomes: "included", "pending" (no checkpoint covers it yet), "changed",
 * "bad_proof", "bad_signature", "unavailable" (offline or no answer).
 */
(function (root) {
  "use strict";

  function hex(bytes) { return Array.from(new Uint8Array(bytes), function (b) { return (b + 0x100).toString(16).slice(1); }).join(""); }
  function fromHex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
  }
  function fromB64(text) { return Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); }); }
  function concat(parts) {
    var n = parts.reduce(function (s, p) { return s + p.length; }, 0), out = new Uint8Array(n), at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }
  function sha256(bytes) { return crypto.subtle.digest("SHA-256", bytes).then(function (d) { return new Uint8Array(d); }); }
  function leaf(hashHex) { return sha256(concat([new Uint8Array([0]), fromHex(hashHex)])); }
  function node(l, r) { return sha256(concat([new Uint8Array([1]), l, r])); }
  function largestPowerBelow(n) { var k = 1; while (k * 2 < n) k *= 2; return k; }

  /* The root an inclusion path gives (path from the leaf upwards), or null if it has the wrong length. */
  function rootByPath(index, size, leafHash, path) {
    if (size === 1) return Promise.resolve(path.length ? null : leafHash);
    if (!path.length) return Promise.resolve(null);
    var k = largestPowerBelow(size), sibling = path[path.length - 1], rest = path.slice(0, -1);
    if (index < k) {
      return rootByPath(index, k, leafHash, rest).then(function (r) { return r && node(r, sibling); });
    }
    return rootByPath(index - k, size - k, leafHash, rest).then(function (r) { return r && node(sibling, r); });
  }

  function parseNote(note) {
    var cut = note.indexOf("\n\n");
    if (cut < 0) return null;
    var body = note.slice(0, cut + 1), lines = body.replace(/\n$/, "").split("\n");
    return { body: body, origin: lines[0], size: parseInt(lines[1], 10), root: fromB64(lines[2]),
      signatures: note.slice(cut + 2).split("\n").filter(Boolean) };
  }

  /* keys: verifier key strings ("name+id+base64(0x01 || public key)"). */
  function verifyNote(note, keys) {
    var parsed = parseNote(note);
    if (!parsed) return Promise.resolve(false);
    var checks = [];
    parsed.signatures.forEach(function (line) {
      var parts = line.replace(/^\u2014 /, "").split(" "), name = parts[0], blob = fromB64(parts[parts.length - 1]);
      keys.forEach(function (key) {
        var k = key.split("+");
        if (k[0] !== name || hex(blob.slice(0, 4)) !== k[1]) return;
        var pub = fromB64(k[2]).slice(1);
        checks.push(crypto.subtle.importKey("raw", pub, { name: "Ed25519" }, false, ["verify"]).then(function (ck) {
          return crypto.subtle.verify({ name: "Ed25519" }, ck, blob.slice(4), new TextEncoder().encode(parsed.body));
        }).catch(function () { return false; }));
      });
    });
    return Promise.all(checks).then(function (r) { return r.indexOf(true) >= 0; });
  }

  /* kept: {sequence, hash}; current: the server's receipt now; keys: kept verifier keys. */
  function check(kept, current, keys) {
    if (!current) return Promise.resolve("unavailable");
    if (current.hash !== kept.hash) return Promise.resolve("changed");
    if (!current.checkpoint) return Promise.resolve("pending");
    var cp = parseNote(current.checkpoint.note);
    if (!cp || cp.size < kept.sequence) return Promise.resolve("bad_proof");
    return verifyNote(current.checkpoint.note, keys).then(function (signed) {
      if (!signed) return "bad_signature";
      return leaf(kept.hash).then(function (l) {
        return rootByPath(kept.sequence - 1, cp.size, l, (current.inclusion || []).map(fromHex));
      }).then(function (r) { return r && hex(r) === hex(cp.root) ? "included" : "bad_proof"; });
    });
  }

  root.SaylauReceipts = { check: check, verifyNote: verifyNote, rootByPath: rootByPath, leaf: leaf, parseNote: parseNote };
})(window);
