/* saylau: the XLSForm/XPath-subset evaluator, a line-by-line mirror of
 * saylau/observation/xlsform/expr.py (the reference). Both are held to the
 * same vectors in tests/web/data/expr_vectors.json, so they cannot drift.
 *
 * Values: strings, numbers and booleans. An empty answer is ''. Comparing a
 * string with a number converts the string (so '' = 3 is false, '' != 3
 * true); two ISO dates or times compare as text.
 *
 * Works as a classic script (window.SaylauExpr, self.SaylauExpr in a
 * service worker) and as a CommonJS module (Node, for the tests).
 */
(function (root) {
  "use strict";

  // \w as Python has it in str patterns: letters, numbers and the underscore.
  var TOKEN = /\s*(?:(\$\{\s*([A-Za-z_][\p{L}\p{N}_.\-]*)\s*\})|([0-9]+(?:\.[0-9]*)?|\.[0-9]+)|('[^']*'|"[^"]*")|(!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)|(\.)|([A-Za-z_][\p{L}\p{N}_\-]*(?::[A-Za-z_][\p{L}\p{N}_\-]*)?))/uy;
  var KINDS = [null, "ref", null, "number", "string", "op", "dot", "name"];
  var INFIX = { or: 1, and: 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4,
    "+": 5, "-": 5, "*": 6, div: 6, mod: 6 };
  var ISO = /^\d{4}-\d\d-\d\d(T[\d:.]+.*)?$|^\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/;
  var PY_SPACE = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g;

  function ExpressionError(expression, position, reason) {
    this.name = "ExpressionError";
    this.expression = expression;
    this.position = position;
    this.reason = reason;
    this.message = reason + " at character " + (position + 1) + " of " + JSON.stringify(expression);
  }
  ExpressionError.prototype = Object.create(Error.prototype);

  function pyRepr(s) { return "'" + String(s) + "'"; }

  function tokenize(expression) {
    var tokens = [];
    var text = expression.replace(/\s+$/, "");
    var pos = 0;
    while (pos < text.length) {
      while (/\s/.test(text[pos])) pos += 1;
      TOKEN.lastIndex = pos;
      var m = TOKEN.exec(text);
      if (!m || TOKEN.lastIndex === pos) {
        throw new ExpressionError(expression, pos, "unexpected character " + pyRepr(text[pos]));
      }
      var lead = m[0].length - m[0].replace(/^\s*/, "").length;
      var start = pos + lead;
      if (m[1] !== undefined) {
        tokens.push({ kind: "ref", text: m[2], position: start });
      } else {
        for (var g = 3; g < KINDS.length; g++) {
          if (m[g] !== undefined) { tokens.push({ kind: KINDS[g], text: m[g], position: start }); break; }
        }
      }
      pos = TOKEN.lastIndex;
    }
    tokens.push({ kind: "end", text: "", position: text.length });
    return tokens;
  }

  // ---- value conversions (XPath 1.0 as ODK applies it) ----------------------

  function isNum(v) { return typeof v === "number"; }

  function pyFloatRepr(x) {
    // Python's repr(float): the same shortest digits as JavaScript, but the
    // exponent form from 1e16 up and below 1e-4, written e+16 / e-05.
    var parts = x.toExponential().split("e");
    var exp = parseInt(parts[1], 10);
    if (exp >= -4 && exp < 16) return String(x);
    var digits = String(Math.abs(exp));
    return parts[0] + "e" + (exp < 0 ? "-" : "+") + (digits.length < 2 ? "0" + digits : digits);
  }

  function toString(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (isNum(v)) {
      if (Number.isNaN(v)) return "NaN";
      if (v === Infinity) return "inf";
      if (v === -Infinity) return "-inf";
      if (Number.isInteger(v)) return (Object.is(v, -0) ? "0" : BigInt(v).toString());
      return pyFloatRepr(v);
    }
    return String(v);
  }

  var NUMBER = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

  function toNumber(v) {
    if (typeof v === "boolean") return v ? 1 : 0;
    if (isNum(v)) return v;
    var s = toString(v).replace(PY_SPACE, "");
    var low = s.toLowerCase();
    if (!s || low === "nan" || low === "inf" || low === "-inf" || low === "infinity") return NaN;
    if (/^[+-]?(inf|infinity)$/.test(low)) return low[0] === "-" ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(low)) return NaN;
    if (!NUMBER.test(s)) return NaN;
    return parseFloat(s.replace(/_/g, ""));
  }

  function toBool(v) {
    if (typeof v === "boolean") return v;
    if (isNum(v)) return v === v && v !== 0;
    return toString(v) !== "";
  }

  function equal(a, b) {
    if (typeof a === "boolean" || typeof b === "boolean") return toBool(a) === toBool(b);
    if (isNum(a) || isNum(b)) return toNumber(a) === toNumber(b);
    return toString(a) === toString(b);
  }

  function compareText(op, a, b) {
    // Python compares code points; compare arrays of code points, not UTF-16 units.
    var x = Array.from(a), y = Array.from(b), n = Math.min(x.length, y.length), c = 0;
    for (var i = 0; i < n && c === 0; i++) c = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (c === 0) c = x.length - y.length;
    return { "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 }[op];
  }

  function ordered(op, a, b) {
    if (!(isNum(a) || isNum(b))) {
      var sa = toString(a), sb = toString(b);
      if (ISO.test(sa) && ISO.test(sb)) return compareText(op, sa, sb);
    }
    var x = toNumber(a), y = toNumber(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    return { "<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y }[op];
  }

  function divide(x, y) {
    if (y === 0) return (x === 0 || Number.isNaN(x)) ? NaN : (x < 0 ? -Infinity : Infinity);
    return x / y;
  }

  function arith(op, a, b) {
    var x = toNumber(a), y = toNumber(b);
    if (op === "+") return x + y;
    if (op === "-") return x - y;
    if (op === "*") return x * y;
    if (op === "div") return divide(x, y);
    return (y !== 0 && Math.abs(x) !== Infinity) ? x % y : NaN;
  }

  // ---- functions -------------------------------------------------------------

  function pySplit(s) { return s.split(/[\s\x1c-\x1f\x85]+/).filter(function (p) { return p !== ""; }); }

  function int(v) {
    var x = toNumber(v);
    return (Number.isNaN(x) || !Number.isFinite(x)) ? x : (Math.trunc(x) || 0);
  }

  function regex(s, pattern) {
    var re;
    try { re = new RegExp(toString(pattern), "u"); } catch (e) {
      try { re = new RegExp(toString(pattern)); } catch (e2) { return false; }
    }
    return re.test(toString(s));
  }

  function round(v, digits) {
    var x = toNumber(v);
    var d = digits === undefined ? 0 : toNumber(digits);
    d = Number.isNaN(d) || d === 0 ? 0 : Math.trunc(d);
    if (Number.isNaN(x)) return x;
    var scale = Math.pow(10, d);
    return Math.floor(x * scale + 0.5) / scale;
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  var FUNCTIONS = {
    "selected": [2, 2, function (s, v) { return pySplit(toString(s)).indexOf(toString(v).replace(PY_SPACE, "")) !== -1; }],
    "count-selected": [1, 1, function (s) { return pySplit(toString(s)).length; }],
    "string-length": [1, 1, function (s) { return Array.from(toString(s)).length; }],
    "regex": [2, 2, regex],
    "coalesce": [2, 2, function (a, b) { return toString(a) !== "" ? a : b; }],
    "int": [1, 1, int],
    "number": [1, 1, toNumber],
    "string": [1, 1, toString],
    "today": [0, 0, today],
    "not": [1, 1, function (v) { return !toBool(v); }],
    "true": [0, 0, function () { return true; }],
    "false": [0, 0, function () { return false; }],
    "concat": [1, 99, function () { return Array.prototype.map.call(arguments, toString).join(""); }],
    "round": [1, 2, round]
  };

  // ---- Pratt parser compiling to closures -----------------------------------

  function lookup(values, name) {
    var v = values ? values[name] : undefined;
    return (v === null || v === undefined) ? "" : v;
  }

  function Parser(expression) {
    this.expression = expression;
    this.tokens = tokenize(expression);
    this.i = 0;
    this.refs = new Set();
  }
  Parser.prototype.peek = function () { return this.tokens[this.i]; };
  Parser.prototype.take = function () { return this.tokens[this.i++]; };
  Parser.prototype.fail = function (tok, message) { return new ExpressionError(this.expression, tok.position, message); };
  Parser.prototype.expect = function (text) {
    var tok = this.take();
    if (tok.text !== text || tok.kind !== "op") {
      throw this.fail(tok, "expected " + pyRepr(text) + ", found " + pyRepr(tok.text || "end"));
    }
  };
  Parser.prototype.parse = function (rbp) {
    rbp = rbp || 0;
    var left = this.prefix(this.take());
    for (;;) {
      var tok = this.peek();
      var op = (tok.kind === "op" || tok.kind === "name") ? tok.text : "";
      var bp = Object.prototype.hasOwnProperty.call(INFIX, op) ? INFIX[op] : 0;
      if (bp <= rbp) return left;
      this.take();
      left = this.infix(op, left, this.parse(bp));
    }
  };
  Parser.prototype.prefix = function (tok) {
    if (tok.kind === "number") { var n = parseFloat(tok.text); return function () { return n; }; }
    if (tok.kind === "string") { var t = tok.text.slice(1, -1); return function () { return t; }; }
    if (tok.kind === "ref") {
      var name = tok.text;
      this.refs.add(name);
      return function (s) { return lookup(s.values, name); };
    }
    if (tok.kind === "dot") {
      return function (s) { return (s.current === null || s.current === undefined) ? "" : s.current; };
    }
    if (tok.kind === "op" && tok.text === "(") {
      var inner = this.parse();
      this.expect(")");
      return inner;
    }
    if (tok.kind === "op" && tok.text === "-") {
      var operand = this.parse(7);
      return function (s) { return -toNumber(operand(s)); };
    }
    if (tok.kind === "name") {
      if (this.peek().text === "(" && this.peek().kind === "op") return this.call(tok);
      var column = tok.text;
      return function (s) { return lookup(s.choice || {}, column); };
    }
    throw this.fail(tok, "unexpected " + pyRepr(tok.text || "end of expression"));
  };
  Parser.prototype.call = function (tok) {
    this.take(); // (
    var args = [];
    if (!(this.peek().kind === "op" && this.peek().text === ")")) {
      args.push(this.parse());
      while (this.peek().kind === "op" && this.peek().text === ",") {
        this.take();
        args.push(this.parse());
      }
    }
    this.expect(")");
    var name = tok.text;
    if (name === "if") {
      if (args.length !== 3) throw this.fail(tok, "if() takes 3 arguments");
      return function (s) { return toBool(args[0](s)) ? args[1](s) : args[2](s); };
    }
    if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) throw this.fail(tok, "unknown function " + name + "()");
    var spec = FUNCTIONS[name];
    if (args.length < spec[0] || args.length > spec[1]) {
      throw this.fail(tok, name + "() takes " + spec[0] + ".." + spec[1] + " arguments, got " + args.length);
    }
    var fn = spec[2];
    return function (s) { return fn.apply(null, args.map(function (g) { return g(s); })); };
  };
  Parser.prototype.infix = function (op, left, right) {
    if (op === "or") return function (s) { return toBool(left(s)) || toBool(right(s)); };
    if (op === "and") return function (s) { return toBool(left(s)) && toBool(right(s)); };
    if (op === "=") return function (s) { return equal(left(s), right(s)); };
    if (op === "!=") return function (s) { return !equal(left(s), right(s)); };
    if (op === "<" || op === "<=" || op === ">" || op === ">=") {
      return function (s) { return ordered(op, left(s), right(s)); };
    }
    return function (s) { return arith(op, left(s), right(s)); };
  };

  var cache = new Map();

  function compileExpression(text) {
    if (cache.has(text)) return cache.get(text);
    var parser = new Parser(text);
    var getter = parser.parse();
    var tail = parser.peek();
    if (tail.kind !== "end") throw parser.fail(tail, "unexpected " + pyRepr(tail.text));
    var compiled = {
      text: text,
      references: parser.refs,
      evaluate: function (values, current, choice) {
        return getter({ values: values || {}, current: current === undefined ? "" : current, choice: choice || null });
      },
      test: function (values, current, choice) { return toBool(this.evaluate(values, current, choice)); }
    };
    if (cache.size > 4096) cache.clear();
    cache.set(text, compiled);
    return compiled;
  }

  function evaluate(text, values, current, choice) {
    return compileExpression(text).evaluate(values, current, choice);
  }

  var api = { compileExpression: compileExpression, evaluate: evaluate, tokenize: tokenize,
    toString: toString, toNumber: toNumber, toBool: toBool, ExpressionError: ExpressionError };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SaylauExpr = api;
})(typeof self !== "undefined" ? self : this);
