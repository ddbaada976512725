// axe.run, with colour contrast checked once for each group of look-alike text (browser_checks.axe_run).
//
// axe's color-contrast rule costs about 1 ms of CPU for each element with text, and most of them look like
// another one: code tokens of the same kind, paragraphs, links.  Two elements look alike when they and each
// of their ancestors, pairwise, have the same tag and the same computed styles that colours depend on.
//
// The first run checks the first element of each group and skips the others (axe's color-contrast selector
// leaves out the marked ones).  A group is done when axe passed its first element with both colours known;
// the second run checks every element of the other groups.  Only elements that sit plainly on their
// ancestors join a group: each line of their text lies inside their own box and every ancestor's, and
// under its middle lies no element but them and their ancestors.  So axe takes their background from their
// ancestors, which look alike too, and for a skipped element it would find the colours it found for the
// first of its group, which passed (or it would find it hidden or be unable to judge it: never a failure).
// The second run also checks every skipped element when the page's layout moved during the first, and
// pages with a shadow root, into which axe sees and the boxes here do not, are checked whole.
//
// The other conditions for joining a group (shown, on the page, with letters or digits) only keep out
// text axe leaves out, so that the first of each group is judged and a second run, which costs as much as
// the first, is rarely needed.  The page is left as it was: no marks, axe's own settings.
async ([options, mark]) => {
  const STYLES = [
    "color", "background-color", "background-image", "background-clip", "opacity", "mix-blend-mode",
    "isolation", "filter", "backdrop-filter", "mask-image", "clip-path", "transform", "position", "z-index",
    "display", "visibility", "overflow-x", "overflow-y", "font-size", "font-weight", "text-shadow",
    "-webkit-text-fill-color", "-webkit-text-stroke-width", "-webkit-text-stroke-color",
  ];
  const looks = new Map();
  const lookOf = (element) => {
    if (!element) return "";
    let look = looks.get(element);
    if (look === undefined) {
      const style = getComputedStyle(element);
      look = `${element.tagName}{${STYLES.map((name) => style.getPropertyValue(name)).join(";")}}<`
        + lookOf(element.parentElement);
      looks.set(element, look);
    }
    return look;
  };

  // Every element's boxes, filed by the bands of the page they reach into.
  const everything = () => [...document.querySelectorAll("*")];
  const layout = (elements) => elements.map((element) => {
    const box = element.getBoundingClientRect();
    return `${box.left},${box.top},${box.width},${box.height}`;
  }).join(" ");
  const elements = everything();
  const laidOut = layout(elements);
  const BAND = 100;
  const bands = new Map();
  for (const element of elements) {
    if (!element.checkVisibility()) continue;  // not drawn (but a closed dropdown's text keeps its boxes)
    for (const box of element.getClientRects()) {
      for (let band = Math.floor(box.top / BAND); band <= Math.floor(box.bottom / BAND); band++) {
        if (!bands.has(band)) bands.set(band, []);
        bands.get(band).push([element, box]);
      }
    }
  }
  const inside = (x, y, box, margin) =>
    x >= box.left - margin && x <= box.right + margin && y >= box.top - margin && y <= box.bottom + margin;
  const root = getComputedStyle(document.documentElement);
  const rootIsClear = root.backgroundImage === "none" && /^rgba\(.*, 0\)$/.test(root.backgroundColor);
  const pageItself = new Set([document.documentElement, rootIsClear ? document.body : null]);
  const boxes = new Map();  // element -> its border box
  const boxOf = (element) => {
    if (!boxes.has(element)) boxes.set(element, element.getBoundingClientRect());
    return boxes.get(element);
  };
  const plainlyPlaced = (element, lines, own = boxOf(element)) => lines.length > 0 && lines.every((line) => {
    // off to a side of the page (a drawer out of view, a skip link above the top): axe leaves it out
    if (line.left < 0 || line.right > innerWidth || line.top + scrollY < 0) return false;
    if (!(inside(line.left, line.top, own, 1) && inside(line.right, line.bottom, own, 1))) return false;
    const [x, y] = [line.left + line.width / 2, line.top + line.height / 2];
    const under = (bands.get(Math.floor(y / BAND)) || []).filter(([, box]) => inside(x, y, box, 1));
    if (under.some(([other]) => other !== element && !other.contains(element))) return false;
    // and each ancestor holds the whole line (an ancestor the text overflows, or one that clips it, does
    // not), but for the page's own: axe counts the root as under everything, and the body too when the
    // root has no background (the body's then fills the page)
    for (let parent = element.parentElement; !pageItself.has(parent); parent = parent.parentElement) {
      const box = boxOf(parent);
      if (!(inside(line.left, line.top, box, 0) && inside(line.right, line.bottom, box, 0))) return false;
    }
    return true;
  });
  const linesOf = (element) => {
    const lines = [];
    for (const node of element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      lines.push(...[...range.getClientRects()].filter((line) => line.width && line.height));
    }
    return lines;
  };

  const only = options.runOnly?.values ?? options.runOnly;  // axe takes a list, a name, or {type, values}
  const contrast = !only || [].concat(only).includes("color-contrast");
  // axe sees into open shadow roots, which the boxes above leave out: such a page is checked whole
  const shadows = elements.some((element) => element.shadowRoot);
  const groups = new Map();  // look -> the group's elements, its first one first
  for (const old of document.querySelectorAll(`[${mark}]`)) old.removeAttribute(mark);
  for (const element of contrast && !shadows ? document.body.querySelectorAll("*") : []) {
    if (!element.checkVisibility()) continue;  // axe skips it too (a closed dropdown's text, say)
    // axe checks text with letters or digits; it leaves out punctuation and symbols alone (¶, >>>)
    const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
    if (!text.some((node) => /[\p{L}\p{N}]/u.test(node.data))) continue;
    if (!plainlyPlaced(element, linesOf(element))) continue;
    const look = lookOf(element);
    if (groups.has(look)) {
      groups.get(look).push(element);
      element.setAttribute(mark, "");
    } else {
      groups.set(look, [element]);
    }
  }

  axe.configure({rules: [{id: "color-contrast", selector: `*:not([${mark}])`}]});
  const run = async (context, runOptions) => axe.run(context, {...runOptions, elementRef: true});
  const result = await run(document, {...options, resultTypes: ["violations", "passes"]});
  const passed = new Set();
  for (const rule of result.passes.filter((rule) => rule.id === "color-contrast")) {
    for (const node of rule.nodes) {
      const data = node.any.find((check) => check.id === "color-contrast")?.data || {};
      if (data.fgColor && data.bgColor) passed.add(node.element);
    }
  }
  const moved = layout(everything()) !== laidOut;  // an element added since counts too
  const unchecked = [];
  for (const [first, ...others] of groups.values()) {
    if (moved || !passed.has(first)) unchecked.push(...others);
  }
  let violations = result.violations;
  if (unchecked.length) {
    for (const element of unchecked) element.removeAttribute(mark);
    const again = await run({include: unchecked}, {runOnly: {type: "rule", values: ["color-contrast"]},
                                                   resultTypes: ["violations"]});
    violations = violations.filter((rule) => rule.id !== "color-contrast");
    // the second run checks the unchecked elements' descendants too, which the first one did
    const found = [...result.violations, ...again.violations].filter((rule) => rule.id === "color-contrast");
    const nodes = [...new Map(found.flatMap((rule) => rule.nodes).map((node) => [node.element, node])).values()];
    if (found.length) violations.push({...found[0], nodes});
  }
  const skipped = document.querySelectorAll(`[${mark}]`);
  for (const element of skipped) element.removeAttribute(mark);
  axe.reset();
  return {
    skipped: skipped.length,
    violations: violations.map((rule) => ({
      id: rule.id,
      impact: rule.impact,
      help: rule.help,
      nodes: rule.nodes.map((node) => ({
        target: node.target,
        html: node.html.slice(0, 160),
        summary: node.failureSummary || "",
      })),
    })),
  };
};
