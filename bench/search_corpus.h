// Corpus loading for the search benchmarks (bench only, never the product):
// SaudiNewsNet zips and the seed dossier read as plain documents, and the
// JSONL files the corpus generator writes. Every system under comparison
// indexes exactly these documents.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace malaf::bench {

struct BenchDoc {
  std::string key;  // stable judgment key: URL, or "seed:FILE#N"
  std::string id;   // 16 hex digits of Hash64(key)
  std::string title, outlet, published, body;
};

// SaudiNewsNet zips in `dir` (sorted by name), body paragraphs joined by
// "\n\n", published = date_extracted's day. Exits with a message on error.
std::vector<BenchDoc> LoadSaudiNewsNet(const std::string& dir);
// The seed dossier split at its "=====" lines (key seed:FILE#N) and the two
// seed pages (seed:FILE).
std::vector<BenchDoc> LoadSeeds(const std::string& dir);

void WriteJsonl(const BenchDoc& d, std::string* out);
// Calls fn for each document of a JSONL file; returns the count.
uint64_t ForEachJsonl(const std::string& path, const std::function<void(BenchDoc&&)>& fn);

// Peak resident memory of this process, MB.
double PeakRssMb();
double NowSeconds();
// User + system CPU time of this process, seconds (the machine is shared:
// wall time depends on what else runs, CPU time much less).
double CpuSeconds();

}  // namespace malaf::bench
