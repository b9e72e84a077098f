/* saylau's entry into ODK Web Forms: window.SaylauFormEngine.
 *
 * mount(container, options) renders one XForm with ODK Web Forms and returns a
 * handle the observer app (web/js/observe.js) drives:
 *   options.xform        the XForm XML (text)
 *   options.draft        optional { xml, files: {name: Blob} } to continue a draft
 *   options.language     the interface language (en, ru, kk): the form's own language
 *                        with that code is chosen first; the form's language menu
 *                        offers every language the form defines
 *   options.media        the form's media (images, CSV for external choices): {file name: Blob or URL}
 *   options.preload      jr:preload properties (username, deviceID, email, phoneNumber)
 *   options.onReady()    the form is on the page
 *   options.onChange()   something may have changed (debounced); call snapshot()
 *   options.onSubmit(s)  the observer sent a form the engine found valid; s as snapshot()
 *   options.onInvalid(n) the observer pressed send with n questions in error
 * handle.send()          press the form's send (the engine checks every question)
 * handle.snapshot()      Promise of { xml, files: [File], valid, errors }
 * handle.languages()     the form's languages; handle.setLanguage(name)
 * handle.setValue(name, value)   a text question's answer (the engine's other widgets do not
 *                        show values set this way: drafts are restored as whole instances)
 * handle.questionNames()
 * Every question's container gets data-name="<the question's name>".
 * handle.unmount()
 */
import { createApp, h, ref, unref } from "vue";
import { OdkWebForm, webFormsPlugin } from "@getodk/web-forms";
import "./saylau.css";

const INSTANCE_FILE = "xml_submission_file";

function fromPayload(payload) {
  const data = payload.data[0];
  const files = [];
  let xml = null;
  for (const [name, value] of data.entries()) {
    if (name === INSTANCE_FILE) xml = value;
    else files.push(value);
  }
  return xml.text().then((text) => ({
    xml: text, files, valid: payload.status === "ready",
    errors: payload.violations ? payload.violations.length : 0,
  }));
}

function pickLanguage(languages, code) {
  const real = languages.filter((l) => !l.isSyntheticDefault);
  const wanted = String(code || "").toLowerCase();
  const byCode = real.find((l) => new RegExp(`\\(${wanted}\\)\\s*$`, "i").test(l.language) || l.language.toLowerCase() === wanted);
  const names = { en: /^english/i, ru: /^(russian|русский)/i, kk: /^(kazakh|қазақ)/i };
  return byCode || (names[wanted] && real.find((l) => names[wanted].test(l.language))) || null;
}

/* A form's media (jr://images/x.jpg, jr://file-csv/list.csv...): by file name from
 * options.media ({name: the file as a Blob kept on the device, or a same-origin URL}); a file
 * the server does not list is missing (the engine shows the question without it), never
 * fetched from elsewhere. */
