// Builds ONE script (and its stylesheet) for the saylau observer app from ODK Web Forms:
//   npm ci && npm run build   ->  ../../src/saylau/web/static/web/vendor/odk-web-forms/
// See BUILD.md. The patch below gives the host page a handle on the form (see PATCHES).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import { defineConfig } from "vite";

const OUT = fileURLToPath(new URL("../../src/saylau/web/static/web/vendor/odk-web-forms/", import.meta.url));
const VERSION = JSON.parse(readFileSync(new URL("./node_modules/@getodk/web-forms/package.json", import.meta.url))).version;

// Web Forms 0.22 exposes nothing of its component to the host: no way to read the
// answers of a form being filled in (for drafts) or to press its Send button from
// the host's own, translated button. Two text replacements in the OdkWebForm
// component add `expose({ formState, send })`. Each must match exactly once, or
// the build stops: a new version of Web Forms must be looked at, not guessed at.
//
// Two more make the engine's fixed English validation messages come from the host
// page (the app's own translations), when it gives them in window.SaylauFormEngineText;
// the next lets it choose the time picker's clock (12 or 24 hours) the same way, and the
// last five give it the engine's most common words (Add, Remove... below).
const text = (key, english) => `((globalThis.SaylauFormEngineText || {}).${key} || ${JSON.stringify(english)})`;
const PATCHES = [
  ['setup(eA, { emit: tA }) {\n    const AA = "v0.22.0"',
   'setup(eA, { emit: tA, expose: saylauExpose }) {\n    const AA = "v0.22.0"'],
  ["provide(SUBMIT_PRESSED, dA);",
   "provide(SUBMIT_PRESSED, dA), saylauExpose({ formState: gA, send: () => BA(unref(gA)) });"],
  ['constraintMsg: "Condition not satisfied: constraint",\n  requiredMsg: "Condition not satisfied: required"',
   'get constraintMsg() { return (globalThis.SaylauFormEngineText || {}).constraint || "Condition not satisfied: constraint"; },\n'
   + '  get requiredMsg() { return (globalThis.SaylauFormEngineText || {}).required || "Condition not satisfied: required"; }'],
  // The time picker's clock: 12 hours (am/pm) is fixed in Web Forms; the host may ask for 24.
  ['"hour-format": "12",', '"hour-format": (globalThis.SaylauFormEngineText || {}).hourFormat || "12",'],
  // The engine's own words that observers meet most (repeats, photos, the language menu),
  // in the interface language when the host gives them.
  ['createTextVNode(" Add ", -1)', `createTextVNode(" " + ${text("add", "Add")} + " ", -1)`],
  ['label: "Remove",', `label: ${text("remove", "Remove")},`],
  ['{ literal: "Repeat Item" }', `{ literal: ${text("repeatItem", "Repeat Item")} }`],
  ['createElementVNode("span", null, "Take picture", -1)', `createElementVNode("span", null, ${text("takePicture", "Take picture")}, -1)`],
  ['label: "Change language",', `label: ${text("changeLanguage", "Change language")},`],
  // Audio, video and file questions: Web Forms 0.22 renders only image uploads and shows
  // "Support for non-image uploads is pending" for the rest. The host's own control
  // (src/main.js, UploadFileControl) takes those, given the engine's label and message components.
  ['createBlock(_sfc_main$8, {\n      key: 1,\n      question: eA.question\n    }, null, 8, ["question"])',
   'createBlock(globalThis.SaylauUploadFileControl || _sfc_main$8, {\n      key: 1,\n      question: eA.question,\n'
   + '      controlText: ControlText,\n      validationMessage: ValidationMessage\n    }, null, 8, ["question"])'],
];

function exposeOdkWebForm() {
  return {
    name: "saylau-expose-odk-web-form",
    transform(code, id) {
      if (!/@getodk[\\/]web-forms[\\/]dist[\\/]index-[^\\/]+\.js$/.test(id)) return null;
      if (VERSION !== "0.22.0") throw new Error(`PATCHES are written for @getodk/web-forms 0.22.0, found ${VERSION}`);
      let out = code;
      for (const [from, to] of PATCHES) {
        const count = out.split(from).length - 1;
        if (count !== 1) throw new Error(`patch target found ${count} times (expected once): ${from}`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

// Vite leaves a library in ES format unminified; minify the one chunk with esbuild.
function minifyChunk() {
  return {
    name: "saylau-minify",
    async renderChunk(code) {
      const out = await transform(code, { minify: true, format: "esm", target: "es2022", legalComments: "eof" });
      return { code: out.code, map: null };
    },
  };
}

export default defineConfig({
  plugins: [exposeOdkWebForm(), minifyChunk()],
  define: {
    "process.env.NODE_ENV": JSON.stringify("production"),
    __VUE_OPTIONS_API__: "true",
    __VUE_PROD_DEVTOOLS__: "false",
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
    __SAYLAU_ENGINE_VERSION__: JSON.stringify(VERSION),
  },
  build: {
    outDir: OUT,
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: false,
    minify: "esbuild",
    target: "es2022",
    lib: {
      entry: fileURLToPath(new URL("./src/main.js", import.meta.url)),
      name: "SaylauFormEngine",
      formats: ["es"],
      fileName: () => "odk-web-forms.js",
      cssFileName: "odk-web-forms",
    },
    // The map widget (OpenLayers) stays a chunk of its own, loaded on first use: inlined, its
    // module would run before the component code it imports from (a circular import).
    rollupOptions: { output: { chunkFileNames: "odk-web-forms-[name].js" } },
  },
});
