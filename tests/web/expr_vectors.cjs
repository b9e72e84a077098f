// Evaluates tests/web/data/expr_vectors.json with the browser evaluator
// (saylau/web/static/web/js/expr.js) and prints what it got, as JSON, for
// tests/web/test_expr_vectors.py to compare with the expected values.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const E = require(path.join(root, "src/saylau/web/static/web/js/expr.js"));
const data = JSON.parse(fs.readFileSync(process.argv[2] || path.join(__dirname, "data/expr_vectors.json"), "utf8"));

function enc(v) {
  if (typeof v === "number" && !Number.isFinite(v)) {
    return { number: Number.isNaN(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity") };
  }
  return v;
}

const vectors = data.vectors.map((item) => {
  try {
    const got = E.evaluate(item.expression, data.values, item.current === undefined ? "" : item.current,
      item.choice || null);
    return { got: enc(got), type: typeof got === "boolean" ? "bool" : (typeof got === "number" ? "number" : "str") };
  } catch (error) {
    return { error: String(error.message || error) };
  }
});
const errors = data.errors.map((item) => {
  try {
    E.compileExpression(item.expression);
    return { position: null };
  } catch (error) {
    return { position: error.position === undefined ? null : error.position, message: error.message };
  }
});
process.stdout.write(JSON.stringify({ vectors, errors }));