function fetchAttachment(url, media) {
  const name = decodeURIComponent(url.replace(/^jr:\/\/[^/]*\//, "").split("/").pop());
  if (Object.prototype.hasOwnProperty.call(media, name)) {
    const file = media[name];
    if (file instanceof Blob) {
      return Promise.resolve(new Response(file, { headers: { "Content-Type": file.type || "application/octet-stream" } }));
    }
    return fetch(file, { credentials: "same-origin" });
  }
  return Promise.resolve(new Response("", { status: 404, statusText: "not among the form's media" }));
}

/* PrimeVue's calendar words (month and day names, first day of the week) in the interface
 * language, from the browser's own Intl data: the engine's date pickers speak it too. */
function calendarLocale(lang) {
  const names = (opts, n, make) => Array.from({ length: n }, (_, i) => new Intl.DateTimeFormat(lang, opts).format(make(i)));
  const day = (i) => new Date(Date.UTC(2023, 0, 1 + i, 12));  // 1 January 2023 was a Sunday
  const month = (i) => new Date(Date.UTC(2023, i, 15, 12));
  let firstDayOfWeek = lang === "en" ? 0 : 1;
  try {
    const info = new Intl.Locale(lang).weekInfo || new Intl.Locale(lang).getWeekInfo();
    firstDayOfWeek = info.firstDay % 7;
  } catch (e) { /* keep the default */ }
  return {
    dayNames: names({ weekday: "long", timeZone: "UTC" }, 7, day),
    dayNamesShort: names({ weekday: "short", timeZone: "UTC" }, 7, day),
    dayNamesMin: names({ weekday: "narrow", timeZone: "UTC" }, 7, day),
    monthNames: names({ month: "long", timeZone: "UTC" }, 12, month),
    monthNamesShort: names({ month: "short", timeZone: "UTC" }, 12, month),
    firstDayOfWeek,
  };
}

/* PrimeVue's own words (file chooser, clear, cancel) from the host's texts, when given. */
function widgetWords() {
  const t = globalThis.SaylauFormEngineText || {};
  const out = {};
  for (const [key, from] of [["choose", "choose"], ["upload", "upload"], ["cancel", "cancel"], ["clear", "clear"],
    ["noFileChosenMessage", "noFile"]]) {
    if (t[from]) out[key] = t[from];
  }
  return out;
}

/* Audio, video and file questions (Web Forms 0.22 renders image uploads only; a patch in
 * vite.config.js puts this control in place of its "pending" notice). The question's
 * label and validation message are the engine's own components; between them a file
 * chooser (the form's media type for audio and video, any file for a file question; on
 * a phone the chooser offers the recorder or camera too), the chosen file's name and size,
 * and a button that clears the answer. The file becomes the question's value as a photo
 * does, so the engine puts it in the submission beside the instance. */
function fileSize(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const UploadFileControl = {
  name: "SaylauUploadFileControl",
  props: { question: { type: Object, required: true }, controlText: [Object, Function],
    validationMessage: [Object, Function] },
  setup(props) {
    const input = ref(null);
    const choose = (event) => props.question.setValue((event.target.files && event.target.files[0]) || null);
    const clear = () => {
      props.question.setValue(null);
      if (input.value) input.value.value = "";
    };
    return () => {
      const q = props.question;
      const media = q.nodeOptions.media || {};
      const value = q.currentState.value;
      const readonly = q.currentState.readonly === true;
      const words = globalThis.SaylauFormEngineText || {};
      const accept = media.type === "audio" || media.type === "video" ? media.accept : undefined;
      return h("div", { class: "saylau-upload" }, [
        props.controlText ? h(props.controlText, { question: q }) : null,
        h("input", { ref: input, type: "file", accept, disabled: readonly, class: "saylau-upload-input",
          "aria-label": q.currentState.label ? q.currentState.label.asString : q.nodeId, onChange: choose }),
        value ? h("p", { class: "saylau-upload-chosen" }, [
          h("span", null, `${value.name || ""} (${fileSize(value.size || 0)})`), " ",
          readonly ? null : h("button", { type: "button", class: "saylau-upload-clear", onClick: clear },
            words.clear || "Clear"),
        ]) : null,
        props.validationMessage ? h(props.validationMessage, {
          message: q.validationState.violation ? q.validationState.violation.message.formatted : undefined,
        }) : null,
      ]);
    };
  },
};
globalThis.SaylauUploadFileControl = UploadFileControl;

function mount(container, options) {
  const form = ref(null);
  let languageSet = false;
  let changeTimer = null;
  const props = {
    ref: form,
    formXml: options.xform,
    fetchFormAttachment: (url) => fetchAttachment(String(url), options.media || {}),
    missingResourceBehavior: "BLANK",
    preloadProperties: options.preload || {},
    trackDevice: !(options.preload && options.preload.deviceID),
    onSubmit: (payload) => fromPayload(payload).then((s) => options.onSubmit && options.onSubmit(s)),
  };
  if (options.draft && options.draft.xml) {
    const files = options.draft.files || {};
    props.editInstance = {
      resolveInstance: () => options.draft.xml,
      attachmentFileNames: Object.keys(files),
      resolveAttachment: (name) => new Response(files[name], { headers: { "Content-Type": files[name].type || "application/octet-stream" } }),
    };
  }
  const app = createApp({ render: () => h(OdkWebForm, props) });
  app.use(webFormsPlugin);
  if (options.language) {
    const primevue = app.config.globalProperties.$primevue;
    if (primevue && primevue.config && primevue.config.locale) {
      Object.assign(primevue.config.locale, calendarLocale(options.language), widgetWords());
    }
  }
  app.mount(container);

  // The exposed state, unwrapped by Vue's component proxy (unref() either way).
  function state() {
    return form.value ? unref(form.value.formState) : null;
  }
  function root() {
    const s = state();
    return s && s.status === "FORM_STATE_SUCCESS" ? s.root : null;
  }

  // Tell the host when the form is ready, and choose the interface language once.
  const watcher = setInterval(() => {
    const r = root();
    const s = state();
    if (s && s.status === "FORM_STATE_FAILURE") {
      clearInterval(watcher);
      if (options.onError) options.onError(s.error);
      return;
    }
    if (!r) return;
    clearInterval(watcher);
    if (!languageSet) {
      languageSet = true;
      const lang = pickLanguage(r.languages || [], options.language);
      if (lang) r.setLanguage(lang);
    }
    container.setAttribute("data-engine-ready", "true");
    if (options.onReady) options.onReady();
  }, 30);

  // Mark each question's container with the question's name (data-name), for the app
  // (server errors, station) and for tests: the engine identifies them by node ids only.
  function nodes(node, out) {
    const children = (node.currentState && node.currentState.children) || [];
    for (const child of children) {
      const nodeset = child.definition && child.definition.nodeset;
      if (nodeset) out.push([nodeset.split("/").pop(), child]);
      nodes(child, out);
    }
    return out;
  }
  function tag() {
    const r = root();
    if (!r) return;
    for (const [name, node] of nodes(r, [])) {
      const box = document.getElementById(`${node.nodeId}_container`);
      if (box && box.getAttribute("data-name") !== name) box.setAttribute("data-name", name);
    }
  }
  const observer = new MutationObserver(() => tag());
  observer.observe(container, { childList: true, subtree: true });

  const changed = () => {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => { if (options.onChange) options.onChange(); }, 300);
  };
  ["input", "change", "click", "keyup"].forEach((type) => container.addEventListener(type, changed, true));

  return {
    send() {
      if (!root()) return;
      form.value.send();
      const errors = root().validationState.violations.length;
      if (errors && options.onInvalid) options.onInvalid(errors);
    },
    snapshot() {
      const r = root();
      if (!r) return Promise.resolve(null);
      return r.prepareInstancePayload({ payloadType: "monolithic" }).then(fromPayload);
    },
    languages() {
      const r = root();
      return r ? r.languages.filter((l) => !l.isSyntheticDefault).map((l) => l.language) : [];
    },
    setLanguage(name) {
      const r = root();
      const lang = r && r.languages.find((l) => l.language === name);
      if (lang) r.setLanguage(lang);
    },
    /* Set a text question's answer by name (the station the observer is deployed to). */
    setValue(name, value) {
      const r = root();
      const found = r && nodes(r, []).find(([n, node]) => n === name && typeof node.setValue === "function");
      if (found) found[1].setValue(value);
      return Boolean(found);
    },
    /* The engine's root node (for the console and tests; not used by the app). */
    engineRoot() {
      return root();
    },
    questionNames() {
      const r = root();
      return r ? nodes(r, []).map(([n]) => n) : [];
    },
    unmount() {
      observer.disconnect();
      clearInterval(watcher);
      clearTimeout(changeTimer);
      app.unmount();
    },
  };
}

// A module script runs after the page's classic scripts: announce the engine to them.
// eslint-disable-next-line no-undef
window.SaylauFormEngine = { mount, version: __SAYLAU_ENGINE_VERSION__ };
window.dispatchEvent(new Event("saylau-formengine"));
