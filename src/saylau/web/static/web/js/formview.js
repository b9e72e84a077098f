/* saylau observer app: render an XLSForm (the JSON of saylau.observation.xlsform.to_json)
 * and check it as the server will.
 *
 * The walk in refresh() mirrors validate_answers() in
 * saylau/observation/validate.py: questions in order; a question that is not
 * relevant is hidden, its answer is dropped and it reads as ''; calculations
 * are recomputed; required applies only when relevant; constraints are
 * checked on non-empty answers with '.' as the answer, and not when they read
 * an answer that already has an error. Expressions go through SaylauExpr
 * (expr.js), which the shared test vectors hold to the Python evaluator.
 *
 * Every text from the form or an answer reaches the page through textContent
 * or an attribute, never as HTML.
 */
(function (root) {
  "use strict";

  var E = root.SaylauExpr;
  var INTEGER = /^[+-]?\d+$/;
  var DECIMAL = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
  var DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
  var TIME = /^(\d\d):(\d\d)(?::(\d\d)(\.\d{1,6})?)?$/;
  var DATETIME = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?)(Z|[+-]\d\d:\d\d)?$/;
  var uid = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] === true) node.setAttribute(k, "");
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* pick_text(): the language asked for, then English, the unnamed column, then any. */
  function pick(texts, lang) {
    if (!texts) return "";
    var keys = [lang, "en", ""];
    for (var i = 0; i < keys.length; i++) if (texts[keys[i]]) return texts[keys[i]];
    var values = Object.keys(texts).map(function (k) { return texts[k]; }).filter(Boolean);
    return values.length ? values[0] : "";
  }

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  function isEmpty(raw) {
    return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "") ||
      (Array.isArray(raw) && raw.length === 0);
  }

  function validDate(y, m, d) {
    var date = new Date(Date.UTC(+y, +m - 1, +d));
    return date.getUTCFullYear() === +y && date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d;
  }

  function isoTime(text) {
    var m = TIME.exec(text);
    if (!m || +m[1] > 23 || +m[2] > 59 || (m[3] && +m[3] > 59)) return null;
    var out = m[1] + ":" + m[2] + ":" + (m[3] || "00");
    if (m[4] && /[1-9]/.test(m[4])) out += "." + (m[4].slice(1) + "000000").slice(0, 6);  // Python prints microseconds
    return out;
  }

  /* _parse(): the value the expressions see, or throws the message code. */
  function parse(q, raw) {
    var text = String(raw).trim();
    switch (q.type) {
      case "integer":
        if (!INTEGER.test(text)) throw "integer";
        return parseInt(text, 10);
      case "decimal": {
        if (!DECIMAL.test(text)) throw "decimal";
        var x = parseFloat(text.replace(/_/g, ""));
        if (!Number.isFinite(x)) throw "decimal";
        return x;
      }
      case "select_one":
        return text;
      case "select_multiple": {
        var parts = Array.isArray(raw) ? raw.map(function (p) { return String(p).trim(); })
          : String(raw).replace(/,/g, " ").split(/\s+/).filter(Boolean);
        return parts.filter(function (p, i) { return parts.indexOf(p) === i; }).join(" ");
      }
      case "date": {
        var d = DATE.exec(text);
        if (!d || !validDate(d[1], d[2], d[3])) throw "date";
        return text;
      }
      case "time": {
        var t = isoTime(text);
        if (t === null) throw "time";
        return t;
      }
      case "dateTime": {
        var m = DATETIME.exec(text);
        var dd = m && DATE.exec(m[1]);
        var tt = m && isoTime(m[2]);
        if (!m || !dd || !validDate(dd[1], dd[2], dd[3]) || tt === null) throw "dateTime";
        return m[1] + "T" + tt + (m[3] === "Z" ? "+00:00" : (m[3] || ""));
      }
      case "geopoint": {
        var numbers = text.split(/\s+/).filter(Boolean).map(Number);
        if (numbers.length < 2 || numbers.length > 4 || numbers.some(function (n) { return !Number.isFinite(n); }) ||
            Math.abs(numbers[0]) > 90 || Math.abs(numbers[1]) > 180) throw "geopoint";
        return text;
      }
      default:
        return E.toString(raw);
    }
  }

  function isRequired(q, scope) {
    var text = String(q.required || "").trim().toLowerCase();
    if (text === "" || text === "no" || text === "false" || text === "false()") return false;
    if (text === "yes" || text === "true" || text === "true()") return true;
    return E.compileExpression(String(q.required).trim()).test(scope);
  }

  /* ---- rendering ---------------------------------------------------------- */

  function FormView(container, form, options) {
    this.container = container;
    this.form = form;
    this.lang = options.lang || "en";
    this.messages = options.messages || {};
    this.strings = options.strings || {};
    this.onChange = options.onChange || function () {};
    this.datalists = options.datalists || {};
    this.answers = JSON.parse(JSON.stringify(options.answers || {}));
    this.touched = new Set();
    this.showAll = false;
    this.result = null;
    this.serverErrors = {};
    container.textContent = "";
    this.root = el("div", { "class": "form-body" });
    container.appendChild(this.root);
    this.nodes = this.build(form.questions || [], this.root, this.answers, "");
    this.refresh();
  }

  FormView.prototype.message = function (code, values) {
    return format(this.messages[code] || code, values || {});
  };

  FormView.prototype.build = function (questions, parent, raw, prefix) {
    var self = this;
    return questions.map(function (q) {
      var path = prefix + q.name;
      var node = { q: q, path: path, raw: raw };
      if (q.type === "begin group") {
        node.box = el("fieldset", { "class": "group", "data-name": q.name });
        var legend = pick(q.labels, self.lang);
        if (legend) node.box.appendChild(el("legend", null, legend));
        parent.appendChild(node.box);
        node.children = self.build(q.children || [], node.box, raw, prefix);
      } else if (q.type === "begin repeat") {
        self.buildRepeat(node, parent, raw);
      } else if (q.type === "note") {
        node.box = el("div", { "class": "q note", "data-name": q.name });
        node.box.appendChild(el("p", null, pick(q.labels, self.lang)));
        parent.appendChild(node.box);
      } else if (q.type === "calculate") {
        node.box = null;
      } else {
        self.buildValue(node, parent);
      }
      return node;
    });
  };

  FormView.prototype.buildRepeat = function (node, parent, raw) {
    var self = this, q = node.q;
    if (!Array.isArray(raw[q.name])) raw[q.name] = [];
    node.box = el("fieldset", { "class": "repeat", "data-name": q.name });
    node.box.appendChild(el("legend", null, pick(q.labels, self.lang) || q.name));
    node.list = el("div", { "class": "entries" });
    node.box.appendChild(node.list);
    var add = el("button", { type: "button", "class": "secondary" }, self.strings.add_entry || "+");
    add.addEventListener("click", function () {
      raw[q.name].push({});
      self.renderEntries(node);
      self.changed();
    });
    node.box.appendChild(add);
    parent.appendChild(node.box);
    self.renderEntries(node);
  };

  FormView.prototype.renderEntries = function (node) {
    var self = this, q = node.q, entries = node.raw[q.name];
    node.list.textContent = "";
    node.entries = entries.map(function (entry, i) {
      var box = el("fieldset", { "class": "entry" });
      box.appendChild(el("legend", null, (pick(q.labels, self.lang) || q.name) + " " + (i + 1)));
      var children = self.build(q.children || [], box, entry, node.path + "[" + (i + 1) + "].");
      var remove = el("button", { type: "button", "class": "link" }, self.strings.remove_entry || "×");
      remove.addEventListener("click", function () {
        entries.splice(i, 1);
        self.renderEntries(node);
        self.changed();
      });
      box.appendChild(remove);
      node.list.appendChild(box);
      return children;
    });
  };

  FormView.prototype.buildValue = function (node, parent) {
    var self = this, q = node.q, raw = node.raw;
    var id = "q" + (++uid) + "-" + q.name.replace(/[^\w-]/g, "_");
    var isSelect = q.type === "select_one" || q.type === "select_multiple";
    node.box = el(isSelect ? "fieldset" : "div", { "class": "q q-" + q.type, "data-name": q.name, "data-path": node.path });
    var label = pick(q.labels, self.lang) || q.name;
    var required = String(q.required || "").trim().toLowerCase();
    var star = (required === "yes" || required === "true" || required === "true()");
    if (isSelect) {
      node.box.appendChild(el("legend", null, label + (star ? " *" : "")));
    } else {
      node.box.appendChild(el("label", { "for": id }, label + (star ? " *" : "")));
    }
    var hint = pick(q.hints, self.lang);
    if (hint) node.box.appendChild(el("p", { "class": "hint" }, hint));

    var touch = function () { self.touched.add(node.path); };
    if (isSelect) {
      node.options = [];
      var multiple = q.type === "select_multiple";
      (q.choices || []).forEach(function (choice, i) {
        var wrap = el("label", { "class": "choice" });
        var input = el("input", { type: multiple ? "checkbox" : "radio", name: id, value: choice.name, id: id + "-" + i });
        var current = raw[q.name];
        var chosen = multiple ? String(current || "").split(/\s+/).indexOf(choice.name) !== -1 : current === choice.name;
        input.checked = chosen;
        input.addEventListener("change", function () {
          touch();
          if (multiple) {
            raw[q.name] = node.options.filter(function (o) { return o.input.checked; })
              .map(function (o) { return o.choice.name; }).join(" ");
          } else {
            raw[q.name] = choice.name;
          }
          self.changed();
        });
        wrap.appendChild(input);
        wrap.appendChild(el("span", null, pick(choice.labels, self.lang) || choice.name));
        node.box.appendChild(wrap);
        node.options.push({ choice: choice, input: input, wrap: wrap });
      });
    } else {
      var attrs = { id: id, name: q.name };
      var tag = "input";
      if (q.type === "integer") { attrs.type = "number"; attrs.step = "1"; attrs.inputmode = "numeric"; }
      else if (q.type === "decimal") { attrs.type = "number"; attrs.step = "any"; attrs.inputmode = "decimal"; }
      else if (q.type === "date") attrs.type = "date";
      else if (q.type === "time") attrs.type = "time";
      else if (q.type === "dateTime") attrs.type = "datetime-local";
      else if (q.type === "geopoint") { attrs.type = "text"; attrs.placeholder = "43.2389 76.8897"; }
      else if (/multiline/.test(q.appearance || "") || q.name === "description" || q.name === "summary") tag = "textarea";
      else attrs.type = "text";
      if (self.datalists[q.name]) attrs.list = id + "-list";
      var field = el(tag, attrs);
      field.value = raw[q.name] === undefined || raw[q.name] === null ? "" : String(raw[q.name]);
      field.addEventListener("input", function () { raw[q.name] = field.value; self.changed(); });
      field.addEventListener("change", function () { touch(); self.changed(); });
      field.addEventListener("blur", function () { touch(); self.refresh(); });
      node.box.appendChild(field);
      if (self.datalists[q.name]) {
        var list = el("datalist", { id: id + "-list" });
        self.datalists[q.name].forEach(function (v) { list.appendChild(el("option", { value: v })); });
        node.box.appendChild(list);
      }
      if (q.type === "geopoint" && root.navigator && navigator.geolocation) {
        var locate = el("button", { type: "button", "class": "secondary" }, self.strings.locate || "GPS");
        locate.addEventListener("click", function () {
          navigator.geolocation.getCurrentPosition(function (p) {
            field.value = p.coords.latitude.toFixed(6) + " " + p.coords.longitude.toFixed(6) + " " +
              (p.coords.altitude || 0) + " " + Math.round(p.coords.accuracy || 0);
            raw[q.name] = field.value;
            touch();
            self.changed();
          });
        });
        node.box.appendChild(locate);
      }
      node.field = field;
    }
    node.error = el("p", { "class": "error", role: "alert", hidden: true });
    node.box.appendChild(node.error);
    parent.appendChild(node.box);
  };

  FormView.prototype.changed = function () {
    this.refresh();
    this.onChange(this.answers);
  };

  /* ---- the walk: relevance, calculations, required, types, choices, constraints */

  FormView.prototype.refresh = function () {
    var walk = { errors: [], failed: new Set(), out: {} };
    this.walk(this.nodes, this.answers, {}, walk.out, true, walk);
    this.result = walk;
    return walk;
  };

  FormView.prototype.walk = function (nodes, raw, scope, out, relevant, state) {
    var self = this;
    nodes.forEach(function (node) {
      var q = node.q;
      var here = relevant && (!q.relevant || E.compileExpression(q.relevant).test(scope));
      if (q.type === "begin group") {
        node.box.hidden = !here;
        self.walk(node.children, raw, scope, out, here, state);
      } else if (q.type === "begin repeat") {
        node.box.hidden = !here;
        if (!here) return;
        var entries = raw[q.name] || [];
        out[q.name] = entries.map(function (entry, i) {
          var inner = Object.create(scope);
          var entryOut = {};
          self.walk(node.entries[i] || [], entry, inner, entryOut, true, state);
          return entryOut;
        });
        scope[q.name] = String(entries.length);
      } else if (q.type === "note") {
        node.box.hidden = !here;
      } else {
        self.value(node, raw[q.name], scope, out, here, state);
      }
    });
  };

  FormView.prototype.setError = function (node, text, state) {
    if (text) {
      state.errors.push({ path: node.path, name: node.q.name, message: text });
      state.failed.add(node.path.split(".").pop());
    }
    if (!node.error) return;
    var server = this.serverErrors[node.path];
    var shown = text && (this.showAll || this.touched.has(node.path)) ? text : (server || "");
    node.error.textContent = shown;
    node.error.hidden = !shown;
    node.box.classList.toggle("invalid", Boolean(shown));
  };

  FormView.prototype.value = function (node, rawValue, scope, out, relevant, state) {
    var q = node.q, self = this;
    scope[q.name] = "";
    if (node.box) node.box.hidden = !relevant;
    if (!relevant) { self.setError(node, "", state); return; }
    if (q.type === "calculate") {
      var result = E.toString(E.compileExpression(q.calculation).evaluate(scope));
      out[q.name] = scope[q.name] = result;
      return;
    }
    if (node.options && q.choice_filter) {
      var test = E.compileExpression(q.choice_filter);
      var allowed = [];
      node.options.forEach(function (o) {
        var ok = test.test(scope, "", Object.assign({ name: o.choice.name }, o.choice.extra || {}));
        o.wrap.hidden = !ok;
        if (!ok && o.input.checked) o.input.checked = false;
        if (ok) allowed.push(o.choice.name);
      });
      if (!isEmpty(rawValue)) {
        var kept = String(rawValue).split(/\s+/).filter(function (v) { return allowed.indexOf(v) !== -1; }).join(" ");
        if (kept !== String(rawValue).trim()) { node.raw[q.name] = kept; rawValue = kept; }
      }
    }
    if (isEmpty(rawValue)) {
      self.setError(node, isRequired(q, scope) ? (pick(q.required_message, self.lang) || self.message("required")) : "", state);
      return;
    }
    var seen;
    try {
      seen = parse(q, rawValue);
    } catch (code) {
      self.setError(node, self.message(String(code), { value: E.toString(rawValue) }), state);
      return;
    }
    if (q.choices) {
      var names = (q.choices || []).map(function (c) { return c.name; });
      var bad = (String(seen).split(/\s+/).filter(Boolean).length ? String(seen).split(/\s+/) : [seen])
        .filter(function (v) { return names.indexOf(v) === -1; });
      if (bad.length) {
        self.setError(node, self.message("choice", { value: bad[0], choices: names.join(" ") }), state);
        return;
      }
    }
    scope[q.name] = seen;
    if (q.constraint) {
      var constraint = E.compileExpression(q.constraint);
      var readsFailed = Array.from(constraint.references).some(function (r) { return state.failed.has(r); });
      if (!readsFailed && !constraint.test(scope, seen)) {
        self.setError(node, pick(q.constraint_message, self.lang) || self.message("constraint"), state);
        return;
      }
    }
    self.setError(node, "", state);
    out[q.name] = q.type === "select_multiple" ? seen : (typeof rawValue === "string" ? rawValue.trim() : rawValue);
  };

  /* ---- public ------------------------------------------------------------- */

  FormView.prototype.check = function () {
    this.showAll = true;
    return this.refresh();
  };

  FormView.prototype.showServerErrors = function (errors) {
    this.serverErrors = {};
    var self = this;
    Object.keys(errors || {}).forEach(function (field) {
      self.serverErrors[field] = [].concat(errors[field]).join(" ");
    });
    this.refresh();
  };

  root.SaylauForm = {
    render: function (container, form, options) { return new FormView(container, form, options || {}); },
    pick: pick,
    parse: parse,
    el: el
  };
})(typeof self !== "undefined" ? self : this);
