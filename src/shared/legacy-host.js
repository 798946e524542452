/*
 * Runs before office.js and the bundles, in ES5 so that any webview parses it (issue 17). When the
 * host cannot run the add-in (no ES2017 library: Internet Explorer 11's webview, which Office on
 * older Windows uses), when a bundle fails to parse there, or when office.js cannot be loaded
 * (a closed network with the CDN build), the page says so in Japanese, or in English where the
 * browser's language is English, instead of staying at "Loading…" for ever. Text only, no markup;
 * a separate file, not an inline script, so that the pages' CSP needs no hash.
 */
(function () {
  "use strict";
  var MESSAGES = {
    ja: {
      host:
        "この Office では 進捗 (Shinchoku) を動かせません。Excel (Microsoft 365) を更新するか、" +
        "Microsoft Edge WebView2 ランタイムを導入してください。分からないときは情報システム担当にご相談ください。",
      officeJs:
        "Office のライブラリ (office.js) を読み込めませんでした。インターネットに接続できない" +
        "ネットワークでは、OFFICE_JS=local でビルドした版を庁内のサーバーに置いて使ってください。",
    },
    en: {
      host:
        "Shinchoku cannot run in this version of Office. Update Excel (Microsoft 365) or install " +
        "the Microsoft Edge WebView2 Runtime; ask your IT support if unsure.",
      officeJs:
        "The Office library (office.js) could not be loaded. On a network without Internet access, " +
        "serve the build made with OFFICE_JS=local from an internal server.",
    },
  };

  function lang() {
    var l = (navigator.languages && navigator.languages[0]) || navigator.language || "";
    return String(l).toLowerCase().indexOf("en") === 0 ? "en" : "ja";
  }

  /** ES2017's library, as far as can be told without eval: the bundles need all of it. */
  function hostSupported() {
    return (
      typeof Promise === "function" &&
      typeof Symbol === "function" &&
      typeof Object.entries === "function" &&
      typeof Object.values === "function" &&
      typeof String.prototype.padStart === "function" &&
      typeof Array.prototype.includes === "function" &&
      typeof window.fetch === "function"
    );
  }

  var shown = null;
  function show(kind) {
    if (shown === "host") return;
    shown = kind;
    var text = MESSAGES[lang()][kind];
    function render() {
      // Without office.js a page whose bundle still rendered (the dialog works outside Office) is kept.
      if (kind === "officeJs" && !notStarted()) return;
      var root = document.getElementById("app") || document.getElementById("dialog") || document.body;
      if (!root) return;
      while (root.firstChild) root.removeChild(root.firstChild);
      var p = document.createElement("p");
      p.className = "sk-unsupported";
      p.setAttribute("role", "alert");
      p.setAttribute("data-testid", "unsupported-" + kind);
      p.appendChild(document.createTextNode(text));
      root.appendChild(p);
      root.setAttribute("aria-busy", "false");
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
    else render();
  }

  /** Whether the page still shows its placeholder (nothing of ours has started). */
  function notStarted() {
    var root = document.getElementById("app") || document.getElementById("dialog");
    if (!root) return true;
    return !root.firstElementChild || root.querySelector(".sk-loading") !== null;
  }

  if (!hostSupported()) {
    show("host");
    return;
  }
  function onError(e) {
    var target = e.target;
    // A script that failed to load (not bubbling, so caught on the way down).
    if (target && target.tagName === "SCRIPT") {
      if (/office(\.debug)?\.js(\?|$)/.test(target.src || "")) show("officeJs");
      return;
    }
    // A bundle this host could not parse, before anything of ours started.
    var isSyntax = (e.error && e.error.name === "SyntaxError") || /SyntaxError/.test(e.message || "");
    if (isSyntax && notStarted()) show("host");
  }
  window.addEventListener("error", onError, true);
})();
