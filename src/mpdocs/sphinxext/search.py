"""Chinese search that also works for queries typed without spaces.

Sphinx's ``zh`` indexer cuts page text into words with jieba, but the browser
splits a query only at spaces and punctuation, so 进程池的方法 was looked up
as one word and found nothing.  This splitter cuts each run of Chinese
characters into the longest words the index contains.
"""

from __future__ import annotations

import logging

from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese

# Runs in the browser; ``Search._index`` is loaded before any query is split.
SPLIT_QUERY_JS = r"""
var splitQuery = (query) => {
  const index = (typeof Search !== "undefined" && Search._index) || {};
  const indexed = (word) =>
    [index.terms, index.titleterms].some((terms) => terms && Object.hasOwn(terms, word));
  const words = [];
  const splitChinese = (run) => {
    let unknown = "";  // characters that start no indexed word
    const flush = () => {
      // One character is never indexed (see SearchChinese.word_filter).
      if (unknown.length > 1) words.push(unknown);
      unknown = "";
    };
    for (let start = 0; start < run.length; ) {
      let length = Math.min(run.length - start, 8);
      while (length > 1 && !indexed(run.substr(start, length))) length--;
      if (length > 1) {
        flush();
        words.push(run.substr(start, length));
        start += length;
      } else {
        unknown += run[start++];
      }
    }
    flush();
  };
  for (const token of query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)) {
    for (const run of token.match(/\p{Script=Han}+|\P{Script=Han}+/gu) || []) {
      if (/\p{Script=Han}/u.test(run)) splitChinese(run);
      else words.push(run);
    }
  }
  return words;
};
"""


class SearchChineseWords(SearchChinese):
    js_splitter_code = SPLIT_QUERY_JS


def setup(app: Sphinx) -> dict[str, object]:
    # jieba reports building its dictionary on stderr at DEBUG level.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    app.add_search_language(SearchChineseWords)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
