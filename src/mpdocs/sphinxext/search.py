"""Chinese search that also works for queries typed without spaces.

Sphinx's ``zh`` indexer cuts page text into words with jieba, but the browser
splits a query only at spaces and punctuation, so 进程池的方法 was looked up
as one word and found nothing.  This splitter cuts each run of Chinese
characters into the longest words the index contains.

Readers type questions (如何创建进程, 队列满了怎么办), and Sphinx requires every
query word on a page.  Question words and particles are therefore stopwords:
the splitter drops them, so they neither block a match nor glue their
neighbours into a word no page holds (满了).  Pages are then ranked by every
query word, a word in a title or heading counting most, instead of by the one
best word, so the page whose headings hold the question's terms comes first.

``html_search_options["dict"]`` (jieba's user dictionary) may be given
relative to the configuration folder, like ``html_static_path``; Sphinx
itself would read it relative to the working folder and silently skip it when
it is not found there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.search.zh import SearchChinese

# Never searched for (``stopwords``): what a question adds to its terms.
QUESTION_WORDS = frozenset({
    "如何", "怎么", "怎么办", "怎么样", "怎样", "什么", "为什么", "为何", "哪", "哪些", "哪个",
    "吗", "呢", "吧", "啊", "呀", "了", "的", "地", "得", "是", "我", "我们", "你",
    "要", "想", "能", "能否", "可以", "会", "该", "应该", "请问",
})

# Runs in the browser, in language_data.js, after searchtools.js (``Search``, ``Scorer``) and after
# ``stopwords``; ``Search._index`` is loaded before any query is split.
SEARCH_JS = r"""
// The query cut into pieces: ["word", w] (indexed, or not Chinese), ["char", c] (a Chinese
// character starting no indexed word), ["stop", s] (a stopword), ["break", ""] (a separator).
const cutQuery = (query) => {
  const index = (typeof Search !== "undefined" && Search._index) || {};
  const indexed = (word) =>
    [index.terms, index.titleterms].some((terms) => terms && Object.hasOwn(terms, word));
  const known = (word) => indexed(word) || stopwords.has(word);
  const pieces = [];
  const cutChinese = (run) => {
    for (let start = 0; start < run.length; ) {
      let length = Math.min(run.length - start, 8);
      while (length > 1 && !known(run.substr(start, length))) length--;
      const word = run.substr(start, length);
      const kind = stopwords.has(word) ? "stop" : length > 1 ? "word" : "char";
      pieces.push([kind, word]);
      start += length;
    }
  };
  for (const token of query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)) {
    for (const run of token.match(/\p{Script=Han}+|\P{Script=Han}+/gu) || []) {
      if (/\p{Script=Han}/u.test(run)) cutChinese(run);
      else pieces.push(["word", run]);
    }
    pieces.push(["break", ""]);
  }
  return pieces;
};

// Runs of pieces of these kinds (between stopwords and separators), each a list of texts.
const runsOf = (pieces, kinds) => {
  const runs = [];
  let run = [];
  for (const [kind, text] of [...pieces, ["break", ""]]) {
    if (kinds.includes(kind)) {
      run.push(text);
      continue;
    }
    if (run.length) runs.push(run);
    run = [];
  }
  return runs;
};

// The words a page must hold: indexed words, and runs of unknown characters (one character is
// never indexed, see SearchChinese.word_filter, so it is dropped).
var splitQuery = (query) => {
  const pieces = cutQuery(query);
  const words = pieces.filter(([kind]) => kind === "word").map(([, text]) => text);
  const unknown = runsOf(pieces, ["char"]).map((run) => run.join(""));
  return [...words, ...unknown.filter((run) => run.length > 1)];
};

// Ranking.  Sphinx scores a page by its best query word.  Here every word counts: Scorer.title in
// a heading, again in the page's own title, Scorer.term in the text.  A heading holding a phrase of
// the question (its words between question words: 队列+满 of 队列满了怎么办) adds Scorer.title,
// more the less else the heading says; headings are cut into words as the query is, so 创建+进程
// is not found in 创建+进程池.  A question asking what something is (什么是僵尸进程) puts the page
// defining the term (the glossary's index entry) first.
if (typeof Search !== "undefined") {
  const cut = (text) => {
    const pieces = cutQuery(text.toLowerCase()).filter(([kind]) => kind !== "break");
    const words = `|${pieces.map(([, piece]) => piece).join("|")}|`;
    return { words, text: text.toLowerCase(), length: text.length };
  };
  let asked = { words: [], phrases: [], definition: false };
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query);
    const runs = runsOf(cutQuery(query.toLowerCase()), ["word", "char"]);
    asked = {
      words: [...parsed[1]],
      phrases: runs.map((run) => ({ words: `|${run.join("|")}|`, text: run.join("") }))
        .filter((phrase) => phrase.text.length > 1),
      definition: /什么是|是什么|什么叫|指什么/.test(query.replace(/\s+/g, "")),
    };
    return parsed;
  };
  const placesOf = (mapping, file) => Object.entries(mapping)
    .filter(([, places]) => places.some(([place]) => place === file)).map(([text]) => text);
  const holds = (mapping, word, file) =>
    Object.hasOwn(mapping, word) && [mapping[word]].flat().includes(file);
  const wordScore = (word, file, title) => {
    const { terms, titleterms } = Search._index;
    const inTitle = title.text.includes(word) ? Scorer.title : 0;
    if (holds(titleterms, word, file)) return Scorer.title + inTitle;
    return holds(terms, word, file) ? Scorer.term : Scorer.partialTerm;
  };
  const phraseScore = (phrase, headings) => {
    const holding = headings.filter((heading) => heading.words.includes(phrase.words));
    if (!holding.length) return 0;
    return Scorer.title * (1 + phrase.text.length / Math.min(...holding.map((h) => h.length)));
  };
  Scorer.score = (result) => {
    const [docname, , , , score, , kind] = result;
    if (kind !== SearchResultKind.text && kind !== SearchResultKind.index) return score;
    const { docnames, titles, alltitles, indexentries } = Search._index;
    const file = docnames.indexOf(docname);
    const title = cut(titles[file]);
    const headings = placesOf(alltitles, file).map(cut);
    const defined = placesOf(indexentries, file).map((entry) => entry.toLowerCase());
    const defines = [...asked.words, ...asked.phrases.map((phrase) => phrase.text)]
      .some((word) => defined.includes(word));
    return asked.words.reduce((sum, word) => sum + wordScore(word, file, title), 0)
      + asked.phrases.reduce((sum, phrase) => sum + phraseScore(phrase, headings), 0)
      // more than a heading, the page's title and a phrase can give one word together
      + (asked.definition && defines ? 4 * Scorer.title : 0);
  };
}
"""


class SearchChineseWords(SearchChinese):
    # Only the browser's query uses them: SearchChinese.word_filter keeps every word in the index.
    stopwords = SearchChinese.stopwords | QUESTION_WORDS
    js_splitter_code = SEARCH_JS


def resolve_user_dictionary(app: Sphinx, config: Config) -> None:
    dictionary = config.html_search_options.get("dict")
    if dictionary is None:
        return
    path = Path(app.confdir, dictionary)
    if not path.is_file():
        raise ConfigError(f"html_search_options['dict']: no file {path}")
    config.html_search_options["dict"] = str(path)


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("config-inited", resolve_user_dictionary)
    # jieba reports building its dictionary on stderr at DEBUG level.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    app.add_search_language(SearchChineseWords)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
