/* What the admin's scripts leave undone, fixed as it appears (nothing else on the page is touched):
   - words written in English whatever the editor's language: wagtail-localize 1.14's translation editor leaves
     "More actions", "… to … translation" and its dates (server-side "%d %B %Y") untranslated;
   - inputs without a label a screen reader can read: the tag field's text input (jQuery tag-it) and the file inputs
     of the multiple upload and of the translation editor's PO upload (Wagtail 8.0, wagtail-localize 1.14). */
(() => {
  const lang = document.documentElement.lang || "en";
  if (typeof window.gettext !== "function") return;
  const translating = !lang.startsWith("en");
  const interpolate = window.interpolate;
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  const englishDate = new RegExp(`\\b(\\d{1,2}) (${months.join("|")}) (\\d{4})\\b`, "g");
  const dateFormat = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" });
  const translationTitle = /^(.+) to (.+) translation$/;

  function translated(text) {
    const trimmed = text.trim();
    if (trimmed === "More actions") return gettext("More actions");
    const title = trimmed.match(translationTitle);
    if (title) {
      return interpolate(gettext("Translation from %(source)s into %(target)s"), { source: title[1], target: title[2] }, true);
    }
    return text.replace(englishDate, (_, day, month, year) =>
      dateFormat.format(new Date(Number(year), months.indexOf(month), Number(day))),
    );
  }

  function label(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll("input.ui-autocomplete-input, input[type=file]").forEach((input) => {
      if (input.labels?.length || input.hasAttribute("aria-label") || input.hasAttribute("aria-labelledby")) return;
      const fieldLabel = input.closest(".w-field__wrapper, .w-field")?.querySelector("label")?.textContent.trim();
      input.setAttribute("aria-label", fieldLabel || gettext("Choose a file to upload"));
    });
  }

  function fix(root) {
    label(root);
    if (!translating) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const changes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const next = translated(node.nodeValue);
      if (next !== node.nodeValue) changes.push([node, next]);
    }
    changes.forEach(([node, next]) => { node.nodeValue = next; });
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) fix(node);
        else if (node.nodeType === Node.TEXT_NODE) fix(node.parentNode || document.body);
      });
      if (record.type === "characterData" && record.target.parentNode) fix(record.target.parentNode);
    }
  });
  const start = () => {
    fix(document.body);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
