/* saylau observer app: from an XForm instance (the XML the form engine produces) to the
 * answers the JSON API takes (docs/forms.md, "In the browser"; the server's contract):
 *   - key: the question's name (the element's local name); groups are flattened;
 *   - value: the text the instance holds; an empty element is left out (unanswered);
 *   - a repeat: a list of dicts under the repeat's name, one per instance (nested the same way);
 *   - metadata (start, end, today, deviceid, username...) and the meta group's children
 *     (instanceID, instanceName...) are answers like any other.
 * Which elements are repeats is read from the XForm itself (its <repeat nodeset> and
 * jr:template markers), never guessed from how often an element occurs.
 */
(function (root) {
  "use strict";

  var JR = "http://openrosa.org/javarosa";

  function parse(text) {
    var doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("not well-formed XML");
    return doc;
  }

  function elements(node) {
    return Array.prototype.filter.call(node.childNodes, function (c) { return c.nodeType === 1; });
  }

  /* The XForm's repeats, by their absolute path without predicates ("/data/group/repeat"). */
  function repeatPaths(xform) {
    var doc = typeof xform === "string" ? parse(xform) : xform;
    var paths = {};
    Array.prototype.forEach.call(doc.getElementsByTagName("*"), function (el) {
      if (el.localName === "repeat" && el.getAttribute("nodeset")) {
        paths[el.getAttribute("nodeset").replace(/\[[^\]]*\]/g, "")] = true;
      }
      if (el.hasAttributeNS && el.hasAttributeNS(JR, "template")) paths[pathOf(el)] = true;
    });
    return paths;
  }

  function pathOf(el) {
    var parts = [];
    for (var node = el; node && node.nodeType === 1 && node.localName !== "instance"; node = node.parentNode) {
      parts.unshift(node.localName);
    }
    return "/" + parts.join("/");
  }

  function walk(el, path, repeats, target) {
    elements(el).forEach(function (child) {
      if (child.hasAttributeNS && child.hasAttributeNS(JR, "template")) return;
      var name = child.localName;
      var childPath = path + "/" + name;
      if (repeats[childPath]) {
        var list = target[name] || (target[name] = []);
        list.push(walk(child, childPath, repeats, {}));
      } else if (elements(child).length) {
        walk(child, childPath, repeats, target);
      } else {
        var text = child.textContent;
        if (text !== "") target[name] = text;
      }
    });
    return target;
  }

  /* answers(instanceXml, xform) -> {name: text | [ {...}, ... ]} */
  function toAnswers(instanceXml, xform) {
    var doc = parse(instanceXml);
    var top = doc.documentElement;
    return walk(top, "/" + top.localName, repeatPaths(xform), {});
  }

  /* The names of the primary instance's leaves and repeats in the XForm (e.g. to know
   * whether a form asks for the station itself). */
  function fieldNames(xform) {
    var doc = typeof xform === "string" ? parse(xform) : xform;
    var instance = Array.prototype.filter.call(doc.getElementsByTagName("*"), function (el) {
      return el.localName === "instance" && !el.getAttribute("id");
    })[0];
    var names = [];
    (function visit(node) {
      elements(node).forEach(function (child) { names.push(child.localName); visit(child); });
    })(instance ? elements(instance)[0] : doc.documentElement);
    return names;
  }

  /* The other way: an instance (XML text) of the XForm holding these answers, for a draft
   * kept by the app's earlier renderer (answers, no instance) so the engine can open it. */
  function fromAnswers(answers, xform) {
    var doc = typeof xform === "string" ? parse(xform) : xform;
    var instance = Array.prototype.filter.call(doc.getElementsByTagName("*"), function (el) {
      return el.localName === "instance" && !el.getAttribute("id");
    })[0];
    var top = elements(instance)[0].cloneNode(true);
    var repeats = repeatPaths(doc);
    (function fill(el, path, values) {
      var seen = {};
      elements(el).forEach(function (child) {
        var name = child.localName, childPath = path + "/" + name;
        if (repeats[childPath]) {
          if (seen[name]) { el.removeChild(child); return; }
          seen[name] = true;
          var items = Array.isArray(values[name]) ? values[name] : [];
          items.forEach(function (item) {
            var copy = child.cloneNode(true);
            copy.removeAttributeNS(JR, "template");
            fill(copy, childPath, item || {});
            el.insertBefore(copy, child);
          });
          el.removeChild(child);
        } else if (elements(child).length) {
          fill(child, childPath, values);
        } else if (Object.prototype.hasOwnProperty.call(values, name)) {
          var value = values[name];
          child.textContent = Array.isArray(value) ? value.join(" ") : String(value);
        }
      });
    })(top, "/" + top.localName, answers || {});
    return new XMLSerializer().serializeToString(top);
  }

  root.SaylauInstance = { toAnswers: toAnswers, fromAnswers: fromAnswers, repeatPaths: repeatPaths, fieldNames: fieldNames };
})(typeof self !== "undefined" ? self : this);
