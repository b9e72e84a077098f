/* saylau observer app: the controller.
 *
 * Home (#/): deployment, forms, what is waiting to be sent, drafts, what was
 * sent. Fill (#/form/<id>, #/draft/<uuid>): one form, rendered from its XForm by
 * ODK Web Forms (window.SaylauFormEngine, vendor/odk-web-forms, built by
 * tools/formengine) and saved as a draft (the engine's instance XML and its
 * files) on every change; instance.js turns the instance into the API's answers. Submitting moves the draft to the outbox with the same UUID;
 * flush() posts the outbox, oldest first, and keeps each item until the
 * server acknowledges it (201 new, 200 already received). A 400 sends the
 * item back for correction (same UUID); a network failure or a 5xx keeps it
 * and tries again later: on 'online', every 15 s while something waits, when
 * the page opens and when the service worker asks (Background Sync).
 */
(function () {
  "use strict";

  var config = readJSON("observe-config");
  var S = readJSON("observe-strings");
  var M = readJSON("observe-messages");
  var store = null;
  var view = null;
  var draft = null;
  var saveTimer = null;
  var flushing = null;
  var flushAgain = false;  // asked for while a pass ran (e.g. 'online' during a failing send)
  var retryTimer = null;
  var RETRY_MS = 15000;
  var MAX_FILE = 10 * 1048576;    // a photo, recording or file: 10 MB
  var MAX_REPORT = 25 * 1048576;  // all the files of one report: 25 MB
  /* The form engine (ODK Web Forms) is a module script: it runs after this one. */
  var engineReady = new Promise(function (resolve) {
    if (window.SaylauFormEngine) resolve();
    else window.addEventListener("saylau-formengine", function () { resolve(); }, { once: true });
  });
  /* The engine's two validation messages in the interface language (the server's wording). */
  window.SaylauFormEngineText = { required: M.required, constraint: M.constraint, hourFormat: "24",
    add: S.add_entry, remove: S.remove_entry, repeatItem: S.repeat_item, takePicture: S.take_picture,
    changeLanguage: S.change_language, choose: S.choose_file, upload: S.upload, cancel: S.cancel, clear: S.clear,
    noFile: S.no_file };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] === true) node.setAttribute(k, "");
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function readJSON(id) { return JSON.parse(document.getElementById(id).textContent); }

  function t(key, values) {
    return String(S[key] || key).replace(/%\((\w+)\)s/g, function (m, name) {
      return values && name in values ? String(values[name]) : m;
    });
  }

  function uuid4() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.from(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function csrfToken() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) { var e = new Error("HTTP " + r.status); e.status = r.status; throw e; }
        return r.json();
      });
  }

  function getText(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { var e = new Error("HTTP " + r.status); e.status = r.status; throw e; }
      return r.text();
    });
  }

  /* A form's media files ({name: URL} from the form list), downloaded to be kept on the
   * device with the form: images and CSV lists work offline. A file that cannot be
   * downloaded now keeps the copy kept before, if any. */
  function mediaFiles(urls, kept) {
    return Promise.all(Object.keys(urls).map(function (name) {
      return fetch(urls[name], { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.blob();
      }).then(function (blob) { return [name, blob]; }, function () { return [name, kept[name] || null]; });
    })).then(function (pairs) {
      var out = {};
      pairs.forEach(function (p) { if (p[1]) out[p[0]] = p[1]; });
      return out;
    });
  }

  function notice(text) {
    var n = document.getElementById("notice");
    n.textContent = text || "";
    n.hidden = !text;
  }

  function when(iso) {
    try { return new Date(iso).toLocaleString(config.lang, { dateStyle: "short", timeStyle: "short" }); }
    catch (e) { return iso; }
  }

  /* ---- data from the server, kept for offline use ------------------------ */

  function refreshFromServer() {
    var deployment = getJSON(config.api.deployment).then(function (d) {
      return store.put("meta", "deployment", d);
    }, function (e) {
      if (e.status === 403) return store.put("meta", "deployment", { error: "not_observer" });
      return null;
    });
    var forms = getJSON(config.api.forms).then(function (list) {
      var items = Array.isArray(list) ? list : (list.results || []);
      return store.put("meta", "forms", items.map(function (f) {
        return { form_id: f.form_id, title: f.title, version: f.version };
      })).then(function () {
        return Promise.all(items.map(function (f) {
          return store.get("forms", f.form_id).then(function (kept) {
            var fresh = kept && kept.xform && f.xform_md5 && kept.xform_md5 === f.xform_md5;
            var xform = fresh ? Promise.resolve(kept.xform) : f.xform ? Promise.resolve(f.xform)
              : getText(f.xform_url || "/openrosa/forms/" + encodeURIComponent(f.form_id) + "/form.xml");
            return Promise.all([xform, mediaFiles(f.media || {}, (kept && kept.media) || {})]).then(function (r) {
              return store.put("forms", f.form_id, { form_id: f.form_id, title: f.title, version: f.version,
                xform: r[0], xform_md5: f.xform_md5 || "", media: r[1] });
            });
          });
        }));
      });
    });
    var keys = getJSON(config.api.ledger_keys).then(function (list) {
      return store.get("meta", "ledger_keys").then(function (kept) {
        var all = (kept || []).slice();
        (list || []).forEach(function (k) { if (all.indexOf(k.verifier_key) < 0) all.push(k.verifier_key); });
        return store.put("meta", "ledger_keys", all);
      });
    }).catch(function () { return null; });
    return Promise.all([deployment, forms, keys]).catch(function () { return null; }).then(renderHome);
  }

  /* ---- home -------------------------------------------------------------- */

  function formTitle(formId, forms) {
    var f = (forms || []).filter(function (x) { return x.form_id === formId; })[0];
    return f && f.title ? f.title : formId;
  }

  function summary(item) {
    var texts = [];
    Object.keys(item.answers || {}).forEach(function (k) {
      var v = item.answers[k];
      if (typeof v === "string" && /\s|[<>&"']/.test(v) && v.length > 3) texts.push(v);
    });
    var s = texts.join(" · ");
    return s.length > 120 ? s.slice(0, 119) + "…" : s;
  }

  function itemRow(item, forms, extra) {
    var li = el("li", { "class": "item", "data-uuid": item.uuid });
    var head = el("div", { "class": "item-head" });
    head.appendChild(el("strong", null, formTitle(item.form, forms)));
    if (item.station_code) head.appendChild(el("span", null, " · " + t("station") + " " + item.station_code));
    head.appendChild(el("span", { "class": "when" }, " · " + when(item.submitted_at || item.updated_at || item.created_at)));
    li.appendChild(head);
    var text = summary(item);
    if (text) li.appendChild(el("p", { "class": "summary" }, text));
    if (extra) extra(li);
    return li;
  }

  function renderHome() {
    return Promise.all([store.get("meta", "deployment"), store.get("meta", "forms"), store.all("outbox"),
      store.all("drafts"), store.all("sent")]).then(function (r) {
      var deployment = r[0], forms = r[1] || [], outbox = r[2], drafts = r[3], sent = r[4];
      renderDeployment(deployment);

      var formList = document.querySelector("#forms .list");
      formList.textContent = "";
      if (!forms.length) formList.appendChild(el("li", { "class": "empty" }, t("no_forms")));
      forms.forEach(function (f) {
        var li = el("li");
        li.appendChild(el("a", { href: "#/form/" + encodeURIComponent(f.form_id), "class": "button", "data-form": f.form_id }, f.title || f.form_id));
        formList.appendChild(li);
      });

      var box = document.querySelector("#outbox .list");
      box.textContent = "";
      outbox.sort(function (a, b) { return (a.value.queued_at || "").localeCompare(b.value.queued_at || ""); });
      outbox.forEach(function (entry) {
        var item = entry.value;
        box.appendChild(itemRow(item, forms, function (li) {
          li.setAttribute("data-attempts", String(item.attempts || 0));
          var state = item.state === "rejected" ? (item.forbidden ? t("forbidden") : t("rejected"))
            : [t("attempts", { count: item.attempts || 0 }), item.last_error ? t("last_error", { error: item.last_error }) : ""].filter(Boolean).join(" · ");
          li.appendChild(el("p", { "class": item.state === "rejected" ? "state errors" : "state" }, state));
          if (item.errors) {
            var ul = el("ul", { "class": "errors" });
            Object.keys(item.errors).forEach(function (field) {
              ul.appendChild(el("li", null, field + ": " + [].concat(item.errors[field]).join(" ")));
            });
            li.appendChild(ul);
          }
          if (item.state === "rejected" && !item.forbidden) {
            var fix = el("button", { type: "button", "class": "secondary" }, t("open"));
            fix.addEventListener("click", function () { correct(item); });
            li.appendChild(fix);
          }
        }));
      });
      document.getElementById("outbox").hidden = !outbox.length;

      var draftList = document.querySelector("#drafts .list");
      draftList.textContent = "";
      drafts.forEach(function (entry) {
        draftList.appendChild(itemRow(entry.value, forms, function (li) {
          li.appendChild(el("a", { href: "#/draft/" + entry.key, "class": "button secondary" }, t("open")));
          var del = el("button", { type: "button", "class": "link" }, t("delete"));
          del.addEventListener("click", function () { store.delete("drafts", entry.key).then(renderHome); });
          li.appendChild(del);
        }));
      });
      document.getElementById("drafts").hidden = !drafts.length;

      var sentList = document.querySelector("#sent .list");
      sentList.textContent = "";
      sent.sort(function (a, b) { return (b.value.acknowledged_at || "").localeCompare(a.value.acknowledged_at || ""); });
      sent.slice(0, 30).forEach(function (entry) {
        sentList.appendChild(itemRow(entry.value, forms, function (li) {
          li.appendChild(el("p", { "class": "state ok" }, entry.value.status === 200 ? t("duplicate") : t("acknowledged")));
          var receipt = entry.value.receipt;
          if (receipt) {
            var checked = entry.value.receipt_check;
            li.appendChild(el("p", { "class": "receipt" + (checked && checked !== "included" && checked !== "pending" ? " state bad" : "") },
              t("receipt", { sequence: receipt.sequence }) + (checked ? " · " + t("receipt_" + checked) : "")));
          }
        }));
      });
      document.getElementById("sent").hidden = !sent.length;
      var withReceipts = sent.filter(function (e) { return e.value.receipt; });
      document.querySelector("#sent .receipts").hidden = !withReceipts.length;
      renderStatus(outbox.filter(function (e) { return e.value.state !== "rejected"; }).length);
    });
  }

  function renderDeployment(d) {
    var body = document.querySelector("#deployment .body");
    body.textContent = "";
    if (!d) { body.appendChild(el("p", { "class": "empty" }, t("no_deployment"))); return; }
    if (d.error) { body.appendChild(el("p", { "class": "empty" }, t("not_observer"))); return; }
    if (d.observer) body.appendChild(el("p", null, d.observer.display));
    if (d.team) body.appendChild(el("p", null, t("team") + " " + d.team.code));
    if (d.members && d.members.length) {
      body.appendChild(el("p", { "class": "hint" }, t("members") + ": " + d.members.map(function (m) { return m.display; }).join(", ")));
    }
    var places = d.deployments || [];
    if (!places.length) { body.appendChild(el("p", { "class": "empty" }, t("no_deployment"))); return; }
    var ul = el("ul", { "class": "places" });
    places.forEach(function (p) { ul.appendChild(el("li", null, p.unit_level + " " + p.unit_code + " · " + p.unit_name)); });
    body.appendChild(ul);
  }

  function renderStatus(waiting) {
    var online = navigator.onLine;
    var status = document.getElementById("status");
    status.textContent = (online ? t("online") : t("offline")) + " · " +
      (waiting ? t("waiting", { count: waiting }) : t("all_sent"));
    status.className = "status " + (online ? "online" : "offline") + (waiting ? " waiting" : "");
    status.setAttribute("data-waiting", String(waiting));
  }

  /* ---- filling in a form -------------------------------------------------- */

  function stationCodes(deployment) {
    return ((deployment && deployment.deployments) || []).filter(function (p) {
      return /station/i.test(p.unit_level);
    }).map(function (p) { return p.unit_code; });
  }

  function asksFor(form, names) {
    var fields = form.fields || (form.fields = window.SaylauInstance.fieldNames(form.xform));
    return names.some(function (n) { return fields.indexOf(n) >= 0; });
  }

  function openForm(formId, draftId) {
    return Promise.all([draftId ? store.get("drafts", draftId) : Promise.resolve(null), store.get("meta", "deployment")])
      .then(function (r) {
        var existing = r[0], deployment = r[1];
        if (draftId && !existing) { location.hash = "#/"; return null; }
        formId = existing ? existing.form : formId;
        return store.get("forms", formId).then(function (form) {
          if (!form || !form.xform) { notice(t("form_missing")); location.hash = "#/"; return null; }
          var codes = stationCodes(deployment);
          draft = existing || { uuid: uuid4(), form: formId, version: form.version, answers: {}, xml: null, files: {},
            station_code: "", created_at: new Date().toISOString(), saved: false };
          // a draft kept by the app's earlier renderer has answers but no instance: make one
          if (!draft.xml && Object.keys(draft.answers || {}).length) {
            draft.xml = window.SaylauInstance.fromAnswers(draft.answers, form.xform);
          }
          return engineReady.then(function () { showFill(form, codes, !existing); });
        });
      });
  }

  function closeView() {
    if (view) view.unmount();
    view = null;
  }

  function showFill(form, codes, fresh) {
    closeView();
    document.getElementById("home").hidden = true;
    var fill = document.getElementById("fill");
    fill.hidden = false;
    fill.querySelector(".title").textContent = form.title || form.form_id;
    showErrors(null);
    var station = fill.querySelector(".station");
    station.textContent = "";
    if (!asksFor(form, ["station_code", "dec_code", "region_code"])) {
      var label = el("label", { "for": "station-code" }, t("station"));
      var input = el("input", { id: "station-code", list: "station-codes", value: draft.station_code || (codes.length === 1 ? codes[0] : "") });
      var list = el("datalist", { id: "station-codes" });
      codes.forEach(function (c) { list.appendChild(el("option", { value: c })); });
      input.addEventListener("input", function () { draft.station_code = input.value.trim(); saveSoon(); });
      draft.station_code = input.value;
      station.appendChild(label); station.appendChild(input); station.appendChild(list);
    }
    var box = fill.querySelector(".questions");
    box.textContent = "";
    box.removeAttribute("data-engine-ready");
    var current = draft;
    view = window.SaylauFormEngine.mount(box, {
      xform: form.xform,
      media: form.media || {},
      language: config.lang,
      draft: draft.xml ? { xml: draft.xml, files: draft.files || {} } : null,
      preload: { username: config.user },
      onReady: function () {
        if (fresh && codes.length === 1 && asksFor(form, ["station_code"])) view.setValue("station_code", codes[0]);
        if (draft && draft.server_errors) showErrors(draft.server_errors);
      },
      onChange: function () { if (draft === current) keepDraft(form); },
      onInvalid: function () { showErrors({}); },
      onSubmit: function (snapshot) { if (draft === current) queue(form, snapshot); },
      onError: function (error) { showErrors({ "": [String(error && error.message || error)] }); }
    });
    window.scrollTo(0, 0);
  }

  /* The errors box above the form: the engine's own marks are on the questions; the
   * server's (after a rejected report) are listed here and marked on their questions. */
  function showErrors(errors) {
    var box = document.querySelector("#fill .form-errors");
    document.querySelectorAll("#fill .server-error").forEach(function (n) { n.remove(); });
    if (!errors) { box.hidden = true; box.textContent = ""; return; }
    box.textContent = t("fix_errors");
    var fields = Object.keys(errors);
    if (fields.length) {
      var ul = el("ul");
      fields.forEach(function (field) {
        var text = [].concat(errors[field]).join(" ");
        ul.appendChild(el("li", null, (field ? field + ": " : "") + text));
        var name = field.split(".").pop().replace(/\[\d+\]$/, "");
        var q = name && document.querySelector('#fill [data-name="' + CSS.escape(name) + '"]');
        if (q) q.appendChild(el("p", { "class": "server-error errors" }, text));
      });
      box.appendChild(ul);
    }
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  }

  function filesByName(list) {
    var out = {};
    (list || []).forEach(function (f) { out[f.name] = f; });
    return out;
  }

  function keepDraft(form) {
    if (!view) return;
    var current = draft;
    view.snapshot().then(function (s) {
      if (!s || draft !== current) return;
      current.xml = s.xml;
      current.files = filesByName(s.files);
      current.answers = window.SaylauInstance.toAnswers(s.xml, form.xform);
      saveSoon();
    });
  }

  function saveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, 250);
  }

  function saveDraft() {
    if (!draft) return Promise.resolve();
    clearTimeout(saveTimer);
    draft.updated_at = new Date().toISOString();
    var first = !draft.saved;
    draft.saved = true;
    return store.put("drafts", draft.uuid, draft).then(function () {
      if (first && location.hash.indexOf("#/form/") === 0) history.replaceState(null, "", "#/draft/" + draft.uuid);
    });
  }

  function submit(event) {
    event.preventDefault();
    if (view) view.send();
  }

  /* The engine found the form valid: its instance becomes the answers, queued under the draft's UUID. */
  function queue(form, snapshot) {
    var answers = window.SaylauInstance.toAnswers(snapshot.xml, form.xform);
    if (asksFor(form, ["instanceID"])) answers.instanceID = "uuid:" + draft.uuid;  // one identity for the report
    // A draft reopened is loaded in the engine's edit mode, which marks the instance as
    // replacing its earlier self (meta/deprecatedID): for the server it is still one new report.
    delete answers.deprecatedID;
    var files = snapshot.files || [];
    var total = files.reduce(function (n, f) { return n + f.size; }, 0);
    var big = files.filter(function (f) { return f.size > MAX_FILE; });
    if (big.length || total > MAX_REPORT) {
      showErrors({ "": [t("too_large", { name: (big[0] || files[0]).name, size: mb(big.length ? MAX_FILE : MAX_REPORT) })] });
      return;
    }
    showErrors(null);
    var item = {
      uuid: draft.uuid, form: draft.form, version: draft.version, answers: answers, files: files,
      station_code: String(answers.station_code || draft.station_code || "").trim(),
      dec_code: String(answers.dec_code || "").trim(), region_code: String(answers.region_code || "").trim(),
      submitted_at: new Date().toISOString(), queued_at: new Date().toISOString(),
      attempts: 0, state: "waiting",
      draft: { xml: snapshot.xml, files: filesByName(files), answers: answers, station_code: draft.station_code }
    };
    clearTimeout(saveTimer);
    store.move("drafts", "outbox", item.uuid, item).then(function () {
      draft = null;
      closeView();
      notice(t("queued"));
      location.hash = "#/";
      flush();
      if (navigator.serviceWorker && navigator.serviceWorker.ready) {
        navigator.serviceWorker.ready.then(function (reg) {
          if (reg.sync) return reg.sync.register("saylau-outbox").catch(function () { return null; });
          return null;
        });
      }
    });
  }

  function mb(bytes) { return (bytes / 1048576).toLocaleString(config.lang, { maximumFractionDigits: 0 }); }

  /* A rejected report goes back to the drafts, keeping its UUID (and its instance and files). */
  function correct(item) {
    var kept = item.draft || {};
    var back = { uuid: item.uuid, form: item.form, version: item.version, answers: kept.answers || item.answers,
      xml: kept.xml || null, files: kept.files || {}, station_code: kept.station_code || item.station_code,
      created_at: item.queued_at, saved: true, server_errors: item.errors };
    store.move("outbox", "drafts", item.uuid, back).then(function () { location.hash = "#/draft/" + item.uuid; });
  }

  /* ---- sending ------------------------------------------------------------ */

  function payload(item) {
    var body = { uuid: item.uuid, form: item.form, answers: item.answers, station_code: item.station_code,
      submitted_at: item.submitted_at };
    if (item.dec_code) body.dec_code = item.dec_code;
    if (item.region_code) body.region_code = item.region_code;
    return JSON.stringify(body);
  }

  /* JSON as before; a report with files (photo, audio, file questions) goes as multipart:
   * the same JSON in the part "submission", each file in a part named by its file name. */
  function send(item) {
    var headers = { Accept: "application/json", "X-CSRFToken": csrfToken() };
    var body = payload(item);
    if (item.files && item.files.length) {
      var form = new FormData();
      form.append("submission", new Blob([body], { type: "application/json" }));
      item.files.forEach(function (f) { form.append(f.name, f, f.name); });
      body = form;
    } else {
      headers["Content-Type"] = "application/json";
    }
    return fetch(config.api.submissions, {
      method: "POST", credentials: "same-origin", cache: "no-store", headers: headers, body: body
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { status: response.status, body: body };
      });
    });
  }

  function whoAmI() {
    return getJSON(config.api.me).catch(function () { return { authenticated: true }; });
  }

  /* ---- receipts ------------------------------------------------------------ */

  function checkReceipts() {
    return Promise.all([store.all("sent"), store.get("meta", "ledger_keys")]).then(function (r) {
      var keys = r[1] || [];
      return Promise.all(r[0].filter(function (e) { return e.value.receipt; }).map(function (e) {
        var kept = e.value.receipt;
        return getJSON(config.api.receipt + kept.sequence + "/receipt/").catch(function () { return null; })
          .then(function (current) { return window.SaylauReceipts.check(kept, current, keys); })
          .then(function (outcome) {
            e.value.receipt_check = outcome;
            e.value.receipt_checked_at = new Date().toISOString();
            return store.put("sent", e.key, e.value);
          });
      }));
    }).then(renderHome);
  }

  function downloadReceipts() {
    return store.all("sent").then(function (entries) {
      var receipts = entries.filter(function (e) { return e.value.receipt; }).map(function (e) {
        return { uuid: e.value.uuid, form: e.value.form, station_code: e.value.station_code,
          submitted_at: e.value.submitted_at, acknowledged_at: e.value.acknowledged_at,
          sequence: e.value.receipt.sequence, hash: e.value.receipt.hash,
          last_check: e.value.receipt_check || null, last_checked_at: e.value.receipt_checked_at || null };
      });
      var blob = new Blob([JSON.stringify({ user: config.user, receipts: receipts }, null, 1)], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "saylau-receipts-" + config.user + ".json" });
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }

  /* One pass over the outbox; resolves to true when nothing is left waiting. */
  function flushOnce() {
    return store.all("outbox").then(function (entries) {
      var waiting = entries.map(function (e) { return e.value; }).filter(function (i) { return i.state === "waiting"; })
        .sort(function (a, b) { return (a.queued_at || "").localeCompare(b.queued_at || ""); });
      var chain = Promise.resolve(true);
      var stop = false;
      waiting.forEach(function (item) {
        chain = chain.then(function () {
          if (stop) return false;
          return send(item).then(function (r) {
            if (r.status === 201 || r.status === 200) {
              var done = { uuid: item.uuid, form: item.form, answers: item.answers, station_code: item.station_code,
                submitted_at: item.submitted_at, acknowledged_at: new Date().toISOString(), status: r.status,
                submission: r.body && r.body.id ? { id: r.body.id, version: r.body.version, status: r.body.status } : null,
                receipt: r.body && r.body.receipt ? { sequence: r.body.receipt.sequence, hash: r.body.receipt.hash } : null };
              return store.move("outbox", "sent", item.uuid, done).then(function () { return true; });
            }
            // 409: the same id was already used for another report: resending will not help
            if (r.status === 400 || r.status === 409 || (r.status === 403 && r.body && r.body.errors)) {
              item.state = "rejected";
              item.forbidden = r.status === 403;
              item.errors = (r.body && r.body.errors) || { "": [JSON.stringify(r.body)] };
              return store.put("outbox", item.uuid, item).then(function () { return true; });
            }
            item.attempts = (item.attempts || 0) + 1;
            if (r.status === 401 || r.status === 403) {
              return whoAmI().then(function (me) {
                if (!me.authenticated) { item.last_error = t("login_again"); notice(t("login_again")); }
                else if (/CSRF/i.test((r.body && r.body.detail) || "")) { item.last_error = "CSRF"; }
                else { item.state = "rejected"; item.forbidden = true; item.errors = { "": [String((r.body && r.body.detail) || r.status)] }; }
                stop = item.state === "waiting";
                return store.put("outbox", item.uuid, item).then(function () { return false; });
              });
            }
            item.last_error = t("server_error", { status: r.status });
            stop = true;
            return store.put("outbox", item.uuid, item).then(function () { return false; });
          }, function () {
            item.attempts = (item.attempts || 0) + 1;
            item.last_error = t("network_error");
            stop = true;
            return store.put("outbox", item.uuid, item).then(function () { return false; });
          });
        });
      });
      return chain.then(function () { return !stop; });
    });
  }

  /* A pass asked for while another runs is not dropped: the running pass may have
     started before the network came back, so one more pass follows it. */
  function flush() {
    if (flushing) { flushAgain = true; return flushing; }
    flushAgain = false;
    var run = function () { return flushOnce(); };
    var locked = navigator.locks && navigator.locks.request
      ? navigator.locks.request("saylau-outbox:" + config.user, run) : run();
    flushing = Promise.resolve(locked).catch(function () { return false; }).then(function (ok) {
      flushing = null;
      if (flushAgain) return flush();
      return renderHome().then(function () { schedule(); return ok; });
    });
    return flushing;
  }

  function schedule() {
    clearTimeout(retryTimer);
    return store.all("outbox").then(function (entries) {
      if (entries.some(function (e) { return e.value.state === "waiting"; })) retryTimer = setTimeout(flush, RETRY_MS);
    });
  }

  /* ---- routing and start -------------------------------------------------- */

  function route() {
    var hash = location.hash || "#/";
    var m;
    if ((m = /^#\/form\/([^/]+)$/.exec(hash))) return openForm(decodeURIComponent(m[1]), null);
    if ((m = /^#\/draft\/([\w-]+)$/.exec(hash))) {
      if (draft && draft.uuid === m[1] && view) return null;  // the new draft's own URL
      return openForm(null, m[1]);
    }
    if (draft && draft.saved) saveDraft();
    draft = null;
    closeView();
    document.getElementById("fill").hidden = true;
    document.getElementById("home").hidden = false;
    return renderHome();
  }

  function start() {
    document.getElementById("fill-form").addEventListener("submit", submit);
    var check = document.getElementById("check-receipts"), download = document.getElementById("download-receipts");
    check.textContent = t("check_receipts");
    download.textContent = t("download_receipts");
    check.addEventListener("click", function () { checkReceipts(); });
    download.addEventListener("click", function () { downloadReceipts(); });
    window.addEventListener("hashchange", route);
    window.addEventListener("online", function () { flush(); });
    window.addEventListener("offline", function () { renderHome(); });
    document.addEventListener("visibilitychange", function () { if (!document.hidden) flush(); });
    if (navigator.serviceWorker) {
      navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "flush") flush();
      });
    }
    return window.SaylauStore.open(config.user).then(function (s) {
      store = s;
      return route();
    }).then(function () {
      return refreshFromServer();
    }).then(function () {
      return flush();
    }).then(function () {
      document.body.setAttribute("data-ready", "true");
    });
  }

  /* flush(): send the outbox now; busy(): a send is under way (for tests and the console). */
  window.SaylauObserve = { flush: flush, busy: function () { return flushing !== null; }, checkReceipts: checkReceipts,
    ready: start() };
})();
