/* Tab sets of output blocks (mpdocs.sphinxext.tabs): WAI-ARIA tabs, one per block; every set
   shows the tab for the reader's start method and Python release, chosen once for the whole site
   (localStorage, or a link: ?start-method=spawn&python=3.14), first guessed from the platform.
   The facts come from this script's tag (mpdocs.sphinxext.platform_defaults).  Without this
   script, and on paper, every block shows under its own header. */
(() => {
  "use strict";
  const facts = document.currentScript.dataset;
  const defaults = JSON.parse(facts.defaults); // platform -> release -> default start method
  const releases = facts.releases.split(" ");
  const methods = facts.methods.split(" ");
  const KEY = "mpdocs-choice";
  const words = (text) => (text ? text.split(" ") : []);

  const stored = () => {
    try {
      const value = JSON.parse(localStorage.getItem(KEY));
      return value && typeof value === "object" ? value : {};
    } catch {
      return {};
    }
  };
  const store = () => {
    try {
      localStorage.setItem(KEY, JSON.stringify(chosen));
    } catch {
      // storage refused (private browsing): the choice lasts for this page only
    }
  };

  let chosen = stored(); // what the reader picked: {method, python}, each optional
  const link = new URLSearchParams(location.search);
  if (methods.includes(link.get("start-method")) || releases.includes(link.get("python"))) {
    if (methods.includes(link.get("start-method"))) chosen.method = link.get("start-method");
    if (releases.includes(link.get("python"))) chosen.python = link.get("python");
    store();
  }

  const platform = () => {
    const named = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.userAgent;
    if (/Win/.test(named)) return "Windows";
    if (/mac|iphone|ipad/i.test(named)) return "macOS";
    return "Linux";
  };
  // The reader's case: their release (else the newest checked), their method (else the default there).
  // (A stored choice the site no longer offers, such as a release it stopped checking, is ignored.)
  const current = () => {
    const python = releases.includes(chosen.python) ? chosen.python : releases[releases.length - 1];
    return { python, method: methods.includes(chosen.method) ? chosen.method : defaults[platform()][python] };
  };
  const fitsMethod = (panel, want) => {
    const own = words(panel.dataset.methods); // none: for every method
    return !own.length || own.includes(want.method);
  };
  const fitsRelease = (panel, want) => words(panel.dataset.releases).includes(want.python);
  // The tab for the reader's case; failing that, for their release, then for their method.
  const pick = (set, want) =>
    [[fitsMethod, fitsRelease], [fitsRelease], [fitsMethod]]
      .map((tests) => set.panels.findIndex((panel) => tests.every((fits) => fits(panel, want))))
      .find((index) => index >= 0);

  const select = (set, index) => {
    set.tabs.forEach((tab, at) => {
      tab.setAttribute("aria-selected", String(at === index));
      tab.tabIndex = at === index ? 0 : -1;
      set.panels[at].hidden = at !== index;
    });
  };
  const showChoice = () => {
    const want = current();
    for (const set of sets) {
      const index = pick(set, want);
      if (index !== undefined) select(set, index);
    }
  };

  const choose = (set, index) => {
    const tab = set.tabs[index];
    const panel = set.panels[index];
    const before = tab.getBoundingClientRect().top;
    const want = current();
    const own = words(panel.dataset.methods);
    const ownReleases = words(panel.dataset.releases);
    if (own.length && !own.includes(want.method)) chosen.method = own[0];
    if (ownReleases.length && !ownReleases.includes(want.python)) chosen.python = ownReleases[ownReleases.length - 1];
    store();
    showChoice();
    select(set, index); // a block for no checked release is still shown when asked for
    // Sets above may have changed height: keep the tab under the reader's pointer.
    window.scrollBy({ top: tab.getBoundingClientRect().top - before, behavior: "instant" });
  };

  const keys = (set, event) => {
    const at = set.tabs.indexOf(document.activeElement);
    const last = set.tabs.length - 1;
    const next = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    if (at < 0 || next === undefined) return;
    event.preventDefault();
    set.tabs[next].focus();
    choose(set, next);
  };

  let count = 0;
  const build = (element) => {
    const panels = [...element.children].filter((child) => child.classList.contains("mp-tab-panel"));
    const set = { panels, tabs: [] };
    const list = document.createElement("div");
    list.className = "mp-tablist";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", element.dataset.label);
    for (const panel of panels) {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.className = "mp-tab";
      tab.id = `mp-tab-${++count}`;
      panel.id = panel.id || `${tab.id}-panel`;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      for (const [text, name] of [[panel.dataset.label, "mp-tab-name"], [panel.dataset.note, "mp-tab-note"]]) {
        if (!text) continue;
        const span = document.createElement("span");
        span.className = name;
        span.textContent = text;
        tab.append(span);
      }
      const index = set.tabs.push(tab) - 1;
      tab.addEventListener("click", () => choose(set, index));
    }
    list.append(...set.tabs);
    list.addEventListener("keydown", (event) => keys(set, event));
    panels[0].before(list);
    element.classList.add("mp-tabs-ready");
    select(set, 0);
    return set;
  };

  const sets = [...document.querySelectorAll(".mp-tabs")].map(build);
  showChoice();
  // Another window of the site changed the choice.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY) return;
    chosen = stored();
    showChoice();
  });
})();
