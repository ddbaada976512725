"""Chinese search that also works for queries typed without spaces.

Sphinx's ``zh`` indexer cuts page text into words with jieba, but the browser
splits a query only at spaces and punctuation, so 进程池的方法 was looked up
as one word and found nothing.  This splitter cuts each run of Chinese
characters into the longest words the index contains.

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
