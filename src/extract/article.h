// Article: the one record every input becomes, and that every later stage
// (store, index, stories, entities, dossiers) reads. Plain data, copyable.
// Field names follow ../shared/JSON.md (see article_json.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace malaf {

// Where an article came from. An archived article may have several.
struct SourceRef {
  std::string path;    // file path or URL as given by the user
  std::string format;  // "html", "text", "dossier", "rss", "atom", "json", "jsonl"
  int index = 0;       // position of the article within that source (0-based)
};

struct Span {
  size_t start = 0;  // byte offsets into Article::body
  size_t end = 0;
};

// A person, place or organization resolved to one entry.
struct Entity {
  std::string type;                   // "person", "place", "organization"
  std::string name;                   // canonical name
  std::vector<std::string> surfaces;  // every spelling seen in this article
  std::string role;                   // for people, when the text gives one
  std::vector<Span> mentions;
};

struct Quote {
  std::string speaker;          // canonical name of the resolved person ("" if unknown)
  std::string speaker_surface;  // how the text named the speaker
  std::string verb;             // speech verb (قال، أكد ...)
  std::string quote;            // the quoted text
  size_t start = 0;             // byte offsets of the quoted text in body
  size_t end = 0;
  std::string article;          // article id, filled when read from the archive
};

struct Article {
  std::string id;              // archive id (16 hex digits); empty before storing
  std::string title;
  std::string outlet;
  std::string url;
  std::string published;       // ISO 8601 to the precision known; "" when unknown
  std::string published_text;  // the text the date was read from
  std::string dateline;        // e.g. "جنيف (رويترز)"
  std::string dateline_city;
  std::vector<std::string> agencies;  // canonical agency names
  std::vector<std::string> authors;
  std::string body;            // display text; paragraphs separated by "\n\n"
  std::vector<SourceRef> sources;
  // Filled by analysis (extract --analyze, and always in the archive).
  bool analyzed = false;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
};

// Content identity used for de-duplication on ingest and for the id:
// Hex64(Hash64(search key of title + "\n" + body)). Two inputs carrying the
// same article (same title and text up to normalization) get the same id.
std::string ArticleContentId(const Article& a);

}  // namespace malaf
